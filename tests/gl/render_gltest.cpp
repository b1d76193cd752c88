// tests/gl/render_gltest.cpp: offscreen renders through EGL checked on pixels and against golden images.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>

#include "app/runs.hpp"
#include "app/viewer.hpp"
#include "core/error.hpp"
#include "gfx/context.hpp"
#include "gfx/renderer.hpp"
#include "image_compare.hpp"
#include "shot_options.hpp"

using namespace myo;

namespace {

using test::shot;

std::string fixture(const std::string& name) { return std::string(MYO_FIXTURES_DIR) + "/" + name; }

bool isBackground(const test::Rgba& p) {
  // The studio gradient is a neutral grey.
  return std::abs(p.r - p.g) < 12 && std::abs(p.g - p.b) < 14 && p.r > 90;
}

// Share of pixels that differ by more than 24 in any channel.
double changedShare(const app::Picture& a, const app::Picture& b) {
  size_t n = 0;
  for (size_t i = 0; i + 3 < a.rgba.size(); i += 4) {
    int worst = 0;
    for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c])));
    if (worst > 24) ++n;
  }
  return double(n) / double(a.rgba.size() / 4);
}

}  // namespace

TEST_CASE("a target muscle is drawn in the highlight colour where it projects, with an outline") {
  auto context = gfx::createHeadlessContext();
  app::Viewer viewer;
  viewer.loadInitial(std::string(MYO_GL_DATA_DIR) + "/muscle_quads.gltf");
  viewer.camera().setTransitionSeconds(0.0f);
  const glm::ivec2 size{320, 240};
  viewer.camera().setViewport(size.x, size.y);
  viewer.setPreset(view::Preset::Back);
  viewer.attachRenderer(std::make_unique<gfx::Renderer>());
  gfx::OffscreenTarget target;
  viewer.render(size, &target);
  const app::Picture pic{size.x, size.y, target.read()};

  // Mesh 0 is trapezius_transverse_L (a target), mesh 1 deltoid_L (context); both quads face the back camera.
  const glm::vec2 trap = viewer.camera().project({0.15f, 1.30f, -0.10f});
  const glm::vec2 delt = viewer.camera().project({-0.15f, 1.30f, -0.10f});
  // From the back, the subject's left (+X) is on the viewer's left.
  CHECK(trap.x < delt.x);
  const auto t = test::pixelAt(pic, int(trap.x), int(trap.y));
  const auto d = test::pixelAt(pic, int(delt.x), int(delt.y));
  INFO("target " << t.r << "," << t.g << "," << t.b << "  context " << d.r << "," << d.g << "," << d.b);
  CHECK(t.r > t.g + 90);   // saturated muscle red
  CHECK(t.r > t.b + 90);
  CHECK(d.r > d.g + 25);   // calmer red-brown
  CHECK(d.r - d.g < t.r - t.g - 30);
  CHECK(isBackground(test::pixelAt(pic, 3, 3)));
  CHECK(isBackground(test::pixelAt(pic, size.x - 4, 3)));

  // The outline: just outside the target quad's left edge, gold (red and green high, blue low).
  const glm::vec2 edge = viewer.camera().project({0.25f, 1.30f, -0.10f});
  bool gold = false;
  for (int dx = 1; dx <= 4; ++dx) {
    const auto p = test::pixelAt(pic, int(edge.x) - dx, int(edge.y));
    gold = gold || (p.r > 200 && p.g > 150 && p.b < 120);
  }
  CHECK(gold);
  // No outline around the context muscle.
  const glm::vec2 dEdge = viewer.camera().project({-0.25f, 1.30f, -0.10f});
  for (int dx = 2; dx <= 4; ++dx) CHECK(isBackground(test::pixelAt(pic, int(dEdge.x) + dx, int(dEdge.y))));

  // Selecting the context muscle outlines it too (in the selection colour, blue-ish).
  viewer.select(1);
  viewer.render(size, &target);
  const app::Picture sel{size.x, size.y, target.read()};
  bool blue = false;
  for (int dx = 1; dx <= 4; ++dx) {
    const auto p = test::pixelAt(sel, int(dEdge.x) + dx, int(dEdge.y));
    blue = blue || (p.b > 200 && p.r < 140);
  }
  CHECK(blue);
}

TEST_CASE("the generated fixtures match their golden images") {
  // Tolerance: llvmpipe is deterministic on one machine; 24/255 per channel on up to 0.5 % of the pixels allows
  // for rasterisation differences between Mesa versions along edges.
  const test::Tolerance tol;
  for (const char* name : {"box", "box_animated", "rigged_simple", "rigged_figure", "textured_figure"}) {
    const std::string file = std::string(name) + (std::string(name) == "rigged_figure" ? ".glb" : ".gltf");
    auto o = shot(fixture(file), 160, 120);
    o.time = 1.0;
    const auto pic = app::renderScreenshot(o);
    const auto result = test::compareToGolden(pic, std::string("fixture_") + name + "_t1_back", tol);
    INFO(file << ": " << result.message);
    CHECK(result.ok);
  }
}
TEST_CASE("a skinned fixture renders posed by its animation") {
  auto at = [](double t) {
    auto o = shot(fixture("rigged_simple.gltf"), 160, 120);
    o.time = t;
    o.view = view::Preset::Left;
    return app::renderScreenshot(o);
  };
  const auto rest = at(0.0);
  const auto bent = at(1.0);
  // The bend moves a visible part of the figure: a noticeable share of the picture changes.
  CHECK(changedShare(rest, bent) > 0.01);
  const auto again = at(1.0);
  CHECK(changedShare(bent, again) == doctest::Approx(0.0));
}

TEST_CASE("the shipped model from the back matches its golden image") {
  const std::string model = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";
  REQUIRE(std::filesystem::exists(model));
  auto o = shot(model, 320, 240);
  const auto pic = app::renderScreenshot(o);
  const auto result = test::compareToGolden(pic, "upper_body_back", test::Tolerance{});
  INFO(result.message);
  CHECK(result.ok);
}

// The tissues are lit per vertex where the model's triangles come out a few pixels across and per pixel where
// they are larger (gfx::Renderer): the default view 1700 pixels high (about 8.2 pixels a triangle where the view
// turns) takes the per-pixel path, one a fifth of its size (1.6 pixels) the per-vertex one. Brought to the same
// size, the two are the same picture but for the finer detail of the larger one.
TEST_CASE("the shipped model lit per pixel close up and per vertex far away gives the same picture") {
  const std::string model = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";
  REQUIRE(std::filesystem::exists(model));
  constexpr int kSmall = 340, kScale = 5;
  const auto large = app::renderScreenshot(shot(model, kSmall * kScale, kSmall * kScale));
  const auto small = app::renderScreenshot(shot(model, kSmall, kSmall));
  REQUIRE(large.width == kSmall * kScale);
  REQUIRE(small.width == kSmall);
  // The large picture averaged over blocks of kScale x kScale pixels.
  app::Picture reduced{kSmall, kSmall, std::vector<unsigned char>(size_t(kSmall) * kSmall * 4)};
  for (int y = 0; y < kSmall; ++y)
    for (int x = 0; x < kSmall; ++x)
      for (int c = 0; c < 4; ++c) {
        int sum = 0;
        for (int j = 0; j < kScale; ++j)
          for (int i = 0; i < kScale; ++i)
            sum += large.rgba[(size_t(kScale * y + j) * size_t(large.width) + size_t(kScale * x + i)) * 4 + size_t(c)];
        reduced.rgba[(size_t(y) * kSmall + size_t(x)) * 4 + size_t(c)] =
            static_cast<unsigned char>((sum + kScale * kScale / 2) / (kScale * kScale));
      }
  double difference = 0.0;
  for (size_t i = 0; i + 3 < small.rgba.size(); i += 4)
    for (int c = 0; c < 3; ++c) difference += std::abs(int(small.rgba[i + size_t(c)]) - int(reduced.rgba[i + size_t(c)]));
  difference /= double(small.rgba.size() / 4 * 3);
  MESSAGE("mean difference " << difference << "/255, " << changedShare(small, reduced) * 100.0
                             << " % of the pixels by more than 24/255");
  CHECK(difference < 3.0);
  CHECK(changedShare(small, reduced) < 0.03);
}

TEST_CASE("the panels draw into the headless picture") {
  auto o = shot(fixture("box.gltf"), 480, 360);
  o.noUi = true;
  const auto bare = app::renderScreenshot(o);
  o.noUi = false;
  const auto withUi = app::renderScreenshot(o);
  // The panel covers the top-left corner with its dark background.
  const auto p = test::pixelAt(withUi, 20, 60);
  CHECK(p.r < 80);
  CHECK(isBackground(test::pixelAt(bare, 20, 60)));
}

TEST_CASE("in a posterior orthographic view without skin, the trapezius covers the rhomboids") {
  const std::string model = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";
  auto context = gfx::createHeadlessContext();
  app::Viewer viewer;
  viewer.loadInitial(model);
  viewer.camera().setTransitionSeconds(0.0f);
  const glm::ivec2 size{400, 400};
  viewer.camera().setViewport(size.x, size.y);
  viewer.camera().setOrthographic(true);
  viewer.setPreset(view::Preset::Back);
  viewer.camera().setPitch(0.0f);  // straight from behind
  auto& d = viewer.display();
  d.skin = ui::SkinMode::Hidden;
  d.bones = false;
  d.floor = false;
  d.outlines = false;
  viewer.attachRenderer(std::make_unique<gfx::Renderer>());
  const auto& m = viewer.model();

  auto isKind = [&](size_t i, std::initializer_list<scene::MuscleKind> kinds) {
    for (auto k : kinds)
      if (m.roles[i].muscle.kind == k) return true;
    return false;
  };
  auto renderOnly = [&](std::initializer_list<scene::MuscleKind> kinds) {
    for (size_t i = 0; i < m.meshes.size(); ++i) viewer.setMeshVisible(int(i), isKind(i, kinds));
    gfx::OffscreenTarget target;
    viewer.render(size, &target);
    return app::Picture{size.x, size.y, target.read()};
  };
  const auto background = renderOnly({});
  const auto rhomboids = renderOnly({scene::MuscleKind::RhomboidMajor, scene::MuscleKind::RhomboidMinor});
  const auto trapezius = renderOnly({scene::MuscleKind::Trapezius});
  const auto both = renderOnly({scene::MuscleKind::RhomboidMajor, scene::MuscleKind::RhomboidMinor,
                                scene::MuscleKind::Trapezius});
  auto differs = [](const app::Picture& a, const app::Picture& b, size_t i) {
    for (int c = 0; c < 3; ++c)
      if (std::abs(int(a.rgba[i * 4 + size_t(c)]) - int(b.rgba[i * 4 + size_t(c)])) > 8) return true;
    return false;
  };
  size_t rhomboidPixels = 0, covered = 0, trapeziusOnTop = 0;
  for (size_t i = 0; i < size_t(size.x * size.y); ++i) {
    if (!differs(rhomboids, background, i)) continue;
    ++rhomboidPixels;
    if (!differs(trapezius, background, i)) continue;
    ++covered;
    // Where both are drawn, the picture is the trapezius' own: it lies in front.
    if (!differs(both, trapezius, i)) ++trapeziusOnTop;
  }
  INFO("rhomboid pixels " << rhomboidPixels << ", under the trapezius " << covered << ", trapezius in front "
                          << trapeziusOnTop);
  REQUIRE(rhomboidPixels > 500);
  // Most of the rhomboids lie under the trapezius; a strip of rhomboid major shows in the triangle of
  // auscultation, beside the lower trapezius' straight lateral border.
  CHECK(double(covered) / double(rhomboidPixels) > 0.7);
  CHECK(double(covered) / double(rhomboidPixels) < 0.98);
  CHECK(double(trapeziusOnTop) / double(covered) > 0.97);
}

TEST_CASE("each exercise renders at several moments with its equipment in the picture") {
  struct Case {
    const char* id;
    test::Rgba tool;  // the equipment's colour, roughly (lit)
    std::vector<double> times;
  };
  // Roller blue, ball orange, chair near black; moments in the lead-in, early and late in the first work phase.
  const std::vector<Case> cases{{"trapezius-foam-roller", {40, 90, 160, 255}, {2.0, 8.0, 30.0}},
                                {"rhomboid-massage-ball", {215, 110, 40, 255}, {2.0, 8.0, 30.0}},
                                {"latissimus-foam-roller", {40, 90, 160, 255}, {2.0, 9.0, 15.0}},
                                {"massage-chair", {55, 50, 48, 255}, {2.0, 20.0, 150.0}}};
  for (const auto& c : cases) {
    std::vector<app::Picture> pictures;
    for (double t : c.times) {
      auto o = shot(std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb", 320, 240);
      o.exercise = c.id;
      o.time = t;
      pictures.push_back(app::renderScreenshot(o));
      const auto& pic = pictures.back();
      size_t toolPixels = 0, bodyPixels = 0;
      for (int y = 0; y < pic.height; ++y)
        for (int x = 0; x < pic.width; ++x) {
          const auto p = test::pixelAt(pic, x, y);
          if (std::abs(p.r - c.tool.r) < 45 && std::abs(p.g - c.tool.g) < 45 && std::abs(p.b - c.tool.b) < 45)
            ++toolPixels;
          if (p.r > p.g + 40 && p.r > p.b + 40) ++bodyPixels;  // muscle red
        }
      INFO(std::string(c.id) << " at " << t << " s: tool pixels " << toolPixels << ", muscle pixels " << bodyPixels);
      // The ball, 6.4 cm across, covers about 25 pixels of a 320x240 picture (faint outlines of the far side's
      // muscles, once drawn through the body, no longer add to the count).
      CHECK(toolPixels > 20);
      CHECK(bodyPixels > 30);
    }
    // The tool moves over the muscle during the work phase: its two moments differ.
    INFO(std::string(c.id));
    CHECK(changedShare(pictures[1], pictures[2]) > 0.002);
  }
}

TEST_CASE("while the view turns the pictures are coarse and close to the full one, which returns at rest") {
  // The shipped model, and a skinned, textured fixture (its animation held still).
  std::string name, model;
  SUBCASE("upper_body") {
    name = "upper_body";
    model = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";
  }
  SUBCASE("textured_figure") {
    name = "textured_figure";
    model = fixture("textured_figure.gltf");
  }
  CAPTURE(name);
  auto context = gfx::createHeadlessContext();
  app::Viewer viewer;
  viewer.display().playAnimation = false;
  viewer.loadInitial(model);
  viewer.camera().setTransitionSeconds(0.0f);
  const glm::ivec2 size{480, 360};
  viewer.camera().setViewport(size.x, size.y);
  viewer.setPreset(view::Preset::Back);
  viewer.attachRenderer(std::make_unique<gfx::Renderer>());
  // Coarse whenever something moves, whatever this machine's speed; no rest delay.
  viewer.interaction().budgetMs = 0.0;
  viewer.interaction().restSeconds = 0.0;
  gfx::OffscreenTarget target;
  auto picture = [&] { return app::Picture{size.x, size.y, target.read()}; };

  viewer.render(size, &target, true);  // the first picture is full (and timed); coarse lists start building
  CHECK_FALSE(viewer.lastFrameCoarse());
  viewer.waitForCoarseLists();
  viewer.camera().orbit(15.0f, 0.0f);
  viewer.update(0.0f);
  viewer.render(size, &target, true);
  CHECK(viewer.lastFrameCoarse());
  const auto coarse = picture();

  // Nothing moved since: the full picture replaces the coarse one.
  viewer.render(size, &target, true);
  CHECK_FALSE(viewer.lastFrameCoarse());
  const auto rested = picture();
  viewer.render(size, &target);  // a saved picture is always full, and equal
  CHECK_FALSE(viewer.lastFrameCoarse());
  CHECK(changedShare(rested, picture()) == 0.0);

  // Coarse differs from full at edges (fewer pixels, stretched) and in detail, not in what is where.
  const double share = changedShare(coarse, rested);
  MESSAGE("coarse vs full: ", share * 100.0, " % of pixels differ by more than 24");
  CHECK(share > 0.0);
  CHECK(share < 0.08);
  if (const char* dir = std::getenv("MYO_TEST_PICTURES")) {
    gfx::writePng(std::string(dir) + "/coarse_" + name + ".png", size, coarse.rgba);
    gfx::writePng(std::string(dir) + "/full_" + name + ".png", size, rested.rgba);
  }
}
