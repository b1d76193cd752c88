// gfx/context.hpp: OpenGL contexts: a GLFW window (on screen or hidden) or EGL with no window system.
// Both load GL through glad and give the same GL 3.3 core API to the renderer.
#pragma once

#include <memory>
#include <string>

#include <glm/glm.hpp>

struct GLFWwindow;

namespace myo::gfx {

class Context {
public:
  virtual ~Context() = default;
  /// Size of the default framebuffer in pixels (0x0 for EGL: there is none; render offscreen).
  virtual glm::ivec2 framebufferSize() const = 0;
  virtual void swapBuffers() = 0;
  /// Short description of the driver, e.g. "EGL surfaceless, llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5".
  virtual std::string description() const = 0;
  /// The window, or nullptr when headless.
  virtual GLFWwindow* window() const { return nullptr; }
};

/// An EGL context with no surface: the EGL device platform where present, else Mesa surfaceless.
/// MYO_EGL_PLATFORM=device|surfaceless forces one. Throws std::runtime_error when neither works.
std::unique_ptr<Context> createHeadlessContext();

struct WindowOptions {
  std::string title = "MyoRelease";
  int width = 1280;
  int height = 720;
  bool visible = true;
};

/// A GLFW window with an OpenGL 3.3 core context, HiDPI aware. Throws std::runtime_error on failure.
std::unique_ptr<Context> createWindowContext(const WindowOptions& options);

}  // namespace myo::gfx
