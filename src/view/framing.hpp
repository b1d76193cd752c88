// view/framing.hpp: framing a posed body: the part of the picture the panels leave free, view directions
// relative to the body, and the camera pose that fits a set of points into that part; pure math.
#pragma once

#include <span>
#include <vector>

#include <glm/glm.hpp>

#include "view/camera.hpp"

namespace myo::view {

/// An axis-aligned rectangle of the picture in pixels, top-left origin, y down; min inclusive, max exclusive.
struct PixelRect {
  glm::vec2 min{0.0f};
  glm::vec2 max{0.0f};

  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
  float area() const { return width() > 0.0f && height() > 0.0f ? width() * height() : 0.0f; }
  glm::vec2 center() const { return 0.5f * (min + max); }
  bool overlaps(const PixelRect& o) const {
    return min.x < o.max.x && o.min.x < max.x && min.y < o.max.y && o.min.y < max.y;
  }
  bool contains(const glm::vec2& p) const { return p.x >= min.x && p.x <= max.x && p.y >= min.y && p.y <= max.y; }
};

/// The largest rectangle of a `size` picture that overlaps none of `panels` (the picture's own size when
/// there are none, or when the panels leave nothing usable).
PixelRect freeArea(glm::vec2 size, std::span<const PixelRect> panels);

/// World directions (unit) of a posed body: toward its left side, toward its head, out of its back.
/// Standing as modelled: left +X, up +Y, back -Z.
struct BodyAxes {
  glm::vec3 left{1.0f, 0.0f, 0.0f};
  glm::vec3 up{0.0f, 1.0f, 0.0f};
  glm::vec3 back{0.0f, 0.0f, -1.0f};
};

/// Yaw and pitch of an OrbitCamera, radians.
struct ViewAngles {
  float yaw = 0.0f;
  float pitch = 0.0f;
};

/// The eye never goes lower than this above the horizontal in a body-relative preset: the floor is solid.
inline constexpr float kMinBodyPresetPitchDeg = 6.0f;
/// Nor higher than this, except Top: a little perspective keeps a lying body readable.
inline constexpr float kMaxBodyPresetPitchDeg = 75.0f;
/// Pitch of Top in a body-relative preset.
inline constexpr float kBodyTopPitchDeg = 80.0f;

/// The direction of a preset relative to a posed body (Back looks at its back whatever the body's
/// orientation, Left at its left side, and so on), as the orbit camera's yaw and pitch:
///  - Back, Front, Left, Right: from that side of the body, kPresetElevationDeg higher; Oblique: from
///    between its back and its left, twice as high (a body lying on its back: from between its head's end
///    and its left, three times as high).
///  - The eye stays between kMinBodyPresetPitchDeg and kMaxBodyPresetPitchDeg above the horizontal. When the
///    side faces the floor or the ceiling (its horizontal part is under half its length) the heading comes
///    from the body instead: from its left for Back and Front, from its back for Left and Right.
///  - Top: from above (kBodyTopPitchDeg) with Back's heading.
///  - Target: where the tool meets the back reads best: from the body's left (its back when the left faces
///    the floor), turned toward its back by `towardBack` (the tangent of the turn: kTargetTowardBack by
///    default, negative to turn toward the front when a wall stands behind the body, about 1 to look through
///    a see-through backrest), 20 degrees above the horizontal.
inline constexpr float kTargetTowardBack = 0.35f;
ViewAngles bodyPresetAngles(Preset preset, const BodyAxes& body, float towardBack = kTargetTowardBack);

/// Lens and picture for a fit: the camera's vertical field of view, projection and picture size.
struct Lens {
  float fovY = 0.7f;            ///< radians
  bool orthographic = false;
  glm::vec2 size{1280.0f, 720.0f};  ///< pixels
};

/// Share of the free area's width and height left empty on each side of a fit.
inline constexpr float kFitMargin = 0.05f;

/// The camera pose that looks along `angles` and puts every point inside `area` (pixels of a lens.size
/// picture) with a kFitMargin border, as large as it can: the points touch the border on one axis and are
/// centred on the other. The pose's target is on the body (at the depth of the points' middle) and shows at
/// the centre of the area: pose.shift moves the picture's centre there, so orbiting turns about the body
/// and keeps it in the free part. An empty point set gives the default pose.
CameraPose fitPoints(std::span<const glm::vec3> points, ViewAngles angles, const Lens& lens, const PixelRect& area);

}  // namespace myo::view
