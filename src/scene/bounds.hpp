// scene/bounds.hpp: axis-aligned bounds of a posed model in world space, for framing the camera.
#pragma once

#include <functional>
#include <limits>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model.hpp"

namespace myo::scene {

/// Axis-aligned box in world space (metres). Starts empty; add() grows it.
struct Bounds {
  glm::vec3 min{std::numeric_limits<float>::max()};
  glm::vec3 max{std::numeric_limits<float>::lowest()};

  bool empty() const { return min.x > max.x || min.y > max.y || min.z > max.z; }
  void add(const glm::vec3& p) {
    min = glm::min(min, p);
    max = glm::max(max, p);
  }
  void add(const Bounds& b) {
    if (!b.empty()) {
      add(b.min);
      add(b.max);
    }
  }
  glm::vec3 center() const { return empty() ? glm::vec3(0.0f) : 0.5f * (min + max); }
  glm::vec3 size() const { return empty() ? glm::vec3(0.0f) : max - min; }
  /// Radius of the sphere around center() that holds the box (half its diagonal).
  float radius() const { return empty() ? 0.0f : 0.5f * glm::length(max - min); }
};

/// Tells whether mesh `mesh` (index into Model::meshes) is hidden and must be left out.
using MeshHidden = std::function<bool(int mesh)>;

/// Bounds of every visible mesh of the displayed scene posed by `world` (node world transforms, possibly
/// animated; skinned meshes are skinned on the CPU).
Bounds modelBounds(const Model& model, const std::vector<glm::mat4>& world, const MeshHidden& hidden = {});

/// Bounds in the rest pose (no animation).
Bounds restBounds(const Model& model);

}  // namespace myo::scene
