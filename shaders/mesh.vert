#version 330 core
// mesh.vert: every model mesh. Linear-blend skinning on the GPU when u_skinned; outputs world-space
// position and normal, plus rest-space data so muscle fibres stay glued to the muscle when posed.

layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in vec2 a_uv;
layout(location = 3) in vec4 a_color;
layout(location = 4) in vec3 a_fibre;
layout(location = 5) in float a_tendon;
layout(location = 6) in uvec4 a_joints;
layout(location = 7) in vec4 a_weights;

layout(std140) uniform Joints { mat4 u_joints[128]; };

uniform mat4 u_model;       // node world matrix (identity for skinned meshes: joints carry the transform)
uniform mat4 u_viewProj;
uniform bool u_skinned;

out vec3 v_worldPos;
out vec3 v_normal;
out vec2 v_uv;
out vec4 v_color;
out vec3 v_restPos;
out vec3 v_restAcross;
out float v_tendon;
out float v_hasFibre;

void main() {
  mat4 m = u_model;
  if (u_skinned) {
    m = u_model * (a_weights.x * u_joints[a_joints.x] + a_weights.y * u_joints[a_joints.y] +
                   a_weights.z * u_joints[a_joints.z] + a_weights.w * u_joints[a_joints.w]);
  }
  vec4 world = m * vec4(a_position, 1.0);
  mat3 nm = transpose(inverse(mat3(m)));
  vec3 n = normalize(nm * a_normal);
  v_worldPos = world.xyz;
  v_normal = n;
  v_uv = a_uv;
  v_color = a_color;
  v_restPos = a_position;
  float fibreLength = length(a_fibre);
  v_hasFibre = fibreLength > 0.5 ? 1.0 : 0.0;
  v_restAcross = fibreLength > 0.5 ? normalize(cross(a_normal, a_fibre / fibreLength)) : vec3(0.0);
  v_tendon = a_tendon;

  gl_Position = u_viewProj * world;
}
