// exercise/equipment.hpp: the equipment as simple shapes to scale (roller, ball, wall, chair) for drawing.
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace myo::exercise {

/// A unit shape placed in the world: cylinder of radius 1 along local Y from y = -1 to 1; sphere of
/// radius 1; box from -1 to 1 on each axis.
struct ToolShape {
  enum class Kind { Cylinder, Sphere, Box };
  Kind kind = Kind::Box;
  glm::mat4 transform{1.0f};  ///< unit shape -> world (metres, floor at y = 0)
  glm::vec4 colour{1.0f};     ///< linear RGBA
  /// "roller", "ball", "wall", or a massage chair's "chair-seat", "chair-back", "chair-headrest",
  /// "chair-armrest", "chair-legrest", "chair-base", "chair-track", "chair-carriage", "chair-roller"
  std::string role;
  /// A box's edges and corners rounded with this radius, metres (upholstery); 0 leaves them sharp.
  float rounding = 0.0f;
};

inline constexpr glm::vec4 kRollerColour{0.16f, 0.36f, 0.62f, 1.0f};
inline constexpr glm::vec4 kBallColour{0.85f, 0.42f, 0.12f, 1.0f};
inline constexpr glm::vec4 kWallColour{0.82f, 0.80f, 0.76f, 1.0f};
inline constexpr glm::vec4 kChairColour{0.42f, 0.29f, 0.21f, 1.0f};        ///< upholstery
inline constexpr glm::vec4 kChairFrameColour{0.20f, 0.19f, 0.18f, 1.0f};   ///< base and track
inline constexpr glm::vec4 kChairRollerColour{0.80f, 0.78f, 0.72f, 1.0f};  ///< roller nodes and carriage

/// A foam roller: centre (world, metres), axis (unit), radius and length (metres), turned by `rollAngle`
/// radians about its axis so that marks on it show the rolling.
ToolShape makeRoller(const glm::vec3& centre, const glm::vec3& axis, double radius, double length, double rollAngle);

/// A ball (or a chair's roller node) of `radius` metres at `centre`.
ToolShape makeBall(const glm::vec3& centre, double radius, const std::string& role = "ball",
                   const glm::vec4& colour = kBallColour);

/// A box with the given centre, rotation (box axes -> world) and half sizes in metres, its edges rounded with
/// `rounding` metres (ToolShape::rounding).
ToolShape makeBox(const glm::vec3& centre, const glm::mat3& rotation, const glm::vec3& halfSize,
                  const std::string& role, const glm::vec4& colour, float rounding = 0.0f);

/// A rotation that carries +Y onto `axis` (unit), by the shortest arc.
glm::mat3 alignY(const glm::vec3& axis);

// === Massage chair
// Dimensions from anatomy-deep.md 9 and anatomy.md 6 (CHAIR; typical catalogue values, low confidence).

inline constexpr double kChairSeatTop = 0.45;        ///< seat top above the floor (0.42-0.50), metres
inline constexpr double kChairSeatDepth = 0.50;      ///< (0.45-0.55)
inline constexpr double kChairSeatWidth = 0.52;      ///< between the armrests (0.48-0.56)
inline constexpr double kChairCushion = 0.10;        ///< seat cushion thickness (0.08-0.12)
inline constexpr double kChairBackHeight = 0.90;     ///< backrest above the seat (0.75-0.90), holding the headrest
inline constexpr double kChairBackWidth = 0.56;      ///< (0.50-0.60)
inline constexpr double kChairBackThickness = 0.12;
inline constexpr double kChairHeadrestAbove = 0.80;  ///< headrest pad centre above the seat, along the backrest (0.80-0.95)
inline constexpr double kChairHeadrestWidth = 0.28;  ///< (0.25-0.30)
inline constexpr double kChairHeadrestHeight = 0.18; ///< (0.15-0.20)
inline constexpr double kChairArmAbove = 0.19;       ///< armrest top above the seat (0.16-0.22)
inline constexpr double kChairArmLength = 0.58;      ///< (0.50-0.65)
inline constexpr double kChairArmWidth = 0.14;       ///< (0.12-0.16)
inline constexpr double kChairLegRestLength = 0.42;  ///< (0.42-0.55)
inline constexpr double kChairLegRestDeg = 75.0;     ///< from the horizontal, upright mode (45-80)
inline constexpr double kChairLegRestMost = 0.55;    ///< the longest the leg rest extends to (0.42-0.55)
inline constexpr double kChairFootWellDepth = 0.26;  ///< the foot well's floor out of the leg rest's face (a foot's length)
inline constexpr double kChairFootWellThick = 0.03;  ///< its thickness
inline constexpr double kChairTrackLength = 0.78;    ///< S-track roller travel (0.70-0.82)

/// One part of the chair: a box (centre, axes, half sizes) and the face of it the body rests on.
struct ChairPart {
  std::string name;              ///< "seat", "backrest", "headrest", "armrest-left", "armrest-right", "leg-rest",
                                 ///< "foot-rest"
  glm::vec3 centre{0.0f};        ///< world, metres
  glm::mat3 axes{1.0f};          ///< columns: the box's x, y and z axes in the world (unit)
  glm::vec3 halfSize{0.0f};      ///< metres, along those axes
  glm::vec3 surfaceCentre{0.0f}; ///< centre of the resting face (world)
  glm::vec3 surfaceNormal{0.0f, 1.0f, 0.0f};  ///< unit, out of the resting face toward the body
  /// Signed distance of a world point from the resting face's plane (positive on the body's side).
  float heightAbove(const glm::vec3& p) const { return glm::dot(p - surfaceCentre, surfaceNormal); }
};

/// Where the chair stands: the backrest's front face and its lean, as the seated body needs it.
struct ChairPlacement {
  glm::vec3 backFront{0.0f};  ///< a point on the backrest's front face (world, metres)
  glm::mat3 backAxes{1.0f};   ///< columns: across the backrest (to the sitter's left), up along it, out of its front
  float midX = 0.0f;          ///< world x of the chair's midline
  double trackLength = kChairTrackLength;  ///< the rollers' travel along the backrest (equipment.travel_m)
  /// How far down the leg rest, from the seat's front edge, the foot rest's face lies (where the soles are);
  /// the leg rest extends past it up to kChairLegRestMost. Negative: at the lower end of a kChairLegRestLength
  /// leg rest.
  double footRestAlong = -1.0;
};

/// A massage chair standing on the floor (y = 0), the sitter facing +Z: the surfaces the body rests on
/// (for the pose solver) and the roller track along the backrest.
struct MassageChair {
  ChairPart seat, backrest, headrest, armrestLeft, armrestRight, legRest;
  /// The floor of the foot wells at the leg rest's lower part, across it and standing out of its face; its
  /// resting face looks up the leg rest, toward the knees.
  ChairPart footRest;
  glm::vec3 trackBottom{0.0f}, trackTop{0.0f};  ///< ends of the roller track on the backrest's front face
  /// The resting parts in this order: seat, backrest, headrest, armrest-left, armrest-right, leg-rest,
  /// foot-rest.
  std::vector<const ChairPart*> parts() const {
    return {&seat, &backrest, &headrest, &armrestLeft, &armrestRight, &legRest, &footRest};
  }
};

/// Builds the chair: the backrest's lower edge meets the seat, the seat runs forward from it, the headrest
/// lies on the backrest's front at kChairHeadrestAbove, the armrests flank the seat and the leg rest hangs
/// from the seat's front edge at kChairLegRestDeg, the foot rest across it at placement.footRestAlong.
MassageChair makeMassageChair(const ChairPlacement& placement);

/// The chair's shapes for drawing, with its roller unit: the carriage (a housing across the track at the
/// nodes' height) and one "chair-roller" sphere of `nodeRadius` per node centre (world).
std::vector<ToolShape> chairShapes(const MassageChair& chair, const std::vector<glm::vec3>& nodeCentres,
                                   double nodeRadius);

}  // namespace myo::exercise
