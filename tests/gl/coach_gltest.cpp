// The exercise panel's layout across the phases of every exercise, and the coach view at 720p and 4K: the
// controls stay where they are while the worked-area picture comes and goes, the current step stays in view,
// and the coach view's text is built at its size, fits its panels and leaves the body framed beside them.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstdio>
#include <cmath>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "app/imgui_host.hpp"
#include "app/runs.hpp"
#include "app/viewer.hpp"
#include "exercise/exercise_data.hpp"
#include "exercise/timer.hpp"
#include "gfx/context.hpp"
#include "gfx/renderer.hpp"
#include "image_compare.hpp"
#include "ui/coach_layout.hpp"
#include "ui/exercise_panel.hpp"
#include "view/framing.hpp"

using namespace myo;

namespace {

const std::string kModel = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";
const std::string kExercises = std::string(MYO_SOURCE_DIR) + "/assets/exercises.json";

std::unique_ptr<app::Viewer> makeViewer(ui::SkinMode skin = ui::SkinMode::Faded) {
  ui::DisplaySettings display;
  display.skin = skin;
  auto v = std::make_unique<app::Viewer>(display);
  v->loadInitial(kModel);
  v->camera().setTransitionSeconds(0.0f);
  v->loadExercises(kExercises);
  v->attachRenderer(std::make_unique<gfx::Renderer>());
  return v;
}

/// A picture as --screenshot makes it: a first UI frame settles the panels (and the framing beside them),
/// then the 3D view of `pictureSize` and a second UI frame of a `size` window, which also sees the first one's
/// scrolling; the panels are drawn into target when `draw`.
void frame(app::Viewer& viewer, app::ImGuiHost& ui, glm::ivec2 size, gfx::OffscreenTarget& target,
           glm::ivec2 pictureSize, bool draw) {
  ui.newFrame(size, 1.0f / 60.0f, viewer.coachView());
  viewer.drawUi(0.0f, "test");
  ImGui::Render();
  viewer.render(pictureSize, &target);
  ui.newFrame(size, 1.0f / 60.0f, viewer.coachView());
  viewer.drawUi(0.0f, "test");
  if (draw) ui.render();
  else ImGui::Render();
}

/// Times in every segment of the plan: near its start and near its end.
std::vector<double> timesInEverySegment(const exercise::TimerPlan& plan) {
  std::vector<double> out;
  for (const auto& s : plan.segments) {
    if (s.duration <= 0.0) {
      out.push_back(s.start);
      continue;
    }
    for (double f : {0.15, 0.85}) out.push_back(s.start + f * s.duration);
  }
  return out;
}

}  // namespace

TEST_CASE("the exercise panel's controls keep their places in every phase, and the current step stays in view") {
  auto context = gfx::createHeadlessContext();
  auto viewer = makeViewer();
  gfx::OffscreenTarget target;
  const exercise::ExerciseSet set = exercise::loadExercises(kExercises);
  // 1280x720 at scale 1, and a 1920x1080 screen with its text at twice the size (content scale 2), where the
  // part under the current step scrolls.
  for (const auto& size : {std::pair{glm::ivec2(1280, 720), 1.0f}, std::pair{glm::ivec2(1920, 1080), 2.0f}}) {
  const glm::ivec2 window = size.first;
  const float scale = size.second;
  INFO("window " << window.x << "x" << window.y << " at scale " << scale);
  app::ImGuiHost ui(nullptr, scale);
  // Everything below the countdown that a hand goes for, and the regions around them.
  const std::vector<std::string> steady{"exercise", "phase",  "countdown", "set",   "phase progress",
                                        "current step", "picture", "tool rows", "play", "skip",
                                        "restart", "scrub", "speed", "coach view", "steps box"};
  for (const auto& ex : set.exercises) {
    viewer->selectExercise(ex.id);
    const exercise::TimerPlan plan = exercise::makePlan(ex);
    std::optional<ui::ControlRects> first;
    std::string firstWhat;
    int withPicture = 0, withoutPicture = 0;
    for (double t : timesInEverySegment(plan)) {
      viewer->setExerciseTime(t);
      frame(*viewer, ui, window, target, {160, 90}, false);
      const ui::ControlRects& rects = viewer->controlRects();
      const exercise::TimerState st = viewer->exerciseState();
      const std::string what =
          ex.id + " at " + std::to_string(t) + " s (" + std::string(exercise::phaseName(st.phase)) + ")";
      INFO(what);
      // The worked-area picture shows during work only: the layout around it must not care.
      if (rects.find("worked area")) ++withPicture;
      else ++withoutPicture;
      CHECK((rects.find("worked area") != nullptr) == (st.phase == exercise::Phase::Work));
      if (!first) {
        first = rects;
        firstWhat = what;
      }
      for (const std::string& name : steady) {
        const ui::UiRect* a = first->find(name);
        const ui::UiRect* b = rects.find(name);
        INFO(name << " against " << firstWhat);
        REQUIRE(a != nullptr);
        REQUIRE(b != nullptr);
        CHECK(std::abs(a->min.x - b->min.x) < 0.5f);
        CHECK(std::abs(a->min.y - b->min.y) < 0.5f);
        CHECK(std::abs(a->height() - b->height()) < 0.5f);
      }
      // The current step shows above the controls whatever its phase, and in the list it is scrolled into the
      // box's visible part.
      const ui::UiRect* box = rects.find("steps box");
      if (st.step >= 0) {
        const ui::UiRect* inList = rects.find("current step in list");
        REQUIRE(inList != nullptr);
        CHECK(box->contains(*inList));
      }
    }
    CHECK(withPicture > 0);
    CHECK(withoutPicture > 0);
  }
  }
}

namespace {

/// The child window `child` of the window `parent` (Dear ImGui names it "parent/child_ID").
ImGuiWindow* childWindow(const char* parent, const char* child) {
  const std::string prefix = std::string(parent) + "/" + child + "_";
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows)
    if (std::string_view(w->Name).substr(0, prefix.size()) == prefix) return w;
  return nullptr;
}

ui::UiRect windowRect(const char* name) {
  const ImGuiWindow* w = ImGui::FindWindowByName(name);
  REQUIRE(w != nullptr);
  return {{w->Pos.x, w->Pos.y}, {w->Pos.x + w->Size.x, w->Pos.y + w->Size.y}};
}

}  // namespace

TEST_CASE("every control of both panels can be reached, and the current step is in view, at 720p, 1080p and 4K") {
  auto context = gfx::createHeadlessContext();
  auto viewer = makeViewer();
  gfx::OffscreenTarget target;
  // A long search list and a selection make the main panel's sections their tallest.
  std::snprintf(viewer->atlas().search.data(), viewer->atlas().search.size(), "%s", "t");
  viewer->selectExercise("rhomboid-massage-ball");
  REQUIRE(viewer->selectByName("rhomboid major"));
  // The controls in the part of each panel that scrolls, and those always in view above or below it.
  const std::vector<std::string> mainScrolled{"path", "open", "Back", "Oblique", "frame model", "skin hidden",
                                              "skin opacity", "bones", "floor", "other muscles", "outlines",
                                              "labels", "coarse while moving", "search", "layer depth",
                                              "fade others", "x-ray", "structures", "isolate", "show all",
                                              "muscle list"};
  const std::vector<std::string> exerciseFixed{"exercise", "phase", "countdown", "set", "phase progress",
                                               "current step"};
  const std::vector<std::string> exerciseScrolled{"picture", "tool rows", "safety", "play", "skip", "restart",
                                                  "scrub", "speed", "coach view", "work time", "sets", "steps box"};
  struct Size {
    glm::ivec2 window;
    float scale;
  };
  for (const Size size : {Size{{1280, 720}, 1.0f}, Size{{1920, 1080}, 2.0f}, Size{{3840, 2160}, 2.0f}}) {
    INFO("window " << size.window.x << "x" << size.window.y << " at scale " << size.scale);
    app::ImGuiHost ui(nullptr, size.scale);
    const ui::UiRect display{{0.0f, 0.0f}, glm::vec2(size.window)};
    for (const double t : {5.0, 20.0, 70.0}) {  // lead-in, work, the stretch after the first set
      viewer->setExerciseTime(t);
      INFO("at " << t << " s (" << exercise::phaseName(viewer->exerciseState().phase) << ")");
      struct Panel {
        const char* window;
        const char* child;
        const char* region;
        const ui::ControlRects& rects;
        std::vector<std::string> fixed, scrolled;
      };
      const Panel panels[] = {
          {"MyoRelease", "sections", "sections", viewer->mainPanelRects(), {"save picture"}, mainScrolled},
          {"Exercise", "body", "scrolled region", viewer->controlRects(), exerciseFixed, exerciseScrolled}};
      for (const Panel& p : panels) {
        INFO(p.window);
        frame(*viewer, ui, size.window, target, {160, 90}, false);
        ImGuiWindow* region = childWindow(p.window, p.child);
        REQUIRE(region != nullptr);
        // Scrolled from the top to the bottom in steps of half the region: each control is seen whole in the
        // region at some step, and those outside it at every step.
        std::vector<std::string> seen;
        const float step = std::max(region->Size.y * 0.5f, 1.0f);
        for (float y = 0.0f;; y += step) {
          ImGui::SetScrollY(region, std::min(y, region->ScrollMax.y));
          frame(*viewer, ui, size.window, target, {160, 90}, false);
          region = childWindow(p.window, p.child);
          const ui::UiRect panel = windowRect(p.window);
          CHECK(display.contains(panel));
          const ui::UiRect* area = p.rects.find(p.region);
          REQUIRE(area != nullptr);
          CHECK(panel.contains(*area));
          for (const std::string& name : p.fixed) {
            const ui::UiRect* r = p.rects.find(name);
            INFO(name);
            REQUIRE(r != nullptr);
            CHECK(r->height() > 4.0f);
            CHECK(panel.contains(*r));
            CHECK_FALSE(area->contains(*r, -1.0f));
          }
          for (const std::string& name : p.scrolled)
            if (const ui::UiRect* r = p.rects.find(name); r && r->height() > 4.0f && area->contains(*r)) seen.push_back(name);
          if (y >= region->ScrollMax.y) break;
        }
        for (const std::string& name : p.scrolled) {
          INFO(name << " never seen whole in its panel");
          CHECK(std::find(seen.begin(), seen.end(), name) != seen.end());
        }
        if (std::string(p.window) == "Exercise" && viewer->exerciseState().step >= 0) {
          // Scrolled to the bottom, where the steps list is: the current step is in the list's visible part
          // once it has been drawn for a frame, though the list was out of view when the step began.
          for (int i = 0; i < 2; ++i) frame(*viewer, ui, size.window, target, {160, 90}, false);
          const ui::UiRect* box = p.rects.find("steps box");
          const ui::UiRect* current = p.rects.find("current step in list");
          REQUIRE(box != nullptr);
          REQUIRE(current != nullptr);
          CHECK(p.rects.find(p.region)->contains(*box));
          INFO("steps box y " << box->min.y << "-" << box->max.y << ", current step " << current->min.y << "-"
                              << current->max.y);
          CHECK(box->contains(*current));
        }
        ImGui::SetScrollY(region, 0.0f);
      }
    }
  }
}

TEST_CASE("the coach view's text is built at its own size, fits its panels, and the body is framed beside them") {
  auto context = gfx::createHeadlessContext();
  auto viewer = makeViewer(ui::SkinMode::Opaque);
  // Only with an exercise.
  viewer->toggleCoachView();
  CHECK_FALSE(viewer->coachView());
  viewer->selectExercise("trapezius-foam-roller");
  viewer->setCoachView(true);
  CHECK(viewer->coachView());
  viewer->setExerciseTime(22.0);  // work, first set

  for (const glm::ivec2 size : {glm::ivec2(1280, 720), glm::ivec2(3840, 2160)}) {
    INFO("window " << size.x << "x" << size.y);
    app::ImGuiHost ui(nullptr, std::max(1.0f, float(size.y) / 900.0f));
    gfx::OffscreenTarget target;
    frame(*viewer, ui, size, target, size, true);
    const app::Picture pic{size.x, size.y, target.read()};
    const ui::ControlRects& rects = viewer->controlRects();
    const ui::CoachLayout layout = ui::coachLayout(glm::vec2(size));

    // The fonts are rasterised at the coach view's sizes, not the panel font scaled up.
    const ui::PanelFonts& fonts = ui::fonts();
    REQUIRE(fonts.countdown != nullptr);
    REQUIRE(fonts.heading != nullptr);
    REQUIRE(fonts.step != nullptr);
    CHECK(fonts.countdown->FontSize == doctest::Approx(layout.countdownPx));
    CHECK(fonts.heading->FontSize == doctest::Approx(layout.headingPx));
    CHECK(fonts.step->FontSize == doctest::Approx(layout.stepPx));

    const ui::UiRect* panel = rects.find("coach panel");
    const ui::UiRect* strip = rects.find("step strip");
    REQUIRE(panel != nullptr);
    REQUIRE(strip != nullptr);
    for (const char* name :
         {"phase", "countdown", "set", "side", "phase progress", "next", "play", "skip", "panels"}) {
      INFO(name);
      const ui::UiRect* r = rects.find(name);
      REQUIRE(r != nullptr);
      CHECK(panel->contains(*r));
    }
    REQUIRE(rects.find("step") != nullptr);
    CHECK(strip->contains(*rects.find("step")));
    // The share covered, centred under the progress bar like the lines above it.
    const ui::UiRect* status = rects.find("status");
    REQUIRE(status != nullptr);
    CHECK(panel->contains(*status));
    CHECK(std::abs(0.5f * (status->min.x + status->max.x) - 0.5f * (panel->min.x + panel->max.x)) < 0.02f * panel->width());
    const ui::UiRect countdown = *rects.find("countdown");
    CHECK(countdown.height() >= 0.2f * float(size.y));

    // The countdown drawn in the work colour, sharp: most of its coloured pixels are the solid colour, where
    // a small font scaled up would be mostly a soft ramp.
    std::size_t solid = 0, coloured = 0;
    for (int y = int(countdown.min.y); y < int(countdown.max.y); ++y)
      for (int x = int(countdown.min.x); x < int(countdown.max.x); ++x) {
        const test::Rgba p = test::pixelAt(pic, x, y);
        if (p.r - p.b < 40) continue;
        ++coloured;
        if (std::abs(p.r - 255) < 30 && std::abs(p.g - 140) < 30 && std::abs(p.b - 102) < 30) ++solid;
      }
    INFO("countdown pixels: " << solid << " solid of " << coloured << " coloured in "
                              << countdown.width() * countdown.height());
    CHECK(double(coloured) > 0.05 * countdown.width() * countdown.height());
    CHECK(double(solid) > 0.6 * double(coloured));

    // The body and the roller lie whole in the part of the picture the coach view leaves free, and large.
    const std::vector<view::PixelRect> panels{{panel->min, panel->max}, {strip->min, strip->max}};
    const view::PixelRect free = view::freeArea(glm::vec2(size), panels);
    view::PixelRect box{glm::vec2(1e9f), glm::vec2(-1e9f)};
    std::size_t body = 0;
    for (int y = 0; y < pic.height; y += 2)
      for (int x = 0; x < pic.width; x += 2) {
        const glm::vec2 p(float(x) + 0.5f, float(y) + 0.5f);
        if (std::any_of(panels.begin(), panels.end(), [&](const view::PixelRect& r) { return r.contains(p); }))
          continue;
        const test::Rgba c = test::pixelAt(pic, x, y);
        if (std::abs(c.r - c.b) <= 30 || std::max(c.r, c.b) <= 60) continue;
        ++body;
        box.min = glm::min(box.min, p);
        box.max = glm::max(box.max, p);
      }
    INFO("body box (" << box.min.x << ", " << box.min.y << ")-(" << box.max.x << ", " << box.max.y
                      << "), free area (" << free.min.x << ", " << free.min.y << ")-(" << free.max.x << ", "
                      << free.max.y << ")");
    REQUIRE(body > 200);
    CHECK(box.min.x >= free.min.x + 2.0f);
    CHECK(box.min.y >= free.min.y + 2.0f);
    CHECK(box.max.x <= free.max.x - 2.0f);
    CHECK(box.max.y <= free.max.y - 2.0f);
    CHECK(std::max(box.width() / free.width(), box.height() / free.height()) > 0.6f);
  }
  // One window resized, and out of the coach view: the fonts follow, rebuilt at the new sizes.
  app::ImGuiHost ui(nullptr, 1.0f);
  for (const glm::ivec2 size : {glm::ivec2(1280, 720), glm::ivec2(1920, 1080), glm::ivec2(3840, 2160)}) {
    INFO("window " << size.x << "x" << size.y);
    ui.newFrame(size, 1.0f / 60.0f, viewer->coachView());
    viewer->drawUi(0.0f, "test");
    ImGui::Render();
    REQUIRE(ui::fonts().countdown != nullptr);
    CHECK(ui::fonts().countdown->FontSize == doctest::Approx(ui::coachLayout(glm::vec2(size)).countdownPx));
    CHECK(ui::fonts().step->FontSize == doctest::Approx(ui::coachLayout(glm::vec2(size)).stepPx));
  }
  viewer->setCoachView(false);
  ui.newFrame({1280, 720}, 1.0f / 60.0f, viewer->coachView());
  viewer->drawUi(0.0f, "test");
  ImGui::Render();
  CHECK(ui::fonts().countdown == nullptr);
  REQUIRE(ui::fonts().timer != nullptr);
  CHECK(ui::fonts().timer->FontSize == doctest::Approx(54.0f));

  // Leaving the exercise leaves the coach view.
  viewer->setCoachView(true);
  viewer->selectExercise(-1);
  CHECK_FALSE(viewer->coachView());
}
