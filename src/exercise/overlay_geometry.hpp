// exercise/overlay_geometry.hpp: rest-surface triangles (coverage, safety zones) posed like the body, for
// painting them over it.
#pragma once

#include <cstddef>
#include <vector>

#include <glm/glm.hpp>

#include "exercise/contact.hpp"
#include "scene/model.hpp"

namespace myo::exercise {

/// World positions, three per triangle, of `triangles` (indices into rest.triangles) under the pose `world`
/// (node world transforms, skinned on the CPU as the renderer skins them). Only the primitives that hold one
/// of the triangles are posed.
std::vector<glm::vec3> posedTriangles(const scene::Model& model, const RestSurface& rest,
                                      const std::vector<std::size_t>& triangles, const std::vector<glm::mat4>& world);

/// The same at rest (the surface's own positions).
std::vector<glm::vec3> restTriangles(const RestSurface& rest, const std::vector<std::size_t>& triangles);

}  // namespace myo::exercise
