// gfx/render_target.cpp: framebuffer creation.
#include "gfx/render_target.hpp"

#include <stdexcept>
#include <string>

namespace myo::gfx {
namespace {

Texture makeAttachmentTexture(const TargetDesc& d, GLenum internal, GLenum format, GLenum type) {
  Texture t = makeTexture();
  glBindTexture(GL_TEXTURE_2D, t.get());
  glTexImage2D(GL_TEXTURE_2D, 0, GLint(internal), d.size.x, d.size.y, 0, format, type, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GLint(d.filter));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GLint(d.filter));
  if (d.clampToEdge) {
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  }
  return t;
}

Renderbuffer makeAttachmentBuffer(const TargetDesc& d, GLenum internal) {
  Renderbuffer r = makeRenderbuffer();
  glBindRenderbuffer(GL_RENDERBUFFER, r.get());
  // One sample is an ordinary buffer (a multisampled one of one sample could not be scaled when copied).
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, d.samples > 1 ? d.samples : 0, internal, d.size.x, d.size.y);
  return r;
}

}  // namespace

RenderTarget makeTarget(const TargetDesc& desc) {
  RenderTarget t;
  t.desc = desc;
  t.fbo = makeFramebuffer();
  using Color = TargetDesc::Color;
  using Depth = TargetDesc::Depth;
  switch (desc.color) {
    case Color::Rgba8Texture: t.colorTexture = makeAttachmentTexture(desc, GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE); break;
    case Color::R8Texture: t.colorTexture = makeAttachmentTexture(desc, GL_R8, GL_RED, GL_UNSIGNED_BYTE); break;
    case Color::Rgba8Buffer: t.colorBuffer = makeAttachmentBuffer(desc, GL_RGBA8); break;
    case Color::None: break;
  }
  switch (desc.depth) {
    case Depth::DepthStencilBuffer: t.depthBuffer = makeAttachmentBuffer(desc, GL_DEPTH24_STENCIL8); break;
    case Depth::DepthTexture:
      t.depthTexture = makeAttachmentTexture(desc, GL_DEPTH_COMPONENT24, GL_DEPTH_COMPONENT, GL_UNSIGNED_INT);
      break;
    case Depth::None: break;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, t.fbo.get());
  if (t.colorTexture)
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.colorTexture.get(), 0);
  if (t.colorBuffer)
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, t.colorBuffer.get());
  if (t.depthBuffer)
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, t.depthBuffer.get());
  if (t.depthTexture)
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, t.depthTexture.get(), 0);
  if (desc.color == Color::None) {
    glDrawBuffer(GL_NONE);
    glReadBuffer(GL_NONE);
  }
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw std::runtime_error(std::string(desc.name) + " framebuffer incomplete");
  return t;
}

bool ensureTarget(RenderTarget& target, const TargetDesc& desc) {
  if (target && target.desc == desc) return false;
  target = makeTarget(desc);
  return true;
}

}  // namespace myo::gfx
