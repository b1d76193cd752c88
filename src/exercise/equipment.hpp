// exercise/equipment.hpp: the equipment as simple shapes to scale (roller, ball, wall, chair) for drawing.
#pragma once

#include <string>

#include <glm/glm.hpp>

namespace myo::exercise {

/// A unit shape placed in the world: cylinder of radius 1 along local Y from y = -1 to 1; sphere of
/// radius 1; box from -1 to 1 on each axis.
struct ToolShape {
  enum class Kind { Cylinder, Sphere, Box };
  Kind kind = Kind::Box;
  glm::mat4 transform{1.0f};  ///< unit shape -> world (metres, floor at y = 0)
  glm::vec4 colour{1.0f};     ///< linear RGBA
  std::string role;           ///< "roller", "ball", "wall", "chair-seat", "chair-back", "chair-roller"
};

inline constexpr glm::vec4 kRollerColour{0.16f, 0.36f, 0.62f, 1.0f};
inline constexpr glm::vec4 kBallColour{0.85f, 0.42f, 0.12f, 1.0f};
inline constexpr glm::vec4 kWallColour{0.82f, 0.80f, 0.76f, 1.0f};
inline constexpr glm::vec4 kChairColour{0.22f, 0.20f, 0.19f, 1.0f};
inline constexpr glm::vec4 kChairRollerColour{0.55f, 0.52f, 0.48f, 1.0f};

/// A foam roller: centre (world, metres), axis (unit), radius and length (metres), turned by `rollAngle`
/// radians about its axis so that marks on it show the rolling.
ToolShape makeRoller(const glm::vec3& centre, const glm::vec3& axis, double radius, double length, double rollAngle);

/// A ball (or a chair's roller node) of `radius` metres at `centre`.
ToolShape makeBall(const glm::vec3& centre, double radius, const std::string& role = "ball",
                   const glm::vec4& colour = kBallColour);

/// A box with the given centre, rotation (box axes -> world) and half sizes in metres.
ToolShape makeBox(const glm::vec3& centre, const glm::mat3& rotation, const glm::vec3& halfSize,
                  const std::string& role, const glm::vec4& colour);

/// A rotation that carries +Y onto `axis` (unit), by the shortest arc.
glm::mat3 alignY(const glm::vec3& axis);

}  // namespace myo::exercise
