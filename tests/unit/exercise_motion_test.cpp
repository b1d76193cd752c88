// Exercise motion on a small built model: tool paths from the muscle geometry, rolling kinematics,
// contact, coverage, determinism, models without a rig or without target muscles, and the --state JSON.
#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include <glm/gtc/constants.hpp>

#include "exercise/playback.hpp"
#include "exercise/state_json.hpp"
#include "exercise_test_support.hpp"
#include "scene/muscle_names.hpp"
#include "scene/picking.hpp"

using namespace myo;
using namespace myo::exercise;

namespace {

// The built trunk: an elliptic tube (half-widths kA across, kB front to back) with muscle sheets just
// under it, at the reference's heights (landmarks.json): trapezius from T12 (1.1833) to the inion (1.635).
constexpr float kA = 0.17f, kB = 0.11f;
constexpr double kT2 = 1.4576, kT12 = 1.1833;

glm::vec3 onTube(float thetaDeg, float y, float scale) {
  const float t = glm::radians(thetaDeg);
  return {scale * kA * std::sin(t), y, -scale * kB * std::cos(t)};
}

glm::vec3 tubeNormal(float thetaDeg) {
  const float t = glm::radians(thetaDeg);
  return glm::normalize(glm::vec3(std::sin(t) / kA, 0.0f, -std::cos(t) / kB));
}

/// A patch of the tube between two angles (degrees from the back, + toward the subject's left) and two
/// heights; `thick` adds an inner layer facing inward, as a muscle sheet has.
void addPatch(scene::Primitive& p, float th0, float th1, float y0, float y1, float scale, float thick, int nt = 24,
              int ny = 24) {
  for (int layer = 0; layer < (thick > 0.0f ? 2 : 1); ++layer) {
    const float s = layer == 0 ? scale : scale - thick;
    const float sign = layer == 0 ? 1.0f : -1.0f;
    const auto base = std::uint32_t(p.positions.size());
    for (int j = 0; j <= ny; ++j)
      for (int i = 0; i <= nt; ++i) {
        const float th = th0 + (th1 - th0) * float(i) / float(nt);
        p.positions.push_back(onTube(th, y0 + (y1 - y0) * float(j) / float(ny), s));
        p.normals.push_back(sign * tubeNormal(th));
      }
    for (int j = 0; j < ny; ++j)
      for (int i = 0; i < nt; ++i) {
        const std::uint32_t a = base + std::uint32_t(j * (nt + 1) + i), b = a + 1, c = a + std::uint32_t(nt + 1),
                            d = c + 1;
        if (layer == 0) {
          p.indices.insert(p.indices.end(), {a, c, b, b, c, d});
        } else {
          p.indices.insert(p.indices.end(), {a, b, c, b, d, c});
        }
      }
  }
}

struct Joint {
  const char* name;
  const char* parent;
  glm::vec3 world;
};

/// The built model; `rig` adds the skeleton (all trunk vertices follow the lower thoracic joint), `muscles`
/// the muscle sheets (otherwise only the skin).
scene::Model builtModel(bool rig = true, bool muscles = true) {
  scene::Model m;
  m.source = "built";
  const std::vector<Joint> joints = {
      {"pelvis", nullptr, {0, 0.93f, 0.02f}},         {"spine_lumbar", "pelvis", {0, 1.03f, 0.05f}},
      {"spine_thoracic_lower", "spine_lumbar", {0, 1.175f, 0.036f}},
      {"spine_thoracic_upper", "spine_thoracic_lower", {0, 1.36f, 0.007f}},
      {"neck", "spine_thoracic_upper", {0, 1.51f, 0.043f}}, {"head", "neck", {0, 1.63f, 0.07f}},
      {"clavicle_L", "spine_thoracic_upper", {0.025f, 1.428f, 0.085f}},
      {"shoulder_L", "clavicle_L", {0.194f, 1.393f, 0.038f}}, {"elbow_L", "shoulder_L", {0.215f, 1.105f, 0.03f}},
      {"wrist_L", "elbow_L", {0.225f, 0.844f, 0.035f}},
      {"clavicle_R", "spine_thoracic_upper", {-0.025f, 1.428f, 0.085f}},
      {"shoulder_R", "clavicle_R", {-0.194f, 1.393f, 0.038f}}, {"elbow_R", "shoulder_R", {-0.215f, 1.105f, 0.03f}},
      {"wrist_R", "elbow_R", {-0.225f, 0.844f, 0.035f}},
      {"hip_L", "pelvis", {0.088f, 0.9f, 0.062f}},     {"knee_L", "hip_L", {0.095f, 0.49f, 0.038f}},
      {"ankle_L", "knee_L", {0.09f, 0.073f, 0.0f}},    {"hip_R", "pelvis", {-0.088f, 0.9f, 0.062f}},
      {"knee_R", "hip_R", {-0.095f, 0.49f, 0.038f}},   {"ankle_R", "knee_R", {-0.09f, 0.073f, 0.0f}},
  };
  scene::Skin skin;
  if (rig) {
    for (const Joint& j : joints) {
      scene::Node n;
      n.name = j.name;
      glm::vec3 parentWorld(0.0f);
      for (std::size_t p = 0; p < m.nodes.size(); ++p)
        if (j.parent && m.nodes[p].name == j.parent) {
          n.parent = int(p);
          m.nodes[p].children.push_back(int(m.nodes.size()));
          parentWorld = joints[p].world;
        }
      n.translation = j.world - parentWorld;
      if (!j.parent) m.roots.push_back(int(m.nodes.size()));
      skin.joints.push_back(int(m.nodes.size()));
      skin.inverseBind.push_back(glm::translate(glm::mat4(1.0f), -j.world));
      m.nodes.push_back(n);
    }
    m.skins.push_back(skin);
  }
  auto addMesh = [&](const std::string& name, auto&& fill) {
    scene::Mesh mesh;
    mesh.name = name;
    scene::Primitive p;
    fill(p);
    if (rig) {
      p.joints.assign(p.positions.size(), glm::u16vec4(2, 0, 0, 0));  // spine_thoracic_lower
      p.weights.assign(p.positions.size(), glm::vec4(1, 0, 0, 0));
    }
    mesh.primitives.push_back(std::move(p));
    scene::Node n;
    n.name = name;
    n.mesh = int(m.meshes.size());
    n.skin = rig ? 0 : -1;
    m.roots.push_back(int(m.nodes.size()));
    m.nodes.push_back(n);
    m.meshes.push_back(std::move(mesh));
    scene::MeshRole role;
    role.muscle = scene::recognizeMuscle(name);
    role.tissue = scene::recognizeTissue(name);
    m.roles.push_back(role);
  };
  addMesh("skin", [](scene::Primitive& p) { addPatch(p, -180.0f, 180.0f, 0.85f, 1.70f, 1.0f, 0.0f, 72, 48); });
  if (muscles) {
    for (float side : {1.0f, -1.0f}) {
      const std::string s = side > 0 ? "_L" : "_R";
      auto patch = [side](float a, float b, float y0, float y1, float scale, float thick) {
        return [=](scene::Primitive& p) {
          addPatch(p, side > 0 ? a : -b, side > 0 ? b : -a, y0, y1, scale, thick);
        };
      };
      addMesh("trapezius_descending" + s, patch(0.0f, 80.0f, 1.50f, 1.635f, 0.95f, 0.02f));
      addMesh("trapezius_transverse" + s, patch(0.0f, 80.0f, 1.42f, 1.50f, 0.95f, 0.02f));
      addMesh("trapezius_ascending" + s, patch(0.0f, 40.0f, 1.1833f, 1.42f, 0.95f, 0.02f));
      addMesh("rhomboid_major" + s, patch(5.0f, 35.0f, 1.30f, 1.44f, 0.90f, 0.02f));
      addMesh("rhomboid_minor" + s, patch(5.0f, 35.0f, 1.44f, 1.47f, 0.90f, 0.02f));
      addMesh("latissimus_dorsi" + s, patch(40.0f, 100.0f, 1.0f, 1.36f, 0.95f, 0.02f));
    }
  }
  return m;
}

const ExerciseSet& exercises() { return test::shippedExercises(); }
using test::meshesNamed;
using test::workSegments;

/// Whether a ray from just outside `p` along -normal meets one of `meshes` within 8 cm (model at rest).
bool underneath(const scene::Model& m, const glm::vec3& p, const glm::vec3& normal, const std::vector<int>& meshes) {
  return test::over(m, test::restWorld(m), p, normal, meshes);
}

/// The outward surface normal at a point of the outer surface (model at rest).
glm::vec3 surfaceNormalAt(const scene::Model& m, const glm::vec3& p, const glm::vec3& outside) {
  return test::surfaceNormal(m, test::restWorld(m), p, outside);
}

}  // namespace

TEST_CASE("trapezius roller: contact on the midline from T2 to T12 in every work phase") {
  const scene::Model m = builtModel();
  const Playback pb(m, exercises().find("trapezius-foam-roller"));
  REQUIRE(pb.hasRig());
  const auto trapezius = meshesNamed(m, {"trapezius"});
  for (const Segment* work : workSegments(pb.plan())) {
    double lo = 1e9, hi = -1e9;
    for (double t = work->start; t < work->end(); t += 0.1) {
      const MotionFrame f = pb.at(t);
      REQUIRE(f.contact);
      CHECK(f.contact->pressed);
      CHECK(std::abs(f.contact->restPoint.x) <= 0.03f);
      lo = std::min(lo, double(f.contact->restPoint.y));
      hi = std::max(hi, double(f.contact->restPoint.y));
      REQUIRE_FALSE(f.contact->meshes.empty());
      CHECK(std::find(trapezius.begin(), trapezius.end(), f.contact->meshes.front()) != trapezius.end());
    }
    CHECK(hi == doctest::Approx(kT2).epsilon(0.01));
    CHECK(lo == doctest::Approx(kT12).epsilon(0.01));
  }
}

TEST_CASE("trapezius roller: rolling without slip") {
  const scene::Model m = builtModel();
  const Exercise& ex = exercises().find("trapezius-foam-roller");
  const Playback pb(m, ex);
  const int pelvis = 0;
  const Segment* work = workSegments(pb.plan()).at(1);
  const double r = 0.5 * ex.equipment.diameterM;
  // Intervals within the first downward stroke and across a reversal.
  for (auto [a, b] : {std::pair{0.5, 2.5}, std::pair{1.0, 4.0}, std::pair{0.0, 8.0}}) {
    const MotionFrame f0 = pb.at(work->start + a), f1 = pb.at(work->start + b);
    double travel = 0.0;
    glm::vec3 prev = f0.contact->restPoint;
    const int steps = 2000;
    for (int i = 1; i <= steps; ++i) {
      const glm::vec3 p = pb.at(work->start + a + (b - a) * i / steps).contact->restPoint;
      travel += glm::distance(prev, p);
      prev = p;
    }
    const double net = std::abs(f1.travel - f0.travel);  // arc length between the two ends
    const glm::vec3 dc = f1.toolPosition - f0.toolPosition;
    const glm::vec3 dp = glm::vec3(f1.world[pelvis][3]) - glm::vec3(f0.world[pelvis][3]);
    CHECK(std::abs(dc.y) < 1e-5f);  // the roller stays on the floor
    CHECK(glm::length(dc) == doctest::Approx(net).epsilon(1e-3));
    CHECK(glm::length(glm::vec2(dp.x, dp.z)) == doctest::Approx(2.0 * net).epsilon(1e-3));
    CHECK(std::abs(f1.rollAngle - f0.rollAngle) == doctest::Approx(net / r).epsilon(1e-3));
    if (b <= 2.5) CHECK(travel == doctest::Approx(net).epsilon(0.01));  // one direction only
    CHECK(f0.toolPosition.y == doctest::Approx(r));
    // The contact sits on top of the roller (lifted a few millimetres where the skinned back bulges past it).
    CHECK(f0.contact->worldPoint.y >= 2.0 * r - 1e-4);
    CHECK(f0.contact->worldPoint.y < 2.0 * r + 0.003);
    CHECK(glm::distance(glm::vec2(f0.contact->worldPoint.x, f0.contact->worldPoint.z),
                        glm::vec2(f0.toolPosition.x, f0.toolPosition.z)) < 0.02f);
  }
}

TEST_CASE("trapezius roller: one set covers most of the middle and lower trapezius") {
  const scene::Model m = builtModel();
  const Playback pb(m, exercises().find("trapezius-foam-roller"));
  const Segment* work = workSegments(pb.plan()).at(0);
  const auto middleLower = meshesNamed(m, {"trapezius_transverse", "trapezius_ascending"});
  CHECK(pb.at(1.0).coverage == 0.0);
  const double start = pb.coverageOf(middleLower, work->start);
  const double full = pb.coverageOf(middleLower, work->end() - 1e-6);
  MESSAGE("middle and lower trapezius covered in one set: " << full << " (first touch: " << start << ")");
  CHECK(full > 0.5);
  CHECK(start < 0.5 * full);  // at first only the band under the roller at T2
  double last = 0.0;
  for (double t = work->start; t < work->end(); t += 1.0) {
    const MotionFrame f = pb.at(t);
    CHECK(f.coverage >= last);
    last = f.coverage;
    CHECK(f.coveredPath.size() <= 64);
    CHECK_FALSE(f.coveredPath.empty());
  }
  // The stretch after the set still shows what that set covered; the next set starts from nothing.
  const MotionFrame stretch = pb.at(work->end() + 1.0);
  CHECK(stretch.timer.phase == Phase::Stretch);
  CHECK_FALSE(stretch.contact);
  CHECK(stretch.coverage >= last);
  CHECK(pb.at(workSegments(pb.plan()).at(1)->start).coverage < 0.5 * last);
}

TEST_CASE("massage ball: contact over rhomboid major, and clicking moves the trigger point") {
  const scene::Model m = builtModel();
  Playback pb(m, exercises().find("rhomboid-massage-ball"));
  const auto majorL = meshesNamed(m, {"rhomboid_major_L"});
  const auto majorR = meshesNamed(m, {"rhomboid_major_R"});
  REQUIRE(pb.triggerPoint());
  CHECK(pb.triggerPoint()->x > 0.0f);  // the left side by default
  const Segment* work = workSegments(pb.plan()).at(0);
  double lo = 1e9, hi = -1e9;
  for (double t = work->start; t < work->end(); t += 0.5) {
    const MotionFrame f = pb.at(t);
    REQUIRE(f.contact);
    const glm::vec3 p = f.contact->restPoint;
    const glm::vec3 n = surfaceNormalAt(m, p, p - glm::vec3(0, 0, 0.1f));
    CHECK(underneath(m, p, n, majorL));
    lo = std::min(lo, double(p.y));
    hi = std::max(hi, double(p.y));
    // The ball sits between the back and the wall.
    CHECK(glm::distance(f.toolPosition, f.contact->worldPoint) == doctest::Approx(0.03175).epsilon(0.01));
  }
  CHECK(hi - lo > 0.02);  // short strokes of a few centimetres
  CHECK(hi - lo < 0.06);

  const auto snapped = pb.setTriggerPoint({-0.05f, 1.36f, -0.2f});
  REQUIRE(snapped);
  CHECK(snapped->x < 0.0f);
  const MotionFrame f = pb.at(work->start + 3.0);
  REQUIRE(f.contact);
  CHECK(f.contact->restPoint.x < 0.0f);
  CHECK(std::abs(f.contact->restPoint.y - snapped->y) < 0.03f);
  const glm::vec3 n = surfaceNormalAt(m, f.contact->restPoint, f.contact->restPoint - glm::vec3(0, 0, 0.1f));
  CHECK(underneath(m, f.contact->restPoint, n, majorR));
}

TEST_CASE("latissimus roller: contact over the latissimus of the side being worked") {
  const scene::Model m = builtModel();
  const Playback pb(m, exercises().find("latissimus-foam-roller"));
  const auto latL = meshesNamed(m, {"latissimus_dorsi_L"});
  const auto latR = meshesNamed(m, {"latissimus_dorsi_R"});
  std::set<scene::Side> sides;
  for (const Segment* work : workSegments(pb.plan())) {
    sides.insert(work->side);
    double turnMax = 0.0, lo = 1e9, hi = -1e9;
    for (double t = work->start; t < work->end(); t += 0.5) {
      const MotionFrame f = pb.at(t);
      REQUIRE(f.contact);
      const glm::vec3 p = f.contact->restPoint;
      const glm::vec3 axis(0.0f, p.y, 0.0f);
      const glm::vec3 n = surfaceNormalAt(m, p, p + 0.1f * glm::normalize(p - axis));
      CHECK(underneath(m, p, n, work->side == scene::Side::Left ? latL : latR));
      CHECK((work->side == scene::Side::Left ? p.x > 0.05f : p.x < -0.05f));
      turnMax = std::max(turnMax, f.turnDeg);
      lo = std::min(lo, double(p.y));
      hi = std::max(hi, double(p.y));
      // Side-lying: the trunk's long axis lies level, the roller on the floor under the contact.
      CHECK(f.toolPosition.y == doctest::Approx(0.0762));
    }
    CHECK(turnMax == doctest::Approx(exercises().find("latissimus-foam-roller").tool.path.turnDeg).epsilon(0.02));
    CHECK(turnMax > 5.0);
    CHECK(hi == doctest::Approx(1.30).epsilon(0.01));  // just below the armpit
    CHECK(lo == doctest::Approx(1.17).epsilon(0.01));  // the lower ribs
  }
  CHECK(sides == std::set<scene::Side>{scene::Side::Left, scene::Side::Right});
}

TEST_CASE("massage chair: two rollers either side of the spine over the upper back") {
  const scene::Model m = builtModel();
  const Exercise& ex = exercises().find("massage-chair");
  const Playback pb(m, ex);
  const Segment* work = workSegments(pb.plan()).at(0);
  const MotionFrame f = pb.at(work->start + 10.0);
  REQUIRE(f.contacts.size() == 2);
  CHECK(f.contacts[0].restPoint.x == doctest::Approx(ex.tool.path.lateralM).epsilon(0.05));
  CHECK(f.contacts[1].restPoint.x == doctest::Approx(-ex.tool.path.lateralM).epsilon(0.05));
  int rollers = 0;
  std::set<std::string> roles;
  for (const ToolShape& s : f.tools) {
    roles.insert(s.role);
    rollers += s.role == "chair-roller";
  }
  CHECK(rollers == 2);
  CHECK(roles.count("chair-seat"));
  CHECK(roles.count("chair-back"));
  CHECK(f.coverage > 0.0);
}

TEST_CASE("playback is a function of time alone") {
  const scene::Model m = builtModel();
  for (const char* id : {"trapezius-foam-roller", "latissimus-foam-roller", "rhomboid-massage-ball"}) {
    const Playback a(m, exercises().find(id)), b(m, exercises().find(id));
    for (double t : {0.0, 7.3, 21.0, 44.4, 70.0, 300.0}) {
      const MotionFrame fa = a.at(t), fb = b.at(t), fa2 = a.at(t);
      CHECK(fa.world == fb.world);
      CHECK(fa.world == fa2.world);
      CHECK(fa.coverage == fb.coverage);
      CHECK(fa.toolPosition == fb.toolPosition);
      CHECK(fa.contact.has_value() == fb.contact.has_value());
      if (fa.contact && fb.contact) CHECK(fa.contact->restPoint == fb.contact->restPoint);
    }
  }
}

TEST_CASE("a model without a rig stays standing while the tool travels over the muscle") {
  const scene::Model m = builtModel(false);
  const Playback pb(m, exercises().find("trapezius-foam-roller"));
  CHECK_FALSE(pb.hasRig());
  const Segment* work = workSegments(pb.plan()).at(0);
  const std::vector<glm::mat4> rest = scene::worldTransforms(m, scene::localTransforms(m));
  const MotionFrame f0 = pb.at(work->start + 1.0), f1 = pb.at(work->start + 3.0);
  CHECK(f0.world == rest);
  REQUIRE(f0.contact);
  REQUIRE(f1.contact);
  CHECK(glm::distance(f0.contact->restPoint, f1.contact->restPoint) > 0.01f);
  CHECK(glm::distance(f0.contact->worldPoint, f0.contact->restPoint) < 1e-5f);
  // The roller rides on the back, behind the body.
  CHECK(f0.toolPosition.z < f0.contact->restPoint.z);
  CHECK(glm::distance(f0.toolPosition, f0.contact->restPoint) == doctest::Approx(0.0762).epsilon(1e-3));
}

TEST_CASE("a model without target muscles plays with no contact") {
  const scene::Model m = builtModel(true, false);
  for (const Exercise& ex : exercises().exercises) {
    const Playback pb(m, ex);
    for (double t : {0.0, 10.0, 40.0, 200.0}) {
      const MotionFrame f = pb.at(t);
      CHECK_FALSE(f.contact);
      CHECK(f.contacts.empty());
      CHECK(f.coverage == 0.0);
      CHECK(f.world.size() == m.nodes.size());
    }
    const nlohmann::json j = exerciseStateJson(m, ex, 12.0);
    CHECK(j["contact"]["point"].is_null());
    CHECK(j["contact"]["muscles"].empty());
  }
}

TEST_CASE("--state JSON: timer, tool and contact") {
  const scene::Model m = builtModel();
  const Exercise& ex = exercises().find("trapezius-foam-roller");
  const nlohmann::json j = exerciseStateJson(m, ex, 12.0);
  CHECK(j["exercise"] == "trapezius-foam-roller");
  CHECK(j["phase"] == "work");
  CHECK(j["set"] == 1);
  CHECK(j["side"].is_null());
  CHECK(j["tool"]["kind"] == "foam-roller");
  REQUIRE(j["tool"]["position"].is_array());
  CHECK(j["tool"]["position"].size() == 3);
  REQUIRE(j["contact"]["point"].is_array());
  CHECK(std::abs(j["contact"]["point"][0].get<double>()) < 0.03);
  REQUIRE_FALSE(j["contact"]["muscles"].empty());
  CHECK(j["contact"]["muscles"][0].get<std::string>().rfind("trapezius", 0) == 0);
  CHECK(j["contact"]["coverage"].get<double>() > 0.0);
  CHECK(j["contact"]["coverage"].get<double>() <= 1.0);
  const nlohmann::json lat = exerciseStateJson(m, exercises().find("latissimus-foam-roller"), 12.0);
  CHECK(lat["side"] == "left");
  CHECK(lat["contact"]["muscles"][0] == "latissimus_dorsi_L");
  const nlohmann::json stretch = exerciseStateJson(m, ex, 5.0 + 35.0 + 10.0);
  CHECK(stretch["phase"] == "stretch");
  CHECK(stretch["contact"]["point"].is_null());
}
