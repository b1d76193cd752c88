// pose.vert: poses every vertex once per pose change (linear-blend skinning for skinned meshes, the node's
// world matrix otherwise); transform feedback captures world position and normal for all later passes.

layout(location = MYO_ATTR_POSITION) in vec3 a_position;
layout(location = MYO_ATTR_NORMAL) in vec3 a_normal;
layout(location = MYO_ATTR_JOINTS) in uvec4 a_joints;
layout(location = MYO_ATTR_WEIGHTS) in vec4 a_weights;

layout(std140) uniform Joints { mat4 u_joints[MYO_MAX_JOINTS]; };

uniform mat4 u_model;         // node world matrix (skinned meshes: identity, joints carry the transform)
uniform mat3 u_normalMatrix;  // inverse transpose of u_model
uniform bool u_skinned;

out vec3 tf_position;
out vec3 tf_normal;

void main() {
  if (u_skinned) {
    mat4 skin = a_weights.x * u_joints[a_joints.x] + a_weights.y * u_joints[a_joints.y] +
                a_weights.z * u_joints[a_joints.z] + a_weights.w * u_joints[a_joints.w];
    mat4 m = u_model * skin;
    tf_position = (m * vec4(a_position, 1.0)).xyz;
    // Joints are rigid (rotation and translation), so their blend's upper 3x3 serves for normals.
    tf_normal = normalize(mat3(m) * a_normal);
  } else {
    tf_position = (u_model * vec4(a_position, 1.0)).xyz;
    tf_normal = normalize(u_normalMatrix * a_normal);
  }
}
