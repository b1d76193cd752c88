// exercise/equipment.cpp: unit-shape transforms for the equipment.
#include "exercise/equipment.hpp"

#include <algorithm>
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
                  const std::string& role, const glm::vec4& colour, float rounding) {
  glm::mat4 m = glm::translate(glm::mat4(1.0f), centre) * glm::mat4(rotation);
  m = glm::scale(m, halfSize);
  return {ToolShape::Kind::Box, m, colour, role, rounding};
}

}  // namespace myo::exercise

namespace myo::exercise {

namespace {

ChairPart part(std::string name, const glm::vec3& centre, const glm::mat3& axes, const glm::vec3& halfSize,
               int restAxis, float restSign) {
  ChairPart p{std::move(name), centre, axes, halfSize, centre, glm::vec3(0.0f)};
  p.surfaceNormal = restSign * axes[restAxis];
  p.surfaceCentre = centre + p.surfaceNormal * halfSize[restAxis];
  return p;
}

// Upholstered parts: the edges rounded like a padded cushion's.
ToolShape boxOf(const ChairPart& p, const std::string& role, const glm::vec4& colour, float rounding) {
  return makeBox(p.centre, p.axes, p.halfSize, role, colour, rounding);
}

}  // namespace

MassageChair makeMassageChair(const ChairPlacement& placement) {
  MassageChair c;
  const glm::mat3& a = placement.backAxes;
  const glm::vec3 y = a[1], z = a[2];
  const float seatTop = float(kChairSeatTop);
  const float halfHeight = float(0.5 * kChairBackHeight), halfThick = float(0.5 * kChairBackThickness);
  // The backrest's front face passes through backFront; its lower front edge sits on the seat.
  glm::vec3 centre = placement.backFront - halfThick * z;
  centre.x = placement.midX;
  const glm::vec3 lowerFront = centre - halfHeight * y + halfThick * z;
  centre += y * ((seatTop - lowerFront.y) / std::max(y.y, 0.1f));
  c.backrest = part("backrest", centre, a, glm::vec3(float(0.5 * kChairBackWidth), halfHeight, halfThick), 2, 1.0f);
  const glm::vec3 lower = centre - halfHeight * y + halfThick * z;  // the middle of the lower front edge
  const float backZ = lower.z;

  const glm::mat3 level(1.0f);
  const float seatHalfDepth = float(0.5 * kChairSeatDepth);
  c.seat = part("seat", glm::vec3(placement.midX, seatTop - float(0.5 * kChairCushion), backZ + seatHalfDepth), level,
                glm::vec3(float(0.5 * kChairSeatWidth), float(0.5 * kChairCushion), seatHalfDepth), 1, 1.0f);

  // The headrest pad lies on the backrest's front, its centre kChairHeadrestAbove up the backrest from the seat.
  const float padHalf = 0.03f;
  const glm::vec3 pad = lower + y * float(kChairHeadrestAbove) + padHalf * z;
  c.headrest = part("headrest", pad, a,
                    glm::vec3(float(0.5 * kChairHeadrestWidth), float(0.5 * kChairHeadrestHeight), padHalf), 2, 1.0f);

  // The armrests flank the seat: blocks from below the cushion to kChairArmAbove over the seat.
  const float armTop = seatTop + float(kChairArmAbove), armBottom = seatTop - float(kChairCushion) - 0.12f;
  const float armHalfLength = float(0.5 * kChairArmLength);
  for (int side = 0; side < 2; ++side) {
    const float sx = side == 0 ? 1.0f : -1.0f;  // the sitter's left is +X
    const glm::vec3 at(placement.midX + sx * float(0.5 * (kChairSeatWidth + kChairArmWidth)), 0.5f * (armTop + armBottom),
                       backZ + armHalfLength);
    ChairPart arm = part(side == 0 ? "armrest-left" : "armrest-right", at, level,
                         glm::vec3(float(0.5 * kChairArmWidth), 0.5f * (armTop - armBottom), armHalfLength), 1, 1.0f);
    (side == 0 ? c.armrestLeft : c.armrestRight) = arm;
  }

  // The leg rest hangs from the seat's front edge, kChairLegRestDeg below the horizontal; the calves lie on
  // its face toward the sitter's legs (up and forward).
  const float angle = float(glm::radians(kChairLegRestDeg));
  const glm::vec3 down(0.0f, -std::sin(angle), std::cos(angle));
  const glm::vec3 rest(0.0f, std::cos(angle), std::sin(angle));
  const glm::vec3 hinge(placement.midX, seatTop - 0.01f, backZ + 2.0f * seatHalfDepth);
  const float wellThick = float(kChairFootWellThick), legHalfThick = 0.06f;
  // It extends (up to kChairLegRestMost) no farther than keeps its lower back edge off the floor.
  const float longest = std::clamp((seatTop - 0.01f - 2.0f * legHalfThick * rest.y) / -down.y,
                                   float(kChairLegRestLength), float(kChairLegRestMost));
  const float along = placement.footRestAlong < 0.0
                          ? float(kChairLegRestLength) - wellThick
                          : std::clamp(float(placement.footRestAlong), 0.2f, longest - wellThick);
  const float legHalfLength = 0.5f * std::max(float(kChairLegRestLength), along + wellThick);
  // Its frame (across, down the rest, out of its face) is right-handed, so "across" points to the sitter's right:
  // a mirrored frame would turn the box inside out.
  c.legRest = part("leg-rest", hinge + down * legHalfLength - rest * legHalfThick,
                   glm::mat3(glm::vec3(-1.0f, 0.0f, 0.0f), down, rest), glm::vec3(0.22f, legHalfLength, legHalfThick),
                   2, 1.0f);
  // The foot wells' floor: a plate across the leg rest whose upper face, where the soles stand, lies `along`
  // down it, standing out of its face by a foot's length.
  const float wellHalfDepth = float(0.5 * kChairFootWellDepth);
  c.footRest = part("foot-rest", hinge + down * (along + 0.5f * wellThick) + rest * wellHalfDepth,
                    glm::mat3(glm::vec3(-1.0f, 0.0f, 0.0f), down, rest),
                    glm::vec3(0.22f, 0.5f * wellThick, wellHalfDepth), 1, -1.0f);

  // The track runs up the middle of the backrest's front face.
  const glm::vec3 faceMid = centre + halfThick * z;
  c.trackBottom = faceMid - float(0.5 * placement.trackLength) * y;
  c.trackTop = faceMid + float(0.5 * placement.trackLength) * y;
  return c;
}

std::vector<ToolShape> chairShapes(const MassageChair& c, const std::vector<glm::vec3>& nodeCentres, double nodeRadius) {
  std::vector<ToolShape> out;
  const glm::mat3& a = c.backrest.axes;
  const glm::vec3 x = a[0], y = a[1], z = a[2];
  // The frame under the seat, and the seat's, backrest's and limbs' upholstery.
  const glm::vec3 seatBottom = c.seat.centre - glm::vec3(0.0f, c.seat.halfSize.y, 0.0f);
  const float baseHalfHeight = 0.5f * std::max(seatBottom.y, 0.02f);
  out.push_back(makeBox(glm::vec3(seatBottom.x, baseHalfHeight, seatBottom.z), glm::mat3(1.0f),
                        glm::vec3(c.seat.halfSize.x, baseHalfHeight, c.seat.halfSize.z * 0.9f), "chair-base",
                        kChairFrameColour, 0.02f));
  out.push_back(boxOf(c.seat, "chair-seat", kChairColour, 0.045f));
  out.push_back(boxOf(c.armrestLeft, "chair-armrest", kChairColour, 0.04f));
  out.push_back(boxOf(c.armrestRight, "chair-armrest", kChairColour, 0.04f));
  out.push_back(boxOf(c.legRest, "chair-legrest", kChairColour, 0.045f));
  out.push_back(boxOf(c.footRest, "chair-footrest", kChairColour, 0.012f));
  out.push_back(boxOf(c.headrest, "chair-headrest", kChairColour, 0.05f));
  // The roller track: two rails near the backrest's edges, in its front face.
  const float railX = c.backrest.halfSize.x - 0.05f;
  const glm::vec3 trackMid = 0.5f * (c.trackBottom + c.trackTop);
  const float trackHalf = 0.5f * glm::length(c.trackTop - c.trackBottom);
  for (const float sx : {-1.0f, 1.0f})
    out.push_back(makeBox(trackMid + sx * railX * x - 0.015f * z, a, glm::vec3(0.015f, trackHalf, 0.015f), "chair-track",
                          kChairFrameColour, 0.008f));
  // The roller unit: a housing riding the rails at the nodes' height, just behind the backrest's face, the
  // nodes standing out of it.
  if (!nodeCentres.empty()) {
    glm::vec3 mean(0.0f);
    for (const glm::vec3& n : nodeCentres) mean += n;
    mean /= float(nodeCentres.size());
    const float along = std::clamp(glm::dot(mean - trackMid, y), -trackHalf, trackHalf);
    out.push_back(makeBox(trackMid + along * y - 0.035f * z, a, glm::vec3(railX, 0.05f, 0.03f), "chair-carriage",
                          kChairRollerColour, 0.015f));
    for (const glm::vec3& n : nodeCentres) out.push_back(makeBall(n, nodeRadius, "chair-roller", kChairRollerColour));
  }
  // Drawn last: the see-through backrest, so the track and the rollers show through it.
  out.push_back(boxOf(c.backrest, "chair-back", kChairColour, 0.055f));
  return out;
}

}  // namespace myo::exercise
