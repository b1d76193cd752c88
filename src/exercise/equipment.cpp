// exercise/equipment.cpp: unit-shape transforms for the equipment.
#include "exercise/equipment.hpp"

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/gtx/quaternion.hpp>

namespace myo::exercise {

glm::mat3 alignY(const glm::vec3& axis) {
  const glm::vec3 y(0.0f, 1.0f, 0.0f);
  const float c = glm::dot(y, axis);
  if (c > 0.99999f) return glm::mat3(1.0f);
  // Opposite axes have no unique shortest arc: any half turn about a perpendicular axis will do.
  if (c < -0.99999f) return glm::mat3_cast(glm::angleAxis(glm::pi<float>(), glm::vec3(1.0f, 0.0f, 0.0f)));
  return glm::mat3_cast(glm::rotation(y, axis));
}

ToolShape makeRoller(const glm::vec3& centre, const glm::vec3& axis, double radius, double length, double rollAngle) {
  glm::mat4 m = glm::translate(glm::mat4(1.0f), centre);
  m = m * glm::rotate(glm::mat4(1.0f), float(rollAngle), axis);
  m = m * glm::mat4(alignY(axis));
  m = glm::scale(m, glm::vec3(float(radius), float(0.5 * length), float(radius)));
  return {ToolShape::Kind::Cylinder, m, kRollerColour, "roller"};
}

ToolShape makeBall(const glm::vec3& centre, double radius, const std::string& role, const glm::vec4& colour) {
  glm::mat4 m = glm::translate(glm::mat4(1.0f), centre);
  m = glm::scale(m, glm::vec3(float(radius)));
  return {ToolShape::Kind::Sphere, m, colour, role};
}

ToolShape makeBox(const glm::vec3& centre, const glm::mat3& rotation, const glm::vec3& halfSize,
                  const std::string& role, const glm::vec4& colour) {
  glm::mat4 m = glm::translate(glm::mat4(1.0f), centre) * glm::mat4(rotation);
  m = glm::scale(m, halfSize);
  return {ToolShape::Kind::Box, m, colour, role};
}

}  // namespace myo::exercise
