// gfx/gl_object.hpp: a move-only owner of one OpenGL name (buffer, vertex array, texture, framebuffer, program ...).
#pragma once

#include <utility>

#include "gfx/gl.hpp"

namespace myo::gfx {

/// Owns a GL name and deletes it with Deleter. An empty object (name 0) is safe without a context.
template <typename Deleter>
class GlObject {
public:
  GlObject() = default;
  explicit GlObject(GLuint name) : name_(name) {}
  ~GlObject() { reset(); }
  GlObject(const GlObject&) = delete;
  GlObject& operator=(const GlObject&) = delete;
  GlObject(GlObject&& other) noexcept : name_(std::exchange(other.name_, 0)) {}
  GlObject& operator=(GlObject&& other) noexcept {
    if (this != &other) {
      reset();
      name_ = std::exchange(other.name_, 0);
    }
    return *this;
  }

  GLuint get() const { return name_; }
  explicit operator bool() const { return name_ != 0; }
  void reset() {
    if (name_ != 0) Deleter{}(name_);
    name_ = 0;
  }

private:
  GLuint name_ = 0;
};

struct BufferDeleter { void operator()(GLuint n) const { glDeleteBuffers(1, &n); } };
struct VertexArrayDeleter { void operator()(GLuint n) const { glDeleteVertexArrays(1, &n); } };
struct TextureDeleter { void operator()(GLuint n) const { glDeleteTextures(1, &n); } };
struct FramebufferDeleter { void operator()(GLuint n) const { glDeleteFramebuffers(1, &n); } };
struct RenderbufferDeleter { void operator()(GLuint n) const { glDeleteRenderbuffers(1, &n); } };
struct ProgramDeleter { void operator()(GLuint n) const { glDeleteProgram(n); } };
struct ShaderDeleter { void operator()(GLuint n) const { glDeleteShader(n); } };

using Buffer = GlObject<BufferDeleter>;
using VertexArray = GlObject<VertexArrayDeleter>;
using Texture = GlObject<TextureDeleter>;
using Framebuffer = GlObject<FramebufferDeleter>;
using Renderbuffer = GlObject<RenderbufferDeleter>;

inline Buffer makeBuffer() { GLuint n = 0; glGenBuffers(1, &n); return Buffer(n); }
inline VertexArray makeVertexArray() { GLuint n = 0; glGenVertexArrays(1, &n); return VertexArray(n); }
inline Texture makeTexture() { GLuint n = 0; glGenTextures(1, &n); return Texture(n); }
inline Framebuffer makeFramebuffer() { GLuint n = 0; glGenFramebuffers(1, &n); return Framebuffer(n); }
inline Renderbuffer makeRenderbuffer() { GLuint n = 0; glGenRenderbuffers(1, &n); return Renderbuffer(n); }

}  // namespace myo::gfx
