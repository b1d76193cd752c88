// scene/picking.cpp: nearest ray hit over the posed triangles.
#include "scene/picking.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "scene/skinning.hpp"

namespace myo::scene {

std::optional<TriangleHit> intersectTriangleUv(const glm::vec3& origin, const glm::vec3& direction,
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
  return TriangleHit{t, u, v};
}

std::optional<float> intersectTriangle(const glm::vec3& origin, const glm::vec3& direction, const glm::vec3& a,
                                       const glm::vec3& b, const glm::vec3& c) {
  if (const auto hit = intersectTriangleUv(origin, direction, a, b, c)) return hit->t;
  return std::nullopt;
}

PosedGeometry poseGeometry(const Model& model, const std::vector<glm::mat4>& world) {
  PosedGeometry out;
  for (int node : meshNodes(model)) {
    const int mesh = model.nodes[std::size_t(node)].mesh;
    const auto& prims = model.meshes[std::size_t(mesh)].primitives;
    for (std::size_t pi = 0; pi < prims.size(); ++pi) {
      PosedGeometry::Piece piece{node, mesh, int(pi), posedWorldPositions(model, node, int(pi), world), {}, {}};
      if (piece.positions.empty()) continue;
      piece.min = piece.max = piece.positions.front();
      for (const glm::vec3& q : piece.positions) {
        piece.min = glm::min(piece.min, q);
        piece.max = glm::max(piece.max, q);
      }
      out.pieces.push_back(std::move(piece));
    }
  }
  return out;
}

namespace {

// Slab test: does the ray (unit direction) meet the box before maxT?
bool rayHitsBox(const glm::vec3& o, const glm::vec3& d, const glm::vec3& lo, const glm::vec3& hi, float maxT) {
  float t0 = 0.0f, t1 = maxT;
  for (int a = 0; a < 3; ++a) {
    if (std::abs(d[a]) < 1e-12f) {
      if (o[a] < lo[a] || o[a] > hi[a]) return false;
      continue;
    }
    float ta = (lo[a] - o[a]) / d[a], tb = (hi[a] - o[a]) / d[a];
    if (ta > tb) std::swap(ta, tb);
    t0 = std::max(t0, ta);
    t1 = std::min(t1, tb);
    if (t0 > t1) return false;
  }
  return true;
}

}  // namespace

std::optional<PickHit> pick(const Model& model, const PosedGeometry& posed, const Ray& ray,
                            const MeshHidden& hidden) {
  const float dirLength = glm::length(ray.direction);
  if (!(dirLength > 0.0f) || !std::isfinite(dirLength)) return std::nullopt;
  const glm::vec3 dir = ray.direction / dirLength;  // so t is a distance
  std::optional<PickHit> best;
  for (const auto& piece : posed.pieces) {
    if (hidden && hidden(piece.mesh)) continue;
    const float maxT = best ? best->distance : std::numeric_limits<float>::max();
    if (!rayHitsBox(ray.origin, dir, piece.min, piece.max, maxT)) continue;
    const auto& idx = model.meshes[std::size_t(piece.mesh)].primitives[std::size_t(piece.primitive)].indices;
    const auto& pos = piece.positions;
    for (std::size_t t = 0; t + 2 < idx.size(); t += 3) {
      const auto hit = intersectTriangle(ray.origin, dir, pos[idx[t]], pos[idx[t + 1]], pos[idx[t + 2]]);
      if (!hit || (best && *hit >= best->distance)) continue;
      best = PickHit{.mesh = piece.mesh,
                     .node = piece.node,
                     .primitive = piece.primitive,
                     .triangle = int(t / 3),
                     .point = ray.origin + *hit * dir,
                     .distance = *hit};
    }
  }
  return best;
}

std::optional<PickHit> pick(const Model& model, const std::vector<glm::mat4>& world, const Ray& ray,
                            const MeshHidden& hidden) {
  return pick(model, poseGeometry(model, world), ray, hidden);
}

std::optional<PickHit> pickSeen(const Model& model, const PosedGeometry& posed, const Ray& ray,
                                std::span<const float> opacity, float minOpacity) {
  return pick(model, posed, ray, [&](int mesh) {
    return mesh < 0 || std::size_t(mesh) >= opacity.size() || !(opacity[std::size_t(mesh)] >= minOpacity);
  });
}

}  // namespace myo::scene
