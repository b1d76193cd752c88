// app/runs.cpp: the window loop, offscreen pictures, the benchmark and the listing modes.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <future>
#include <numeric>

#include "app/imgui_host.hpp"
#include "app/input_bindings.hpp"
#include "app/key_taps.hpp"
#include "app/paths.hpp"
#include "app/runs.hpp"
#include "app/settings.hpp"
#include "app/video.hpp"
#include "app/viewer.hpp"
#include "core/error.hpp"
#include "gfx/context.hpp"
#include "gfx/gl.hpp"
#include "gfx/renderer.hpp"
#include "exercise/exercise_data.hpp"
#include "exercise/playback.hpp"
#include "exercise/scene_export.hpp"
#include "exercise/state_json.hpp"
#include "exercise/timer.hpp"
#include "scene/animation.hpp"
#include "scene/draw_limits.hpp"
#include "scene/gltf_loader.hpp"
#include "scene/muscle_names.hpp"

namespace myo::app {
namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

std::filesystem::path modelPath(const CliOptions& o) {
  return o.model ? std::filesystem::path(*o.model) : assetsDir() / "upper_body.glb";
}

}  // namespace

ui::DisplaySettings displayFrom(const CliOptions& o) {
  ui::DisplaySettings d;
  if (o.skin == "opaque") d.skin = ui::SkinMode::Opaque;
  else if (o.skin == "hidden") d.skin = ui::SkinMode::Hidden;
  else d.skin = ui::SkinMode::Faded;
  return d;
}

float pictureUiScale(const CliOptions& o) { return o.scale.value_or(std::max(1.0f, float(o.height) / 900.0f)); }

// Sets up a viewer on the command line's model, view and time, with no camera glide.
void prepare(Viewer& viewer, const CliOptions& o) {
  viewer.loadInitial(modelPath(o));
  // The command line wins over the settings file (applied before in the window).
  if (o.zones) viewer.safety().zones = true;
  if (o.bodyWeightKg) viewer.safety().bodyWeightKg = *o.bodyWeightKg;
  viewer.camera().setTransitionSeconds(0.0f);
  viewer.camera().setViewport(o.width, o.height);
  const std::filesystem::path exercises =
      o.exercisesFile ? std::filesystem::path(*o.exercisesFile) : assetsDir() / "exercises.json";
  if (o.exercisesFile || o.exercise || std::filesystem::exists(exercises)) viewer.loadExercises(exercises);
  if (o.exercise) viewer.selectExercise(*o.exercise);
  if (o.time) viewer.setExerciseTime(*o.time);
  viewer.setAnimationTime(float(o.time.value_or(0.0)));
  if (!o.exercise || o.viewGiven) viewer.setPreset(o.view);
  // The atlas: layers, search and selection.
  viewer.atlas().layerDepth = o.layerDepth;
  viewer.atlas().xray = o.xray;
  viewer.atlas().fadeOthers = o.fadeOthers;
  if (o.search) {
    const std::size_t n = std::min(o.search->size(), viewer.atlas().search.size() - 1);
    std::copy_n(o.search->begin(), n, viewer.atlas().search.begin());
  }
  if (o.select && !viewer.selectByName(*o.select))
    throw core::Error("--select", "no structure matches '" + *o.select + "' (--list-muscles shows the muscles)");
  viewer.setCoachView(o.coach);
}

namespace {

std::filesystem::path exercisesPath(const CliOptions& o) {
  return o.exercisesFile ? std::filesystem::path(*o.exercisesFile) : assetsDir() / "exercises.json";
}

// One complete picture: 3D view and (unless --no-ui) the panels, into target.
void renderPicture(Viewer& viewer, ImGuiHost* ui, gfx::OffscreenTarget& target, glm::ivec2 size,
                   const std::string& info, float fps, bool interactive = false) {
  viewer.render(size, &target, interactive);
  if (ui) {
    ui->newFrame(size, 1.0f / 60.0f, viewer.coachView());
    viewer.drawUi(fps, info);
    ui->render();
  }
}

long peakMemoryKiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

struct InputState {
  Viewer* viewer = nullptr;
  ImGuiHost* ui = nullptr;
  bool leftDown = false;
  bool rightDown = false;
  bool dragged = false;
  glm::dvec2 pressAt{0.0};
  glm::dvec2 last{0.0};
  double lastClickTime = -1.0;
  float pixelsPerPoint = 1.0f;
  KeyTaps taps;                   ///< quick key taps kept for Dear ImGui
  GLFWkeyfun imguiKey = nullptr;  ///< Dear ImGui's key callback (which chains onKey)
};

InputState& inputOf(GLFWwindow* w) { return *static_cast<InputState*>(glfwGetWindowUserPointer(w)); }

glm::vec2 toPixels(const InputState& s, glm::dvec2 p) { return glm::vec2(p) * s.pixelsPerPoint; }

void onMouseButton(GLFWwindow* w, int button, int action, int mods) {
  InputState& s = inputOf(w);
  glm::dvec2 p;
  glfwGetCursorPos(w, &p.x, &p.y);
  if (action == GLFW_PRESS) {
    if (s.ui && s.ui->wantsMouse()) return;
    s.pressAt = s.last = p;
    s.dragged = false;
    if (button == GLFW_MOUSE_BUTTON_LEFT) s.leftDown = true;
    if (button == GLFW_MOUSE_BUTTON_RIGHT) s.rightDown = true;
    (void)mods;
    return;
  }
  if (button == GLFW_MOUSE_BUTTON_LEFT && s.leftDown) {
    s.leftDown = false;
    if (!s.dragged) {
      const double now = glfwGetTime();
      const bool doubleClick = s.lastClickTime >= 0.0 && now - s.lastClickTime < 0.35;
      s.lastClickTime = doubleClick ? -1.0 : now;
      s.viewer->pickAt(toPixels(s, p), doubleClick);
    }
  }
  if (button == GLFW_MOUSE_BUTTON_RIGHT) s.rightDown = false;
}

void onCursor(GLFWwindow* w, double x, double y) {
  InputState& s = inputOf(w);
  const glm::dvec2 p{x, y};
  if (!s.leftDown && !s.rightDown) {
    s.last = p;
    return;
  }
  if (glm::length(p - s.pressAt) > 3.0) s.dragged = true;
  const glm::vec2 d = toPixels(s, p) - toPixels(s, s.last);
  s.last = p;
  if (!s.dragged) return;
  const bool shift = glfwGetKey(w, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS || glfwGetKey(w, GLFW_KEY_RIGHT_SHIFT) == GLFW_PRESS;
  if (s.rightDown || (s.leftDown && shift)) s.viewer->camera().pan(d.x, d.y);
  else if (s.leftDown) s.viewer->camera().orbit(d.x, d.y);
}

void onScroll(GLFWwindow* w, double, double dy) {
  InputState& s = inputOf(w);
  if (s.ui && s.ui->wantsMouse()) return;
  glm::dvec2 p;
  glfwGetCursorPos(w, &p.x, &p.y);
  s.viewer->camera().zoomToward(float(dy), toPixels(s, p));
}

// Keys do what the key table says (input_bindings.hpp), the table the help overlay lists.
void onKey(GLFWwindow* w, int key, int, int action, int mods) {
  InputState& s = inputOf(w);
  if (action != GLFW_PRESS || (s.ui && s.ui->wantsKeyboard())) return;
  if (const std::optional<Action> bound = actionForKey(key, mods)) s.viewer->apply(*bound);
  if (s.viewer->quitRequested()) glfwSetWindowShouldClose(w, GLFW_TRUE);
}

// Outermost key callback: passes events on to Dear ImGui's (which calls onKey first), holding back the release of
// a key pressed in the same frame (key_taps.hpp).
void onKeyTapped(GLFWwindow* w, int key, int scancode, int action, int mods) {
  InputState& s = inputOf(w);
  if (s.taps.pass(key, action) && s.imguiKey) s.imguiKey(w, key, scancode, action, mods);
}

// Typed characters bound in the table ('?', wherever the keyboard layout puts it).
void onChar(GLFWwindow* w, unsigned codepoint) {
  InputState& s = inputOf(w);
  if (s.ui && s.ui->wantsKeyboard()) return;
  if (const std::optional<Action> bound = actionForChar(codepoint)) s.viewer->apply(*bound);
}

void onDrop(GLFWwindow* w, int count, const char** paths) {
  if (count > 0) inputOf(w).viewer->tryLoad(paths[0]);
}

}  // namespace

int runWindow(const CliOptions& o) {
  checkOutputDir(o.outputDir);
  // What the last run left (display, timer, window, panels); a bad file is one warning and the defaults.
  const std::optional<std::filesystem::path> settingsFile = settingsPath();
  const SettingsRead stored = settingsFile ? loadSettings(*settingsFile) : SettingsRead{};
  if (stored.warning) std::fprintf(stderr, "%s\n", stored.warning->c_str());
  Viewer viewer(displayFrom(o));
  viewer.applySettings(stored.settings);
  if (o.skinGiven) viewer.display().skin = displayFrom(o).skin;  // the command line says more than the file
  viewer.useSettingsFile(settingsFile, stored.warning);
  viewer.useHistory(historyPath(), true);
  if (o.show) viewer.showPanel(*o.show);
  prepare(viewer, o);  // a bad model on the command line is an error before any window opens
  const int width = o.sizeGiven ? o.width : stored.settings.windowWidth;
  const int height = o.sizeGiven ? o.height : stored.settings.windowHeight;
  auto context = gfx::createWindowContext({.title = "MyoRelease", .width = width, .height = height});
  GLFWwindow* window = context->window();
  // The window is made with GLFW_SCALE_TO_MONITOR, which grows it by the monitor's content scale (X11, Windows):
  // right for the first run's default size, wrong for --size (the framebuffer's size, in pixels) and for a
  // size the settings kept (the window's own, as glfwGetWindowSize gave it), which would double at every run.
  if (o.sizeGiven || width != Settings{}.windowWidth || height != Settings{}.windowHeight) {
    glfwSetWindowSize(window, width, height);
    const glm::ivec2 fb = context->framebufferSize();
    if (o.sizeGiven && fb.x > 0 && fb.y > 0 && (fb.x != width || fb.y != height))
      glfwSetWindowSize(window, width * width / fb.x, height * height / fb.y);  // points larger than pixels
  } else if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
    // The grown default stays on the screen.
    int mx = 0, my = 0, mw = 0, mh = 0, ww = 0, wh = 0;
    glfwGetMonitorWorkarea(monitor, &mx, &my, &mw, &mh);
    glfwGetWindowSize(window, &ww, &wh);
    if (mw > 0 && mh > 0 && (ww > mw || wh > mh)) {
      const float fit = std::min(float(mw) / float(ww), float(mh) / float(wh));
      glfwSetWindowSize(window, int(float(ww) * fit), int(float(wh) * fit));
    }
  }

  InputState input;
  input.viewer = &viewer;
  glfwSetWindowUserPointer(window, &input);
  glfwSetMouseButtonCallback(window, onMouseButton);
  glfwSetCursorPosCallback(window, onCursor);
  glfwSetScrollCallback(window, onScroll);
  glfwSetKeyCallback(window, onKey);
  glfwSetCharCallback(window, onChar);
  glfwSetDropCallback(window, onDrop);
  // Follows the window's content scale unless --scale says otherwise; installs its callbacks after ours and
  // chains them.
  ImGuiHost ui(window, o.scale.value_or(0.0f));
  input.ui = &ui;
  input.imguiKey = glfwSetKeyCallback(window, onKeyTapped);
  // The panels' places, sizes and folding as Dear ImGui recorded them last time (before its first frame).
  std::string panelLayout = stored.settings.panelLayout;
  if (!panelLayout.empty()) ImGui::LoadIniSettingsFromMemory(panelLayout.data(), panelLayout.size());
  if (stored.warning) viewer.postStatus(*stored.warning, true);
  // The settings are written when they changed (looked at once a second) and when the window closes.
  Settings saved = stored.settings;
  bool saveFailed = false;
  double sinceSettingsCheck = 0.0;
  auto saveSettingsIfChanged = [&] {
    if (!settingsFile) return;
    Settings now = viewer.currentSettings();
    now.panelLayout = panelLayout;
    now.windowWidth = saved.windowWidth;
    now.windowHeight = saved.windowHeight;
    int ww = 0, wh = 0;
    glfwGetWindowSize(window, &ww, &wh);
    // A maximised or full-screen window keeps the size it had before.
    if (ww > 0 && wh > 0 && !glfwGetWindowAttrib(window, GLFW_MAXIMIZED) && !glfwGetWindowMonitor(window)) {
      now.windowWidth = std::clamp(ww, kMinWindowSide, kMaxWindowSide);
      now.windowHeight = std::clamp(wh, kMinWindowSide, kMaxWindowSide);
    }
    if (now == saved) return;
    saved = now;  // a failed write is tried again at the next change, not every second
    try {
      saveSettings(*settingsFile, now);
      if (saveFailed) viewer.useSettingsFile(settingsFile, std::nullopt);
      saveFailed = false;
    } catch (const core::Error& e) {
      const std::string line = warningLine(e.where(), e.message() + "; the settings are not kept");
      if (!saveFailed) std::fprintf(stderr, "%s\n", line.c_str());
      if (!saveFailed) viewer.postStatus(line, true);
      viewer.useSettingsFile(settingsFile, line);
      saveFailed = true;
    }
  };

  viewer.attachRenderer(std::make_unique<gfx::Renderer>());
  viewer.camera().setTransitionSeconds(0.35f);
  viewer.enableTones();
  const std::string info = context->description();
  auto last = Clock::now();
  float fps = 0.0f;
  gfx::OffscreenTarget shot;
  // "Export video" in the exercise panel: the first work phase of the exercise on screen, one frame per pass of
  // this loop, by a viewer of its own (the window's view and clock stay the user's).
  std::unique_ptr<Viewer> videoViewer;
  std::unique_ptr<VideoExport> video;
  auto startVideo = [&](const std::string& file) {
    CliOptions vo = o;
    vo.model = viewer.modelPath().string();
    vo.exercise = viewer.exerciseId();
    vo.time.reset();
    vo.viewGiven = false;
    vo.width = 1280;
    vo.height = 720;
    if (!vo.exercise) return;
    const exercise::ExerciseSet set = exercise::loadExercises(exercisesPath(vo));
    const exercise::TimerPlan plan = exercise::makePlan(set.find(*vo.exercise));
    VideoRequest request;
    request.path = file;
    request.size = {vo.width, vo.height};
    for (const auto& segment : plan.segments)
      if (segment.phase == exercise::Phase::Work) {
        request.from = segment.start;
        request.to = segment.end();
        break;
      }
    videoViewer = std::make_unique<Viewer>(viewer.display());
    prepare(*videoViewer, vo);
    videoViewer->safety() = viewer.safety();  // the window's zones and body weight
    videoViewer->attachRenderer(std::make_unique<gfx::Renderer>());
    video = std::make_unique<VideoExport>(*videoViewer, request);
  };
  auto stepVideo = [&] {
    try {
      if (auto file = viewer.takeVideoRequest(); file && !video) startVideo(*file);
      if (!video) return;
      if (video->step()) {
        viewer.setVideoProgress(float(video->progress()));
        return;
      }
      std::fprintf(stderr, "myorelease: saved %s\n", video->path().string().c_str());
    } catch (const core::Error& e) {
      std::fprintf(stderr, "%s\n", core::errorLine(e).c_str());
    }
    video.reset();
    videoViewer.reset();
    viewer.setVideoProgress(std::nullopt);
  };
  while (!glfwWindowShouldClose(window)) {
    for (const int key : input.taps.nextFrame())
      if (input.imguiKey) input.imguiKey(window, key, glfwGetKeyScancode(key), GLFW_RELEASE, 0);
    glfwPollEvents();
    const auto now = Clock::now();
    const float dt = std::chrono::duration<float>(now - last).count();
    last = now;
    fps = fps <= 0.0f ? 1.0f / std::max(dt, 1e-3f) : fps * 0.95f + 0.05f / std::max(dt, 1e-3f);
    viewer.update(dt);
    stepVideo();
    const glm::ivec2 fb = context->framebufferSize();
    int ww = 0, wh = 0;
    glfwGetWindowSize(window, &ww, &wh);
    input.pixelsPerPoint = ww > 0 ? float(fb.x) / float(ww) : 1.0f;
    if (fb.x <= 0 || fb.y <= 0) {
      glfwWaitEvents();
      continue;
    }
    viewer.render(fb, nullptr, true);
    ui.newFrame(fb, dt, viewer.coachView());
    viewer.drawUi(fps, info, input.pixelsPerPoint);
    ui.render();
    if (auto file = viewer.takeScreenshotRequest()) {
      // The saved picture leaves the panels out: it is for handouts and slides.
      const std::string path = std::filesystem::absolute(picturesDir(o.outputDir) / *file).lexically_normal().string();
      try {
        viewer.render(fb, &shot);
        gfx::writePng(path, fb, shot.read());
        std::fprintf(stderr, "myorelease: saved %s\n", path.c_str());
        viewer.setNotice("Picture saved to " + path);
        viewer.postStatus("Picture saved to " + path);
      } catch (const core::Error& e) {
        std::fprintf(stderr, "%s\n", core::errorLine(e).c_str());
        viewer.setNotice("Picture not saved: " + core::errorLine(e));
        viewer.postStatus("Picture not saved: " + core::errorLine(e), true);
      }
    }
    if (ImGui::GetIO().WantSaveIniSettings) {
      panelLayout = ImGui::SaveIniSettingsToMemory();
      ImGui::GetIO().WantSaveIniSettings = false;
    }
    if (viewer.takeSettingsReset()) {
      glfwRestoreWindow(window);
      float sx = 1.0f, sy = 1.0f;  // the first run's size, grown by the content scale as then
      glfwGetWindowContentScale(window, &sx, &sy);
      glfwSetWindowSize(window, int(float(Settings{}.windowWidth) * std::max(sx, 1.0f)),
                        int(float(Settings{}.windowHeight) * std::max(sy, 1.0f)));
    }
    if ((sinceSettingsCheck += double(dt)) >= 1.0) {
      sinceSettingsCheck = 0.0;
      saveSettingsIfChanged();
    }
    context->swapBuffers();
  }
  viewer.finishRun();  // a timer still running is a stopped session
  panelLayout = ImGui::SaveIniSettingsToMemory();
  saveSettingsIfChanged();
  return 0;
}

std::unique_ptr<gfx::Context> startOffscreen(Viewer& viewer, const CliOptions& o) {
  // The model loads on a second thread while this one starts OpenGL and compiles the shaders.
  auto loading = std::async(std::launch::async, [&] { prepare(viewer, o); });
  std::unique_ptr<gfx::Context> context;
  std::unique_ptr<gfx::Renderer> renderer;
  std::exception_ptr gpuError;
  try {
    context = o.headless ? gfx::createHeadlessContext()
                         : gfx::createWindowContext({.width = o.width, .height = o.height, .visible = false});
    renderer = std::make_unique<gfx::Renderer>();
  } catch (...) {
    gpuError = std::current_exception();
  }
  loading.get();  // a bad model is the error reported, before any trouble with OpenGL
  if (gpuError) std::rethrow_exception(gpuError);
  viewer.attachRenderer(std::move(renderer));
  return context;
}

Picture renderScreenshot(const CliOptions& o) {
  Viewer viewer(displayFrom(o));
  // Pictures do not read the settings (the command line alone says what they show); --show history reads the
  // history, without writing to it.
  if (o.show) {
    viewer.showPanel(*o.show);
    viewer.useHistory(historyPath(), false);
    viewer.useSettingsFile(settingsPath(), std::nullopt);
  }
  const std::unique_ptr<gfx::Context> context = startOffscreen(viewer, o);
  const glm::ivec2 size{o.width, o.height};
  gfx::OffscreenTarget target;
  std::unique_ptr<ImGuiHost> ui;
  if (!o.noUi) {
    ui = std::make_unique<ImGuiHost>(nullptr, pictureUiScale(o));
    // A first UI frame lets windows settle their sizes before the one that is kept.
    ui->newFrame(size, 1.0f / 60.0f, viewer.coachView());
    viewer.drawUi(0.0f, context->description());
    ImGui::Render();
  }
  renderPicture(viewer, ui.get(), target, size, context->description(), 0.0f);
  return {size.x, size.y, target.read()};
}

int runScreenshot(const CliOptions& o) {
  checkOutputDir(o.outputDir);
  const Picture picture = renderScreenshot(o);
  gfx::writePng(picturePath(o.outputDir, *o.screenshot).string(), {picture.width, picture.height}, picture.rgba);
  return 0;
}

/// The motion's own cost, without drawing: an exercise's set-up on the loaded model and the median of 200 frames
/// spread over its whole protocol (milliseconds).
void printMotionFigures(const scene::Model& model, const CliOptions& o) {
  using Clock = std::chrono::steady_clock;
  const exercise::ExerciseSet set = exercise::loadExercises(exercisesPath(o));
  const auto t0 = Clock::now();
  const exercise::Playback playback(model, set.find(*o.exercise));
  const double setupMs = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
  constexpr int kFrames = 200;
  std::vector<double> times;
  double coverage = 0.0;
  for (int i = 0; i < kFrames; ++i) {
    const auto t = Clock::now();
    coverage += playback.at(playback.plan().total * i / kFrames).coverage;
    times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
  }
  std::sort(times.begin(), times.end());
  fmt::print("motion set-up: {:.1f} ms, motion frame median: {:.3f} ms, max: {:.3f} ms ({} frames, mean coverage "
             "{:.2f})\n",
             setupMs, times[times.size() / 2], times.back(), kFrames, coverage / kFrames);
}

int runBench(const CliOptions& o) {
  const auto tLoad = Clock::now();
  Viewer viewer(displayFrom(o));
  prepare(viewer, o);
  const double loadMs = msSince(tLoad);

  const auto tFirst = Clock::now();
  auto context = gfx::createHeadlessContext();
  viewer.attachRenderer(std::make_unique<gfx::Renderer>());
  const glm::ivec2 size{o.width, o.height};
  gfx::OffscreenTarget target;
  std::unique_ptr<ImGuiHost> ui;
  if (!o.noUi) ui = std::make_unique<ImGuiHost>(nullptr, pictureUiScale(o));
  renderPicture(viewer, ui.get(), target, size, context->description(), 0.0f);
  gfx::finish();
  const double firstMs = msSince(tFirst);

  // With an exercise, its timer runs: the body and the tool move every frame, as when following it.
  if (o.exercise) viewer.startPauseTimer();
  // The camera turns, so every frame is real work. First full pictures, as a saved picture or a fast GPU gets
  // them, then the window's own frames (coarse while moving when full pictures are slow).
  auto turningFrames = [&](bool interactive, int* coarse) {
    std::vector<double> times;
    times.reserve(size_t(o.frames));
    for (int i = 0; i < o.frames; ++i) {
      const auto t = Clock::now();
      viewer.camera().orbit(2.0f, 0.0f);
      viewer.update(1.0f / 60.0f);
      renderPicture(viewer, ui.get(), target, size, context->description(), 0.0f, interactive);
      gfx::finish();
      times.push_back(msSince(t));
      if (coarse && viewer.lastFrameCoarse()) ++*coarse;
    }
    return times;
  };
  const std::vector<double> full = turningFrames(false, nullptr);
  // The driver's floor in the same run: the same triangles, size and samples in one flat pass, the camera
  // turning the same way; then where a full frame's time goes, pass by pass (the GPU waited for after each).
  std::vector<double> flat;
  std::vector<std::pair<std::string, std::vector<double>>> passes;
  if (gfx::Renderer* renderer = viewer.renderer()) {
    for (int i = 0; i < o.frames; ++i) {
      const auto t = Clock::now();
      viewer.camera().orbit(2.0f, 0.0f);
      viewer.update(1.0f / 60.0f);
      renderer->renderFlat(viewer.frameView(size), &target);
      gfx::finish();
      flat.push_back(msSince(t));
    }
    renderer->setPassTiming(true);
    for (int i = 0; i < std::min(o.frames, 15); ++i) {
      viewer.camera().orbit(2.0f, 0.0f);
      viewer.update(1.0f / 60.0f);
      viewer.render(size, &target);
      for (const gfx::PassTime& p : renderer->passTimes()) {
        auto it = std::find_if(passes.begin(), passes.end(), [&](const auto& e) { return e.first == p.pass; });
        if (it == passes.end()) it = passes.insert(passes.end(), {p.pass, {}});
        it->second.push_back(p.ms);
      }
    }
    renderer->setPassTiming(false);
  }
  // The window's first picture: full, and timed by the renderer to choose; it also starts the coarse lists.
  const auto tLists = Clock::now();
  viewer.camera().orbit(2.0f, 0.0f);
  viewer.update(1.0f / 60.0f);
  renderPicture(viewer, ui.get(), target, size, context->description(), 0.0f, true);
  viewer.waitForCoarseLists();
  const double listsMs = msSince(tLists);
  int coarseFrames = 0;
  const std::vector<double> frames = turningFrames(true, &coarseFrames);
  // Frames with nothing moving (an exercise's timer paused): the window redraws its panels over the kept (full)
  // picture.
  if (o.exercise) viewer.startPauseTimer();
  // The view comes to rest after the moving frames: how long the window shows a coarse picture before the
  // full one is back (the renderer's rest wait, then one full picture), drawing frames as the window does.
  double fullBackMs = -1.0;
  if (coarseFrames > 0) {
    const auto tRest = Clock::now();
    while (msSince(tRest) < 20000.0) {
      renderPicture(viewer, ui.get(), target, size, context->description(), 0.0f, true);
      gfx::finish();
      if (!viewer.lastFrameCoarse()) {
        fullBackMs = msSince(tRest);
        break;
      }
    }
  }
  renderPicture(viewer, ui.get(), target, size, context->description(), 0.0f);
  std::vector<double> resting;
  for (int i = 0; i < std::min(o.frames, 30); ++i) {
    const auto t = Clock::now();
    renderPicture(viewer, ui.get(), target, size, context->description(), 0.0f);
    gfx::finish();
    resting.push_back(msSince(t));
  }
  std::sort(resting.begin(), resting.end());
  struct Stats { double mean, median, p95; };
  auto stats = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return Stats{std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()), v[v.size() / 2],
                 v[std::min(v.size() - 1, size_t(std::ceil(0.95 * double(v.size()))) - 1)]};
  };
  const Stats s = stats(frames), f = stats(full);
  long triangles = 0;
  for (const auto& m : viewer.model().meshes)
    for (const auto& p : m.primitives) triangles += long(p.indices.size() / 3);
  fmt::print("model: {} ({} triangles)\n", modelPath(o).string(), triangles);
  fmt::print("renderer: {}\n", context->description());
  fmt::print("size: {}x{}, frames: {}, ui: {}\n", o.width, o.height, o.frames, o.noUi ? "off" : "on");
  if (o.exercise) fmt::print("exercise: {}, timer running from {:.1f} s\n", *o.exercise, o.time.value_or(0.0));
  fmt::print("load: {:.1f} ms\n", loadMs);
  fmt::print("first frame: {:.1f} ms\n", firstMs);
  fmt::print("frame mean: {:.2f} ms ({:.1f} fps), median: {:.2f} ms, p95: {:.2f} ms ({} of {} coarse while moving)\n",
             s.mean, 1000.0 / s.mean, s.median, s.p95, coarseFrames, frames.size());
  fmt::print("full-detail frame mean: {:.2f} ms ({:.1f} fps), median: {:.2f} ms, p95: {:.2f} ms\n", f.mean,
             1000.0 / f.mean, f.median, f.p95);
  if (!flat.empty()) {
    const Stats fl = stats(flat);
    fmt::print("floor (one flat pass, same triangles, size and samples) median: {:.2f} ms, full-detail / floor: "
               "{:.2f}x\n", fl.median, f.median / fl.median);
  }
  if (!passes.empty()) {
    std::string line;
    for (const auto& [name, ms] : passes)
      line += fmt::format("{}{} {:.1f}", line.empty() ? "" : ", ", name, stats(ms).median);
    fmt::print("full-detail passes, median ms (GPU waited for after each): {}\n", line);
  }
  fmt::print("first picture and coarse lists: {:.1f} ms\n", listsMs);
  if (fullBackMs >= 0.0) fmt::print("full picture back after the view rests: {:.1f} ms\n", fullBackMs);
  fmt::print("resting frame median: {:.2f} ms (view unchanged)\n", resting[resting.size() / 2]);
  if (o.exercise) printMotionFigures(viewer.model(), o);
  fmt::print("peak memory: {:.1f} MiB\n", double(peakMemoryKiB()) / 1024.0);
  return 0;
}

int runListMuscles(const CliOptions& o) {
  const std::filesystem::path path = modelPath(o);
  const scene::Model model = scene::loadGltf(path);
  for (size_t i = 0; i < model.meshes.size(); ++i) {
    const auto& id = model.roles[i].muscle;
    if (!id.valid()) continue;
    fmt::print("{}\t{}\t{}\t{}\n", model.meshes[i].name, scene::toString(id.kind),
               id.side == scene::Side::None ? "-" : std::string(scene::toString(id.side)),
               id.part == scene::MusclePart::None ? "-" : std::string(scene::toString(id.part)));
  }
  return 0;
}

int runListExercises(const CliOptions& o) {
  const exercise::ExerciseSet set = exercise::loadExercises(exercisesPath(o));
  for (const auto& e : set.exercises) fmt::print("{}\t{}\n", e.id, e.title);
  return 0;
}

int runState(const CliOptions& o) {
  const exercise::ExerciseSet set = exercise::loadExercises(exercisesPath(o));
  const exercise::Exercise& ex = set.find(*o.exercise);
  const scene::Model model = scene::loadGltf(modelPath(o));
  fmt::print("{}\n", exercise::exerciseStateJson(model, ex, o.time.value_or(0.0),
                                                 o.bodyWeightKg.value_or(exercise::kDefaultBodyWeightKg))
                         .dump());
  return 0;
}

int runExport(const CliOptions& o) {
  const scene::Model model = scene::loadGltf(modelPath(o));
  exercise::SceneExtras extras;
  std::vector<glm::mat4> world;
  const double t = o.time.value_or(0.0);
  extras.facts["time"] = fmt::format("{}", t);
  if (o.exercise) {
    const exercise::ExerciseSet set = exercise::loadExercises(exercisesPath(o));
    const exercise::Exercise& ex = set.find(*o.exercise);
    const exercise::Playback playback(model, ex);
    const exercise::MotionFrame f = playback.at(t);
    world = f.world;
    extras.tools = f.tools;
    extras.facts["exercise"] = ex.id;
    extras.facts["phase"] = std::string(exercise::phaseName(f.timer.phase));
    if (const auto side = exercise::sideName(f.timer.side)) extras.facts["side"] = std::string(*side);
  } else {
    world = scene::worldTransforms(model, model.animations.empty() || !o.time
                                              ? scene::localTransforms(model)
                                              : scene::animatedLocalTransforms(model, 0, float(t)));
  }
  exercise::writePosedGlb(*o.exportFile, model, world, extras);
  return 0;
}

int runValidate(const CliOptions& o) {
  // Every problem of both files, one line each (a broken primitive or exercise does not hide the next one's).
  const std::filesystem::path path = modelPath(o);
  int problems = 0;
  auto report = [&](const std::vector<core::Error>& found) {
    for (const core::Error& e : found) std::fprintf(stderr, "%s\n", core::errorLine(e).c_str());
    problems += int(found.size());
    return found.empty();
  };
  scene::Model model;
  if (report(scene::gltfProblems(path, {}, &model))) {
    int muscles = 0;
    for (const auto& r : model.roles) muscles += r.muscle.valid() ? 1 : 0;
    const std::optional<std::string> note = scene::jointLimitNote(model);
    fmt::print("{}: ok, {} meshes, {} recognised muscles{}\n", path.string(), model.meshes.size(), muscles,
               note ? "; " + *note : std::string());
  }
  exercise::ExerciseSet set;
  if (report(exercise::exerciseProblems(exercisesPath(o), &set))) {
    try {
      if (o.exercise) set.find(*o.exercise);
      fmt::print("{}: ok, {} exercises\n", exercisesPath(o).string(), set.exercises.size());
    } catch (const core::Error& e) {
      report({e});
    }
  }
  return problems == 0 ? 0 : 2;
}

}  // namespace myo::app
