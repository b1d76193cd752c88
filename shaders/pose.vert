// pose.vert: poses every vertex once per pose change (linear-blend skinning for skinned meshes, dual quaternions
// for vertices weighted to a joint in u_dqJoints, a mix of the two by the widest turn between the influences for
// those weighted to a joint in u_dqGirdleJoints and none in u_dqGirdleLinear, as scene/skinning.cpp does; the
// node's world matrix otherwise);
// transform feedback captures world position and normal for all later passes.

layout(location = MYO_ATTR_POSITION) in vec3 a_position;
layout(location = MYO_ATTR_NORMAL) in vec3 a_normal;
layout(location = MYO_ATTR_JOINTS) in uvec4 a_joints;
layout(location = MYO_ATTR_WEIGHTS) in vec4 a_weights;

layout(std140) uniform Joints { mat4 u_joints[MYO_MAX_JOINTS]; };

uniform mat4 u_model;         // node world matrix (skinned meshes: identity, joints carry the transform)
uniform mat3 u_normalMatrix;  // inverse transpose of u_model
uniform bool u_skinned;
uniform int u_dqJoints;       // bit k: vertices weighted to joint k blend as dual quaternions (the knees)
uniform int u_dqGirdleJoints; // bit k: vertices weighted to joint k (and none of u_dqJoints) blend as dual
                              // quaternions while their influences turn apart by under u_dqGirdleTurn.x radians,
uniform vec2 u_dqGirdleTurn;  // linearly from u_dqGirdleTurn.y, a smooth mix between (the shoulder girdle);
uniform int u_dqGirdleLinear; // but a vertex weighted to a joint in this mask stays linear (elbows, wrists)

out vec3 tf_position;
out vec3 tf_normal;

// The rotation of a rigid joint matrix as a quaternion (x, y, z, w).
vec4 rotationOf(mat3 m) {
  float t = m[0][0] + m[1][1] + m[2][2];
  if (t > 0.0) {
    float s = 2.0 * sqrt(t + 1.0);
    return vec4(m[1][2] - m[2][1], m[2][0] - m[0][2], m[0][1] - m[1][0], 0.25 * s * s) / s;
  }
  if (m[0][0] > m[1][1] && m[0][0] > m[2][2]) {
    float s = 2.0 * sqrt(1.0 + m[0][0] - m[1][1] - m[2][2]);
    return vec4(0.25 * s * s, m[1][0] + m[0][1], m[2][0] + m[0][2], m[1][2] - m[2][1]) / s;
  }
  if (m[1][1] > m[2][2]) {
    float s = 2.0 * sqrt(1.0 + m[1][1] - m[0][0] - m[2][2]);
    return vec4(m[1][0] + m[0][1], 0.25 * s * s, m[2][1] + m[1][2], m[2][0] - m[0][2]) / s;
  }
  float s = 2.0 * sqrt(1.0 + m[2][2] - m[0][0] - m[1][1]);
  return vec4(m[2][0] + m[0][2], m[2][1] + m[1][2], 0.25 * s * s, m[0][1] - m[1][0]) / s;
}

vec3 rotate(vec4 q, vec3 v) { return v + 2.0 * cross(q.xyz, cross(q.xyz, v) + q.w * v); }

bool weightedTo(int mask) {
  for (int c = 0; c < 4; ++c)
    if (a_weights[c] != 0.0 && a_joints[c] < 32u && ((uint(mask) >> a_joints[c]) & 1u) != 0u) return true;
  return false;
}

// The dual-quaternion blend of the rigid joint matrices (Kavan et al. 2008): position and normal in the mesh
// node's space.
void dualQuaternionSkin(out vec3 p, out vec3 n) {
  vec4 first = rotationOf(mat3(u_joints[a_joints.x]));
  vec4 real = vec4(0.0), dual = vec4(0.0);
  for (int c = 0; c < 4; ++c) {
    if (a_weights[c] == 0.0) continue;
    mat4 j = u_joints[a_joints[c]];
    vec4 r = normalize(rotationOf(mat3(j)));
    vec3 t = j[3].xyz;
    vec4 d = 0.5 * vec4(r.w * t + cross(t, r.xyz), -dot(t, r.xyz));
    float w = dot(first, r) < 0.0 ? -a_weights[c] : a_weights[c];
    real += w * r;
    dual += w * d;
  }
  float len = length(real);
  real /= len;
  dual /= len;
  p = rotate(real, a_position) + 2.0 * (real.w * dual.xyz - dual.w * real.xyz + cross(real.xyz, dual.xyz));
  n = rotate(real, a_normal);
}

void main() {
  if (u_skinned && weightedTo(u_dqJoints)) {
    vec3 p, n;
    dualQuaternionSkin(p, n);
    tf_position = (u_model * vec4(p, 1.0)).xyz;
    tf_normal = normalize(mat3(u_model) * n);
  } else if (u_skinned) {
    mat4 skin = a_weights.x * u_joints[a_joints.x] + a_weights.y * u_joints[a_joints.y] +
                a_weights.z * u_joints[a_joints.z] + a_weights.w * u_joints[a_joints.w];
    vec3 p = (skin * vec4(a_position, 1.0)).xyz;
    // Joints are rigid (rotation and translation), so their blend's upper 3x3 serves for normals.
    vec3 n = mat3(skin) * a_normal;
    if (weightedTo(u_dqGirdleJoints) && !weightedTo(u_dqGirdleLinear)) {
      vec4 first = normalize(rotationOf(mat3(u_joints[a_joints.x])));
      float cosHalf = 1.0;
      for (int c = 1; c < 4; ++c) {
        if (a_weights[c] == 0.0) continue;
        cosHalf = min(cosHalf, abs(dot(first, normalize(rotationOf(mat3(u_joints[a_joints[c]]))))));
      }
      float share = 1.0 - smoothstep(u_dqGirdleTurn.x, u_dqGirdleTurn.y, 2.0 * acos(min(1.0, cosHalf)));
      if (share > 0.0) {
        vec3 dp, dn;
        dualQuaternionSkin(dp, dn);
        p = mix(p, dp, share);
        n = mix(normalize(n), dn, share);
      }
    }
    tf_position = (u_model * vec4(p, 1.0)).xyz;
    tf_normal = normalize(mat3(u_model) * n);
  } else {
    tf_position = (u_model * vec4(a_position, 1.0)).xyz;
    tf_normal = normalize(u_normalMatrix * a_normal);
  }
}
