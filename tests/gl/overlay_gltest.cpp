// tests/gl/overlay_gltest.cpp: the overlays read on pixels: the worked area painted blue on the target muscle,
// through the faded skin, growing through a work phase as the coverage does; the safety zones drawn on the back
// when asked; and the warning over the view when the ball sits on the spine.
#include <doctest/doctest.h>

#include "app/runs.hpp"
#include "app/viewer.hpp"
#include "exercise/state_json.hpp"
#include "gfx/renderer.hpp"
#include "image_compare.hpp"
#include "shot_options.hpp"

using namespace myo;

namespace {

const std::string kShipped = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";
const std::string kBallOnSpine = std::string(MYO_TEST_DATA_DIR) + "/exercises_zones/ball_on_spine.json";

app::Picture render(app::Viewer& viewer, glm::ivec2 size) {
  gfx::OffscreenTarget target;
  viewer.render(size, &target);
  return {size.x, size.y, target.read()};
}

/// The viewer's current frame drawn without and with its overlays, by its own renderer.
std::pair<app::Picture, app::Picture> withoutAndWith(app::Viewer& viewer, glm::ivec2 size) {
  render(viewer, size);  // brings the camera and the overlays to this moment
  gfx::FrameView f = viewer.frameView(size);
  gfx::OffscreenTarget target;
  f.overlay = {};
  viewer.renderer()->render(f, &target);
  app::Picture plain{size.x, size.y, target.read()};
  f.overlay = viewer.overlayView();
  viewer.renderer()->render(f, &target);
  return {std::move(plain), app::Picture{size.x, size.y, target.read()}};
}

/// Pixels the overlay turned blue: bluer than without it by a clear step.
int paintedBlue(const app::Picture& plain, const app::Picture& painted) {
  int n = 0;
  for (int y = 0; y < plain.height; ++y)
    for (int x = 0; x < plain.width; ++x) {
      const auto a = test::pixelAt(plain, x, y), b = test::pixelAt(painted, x, y);
      n += (b.b - b.r) - (a.b - a.r) > 25 && b.b > b.r;
    }
  return n;
}

}  // namespace

TEST_CASE("the worked area is painted on the muscle, growing as the coverage does through a work phase") {
  auto o = test::shot(kShipped, 480, 360);
  o.exercise = "latissimus-foam-roller";
  o.time = 1.0;
  app::Viewer viewer(app::displayFrom(o));
  const auto context = app::startOffscreen(viewer, o);
  const glm::ivec2 size{o.width, o.height};
  const exercise::ExerciseSet set = exercise::loadExercises(std::string(MYO_SOURCE_DIR) + "/assets/exercises.json");
  const exercise::Exercise& ex = set.find(*o.exercise);
  const glm::ivec2 inset = viewer.insetSize();
  // In the inset (the muscles standing, from behind, no skin, no equipment): the coverage blue, and the saturated
  // red of the targets (both latissimus muscles; the context muscles are a calmer red-brown).
  auto count = [&](const std::vector<unsigned char>& rgba) {
    std::pair<int, int> paintedAndMuscle{0, 0};
    const app::Picture pic{inset.x, inset.y, rgba};
    for (int y = 0; y < inset.y; ++y)
      for (int x = 0; x < inset.x; ++x) {
        const auto p = test::pixelAt(pic, x, y);
        const bool blue = p.b > p.r + 20 && p.b > p.g + 12;
        paintedAndMuscle.first += blue;
        paintedAndMuscle.second += blue || (p.r > p.g + 80 && p.r > p.b + 80);
      }
    return paintedAndMuscle;
  };

  // Lead-in: nothing worked, nothing painted.
  REQUIRE(viewer.exerciseState().phase == exercise::Phase::LeadIn);
  CHECK(count(viewer.renderCoverageInset()).first == 0);
  {
    const auto [plain, painted] = withoutAndWith(viewer, size);
    CHECK(paintedBlue(plain, painted) == 0);
  }
  // The left side's work: more covered, more painted, and the painted share of the muscle seen near the coverage.
  int last = 0, firstMuscle = 0;
  double lastCoverage = 0.0;
  for (double t : {7.0, 10.0, 14.0, 18.0}) {
    viewer.setExerciseTime(t);
    REQUIRE(viewer.exerciseState().phase == exercise::Phase::Work);
    // Plain variables, not a structured binding: INFO takes them into a lambda (clang 14).
    const auto counted = count(viewer.renderCoverageInset());
    const auto painted = counted.first, muscle = counted.second;
    const double coverage = exercise::exerciseStateJson(viewer.model(), ex, t)["contact"]["coverage"].get<double>();
    INFO("t " << t << " s: " << painted << " of " << muscle << " pixels painted, coverage " << coverage);
    CHECK(coverage > lastCoverage);
    CHECK(painted > last);
    // The picture agrees with the percentage: the worked (left) latissimus is about half of the two targets seen
    // from behind, so the painted share of them is about half the coverage (0.5-0.8 on the shipped model), and
    // the paint lies on the targets (painted plus red stays as it was).
    const double share = double(painted) / double(std::max(muscle, 1));
    CHECK(share > 0.35 * coverage);
    CHECK(share < 1.0 * coverage);
    if (firstMuscle == 0) firstMuscle = muscle;
    CHECK(std::abs(muscle - firstMuscle) < firstMuscle / 10);
    last = painted;
    lastCoverage = coverage;
    // In the main view the paint lies on the body (there, mostly on the side on the roller).
    const auto [plain, withOverlay] = withoutAndWith(viewer, size);
    CHECK(paintedBlue(plain, withOverlay) > 0);
  }
}

TEST_CASE("the safety zones are drawn on the back along the midline when asked") {
  auto o = test::shot(kShipped, 320, 400);
  o.view = view::Preset::Back;
  o.viewGiven = true;
  app::Viewer viewer(app::displayFrom(o));
  const auto context = app::startOffscreen(viewer, o);
  const glm::ivec2 size{o.width, o.height};
  const app::Picture plain = render(viewer, size);
  viewer.safety().zones = true;
  const app::Picture zones = render(viewer, size);

  // Where the pictures differ: only within the zones' width about the midline (kidneys 10 cm out).
  const float left = viewer.camera().project({0.13f, 1.30f, -0.10f}).x;
  const float right = viewer.camera().project({-0.13f, 1.30f, -0.10f}).x;
  const float lo = std::min(left, right), hi = std::max(left, right);
  int changed = 0, outside = 0;
  for (int y = 0; y < size.y; ++y)
    for (int x = 0; x < size.x; ++x) {
      const auto a = test::pixelAt(plain, x, y), b = test::pixelAt(zones, x, y);
      if (std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b) < 30) continue;
      ++changed;
      if (float(x) < lo - 2.0f || float(x) > hi + 2.0f) ++outside;
    }
  INFO(changed << " pixels changed, " << outside << " outside the band " << lo << ".." << hi);
  CHECK(changed > 400);
  CHECK(outside < changed / 50);
}

TEST_CASE("a ball on the spinous processes raises the warning over the view; the shipped ball does not") {
  auto banner = [](const std::string& file, const std::string& id) {
    auto o = test::shot(kShipped, 1280, 720);
    o.noUi = false;
    o.exercisesFile = file;
    o.exercise = id;
    o.time = 20.0;
    const app::Picture pic = app::renderScreenshot(o);
    int red = 0;  // the banner's dark red, at the top middle of the view
    for (int y = 0; y < 60; ++y)
      for (int x = 440; x < 840; ++x) {
        const auto p = test::pixelAt(pic, x, y);
        red += p.r > 120 && p.g < 50 && p.b < 50;
      }
    return red;
  };
  CHECK(banner(kBallOnSpine, "ball-on-spine") > 2000);
  CHECK(banner(std::string(MYO_SOURCE_DIR) + "/assets/exercises.json", "rhomboid-massage-ball") < 50);
}
