// overlay.vert: world-space overlay triangles (coverage, safety zones) with a colour per vertex.

layout(location = MYO_ATTR_POSITION) in vec3 a_position;
layout(location = MYO_ATTR_COLOR) in vec4 a_color;

uniform mat4 u_viewProj;

out vec3 v_worldPos;
out vec4 v_color;

void main() {
  v_worldPos = a_position;
  v_color = a_color;
  gl_Position = u_viewProj * vec4(a_position, 1.0);
}
