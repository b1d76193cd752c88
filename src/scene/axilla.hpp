// scene/axilla.hpp: the turn of an axilla helper joint (the shipped model's `axilla_L`, `axilla_R`) from its
// shoulder's turn, shared by the model generator's checks and the exercise poses.
#pragma once

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

namespace myo::scene {

/// The helper turns half as far as its shoulder from rest, about the same axis. A vertex blended between the arm
/// and the trunk moves, for small turns, as it did with the same weight moved to the helper from both sides
/// (twice that on the helper); for wide turns the helper carries it round the pivot where a linear blend of
/// the two far-apart turns pulls it in toward the pivot (the armpit's skin under the raised arm).
inline glm::quat axillaTurn(const glm::quat& shoulderTurn) {
  return glm::slerp(glm::quat(1.0f, 0.0f, 0.0f, 0.0f), shoulderTurn, 0.5f);
}

}  // namespace myo::scene
