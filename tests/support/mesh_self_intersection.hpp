// tests/support/mesh_self_intersection.hpp: closed-mesh checks on the generator's meshes (anatomy tests and
// the preview tool): edges shared by more than two faces, and edges that pass through a face of the same mesh.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <unordered_map>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/anatomy_model.hpp"

namespace myo::test {

/// Number of edges used by more than two faces.
inline int nonManifoldEdges(const anatomy::TissueMesh& m) {
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
  for (std::size_t f = 0; f < m.indices.size(); f += 3)
    for (int e = 0; e < 3; ++e) {
      std::uint32_t a = m.indices[f + e], b = m.indices[f + (e + 1) % 3];
      ++edges[{std::min(a, b), std::max(a, b)}];
    }
  int multi = 0;
  for (const auto& [edge, n] : edges) multi += n > 2 ? 1 : 0;
  return multi;
}

/// True when the open segment p..q crosses the triangle's interior (touching within a relative 1e-5 is not a
/// crossing, so faces that merely meet along a line do not count).
inline bool segmentCrossesTriangle(glm::vec3 p, glm::vec3 q, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
  const glm::vec3 d = q - p, e1 = b - a, e2 = c - a;
  const glm::vec3 s = glm::cross(d, e2);
  const float det = glm::dot(e1, s);
  if (std::abs(det) < 1e-20f) return false;
  const float inv = 1.0f / det;
  const glm::vec3 o = p - a;
  const float u = glm::dot(o, s) * inv;
  if (u <= 1e-5f || u >= 1.0f - 1e-5f) return false;
  const glm::vec3 r = glm::cross(o, e1);
  const float v = glm::dot(d, r) * inv;
  if (v <= 1e-5f || u + v >= 1.0f - 1e-5f) return false;
  const float t = glm::dot(e2, r) * inv;
  return t > 1e-5f && t < 1.0f - 1e-5f;
}

/// Edges of the mesh that pass through one of its own faces (faces sharing a vertex with the edge are not
/// tested). Faces are binned on a grid of `cell` metres.
/// `hitFaces`, if given, receives for each such edge one face it passes through.
inline std::vector<std::pair<std::uint32_t, std::uint32_t>> selfIntersectingEdges(const anatomy::TissueMesh& m,
                                                                                   float cell = 0.01f,
                                                                                   std::vector<std::uint32_t>* hitFaces = nullptr) {
  auto key = [](int x, int y, int z) {
    return (static_cast<std::uint64_t>(x + (1 << 20)) << 42) | (static_cast<std::uint64_t>(y + (1 << 20)) << 21) |
           static_cast<std::uint64_t>(z + (1 << 20));
  };
  auto cellOf = [&](glm::vec3 p) { return glm::ivec3(glm::floor(p / cell)); };
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> bins;
  const std::size_t faces = m.indices.size() / 3;
  for (std::uint32_t f = 0; f < faces; ++f) {
    glm::vec3 lo = m.positions[m.indices[3 * f]], hi = lo;
    for (int k = 1; k < 3; ++k) {
      lo = glm::min(lo, m.positions[m.indices[3 * f + k]]);
      hi = glm::max(hi, m.positions[m.indices[3 * f + k]]);
    }
    const glm::ivec3 a = cellOf(lo), b = cellOf(hi);
    for (int x = a.x; x <= b.x; ++x)
      for (int y = a.y; y <= b.y; ++y)
        for (int z = a.z; z <= b.z; ++z) bins[key(x, y, z)].push_back(f);
  }
  std::map<std::pair<std::uint32_t, std::uint32_t>, bool> edges;
  for (std::size_t f = 0; f < m.indices.size(); f += 3)
    for (int e = 0; e < 3; ++e) {
      std::uint32_t a = m.indices[f + e], b = m.indices[f + (e + 1) % 3];
      edges[{std::min(a, b), std::max(a, b)}] = false;
    }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> crossing;
  std::vector<std::uint32_t> seen;
  for (const auto& [edge, unused] : edges) {
    const glm::vec3 p = m.positions[edge.first], q = m.positions[edge.second];
    const glm::ivec3 a = cellOf(glm::min(p, q)), b = cellOf(glm::max(p, q));
    seen.clear();
    bool hit = false;
    for (int x = a.x; x <= b.x && !hit; ++x)
      for (int y = a.y; y <= b.y && !hit; ++y)
        for (int z = a.z; z <= b.z && !hit; ++z) {
          auto it = bins.find(key(x, y, z));
          if (it == bins.end()) continue;
          for (std::uint32_t f : it->second) {
            const std::uint32_t i0 = m.indices[3 * f], i1 = m.indices[3 * f + 1], i2 = m.indices[3 * f + 2];
            if (i0 == edge.first || i1 == edge.first || i2 == edge.first || i0 == edge.second || i1 == edge.second ||
                i2 == edge.second)
              continue;
            if (segmentCrossesTriangle(p, q, m.positions[i0], m.positions[i1], m.positions[i2])) {
              hit = true;
              if (hitFaces) hitFaces->push_back(f);
              break;
            }
          }
        }
    if (hit) crossing.push_back(edge);
  }
  return crossing;
}

}  // namespace myo::test
