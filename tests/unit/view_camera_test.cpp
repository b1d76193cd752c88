// Orbit camera: presets, framing, gestures that keep a world point under the cursor, rays and clamps.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "view/camera.hpp"

using myo::view::OrbitCamera;
using myo::view::Preset;

namespace {

constexpr float kPi = 3.14159265358979323846f;
constexpr float kDeg = kPi / 180.0f;

// Upper back of an adult in the model frame: roughly where the shipped model puts the scapulae.
const glm::vec3 kCenter{0.02f, 1.35f, -0.08f};
constexpr float kRadius = 0.3f;

bool finite(const glm::mat4& m) {
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r)
      if (!std::isfinite(m[c][r])) return false;
  return true;
}

/// Points spread over a sphere (Fibonacci lattice) for containment checks.
std::vector<glm::vec3> spherePoints(const glm::vec3& center, float radius, int count) {
  std::vector<glm::vec3> points;
  const float golden = kPi * (3.0f - std::sqrt(5.0f));
  for (int i = 0; i < count; ++i) {
    const float y = 1.0f - 2.0f * (static_cast<float>(i) + 0.5f) / static_cast<float>(count);
    const float ring = std::sqrt(1.0f - y * y);
    const float a = golden * static_cast<float>(i);
    points.push_back(center + radius * glm::vec3(ring * std::cos(a), y, ring * std::sin(a)));
  }
  return points;
}

/// The world point under a pixel on the plane through the target facing the camera.
glm::vec3 pointAtTargetDepth(const OrbitCamera& camera, const glm::vec2& px) {
  const myo::view::Ray ray = camera.rayThrough(px);
  const glm::vec3 ahead = camera.forward();
  const float t = glm::dot(camera.target() - ray.origin, ahead) / glm::dot(ray.direction, ahead);
  return ray.origin + ray.direction * t;
}

/// Checks every sample of the sphere is inside the clip volume, and that the sphere nearly fills the
/// narrower screen axis (so "inside" is not met by a uselessly tiny picture).
void checkSphereFills(const OrbitCamera& camera, const glm::vec3& center, float radius) {
  const glm::mat4 viewProj = camera.viewProjection();
  float maxX = 0.0f;
  float maxY = 0.0f;
  for (const glm::vec3& p : spherePoints(center, radius, 400)) {
    const glm::vec4 clip = viewProj * glm::vec4(p, 1.0f);
    REQUIRE(clip.w > 0.0f);
    const glm::vec3 ndc = glm::vec3(clip) / clip.w;
    CHECK(std::abs(ndc.x) <= 1.0f);
    CHECK(std::abs(ndc.y) <= 1.0f);
    CHECK(std::abs(ndc.z) <= 1.0f);
    maxX = std::max(maxX, std::abs(ndc.x));
    maxY = std::max(maxY, std::abs(ndc.y));
  }
  CHECK(std::max(maxX, maxY) > 0.8f);
}

}  // namespace

TEST_CASE("preset names round-trip and unknown names are refused") {
  for (Preset p : {Preset::Back, Preset::Front, Preset::Left, Preset::Right, Preset::Top, Preset::Target,
                   Preset::Oblique}) {
    const auto parsed = myo::view::parsePreset(myo::view::toString(p));
    REQUIRE(parsed.has_value());
    CHECK((*parsed == p));  // parenthesised: doctest would find view::toString by ADL and misuse it
    CHECK(myo::view::presetNames().find(myo::view::toString(p)) != std::string_view::npos);
  }
  CHECK(std::string(myo::view::toString(Preset::Back)) == "back");
  CHECK(std::string(myo::view::toString(Preset::Target)) == "target");
  CHECK_FALSE(myo::view::parsePreset("Back").has_value());
  CHECK_FALSE(myo::view::parsePreset("").has_value());
  CHECK_FALSE(myo::view::parsePreset("bottom").has_value());
}

TEST_CASE("presets put the eye on the named side of the subject") {
  OrbitCamera camera;
  camera.setViewport(800, 600);

  camera.setPreset(Preset::Back, kCenter, kRadius);
  glm::vec3 off = camera.eye() - kCenter;
  CHECK(off.z < 0.0f);
  CHECK(std::abs(off.x) < 1e-4f);
  CHECK(off.y == doctest::Approx(camera.distance() * std::sin(myo::view::kPresetElevationDeg * kDeg)));
  CHECK(glm::length(camera.target() - kCenter) < 1e-6f);

  camera.setPreset(Preset::Front, kCenter, kRadius);
  off = camera.eye() - kCenter;
  CHECK(off.z > 0.0f);
  CHECK(std::abs(off.x) < 1e-4f);
  CHECK(off.y > 0.0f);

  camera.setPreset(Preset::Left, kCenter, kRadius);  // the subject's left is +X
  off = camera.eye() - kCenter;
  CHECK(off.x > 0.0f);
  CHECK(std::abs(off.z) < 1e-4f);

  camera.setPreset(Preset::Right, kCenter, kRadius);
  off = camera.eye() - kCenter;
  CHECK(off.x < 0.0f);
  CHECK(std::abs(off.z) < 1e-4f);

  camera.setPreset(Preset::Oblique, kCenter, kRadius);  // behind and to the subject's left, raised
  off = camera.eye() - kCenter;
  CHECK(off.x > 0.0f);
  CHECK(off.z < 0.0f);
  CHECK(off.x == doctest::Approx(-off.z));
  CHECK(off.y > 0.0f);

  camera.setPreset(Preset::Top, kCenter, kRadius);
  off = camera.eye() - kCenter;
  CHECK(off.y == doctest::Approx(camera.distance() * std::sin(myo::view::kMaxPitchDeg * kDeg)));
  CHECK(camera.pitch() == doctest::Approx(myo::view::kMaxPitchDeg * kDeg));

  camera.setPreset(Preset::Target, kCenter, 0.1f);
  off = camera.eye() - kCenter;
  CHECK(off.z < 0.0f);
  const float backDistance = [&] {
    OrbitCamera other;
    other.setViewport(800, 600);
    other.setPreset(Preset::Back, kCenter, kRadius);
    return other.distance();
  }();
  CHECK(camera.distance() < backDistance);  // a smaller sphere is seen from closer
}

TEST_CASE("back and top views keep the subject's right on the right of the picture") {
  OrbitCamera camera;
  camera.setViewport(640, 480);
  const glm::vec3 subjectRight = kCenter + glm::vec3(-0.1f, 0.0f, 0.0f);
  const glm::vec3 head = kCenter + glm::vec3(0.0f, 0.1f, 0.0f);
  const glm::vec3 back = kCenter + glm::vec3(0.0f, 0.0f, -0.1f);
  const glm::vec3 chest = kCenter + glm::vec3(0.0f, 0.0f, 0.1f);

  camera.setPreset(Preset::Back, kCenter, kRadius);
  CHECK(camera.project(subjectRight).x > camera.project(kCenter).x);
  CHECK(camera.project(head).y < camera.project(kCenter).y);  // head up

  camera.setPreset(Preset::Top, kCenter, kRadius);
  CHECK(camera.project(subjectRight).x > camera.project(kCenter).x);
  CHECK(camera.project(back).y > camera.project(chest).y);  // back at the bottom

  camera.setPreset(Preset::Front, kCenter, kRadius);
  CHECK(camera.project(subjectRight).x < camera.project(kCenter).x);  // mirror image of the back view
}

TEST_CASE("frame keeps the direction and fits the whole sphere in the frustum") {
  struct Case {
    int width, height;
    bool ortho;
  };
  for (const Case c : {Case{1280, 720, false}, Case{400, 900, false}, Case{500, 500, false},
                       Case{1280, 720, true}, Case{300, 1000, true}}) {
    CAPTURE(c.width);
    CAPTURE(c.height);
    CAPTURE(c.ortho);
    OrbitCamera camera;
    camera.setViewport(c.width, c.height);
    camera.setOrthographic(c.ortho);
    camera.setSceneBounds(glm::vec3(0.0f, 1.0f, 0.0f), 1.0f);
    camera.orbit(123.0f, -40.0f);
    const float yaw = camera.yaw();
    const float pitch = camera.pitch();
    camera.frame(kCenter, kRadius);
    CHECK(camera.yaw() == doctest::Approx(yaw));
    CHECK(camera.pitch() == doctest::Approx(pitch));
    CHECK(glm::length(camera.target() - kCenter) < 1e-6f);
    checkSphereFills(camera, kCenter, kRadius);
  }
}

TEST_CASE("near and far planes contain the scene and the framed sphere") {
  OrbitCamera camera;
  camera.setViewport(1024, 768);
  const glm::vec3 sceneCenter{0.0f, 1.0f, 0.0f};
  const float sceneRadius = 1.2f;
  camera.setSceneBounds(sceneCenter, sceneRadius);
  camera.setPreset(Preset::Left, sceneCenter, sceneRadius);
  CHECK(camera.nearPlane() > 0.0f);
  CHECK(camera.nearPlane() < camera.farPlane());
  const glm::mat4 viewProj = camera.viewProjection();
  for (const glm::vec3& p : spherePoints(sceneCenter, sceneRadius, 200)) {
    const glm::vec4 clip = viewProj * glm::vec4(p, 1.0f);
    CHECK(std::abs(clip.z / clip.w) <= 1.0f);
  }
  // Zoomed far in, the near plane comes close to the eye instead of cutting the target.
  camera.setDistance(0.05f);
  CHECK(camera.nearPlane() < 0.05f);
  CHECK(camera.inFront(camera.target()));
  CHECK_FALSE(camera.inFront(camera.eye() - camera.forward()));
}

TEST_CASE("zoomToward keeps the world point under the cursor on its pixel") {
  for (bool ortho : {false, true}) {
    CAPTURE(ortho);
    OrbitCamera camera;
    camera.setViewport(1280, 720);
    camera.setOrthographic(ortho);
    camera.setPreset(Preset::Back, kCenter, kRadius);
    const float before = camera.distance();

    const glm::vec2 cursor{1000.0f, 150.0f};
    const glm::vec3 anchor = pointAtTargetDepth(camera, cursor);
    CHECK(glm::length(camera.project(anchor) - cursor) < 0.05f);

    camera.zoomToward(3.0f, cursor);
    CHECK(camera.distance() == doctest::Approx(before * std::pow(OrbitCamera::kZoomFactorPerStep, 3.0f)));
    CHECK(glm::length(camera.project(anchor) - cursor) < 0.05f);

    camera.zoomToward(-5.0f, cursor);
    CHECK(camera.distance() > before);
    CHECK(glm::length(camera.project(anchor) - cursor) < 0.05f);

    // At the centre of the screen zooming moves straight toward the target.
    const glm::vec3 target = camera.target();
    camera.zoomToward(1.0f, glm::vec2(640.0f, 360.0f));
    CHECK(glm::length(camera.target() - target) < 1e-5f);
  }
}

TEST_CASE("zoom stops at the distance limits") {
  OrbitCamera camera;
  camera.setPreset(Preset::Back, kCenter, kRadius);
  camera.zoomToward(1000.0f, glm::vec2(640.0f, 360.0f));
  CHECK(camera.distance() == doctest::Approx(OrbitCamera::kMinDistance));
  camera.zoomToward(-10000.0f, glm::vec2(640.0f, 360.0f));
  CHECK(camera.distance() == doctest::Approx(OrbitCamera::kMaxDistance));
  CHECK(finite(camera.viewProjection()));
}

TEST_CASE("pan makes the point under the cursor follow the cursor") {
  for (bool ortho : {false, true}) {
    CAPTURE(ortho);
    OrbitCamera camera;
    camera.setViewport(900, 600);
    camera.setOrthographic(ortho);
    camera.setPreset(Preset::Left, kCenter, kRadius);
    camera.orbit(-30.0f, 25.0f);
    const float yaw = camera.yaw();
    const float pitch = camera.pitch();
    const float distance = camera.distance();

    const glm::vec2 cursor{300.0f, 420.0f};
    const glm::vec3 grabbed = pointAtTargetDepth(camera, cursor);
    const glm::vec2 drag{37.0f, -21.0f};
    camera.pan(drag.x, drag.y);
    CHECK(glm::length(camera.project(grabbed) - (cursor + drag)) < 0.05f);
    CHECK(camera.yaw() == doctest::Approx(yaw));
    CHECK(camera.pitch() == doctest::Approx(pitch));
    CHECK(camera.distance() == doctest::Approx(distance));
  }
}

TEST_CASE("the ray through the centre of the screen hits the target, any ray hits what projects there") {
  for (bool ortho : {false, true}) {
    CAPTURE(ortho);
    OrbitCamera camera;
    camera.setViewport(1280, 720);
    camera.setOrthographic(ortho);
    camera.setPreset(Preset::Back, kCenter, kRadius);
    camera.orbit(80.0f, 30.0f);

    const myo::view::Ray ray = camera.rayThrough(glm::vec2(640.0f, 360.0f));
    CHECK(glm::length(ray.direction) == doctest::Approx(1.0f));
    const glm::vec3 toTarget = camera.target() - ray.origin;
    const glm::vec3 miss = toTarget - ray.direction * glm::dot(toTarget, ray.direction);
    CHECK(glm::length(miss) < 1e-5f);
    CHECK(glm::dot(toTarget, ray.direction) > 0.0f);

    const glm::vec3 point = kCenter + glm::vec3(0.11f, -0.07f, 0.05f);
    const myo::view::Ray through = camera.rayThrough(camera.project(point));
    const glm::vec3 toPoint = point - through.origin;
    CHECK(glm::length(toPoint - through.direction * glm::dot(toPoint, through.direction)) < 1e-4f);
  }
}

TEST_CASE("orbit turns the model with the drag and clamps the pitch") {
  OrbitCamera camera;
  camera.setViewport(800, 600);
  camera.setPreset(Preset::Back, kCenter, kRadius);
  // A point on the near side of the model moves with the cursor when dragging right.
  const glm::vec3 nearSide = kCenter + 0.2f * (camera.eye() - kCenter) / camera.distance();
  const float before = camera.project(nearSide).x;
  camera.orbit(20.0f, 0.0f);
  CHECK(camera.project(nearSide).x > before);

  const float distance = camera.distance();
  camera.orbit(0.0f, 1.0e6f);
  CHECK(camera.pitch() == doctest::Approx(myo::view::kMaxPitchDeg * kDeg));
  CHECK(camera.eye().y > kCenter.y);  // dragging down raises the eye
  CHECK(finite(camera.viewMatrix()));
  camera.orbit(0.0f, -2.0e6f);
  CHECK(camera.pitch() == doctest::Approx(-myo::view::kMaxPitchDeg * kDeg));
  CHECK(finite(camera.viewMatrix()));
  camera.setPitch(3.0f);
  CHECK(camera.pitch() == doctest::Approx(myo::view::kMaxPitchDeg * kDeg));
  CHECK(camera.distance() == doctest::Approx(distance));

  camera.setYaw(5.0f * kPi + 0.5f);  // wraps into (-pi, pi]
  CHECK(camera.yaw() == doctest::Approx(-kPi + 0.5f).epsilon(1e-4));
  camera.setYaw(-kPi / 2 - 4.0f * kPi);
  CHECK(camera.yaw() == doctest::Approx(-kPi / 2));
}

TEST_CASE("recenter orbits about a new point at the same distance and direction") {
  OrbitCamera camera;
  camera.setPreset(Preset::Right, kCenter, kRadius);
  const glm::vec3 offset = camera.eye() - camera.target();
  const glm::vec3 point{-0.15f, 1.2f, -0.1f};
  camera.recenter(point);
  CHECK(glm::length(camera.target() - point) < 1e-6f);
  CHECK(glm::length((camera.eye() - camera.target()) - offset) < 1e-5f);
}

TEST_CASE("degenerate viewports and non-finite input keep the camera finite") {
  OrbitCamera camera;
  camera.setViewport(0, 0);
  CHECK(camera.viewportWidth() == 1);
  CHECK(camera.viewportHeight() == 1);
  camera.setPreset(Preset::Back, kCenter, kRadius);
  CHECK(finite(camera.projectionMatrix()));
  CHECK(finite(camera.viewMatrix()));
  const glm::vec2 p = camera.project(kCenter);
  CHECK(std::isfinite(p.x));
  CHECK(std::isfinite(p.y));

  camera.setViewport(-20, 600);
  CHECK(camera.viewportWidth() == 1);
  camera.frame(kCenter, kRadius);
  checkSphereFills(camera, kCenter, kRadius);  // a one pixel wide window still holds the sphere
  camera.zoomToward(2.0f, glm::vec2(0.5f, 10.0f));
  CHECK(finite(camera.viewProjection()));

  camera.setViewport(640, 480);
  const myo::view::CameraPose before = camera.pose();
  const float nan = std::nanf("");
  camera.frame(glm::vec3(nan), 1.0f);
  camera.frame(kCenter, std::numeric_limits<float>::infinity());
  camera.orbit(nan, 0.0f);
  camera.pan(0.0f, std::numeric_limits<float>::infinity());
  camera.zoomToward(nan, glm::vec2(1.0f));
  camera.recenter(glm::vec3(0.0f, nan, 0.0f));
  camera.setDistance(nan);
  CHECK(camera.pose().distance == before.distance);
  CHECK(glm::length(camera.pose().target - before.target) == 0.0f);
  CHECK(camera.pose().yaw == before.yaw);
  CHECK(camera.pose().pitch == before.pitch);

  camera.frame(kCenter, 0.0f);  // a point still gets a finite, positive distance
  CHECK(camera.distance() > 0.0f);
  CHECK(finite(camera.viewProjection()));
}

TEST_CASE("view matrix puts the eye at the origin looking down -Z") {
  OrbitCamera camera;
  camera.setPreset(Preset::Left, kCenter, kRadius);
  const glm::mat4 view = camera.viewMatrix();
  const glm::vec4 eyeInView = view * glm::vec4(camera.eye(), 1.0f);
  CHECK(glm::length(glm::vec3(eyeInView)) < 1e-5f);
  const glm::vec4 targetInView = view * glm::vec4(camera.target(), 1.0f);
  CHECK(targetInView.z == doctest::Approx(-camera.distance()));
  CHECK(std::abs(targetInView.x) < 1e-5f);
  CHECK(std::abs(targetInView.y) < 1e-5f);
}

TEST_CASE("with a transition time jumps glide and a drag stops the glide") {
  OrbitCamera camera;
  camera.setViewport(800, 600);
  camera.setPreset(Preset::Back, kCenter, kRadius);
  const myo::view::CameraPose back = camera.pose();

  camera.setTransitionSeconds(0.5f);
  camera.setPreset(Preset::Left, kCenter, kRadius);
  CHECK(camera.transitioning());
  CHECK(camera.yaw() == doctest::Approx(back.yaw));  // nothing moves before time passes
  camera.update(0.25f);
  CHECK(camera.yaw() < kPi - 0.01f);  // the short way round from pi toward pi/2
  CHECK(camera.yaw() > kPi / 2 + 0.01f);
  camera.update(0.3f);
  CHECK_FALSE(camera.transitioning());
  CHECK(camera.yaw() == doctest::Approx(kPi / 2));

  camera.setPreset(Preset::Right, kCenter, kRadius);
  camera.update(0.1f);
  const float midYaw = camera.yaw();
  camera.orbit(10.0f, 0.0f);
  CHECK_FALSE(camera.transitioning());
  CHECK(camera.yaw() == doctest::Approx(midYaw - 10.0f * OrbitCamera::kOrbitRadiansPerPixel));

  camera.setTransitionSeconds(0.0f);
  camera.setPreset(Preset::Front, kCenter, kRadius);
  CHECK_FALSE(camera.transitioning());
  CHECK(camera.yaw() == doctest::Approx(0.0f));
}
