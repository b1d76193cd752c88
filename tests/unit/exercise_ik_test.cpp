// Two-bone IK and the pose solver on small built skeletons: targets reached with the bone lengths kept,
// the hinge toward the pole and within its limits, out-of-reach targets, end rotations, the limbs of a rig
// placed in the world, and the trunk settled onto a plane.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include "exercise/ik.hpp"
#include "exercise/pose_solver.hpp"

using namespace myo;
using namespace myo::exercise;

namespace {

/// A leg hanging from a pelvis: pelvis (0, 1, 0) -> hip (0.1, 0, 0) -> knee 0.45 below -> ankle 0.42 below,
/// the knee set 2 cm forward of the line so that the leg has a natural bend direction.
scene::Model builtLeg() {
  scene::Model m;
  const auto add = [&](const char* name, int parent, glm::vec3 t) {
    scene::Node n;
    n.name = name;
    n.parent = parent;
    n.translation = t;
    if (parent >= 0) m.nodes[std::size_t(parent)].children.push_back(int(m.nodes.size()));
    else m.roots.push_back(int(m.nodes.size()));
    m.nodes.push_back(n);
  };
  add("pelvis", -1, {0.0f, 1.0f, 0.0f});
  add("hip_L", 0, {0.1f, 0.0f, 0.0f});
  add("knee_L", 1, {0.0f, -0.45f, 0.02f});
  add("ankle_L", 2, {0.0f, -0.42f, -0.02f});
  return m;
}

/// Adds joint `name` under `parent`, offset by `t`; its index.
int addJoint(scene::Model& m, const char* name, int parent, glm::vec3 t) {
  scene::Node n;
  n.name = name;
  n.parent = parent;
  n.translation = t;
  m.nodes[std::size_t(parent)].children.push_back(int(m.nodes.size()));
  m.nodes.push_back(n);
  return int(m.nodes.size()) - 1;
}

/// The built leg with the other leg and the trunk's joints: a rig the pose solver can find limbs in.
scene::Model builtLegs(std::initializer_list<const char*> extras) {
  scene::Model m = builtLeg();
  addJoint(m, "hip_R", 0, {-0.1f, 0.0f, 0.0f});
  addJoint(m, "knee_R", 4, {0.0f, -0.45f, 0.02f});
  addJoint(m, "ankle_R", 5, {0.0f, -0.42f, -0.02f});
  for (const char* extra : extras) addJoint(m, extra, 0, {0.0f, 0.1f, 0.0f});
  return m;
}

glm::vec3 at(const scene::Model& m, const std::vector<glm::mat4>& local, int n) {
  return glm::vec3(ik::nodeWorld(m, local, n)[3]);
}

const ik::Chain kLeg{1, 2, 3};
const ik::HingeLimits kKnee{{1.0f, 0.0f, 0.0f}, 0.0f, 150.0f};

}  // namespace

TEST_CASE("two-bone IK reaches a target within reach and keeps the bone lengths") {
  const scene::Model m = builtLeg();
  const auto rest = scene::localTransforms(m);
  for (const glm::vec3 target : {glm::vec3(0.1f, 0.3f, 0.4f), glm::vec3(0.3f, 0.4f, 0.2f), glm::vec3(0.0f, 0.5f, 0.6f)}) {
    auto local = rest;
    const ik::Result r = ik::solveTwoBone(m, rest, local, kLeg, kKnee, {target, {0.0f, 0.0f, 1.0f}});
    CHECK(r.reached);
    CHECK(glm::distance(at(m, local, 3), target) < 1e-4f);
    CHECK(glm::distance(at(m, local, 1), at(m, local, 2)) == doctest::Approx(glm::length(glm::vec3(0, -0.45f, 0.02f))).epsilon(1e-4));
    CHECK(glm::distance(at(m, local, 2), at(m, local, 3)) == doctest::Approx(glm::length(glm::vec3(0, -0.42f, -0.02f))).epsilon(1e-4));
    CHECK(r.hingeDeg >= 0.0f);
    CHECK(r.hingeDeg <= 150.0f);
    // The hip stays where it was: only rotations change.
    CHECK(glm::distance(at(m, local, 1), at(m, rest, 1)) < 1e-6f);
  }
}

TEST_CASE("two-bone IK bends the hinge toward the pole") {
  const scene::Model m = builtLeg();
  const auto rest = scene::localTransforms(m);
  const glm::vec3 target(0.1f, 0.4f, 0.3f);
  for (const glm::vec3 pole : {glm::vec3(0, 0, 1), glm::vec3(1, 0, 0), glm::vec3(-1, 0.2f, 0)}) {
    auto local = rest;
    const ik::Result r = ik::solveTwoBone(m, rest, local, kLeg, kKnee, {target, pole});
    REQUIRE(r.reached);
    const glm::vec3 hip = at(m, local, 1), knee = at(m, local, 2);
    const glm::vec3 line = glm::normalize(target - hip);
    glm::vec3 off = knee - hip;
    off -= glm::dot(off, line) * line;
    glm::vec3 across = pole - glm::dot(pole, line) * line;
    CHECK(glm::dot(glm::normalize(off), glm::normalize(across)) > 0.999f);
  }
}

TEST_CASE("two-bone IK: out of reach the limb points at the target; too close, the hinge stops at its limit") {
  const scene::Model m = builtLeg();
  const auto rest = scene::localTransforms(m);
  auto local = rest;
  const glm::vec3 far(0.1f, 1.0f - 1.2f, 0.3f);
  ik::Result r = ik::solveTwoBone(m, rest, local, kLeg, kKnee, {far, {0, 0, 1}});
  CHECK_FALSE(r.reached);
  const glm::vec3 hip = at(m, local, 1), ankle = at(m, local, 3);
  CHECK(glm::dot(glm::normalize(ankle - hip), glm::normalize(far - hip)) > 0.9999f);
  CHECK(r.errorM == doctest::Approx(glm::distance(far, hip) - glm::distance(hip, ankle)).epsilon(1e-3));

  // A target 10 cm from the hip would need the knee folded past 150 degrees.
  local = rest;
  r = ik::solveTwoBone(m, rest, local, kLeg, kKnee, {glm::vec3(0.1f, 0.9f, 0.05f), {0, 0, 1}});
  CHECK_FALSE(r.reached);
  CHECK(r.hingeDeg == doctest::Approx(150.0f).epsilon(1e-4));

  // A knee that may only flex: the hinge angle never goes negative, whatever the pole.
  local = rest;
  r = ik::solveTwoBone(m, rest, local, kLeg, kKnee, {glm::vec3(0.1f, 0.3f, 0.1f), {0, 0, -1}});
  CHECK(r.hingeDeg >= 0.0f);
}

TEST_CASE("the end joint takes a given world rotation") {
  const scene::Model m = builtLeg();
  auto local = scene::localTransforms(m);
  local[1] = local[1] * glm::mat4_cast(glm::angleAxis(0.7f, glm::normalize(glm::vec3(1, 0.3f, 0))));
  const glm::quat want = glm::angleAxis(0.4f, glm::vec3(0, 1, 0));
  ik::setWorldRotation(m, local, 3, want);
  const glm::quat got = glm::quat_cast(glm::mat3(ik::nodeWorld(m, local, 3)));
  CHECK(std::abs(glm::dot(got, want)) > 0.99999f);
}

TEST_CASE("pose solver: planted feet of a rig placed in the world") {
  // The built leg as a rig with both legs: the solver finds the limbs by name.
  const scene::Model m = builtLegs({"spine_lumbar", "spine_thoracic_lower", "neck", "head", "shoulder_L"});
  const Rig rig = findRig(m);
  REQUIRE(rig.usable());
  REQUIRE(limbOf(m, rig, Limb::FootL));
  CHECK_FALSE(limbOf(m, rig, Limb::HandL));  // no elbow or wrist

  // Lying on the back (rotated -85 degrees about X), pelvis 0.3 m up, knees toward the sky, feet flat.
  const glm::mat4 body = glm::translate(glm::mat4(1.0f), glm::vec3(0, 0.3f - std::cos(glm::radians(85.0f)), 0)) *
                         glm::rotate(glm::mat4(1.0f), glm::radians(-85.0f), glm::vec3(1, 0, 0));
  const glm::vec3 pelvis = glm::vec3(body * glm::vec4(0, 1, 0, 1));
  std::vector<LimbGoal> goals;
  for (float x : {0.19f, -0.19f}) {
    LimbGoal g;
    g.limb = x > 0 ? Limb::FootL : Limb::FootR;
    g.goal = {glm::vec3(x, 0.07f, pelvis.z + 0.55f), {0, 1, 0}};
    g.endRotation = glm::quat(1, 0, 0, 0);
    goals.push_back(g);
  }
  const SolvedPose solved = solvePose(m, rig, scene::localTransforms(m), body, goals);
  REQUIRE(solved.results.size() == 2);
  const auto world = scene::worldTransforms(m, solved.local);
  for (int i = 0; i < 2; ++i) {
    CHECK(solved.results[std::size_t(i)].reached);
    const int ankle = i == 0 ? 3 : 6, knee = i == 0 ? 2 : 5;
    const glm::vec3 a = glm::vec3(body * world[std::size_t(ankle)][3]);
    CHECK(glm::distance(a, goals[std::size_t(i)].goal.target) < 1e-3f);
    CHECK(glm::vec3(body * world[std::size_t(knee)][3]).y > pelvis.y);  // knees up
    const glm::mat3 foot = glm::mat3(body) * glm::mat3(world[std::size_t(ankle)]);
    CHECK(foot[1].y > 0.9999f);  // the foot's up stays up: flat on the floor
  }
}

TEST_CASE("the trunk settles about its first support until it touches the floor") {
  // A rod from the pivot (on a roller top, 0.15 m up) tilted up by 0.3 rad: turning it about the roller's
  // axis brings its far end down to the floor.
  const glm::vec3 pivot(0, 0.15f, 0);
  std::vector<glm::vec3> rod;
  for (int i = 1; i <= 10; ++i) rod.push_back(pivot + 0.1f * float(i) * glm::vec3(0, std::sin(0.3f), std::cos(0.3f)));
  const Plane floor{{0, 0, 0}, {0, 1, 0}};
  const double a = settleAbout(rod, pivot, {1, 0, 0}, floor, 0.0, 1.0);
  const glm::mat4 r = rotationAbout(pivot, {1, 0, 0}, a);
  float lowest = 1.0f;
  for (const glm::vec3& p : rod) lowest = std::min(lowest, glm::vec3(r * glm::vec4(p, 1.0f)).y);
  CHECK(std::abs(lowest) < 1e-4f);
  CHECK(a == doctest::Approx(0.3 + std::asin(0.15)).epsilon(1e-3));
  // Out of range: the nearest end of it.
  CHECK(settleAbout(rod, pivot, {1, 0, 0}, floor, 0.0, 0.2) == doctest::Approx(0.2));
}

TEST_CASE("the shoulder girdle turns only as far as the arm needs, within its limit") {
  // The leg's chain stands in for an arm: its pelvis for the sternoclavicular joint, the hip 10 cm out for the
  // shoulder, the knee and ankle for the elbow and wrist (0.87 m of limb).
  const scene::Model m = builtLeg();
  const auto rest = scene::localTransforms(m);
  const ik::GirdleLimits limits{20.0f, 20.0f};
  const float a = glm::length(glm::vec3(0, -0.45f, 0.02f)), b = glm::length(glm::vec3(0, -0.42f, -0.02f));
  const float reach = std::sqrt(a * a + b * b + 2.0f * a * b * std::cos(glm::radians(20.0f)));
  {
    // Within reach: nothing turns.
    auto local = rest;
    CHECK(ik::reachWithGirdle(m, rest, local, 0, kLeg, limits, {0.1f, 0.3f, 0.3f}) == 0.0f);
    CHECK(local[0] == rest[0]);
  }
  {
    // 2 cm beyond reach below and to the inside: the shoulder swings toward the target until the arm reaches
    // it with the elbow bent 20 degrees; the girdle's own joint stays put and the shoulder keeps its distance.
    const glm::vec3 shoulder = at(m, rest, 1);
    const glm::vec3 target = shoulder + (reach + 0.02f) * glm::normalize(glm::vec3(-0.2f, -1.0f, 0.0f));
    auto local = rest;
    const float deg = ik::reachWithGirdle(m, rest, local, 0, kLeg, limits, target);
    CHECK(deg > 0.0f);
    CHECK(deg <= 20.0f + 1e-3f);
    CHECK(glm::distance(at(m, local, 1), target) == doctest::Approx(reach).epsilon(1e-3));
    CHECK(glm::distance(at(m, local, 0), at(m, rest, 0)) < 1e-6f);
    CHECK(glm::distance(at(m, local, 1), at(m, local, 0)) == doctest::Approx(0.1f).epsilon(1e-4));
    // Then the two-bone solve reaches it.
    CHECK(ik::solveTwoBone(m, rest, local, kLeg, kKnee, {target, {0.0f, 0.0f, 1.0f}}).reached);
  }
  {
    // Far beyond: the girdle stops at its limit.
    const glm::vec3 target = at(m, rest, 1) + glm::vec3(-0.3f, -1.2f, 0.0f);
    auto local = rest;
    CHECK(ik::reachWithGirdle(m, rest, local, 0, kLeg, limits, target) == doctest::Approx(20.0f).epsilon(1e-3));
  }
}

// A hand set down palm first turns over in the forearm (pronation and supination are the forearm's, between
// radius and ulna), not at the wrist: the wrist keeps only its bend, the hand its place and orientation.
TEST_CASE("pose solver: a planted hand's turn about the forearm is taken by the forearm, not the wrist") {
  scene::Model m = builtLegs({"spine_lumbar", "spine_thoracic_lower", "neck", "head"});
  const int shoulder = addJoint(m, "shoulder_L", 0, {0.2f, 0.45f, 0.0f});
  const int elbow = addJoint(m, "elbow_L", shoulder, {0.0f, -0.30f, -0.02f});
  const int wrist = addJoint(m, "wrist_L", elbow, {0.0f, -0.25f, 0.02f});
  const Rig rig = findRig(m);
  REQUIRE(rig.usable());
  REQUIRE(limbOf(m, rig, Limb::HandL));
  const glm::mat4 body(1.0f);
  const glm::vec3 target(0.35f, 1.05f, 0.3f);
  LimbGoal g;
  g.limb = Limb::HandL;
  g.goal = {target, {0.0f, 0.0f, -1.0f}};
  // The palm down and the fingers forward: a half turn about the forearm from the hanging hand as well as a bend.
  g.endRotation = glm::normalize(glm::quat_cast(glm::mat3(glm::vec3(0, 1, 0), glm::vec3(0, 0, -1), glm::vec3(-1, 0, 0))));
  const std::vector<glm::mat4> rest = scene::localTransforms(m);
  const SolvedPose solved = solvePose(m, rig, rest, body, {g});
  REQUIRE(solved.results.size() == 1);
  CHECK(solved.results[0].reached);
  const auto world = scene::worldTransforms(m, solved.local);
  CHECK(glm::distance(glm::vec3(world[std::size_t(wrist)][3]), target) < 1e-3f);
  // The hand as the goal asks.
  const glm::quat hand = glm::normalize(glm::quat_cast(glm::mat3(world[std::size_t(wrist)])));
  CHECK(std::abs(glm::dot(hand, *g.endRotation)) > 0.9999f);
  // The wrist's turn from rest has no part about the forearm's axis; the elbow's does.
  const glm::vec3 axis = glm::normalize(glm::vec3(solved.local[std::size_t(wrist)][3]));
  const glm::quat turn = glm::normalize(glm::quat_cast(glm::mat3(solved.local[std::size_t(wrist)]))) *
                         glm::inverse(glm::normalize(glm::quat_cast(glm::mat3(rest[std::size_t(wrist)]))));
  CHECK(std::abs(glm::dot(glm::vec3(turn.x, turn.y, turn.z), axis)) < 1e-4f);
  const glm::quat forearm = glm::normalize(glm::quat_cast(glm::mat3(solved.local[std::size_t(elbow)])));
  CHECK(std::abs(glm::dot(glm::vec3(forearm.x, forearm.y, forearm.z), axis)) > 0.1f);
}
