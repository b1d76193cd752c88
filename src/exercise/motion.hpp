// exercise/motion.hpp: motion kinds, the plug-ins that turn an exercise's data into movement. Each kind lives in
// its own file (motion_*.cpp) behind the one interface below and is chosen by the exercise's `motion` name from
// the registry (motion.cpp). A kind says what it reads of the exercise file (MotionInfo: equipment, support,
// landmarks, path fields, figures), so that the loader refuses what no one would read.
//
// The playback (playback.cpp) owns the shared state (MotionContext) and one SideConfig per worked side; a kind
// finds the tracks on the model, moves the contact along them in time, and places the body and the equipment.
#pragma once

#include <array>
#include <glm/glm.hpp>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "exercise/contact.hpp"
#include "exercise/equipment.hpp"
#include "exercise/exercise_data.hpp"
#include "exercise/pose.hpp"
#include "exercise/pose_solver.hpp"
#include "exercise/tool_path.hpp"
#include "scene/model.hpp"

namespace myo::exercise {

/// A named figure of pose.root.figures that a motion kind reads, with the physically meaningful range.
struct FigureSpec {
  std::string_view key;
  double lo = 0.0;
  double hi = 0.0;
  std::string_view what;  ///< "a length in metres", "an angle in degrees" ... for the message
};

/// What a motion kind reads of an exercise. Every field listed here is read; the loader refuses the others.
struct MotionInfo {
  std::string_view name;                         ///< the exercise file's `motion` value, e.g. "midline-roller"
  std::string_view summary;                      ///< one line for docs and messages
  std::vector<EquipmentKind> equipment;          ///< the equipment it can drive
  Support support = Support::Floor;              ///< what must carry the body
  LevelFrame landmarks = LevelFrame::Trapezius;  ///< which landmarks its path ends may name
  std::vector<std::string_view> pathFields;      ///< tool.path fields beyond from/to/note it needs (all required)
  std::vector<FigureSpec> figures;               ///< pose.root.figures it reads (each optional)
  bool trigger = false;  ///< the contact sits on a trigger point the user may move (Playback::setTriggerPoint)
};

/// One pose of the body with its tracks and coverage: one per worked side.
struct SideConfig {
  scene::Side side = scene::Side::None;
  std::vector<glm::mat4> bodyLocal;  ///< node-local transforms of the exercise pose (crossed arms solved)
  std::vector<glm::mat4> bodyWorld;  ///< forward kinematics of the exercise pose, not placed
  /// The planted feet and hands the solver holds on the floor in a work phase (pose_solver.hpp).
  std::vector<Plant> plants;
  std::vector<glm::vec3> lowPoints;  ///< side-lying: the lower side below the waist (body frame), to settle
  JointAngles angles;                ///< the exercise pose for this side
  /// Every planted limb of the pose (pose.planted, mirrored for the right side) and where its end joint
  /// belongs on the floor (world), fixed at the start of the work phase: the targets of `plants` where the
  /// solver holds the limb.
  std::vector<std::pair<Limb, glm::vec3>> plantTargets;
  glm::vec3 rootDeg{0.0f};
  double turnSign = 0.0;  ///< body turn about its long axis = turnSign * turn (radians)
  std::shared_ptr<PosedSurface> surface;
  std::vector<Track> tracks;  ///< chair: left and right; latissimus: one per column; else one
  double baseTurnDeg = 0.0;   ///< latissimus: the turn at which the contact lies over the muscle
  std::vector<int> targets;
  CoverageTable coverage;
  std::vector<std::vector<glm::vec3>> trajectory;  ///< per contact, rest points at the coverage samples
  // Placement constants, from the first instant of the phase.
  glm::vec3 anchor{0.0f};  ///< placed-rotation contact point at the start (floor roller)
  double wallZ = 0.0;
  MassageChair chair;  ///< the chair exercise: its parts, placed around the seated body
  glm::vec3 chairOffset{0.0f};
  double footRestAlong = -1.0;  ///< the chair: its foot rest's place down the leg rest (ChairPlacement)
  glm::vec3 standOffset{0.0f};
};

/// The contact(s) on the tracks at one moment of a work phase.
struct Instant {
  std::vector<TrackSample> samples;
  double travel = 0.0;   ///< arc length of the main contact along its track (m)
  double turnDeg = 0.0;  ///< turn beyond baseTurnDeg
};

/// The body and equipment placed for one instant.
struct Placed {
  glm::mat4 body{1.0f};
  std::vector<glm::vec3> contactWorld;
  std::vector<ToolShape> tools;
  glm::vec3 toolPosition{0.0f};
  double rollAngle = 0.0;
};

inline constexpr glm::vec3 kUp{0.0f, 1.0f, 0.0f};

/// What the playback knows of the model and the exercise, shared by every motion kind.
struct MotionContext {
  const scene::Model* model = nullptr;
  const Exercise* exercise = nullptr;
  Rig rig;
  bool posing = false;  ///< the model has a usable rig
  std::shared_ptr<RestSurface> rest;
  std::vector<glm::mat4> restWorld;
  std::vector<int> allTargets;  ///< every mesh of the target muscles, both sides
  TrunkAxis axis;
  float midX = 0.0f;
  float trunkZ = 0.0f;
  std::optional<glm::vec3> trigger;  ///< motions with a trigger point: where it is (rest frame)
  scene::Side triggerSide = scene::Side::Left;
  double workS = 0.0;  ///< seconds of one work phase

  /// Meshes of these muscle kinds on `side` (Side::None: both).
  std::vector<int> meshesOf(const std::vector<scene::MuscleKind>& kinds, scene::Side side) const;
  /// The placed body's rotation for one side at a trunk turn (degrees).
  glm::mat3 bodyRotation(const SideConfig& c, double turnDeg) const;
  /// Which way the tool presses into the body (world, unit), from the exercise's support.
  glm::vec3 pressWorld(const glm::mat3& bodyRotation) const;
  /// Half the equipment's diameter, metres.
  double toolRadius() const;
  /// A pose.root.figures value, or `fallback` when the file leaves it out.
  double figure(std::string_view key, double fallback) const;
};

/// A motion kind. Stateless: everything it computes goes into the SideConfig it is handed.
class Motion {
 public:
  virtual ~Motion() = default;
  virtual const MotionInfo& info() const = 0;
  /// The patch the tool presses at `rest` (rest frame) for the coverage table.
  virtual Patch patch(const MotionContext& m, const glm::vec3& rest, const glm::vec3& outward,
                      const glm::vec3& axisBody) const = 0;
  /// The meshes whose coverage this side's work counts.
  virtual std::vector<int> targets(const MotionContext& m, const SideConfig&) const { return m.allTargets; }
  /// Finds the tracks on the posed model.
  virtual void buildTracks(const MotionContext& m, SideConfig& c) const = 0;
  /// Where the contact(s) are `tau` seconds into a work phase.
  virtual Instant instant(const MotionContext& m, const SideConfig& c, double tau) const = 0;
  /// The body and equipment at one instant.
  virtual Placed place(const MotionContext& m, const SideConfig& c, const Instant& in) const = 0;
  /// The placement constants of one side (anchor, wall, chair, planted feet), from the phase's first instant.
  virtual void buildPlacement(const MotionContext& m, SideConfig& c) const = 0;
  /// How many contacts the coverage follows (the chair: one per node).
  virtual std::size_t contactCount(const SideConfig& c) const { return c.tracks.empty() ? 0 : 1; }
};

/// The motion kind of this name, or nullptr.
const Motion* findMotion(std::string_view name);
/// Every registered motion kind, in registry order.
const std::vector<const Motion*>& motionKinds();

// The registered kinds (one file each).
const Motion& midlineRollerMotion();
const Motion& sideRollerMotion();
const Motion& wallBallMotion();
const Motion& chairProgrammeMotion();

// === Helpers the kinds share (motion.cpp)

/// Gap between the equipment and the body standing beside it for a stretch, metres.
inline constexpr float kStandClear = 0.40f;

/// A foam roller's contact patch: a band across the body as long as the roller; soft tissue lets it reach
/// about 4 cm deep.
Patch rollerPatch(const MotionContext& m, const glm::vec3& rest, const glm::vec3& outward, const glm::vec3& axisBody);

/// `v` without its vertical part, normalised; `fallback` when it is vertical.
glm::vec3 horizontal(glm::vec3 v, const glm::vec3& fallback);
/// The track's axis across the body in the body frame for a body rotation (the roller's axis).
glm::vec3 acrossAxisBody(const glm::mat3& rotation, const glm::vec3& fallbackUp);
/// The no-rig placement: the body stands as loaded and the contacts are the posed track samples; the tool
/// position sits one radius out along the press direction.
Placed placeUnposed(const MotionContext& m, const SideConfig& c, const Instant& in);
/// placeUnposed with the foam roller drawn at the tool position, across the body turned by `rotation`.
Placed placeUnposedRoller(const MotionContext& m, const SideConfig& c, const Instant& in, const glm::mat3& rotation);
/// Finishes a placement: the body transform from its rotation and translation, the contacts in world space.
void finishPlacement(Placed& out, const glm::mat3& rotation, const glm::vec3& translation, const Instant& in);
/// The pose's planted limbs for one side: the file names the left side's, the right side mirrors them.
std::vector<Limb> plantedLimbs(const MotionContext& m, const SideConfig& c);
/// Plans the feet the pose plants (pose.planted) for a body whose legs bend to keep them there: flat at the
/// pose's heel spacing, as far toward the feet as keeps the legs just short of straight at the end of the
/// stroke where the hips are farthest from them.
void planFeet(const MotionContext& m, const Motion& motion, SideConfig& c);
/// Fixes SideConfig::plantTargets for every planted limb of the file: the limbs the solver holds
/// (SideConfig::plants) at their targets, the others on the floor under where they are at the start of the
/// work phase.
void planPlantTargets(const MotionContext& m, const Motion& motion, SideConfig& c);
/// The placed world transforms of every node: forward kinematics of the side's pose with the planted feet
/// and hands held on their targets by two-bone IK (pose_solver.hpp), under `body`.
std::vector<glm::mat4> placedWorld(const MotionContext& m, const SideConfig& c, const glm::mat4& body);

}  // namespace myo::exercise
