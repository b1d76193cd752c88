// exercise/exercise_data.hpp: the exercises as plain values, loaded from JSON and validated strictly.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "core/error.hpp"
#include "scene/model.hpp"

namespace myo::exercise {

/// The shipped exercise file, relative to the source (and install) root.
inline constexpr const char* kDefaultExercisesPath = "assets/exercises.json";
/// The file format version this loader reads.
inline constexpr int kExercisesVersion = 2;
/// Exercise files are small text; anything larger is refused before parsing.
inline constexpr std::size_t kMaxExercisesFileBytes = 1 << 20;

// === Timer phases (shared with timer.hpp: steps name the phase they belong to)

enum class Phase : std::uint8_t { LeadIn, Work, Switch, Stretch, Done };

/// "lead-in", "work", "switch", "stretch" or "done" (the --state strings).
std::string_view phaseName(Phase phase);
/// The phase for one of the strings above, or nothing.
std::optional<Phase> parsePhase(std::string_view name);

/// "left", "right", or nothing for Side::None (printed as JSON null).
std::optional<std::string_view> sideName(scene::Side side);

// === Equipment, protocol, pose, tool

enum class EquipmentKind : std::uint8_t { FoamRoller, MassageBall, MassageChair };

/// "foam-roller", "massage-ball", "massage-chair".
std::string_view equipmentKindName(EquipmentKind kind);

/// Sizes of the equipment in metres, with the reference they come from.
struct Equipment {
  EquipmentKind kind = EquipmentKind::FoamRoller;
  double diameterM = 0.0;     ///< roller or ball diameter; massage-chair: one roller node
  double lengthM = 0.0;       ///< foam roller length; 0 for the others
  double travelM = 0.0;       ///< massage chair: roller travel along the backrest; else 0
  std::string source;         ///< reference key(s), e.g. "ROLLER"
  std::string note;           ///< optional remark (confidence, alternatives)
};

/// How the two sides of the body are worked.
enum class Sides : std::uint8_t {
  BothTogether,  ///< one work phase per set covers both sides (midline exercises)
  Alternate,     ///< left then right within each set, with a switch phase between them
};

/// The set/stretch protocol; every duration is in seconds.
struct Protocol {
  double workS = 30.0;     ///< work per set (per side when Sides::Alternate)
  double workMinS = 30.0;  ///< the range the user may pick work time in
  double workMaxS = 30.0;
  int sets = 3;
  int setsMin = 3;
  int setsMax = 3;
  double stretchS = 30.0;  ///< stretch between sets (and after the last one when stretchAfter)
  Sides sides = Sides::BothTogether;
  double switchS = 5.0;       ///< pause to change sides (Sides::Alternate only)
  double leadInS = 5.0;       ///< get-ready time before the first set
  bool stretchAfter = false;  ///< a stretch also follows the last set
};

/// One numbered instruction and the timer phase during which the panel highlights it.
struct Step {
  std::string text;
  Phase phase = Phase::Work;
};

/// What one target muscle is and does, in the program's words.
struct MuscleAction {
  scene::MuscleKind muscle = scene::MuscleKind::None;
  std::string text;
};

/// What carries the body and which way the tool presses into it: the floor (roller on the floor under the
/// body, pressing down), a wall behind the body, or a chair's backrest behind the back.
enum class Support : std::uint8_t { Floor, Wall, Chair };

/// "floor", "wall", "chair".
std::string_view supportName(Support support);

/// A hand or foot the steps plant on the floor (the joint at its end: ankle or wrist).
enum class Limb : std::uint8_t { FootL, FootR, HandL, HandR };

/// "foot_L", "foot_R", "hand_L", "hand_R".
std::string_view limbName(Limb limb);
/// The rig joint at the limb's end: "ankle_L", "ankle_R", "wrist_L", "wrist_R".
std::string_view limbJoint(Limb limb);

/// Whole-body placement. `rotationDeg` turns the standing rest body (faces +Z, +Y up, left +X) into the
/// exercise orientation: degrees about the world X, then Y, then Z axes (R = Rz * Ry * Rx). The position
/// is not stored: the body is placed so that the tool path's first contact touches the tool, and the
/// named `figures` (metres or degrees, as the key's suffix says; each motion kind names the figures it
/// reads and their ranges) fix the rest.
struct RootPlacement {
  Support support = Support::Floor;
  glm::vec3 rotationDeg{0.0f};
  std::map<std::string, double> figures;
};

/// A static exercise pose. Joint rotations are degrees in the parent joint's frame, applied about X, then
/// Y, then Z (R = Rz * Ry * Rx); rest (all zero) is standing with the arms hanging. Signs follow the
/// right-hand rule with +X to the subject's left: knee flexion is +X, hip/shoulder/elbow flexion -X,
/// trunk flexion +X, left shoulder abduction +Z (right: -Z). For Sides::Alternate the pose is the left
/// side's; the right side mirrors it.
struct Pose {
  std::string name;
  RootPlacement root;
  std::vector<Limb> planted;                ///< hands and feet on the floor during the work
  std::map<std::string, glm::vec3> joints;  ///< keyed by rig joint name (see kJointNames)
  std::string note;
};

/// The standing stretch of the stretch phases, as joint angles (the same conventions as Pose::joints). For
/// Sides::Alternate the angles stretch the left side, and the phase does the left side, then the right
/// (mirrored).
struct StretchPose {
  std::string name;
  std::map<std::string, glm::vec3> joints;
  std::string note;
};

/// The tool's path along the body, in the model's body frame (metres, +Y up, subject's left +X). The ends
/// are landmarks (see tool_path.hpp: landmarkFrame) scaled onto the loaded model. Each motion kind names the
/// optional fields it reads; the loader refuses the others.
struct PathSpec {
  std::string from;       ///< landmark where a stroke starts (e.g. "SP_T2")
  std::string to;         ///< landmark where it ends (e.g. "SP_T12")
  double lateralM = 0.0;  ///< contact offset from the midline toward the worked side
  double strokeS = 3.0;   ///< seconds for one stroke (one direction)
  double speedMS = 0.05;  ///< contact speed along the skin, m/s
  double turnDeg = 0.0;   ///< trunk turn toward supine during the work (latissimus); else 0
  std::string note;
};

struct ToolSpec {
  EquipmentKind kind = EquipmentKind::FoamRoller;
  PathSpec path;
};

struct Exercise {
  std::string id;  ///< matches ^[a-z0-9-]+$, unique in its set
  std::string title;
  std::string motion;  ///< the motion kind that plays it (motion.hpp: findMotion), e.g. "midline-roller"
  Equipment equipment;
  std::vector<scene::MuscleKind> targets;
  std::string why;
  std::vector<MuscleAction> actions;
  std::vector<Step> steps;
  std::vector<std::string> tips;
  std::vector<std::string> safety;
  Protocol protocol;
  std::string stretch;  ///< what to stretch in the stretch phases
  StretchPose stretchPose;
  Pose pose;
  ToolSpec tool;
};

/// Where the facts come from.
struct SourceInfo {
  std::string title;
  std::string author;
  std::string reviewer;
  std::string date;
  std::string authorNote;
  std::vector<std::string> figureCredits;
  std::vector<std::string> references;
};

/// Advice that holds for every exercise.
struct General {
  double holdS = 30.0;  ///< pressure on one tight spot, seconds at a time
  std::string rule;
  std::vector<std::string> purposes;
  std::vector<std::string> summary;
  std::string disclaimer;
  SourceInfo source;
};

struct ExerciseSet {
  std::string file;  ///< where it was loaded from (for messages)
  int version = kExercisesVersion;
  General general;
  std::vector<Exercise> exercises;

  /// The exercise with this id. Throws core::Error("--exercise", "unknown exercise 'foo'; known: ...").
  const Exercise& find(std::string_view id) const;
  /// The ids in file order.
  std::vector<std::string> ids() const;
};

/// The joints a pose may name: the rig's joint names.
extern const std::vector<std::string_view> kJointNames;

/// The range of motion of one joint (degrees about X, Y, Z, as the left side or the midline has it; a right
/// joint's Y and Z ranges are the mirror, [-hi, -lo]). Poses beyond it are refused. Unknown joint: nothing.
struct JointRange {
  glm::vec3 lo{0.0f};
  glm::vec3 hi{0.0f};
};
std::optional<JointRange> jointRange(std::string_view joint);

/// "trapezius", "rhomboid-major", "rhomboid-minor", "latissimus-dorsi"; empty for other kinds.
std::string_view muscleKindName(scene::MuscleKind kind);

/// Reads and validates an exercise file (at most kMaxExercisesFileBytes). Every problem throws one
/// core::Error whose `where` is the file and whose message names the exercise and the field, e.g.
/// "exercise 'rhomboid-massage-ball': protocol.work_s: must be a number of seconds between 5 and 600, got
/// -3".
ExerciseSet loadExercises(const std::filesystem::path& path);

/// Same from text; `where` names the source in errors.
ExerciseSet loadExercisesFromString(std::string_view text, const std::string& where);

/// Every problem loadExercises would find, in file order: a broken exercise does not hide the next one's
/// problems. A file that cannot be read or is not JSON gives one problem. Empty when loadExercises succeeds;
/// `set`, when given, then receives what loadExercises would have returned.
std::vector<core::Error> exerciseProblems(const std::filesystem::path& path, ExerciseSet* set = nullptr);

}  // namespace myo::exercise
