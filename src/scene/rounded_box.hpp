// scene/rounded_box.hpp: a box with rounded edges and corners (upholstery, padded parts), as a triangle list in
// the unit box's coordinates, so that the same placement as a plain unit box (a transform scaling -1..1 to the
// half sizes) puts it in the world with corners that stay round, not stretched.
#pragma once

#include <glm/glm.hpp>

#include "scene/model.hpp"

namespace myo::scene {

/// A box of `halfSize` (metres) whose edges and corners are rounded with `radius` metres (clamped to the
/// smallest half size), divided into `steps` facets per eighth of a turn. Positions are in unit-box coordinates
/// (metres divided by halfSize, so within -1..1); normals are given so that a renderer's normal matrix for the
/// placing transform (inverse transpose) turns them into the world's: the true normal times halfSize,
/// normalised. Counter-clockwise front faces, outward normals; faces meet on shared, equal vertices.
Primitive unitRoundedBox(const glm::vec3& halfSize, float radius, int steps = 4);

}  // namespace myo::scene
