// The exercise camera on pictures: at the start, middle and end of work, in the stretch and at the side
// switch, from the body-relative presets, the posed body lies whole inside the part of the picture the panels
// leave free, and fills a good share of it.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "app/imgui_host.hpp"
#include "app/runs.hpp"
#include "app/viewer.hpp"
#include "exercise/exercise_data.hpp"
#include "exercise/timer.hpp"
#include "gfx/context.hpp"
#include "gfx/renderer.hpp"
#include "image_compare.hpp"
#include "view/framing.hpp"

using namespace myo;

namespace {

const std::string kModel = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";
const std::string kExercises = std::string(MYO_SOURCE_DIR) + "/assets/exercises.json";

/// The moments the camera must hold: the first work phase's start, middle and end, the first stretch, the
/// side switch and the second side's work (one-sided exercises).
std::vector<std::pair<std::string, double>> moments(const exercise::TimerPlan& plan) {
  std::vector<std::pair<std::string, double>> out;
  bool work = false, stretch = false, sw = false, second = false;
  for (const auto& s : plan.segments) {
    const double mid = s.start + 0.5 * s.duration;
    if (s.phase == exercise::Phase::Work && !work) {
      work = true;
      out.push_back({"work start", s.start + 1.0});
      out.push_back({"work middle", mid});
      out.push_back({"work end", s.end() - 1.0});
    } else if (s.phase == exercise::Phase::Work && s.side == scene::Side::Right && !second) {
      second = true;
      out.push_back({"second side", mid});
    } else if (s.phase == exercise::Phase::Stretch && !stretch) {
      stretch = true;
      out.push_back({"stretch", mid});
    } else if (s.phase == exercise::Phase::Switch && !sw) {
      sw = true;
      out.push_back({"side switch", mid});
    }
  }
  return out;
}

/// Pixels of the body (skin drawn opaque), its muscles and bones, the chair's upholstery (warm colours), the
/// rollers and the ball (blue, orange), where the studio background, the floor and the see-through wall are
/// near neutral grey.
bool foreground(const test::Rgba& p) { return std::abs(p.r - p.b) > 30 && std::max(p.r, p.b) > 60; }

struct Shot {
  app::Picture picture;
  std::vector<view::PixelRect> panels;
};

/// One picture as --screenshot makes it: with the panels, a first UI frame settles them, then the 3D view
/// and the panels over it.
Shot render(app::Viewer& viewer, app::ImGuiHost* ui, glm::ivec2 size) {
  gfx::OffscreenTarget target;
  if (ui) {
    ui->newFrame(size, 1.0f / 60.0f);
    viewer.drawUi(0.0f, "test");
    ImGui::Render();
  }
  viewer.render(size, &target);
  Shot shot;
  if (ui) {
    ui->newFrame(size, 1.0f / 60.0f);
    viewer.drawUi(0.0f, "test");
    for (const char* name : {"MyoRelease", "Exercise"})
      if (const ImGuiWindow* w = ImGui::FindWindowByName(name); w && w->Active)
        shot.panels.push_back({{w->Pos.x, w->Pos.y}, {w->Pos.x + w->Size.x, w->Pos.y + w->Size.y}});
    ui->render();
  }
  shot.picture = {size.x, size.y, target.read()};
  return shot;
}

void checkFramed(const Shot& shot, const std::string& what) {
  const auto& pic = shot.picture;
  const view::PixelRect free = view::freeArea(glm::vec2(pic.width, pic.height), shot.panels);
  view::PixelRect box{glm::vec2(1e9f), glm::vec2(-1e9f)};
  std::size_t count = 0;
  for (int y = 0; y < pic.height; ++y)
    for (int x = 0; x < pic.width; ++x) {
      const glm::vec2 p(float(x) + 0.5f, float(y) + 0.5f);
      if (std::any_of(shot.panels.begin(), shot.panels.end(), [&](const view::PixelRect& r) { return r.contains(p); }))
        continue;
      if (!foreground(test::pixelAt(pic, x, y))) continue;
      ++count;
      box.min = glm::min(box.min, p);
      box.max = glm::max(box.max, p);
    }
  INFO(what << ": body and tool box (" << box.min.x << ", " << box.min.y << ")-(" << box.max.x << ", " << box.max.y
            << "), free area (" << free.min.x << ", " << free.min.y << ")-(" << free.max.x << ", " << free.max.y
            << "), " << count << " body pixels");
  REQUIRE(count > 200);
  // Whole, with room round it: at least 2 % of the free area's size from its edges (the fit leaves
  // view::kFitMargin, 5 %, at its tightest instant; a body cut by a panel or the border, or a head that touches
  // the top, would come nearer).
  const glm::vec2 inset = glm::max(glm::vec2(3.0f), 0.02f * glm::vec2(free.width(), free.height()));
  CHECK(box.min.x >= free.min.x + inset.x);
  CHECK(box.min.y >= free.min.y + inset.y);
  CHECK(box.max.x <= free.max.x - inset.x);
  CHECK(box.max.y <= free.max.y - inset.y);
  // Large: it spans most of the free area on one axis (the framing holds the whole phase's motion, so at
  // one moment the body may fill a little less than the 90 % inside the margins).
  CHECK(std::max(box.width() / free.width(), box.height() / free.height()) > 0.6f);
}

}  // namespace

TEST_CASE("the exercise camera frames the whole posed body, large, clear of the panels") {
  auto context = gfx::createHeadlessContext();
  const exercise::ExerciseSet set = exercise::loadExercises(kExercises);
  ui::DisplaySettings display;
  display.skin = ui::SkinMode::Opaque;
  // One viewer draws without panels, one with them (its panels stay known to it once drawn).
  app::Viewer bare(display), withPanels(display);
  for (app::Viewer* v : {&bare, &withPanels}) {
    v->loadInitial(kModel);
    v->camera().setTransitionSeconds(0.0f);
    v->loadExercises(kExercises);
    v->attachRenderer(std::make_unique<gfx::Renderer>());
  }
  app::ImGuiHost ui(nullptr, 1.0f);
  for (const auto& ex : set.exercises) {
    bare.selectExercise(ex.id);
    withPanels.selectExercise(ex.id);
    int shot = 0;
    for (const auto& [moment, t] : moments(exercise::makePlan(ex))) {
      for (const char* name : {"back", "left", "oblique", "target"}) {
        const view::Preset preset = *view::parsePreset(name);
        const std::string what = ex.id + ", " + moment + " (" + std::to_string(t) + " s), " + name;
        bare.setExerciseTime(t);
        bare.setPreset(preset);
        checkFramed(render(bare, nullptr, {320, 240}), what + ", no panels");
        // At the window's size, where the panels leave the middle of the picture free: one view per moment, in
        // turn (full-size pictures are slow on a software renderer).
        if (shot++ % 3 == 0) {
          withPanels.setExerciseTime(t);
          withPanels.setPreset(preset);
          checkFramed(render(withPanels, &ui, {1280, 720}), what + ", with panels");
        }
      }
    }
  }
}

TEST_CASE("the massage chair's roller unit shows moving through the see-through backrest") {
  auto context = gfx::createHeadlessContext();
  app::Viewer viewer;
  viewer.loadInitial(kModel);
  viewer.camera().setTransitionSeconds(0.0f);
  viewer.loadExercises(kExercises);
  viewer.attachRenderer(std::make_unique<gfx::Renderer>());
  viewer.selectExercise("massage-chair");
  const exercise::TimerPlan plan = exercise::makePlan(exercise::loadExercises(kExercises).find("massage-chair"));
  const auto work = std::find_if(plan.segments.begin(), plan.segments.end(),
                                 [](const exercise::Segment& s) { return s.phase == exercise::Phase::Work; });
  REQUIRE(work != plan.segments.end());
  // Two moments of one work phase, in the view the exercise opens on: only the rollers move.
  viewer.setExerciseTime(work->start + 15.0);
  const app::Picture a = render(viewer, nullptr, {320, 240}).picture;
  viewer.setExerciseTime(work->start + 55.0);
  const app::Picture b = render(viewer, nullptr, {320, 240}).picture;
  std::size_t changed = 0;
  for (int y = 0; y < a.height; ++y)
    for (int x = 0; x < a.width; ++x) {
      const test::Rgba p = test::pixelAt(a, x, y), q = test::pixelAt(b, x, y);
      if (std::max({std::abs(p.r - q.r), std::abs(p.g - q.g), std::abs(p.b - q.b)}) > 24) ++changed;
    }
  const double share = double(changed) / double(a.width * a.height);
  INFO("changed share " << share);
  CHECK(share > 0.01);
}

TEST_CASE("between phases the camera glides to the next phase's framing, the one a picture at that time shows") {
  auto wrap = [](float a) { return std::remainder(a, 2.0f * 3.14159265f); };
  auto viewer = [](float glide) {
    auto v = std::make_unique<app::Viewer>();
    v->loadInitial(kModel);
    v->camera().setTransitionSeconds(glide);
    v->camera().setViewport(1280, 720);
    v->loadExercises(kExercises);
    v->selectExercise("latissimus-foam-roller");
    v->setPreset(view::Preset::Left);
    return v;
  };
  const auto window = viewer(0.35f), picture = viewer(0.0f);
  const exercise::TimerPlan plan = exercise::makePlan(exercise::loadExercises(kExercises).find("latissimus-foam-roller"));
  double left = -1.0, right = -1.0, stretch = -1.0;
  for (const auto& s : plan.segments) {
    const double mid = s.start + 0.5 * s.duration;
    if (s.phase == exercise::Phase::Work && s.side == scene::Side::Left && left < 0.0) left = mid;
    if (s.phase == exercise::Phase::Work && s.side == scene::Side::Right && right < 0.0) right = mid;
    if (s.phase == exercise::Phase::Stretch && stretch < 0.0) stretch = mid;
  }
  REQUIRE(left > 0.0);
  REQUIRE(right > left);
  REQUIRE(stretch > right);
  window->setExerciseTime(left);
  window->camera().update(5.0f);
  const view::CameraPose before = window->camera().pose();
  // The other side: the body lies on its right, its left side up, and the view of its left side rises over it.
  window->setExerciseTime(right);
  CHECK(window->camera().transitioning());
  CHECK(glm::length(window->camera().pose().target - before.target) < 1e-4f);  // no jump
  const view::CameraPose goal = window->camera().goal();
  CHECK(goal.pitch - before.pitch > 0.5f);
  window->camera().update(0.6f);
  const view::CameraPose halfway = window->camera().pose();
  CHECK(halfway.pitch - before.pitch > 0.1f);
  CHECK(goal.pitch - halfway.pitch > 0.1f);
  window->camera().update(1.0f);
  CHECK_FALSE(window->camera().transitioning());
  // A picture at that time shows the settled view at once.
  picture->setExerciseTime(right);
  CHECK_FALSE(picture->camera().transitioning());
  CHECK(glm::length(picture->camera().pose().target - window->camera().pose().target) < 1e-3f);
  CHECK(picture->camera().pose().distance == doctest::Approx(window->camera().pose().distance).epsilon(1e-3));
  CHECK(std::abs(wrap(picture->camera().pose().yaw - window->camera().pose().yaw)) < 1e-3f);
  // Turned by hand, the view keeps its direction into the next phase, framed on the body again there.
  window->camera().orbit(120.0f, -40.0f);
  const view::CameraPose turned = window->camera().pose();
  window->setExerciseTime(stretch);
  window->camera().update(5.0f);
  CHECK(std::abs(wrap(window->camera().pose().yaw - turned.yaw)) < 1e-3f);
  CHECK(window->camera().pose().pitch == doctest::Approx(turned.pitch));
  CHECK(glm::length(window->camera().pose().target - turned.target) > 0.05f);  // the body stands elsewhere now
}
