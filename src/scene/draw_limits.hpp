// scene/draw_limits.hpp: what the renderer can draw of a model, told to the user when a model goes past it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "scene/model.hpp"

namespace myo::scene {

/// Joints per skin the pose shader holds (shaders/pose.vert: u_joints[128], a 16 KiB uniform block, the
/// least every OpenGL 3.3 driver offers).
inline constexpr std::size_t kMaxDrawnJoints = 128;

/// A sentence for the user when a skin has more joints than the renderer poses, nullopt otherwise.
inline std::optional<std::string> jointLimitNote(const Model& model) {
  for (std::size_t s = 0; s < model.skins.size(); ++s) {
    const std::size_t n = model.skins[s].joints.size();
    if (n > kMaxDrawnJoints)
      return "skin " + std::to_string(s) + " has " + std::to_string(n) + " joints; only the first " +
             std::to_string(kMaxDrawnJoints) + " are posed, so vertices bound to joints " +
             std::to_string(kMaxDrawnJoints) + " to " + std::to_string(n - 1) + " are not drawn in place";
  }
  return std::nullopt;
}

}  // namespace myo::scene
