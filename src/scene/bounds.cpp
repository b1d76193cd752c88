// scene/bounds.cpp: world-space bounds of the posed model.
#include "scene/bounds.hpp"

#include "scene/skinning.hpp"

namespace myo::scene {

Bounds modelBounds(const Model& model, const std::vector<glm::mat4>& world, const MeshHidden& hidden) {
  Bounds b;
  for (int node : meshNodes(model)) {
    const int mesh = model.nodes[std::size_t(node)].mesh;
    if (hidden && hidden(mesh)) continue;
    const auto& prims = model.meshes[std::size_t(mesh)].primitives;
    for (std::size_t p = 0; p < prims.size(); ++p)
      for (const glm::vec3& q : posedWorldPositions(model, node, int(p), world)) b.add(q);
  }
  return b;
}

Bounds restBounds(const Model& model) {
  return modelBounds(model, worldTransforms(model, localTransforms(model)));
}

}  // namespace myo::scene
