// exercise/overlay_geometry.cpp: posing a subset of the rest surface.
#include "exercise/overlay_geometry.hpp"

#include <algorithm>
#include <map>

#include "scene/skinning.hpp"

namespace myo::exercise {

namespace {

/// The part (drawn primitive) that holds vertex `v`: the last whose first vertex is at or before it.
std::size_t partOf(const RestSurface& rest, std::uint32_t v) {
  const auto it =
      std::upper_bound(rest.parts.begin(), rest.parts.end(), v,
                       [](std::uint32_t value, const RestSurface::Part& p) { return value < p.firstVertex; });
  return std::size_t(std::max<std::ptrdiff_t>(0, (it - rest.parts.begin()) - 1));
}

}  // namespace

std::vector<glm::vec3> posedTriangles(const scene::Model& model, const RestSurface& rest,
                                      const std::vector<std::size_t>& triangles, const std::vector<glm::mat4>& world) {
  std::vector<glm::vec3> out;
  if (rest.parts.empty()) return out;
  std::map<std::size_t, std::vector<glm::vec3>> posed;  // part -> its vertices posed
  out.reserve(triangles.size() * 3);
  for (std::size_t t : triangles) {
    if (t >= rest.triangles.size()) continue;
    const glm::uvec3 tri = rest.triangles[t];
    for (std::uint32_t v : {tri.x, tri.y, tri.z}) {
      const std::size_t part = partOf(rest, v);
      auto it = posed.find(part);
      if (it == posed.end()) {
        const RestSurface::Part& p = rest.parts[part];
        it = posed.emplace(part, scene::posedWorldPositions(model, p.node, p.primitive, world)).first;
      }
      const std::size_t local = v - rest.parts[part].firstVertex;
      out.push_back(local < it->second.size() ? it->second[local] : rest.positions[v]);
    }
  }
  return out;
}

std::vector<glm::vec3> restTriangles(const RestSurface& rest, const std::vector<std::size_t>& triangles) {
  std::vector<glm::vec3> out;
  out.reserve(triangles.size() * 3);
  for (std::size_t t : triangles) {
    if (t >= rest.triangles.size()) continue;
    const glm::uvec3 tri = rest.triangles[t];
    for (std::uint32_t v : {tri.x, tri.y, tri.z}) out.push_back(rest.positions[v]);
  }
  return out;
}

}  // namespace myo::exercise
