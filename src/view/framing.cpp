// view/framing.cpp: free picture area, body-relative view directions and the fit of points into an area.
#include "view/framing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/math_util.hpp"

namespace myo::view {

namespace {

constexpr float kDegToRad = core::kPi / 180.0f;
// A free part narrower than this share of the picture on either axis is no better than the whole picture.
constexpr float kMinFreeShare = 0.2f;

glm::vec3 horizontal(const glm::vec3& v) { return {v.x, 0.0f, v.z}; }

/// Heading of a direction's horizontal part, or of the fallback's when the direction is too steep.
glm::vec3 headingOf(const glm::vec3& d, const glm::vec3& fallback) {
  const glm::vec3 h = horizontal(d);
  if (glm::length(h) >= 0.5f * glm::length(d)) return glm::normalize(h);
  const glm::vec3 f = horizontal(fallback);
  return glm::length(f) > 1e-4f ? glm::normalize(f) : glm::vec3(0.0f, 0.0f, -1.0f);
}

ViewAngles anglesOf(const glm::vec3& heading, float pitch) {
  return {std::atan2(heading.x, heading.z), pitch};
}

/// Yaw and pitch of a body direction raised by `raiseDeg`, with the eye kept off the floor.
ViewAngles raised(const glm::vec3& direction, const glm::vec3& fallback, float raiseDeg) {
  const glm::vec3 d = glm::normalize(direction);
  const float elevation = std::asin(std::clamp(d.y, -1.0f, 1.0f));
  const float pitch = std::clamp(elevation + raiseDeg * kDegToRad, kMinBodyPresetPitchDeg * kDegToRad,
                                 kMaxBodyPresetPitchDeg * kDegToRad);
  return anglesOf(headingOf(d, fallback), pitch);
}

}  // namespace

PixelRect freeArea(glm::vec2 size, std::span<const PixelRect> panels) {
  const PixelRect whole{glm::vec2(0.0f), size};
  std::vector<PixelRect> inside;
  for (const PixelRect& p : panels) {
    PixelRect clipped{glm::max(p.min, whole.min), glm::min(p.max, whole.max)};
    if (clipped.area() > 0.0f) inside.push_back(clipped);
  }
  if (inside.empty()) return whole;
  // The best rectangle has each edge on the picture's border or on a panel's edge: try them all.
  std::vector<float> xs{0.0f, size.x}, ys{0.0f, size.y};
  for (const PixelRect& p : inside) {
    xs.insert(xs.end(), {p.min.x, p.max.x});
    ys.insert(ys.end(), {p.min.y, p.max.y});
  }
  std::sort(xs.begin(), xs.end());
  std::sort(ys.begin(), ys.end());
  xs.erase(std::unique(xs.begin(), xs.end()), xs.end());
  ys.erase(std::unique(ys.begin(), ys.end()), ys.end());
  PixelRect best;
  for (std::size_t x0 = 0; x0 < xs.size(); ++x0)
    for (std::size_t x1 = x0 + 1; x1 < xs.size(); ++x1)
      for (std::size_t y0 = 0; y0 < ys.size(); ++y0)
        for (std::size_t y1 = y0 + 1; y1 < ys.size(); ++y1) {
          const PixelRect r{{xs[x0], ys[y0]}, {xs[x1], ys[y1]}};
          if (r.area() <= best.area()) continue;
          if (std::none_of(inside.begin(), inside.end(), [&](const PixelRect& p) { return p.overlaps(r); }))
            best = r;
        }
  if (best.width() < kMinFreeShare * size.x || best.height() < kMinFreeShare * size.y) return whole;
  return best;
}

ViewAngles bodyPresetAngles(Preset preset, const BodyAxes& body, float towardBack) {
  switch (preset) {
    case Preset::Back: return raised(body.back, body.left, kPresetElevationDeg);
    case Preset::Front: return raised(-body.back, body.left, kPresetElevationDeg);
    case Preset::Left: return raised(body.left, body.back, kPresetElevationDeg);
    case Preset::Right: return raised(-body.left, body.back, kPresetElevationDeg);
    case Preset::Oblique: {
      // A back facing the floor cannot be seen from behind: three-quarters from the head's end and the left,
      // from above, instead.
      if (glm::length(horizontal(body.back)) < 0.5f)
        return anglesOf(headingOf(body.left + horizontal(body.up), body.left), 3.0f * kPresetElevationDeg * kDegToRad);
      return raised(body.back + body.left, body.back, 2.0f * kPresetElevationDeg);
    }
    case Preset::Top: return anglesOf(headingOf(body.back, body.left), kBodyTopPitchDeg * kDegToRad);
    case Preset::Target: {
      glm::vec3 heading = headingOf(body.left, body.back);
      const glm::vec3 back = horizontal(body.back);
      // A body lying on its back has no horizontal "behind" to turn toward.
      if (glm::length(back) > 0.3f) heading += towardBack * glm::normalize(back);
      return anglesOf(glm::normalize(heading), 20.0f * kDegToRad);
    }
  }
  return {};
}

CameraPose fitPoints(std::span<const glm::vec3> points, ViewAngles angles, const Lens& lens, const PixelRect& area) {
  CameraPose pose;
  pose.yaw = angles.yaw;
  pose.pitch = angles.pitch;
  if (points.empty() || lens.size.x <= 0.0f || lens.size.y <= 0.0f) return pose;
  // Camera axes for this yaw and pitch (as OrbitCamera: eye = target + distance * offset, world +Y up).
  const glm::vec3 offset{std::sin(angles.yaw) * std::cos(angles.pitch), std::sin(angles.pitch),
                         std::cos(angles.yaw) * std::cos(angles.pitch)};
  const glm::vec3 forward = -offset;
  const glm::vec3 right = glm::normalize(glm::cross(forward, glm::vec3(0.0f, 1.0f, 0.0f)));
  const glm::vec3 up = glm::cross(right, forward);

  // The area less its margin, in normalised device units (x right, y up).
  const glm::vec2 margin = kFitMargin * glm::vec2(area.width(), area.height());
  const glm::vec2 lo = area.min + margin, hi = area.max - margin;
  const glm::vec2 ndcMin{2.0f * lo.x / lens.size.x - 1.0f, 1.0f - 2.0f * hi.y / lens.size.y};
  const glm::vec2 ndcMax{2.0f * hi.x / lens.size.x - 1.0f, 1.0f - 2.0f * lo.y / lens.size.y};
  pose.shift = 0.5f * (ndcMin + ndcMax);
  const glm::vec2 half = glm::max(0.5f * (ndcMax - ndcMin), glm::vec2(1e-3f));
  const float tanHalfY = std::tan(0.5f * lens.fovY);
  const float aspect = lens.size.x / lens.size.y;
  // Tangents of the area's half angles, about the shifted axis.
  const glm::vec2 t{tanHalfY * aspect * half.x, tanHalfY * half.y};

  float zMin = std::numeric_limits<float>::max(), zMax = std::numeric_limits<float>::lowest();
  glm::vec2 lowMinus(std::numeric_limits<float>::lowest()), highPlus(std::numeric_limits<float>::max());
  glm::vec2 pMin(std::numeric_limits<float>::max()), pMax(std::numeric_limits<float>::lowest());
  for (const glm::vec3& p : points) {
    const glm::vec2 q{glm::dot(p, right), glm::dot(p, up)};
    const float z = glm::dot(p, forward);
    zMin = std::min(zMin, z);
    zMax = std::max(zMax, z);
    pMin = glm::min(pMin, q);
    pMax = glm::max(pMax, q);
    lowMinus = glm::max(lowMinus, q - t * z);
    highPlus = glm::min(highPlus, q + t * z);
  }

  glm::vec2 eye2;
  float eyeZ;
  float distance;
  if (lens.orthographic) {
    // Parallel rays: the visible half-height is distance * tanHalfY (OrbitCamera's orthographic lens).
    const glm::vec2 span = glm::max(pMax - pMin, glm::vec2(1e-3f));
    const float halfHeight = std::max(0.5f * span.y / half.y, 0.5f * span.x / (aspect * half.x));
    eye2 = 0.5f * (pMin + pMax);
    // The depth does not change the size: the target sits at the points' middle depth.
    distance = halfHeight / tanHalfY;
    eyeZ = 0.5f * (zMin + zMax) - distance;
  } else {
    // Each point p must satisfy |p.xy - eye.xy| <= t * (p.z - eye.z): the eye may come as close as the
    // tighter axis allows, and sits midway between its bounds on the looser one.
    const glm::vec2 closest = (highPlus - lowMinus) / (2.0f * t);
    eyeZ = std::min({closest.x, closest.y, zMin - 0.05f});
    const glm::vec2 low = lowMinus + t * eyeZ, high = highPlus - t * eyeZ;
    eye2 = 0.5f * (low + high);
    distance = 0.5f * (zMin + zMax) - eyeZ;
  }
  const glm::vec3 eye = right * eye2.x + up * eye2.y + forward * eyeZ;
  pose.distance = std::clamp(distance, OrbitCamera::kMinDistance, OrbitCamera::kMaxDistance);
  pose.target = eye + forward * pose.distance;
  pose.shift = glm::clamp(pose.shift, glm::vec2(-1.0f), glm::vec2(1.0f));
  return pose;
}

}  // namespace myo::view
