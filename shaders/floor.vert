// floor.vert: a square on the floor plane, generated from gl_VertexID (two triangles).
uniform vec3 u_center;   // floor centre, y = floor height
uniform float u_radius;
uniform mat4 u_viewProj;
out vec3 v_worldPos;
void main() {
  const vec2 corners[6] = vec2[6](vec2(-1, -1), vec2(1, -1), vec2(1, 1), vec2(-1, -1), vec2(1, 1), vec2(-1, 1));
  vec2 c = corners[gl_VertexID];
  v_worldPos = u_center + vec3(c.x, 0.0, c.y) * u_radius;
  gl_Position = u_viewProj * vec4(v_worldPos, 1.0);
}
