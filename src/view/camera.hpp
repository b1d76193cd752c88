// view/camera.hpp: the orbit camera (eye on a sphere around a target point) and its named presets; pure math.
#pragma once

#include <optional>
#include <string_view>

#include <glm/glm.hpp>

namespace myo::view {

/// Named viewpoints. Model frame: metres, +Y up, the subject faces +Z, the subject's left is +X.
///  - Back:  eye on -Z looking toward +Z (the subject's back), raised by kPresetElevationDeg.
///  - Front: eye on +Z looking toward -Z, raised by kPresetElevationDeg.
///  - Left:  eye on the subject's left (+X) looking toward -X, raised by kPresetElevationDeg.
///  - Right: eye on the subject's right (-X) looking toward +X, raised by kPresetElevationDeg.
///  - Top:   eye above the head (pitch kMaxPitchDeg, on the back's side) looking down; the subject's back
///           is at the bottom of the picture and the subject's right on the right, as in Back.
///  - Target: the Back direction, framed on the sphere of the current exercise's target muscles
///           (all the article's targets lie on the back).
/// The yaw of each preset is exactly on its axis; only the elevation departs from it.
enum class Preset { Back, Front, Left, Right, Top, Target, Oblique };

/// "back", "front", "left", "right", "top", "target" (exact, lower case); nullopt for anything else.
std::optional<Preset> parsePreset(std::string_view name);
/// The lower-case name parsePreset accepts.
std::string_view toString(Preset preset);
/// All preset names in order, comma separated ("back, front, left, right, top, target"), for messages.
std::string_view presetNames();

/// Elevation of the side presets above the horizontal, in degrees: a slightly raised eye reads better.
inline constexpr float kPresetElevationDeg = 10.0f;
/// Pitch limit in degrees: the eye never reaches the poles, where "up" would be undefined.
inline constexpr float kMaxPitchDeg = 89.0f;

/// A ray in world space (metres); direction has unit length.
struct Ray {
  glm::vec3 origin;
  glm::vec3 direction;
};

/// Everything that places the eye: the rest (fov, viewport, projection) is lens, not pose.
struct CameraPose {
  glm::vec3 target{0.0f};   ///< orbit centre, world metres
  float distance = 1.0f;    ///< eye to target, metres (> 0)
  float yaw = 0.0f;         ///< radians about world +Y; 0: eye on +Z, pi/2: eye on +X
  float pitch = 0.0f;       ///< radians above the horizontal, within +-kMaxPitchDeg
  /// Where the target shows in the picture, in normalised device units from its centre (x right, y up,
  /// each within [-1, 1]): an off-centre lens, so a body framed beside a panel turns about itself.
  glm::vec2 shift{0.0f};
};

/// Orbit camera for the viewer.
/// Eye = target + distance * (sin(yaw)cos(pitch), sin(pitch), cos(yaw)cos(pitch)), looking at the target
/// with world +Y up. Pixels have their origin at the top-left of the viewport, y down.
/// The target shows at pose().shift (normalised device units; the picture's centre by default).
/// Every change is instant unless setTransitionSeconds() > 0; then frame, setPreset and recenter glide to
/// their goal over update(dt) calls, and any drag or zoom stops the glide where it is.
class OrbitCamera {
public:
  OrbitCamera();

  // === Viewport and lens

  /// Framebuffer size in pixels; zero or negative sizes are treated as 1 so the matrices stay finite.
  void setViewport(int widthPx, int heightPx);
  int viewportWidth() const { return widthPx_; }
  int viewportHeight() const { return heightPx_; }
  /// Width over height of the viewport.
  float aspect() const;

  /// Vertical field of view in radians, clamped to [1 deg, 120 deg].
  void setFovY(float radians);
  float fovY() const { return fovY_; }

  /// Orthographic projection: the visible height at the target depth is the same as in perspective,
  /// so switching keeps the target's size on screen.
  void setOrthographic(bool on) { orthographic_ = on; }
  bool orthographic() const { return orthographic_; }

  /// The sphere holding the whole scene (world metres); near and far planes are chosen to contain it.
  void setSceneBounds(const glm::vec3& center, float radius);

  // === Pose

  /// Keep the viewing direction, aim at `center` and move the eye so the sphere (metres) fits the view
  /// (F key).
  void frame(const glm::vec3& center, float radius);
  /// Look from the preset's direction and fit the sphere; for Target the caller passes the target's sphere.
  void setPreset(Preset preset, const glm::vec3& center, float radius);
  /// Left drag: yaw about world +Y (drag right turns the model right), pitch clamped to +-kMaxPitchDeg
  /// (drag down raises the eye). Pixels, screen axes.
  void orbit(float dxPx, float dyPx);
  /// Right or shift+left drag: the point under the cursor at the target's depth follows the cursor.
  void pan(float dxPx, float dyPx);
  /// Wheel: positive steps move closer. The world point under the cursor at the target's depth stays on
  /// the same pixel. Distance is kept within [kMinDistance, kMaxDistance].
  void zoomToward(float wheelSteps, const glm::vec2& cursorPx);
  /// Double-click: orbit about `point` (world metres) from now on, keeping the distance and direction.
  void recenter(const glm::vec3& point);

  /// Yaw in radians about +Y (0: eye on +Z). Any value; stored wrapped to (-pi, pi].
  void setYaw(float radians);
  float yaw() const { return pose_.yaw; }
  /// Pitch in radians, clamped to +-kMaxPitchDeg.
  void setPitch(float radians);
  float pitch() const { return pose_.pitch; }
  /// Eye-to-target distance in metres, clamped to [kMinDistance, kMaxDistance].
  void setDistance(float metres);
  float distance() const { return pose_.distance; }
  void setTarget(const glm::vec3& target) { pose_.target = target; }
  const glm::vec3& target() const { return pose_.target; }

  const CameraPose& pose() const { return pose_; }
  /// Where the camera is going: the end of the running transition, or the pose itself.
  const CameraPose& goal() const { return transition_ ? transition_->to : pose_; }
  /// Sets the pose at once (clamped as the setters above) and stops any transition.
  void setPose(const CameraPose& pose);
  /// Goes to the pose as frame and setPreset do: gliding when setTransitionSeconds() > 0 (over `seconds`
  /// when given and positive, else over that setting), at once when it is 0.
  void glideTo(const CameraPose& pose, float seconds = 0.0f);

  // === Transitions (optional)

  /// Seconds a jump (frame, setPreset, recenter) takes; 0 (the default) makes jumps instant.
  void setTransitionSeconds(float seconds);
  /// Advance a running transition by dt seconds; does nothing when none runs.
  void update(float dtSeconds);
  bool transitioning() const { return transition_.has_value(); }
  float transitionSeconds() const { return transitionSeconds_; }

  // === Derived values (world metres, right-handed, GL clip space with z in [-1, 1])

  glm::vec3 eye() const;
  /// Unit vector from the eye toward the target.
  glm::vec3 forward() const;
  /// Unit vector pointing to the right of the screen, in world space.
  glm::vec3 right() const;
  /// Unit vector pointing up the screen, in world space.
  glm::vec3 up() const;
  glm::mat4 viewMatrix() const;
  glm::mat4 projectionMatrix() const;
  glm::mat4 viewProjection() const { return projectionMatrix() * viewMatrix(); }
  /// Near and far plane distances in metres, chosen from the eye's distance to the scene sphere.
  float nearPlane() const;
  float farPlane() const;
  /// World metres covered by one pixel at the target's depth.
  float metresPerPixelAtTarget() const;

  /// The ray from the eye through a pixel (top-left origin; pixel centres at +0.5). In orthographic mode
  /// rays are parallel and start on the near plane.
  Ray rayThrough(const glm::vec2& cursorPx) const;
  /// Pixel position (top-left origin) of a world point; meaningful only when inFront(world).
  glm::vec2 project(const glm::vec3& world) const;
  /// Whether a world point lies in front of the eye (between the near plane and infinity).
  bool inFront(const glm::vec3& world) const;

  static constexpr float kMinDistance = 0.01f;  ///< metres
  static constexpr float kMaxDistance = 1000.0f;  ///< metres
  static constexpr float kOrbitRadiansPerPixel = 0.006f;
  static constexpr float kZoomFactorPerStep = 0.85f;  ///< distance scale per wheel step toward the cursor
  static constexpr float kFrameMargin = 1.08f;        ///< fitted spheres keep a little air around them

private:
  CameraPose clampPose(CameraPose pose) const;
  CameraPose framedPose(CameraPose pose, const glm::vec3& center, float radius) const;
  void jumpTo(const CameraPose& goal, float seconds = 0.0f);
  /// Half of the visible height at the target depth (metres) over the distance: tan(fovY/2).
  float halfHeightPerMetre() const;

  struct Transition {
    CameraPose from;
    CameraPose to;
    float elapsed = 0.0f;
    float duration = 0.0f;
  };

  CameraPose pose_;
  int widthPx_ = 1280;
  int heightPx_ = 720;
  float fovY_;
  bool orthographic_ = false;
  glm::vec3 sceneCenter_{0.0f};
  float sceneRadius_ = 1.0f;
  float focusRadius_ = 0.0f;  ///< radius of the last framed sphere, kept inside the depth range
  float transitionSeconds_ = 0.0f;
  std::optional<Transition> transition_;
};

}  // namespace myo::view
