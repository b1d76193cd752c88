// view/camera.cpp: orbit camera math: pose, presets, drag and wheel gestures, projection and picking rays.
#include "view/camera.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "core/math_util.hpp"

namespace myo::view {

namespace {

constexpr float kDegToRad = core::kPi / 180.0f;
constexpr float kDefaultFovDeg = 40.0f;
constexpr float kMinFovDeg = 1.0f;
constexpr float kMaxFovDeg = 120.0f;
// A sphere of zero size would put the eye on the target; give it the size of a fingertip instead.
constexpr float kMinFrameRadius = 0.01f;
// Depth planes leave this much room around the spheres they must contain.
constexpr float kDepthSlack = 1.1f;
// 24-bit depth buffers stay usable up to about this far/near ratio.
constexpr float kMaxFarOverNear = 1.0e4f;

constexpr std::array<std::string_view, 7> kPresetNames{"back",   "front",  "left",   "right",
                                                      "top",    "target", "oblique"};

const glm::vec3 kWorldUp{0.0f, 1.0f, 0.0f};

bool finite(const glm::vec3& v) { return core::allFinite(v.x, v.y, v.z); }

/// Unit offset from the target to the eye for a yaw and pitch in radians.
glm::vec3 orbitOffset(float yaw, float pitch) {
  return {std::sin(yaw) * std::cos(pitch), std::sin(pitch), std::cos(yaw) * std::cos(pitch)};
}

float wrapAngle(float radians) {
  float wrapped = std::remainder(radians, 2.0f * core::kPi);
  if (wrapped <= -core::kPi) wrapped += 2.0f * core::kPi;
  return wrapped;
}

float smoothStep(float s) {
  s = std::clamp(s, 0.0f, 1.0f);
  return s * s * (3.0f - 2.0f * s);
}

}  // namespace

std::optional<Preset> parsePreset(std::string_view name) {
  for (std::size_t i = 0; i < kPresetNames.size(); ++i)
    if (kPresetNames[i] == name) return static_cast<Preset>(i);
  return std::nullopt;
}

std::string_view toString(Preset preset) {
  auto index = static_cast<std::size_t>(preset);
  return index < kPresetNames.size() ? kPresetNames[index] : std::string_view{"unknown"};
}

std::string_view presetNames() { return "back, front, left, right, top, target, oblique"; }

OrbitCamera::OrbitCamera() : fovY_(kDefaultFovDeg * kDegToRad) {
  pose_.distance = 3.0f;
  pose_.yaw = core::kPi;  // the program opens on the back, where the target muscles are
  pose_.pitch = kPresetElevationDeg * kDegToRad;
}

// === Viewport and lens

void OrbitCamera::setViewport(int widthPx, int heightPx) {
  widthPx_ = std::max(widthPx, 1);
  heightPx_ = std::max(heightPx, 1);
}

float OrbitCamera::aspect() const { return static_cast<float>(widthPx_) / static_cast<float>(heightPx_); }

void OrbitCamera::setFovY(float radians) {
  if (!std::isfinite(radians)) return;
  fovY_ = std::clamp(radians, kMinFovDeg * kDegToRad, kMaxFovDeg * kDegToRad);
}

void OrbitCamera::setSceneBounds(const glm::vec3& center, float radius) {
  if (!finite(center) || !std::isfinite(radius)) return;
  sceneCenter_ = center;
  sceneRadius_ = std::max(radius, 0.0f);
}

float OrbitCamera::halfHeightPerMetre() const { return std::tan(0.5f * fovY_); }

// === Pose

CameraPose OrbitCamera::clampPose(CameraPose pose) const {
  pose.distance = std::clamp(pose.distance, kMinDistance, kMaxDistance);
  const float maxPitch = kMaxPitchDeg * kDegToRad;
  pose.pitch = std::clamp(pose.pitch, -maxPitch, maxPitch);
  pose.yaw = wrapAngle(pose.yaw);
  pose.shift = glm::clamp(pose.shift, glm::vec2(-1.0f), glm::vec2(1.0f));
  return pose;
}

CameraPose OrbitCamera::framedPose(CameraPose pose, const glm::vec3& center, float radius) const {
  radius = std::max(radius, kMinFrameRadius) * kFrameMargin;
  const float tanHalfY = halfHeightPerMetre();
  if (orthographic_) {
    // The visible half-height at the target is distance * tan(fovY/2); the narrower axis must hold
    // the radius.
    const float halfHeight = radius / std::min(1.0f, aspect());
    pose.distance = halfHeight / tanHalfY;
  } else {
    // A cone of half-angle a contains a sphere of radius r seen from distance r / sin(a).
    const float halfX = std::atan(tanHalfY * aspect());
    const float halfAngle = std::min(0.5f * fovY_, halfX);
    pose.distance = radius / std::sin(halfAngle);
  }
  pose.target = center;
  return clampPose(pose);
}

void OrbitCamera::jumpTo(const CameraPose& goal, float seconds) {
  if (transitionSeconds_ <= 0.0f) {
    pose_ = goal;
    transition_.reset();
    return;
  }
  const float duration = std::isfinite(seconds) && seconds > 0.0f ? seconds : transitionSeconds_;
  transition_ = Transition{pose_, goal, 0.0f, duration};
}

void OrbitCamera::frame(const glm::vec3& center, float radius) {
  if (!finite(center) || !std::isfinite(radius)) return;
  focusRadius_ = std::max(radius, kMinFrameRadius);
  const CameraPose from = transition_ ? transition_->to : pose_;
  jumpTo(framedPose(from, center, radius));
}

void OrbitCamera::setPreset(Preset preset, const glm::vec3& center, float radius) {
  if (!finite(center) || !std::isfinite(radius)) return;
  CameraPose pose;
  const float elevation = kPresetElevationDeg * kDegToRad;
  switch (preset) {
    case Preset::Back:
    case Preset::Target:
      pose.yaw = core::kPi;
      pose.pitch = elevation;
      break;
    case Preset::Front:
      pose.yaw = 0.0f;
      pose.pitch = elevation;
      break;
    case Preset::Left:
      pose.yaw = 0.5f * core::kPi;
      pose.pitch = elevation;
      break;
    case Preset::Right:
      pose.yaw = -0.5f * core::kPi;
      pose.pitch = elevation;
      break;
    case Preset::Oblique:
      // Three-quarter view from behind and to the subject's left, higher than the others: the atlas plate's
      // classic angle on the back and the side together.
      pose.yaw = 0.75f * core::kPi;
      pose.pitch = 2.0f * elevation;
      break;
    case Preset::Top:
      // From the back's side, so the picture keeps Back's left and right.
      pose.yaw = core::kPi;
      pose.pitch = kMaxPitchDeg * kDegToRad;
      break;
  }
  focusRadius_ = std::max(radius, kMinFrameRadius);
  jumpTo(framedPose(pose, center, radius));
}

void OrbitCamera::orbit(float dxPx, float dyPx) {
  if (!core::allFinite(dxPx, dyPx)) return;
  transition_.reset();
  CameraPose pose = pose_;
  pose.yaw -= dxPx * kOrbitRadiansPerPixel;
  pose.pitch += dyPx * kOrbitRadiansPerPixel;
  pose_ = clampPose(pose);
}

void OrbitCamera::pan(float dxPx, float dyPx) {
  if (!core::allFinite(dxPx, dyPx)) return;
  transition_.reset();
  const float metres = metresPerPixelAtTarget();
  // Moving the target against the drag makes the scene follow the cursor; screen y grows downward.
  pose_.target += -right() * (dxPx * metres) + up() * (dyPx * metres);
}

void OrbitCamera::zoomToward(float wheelSteps, const glm::vec2& cursorPx) {
  if (!core::allFinite(wheelSteps, cursorPx.x, cursorPx.y)) return;
  transition_.reset();
  const Ray ray = rayThrough(cursorPx);
  const glm::vec3 ahead = forward();
  const float along = glm::dot(ray.direction, ahead);
  if (along <= 0.0f) return;
  const glm::vec3 anchor = ray.origin + ray.direction * (glm::dot(pose_.target - ray.origin, ahead) / along);

  // Scaling the whole pose about the anchor keeps the anchor on its pixel: the eye slides along the
  // anchor's line of sight and the orientation does not change (in orthographic mode the visible height
  // scales with the distance, which gives the same result).
  const float wanted = pose_.distance * std::pow(kZoomFactorPerStep, wheelSteps);
  const float factor = std::clamp(wanted, kMinDistance, kMaxDistance) / pose_.distance;
  pose_.target = anchor + (pose_.target - anchor) * factor;
  pose_.distance *= factor;
}

void OrbitCamera::recenter(const glm::vec3& point) {
  if (!finite(point)) return;
  CameraPose goal = transition_ ? transition_->to : pose_;
  goal.target = point;
  jumpTo(goal);
}

void OrbitCamera::setYaw(float radians) {
  if (!std::isfinite(radians)) return;
  transition_.reset();
  pose_.yaw = wrapAngle(radians);
}

void OrbitCamera::setPitch(float radians) {
  if (!std::isfinite(radians)) return;
  transition_.reset();
  pose_ = clampPose(CameraPose{pose_.target, pose_.distance, pose_.yaw, radians});
}

void OrbitCamera::setDistance(float metres) {
  if (!std::isfinite(metres)) return;
  transition_.reset();
  pose_.distance = std::clamp(metres, kMinDistance, kMaxDistance);
}

void OrbitCamera::setPose(const CameraPose& pose) {
  if (!finite(pose.target) || !core::allFinite(pose.distance, pose.yaw, pose.pitch, pose.shift.x, pose.shift.y))
    return;
  transition_.reset();
  pose_ = clampPose(pose);
}

void OrbitCamera::glideTo(const CameraPose& pose, float seconds) {
  if (!finite(pose.target) || !core::allFinite(pose.distance, pose.yaw, pose.pitch, pose.shift.x, pose.shift.y))
    return;
  jumpTo(clampPose(pose), seconds);
}

// === Transitions

void OrbitCamera::setTransitionSeconds(float seconds) {
  transitionSeconds_ = std::isfinite(seconds) ? std::max(seconds, 0.0f) : 0.0f;
}

void OrbitCamera::update(float dtSeconds) {
  if (!transition_ || !std::isfinite(dtSeconds)) return;
  transition_->elapsed += std::max(dtSeconds, 0.0f);
  if (transition_->elapsed >= transition_->duration) {
    pose_ = transition_->to;
    transition_.reset();
    return;
  }
  const float s = smoothStep(transition_->elapsed / transition_->duration);
  const CameraPose& a = transition_->from;
  const CameraPose& b = transition_->to;
  pose_.target = glm::mix(a.target, b.target, s);
  // Distance changes geometrically so zooming out from close up does not rush the first frames.
  pose_.distance = a.distance * std::pow(b.distance / a.distance, s);
  pose_.yaw = wrapAngle(a.yaw + wrapAngle(b.yaw - a.yaw) * s);  // the short way round
  pose_.pitch = a.pitch + (b.pitch - a.pitch) * s;
  pose_.shift = glm::mix(a.shift, b.shift, s);
}

// === Derived values

glm::vec3 OrbitCamera::eye() const {
  return pose_.target + orbitOffset(pose_.yaw, pose_.pitch) * pose_.distance;
}

glm::vec3 OrbitCamera::forward() const { return -orbitOffset(pose_.yaw, pose_.pitch); }

glm::vec3 OrbitCamera::right() const {
  // Pitch stays below 90 degrees, so forward is never parallel to world up.
  return glm::normalize(glm::cross(forward(), kWorldUp));
}

glm::vec3 OrbitCamera::up() const { return glm::cross(right(), forward()); }

glm::mat4 OrbitCamera::viewMatrix() const { return glm::lookAt(eye(), pose_.target, kWorldUp); }

float OrbitCamera::farPlane() const {
  const float sceneDepth = glm::dot(sceneCenter_ - eye(), forward());
  const float far = std::max(sceneDepth + sceneRadius_ * kDepthSlack,
                             pose_.distance + focusRadius_ * kDepthSlack);
  // Keep the target well inside even when it lies outside every known sphere.
  return std::max(far, pose_.distance * 2.0f);
}

float OrbitCamera::nearPlane() const {
  const float sceneDepth = glm::dot(sceneCenter_ - eye(), forward());
  float near = std::min(sceneDepth - sceneRadius_ * kDepthSlack, pose_.distance - focusRadius_ * kDepthSlack);
  near = std::min(near, pose_.distance * 0.5f);
  // Parallel rays need no positive near plane: geometry behind the eye is still in the picture.
  if (orthographic_) return near;
  return std::max(near, farPlane() / kMaxFarOverNear);
}

glm::mat4 OrbitCamera::projectionMatrix() const {
  const float near = nearPlane();
  const float far = farPlane();
  // The shift moves the picture in clip space: x' = x + shift.x * w, so every point moves by shift in NDC.
  glm::mat4 shift(1.0f);
  shift[3] = glm::vec4(pose_.shift, 0.0f, 1.0f);
  if (orthographic_) {
    const float halfHeight = pose_.distance * halfHeightPerMetre();
    const float halfWidth = halfHeight * aspect();
    return shift * glm::ortho(-halfWidth, halfWidth, -halfHeight, halfHeight, near, far);
  }
  return shift * glm::perspective(fovY_, aspect(), near, far);
}

float OrbitCamera::metresPerPixelAtTarget() const {
  return 2.0f * pose_.distance * halfHeightPerMetre() / static_cast<float>(heightPx_);
}

Ray OrbitCamera::rayThrough(const glm::vec2& cursorPx) const {
  const float ndcX = 2.0f * cursorPx.x / static_cast<float>(widthPx_) - 1.0f - pose_.shift.x;
  const float ndcY = 1.0f - 2.0f * cursorPx.y / static_cast<float>(heightPx_) - pose_.shift.y;
  const float tanHalfY = halfHeightPerMetre();
  const glm::vec3 ahead = forward();
  const glm::vec3 side = right();
  const glm::vec3 above = up();
  if (orthographic_) {
    const float halfHeight = pose_.distance * tanHalfY;
    const glm::vec3 onEyePlane = eye() + side * (ndcX * halfHeight * aspect()) + above * (ndcY * halfHeight);
    return Ray{onEyePlane + ahead * nearPlane(), ahead};
  }
  const glm::vec3 direction = ahead + side * (ndcX * tanHalfY * aspect()) + above * (ndcY * tanHalfY);
  return Ray{eye(), glm::normalize(direction)};
}

glm::vec2 OrbitCamera::project(const glm::vec3& world) const {
  const glm::vec4 clip = viewProjection() * glm::vec4(world, 1.0f);
  const float w = std::abs(clip.w) > 1e-12f ? clip.w : 1e-12f;
  const float ndcX = clip.x / w;
  const float ndcY = clip.y / w;
  return {(ndcX + 1.0f) * 0.5f * static_cast<float>(widthPx_),
          (1.0f - ndcY) * 0.5f * static_cast<float>(heightPx_)};
}

bool OrbitCamera::inFront(const glm::vec3& world) const {
  return glm::dot(world - eye(), forward()) > nearPlane();
}

}  // namespace myo::view
