// The exercise poses measured on --export files of the shipped model (written, then read back by the loader) at
// the start, middle and end of each work phase, in the middle of each stretch and of each side switch:
// - planted feet (and the latissimus' top hand) on the floor within 1 cm; standing feet in the stretch too;
// - no skin vertex more than 1 cm inside the floor, the roller, the ball, the wall or the chair;
// - the tool touching the body within 1 cm during the work;
// - planted feet slipping at most 1 cm over a work phase.
// The checks the poses do not meet yet are marked may_fail (the pose solver is to meet them): the trapezius
// roller's feet slip about 8 cm over a stroke; the latissimus' top foot and hand hang 30-50 cm above the floor,
// the trunk sinks 2-3 cm into it and the planted limbs slide 25 cm; the body sits 4 cm into the chair's seat.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "exercise/playback.hpp"
#include "exercise/scene_export.hpp"
#include "exercise_test_support.hpp"
#include "scene/gltf_loader.hpp"
#include "scene/skinning.hpp"

namespace fs = std::filesystem;
using namespace myo;
using namespace myo::exercise;

namespace {

const std::string kModel = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";
constexpr float kTolerance = 0.01f;  // 1 cm

const scene::Model& shipped() {
  static const scene::Model model = scene::loadGltf(kModel);
  return model;
}

/// One exported moment: the skin as read back from the file, and the frame it came from (for the shapes and the
/// planted limbs).
struct Moment {
  std::string label;
  Phase phase = Phase::Work;
  int work = -1;  ///< index of the work segment, for work moments
  MotionFrame frame;
  std::vector<glm::vec3> skin;
};

/// Which skin vertices belong to a hand or foot: at rest, the foot lies below 12 cm, the hanging hand below the
/// wrist and outside the thigh, each on its side.
std::vector<std::size_t> limbVertices(const std::vector<glm::vec3>& restSkin, Limb limb, float wristY) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < restSkin.size(); ++i) {
    const glm::vec3 p = restSkin[i];
    const bool left = p.x > 0.0f;
    switch (limb) {
      case Limb::FootL:
      case Limb::FootR:
        if (p.y < 0.12f && left == (limb == Limb::FootL)) out.push_back(i);
        break;
      case Limb::HandL:
      case Limb::HandR:
        if (p.y < wristY - 0.02f && std::abs(p.x) > 0.16f && p.y > 0.5f && left == (limb == Limb::HandL))
          out.push_back(i);
        break;
    }
  }
  return out;
}

float lowest(const std::vector<glm::vec3>& v, const std::vector<std::size_t>& idx) {
  float y = std::numeric_limits<float>::max();
  for (std::size_t i : idx) y = std::min(y, v[i].y);
  return y;
}

glm::vec3 centroid(const std::vector<glm::vec3>& v, const std::vector<std::size_t>& idx) {
  glm::vec3 c(0.0f);
  for (std::size_t i : idx) c += v[i];
  return idx.empty() ? c : c / float(idx.size());
}

/// Signed distance from `p` to a shape's surface (negative inside), metres.
float signedDistance(const ToolShape& s, const glm::vec3& p) {
  const glm::vec3 l = glm::vec3(glm::inverse(s.transform) * glm::vec4(p, 1.0f));
  const glm::vec3 scale(glm::length(glm::vec3(s.transform[0])), glm::length(glm::vec3(s.transform[1])),
                        glm::length(glm::vec3(s.transform[2])));
  switch (s.kind) {
    case ToolShape::Kind::Sphere:
      return (glm::length(l) - 1.0f) * scale.x;
    case ToolShape::Kind::Cylinder: {
      const float radial = (std::hypot(l.x, l.z) - 1.0f) * scale.x, along = (std::abs(l.y) - 1.0f) * scale.y;
      return radial > 0.0f || along > 0.0f ? std::hypot(std::max(radial, 0.0f), std::max(along, 0.0f))
                                           : std::max(radial, along);
    }
    case ToolShape::Kind::Box: {
      const glm::vec3 q = (glm::abs(l) - glm::vec3(1.0f)) * scale;
      return glm::length(glm::max(q, glm::vec3(0.0f))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f);
    }
  }
  return 0.0f;
}

bool isTool(const ToolShape& s) { return s.role == "roller" || s.role == "ball" || s.role == "chair-roller"; }

struct Measured {
  std::vector<Moment> moments;
  std::vector<glm::vec3> restSkin;
  float wristY = 0.0f;
};

/// Every moment of one exercise, exported and read back (computed once per exercise).
const Measured& measured(const std::string& id) {
  static std::map<std::string, Measured> cache;
  if (auto it = cache.find(id); it != cache.end()) return it->second;
  Measured& out = cache[id];
  const scene::Model& m = shipped();
  const Playback pb(m, test::shippedExercises().find(id));
  const fs::path dir = fs::path(MYO_BINARY_DIR) / "tests" / "pose";
  fs::create_directories(dir);
  auto skinOf = [](const scene::Model& model, const std::vector<glm::mat4>& world) {
    for (int node : scene::meshNodes(model))
      if (model.meshes[std::size_t(model.nodes[std::size_t(node)].mesh)].name == "skin")
        return scene::posedWorldPositions(model, node, 0, world);
    return std::vector<glm::vec3>{};
  };
  out.restSkin = skinOf(m, test::restWorld(m));
  for (std::size_t i = 0; i < m.nodes.size(); ++i)
    if (m.nodes[i].name == "wrist_L") out.wristY = test::restWorld(m)[i][3].y;
  auto add = [&](const std::string& label, const Segment& seg, int work, double t) {
    Moment mo;
    mo.label = label;
    mo.phase = seg.phase;
    mo.work = work;
    mo.frame = pb.at(t);
    const fs::path file = dir / (id + ".glb");
    writePosedGlb(file, m, mo.frame.world, {mo.frame.tools, {}});
    const scene::Model back = scene::loadGltf(file);
    mo.skin = skinOf(back, test::restWorld(back));
    out.moments.push_back(std::move(mo));
  };
  int work = 0;
  for (const Segment& seg : pb.plan().segments) {
    const std::string side = seg.side == scene::Side::Right ? " right" : (seg.side == scene::Side::Left ? " left" : "");
    if (seg.phase == Phase::Work) {
      add("work " + std::to_string(work + 1) + side + " start", seg, work, seg.start + 0.25);
      add("work " + std::to_string(work + 1) + side + " middle", seg, work, seg.start + 0.5 * seg.duration);
      add("work " + std::to_string(work + 1) + side + " end", seg, work, seg.end() - 0.25);
      ++work;
    } else if (seg.phase == Phase::Stretch || seg.phase == Phase::Switch) {
      add(std::string(phaseName(seg.phase)) + side, seg, -1, seg.start + 0.5 * seg.duration);
    }
  }
  return out;
}

bool haveModel() {
  if (fs::exists(kModel)) return true;
  MESSAGE("no " << kModel << " yet");
  return false;
}

void checkPlantedOnFloor(const std::string& id) {
  if (!haveModel()) return;
  const Measured& me = measured(id);
  for (const Moment& mo : me.moments) {
    CAPTURE(mo.label);
    std::vector<Limb> limbs;
    if (mo.phase == Phase::Stretch) {
      limbs = {Limb::FootL, Limb::FootR};  // standing
    } else {
      for (const PlantedLimb& p : mo.frame.planted) limbs.push_back(p.limb);
    }
    for (Limb limb : limbs) {
      CAPTURE(limbName(limb));
      const float y = lowest(mo.skin, limbVertices(me.restSkin, limb, me.wristY));
      CAPTURE(y);
      CHECK(std::abs(y) <= kTolerance);
    }
  }
}

void checkNothingInside(const std::string& id) {
  if (!haveModel()) return;
  const Measured& me = measured(id);
  for (const Moment& mo : me.moments) {
    CAPTURE(mo.label);
    float floorDepth = 0.0f;
    for (const glm::vec3& p : mo.skin) floorDepth = std::max(floorDepth, -p.y);
    CAPTURE(floorDepth);
    CHECK(floorDepth <= kTolerance);
    if (mo.phase == Phase::Stretch) continue;  // the body stands clear of the equipment
    for (const ToolShape& s : mo.frame.tools) {
      float depth = 0.0f;
      for (const glm::vec3& p : mo.skin) depth = std::max(depth, -signedDistance(s, p));
      CAPTURE(s.role);
      CAPTURE(depth);
      CHECK(depth <= kTolerance);
    }
  }
}

void checkToolTouches(const std::string& id) {
  if (!haveModel()) return;
  const Measured& me = measured(id);
  for (const Moment& mo : me.moments) {
    if (mo.phase != Phase::Work) continue;
    CAPTURE(mo.label);
    for (const ToolShape& s : mo.frame.tools) {
      if (!isTool(s)) continue;
      float gap = std::numeric_limits<float>::max();
      for (const glm::vec3& p : mo.skin) gap = std::min(gap, signedDistance(s, p));
      CAPTURE(s.role);
      CAPTURE(gap);
      CHECK(gap <= kTolerance);
    }
  }
}

void checkFeetStay(const std::string& id) {
  if (!haveModel()) return;
  const Measured& me = measured(id);
  std::map<std::pair<int, int>, glm::vec3> first;
  for (const Moment& mo : me.moments) {
    if (mo.phase != Phase::Work) continue;
    for (const PlantedLimb& p : mo.frame.planted) {
      const glm::vec3 c = centroid(mo.skin, limbVertices(me.restSkin, p.limb, me.wristY));
      const auto key = std::make_pair(mo.work, int(p.limb));
      if (!first.count(key)) {
        first[key] = c;
        continue;
      }
      CAPTURE(mo.label);
      CAPTURE(limbName(p.limb));
      const float slip = glm::distance(c, first[key]);
      CAPTURE(slip);
      CHECK(slip <= kTolerance);
    }
  }
}

}  // namespace

// The measuring itself: the limb vertices exist, and a pose that is known to be wrong is caught.
TEST_CASE("pose measures: hands and feet are found on the skin, and distances to the shapes are signed") {
  if (!haveModel()) return;
  const Measured& me = measured("trapezius-foam-roller");
  for (Limb l : {Limb::FootL, Limb::FootR, Limb::HandL, Limb::HandR}) {
    CAPTURE(limbName(l));
    CHECK(limbVertices(me.restSkin, l, me.wristY).size() > 20);
  }
  // Standing at rest the soles touch the floor.
  CHECK(std::abs(lowest(me.restSkin, limbVertices(me.restSkin, Limb::FootL, me.wristY))) < kTolerance);
  const ToolShape ball = makeBall({0.0f, 1.0f, 0.0f}, 0.1);
  CHECK(signedDistance(ball, {0.0f, 1.0f, 0.0f}) == doctest::Approx(-0.1));
  CHECK(signedDistance(ball, {0.0f, 1.3f, 0.0f}) == doctest::Approx(0.2));
  const ToolShape roller = makeRoller({0.0f, 0.1f, 0.0f}, {1.0f, 0.0f, 0.0f}, 0.1, 1.0, 0.0);
  CHECK(signedDistance(roller, {0.2f, 0.1f, 0.05f}) == doctest::Approx(-0.05).epsilon(0.01));
  CHECK(signedDistance(roller, {0.2f, 0.35f, 0.0f}) == doctest::Approx(0.15).epsilon(0.01));
}

TEST_CASE("planted limbs come from the file and mirror with the side") {
  if (!haveModel()) return;
  const Measured& me = measured("latissimus-foam-roller");
  for (const Moment& mo : me.moments) {
    if (mo.phase != Phase::Work) continue;
    CAPTURE(mo.label);
    std::vector<Limb> limbs;
    for (const PlantedLimb& p : mo.frame.planted) {
      limbs.push_back(p.limb);
      // Where each belongs lies on the floor (the ankle or wrist joint a few centimetres up).
      CHECK(p.target.y > 0.0f);
      CHECK(p.target.y < 0.12f);
    }
    const bool left = mo.frame.timer.side == scene::Side::Left;
    CHECK(limbs == (left ? std::vector<Limb>{Limb::FootR, Limb::HandR} : std::vector<Limb>{Limb::FootL, Limb::HandL}));
  }
  for (const Moment& mo : measured("trapezius-foam-roller").moments)
    if (mo.phase == Phase::Work) CHECK(mo.frame.planted.size() == 2);
  for (const Moment& mo : measured("massage-chair").moments) CHECK(mo.frame.planted.empty());
}

TEST_CASE("trapezius roller pose: planted feet on the floor") { checkPlantedOnFloor("trapezius-foam-roller"); }
TEST_CASE("trapezius roller pose: no skin inside the floor or the roller") {
  checkNothingInside("trapezius-foam-roller");
}
TEST_CASE("trapezius roller pose: the roller touches the back") { checkToolTouches("trapezius-foam-roller"); }
TEST_CASE("trapezius roller pose: the feet stay put over a work phase" * doctest::may_fail()) {
  checkFeetStay("trapezius-foam-roller");
}

TEST_CASE("rhomboid ball pose: planted feet on the floor") { checkPlantedOnFloor("rhomboid-massage-ball"); }
TEST_CASE("rhomboid ball pose: no skin inside the floor, the ball or the wall") {
  checkNothingInside("rhomboid-massage-ball");
}
TEST_CASE("rhomboid ball pose: the ball touches the back") { checkToolTouches("rhomboid-massage-ball"); }
TEST_CASE("rhomboid ball pose: the feet stay put over a work phase") { checkFeetStay("rhomboid-massage-ball"); }

TEST_CASE("latissimus roller pose: the top foot and hand on the floor" * doctest::may_fail()) {
  checkPlantedOnFloor("latissimus-foam-roller");
}
TEST_CASE("latissimus roller pose: no skin inside the floor or the roller" * doctest::may_fail()) {
  checkNothingInside("latissimus-foam-roller");
}
TEST_CASE("latissimus roller pose: the roller touches the side") { checkToolTouches("latissimus-foam-roller"); }
TEST_CASE("latissimus roller pose: the planted foot and hand stay put over a work phase" * doctest::may_fail()) {
  checkFeetStay("latissimus-foam-roller");
}

TEST_CASE("massage chair pose: feet on the floor in the stretch") { checkPlantedOnFloor("massage-chair"); }
TEST_CASE("massage chair pose: no skin inside the floor or the chair" * doctest::may_fail()) {
  checkNothingInside("massage-chair");
}
TEST_CASE("massage chair pose: the rollers touch the back") { checkToolTouches("massage-chair"); }
