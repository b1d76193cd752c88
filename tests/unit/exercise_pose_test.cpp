// The exercise poses of the shipped model, measured two ways.
// On --export files (written, then read back by the loader) at the start, middle and end of each work phase, in
// the middle of each stretch and of each side switch:
// - planted feet (and the latissimus' top hand) on the floor within 1 cm; standing feet in the stretch too;
// - no skin vertex more than 1 cm inside the floor, the roller, the ball, the wall or the chair (in the stretch too);
// - the tool touching the body within 1 cm during the work;
// - planted feet slipping at most 1 cm over a work phase.
// On the skinned skin of the frames at five moments of the first work phase of each side, the switch and the
// stretch: no skin through the floor or the wall, forearms and hands outside the trunk and head, the roller's
// contact patch at most 4 cm deep, the tool touching the body at its contact, the planted limbs (as the frame
// reports them, from the file) on the floor and not sliding; in the massage chair, the body on the seat and the
// backrest (neither more than 1 cm into them), the forearms and hands on the armrests (within 2 cm) and the head
// on the headrest. In the stretch of every exercise (into it, held, out of it): hands and forearms outside the trunk
// and head.
// The shipped model is required: these tests fail where assets/upper_body.glb is missing.
#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <filesystem>
#include <map>
#include <set>
#include <unordered_map>

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

/// The skin mesh's node and, per vertex, the name of the joint that moves it most.
struct SkinInfo {
  int node = -1;
  std::vector<std::string> joint;
  std::vector<glm::vec3> restNormal;
};

const SkinInfo& skinInfo() {
  static const SkinInfo info = [] {
    SkinInfo s;
    const scene::Model& m = shipped();
    for (std::size_t n = 0; n < m.nodes.size(); ++n)
      if (m.nodes[n].mesh >= 0 && m.meshes[std::size_t(m.nodes[n].mesh)].name == "skin") s.node = int(n);
    REQUIRE(s.node >= 0);
    const scene::Node& node = m.nodes[std::size_t(s.node)];
    const scene::Primitive& p = m.meshes[std::size_t(node.mesh)].primitives.at(0);
    const scene::Skin& skin = m.skins.at(std::size_t(node.skin));
    for (std::size_t v = 0; v < p.positions.size(); ++v) {
      int best = 0;
      for (int k = 1; k < 4; ++k)
        if (p.weights[v][k] > p.weights[v][best]) best = k;
      s.joint.push_back(m.nodes[std::size_t(skin.joints[p.joints[v][best]])].name);
    }
    s.restNormal = p.normals;
    return s;
  }();
  return info;
}

/// Which skin vertices belong to a hand or foot: at rest, the foot lies below 12 cm, the hanging hand below the
/// wrist and outside the thigh, each on its side; of the hand only the vertices that follow the wrist most (the
/// side of the thigh beside the hanging hand lies in the same box).
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
        if (p.y < wristY - 0.02f && std::abs(p.x) > 0.16f && p.y > 0.5f && left == (limb == Limb::HandL) &&
            skinInfo().joint[i] == limbJoint(limb))
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

bool isTool(const ToolShape& s) {
  return s.role == "roller" || s.role == "ball" || s.role == "chair-roller";
}

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

void requireModel() {
  REQUIRE_MESSAGE(fs::exists(kModel), "the shipped model " << kModel << " is missing");
}

void checkPlantedOnFloor(const std::string& id) {
  requireModel();
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
  requireModel();
  const Measured& me = measured(id);
  for (const Moment& mo : me.moments) {
    CAPTURE(mo.label);
    float floorDepth = 0.0f;
    for (const glm::vec3& p : mo.skin) floorDepth = std::max(floorDepth, -p.y);
    CAPTURE(floorDepth);
    CHECK(floorDepth <= kTolerance);
    // In the stretch too: the body stands clear of the equipment, which stays where it was left.
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
  requireModel();
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
  requireModel();
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

bool startsWith(const std::string& s, std::string_view p) {
  return s.rfind(p, 0) == 0;
}
bool isTrunk(const std::string& j) {
  return j == "pelvis" || startsWith(j, "spine") || j == "neck" || j == "head";
}
bool isForearmOrHand(const std::string& j) {
  return startsWith(j, "elbow") || startsWith(j, "wrist");
}

struct Posed {
  std::vector<glm::vec3> p;
  std::vector<glm::vec3> n;
};

Posed posedSkin(const MotionFrame& f) {
  const scene::Model& m = shipped();
  const SkinInfo& info = skinInfo();
  Posed out;
  out.p = scene::posedWorldPositions(m, info.node, 0, f.world);
  // Normals turned by the joint that moves each vertex most (enough to tell inside from outside).
  std::map<std::string, glm::mat3> turn;
  const auto rest = test::restWorld(m);
  for (std::size_t n = 0; n < m.nodes.size(); ++n)
    turn[m.nodes[n].name] = glm::mat3(f.world[n]) * glm::inverse(glm::mat3(rest[n]));
  out.n.resize(out.p.size());
  for (std::size_t v = 0; v < out.p.size(); ++v) out.n[v] = glm::normalize(turn[info.joint[v]] * info.restNormal[v]);
  return out;
}

float lowestOf(const Posed& s, std::string_view joint) {
  float lo = 1e9f;
  for (std::size_t v = 0; v < s.p.size(); ++v)
    if (skinInfo().joint[v] == joint) lo = std::min(lo, s.p[v].y);
  return lo;
}

glm::vec3 meanOf(const Posed& s, std::string_view joint) {
  glm::vec3 sum(0.0f);
  int n = 0;
  for (std::size_t v = 0; v < s.p.size(); ++v)
    if (skinInfo().joint[v] == joint) {
      sum += s.p[v];
      ++n;
    }
  return sum / float(std::max(n, 1));
}

/// The deepest forearm or hand vertex under the trunk and head skin or the other arm's shoulder and upper-arm skin
/// (metres; negative outside): the body vertex nearest to it and that vertex's normal tell the side.
std::string deepestArm;

float armIntoTrunk(const Posed& s) {
  const SkinInfo& info = skinInfo();
  constexpr float kCell = 0.03f;
  const auto key = [&](const glm::vec3& p) {
    const glm::ivec3 c = glm::ivec3(glm::floor(p / kCell));
    return ((std::int64_t(c.x) + (1 << 20)) << 42) | ((std::int64_t(c.y) + (1 << 20)) << 21) |
           (std::int64_t(c.z) + (1 << 20));
  };
  // Against the trunk and head, and against the other arm's shoulder and upper arm (a hand laid across the
  // chest on the opposite shoulder rests on its skin, not in it). Own-side joints are left out: the elbow
  // fold closes on itself.
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> grid[3];  // trunk, left arm, right arm
  const auto endsWith = [](const std::string& j, std::string_view e) {
    return j.size() >= e.size() && j.compare(j.size() - e.size(), e.size(), e) == 0;
  };
  const auto armSide = [&](const std::string& j) {
    if (!(startsWith(j, "shoulder") || startsWith(j, "clavicle"))) return -1;
    return endsWith(j, "_L") ? 1 : (endsWith(j, "_R") ? 2 : -1);
  };
  for (std::size_t v = 0; v < s.p.size(); ++v) {
    if (isTrunk(info.joint[v])) grid[0][key(s.p[v])].push_back(std::uint32_t(v));
    const int a = armSide(info.joint[v]);
    if (a > 0) grid[a][key(s.p[v])].push_back(std::uint32_t(v));
  }
  float deepest = -1.0f;
  for (std::size_t v = 0; v < s.p.size(); ++v) {
    const std::string& j = info.joint[v];
    if (!isForearmOrHand(j)) continue;
    const int other = endsWith(j, "_L") ? 2 : 1;
    float bestD = 1e9f;
    std::uint32_t best = 0;
    for (int g : {0, other})
      for (int dx = -2; dx <= 2; ++dx)
        for (int dy = -2; dy <= 2; ++dy)
          for (int dz = -2; dz <= 2; ++dz) {
            const auto it = grid[g].find(key(s.p[v] + kCell * glm::vec3(dx, dy, dz)));
            if (it == grid[g].end()) continue;
            for (std::uint32_t t : it->second) {
              const float d = glm::distance(s.p[v], s.p[t]);
              if (d < bestD) {
                bestD = d;
                best = t;
              }
            }
          }
    if (bestD > 0.06f) continue;
    const float into = -glm::dot(s.p[v] - s.p[best], s.n[best]);
    if (into > deepest) {
      deepest = into;
      deepestArm = info.joint[v] + " under " + info.joint[best];
    }
  }
  return deepest;
}

/// How far the skin reaches into a roller (metres; negative when clear).
float intoRoller(const Posed& s, const ToolShape& roller) {
  const glm::vec3 c(roller.transform[3]);
  const glm::vec3 axis = glm::normalize(glm::vec3(roller.transform[1]));
  const float half = glm::length(glm::vec3(roller.transform[1])), r = glm::length(glm::vec3(roller.transform[0]));
  float deepest = -1.0f;
  for (const glm::vec3& p : s.p) {
    const float along = glm::dot(p - c, axis);
    if (std::abs(along) > half) continue;
    deepest = std::max(deepest, r - glm::length(p - c - along * axis));
  }
  return deepest;
}

const ToolShape* toolOf(const MotionFrame& f, std::string_view role) {
  for (const ToolShape& t : f.tools)
    if (t.role == role) return &t;
  return nullptr;
}

struct Probe {
  double t;
  std::string what;
  bool work;
};

/// Start, middle and end of the first work phase of each side, the switch and the stretch.
std::vector<Probe> probes(const TimerPlan& plan) {
  std::vector<Probe> out;
  std::set<int> sides;
  for (const Segment& s : plan.segments) {
    if (s.phase == Phase::Work && sides.insert(int(s.side)).second) {
      out.push_back({s.start + 0.01, "work start", true});
      out.push_back({s.start + 0.25 * s.duration, "work quarter", true});
      out.push_back({s.start + 0.5 * s.duration, "work middle", true});
      out.push_back({s.start + 0.75 * s.duration, "work three quarters", true});
      out.push_back({s.end() - 0.01, "work end", true});
    }
    if (s.phase == Phase::Switch) out.push_back({s.start + 0.5 * s.duration, "switch", false});
  }
  for (const Segment& s : plan.segments)
    if (s.phase == Phase::Stretch) {
      out.push_back({s.start + 0.25 * s.duration, "stretch", false});
      break;
    }
  return out;
}

}  // namespace

// The measuring itself: the limb vertices exist, and a pose that is known to be wrong is caught.
TEST_CASE("pose measures: hands and feet are found on the skin, and distances to the shapes are signed") {
  requireModel();
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
  requireModel();
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

TEST_CASE("trapezius roller pose: planted feet on the floor") {
  checkPlantedOnFloor("trapezius-foam-roller");
}
TEST_CASE("trapezius roller pose: no skin inside the floor or the roller") {
  checkNothingInside("trapezius-foam-roller");
}
TEST_CASE("trapezius roller pose: the roller touches the back") {
  checkToolTouches("trapezius-foam-roller");
}
TEST_CASE("trapezius roller pose: the feet stay put over a work phase") {
  checkFeetStay("trapezius-foam-roller");
}

TEST_CASE("rhomboid ball pose: planted feet on the floor") {
  checkPlantedOnFloor("rhomboid-massage-ball");
}
TEST_CASE("rhomboid ball pose: no skin inside the floor, the ball or the wall") {
  checkNothingInside("rhomboid-massage-ball");
}
TEST_CASE("rhomboid ball pose: the ball touches the back") {
  checkToolTouches("rhomboid-massage-ball");
}
TEST_CASE("rhomboid ball pose: the feet stay put over a work phase") {
  checkFeetStay("rhomboid-massage-ball");
}

// The side-lying top hand reaches the floor in front of the chest with the shoulder girdle's help (the clavicle
// and scapula turn forward and down by up to 30 degrees, ik::reachWithGirdle) and the elbow flexing as the trunk
// travels and turns.
TEST_CASE("latissimus roller pose: the top foot and hand on the floor") {
  checkPlantedOnFloor("latissimus-foam-roller");
}
TEST_CASE("latissimus roller pose: no skin inside the floor or the roller") {
  checkNothingInside("latissimus-foam-roller");
}
TEST_CASE("latissimus roller pose: the roller touches the side") {
  checkToolTouches("latissimus-foam-roller");
}
TEST_CASE("latissimus roller pose: the planted foot and hand stay put over a work phase") {
  checkFeetStay("latissimus-foam-roller");
}

TEST_CASE("massage chair pose: feet on the floor in the stretch") {
  checkPlantedOnFloor("massage-chair");
}
TEST_CASE("massage chair pose: no skin inside the floor or the chair") {
  checkNothingInside("massage-chair");
}
TEST_CASE("massage chair pose: the rollers touch the back") {
  checkToolTouches("massage-chair");
}

TEST_CASE("shipped model: exercise poses rest on the floor and equipment without passing through") {
  requireModel();
  const scene::Model& m = shipped();
  for (const char* id : {"trapezius-foam-roller", "rhomboid-massage-ball", "latissimus-foam-roller"}) {
    const Exercise& ex = test::shippedExercises().find(id);
    const Playback pb(m, ex);
    std::map<std::string, glm::vec3> firstMean;
    for (const Probe& mo : probes(pb.plan())) {
      const std::string name = id;
      CAPTURE(name);
      CAPTURE(mo.what);
      const MotionFrame f = pb.at(mo.t);
      const Posed s = posedSkin(f);
      float floor = 1e9f;
      for (const glm::vec3& p : s.p) floor = std::min(floor, p.y);
      MESSAGE(std::string(id) << " " << mo.what << ": lowest skin " << floor << " m");
      CHECK(floor > -0.01f);
      const float arm = armIntoTrunk(s);
      MESSAGE(std::string(id) << " " << mo.what << ": forearms and hands " << arm << " m into the trunk or the other arm (" << deepestArm
                              << ")");
      CHECK(arm < 0.01f);
      if (const ToolShape* roller = toolOf(f, "roller"); roller && mo.work) {
        const float into = intoRoller(s, *roller);
        MESSAGE(std::string(id) << " " << mo.what << ": skin " << into << " m into the roller");
        CHECK(into < 0.04f);  // soft tissue gives about 4 cm under the roller (contact patch depth)
      }
      if (const ToolShape* wall = toolOf(f, "wall")) {
        const float front = glm::vec3(wall->transform[3]).z + glm::length(glm::vec3(wall->transform[2]));
        float back = 1e9f;
        for (const glm::vec3& p : s.p) back = std::min(back, p.z);
        CHECK(back > front - 0.01f);
      }
      if (!mo.work) continue;
      // The tool touches the body at its contact.
      REQUIRE(f.contact);
      for (const char* role : {"roller", "ball"}) {
        const ToolShape* tool = toolOf(f, role);
        if (!tool) continue;
        const glm::vec3 c(tool->transform[3]);
        const float r = glm::length(glm::vec3(tool->transform[0]));
        glm::vec3 off = f.contact->worldPoint - c;
        if (tool->kind == ToolShape::Kind::Cylinder) {
          const glm::vec3 axis = glm::normalize(glm::vec3(tool->transform[1]));
          off -= glm::dot(off, axis) * axis;
        }
        MESSAGE(std::string(id) << " " << mo.what << ": contact " << glm::length(off) - r << " m off the "
                                << std::string(role));
        CHECK(std::abs(glm::length(off) - r) < 0.01f);
      }
      // The planted limbs as the frame reports them (the file's pose.planted, mirrored with the side).
      REQUIRE_FALSE(f.planted.empty());
      const scene::Side side = stateAt(pb.plan(), mo.t).side;
      for (const PlantedLimb& pl : f.planted) {
        const std::string j(limbJoint(pl.limb));
        const float lo = lowestOf(s, j);
        const glm::vec3 mean = meanOf(s, j);
        const std::string key = j + std::to_string(int(side));
        if (!firstMean.count(key) || mo.what == "work start") firstMean[key] = mean;
        const float slip = glm::distance(mean, firstMean[key]);
        MESSAGE(std::string(id) << " " << mo.what << " " << j << ": lowest " << lo << " m, slip " << slip << " m");
        CHECK(std::abs(lo) < 0.01f);
        CHECK(slip < 0.01f);
      }
    }
  }
}

namespace {

/// How far `p` lies inside a chair part's box, metres (negative outside: the distance to the box).
float intoPart(const ChairPart& part, const glm::vec3& p) {
  const glm::vec3 q = glm::abs(glm::transpose(part.axes) * (p - part.centre)) - part.halfSize;
  return -(glm::length(glm::max(q, glm::vec3(0.0f))) + std::min(std::max(q.x, std::max(q.y, q.z)), 0.0f));
}

}  // namespace

TEST_CASE("massage chair pose: seated on the seat and back against the backrest, forearms on the armrests, feet in the foot wells") {
  requireModel();
  const scene::Model& m = shipped();
  const Playback pb(m, test::shippedExercises().find("massage-chair"));
  const SkinInfo& info = skinInfo();
  const std::vector<glm::vec3> rest = scene::posedWorldPositions(m, info.node, 0, test::restWorld(m));
  for (const Probe& mo : probes(pb.plan())) {
    if (!mo.work) continue;
    CAPTURE(mo.what);
    const MotionFrame f = pb.at(mo.t);
    REQUIRE(f.chair);
    const Posed s = posedSkin(f);
    // Nothing more than 1 cm into the seat or the backrest, and the body resting on both.
    for (const ChairPart* part : {&f.chair->seat, &f.chair->backrest}) {
      float into = -1e9f;
      for (const glm::vec3& p : s.p) into = std::max(into, intoPart(*part, p));
      MESSAGE("chair " << mo.what << ": skin " << into << " m into the " << part->name);
      CAPTURE(part->name);
      CHECK(into <= 0.01f);
      CHECK(into > -0.01f);
    }
    // Each forearm and hand lies on its armrest: the lowest of them over the armrest's top within 2 cm of it.
    for (int side = 0; side < 2; ++side) {
      const ChairPart& arm = side == 0 ? f.chair->armrestLeft : f.chair->armrestRight;
      const std::string suffix = side == 0 ? "_L" : "_R";
      float lowest = 1e9f;
      int over = 0;
      for (std::size_t v = 0; v < s.p.size(); ++v) {
        if (info.joint[v] != "elbow" + suffix && info.joint[v] != "wrist" + suffix) continue;
        const glm::vec3 l = glm::transpose(arm.axes) * (s.p[v] - arm.centre);
        if (std::abs(l.x) > arm.halfSize.x || std::abs(l.z) > arm.halfSize.z) continue;
        lowest = std::min(lowest, arm.heightAbove(s.p[v]));
        ++over;
      }
      MESSAGE("chair " << mo.what << ": " << arm.name << " " << over << " forearm and hand vertices over it, lowest "
                       << lowest << " m above it");
      CAPTURE(arm.name);
      CHECK(over > 20);
      CHECK(lowest > -0.01f);
      CHECK(lowest < 0.02f);
    }
    // The head near the headrest's pad and not into it.
    float head = -1e9f;
    for (std::size_t v = 0; v < s.p.size(); ++v)
      if (info.joint[v] == "head") head = std::max(head, intoPart(f.chair->headrest, s.p[v]));
    MESSAGE("chair " << mo.what << ": head " << head << " m into the headrest");
    CHECK(head <= 0.01f);
    CHECK(head > -0.03f);
    // Each foot stands in its foot well: the sole on the foot rest's face (within 1 cm), over the rest, flat:
    // the heel (behind the ankle at rest) and the toes (15 cm in front of it) each within 1 cm of the face.
    const ChairPart& well = f.chair->footRest;
    for (const Limb foot : {Limb::FootL, Limb::FootR}) {
      float nearest = 1e9f, heel = 1e9f, toes = 1e9f;
      int over = 0;
      for (std::size_t v : limbVertices(rest, foot, 0.0f)) {
        const glm::vec3 l = glm::transpose(well.axes) * (s.p[v] - well.centre);
        if (std::abs(l.x) > well.halfSize.x || std::abs(l.z) > well.halfSize.z) continue;
        const float h = well.heightAbove(s.p[v]);
        nearest = std::min(nearest, h);
        if (rest[v].z < 0.0f) heel = std::min(heel, h);
        if (rest[v].z > 0.15f) toes = std::min(toes, h);
        ++over;
      }
      MESSAGE("chair " << mo.what << ": " << limbName(foot) << " " << over << " vertices over the foot rest, nearest "
                       << nearest << " m above it, heel " << heel << ", toes " << toes);
      CAPTURE(limbName(foot));
      CHECK(over > 100);
      CHECK(std::abs(nearest) <= kTolerance);
      CHECK(std::abs(heel) <= kTolerance);
      CHECK(std::abs(toes) <= kTolerance);
    }
  }
}

TEST_CASE("stretch poses: hands and forearms stay outside the trunk and head") {
  requireModel();
  const scene::Model& m = shipped();
  for (const std::string id :
       {"trapezius-foam-roller", "rhomboid-massage-ball", "latissimus-foam-roller", "massage-chair"}) {
    const Playback pb(m, test::shippedExercises().find(id));
    for (const Segment& seg : pb.plan().segments) {
      if (seg.phase != Phase::Stretch) continue;
      // Into the stretch, held, and (the latissimus: the second side) out of it.
      for (double at : {0.25, 0.5, 0.75}) {
        const Posed s = posedSkin(pb.at(seg.start + at * seg.duration));
        const float arm = armIntoTrunk(s);
        MESSAGE(id << " stretch at " << at << ": forearms and hands " << arm << " m into the trunk or the other arm (" << deepestArm
                   << ")");
        CAPTURE(id);
        CAPTURE(at);
        CHECK(arm < 0.01f);
      }
      break;
    }
  }
}

// Every moment of the exercise, not only its start, middle and end: each work phase of every set and side
// sampled every 1/16 of its length, the lead-in (getting into position), each side switch and each stretch (into
// it, held, out of it) every 1/8, on the skinned skin of the frames:
// - the planted feet and hands (as the frame reports them, in the lead-in too) on the floor within 1 cm, slipping
//   at most 1 cm over the work phase; in the stretch the standing feet on the floor;
// - no skin vertex more than 1 cm inside the floor or any tool or equipment shape (roller, ball, wall, chair);
// - no forearm or hand vertex more than 1 cm inside the trunk or head;
// - during work the tool within 1 cm of the skin.
// The worst of each figure over the exercise is reported.
namespace {

struct Worst {
  float value = -1e9f;
  std::string where;
  void see(float v, const std::string& w) {
    if (v > value) {
      value = v;
      where = w;
    }
  }
};

void checkDense(const std::string& id) {
  requireModel();
  const scene::Model& m = shipped();
  const Playback pb(m, test::shippedExercises().find(id));
  const SkinInfo& info = skinInfo();
  const std::vector<glm::vec3> restSkin = scene::posedWorldPositions(m, info.node, 0, test::restWorld(m));
  float wristY = 0.0f;
  for (std::size_t i = 0; i < m.nodes.size(); ++i)
    if (m.nodes[i].name == "wrist_L") wristY = test::restWorld(m)[i][3].y;
  std::map<int, std::vector<std::size_t>> limbSets;
  const auto limbSet = [&](Limb l) -> const std::vector<std::size_t>& {
    auto it = limbSets.find(int(l));
    if (it == limbSets.end()) it = limbSets.emplace(int(l), limbVertices(restSkin, l, wristY)).first;
    return it->second;
  };
  Worst floorDepth, toolDepth, arm, toolGap, planted, slip;
  int set = 0, frames = 0;
  for (const Segment& seg : pb.plan().segments) {
    const bool work = seg.phase == Phase::Work;
    if (!work && seg.phase != Phase::LeadIn && seg.phase != Phase::Switch && seg.phase != Phase::Stretch) continue;
    if (work) ++set;
    const int steps = work ? 16 : 8;
    std::map<int, glm::vec3> first;
    for (int k = 0; k <= steps; ++k) {
      const double t = seg.start + std::clamp(seg.duration * k / steps, 0.01, seg.duration - 0.01);
      const std::string side =
          seg.side == scene::Side::Right ? " right" : (seg.side == scene::Side::Left ? " left" : "");
      const std::string where = std::string(phaseName(seg.phase)) + (work ? " " + std::to_string(set) : "") + side +
                                " at " + std::to_string(k) + "/" + std::to_string(steps);
      CAPTURE(id);
      CAPTURE(where);
      const MotionFrame f = pb.at(t);
      const Posed s = posedSkin(f);
      ++frames;
      float fl = 0.0f;
      for (const glm::vec3& p : s.p) fl = std::max(fl, -p.y);
      floorDepth.see(fl, where);
      CHECK(fl <= kTolerance);
      for (const ToolShape& shape : f.tools) {
        float depth = -1e9f, gap = 1e9f;
        for (const glm::vec3& p : s.p) {
          const float d = signedDistance(shape, p);
          depth = std::max(depth, -d);
          gap = std::min(gap, d);
        }
        CAPTURE(shape.role);
        CAPTURE(depth);
        toolDepth.see(depth, where + " (" + shape.role + ")");
        CHECK(depth <= kTolerance);
        if (work && isTool(shape)) {
          CAPTURE(gap);
          toolGap.see(gap, where + " (" + shape.role + ")");
          CHECK(gap <= kTolerance);
        }
      }
      const float into = armIntoTrunk(s);
      CAPTURE(into);
      CAPTURE(deepestArm);
      arm.see(into, where + " (" + deepestArm + ")");
      CHECK(into < kTolerance);
      std::vector<Limb> limbs;
      if (seg.phase == Phase::Stretch) {
        limbs = {Limb::FootL, Limb::FootR};
      } else {
        for (const PlantedLimb& p : f.planted) limbs.push_back(p.limb);
      }
      for (Limb l : limbs) {
        CAPTURE(limbName(l));
        const float lo = lowest(s.p, limbSet(l));
        CAPTURE(lo);
        planted.see(std::abs(lo), where + " (" + std::string(limbName(l)) + ")");
        CHECK(std::abs(lo) <= kTolerance);
        if (!work) continue;
        const glm::vec3 c = centroid(s.p, limbSet(l));
        if (!first.count(int(l))) first[int(l)] = c;
        const float sl = glm::distance(c, first[int(l)]);
        CAPTURE(sl);
        slip.see(sl, where + " (" + std::string(limbName(l)) + ")");
        CHECK(sl <= kTolerance);
      }
    }
  }
  const auto line = [](const Worst& w) {
    return w.value < -1e8f ? std::string("none") : std::to_string(w.value) + " m, " + w.where;
  };
  MESSAGE(id << ", " << frames << " frames; worst: skin into the floor " << line(floorDepth) << "; skin into a shape "
             << line(toolDepth) << "; forearm or hand into the trunk " << line(arm) << "; tool off the skin "
             << line(toolGap) << "; planted limb off the floor " << line(planted) << "; slip " << line(slip));
}

}  // namespace

TEST_CASE("dense: trapezius roller pose holds at every 1/16 of each work phase, the lead-in, the stretch and between") {
  checkDense("trapezius-foam-roller");
}
TEST_CASE("dense: rhomboid ball pose holds at every 1/16 of each work phase, the lead-in, the stretch and between") {
  checkDense("rhomboid-massage-ball");
}
TEST_CASE(
    "dense: latissimus roller pose holds at every 1/16 of each work phase, both sides, lead-in, switch, stretch") {
  checkDense("latissimus-foam-roller");
}
TEST_CASE("dense: massage chair pose holds at every 1/16 of the programme, in the lead-in and in the stretch") {
  checkDense("massage-chair");
}

// The crossed arms of the reference (anatomy-deep.md, Ex1/Ex2): the forearms diagonally up the chest to the other
// shoulders, the left one on the right one (axes at least 55 mm apart), the wrists well below the chin, and each
// hand clear of the other arm (armIntoTrunk also measures the other arm's shoulder and upper arm).
TEST_CASE("crossed arms: the left forearm on the right one, the wrists below the chin, the hands clear of the other arm") {
  requireModel();
  const scene::Model& m = shipped();
  std::map<std::string, std::size_t> node;
  for (std::size_t i = 0; i < m.nodes.size(); ++i) node[m.nodes[i].name] = i;
  for (const char* needed : {"elbow_L", "wrist_L", "elbow_R", "wrist_R", "spine_thoracic_upper"})
    REQUIRE(node.count(needed) == 1);
  // The nearest points of two segments (sampled finely enough for a forearm).
  const auto nearest = [](glm::vec3 p0, glm::vec3 p1, glm::vec3 q0, glm::vec3 q1) {
    std::pair<glm::vec3, glm::vec3> best{p0, q0};
    for (int a = 0; a <= 60; ++a)
      for (int b = 0; b <= 60; ++b) {
        const glm::vec3 p = glm::mix(p0, p1, a / 60.0f), q = glm::mix(q0, q1, b / 60.0f);
        if (glm::distance(p, q) < glm::distance(best.first, best.second)) best = {p, q};
      }
    return best;
  };
  for (const char* id : {"trapezius-foam-roller", "rhomboid-massage-ball"}) {
    const Playback pb(m, test::shippedExercises().find(id));
    for (const Probe& mo : probes(pb.plan())) {
      if (!mo.work) continue;
      const MotionFrame f = pb.at(mo.t);
      const auto at = [&](const char* n) { return glm::vec3(f.world[node[n]][3]); };
      const glm::mat3 trunk = glm::mat3(f.world[node["spine_thoracic_upper"]]);
      const glm::vec3 up = glm::normalize(trunk[1]), forward = glm::normalize(trunk[2]);
      // Where the forearms cross, the left one lies on the right one (further forward).
      const auto [onL, onR] = nearest(at("elbow_L"), at("wrist_L"), at("elbow_R"), at("wrist_R"));
      const float gap = glm::distance(onL, onR), onTop = glm::dot(onL - onR, forward);
      // The chin: the lowest point, along the trunk, of the skin the head moves.
      const Posed s = posedSkin(f);
      float chin = 1e9f;
      for (std::size_t v = 0; v < s.p.size(); ++v)
        if (skinInfo().joint[v] == "head") chin = std::min(chin, glm::dot(s.p[v], up));
      const float belowL = chin - glm::dot(at("wrist_L"), up), belowR = chin - glm::dot(at("wrist_R"), up);
      // Each wrist over the other side of the chest.
      const glm::vec3 across = glm::normalize(trunk[0]);
      const float sideL = glm::dot(at("wrist_L") - at("elbow_L"), across),
                  sideR = glm::dot(at("wrist_R") - at("elbow_R"), across);
      MESSAGE(std::string(id) << " " << mo.what << ": forearm axes " << gap << " m apart, left " << onTop
                              << " m in front; wrists " << belowL << " / " << belowR << " m below the chin; across "
                              << sideL << " / " << sideR << " m");
      CAPTURE(id);
      CAPTURE(mo.what);
      CHECK(gap >= 0.055f);
      CHECK(onTop > 0.0f);
      CHECK(belowL > 0.05f);
      CHECK(belowR > 0.05f);
      CHECK(sideL < -0.05f);  // the left hand goes toward the right (-X)
      CHECK(sideR > 0.05f);
      const float arm = armIntoTrunk(s);
      CAPTURE(deepestArm);
      CHECK(arm < 0.0f);
    }
  }
}
