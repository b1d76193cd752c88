// Exercise motion on the shipped model (assets/upper_body.glb): paths follow its own muscles, the
// trapezius set covers most of the middle and lower parts, the feet stay planted. (What a frame costs is a figure
// of `myorelease --bench --exercise ID`, not a test.)
#include <doctest/doctest.h>

#include <filesystem>

#include "exercise/playback.hpp"
#include "exercise/state_json.hpp"
#include "exercise_test_support.hpp"
#include "scene/gltf_loader.hpp"
#include "scene/picking.hpp"

using namespace myo;
using namespace myo::exercise;

namespace {

const std::string& kModel = test::kShippedModel;
const scene::Model& shipped() { return test::shippedModel(); }

const ExerciseSet& exercises() { return test::shippedExercises(); }
using test::meshesNamed;
using test::workSegments;

using test::over;
using test::surfaceNormal;

}  // namespace

TEST_CASE("shipped model: trapezius roller on the midline from T2 to T12, covering most of the middle and lower "
          "trapezius") {
  REQUIRE(std::filesystem::exists(kModel));
  const scene::Model& m = shipped();
  const Playback pb(m, exercises().find("trapezius-foam-roller"));
  REQUIRE(pb.hasRig());
  const auto trapezius = meshesNamed(m, {"trapezius"});
  int frames = 0, trapeziusFirst = 0;
  for (const Segment* work : workSegments(pb.plan())) {
    double lo = 1e9, hi = -1e9;
    for (double t = work->start; t < work->end(); t += 0.25) {
      const MotionFrame f = pb.at(t);
      REQUIRE(f.contact);
      CHECK(std::abs(f.contact->restPoint.x) <= 0.03f);
      lo = std::min(lo, double(f.contact->restPoint.y));
      hi = std::max(hi, double(f.contact->restPoint.y));
      REQUIRE_FALSE(f.contact->meshes.empty());
      ++frames;
      trapeziusFirst += std::find(trapezius.begin(), trapezius.end(), f.contact->meshes.front()) != trapezius.end();
    }
    // The spinous-process skin points of T2 and T12 in the reference (landmarks.json) the model is built from.
    CHECK(std::abs(hi - 1.4599) < 0.015);
    CHECK(std::abs(lo - 1.1795) < 0.015);
  }
  // Near T12 only the latissimus lies under the roller's band: the trapezius ends in a narrow tip there (its
  // lateral border runs straight from the tubercle of the scapular spine to T12, so below about T10 the band is
  // wider than the trapezius).
  MESSAGE("trapezius outermost under the roller in " << trapeziusFirst << " of " << frames << " frames");
  CHECK(trapeziusFirst >= 0.6 * frames);
  const Segment* first = workSegments(pb.plan()).at(0);
  const auto middleLower = meshesNamed(m, {"trapezius_transverse", "trapezius_ascending"});
  const double covered = pb.coverageOf(middleLower, first->end() - 1e-6);
  MESSAGE("middle and lower trapezius covered in one set: " << covered
                                                             << ", whole trapezius: " << pb.at(first->end() - 1e-6).coverage);
  CHECK(covered > 0.5);
}

TEST_CASE("shipped model: the ball presses over rhomboid major, the lat roller over the latissimus") {
  REQUIRE(std::filesystem::exists(kModel));
  const scene::Model& m = shipped();
  const std::vector<glm::mat4> rest = scene::worldTransforms(m, scene::localTransforms(m));
  {
    const Playback pb(m, exercises().find("rhomboid-massage-ball"));
    REQUIRE(pb.triggerPoint());
    const auto major = meshesNamed(m, {"rhomboid_major_L"});
    const Segment* work = workSegments(pb.plan()).at(0);
    for (double t = work->start; t < work->end(); t += 1.0) {
      const MotionFrame f = pb.at(t);
      REQUIRE(f.contact);
      const glm::vec3 p = f.contact->restPoint;
      CHECK(over(m, rest, p, surfaceNormal(m, rest, p, p - glm::vec3(0.0f, 0.0f, 0.15f)), major));
      // Between the spinous processes and the medial border of the scapula (x about 0.088 in the reference).
      CHECK(p.x > 0.02f);
      CHECK(p.x < 0.09f);
    }
  }
  {
    const Playback pb(m, exercises().find("latissimus-foam-roller"));
    for (const Segment* work : workSegments(pb.plan())) {
      const auto lat = meshesNamed(m, {work->side == scene::Side::Left ? "latissimus_dorsi_L" : "latissimus_dorsi_R"});
      int onLat = 0, total = 0;
      for (double t = work->start; t < work->end(); t += 1.0) {
        const MotionFrame f = pb.at(t);
        REQUIRE(f.contact);
        const glm::vec3 p = f.contact->restPoint;
        const glm::vec3 outward = glm::normalize(glm::vec3(p.x, 0.0f, p.z + 0.01f));
        // Start close to the skin: in the standing rest pose the arm hangs a few centimetres away.
        const bool onIt = over(m, rest, p, surfaceNormal(m, rest, p, p + 0.01f * outward), lat);
        onLat += onIt;
        if (!onIt) MESSAGE("p " << p.x << " " << p.y << " " << p.z << " turn " << f.turnDeg);
        ++total;
      }
      MESSAGE("lat contact over the latissimus: " << onLat << " of " << total);
      CHECK(onLat == total);
    }
  }
}

TEST_CASE("shipped model: the feet stay planted while the body rolls or presses") {
  REQUIRE(std::filesystem::exists(kModel));
  const scene::Model& m = shipped();
  const std::vector<glm::mat4> rest = scene::worldTransforms(m, scene::localTransforms(m));
  int ankle = -1;
  for (std::size_t i = 0; i < m.nodes.size(); ++i)
    if (m.nodes[i].name == "ankle_L") ankle = int(i);
  REQUIRE(ankle >= 0);
  const float ankleHeight = rest[std::size_t(ankle)][3].y;
  for (const char* id : {"trapezius-foam-roller", "rhomboid-massage-ball"}) {
    const Playback pb(m, exercises().find(id));
    const Segment* work = workSegments(pb.plan()).at(0);
    glm::vec3 first(0.0f);
    float drift = 0.0f;
    for (double t = work->start; t < work->end(); t += 0.5) {
      const glm::vec3 a = pb.at(t).world[std::size_t(ankle)][3];
      if (t == work->start) first = a;
      drift = std::max(drift, glm::distance(a, first));
      CHECK(std::abs(a.y - ankleHeight) < 0.03f);
    }
    MESSAGE(std::string(id) << ": the left ankle moves at most " << drift << " m during a set");
    CHECK(drift < 0.1f);
  }
}

// The armpit's helper joints are not in the exercise files: every posed frame turns each by half its shoulder's
// turn (relative to the clavicle, as at rest), wherever the pose came from (angles, stretch or the planted limbs'
// IK), so the skin weighted to it follows the arm.
TEST_CASE("shipped model: the axilla helpers turn half as far as their shoulders in every exercise") {
  REQUIRE(std::filesystem::exists(kModel));
  const scene::Model& m = shipped();
  auto nodeNamed = [&](const std::string& n) {
    for (std::size_t i = 0; i < m.nodes.size(); ++i)
      if (m.nodes[i].name == n) return int(i);
    return -1;
  };
  for (const char* id : {"trapezius-foam-roller", "latissimus-foam-roller", "massage-chair"}) {
    const Playback pb(m, exercises().find(id));
    for (const std::string side : {"_L", "_R"}) {
      const int clavicle = nodeNamed("clavicle" + side), shoulder = nodeNamed("shoulder" + side),
                axilla = nodeNamed("axilla" + side);
      REQUIRE(clavicle >= 0);
      REQUIRE(shoulder >= 0);
      REQUIRE(axilla >= 0);
      float widest = 0.0f;
      for (double t : {0.0, 20.0, 28.0, 75.0, 195.0}) {
        const std::vector<glm::mat4> w = pb.at(t).world;
        const glm::quat c = glm::quat_cast(glm::mat3(w[std::size_t(clavicle)]));
        const glm::quat turn = glm::inverse(c) * glm::quat_cast(glm::mat3(w[std::size_t(shoulder)]));
        const glm::quat half = glm::inverse(c) * glm::quat_cast(glm::mat3(w[std::size_t(axilla)]));
        const glm::quat want = glm::slerp(glm::quat(1.0f, 0.0f, 0.0f, 0.0f), turn, 0.5f);
        widest = std::max(widest, glm::degrees(2.0f * std::acos(std::min(1.0f, std::abs(turn.w)))));
        CAPTURE(t);
        CHECK(std::abs(glm::dot(glm::normalize(half), glm::normalize(want))) > 0.9999f);
        CHECK(glm::distance(glm::vec3(w[std::size_t(axilla)][3]), glm::vec3(w[std::size_t(shoulder)][3])) < 1e-4f);
      }
      MESSAGE(std::string(id) << " " << side << ": the shoulder turns up to " << widest << " degrees");
    }
  }
}
