// exercise/playback.hpp: the exercise as motion: at any plan time, the posed and placed body, the
// equipment, where the tool touches the body, and how much of the target muscles it has worked.
//
// Every result is a function of (model, exercise, plan time, trigger point): time is passed in.
// World frame of an exercise: metres, +Y up, floor at y = 0; the body is placed so that the tool touches
// it at the contact point. The model's standing frame ("rest frame") is the file's own frame at rest.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "exercise/contact.hpp"
#include "exercise/equipment.hpp"
#include "exercise/exercise_data.hpp"
#include "exercise/pose.hpp"
#include "exercise/timer.hpp"
#include "exercise/tool_path.hpp"
#include "scene/model.hpp"

namespace myo::exercise {

/// Where one tool touches the body.
struct Contact {
  glm::vec3 restPoint{0.0f};   ///< on the body's outer surface, model standing frame, metres
  glm::vec3 worldPoint{0.0f};  ///< the same point on the posed, placed body (world, metres)
  double radius = 0.0;         ///< contact patch radius (half-width of a roller's band), metres
  std::vector<int> meshes;     ///< muscle meshes under it, outermost first (skin and bone left out)
  bool pressed = false;        ///< true in a work phase, when the tool is working
};

/// A hand or foot the pose plants on the floor: where its end joint (ankle, wrist) belongs and where it is.
struct PlantedLimb {
  Limb limb = Limb::FootL;
  glm::vec3 target{0.0f};    ///< world, fixed for the work phase (on the floor)
  glm::vec3 position{0.0f};  ///< world, this frame
};

/// Everything the renderer and the panels need at one moment.
struct MotionFrame {
  TimerState timer;
  std::vector<glm::mat4> world;  ///< posed world transform of every node (placement * forward kinematics)
  std::vector<ToolShape> tools;  ///< the equipment, world frame
  std::optional<MassageChair> chair;  ///< the chair's resting surfaces (the chair exercise on a rigged model)
  glm::vec3 toolPosition{0.0f};  ///< centre of the working tool (the left node for the chair), world
  double rollAngle = 0.0;        ///< radians the roller (or ball) has turned about its axis since the start
  std::optional<Contact> contact;          ///< the main contact; none when the tool does not touch the body
  std::vector<Contact> contacts;           ///< every contact (two for the chair), main one first
  std::vector<glm::vec3> coveredPath;      ///< rest-frame polyline of the main contact during this set (<= 64)
  std::vector<std::vector<glm::vec3>> coveredPaths;  ///< the same per contact
  double coverage = 0.0;           ///< share 0..1 of the target muscles' outer surface worked this set/side
  std::vector<int> targetMeshes;   ///< the target muscle meshes of this set/side
  double travel = 0.0;             ///< arc length of the main contact along its track, metres
  double turnDeg = 0.0;            ///< trunk turn toward supine (latissimus), degrees
  bool posed = false;              ///< the model's rig carries the exercise pose (false: standing as loaded)
  bool stretching = false;         ///< a stretch phase: the body stands beside the equipment
  double stretchAmount = 0.0;      ///< 0..1 how far into the stretch pose
  std::vector<PlantedLimb> planted;  ///< outside the stretch: the pose's planted hands and feet
};

/// Plays one exercise on one model. The model must outlive the playback. Construction precomputes the
/// paths and coverage tables (tens to hundreds of milliseconds on a large model); at() is cheap.
class Playback {
public:
  Playback(const scene::Model& model, const Exercise& exercise, const PlanOverrides& overrides = {});
  ~Playback();
  Playback(Playback&&) noexcept;
  Playback& operator=(Playback&&) noexcept;

  /// The frame at plan time `t` seconds (clamped to the plan).
  MotionFrame at(double t) const;

  const TimerPlan& plan() const;
  const Exercise& exercise() const;
  /// True when the model has a rig to pose; without one the body stays standing and only the tool moves.
  bool hasRig() const;
  /// Every mesh of the exercise's target muscles (both sides).
  const std::vector<int>& targetMeshes() const;
  /// The model's surface at rest, as the contacts and the coverage use it.
  const RestSurface& restSurface() const;
  /// The rest-surface triangles of the targets worked so far in the set/side current at plan time `t` (those
  /// the coverage counts), or of the one just finished; none in the lead-in.
  std::vector<std::size_t> coveredTriangles(double t) const;

  /// Moves the massage ball's trigger point: `restPoint` (model standing frame) is snapped onto the
  /// nearest outer surface of a rhomboid, whose side becomes the worked side. Returns the snapped point,
  /// or nothing when the exercise has no trigger point or the model no rhomboid.
  std::optional<glm::vec3> setTriggerPoint(const glm::vec3& restPoint);
  /// The trigger point on the rhomboid surface (rest frame), when the exercise has one.
  std::optional<glm::vec3> triggerPoint() const;

  /// Share 0..1 of the outer surface of `meshes` (among the targets of that set/side) worked during the
  /// set/side current at plan time `t`.
  double coverageOf(const std::vector<int>& meshes, double t) const;

  /// The rest-frame points of the main contact's track for the given side (None for both-together
  /// exercises); for the latissimus, the track at side-lying.
  std::vector<glm::vec3> trackPoints(scene::Side side) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace myo::exercise
