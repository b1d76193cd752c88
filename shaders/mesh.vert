// mesh.vert: draws posed geometry (world-space positions and normals from pose.vert, u_model = identity) or a
// unit shape placed by u_model. Rest-space position and normal travel along so that muscle fibres and the
// coverage map stay glued to the body when it is posed.

layout(location = MYO_ATTR_POSITION) in vec3 a_position;
layout(location = MYO_ATTR_NORMAL) in vec3 a_normal;
layout(location = MYO_ATTR_UV) in vec2 a_uv;
layout(location = MYO_ATTR_COLOR) in vec4 a_color;
layout(location = MYO_ATTR_FIBRE) in vec3 a_fibre;
layout(location = MYO_ATTR_TENDON) in float a_tendon;
layout(location = MYO_ATTR_REST_POSITION) in vec3 a_restPosition;
layout(location = MYO_ATTR_REST_NORMAL) in vec3 a_restNormal;

uniform mat4 u_model;
uniform mat3 u_normalMatrix;
uniform mat4 u_viewProj;
uniform vec3 u_eye;
uniform float u_towardEye;  // metres to move toward the eye: along the view ray, so only the depth changes

out vec3 v_worldPos;
out vec3 v_normal;
out vec2 v_uv;
out vec4 v_color;
out vec3 v_restPos;
out vec3 v_restAcross;
out float v_tendon;
out float v_hasFibre;

void main() {
  vec4 world = u_model * vec4(a_position, 1.0);
  v_worldPos = world.xyz;
  if (u_towardEye > 0.0) world.xyz += normalize(u_eye - world.xyz) * u_towardEye;
  v_normal = u_normalMatrix * a_normal;
  v_uv = a_uv;
  v_color = a_color;
  v_restPos = a_restPosition;
  float fibreLength = length(a_fibre);
  v_hasFibre = fibreLength > 0.5 ? 1.0 : 0.0;
  v_restAcross = fibreLength > 0.5 ? normalize(cross(a_restNormal, a_fibre / fibreLength)) : vec3(0.0);
  v_tendon = a_tendon;
  gl_Position = u_viewProj * world;
}
