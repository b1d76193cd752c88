// scene/skinning.cpp: joint matrices and skinning on the CPU (linear blend; dual quaternions at the knees and, below
// a wide turn, at the shoulder girdle).
#include "scene/skinning.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <glm/gtc/quaternion.hpp>

namespace myo::scene {

std::vector<glm::mat4> jointMatrices(const Model& model, int skin, const std::vector<glm::mat4>& world,
                                     const glm::mat4& meshNodeWorld) {
  if (skin < 0 || std::size_t(skin) >= model.skins.size()) return {};
  const Skin& s = model.skins[std::size_t(skin)];
  const glm::mat4 toMesh = glm::inverse(meshNodeWorld);
  std::vector<glm::mat4> out;
  out.reserve(s.joints.size());
  for (std::size_t j = 0; j < s.joints.size(); ++j) {
    const int node = s.joints[j];
    const glm::mat4 jointWorld =
        node >= 0 && std::size_t(node) < world.size() ? world[std::size_t(node)] : glm::mat4(1.0f);
    const glm::mat4 inverseBind = j < s.inverseBind.size() ? s.inverseBind[j] : glm::mat4(1.0f);
    out.push_back(toMesh * jointWorld * inverseBind);
  }
  return out;
}

namespace {

template <typename Pick>
std::uint32_t jointMask(const Model& model, int skin, Pick pick) {
  if (skin < 0 || std::size_t(skin) >= model.skins.size()) return 0;
  const Skin& s = model.skins[std::size_t(skin)];
  std::uint32_t mask = 0;
  for (std::size_t j = 0; j < std::min<std::size_t>(s.joints.size(), 32); ++j) {
    const int node = s.joints[j];
    if (node >= 0 && std::size_t(node) < model.nodes.size() && pick(model.nodes[std::size_t(node)].name))
      mask |= std::uint32_t(1) << j;
  }
  return mask;
}

}  // namespace

std::uint32_t dualQuaternionJoints(const Model& model, int skin) {
  return jointMask(model, skin, [](const std::string& n) { return n.starts_with("knee_"); });
}

std::uint32_t girdleDualQuaternionJoints(const Model& model, int skin) {
  return jointMask(model, skin,
                   [](const std::string& n) { return n.starts_with("clavicle_") || n.starts_with("shoulder_"); });
}

std::uint32_t girdleLinearJoints(const Model& model, int skin) {
  return jointMask(model, skin,
                   [](const std::string& n) { return n.starts_with("elbow_") || n.starts_with("wrist_"); });
}

namespace {

/// The rotation of each (rigid) joint matrix as a unit quaternion, taken once per skinning call rather than per
/// vertex and influence.
std::vector<glm::quat> jointRotations(const std::vector<glm::mat4>& joints) {
  std::vector<glm::quat> out(joints.size());
  for (std::size_t j = 0; j < joints.size(); ++j) out[j] = glm::normalize(glm::quat_cast(glm::mat3(joints[j])));
  return out;
}

/// Dual-quaternion blend of the rigid joint matrices (Kavan et al. 2008), the same as shaders/pose.vert; `rot`
/// holds the joints' rotations (jointRotations).
glm::vec3 dualQuaternionSkin(const Primitive& p, std::size_t v, const std::vector<glm::mat4>& joints,
                             const std::vector<glm::quat>& rot) {
  const std::size_t last = joints.size() - 1;
  glm::quat real(0.0f, 0.0f, 0.0f, 0.0f), dual(0.0f, 0.0f, 0.0f, 0.0f);
  // Each rotation takes the sign nearer the first influence's (the shorter way round).
  const glm::quat first = rot[std::min<std::size_t>(p.joints[v][0], last)];
  for (int c = 0; c < 4; ++c) {
    const float w = p.weights[v][c];
    if (w == 0.0f) continue;
    const std::size_t j = std::min<std::size_t>(p.joints[v][c], last);
    const glm::quat r = rot[j];
    const glm::vec3 t(joints[j][3]);
    const glm::quat d = 0.5f * (glm::quat(0.0f, t.x, t.y, t.z) * r);
    const float s = glm::dot(first, r) < 0.0f ? -w : w;
    real += s * r;
    dual += s * d;
  }
  const float n = glm::length(real);
  if (n < 1e-9f) return p.positions[v];
  real /= n;
  dual /= n;
  const glm::vec3 rv(real.x, real.y, real.z), dv(dual.x, dual.y, dual.z);
  const glm::vec3 t = 2.0f * (real.w * dv - dual.w * rv + glm::cross(rv, dv));
  return real * p.positions[v] + t;
}

/// The share of the dual-quaternion blend for a girdle vertex: 1 below the first of kGirdleDualQuaternionTurnDeg
/// (the widest turn between the vertex's influences), 0 from the second, smooth between; as shaders/pose.vert.
float girdleShare(const Primitive& p, std::size_t v, const std::vector<glm::quat>& rot) {
  const std::size_t last = rot.size() - 1;
  const glm::quat first = rot[std::min<std::size_t>(p.joints[v][0], last)];
  float cosHalf = 1.0f;
  for (int c = 1; c < 4; ++c) {
    if (p.weights[v][c] == 0.0f) continue;
    const glm::quat r = rot[std::min<std::size_t>(p.joints[v][c], last)];
    cosHalf = std::min(cosHalf, std::abs(glm::dot(first, r)));
  }
  const float turn = glm::degrees(2.0f * std::acos(std::min(1.0f, cosHalf)));
  const float t = std::clamp(
      (kGirdleDualQuaternionTurnDeg[1] - turn) / (kGirdleDualQuaternionTurnDeg[1] - kGirdleDualQuaternionTurnDeg[0]),
      0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

}  // namespace

std::vector<glm::vec3> skinPositions(const Primitive& p, const std::vector<glm::mat4>& joints,
                                     std::uint32_t dualQuaternion, std::uint32_t girdle, std::uint32_t girdleLinear) {
  if (joints.empty() || p.joints.size() != p.positions.size() || p.weights.size() != p.positions.size())
    return p.positions;
  std::vector<glm::vec3> out(p.positions.size());
  const std::size_t last = joints.size() - 1;
  const std::vector<glm::quat> rot = (dualQuaternion | girdle) != 0 ? jointRotations(joints) : std::vector<glm::quat>();
  for (std::size_t v = 0; v < p.positions.size(); ++v) {
    bool dq = false, onGirdle = false, linear = false;
    for (int c = 0; c < 4; ++c) {
      if (p.weights[v][c] == 0.0f || p.joints[v][c] >= 32) continue;
      dq = dq || (dualQuaternion >> p.joints[v][c] & 1u);
      onGirdle = onGirdle || (girdle >> p.joints[v][c] & 1u);
      linear = linear || (girdleLinear >> p.joints[v][c] & 1u);
    }
    if (dq) {
      out[v] = dualQuaternionSkin(p, v, joints, rot);
      continue;
    }
    glm::mat4 m(0.0f);
    for (int c = 0; c < 4; ++c) {
      const float w = p.weights[v][c];
      if (w != 0.0f) m += w * joints[std::min<std::size_t>(p.joints[v][c], last)];
    }
    out[v] = glm::vec3(m * glm::vec4(p.positions[v], 1.0f));
    if (onGirdle && !linear) {
      const float share = girdleShare(p, v, rot);
      if (share > 0.0f) out[v] += share * (dualQuaternionSkin(p, v, joints, rot) - out[v]);
    }
  }
  return out;
}

std::vector<glm::vec3> posedWorldPositions(const Model& model, int node, int primitive,
                                           const std::vector<glm::mat4>& world) {
  if (node < 0 || std::size_t(node) >= model.nodes.size()) return {};
  const Node& n = model.nodes[std::size_t(node)];
  if (n.mesh < 0 || std::size_t(n.mesh) >= model.meshes.size()) return {};
  const Mesh& mesh = model.meshes[std::size_t(n.mesh)];
  if (primitive < 0 || std::size_t(primitive) >= mesh.primitives.size()) return {};
  const Primitive& p = mesh.primitives[std::size_t(primitive)];
  const glm::mat4 nodeWorld = std::size_t(node) < world.size() ? world[std::size_t(node)] : glm::mat4(1.0f);
  std::vector<glm::vec3> out = p.positions;
  if (n.skin >= 0)
    out = skinPositions(p, jointMatrices(model, n.skin, world, nodeWorld), dualQuaternionJoints(model, n.skin),
                        girdleDualQuaternionJoints(model, n.skin), girdleLinearJoints(model, n.skin));
  for (glm::vec3& q : out) q = glm::vec3(nodeWorld * glm::vec4(q, 1.0f));
  return out;
}

}  // namespace myo::scene
