// scene/picking.cpp: nearest ray hit over the posed triangles.
#include "scene/picking.hpp"

#include <cmath>

#include "scene/skinning.hpp"

namespace myo::scene {

std::optional<float> intersectTriangle(const glm::vec3& origin, const glm::vec3& direction,
                                       const glm::vec3& a, const glm::vec3& b, const glm::vec3& c) {
  const glm::vec3 e1 = b - a;
  const glm::vec3 e2 = c - a;
  const glm::vec3 p = glm::cross(direction, e2);
  const float det = glm::dot(e1, p);
  // Relative threshold: grazing rays and degenerate triangles give no hit.
  if (std::abs(det) <= 1e-12f * glm::length(e1) * glm::length(e2) * glm::length(direction))
    return std::nullopt;
  const float inv = 1.0f / det;
  const glm::vec3 s = origin - a;
  const float u = glm::dot(s, p) * inv;
  if (u < 0.0f || u > 1.0f) return std::nullopt;
  const glm::vec3 q = glm::cross(s, e1);
  const float v = glm::dot(direction, q) * inv;
  if (v < 0.0f || u + v > 1.0f) return std::nullopt;
  const float t = glm::dot(e2, q) * inv;
  if (!(t > 0.0f)) return std::nullopt;
  return t;
}

std::optional<PickHit> pick(const Model& model, const std::vector<glm::mat4>& world, const Ray& ray,
                            const MeshHidden& hidden) {
  const float dirLength = glm::length(ray.direction);
  if (!(dirLength > 0.0f) || !std::isfinite(dirLength)) return std::nullopt;
  const glm::vec3 dir = ray.direction / dirLength;  // so t is a distance
  std::optional<PickHit> best;
  for (int node : meshNodes(model)) {
    const int mesh = model.nodes[std::size_t(node)].mesh;
    if (hidden && hidden(mesh)) continue;
    const auto& prims = model.meshes[std::size_t(mesh)].primitives;
    for (std::size_t pi = 0; pi < prims.size(); ++pi) {
      const std::vector<glm::vec3> pos = posedWorldPositions(model, node, int(pi), world);
      const auto& idx = prims[pi].indices;
      for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
        const auto hit = intersectTriangle(ray.origin, dir, pos[idx[t]], pos[idx[t + 1]], pos[idx[t + 2]]);
        if (!hit || (best && *hit >= best->distance)) continue;
        best = PickHit{.mesh = mesh,
                       .node = node,
                       .primitive = int(pi),
                       .triangle = int(t / 3),
                       .point = ray.origin + *hit * dir,
                       .distance = *hit};
      }
    }
  }
  return best;
}

}  // namespace myo::scene
