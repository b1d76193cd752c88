// overlay.frag: the overlay's colour, lit from the eye by the triangle's own facet (no normals are sent), so the
// painted area keeps the body's relief.

in vec3 v_worldPos;
in vec4 v_color;

uniform vec3 u_eye;

out vec4 o_color;

void main() {
  vec3 n = normalize(cross(dFdx(v_worldPos), dFdy(v_worldPos)));
  float facing = abs(dot(n, normalize(u_eye - v_worldPos)));
  o_color = vec4(v_color.rgb * (0.55 + 0.45 * facing), v_color.a);
}
