// scene/animation.hpp: sampling glTF animations (step, linear with slerp, cubic spline) into node transforms.
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "scene/model.hpp"

namespace myo::scene {

/// Value of one channel at `seconds`, clamped to its first and last key. Translation and scale in xyz;
/// rotation as a unit quaternion in x, y, z, w order (as in the file).
glm::vec4 sampleChannel(const AnimChannel& channel, float seconds);

/// Local transforms of every node with animation `animation` applied at `seconds` (looping is the caller's
/// business). Nodes the animation does not touch keep their rest transform. An index outside
/// Model::animations gives the rest pose.
std::vector<glm::mat4> animatedLocalTransforms(const Model& model, int animation, float seconds);

}  // namespace myo::scene
