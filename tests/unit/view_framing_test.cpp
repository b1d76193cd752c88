// Framing a posed body: the free part of the picture beside the panels, presets relative to the body, and the
// fit that puts every point of a set inside the free part, large.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "view/camera.hpp"
#include "view/framing.hpp"

using myo::view::BodyAxes;
using myo::view::CameraPose;
using myo::view::Lens;
using myo::view::OrbitCamera;
using myo::view::PixelRect;
using myo::view::Preset;

namespace {

constexpr float kPi = 3.14159265358979323846f;
constexpr float kDeg = kPi / 180.0f;

/// A body-sized cloud of points: a box 1.7 m long along `along`, 0.45 m wide along `across`, 0.25 m deep,
/// sampled on its edges and faces, around `centre`.
std::vector<glm::vec3> bodyCloud(const glm::vec3& centre, const glm::vec3& along, const glm::vec3& across) {
  const glm::vec3 depth = glm::normalize(glm::cross(along, across));
  std::vector<glm::vec3> points;
  for (int i = 0; i <= 8; ++i)
    for (int j = 0; j <= 4; ++j)
      for (int k = 0; k <= 2; ++k) {
        const float a = float(i) / 8.0f - 0.5f, b = float(j) / 4.0f - 0.5f, c = float(k) / 2.0f - 0.5f;
        points.push_back(centre + 1.7f * a * along + 0.45f * b * across + 0.25f * c * depth);
      }
  return points;
}

OrbitCamera cameraAt(const CameraPose& pose, const Lens& lens) {
  OrbitCamera camera;
  camera.setViewport(int(lens.size.x), int(lens.size.y));
  camera.setFovY(lens.fovY);
  camera.setOrthographic(lens.orthographic);
  camera.setSceneBounds(pose.target, 3.0f);
  camera.setPose(pose);
  return camera;
}

/// Every point projects inside the area (in front of the eye), and their pixel box fills at least `share` of
/// the area on one axis; returns that box.
PixelRect checkFits(const std::vector<glm::vec3>& points, const CameraPose& pose, const Lens& lens,
                    const PixelRect& area, float share) {
  const OrbitCamera camera = cameraAt(pose, lens);
  PixelRect box{glm::vec2(1e9f), glm::vec2(-1e9f)};
  for (const glm::vec3& p : points) {
    REQUIRE(camera.inFront(p));
    const glm::vec2 px = camera.project(p);
    CHECK(area.contains(px));
    box.min = glm::min(box.min, px);
    box.max = glm::max(box.max, px);
  }
  const float fill = std::max(box.width() / area.width(), box.height() / area.height());
  CHECK(fill >= share);
  CHECK(fill <= 1.0f);
  return box;
}

}  // namespace

TEST_CASE("the free area is the largest part of the picture the panels leave") {
  const glm::vec2 size{1280.0f, 720.0f};
  CHECK(myo::view::freeArea(size, {}).area() == doctest::Approx(1280.0f * 720.0f));
  // The main panel at the top left, the exercise panel down the right side.
  const std::vector<PixelRect> panels{{{8.0f, 8.0f}, {262.0f, 528.0f}}, {{1000.0f, 8.0f}, {1272.0f, 712.0f}}};
  const PixelRect free = myo::view::freeArea(size, panels);
  CHECK(free.min.x == doctest::Approx(262.0f));
  CHECK(free.max.x == doctest::Approx(1000.0f));
  CHECK(free.min.y == doctest::Approx(0.0f));
  CHECK(free.max.y == doctest::Approx(720.0f));
  for (const PixelRect& p : panels) CHECK_FALSE(free.overlaps(p));
  // A panel reaching past the picture is cut to it; one covering nearly all of it leaves the whole picture.
  const std::vector<PixelRect> wide{{{-50.0f, -50.0f}, {1270.0f, 700.0f}}};
  CHECK(myo::view::freeArea(size, wide).area() == doctest::Approx(1280.0f * 720.0f));
  const std::vector<PixelRect> top{{{0.0f, 0.0f}, {1280.0f, 200.0f}}};
  const PixelRect below = myo::view::freeArea(size, top);
  CHECK(below.min.y == doctest::Approx(200.0f));
  CHECK(below.width() == doctest::Approx(1280.0f));
}

TEST_CASE("body presets look at the named side of the body whatever its orientation") {
  auto eyeDir = [](myo::view::ViewAngles a) {
    return glm::vec3(std::sin(a.yaw) * std::cos(a.pitch), std::sin(a.pitch), std::cos(a.yaw) * std::cos(a.pitch));
  };
  SUBCASE("standing as modelled: the standing presets") {
    const BodyAxes standing;
    const auto back = myo::view::bodyPresetAngles(Preset::Back, standing);
    CHECK(std::abs(std::abs(back.yaw) - kPi) < 1e-4f);
    CHECK(back.pitch == doctest::Approx(myo::view::kPresetElevationDeg * kDeg));
    CHECK(myo::view::bodyPresetAngles(Preset::Left, standing).yaw == doctest::Approx(0.5f * kPi));
    CHECK(myo::view::bodyPresetAngles(Preset::Right, standing).yaw == doctest::Approx(-0.5f * kPi));
    CHECK(myo::view::bodyPresetAngles(Preset::Front, standing).yaw == doctest::Approx(0.0f));
  }
  SUBCASE("turned about the vertical: the presets turn with the body") {
    BodyAxes turned;  // facing +X: left is -Z, back is -X
    turned.left = {0.0f, 0.0f, -1.0f};
    turned.back = {-1.0f, 0.0f, 0.0f};
    CHECK(glm::dot(eyeDir(myo::view::bodyPresetAngles(Preset::Back, turned)), turned.back) > 0.95f);
    CHECK(glm::dot(eyeDir(myo::view::bodyPresetAngles(Preset::Left, turned)), turned.left) > 0.95f);
    CHECK(glm::dot(eyeDir(myo::view::bodyPresetAngles(Preset::Right, turned)), -turned.left) > 0.95f);
  }
  SUBCASE("lying on the left side: the back from behind, the left (on the floor) from the back, above it") {
    BodyAxes side;  // head toward -Z, left side down
    side.up = {0.0f, 0.0f, -1.0f};
    side.left = {0.0f, -1.0f, 0.0f};
    side.back = {1.0f, 0.0f, 0.0f};
    const glm::vec3 back = eyeDir(myo::view::bodyPresetAngles(Preset::Back, side));
    CHECK(back.x > 0.95f);
    const auto left = myo::view::bodyPresetAngles(Preset::Left, side);
    CHECK(left.pitch >= myo::view::kMinBodyPresetPitchDeg * kDeg - 1e-5f);
    CHECK(eyeDir(left).x > 0.9f);  // heading from the back, since the left side faces the floor
    CHECK(eyeDir(myo::view::bodyPresetAngles(Preset::Right, side)).y > 0.9f);  // the right faces up
  }
  SUBCASE("lying on the back: the eye never goes under the floor") {
    BodyAxes supine;  // head toward -Z
    supine.up = {0.0f, 0.0f, -1.0f};
    supine.back = {0.0f, -1.0f, 0.0f};
    for (Preset p : {Preset::Back, Preset::Front, Preset::Left, Preset::Right, Preset::Oblique, Preset::Top,
                     Preset::Target}) {
      const auto a = myo::view::bodyPresetAngles(p, supine);
      CHECK(a.pitch >= myo::view::kMinBodyPresetPitchDeg * kDeg - 1e-5f);
      CHECK(std::isfinite(a.yaw));
    }
    CHECK(eyeDir(myo::view::bodyPresetAngles(Preset::Left, supine)).x > 0.95f);
    CHECK(eyeDir(myo::view::bodyPresetAngles(Preset::Front, supine)).y > 0.9f);
  }
}

TEST_CASE("a fit puts every point inside the free area, large") {
  const Lens lens{40.0f * kDeg, false, {1280.0f, 720.0f}};
  const PixelRect free{{262.0f, 0.0f}, {1000.0f, 720.0f}};
  const glm::vec3 head{0.0f, 0.0f, -1.0f}, left{1.0f, 0.0f, 0.0f};
  const std::vector<glm::vec3> lying = bodyCloud({0.3f, 0.25f, -0.4f}, head, left);
  const std::vector<glm::vec3> standing = bodyCloud({0.0f, 0.9f, 0.0f}, {0.0f, 1.0f, 0.0f}, left);
  for (const auto* points : {&lying, &standing})
    for (const Preset preset : {Preset::Back, Preset::Left, Preset::Oblique, Preset::Top, Preset::Target}) {
      CAPTURE(int(preset));
      const auto angles = myo::view::bodyPresetAngles(preset, BodyAxes{});
      const CameraPose pose = myo::view::fitPoints(*points, angles, lens, free);
      CHECK(pose.yaw == doctest::Approx(angles.yaw));
      CHECK(pose.pitch == doctest::Approx(angles.pitch));
      // The margin is 5 % each side: the points fill at least 85 % of the area on the tighter axis.
      const PixelRect box = checkFits(*points, pose, lens, free, 0.85f);
      // Centred on the looser axis.
      const glm::vec2 off = box.center() - free.center();
      CHECK((std::abs(off.x) < 0.08f * free.width() || std::abs(off.y) < 0.08f * free.height()));
      // The pivot is on the body: at the depth of its middle, inside its box.
      const OrbitCamera camera = cameraAt(pose, lens);
      CHECK(free.contains(camera.project(pose.target)));
    }
}

TEST_CASE("a fit beside a panel on one side, and in orthographic projection") {
  const std::vector<glm::vec3> lying = bodyCloud({0.0f, 0.3f, 0.0f}, {0.0f, 0.0f, -1.0f}, {1.0f, 0.0f, 0.0f});
  const auto angles = myo::view::bodyPresetAngles(Preset::Left, BodyAxes{});
  for (const bool ortho : {false, true}) {
    CAPTURE(ortho);
    const Lens lens{40.0f * kDeg, ortho, {960.0f, 540.0f}};
    const PixelRect free{{0.0f, 0.0f}, {690.0f, 540.0f}};
    const CameraPose pose = myo::view::fitPoints(lying, angles, lens, free);
    checkFits(lying, pose, lens, free, 0.85f);
    CHECK(pose.shift.x < -0.2f);  // the picture's centre moves left, to the free area's middle
  }
}

TEST_CASE("the camera's lens shift moves the picture and its rays together") {
  OrbitCamera camera;
  camera.setViewport(800, 600);
  CameraPose pose;
  pose.target = {0.1f, 1.2f, -0.2f};
  pose.distance = 2.5f;
  pose.yaw = 0.4f;
  pose.pitch = 0.2f;
  pose.shift = {-0.3f, 0.1f};
  camera.setPose(pose);
  // The target shows at the shift, not at the centre.
  const glm::vec2 px = camera.project(pose.target);
  CHECK(px.x == doctest::Approx(0.5f * (1.0f - 0.3f) * 800.0f));
  CHECK(px.y == doctest::Approx(0.5f * (1.0f - 0.1f) * 600.0f));
  // The ray through any pixel passes through the world points that project onto it.
  const glm::vec3 p{0.3f, 1.0f, 0.1f};
  const myo::view::Ray ray = camera.rayThrough(camera.project(p));
  const glm::vec3 toP = glm::normalize(p - ray.origin);
  CHECK(glm::dot(toP, ray.direction) > 0.99999f);
  // A glide blends the shift with the rest of the pose.
  camera.setTransitionSeconds(1.0f);
  CameraPose next = pose;
  next.shift = {0.3f, -0.1f};
  camera.glideTo(next);
  camera.update(0.5f);
  CHECK(camera.pose().shift.x == doctest::Approx(0.0f).epsilon(0.01));
  CHECK(camera.goal().shift.x == doctest::Approx(0.3f));
  camera.update(0.6f);
  CHECK(camera.pose().shift.x == doctest::Approx(0.3f));
}
