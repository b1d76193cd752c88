// gfx/render_target.hpp: framebuffers described by value and created (and checked) in one place.
#pragma once

#include <glm/glm.hpp>

#include "gfx/gl_object.hpp"

namespace myo::gfx {

/// What a framebuffer holds.
struct TargetDesc {
  enum class Color { None, Rgba8Texture, R8Texture, Rgba8Buffer };
  enum class Depth { None, DepthStencilBuffer, DepthTexture };
  const char* name = "render target";  ///< for the error message
  glm::ivec2 size{1, 1};
  int samples = 0;                     ///< buffers only: 0 single-sampled, else multisampled with this many
  Color color = Color::Rgba8Texture;
  Depth depth = Depth::DepthStencilBuffer;
  GLenum filter = GL_LINEAR;           ///< textures' minification and magnification filter
  bool clampToEdge = false;            ///< textures' wrap mode (else GL's default, repeat)
  bool operator==(const TargetDesc&) const = default;
};

/// A framebuffer and its attachments; the one unused of each pair stays empty.
struct RenderTarget {
  TargetDesc desc;
  Framebuffer fbo;
  Texture colorTexture;
  Renderbuffer colorBuffer;
  Texture depthTexture;
  Renderbuffer depthBuffer;
  GLuint id() const { return fbo.get(); }
  explicit operator bool() const { return bool(fbo); }
};

/// Creates the target and checks it is complete; throws std::runtime_error("<name> framebuffer incomplete").
/// Leaves it bound as GL_FRAMEBUFFER.
RenderTarget makeTarget(const TargetDesc& desc);

/// Recreates `target` when its description differs from `desc` (sizes, samples ...); true when it did.
bool ensureTarget(RenderTarget& target, const TargetDesc& desc);

}  // namespace myo::gfx
