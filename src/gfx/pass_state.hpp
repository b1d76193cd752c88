// gfx/pass_state.hpp: the fixed-function state a render pass starts from, declared as one value.
#pragma once

#include <optional>

#include <glm/glm.hpp>

#include "gfx/gl.hpp"

namespace myo::gfx {

struct PassState {
  /// Alpha: source alpha over what is there, its alpha kept as coverage (a picture over a transparent target
  /// is premultiplied). Under: a premultiplied source behind what is there, where it does not yet cover.
  enum class Blend { None, Alpha, Under };
  enum class Cull { None, Back };
  bool depthTest = false;
  bool depthWrite = true;
  GLenum depthFunc = GL_LEQUAL;
  Blend blend = Blend::None;
  Cull cull = Cull::None;
  std::optional<glm::ivec4> scissor;  ///< x, y, width, height; none: the whole target
  bool atFarPlane = false;  ///< every fragment's depth is the far plane's (drawn only where nothing is yet)
};

/// Sets every state PassState names (colour writes on, stencil off), whatever the previous pass left.
void apply(const PassState& state);

}  // namespace myo::gfx
