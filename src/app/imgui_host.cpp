// app/imgui_host.cpp: the only place that touches Dear ImGui's platform and renderer backends.
#include "app/imgui_host.hpp"

#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <filesystem>

#include "ui/exercise_panel.hpp"

namespace myo::app {
namespace {

void applyStyle(float scale) {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.WindowBorderSize = 0.0f;
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.11f, 0.13f, 0.88f);
  style.Colors[ImGuiCol_Header] = ImVec4(0.55f, 0.22f, 0.18f, 0.55f);
  style.Colors[ImGuiCol_HeaderHovered] = ImVec4(0.65f, 0.28f, 0.22f, 0.75f);
  style.Colors[ImGuiCol_HeaderActive] = ImVec4(0.72f, 0.30f, 0.24f, 0.90f);
  style.Colors[ImGuiCol_Button] = ImVec4(0.30f, 0.32f, 0.36f, 0.80f);
  style.Colors[ImGuiCol_ButtonHovered] = ImVec4(0.62f, 0.28f, 0.22f, 0.90f);
  style.Colors[ImGuiCol_CheckMark] = ImVec4(1.0f, 0.78f, 0.35f, 1.0f);
  style.Colors[ImGuiCol_PlotHistogram] = ImVec4(0.85f, 0.35f, 0.25f, 1.0f);
  style.ScaleAllSizes(scale);
}

void loadFont(float scale) {
  ImGuiIO& io = ImGui::GetIO();
  const char* candidates[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
  for (const char* path : candidates) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) {
      io.Fonts->AddFontFromFileTTF(path, 15.0f * scale);
      const char* bold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
      ui::setTimerFont(io.Fonts->AddFontFromFileTTF(std::filesystem::is_regular_file(bold, ec) ? bold : path,
                                                    54.0f * scale));
      return;
    }
  }
  ImFontConfig config;
  config.SizePixels = 13.0f * scale;
  io.Fonts->AddFontDefault(&config);
  ui::setTimerFont(nullptr);
}

}  // namespace

ImGuiHost::ImGuiHost(GLFWwindow* window, float contentScale) : window_(window) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // the layout is ours; no imgui.ini next to the user's files
  applyStyle(contentScale);
  loadFont(contentScale);
  if (window_) ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

ImGuiHost::~ImGuiHost() {
  ImGui_ImplOpenGL3_Shutdown();
  if (window_) ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiHost::newFrame(glm::ivec2 framebufferSize, float dtSeconds) {
  ImGui_ImplOpenGL3_NewFrame();
  if (window_) {
    ImGui_ImplGlfw_NewFrame();
  } else {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(framebufferSize.x), float(framebufferSize.y));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = dtSeconds > 0.0f ? dtSeconds : 1.0f / 60.0f;
  }
  ImGui::NewFrame();
}

void ImGuiHost::render() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool ImGuiHost::wantsMouse() const { return ImGui::GetIO().WantCaptureMouse; }
bool ImGuiHost::wantsKeyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }

}  // namespace myo::app
