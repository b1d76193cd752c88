// gfx/context_glfw.cpp: a GLFW window with an OpenGL 3.3 core context.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <stdexcept>
#include <string>

#include "gfx/context.hpp"
#include "gfx/gl.hpp"

namespace myo::gfx {
namespace {

std::string lastGlfwError() {
  const char* text = nullptr;
  glfwGetError(&text);
  return text ? text : "unknown GLFW error";
}

class GlfwContext final : public Context {
public:
  explicit GlfwContext(GLFWwindow* window) : window_(window) {}
  ~GlfwContext() override {
    glfwDestroyWindow(window_);
    glfwTerminate();
  }
  glm::ivec2 framebufferSize() const override {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return {w, h};
  }
  void swapBuffers() override { glfwSwapBuffers(window_); }
  std::string description() const override {
    const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
    const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    return std::string("GLFW window, ") + (renderer ? renderer : "?") + ", OpenGL " + (version ? version : "?");
  }
  GLFWwindow* window() const override { return window_; }

private:
  GLFWwindow* window_;
};

}  // namespace

std::unique_ptr<Context> createWindowContext(const WindowOptions& options) {
  if (!glfwInit()) throw std::runtime_error("cannot open a window: " + lastGlfwError());
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  // The renderer draws into its own multisampled framebuffer and resolves into the window.
  glfwWindowHint(GLFW_SAMPLES, 0);
  GLFWwindow* window = glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (window == nullptr) {
    const std::string why = lastGlfwError();
    glfwTerminate();
    throw std::runtime_error("cannot open a window: " + why);
  }
  glfwMakeContextCurrent(window);
  if (!gladLoadGL(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress))) {
    glfwDestroyWindow(window);
    glfwTerminate();
    throw std::runtime_error("cannot load OpenGL 3.3 functions");
  }
  glfwSwapInterval(1);
  return std::make_unique<GlfwContext>(window);
}

}  // namespace myo::gfx
