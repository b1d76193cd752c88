// scene/skinning.cpp: joint matrices and linear-blend skinning on the CPU.
#include "scene/skinning.hpp"

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

std::vector<glm::vec3> skinPositions(const Primitive& p, const std::vector<glm::mat4>& joints) {
  if (joints.empty() || p.joints.size() != p.positions.size() || p.weights.size() != p.positions.size())
    return p.positions;
  std::vector<glm::vec3> out(p.positions.size());
  const std::size_t last = joints.size() - 1;
  for (std::size_t v = 0; v < p.positions.size(); ++v) {
    glm::mat4 m(0.0f);
    for (int c = 0; c < 4; ++c) {
      const float w = p.weights[v][c];
      if (w != 0.0f) m += w * joints[std::min<std::size_t>(p.joints[v][c], last)];
    }
    out[v] = glm::vec3(m * glm::vec4(p.positions[v], 1.0f));
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
  std::vector<glm::vec3> out =
      n.skin >= 0 ? skinPositions(p, jointMatrices(model, n.skin, world, nodeWorld)) : p.positions;
  for (glm::vec3& q : out) q = glm::vec3(nodeWorld * glm::vec4(q, 1.0f));
  return out;
}

}  // namespace myo::scene
