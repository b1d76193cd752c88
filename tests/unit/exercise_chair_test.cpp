// The massage chair: its parts to the reference's dimensions, joined as a chair, standing on the floor, with
// resting faces toward the sitter and a roller unit on its track.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>

#include "exercise/equipment.hpp"

using namespace myo::exercise;

namespace {

constexpr float kPi = 3.14159265358979323846f;

/// A backrest reclined by `deg` from the vertical, its front face through `front`.
ChairPlacement reclined(float deg, const glm::vec3& front) {
  const float a = deg * kPi / 180.0f;
  const glm::vec3 up(0.0f, std::cos(a), -std::sin(a));  // leaning back, away from +Z
  const glm::vec3 out(0.0f, std::sin(a), std::cos(a));  // the front face looks forward and a little up
  return {front, glm::mat3(glm::vec3(1.0f, 0.0f, 0.0f), up, out), front.x};
}

float lowestCorner(const ChairPart& p) {
  float lowest = 1e9f;
  for (int c = 0; c < 8; ++c) {
    const glm::vec3 s(c & 1 ? 1.0f : -1.0f, c & 2 ? 1.0f : -1.0f, c & 4 ? 1.0f : -1.0f);
    lowest = std::min(lowest, (p.centre + p.axes * (s * p.halfSize)).y);
  }
  return lowest;
}

}  // namespace

TEST_CASE("the chair's parts have the reference's sizes and join as a chair") {
  for (const float recline : {0.0f, 12.0f, 25.0f}) {
    CAPTURE(recline);
    const MassageChair c = makeMassageChair(reclined(recline, {0.02f, 0.95f, -0.10f}));
    // Seat: its top at the seat height, as deep and wide as the reference's.
    CHECK(c.seat.surfaceCentre.y == doctest::Approx(kChairSeatTop));
    CHECK(c.seat.surfaceNormal.y == doctest::Approx(1.0f));
    CHECK(2.0f * c.seat.halfSize.z == doctest::Approx(kChairSeatDepth));
    CHECK(2.0f * c.seat.halfSize.x == doctest::Approx(kChairSeatWidth));
    // Backrest: its front face through the given point, its lower front edge on the seat's back edge.
    CHECK(c.backrest.heightAbove({0.02f, 0.95f, -0.10f}) == doctest::Approx(0.0f).epsilon(1e-4));
    const glm::vec3 lowerFront = c.backrest.centre - c.backrest.axes[1] * c.backrest.halfSize.y +
                                 c.backrest.axes[2] * c.backrest.halfSize.z;
    CHECK(lowerFront.y == doctest::Approx(kChairSeatTop).epsilon(1e-4));
    CHECK(lowerFront.z == doctest::Approx(c.seat.centre.z - c.seat.halfSize.z).epsilon(1e-4));
    CHECK(2.0f * c.backrest.halfSize.y == doctest::Approx(kChairBackHeight));
    CHECK(2.0f * c.backrest.halfSize.x == doctest::Approx(kChairBackWidth));
    CHECK(c.backrest.surfaceNormal.z == doctest::Approx(std::cos(recline * kPi / 180.0f)).epsilon(1e-4));
    // Headrest: on the backrest's front, facing the same way, within the backrest's height.
    CHECK(glm::dot(c.headrest.surfaceNormal, c.backrest.surfaceNormal) == doctest::Approx(1.0f));
    CHECK(c.headrest.heightAbove(c.backrest.surfaceCentre) < 0.0f);  // it stands out of the backrest
    const float up = glm::dot(c.headrest.centre - lowerFront, c.backrest.axes[1]);
    CHECK(up == doctest::Approx(kChairHeadrestAbove));
    CHECK(up + c.headrest.halfSize.y <= kChairBackHeight + 1e-4);
    // Armrests: tops kChairArmAbove over the seat, either side of it, as long and wide as the reference's.
    for (const ChairPart* arm : {&c.armrestLeft, &c.armrestRight}) {
      CHECK(arm->surfaceCentre.y == doctest::Approx(kChairSeatTop + kChairArmAbove));
      CHECK(std::abs(arm->centre.x - c.seat.centre.x) - arm->halfSize.x >= c.seat.halfSize.x - 1e-4f);
      CHECK(2.0f * arm->halfSize.z == doctest::Approx(kChairArmLength));
      CHECK(2.0f * arm->halfSize.x == doctest::Approx(kChairArmWidth));
    }
    CHECK(c.armrestLeft.centre.x > c.seat.centre.x);  // the sitter's left is +X
    CHECK(c.armrestRight.centre.x < c.seat.centre.x);
    // Leg rest: hanging from the seat's front edge at the reference's angle, its face toward the calves.
    const ChairPart& leg = c.legRest;
    const glm::vec3 top = leg.centre - leg.axes[1] * leg.halfSize.y + leg.axes[2] * leg.halfSize.z;
    CHECK(top.z == doctest::Approx(c.seat.centre.z + c.seat.halfSize.z).epsilon(1e-4));
    CHECK(std::abs(top.y - float(kChairSeatTop)) < 0.02f);
    CHECK(std::asin(-leg.axes[1].y) * 180.0f / kPi == doctest::Approx(kChairLegRestDeg).epsilon(1e-3));
    CHECK(leg.surfaceNormal.z > 0.0f);
    CHECK(leg.surfaceNormal.y > 0.0f);
    CHECK(2.0f * leg.halfSize.y == doctest::Approx(kChairLegRestLength));
    // Foot rest: across the leg rest's lower end, its face looking up the leg rest, a foot's length out of it.
    const ChairPart& well = c.footRest;
    CHECK(glm::dot(well.surfaceNormal, -leg.axes[1]) == doctest::Approx(1.0f));
    CHECK(glm::dot(well.surfaceCentre - top, leg.axes[1]) == doctest::Approx(kChairLegRestLength - kChairFootWellThick));
    CHECK(2.0f * well.halfSize.z == doctest::Approx(kChairFootWellDepth));
    CHECK(leg.heightAbove(well.centre - well.axes[2] * well.halfSize.z) == doctest::Approx(0.0f).epsilon(1e-4));
    CHECK(2.0f * well.halfSize.x == doctest::Approx(2.0f * leg.halfSize.x));
    // Everything stands on or above the floor.
    for (const ChairPart* p : c.parts()) {
      CAPTURE(p->name);
      CHECK(lowestCorner(*p) >= -1e-3f);
    }
    // The track runs up the backrest's face, as long as the reference's S-track.
    CHECK(glm::length(c.trackTop - c.trackBottom) == doctest::Approx(kChairTrackLength));
    CHECK(c.backrest.heightAbove(c.trackTop) == doctest::Approx(0.0f).epsilon(1e-4));
  }
}

TEST_CASE("the chair's parts are named, and a resting face tells how far a point is above it") {
  const MassageChair c = makeMassageChair(reclined(20.0f, {0.0f, 0.9f, -0.1f}));
  std::set<std::string> names;
  for (const ChairPart* p : c.parts()) names.insert(p->name);
  CHECK(names ==
        std::set<std::string>{"seat", "backrest", "headrest", "armrest-left", "armrest-right", "leg-rest", "foot-rest"});
  CHECK(c.seat.heightAbove(c.seat.surfaceCentre + glm::vec3(0.05f, 0.01f, 0.1f)) == doctest::Approx(0.01f));
  CHECK(c.backrest.heightAbove(c.backrest.surfaceCentre - 0.02f * c.backrest.surfaceNormal) ==
        doctest::Approx(-0.02f));
}

TEST_CASE("the chair's shapes: upholstery, track, and a roller unit that follows the nodes") {
  const MassageChair c = makeMassageChair(reclined(20.0f, {0.0f, 0.9f, -0.1f}));
  const glm::vec3 y = c.backrest.axes[1];
  auto carriageAt = [&](float along) {
    const glm::vec3 mid = 0.5f * (c.trackBottom + c.trackTop) + along * y;
    const std::vector<glm::vec3> nodes{mid + 0.06f * c.backrest.axes[0], mid - 0.06f * c.backrest.axes[0]};
    const std::vector<ToolShape> shapes = chairShapes(c, nodes, 0.03);
    std::multiset<std::string> roles;
    glm::vec3 carriage(0.0f);
    for (const ToolShape& s : shapes) {
      roles.insert(s.role);
      if (s.role == "chair-carriage") carriage = glm::vec3(s.transform[3]);
      if (s.role == "chair-roller") CHECK(glm::length(glm::vec3(s.transform[0])) == doctest::Approx(0.03f));
    }
    CHECK(roles.count("chair-roller") == 2);
    CHECK(roles.count("chair-carriage") == 1);
    CHECK(roles.count("chair-track") == 2);
    for (const char* role :
         {"chair-seat", "chair-back", "chair-headrest", "chair-legrest", "chair-footrest", "chair-base"})
      CHECK(roles.count(role) == 1);
    CHECK(roles.count("chair-armrest") == 2);
    // The see-through backrest is drawn last, over what it holds.
    CHECK(shapes.back().role == "chair-back");
    return glm::dot(carriage - c.trackBottom, y);
  };
  // The carriage rides the track with the nodes, and stops at its ends.
  const float low = carriageAt(-0.2f), high = carriageAt(0.25f), beyond = carriageAt(2.0f);
  CHECK(high - low == doctest::Approx(0.45f).epsilon(1e-3));
  CHECK(beyond == doctest::Approx(kChairTrackLength).epsilon(1e-3));
}

// A mirrored frame turns a box inside out: its faces wind the other way, so culling keeps the inner ones and the
// light falls on it from behind (the part then looks pale and see-through).
TEST_CASE("every shape of the chair is placed by a right-handed frame, at any recline") {
  for (const float deg : {0.0f, 20.0f, 35.0f}) {
    const MassageChair c = makeMassageChair(reclined(deg, {0.0f, 0.9f, -0.1f}));
    const glm::vec3 mid = 0.5f * (c.trackBottom + c.trackTop);
    for (const ToolShape& s : chairShapes(c, {mid + 0.06f * c.backrest.axes[0], mid - 0.06f * c.backrest.axes[0]}, 0.03)) {
      CAPTURE(deg);
      CAPTURE(s.role);
      CHECK(glm::determinant(glm::mat3(s.transform)) > 0.0f);
    }
    for (const ChairPart* p : c.parts()) {
      CAPTURE(p->name);
      CHECK(glm::determinant(p->axes) == doctest::Approx(1.0f).epsilon(1e-4));
    }
  }
}

// The foot rest goes where the soles are: down the leg rest, which extends past it (within the reference's
// 0.42-0.55 m, and as far as the floor lets it), never shorter than its own length.
TEST_CASE("the foot rest lies where the placement puts it, the leg rest extending past it") {
  for (const double along : {0.25, 0.30, 0.385, 0.48, 0.70}) {
    ChairPlacement placement = reclined(25.0f, {0.0f, 0.9f, -0.1f});
    placement.footRestAlong = along;
    const MassageChair c = makeMassageChair(placement);
    const ChairPart& leg = c.legRest;
    const glm::vec3 top = leg.centre - leg.axes[1] * leg.halfSize.y + leg.axes[2] * leg.halfSize.z;
    const float at = glm::dot(c.footRest.surfaceCentre - top, leg.axes[1]);
    CAPTURE(along);
    CAPTURE(at);
    if (along + kChairFootWellThick <= kChairLegRestLength) CHECK(at == doctest::Approx(along).epsilon(1e-4));
    else CHECK(at <= float(along) + 1e-4f);
    // Never past the leg rest's end, which keeps within the reference's lengths and off the floor.
    CHECK(at + float(kChairFootWellThick) <= 2.0f * leg.halfSize.y + 1e-4f);
    CHECK(2.0f * leg.halfSize.y >= float(kChairLegRestLength) - 1e-4f);
    CHECK(2.0f * leg.halfSize.y <= float(kChairLegRestMost) + 1e-4f);
    CHECK(lowestCorner(c.footRest) >= -1e-3f);
    CHECK(lowestCorner(leg) >= -1e-3f);
  }
}
