// gfx/gl.hpp: the one include for OpenGL declarations (glad's GL 3.3 core loader, generated at build time).
#pragma once

#include <glad/gl.h>

#include <string>

namespace myo::gfx {

/// Throws std::runtime_error naming `where` and the GL error codes pending, if any.
void checkGl(const char* where);

}  // namespace myo::gfx

namespace myo::gfx {
/// Waits until the GPU has finished all submitted work (for honest frame timings).
void finish();
}  // namespace myo::gfx
