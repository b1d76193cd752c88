// app/imgui_host.hpp: Dear ImGui set-up and per-frame glue, for a GLFW window or a headless EGL context.
#pragma once

#include <glm/glm.hpp>

struct GLFWwindow;

namespace myo::app {

class ImGuiHost {
public:
  /// window may be nullptr (headless: display size and time step are set by hand each frame).
  ImGuiHost(GLFWwindow* window, float contentScale);
  ~ImGuiHost();
  ImGuiHost(const ImGuiHost&) = delete;
  ImGuiHost& operator=(const ImGuiHost&) = delete;

  /// Starts a frame; size is the framebuffer size in pixels (headless) and dt the seconds since the last one.
  void newFrame(glm::ivec2 framebufferSize, float dtSeconds);
  /// Draws the frame's widgets into the framebuffer currently bound.
  void render();
  bool wantsMouse() const;
  bool wantsKeyboard() const;

private:
  GLFWwindow* window_;
};

}  // namespace myo::app
