// app/imgui_host.cpp: the only place that touches Dear ImGui's platform and renderer backends.
#define GLFW_INCLUDE_NONE
#include "app/imgui_host.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "ui/coach_layout.hpp"
#include "ui/exercise_panel.hpp"

namespace myo::app {
namespace {

constexpr const char* kRegular = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBold = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

void applyStyle(float scale) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();  // sizes from the defaults, so a new scale does not compound the last one
  ImGui::StyleColorsDark();
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

bool exists(const char* path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

}  // namespace

ImGuiHost::ImGuiHost(GLFWwindow* window, float scale) : window_(window), fixedScale_(scale) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;                  // the layout is ours; no imgui.ini next to the user's files
  io.ConfigWindowsMoveFromTitleBarOnly = true;  // a drag on a control or inside a panel never moves it
  if (window_ && fixedScale_ <= 0.0f) {
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window_, &x, &y);
    build({.scale = std::max(x, 1.0f)});
  } else {
    build({.scale = std::max(fixedScale_, 0.25f)});
  }
  if (window_) ImGui_ImplGlfw_InitForOpenGL(window_, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
}

ImGuiHost::~ImGuiHost() {
  ui::setFonts({});
  ImGui_ImplOpenGL3_Shutdown();
  if (window_) ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

void ImGuiHost::build(const FontPlan& plan) {
  ImGuiIO& io = ImGui::GetIO();
  if (plan.scale != built_.scale) applyStyle(plan.scale);
  if (deviceReady_) ImGui_ImplOpenGL3_DestroyFontsTexture();
  io.Fonts->Clear();
  // Glyphs are rasterised at the framebuffer's pixels and drawn at points: sharp on a HiDPI framebuffer.
  const float ppp = plan.pixelsPerPoint;
  io.FontGlobalScale = 1.0f / ppp;
  ui::PanelFonts fonts;
  if (exists(kRegular)) {
    const char* bold = exists(kBold) ? kBold : kRegular;
    // The countdowns need their digits and colon only: their glyphs are the largest by far.
    static const ImWchar kClock[] = {0x0030, 0x003A, 0};
    static const ImWchar kBasicLatin[] = {0x0020, 0x007E, 0};
    io.Fonts->AddFontFromFileTTF(kRegular, std::round(15.0f * plan.scale * ppp));
    fonts.timer = io.Fonts->AddFontFromFileTTF(bold, std::round(54.0f * plan.scale * ppp), nullptr, kClock);
    if (plan.coachDisplay.x > 0.0f) {
      const ui::CoachLayout l = ui::coachLayout(plan.coachDisplay, ppp);
      fonts.countdown = io.Fonts->AddFontFromFileTTF(bold, l.countdownPx * ppp, nullptr, kClock);
      fonts.heading = io.Fonts->AddFontFromFileTTF(bold, l.headingPx * ppp, nullptr, kBasicLatin);
      fonts.step = io.Fonts->AddFontFromFileTTF(kRegular, l.stepPx * ppp);
    }
  } else {
    ImFontConfig config;
    config.SizePixels = std::round(13.0f * plan.scale * ppp);
    io.Fonts->AddFontDefault(&config);
  }
  io.Fonts->Build();
  ui::setFonts(fonts);
  if (deviceReady_) ImGui_ImplOpenGL3_CreateFontsTexture();
  built_ = plan;
}

void ImGuiHost::newFrame(glm::ivec2 framebufferSize, float dtSeconds, bool coachFonts) {
  ImGui_ImplOpenGL3_NewFrame();
  deviceReady_ = true;
  ImGuiIO& io = ImGui::GetIO();
  FontPlan plan = built_;
  if (window_) {
    ImGui_ImplGlfw_NewFrame();
    plan.pixelsPerPoint = std::max(io.DisplayFramebufferScale.x, 1.0f);
    if (fixedScale_ <= 0.0f) {
      // Where the system already draws points as several pixels (a framebuffer larger than the window), that
      // part of the content scale is done: the text grows by the rest only.
      float x = 1.0f, y = 1.0f;
      glfwGetWindowContentScale(window_, &x, &y);
      plan.scale = std::max(x / plan.pixelsPerPoint, 1.0f);
    }
  } else {
    io.DisplaySize = ImVec2(float(framebufferSize.x), float(framebufferSize.y));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
    io.DeltaTime = dtSeconds > 0.0f ? dtSeconds : 1.0f / 60.0f;
    plan.pixelsPerPoint = 1.0f;
  }
  // The coach fonts follow the window's size in steps of their rounded pixel sizes.
  plan.coachDisplay = glm::vec2(0.0f);
  if (coachFonts) {
    const glm::vec2 display(io.DisplaySize.x, io.DisplaySize.y);
    const ui::CoachLayout want = ui::coachLayout(display, plan.pixelsPerPoint);
    const ui::CoachLayout have = ui::coachLayout(built_.coachDisplay, plan.pixelsPerPoint);
    const bool same = built_.coachDisplay.x > 0.0f && want.countdownPx == have.countdownPx &&
                      want.headingPx == have.headingPx && want.stepPx == have.stepPx;
    plan.coachDisplay = same ? built_.coachDisplay : display;
  }
  if (!(plan == built_)) build(plan);
  ImGui::NewFrame();
}

void ImGuiHost::render() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool ImGuiHost::wantsMouse() const { return ImGui::GetIO().WantCaptureMouse; }
bool ImGuiHost::wantsKeyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }

}  // namespace myo::app
