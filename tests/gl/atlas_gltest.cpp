// atlas_gltest.cpp: the atlas on pictures of the shipped model: from the front the back muscles leave no
// outline on the chest (the outline shows only through a thin cover), and each label's leader ends on a pixel
// where its muscle is seen.
#include <doctest/doctest.h>

#include <imgui.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "app/runs.hpp"
#include "app/viewer.hpp"
#include "gfx/context.hpp"
#include "gfx/renderer.hpp"
#include "image_compare.hpp"

using namespace myo;

namespace {

const std::string kModel = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";
constexpr int kW = 640, kH = 480;

app::Picture picture(app::Viewer& viewer) {
  gfx::OffscreenTarget target;
  viewer.render({kW, kH}, &target);
  return {kW, kH, target.read()};
}

int difference(const test::Rgba& a, const test::Rgba& b) {
  return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

/// Pixels inside the projected box of world points that differ between two pictures.
int changedIn(const app::Picture& a, const app::Picture& b, const view::PixelRect& box) {
  int n = 0;
  for (int y = std::max(0, int(box.min.y)); y < std::min(kH, int(box.max.y)); ++y)
    for (int x = std::max(0, int(box.min.x)); x < std::min(kW, int(box.max.x)); ++x)
      if (difference(test::pixelAt(a, x, y), test::pixelAt(b, x, y)) > 24) ++n;
  return n;
}

view::PixelRect projected(const app::Viewer& viewer, glm::vec3 lo, glm::vec3 hi) {
  view::PixelRect r{glm::vec2(1e9f), glm::vec2(-1e9f)};
  for (int i = 0; i < 8; ++i) {
    const glm::vec3 p(i & 1 ? hi.x : lo.x, i & 2 ? hi.y : lo.y, i & 4 ? hi.z : lo.z);
    const glm::vec2 q = const_cast<app::Viewer&>(viewer).camera().project(p);
    r.min = glm::min(r.min, q);
    r.max = glm::max(r.max, q);
  }
  return r;
}

}  // namespace

TEST_CASE("atlas: from the front no outline of the back muscles on the chest; from the back they are there") {
  auto context = gfx::createHeadlessContext();
  app::Viewer viewer;
  viewer.loadInitial(kModel);
  viewer.camera().setTransitionSeconds(0.0f);
  viewer.camera().setViewport(kW, kH);
  viewer.attachRenderer(std::make_unique<gfx::Renderer>());
  // The chest over the sternum and the pectorals, below the clavicles and above the lower ribs, in the standing
  // frame (the body faces +z).
  const glm::vec3 lo(-0.08f, 1.30f, -0.05f), hi(0.08f, 1.41f, 0.05f);
  for (const auto preset : {view::Preset::Front, view::Preset::Back}) {
    viewer.setPreset(preset);
    viewer.display().outlines = true;
    const app::Picture with = picture(viewer);
    viewer.display().outlines = false;
    const app::Picture without = picture(viewer);
    const int changed = changedIn(with, without, projected(viewer, lo, hi));
    if (preset == view::Preset::Front) {
      INFO("outline pixels on the chest from the front: " << changed);
      CHECK(changed <= 4);
    } else {
      // From the back the targets' outlines are there (the test sees them): around the trapezius and the
      // latissimus, faint where the trapezius covers the rhomboids.
      const int all = changedIn(with, without, {glm::vec2(0.0f), glm::vec2(float(kW), float(kH))});
      INFO("outline pixels on the chest box from the back: " << changed << ", on the picture: " << all);
      CHECK(all > 1500);
    }
  }
}

TEST_CASE("atlas: each label's leader ends on a pixel where its muscle is seen") {
  auto context = gfx::createHeadlessContext();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(float(kW), float(kH));
  unsigned char* pixels = nullptr;
  int fw = 0, fh = 0;
  io.Fonts->GetTexDataAsRGBA32(&pixels, &fw, &fh);
  app::Viewer viewer;
  viewer.loadInitial(kModel);
  viewer.camera().setTransitionSeconds(0.0f);
  viewer.camera().setViewport(kW, kH);
  viewer.attachRenderer(std::make_unique<gfx::Renderer>());
  int checked = 0;
  for (const auto preset : {view::Preset::Back, view::Preset::Oblique, view::Preset::Left}) {
    viewer.setPreset(preset);
    for (int i = 0; i < 2; ++i) {
      io.DeltaTime = 1.0f / 60.0f;
      ImGui::NewFrame();
      viewer.drawUi(60.0f, "test");
      ImGui::EndFrame();
    }
    const auto labels = viewer.drawnLabels();
    CHECK_FALSE(labels.empty());
    const app::Picture all = picture(viewer);
    for (const auto& label : labels) {
      // Select the mesh the leader ends on: it turns cyan, so the pixel under the leader's end must turn bluer
      // if that muscle is what is seen there.
      viewer.select(label.mesh);
      const app::Picture selected = picture(viewer);
      viewer.select(-1);
      const int x = int(label.anchor.x), y = int(label.anchor.y);
      REQUIRE(x >= 0);
      REQUIRE(y >= 0);
      REQUIRE(x < kW);
      REQUIRE(y < kH);
      INFO(label.text << " at (" << x << ", " << y << ")");
      const test::Rgba before = test::pixelAt(all, x, y), after = test::pixelAt(selected, x, y);
      CHECK(after.b - before.b > 25);
      ++checked;
    }
  }
  CHECK(checked >= 4);
  ImGui::DestroyContext();
}
