// app/imgui_host.hpp: Dear ImGui set-up and per-frame glue, for a GLFW window or a headless EGL context: the
// style and fonts at the scale of the window (its content scale, or a given one) and, for the coach view,
// fonts built at the sizes of ui/coach_layout.hpp, rebuilt when the window's size or scale changes.
#pragma once

#include <glm/glm.hpp>

struct GLFWwindow;

namespace myo::app {

class ImGuiHost {
public:
  /// window may be nullptr (headless: display size and time step are set by hand each frame). scale: the
  /// size of the panels' text relative to 15 px; for a window, 0 follows its content scale
  /// (glfwGetWindowContentScale, and its changes).
  ImGuiHost(GLFWwindow* window, float scale);
  ~ImGuiHost();
  ImGuiHost(const ImGuiHost&) = delete;
  ImGuiHost& operator=(const ImGuiHost&) = delete;

  /// Starts a frame; size is the framebuffer size in pixels (headless) and dt the seconds since the last one.
  /// coachFonts: the frame draws the coach view, whose fonts are (re)built first when their sizes changed.
  void newFrame(glm::ivec2 framebufferSize, float dtSeconds, bool coachFonts = false);
  /// Draws the frame's widgets into the framebuffer currently bound.
  void render();
  bool wantsMouse() const;
  bool wantsKeyboard() const;
  /// The scale the style and the panels' fonts are built at.
  float scale() const { return built_.scale; }

private:
  /// What the font atlas holds: the panels' fonts at a scale, and the coach fonts for a window size.
  struct FontPlan {
    float scale = 0.0f;
    float pixelsPerPoint = 1.0f;
    glm::vec2 coachDisplay{0.0f};  ///< points; zero: no coach fonts
    bool operator==(const FontPlan&) const = default;
  };
  void build(const FontPlan& plan);

  GLFWwindow* window_;
  float fixedScale_;      ///< 0: follow the window's content scale
  FontPlan built_;
  bool deviceReady_ = false;  ///< the renderer backend has made its textures (after the first frame)
};

}  // namespace myo::app
