// anatomy/rig.cpp: joint centres from the landmarks and a smooth, region-aware skin-weight field.
#include "anatomy/rig.hpp"

#include <algorithm>
#include <array>
#include <numeric>

#include <glm/gtc/matrix_transform.hpp>

#include "anatomy/landmarks.hpp"
#include "anatomy/sdf_util.hpp"
#include "anatomy/surface_nets.hpp"
#include "scene/axilla.hpp"

namespace myo::anatomy {

using sdf::smoothstep;

namespace {

enum JointId : int {
  kPelvis, kLumbar, kThoracicLower, kThoracicUpper, kNeck, kHead,
  kClavicleL, kShoulderL, kElbowL, kWristL, kClavicleR, kShoulderR, kElbowR, kWristR,
  kHipL, kKneeL, kAnkleL, kHipR, kKneeR, kAnkleR, kAxillaL, kAxillaR, kJointCount
};

glm::vec3 mid(const char* a, const char* b) { return 0.5f * (landmark(a) + landmark(b)); }

}  // namespace

std::vector<Joint> buildSkeleton() {
  std::vector<Joint> j(kJointCount);
  glm::vec3 pelvis = mid("HIP_CENTRE_L", "HIP_CENTRE_R");
  j[kPelvis] = {"pelvis", -1, pelvis};
  // Spine joints sit at the intervertebral levels where the segments bend: L5/S1, T12/L1, T6/T7, C7/T1, C0/C1.
  j[kLumbar] = {"spine_lumbar", kPelvis, landmark("VB_L5") + glm::vec3(0.0f, -0.022f, -0.004f)};
  j[kThoracicLower] = {"spine_thoracic_lower", kLumbar, mid("VB_T12", "VB_L1")};
  j[kThoracicUpper] = {"spine_thoracic_upper", kThoracicLower, mid("VB_T6", "VB_T7")};
  j[kNeck] = {"neck", kThoracicUpper, mid("VB_C7", "VB_T1")};
  j[kHead] = {"head", kNeck, landmark("VB_C1") + glm::vec3(0.0f, 0.012f, 0.0f)};
  for (int side = 0; side < 2; ++side) {
    const char* s = side == 0 ? "_L" : "_R";
    auto lm = [&](const char* base) { return landmark(std::string(base) + s); };
    auto arm = [&](const char* base) {
      glm::vec3 p = abductLeftArm(landmark(std::string(base) + "_L"));
      return side == 0 ? p : mirrorX(p);
    };
    int o = side * 4;
    std::string suffix = s;
    j[kClavicleL + o] = {"clavicle" + suffix, kThoracicUpper, lm("SC_JOINT")};
    j[kShoulderL + o] = {"shoulder" + suffix, kClavicleL + o, lm("GH_CENTRE")};
    j[kElbowL + o] = {"elbow" + suffix, kShoulderL + o, arm("ELBOW_CENTRE")};
    j[kWristL + o] = {"wrist" + suffix, kElbowL + o, arm("WRIST_CENTRE")};
    // A helper at the humeral head that turns with the shoulder (scene::axillaTurn): the armpit's
    // skin between the arm and the trunk follows it.
    j[kAxillaL + side] = {"axilla" + suffix, kClavicleL + o, lm("GH_CENTRE")};
    int l = side * 3;
    j[kHipL + l] = {"hip" + suffix, kPelvis, lm("HIP_CENTRE")};
    j[kKneeL + l] = {"knee" + suffix, kHipL + l, lm("KNEE_CENTRE")};
    j[kAnkleL + l] = {"ankle" + suffix, kKneeL + l, lm("ANKLE_CENTRE")};
  }
  return j;
}

int jointIndex(std::string_view name) {
  static const std::vector<Joint> kJoints = buildSkeleton();
  for (std::size_t i = 0; i < kJoints.size(); ++i) {
    if (kJoints[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

namespace {
void addSpine(std::array<float, kJointCount>& w, float y, float share);
SkinInfluence pack(const std::array<float, kJointCount>& w);
}  // namespace

SkinInfluence skinWeights(const BodyField& body, glm::vec3 p) {
  static const std::vector<Joint> kJ = buildSkeleton();
  const bool left = p.x >= 0.0f;
  const glm::vec3 q{std::abs(p.x), p.y, p.z};
  const int arm = left ? 0 : 4;
  std::array<float, kJointCount> w{};
  BodyParts parts = body.parts(p);

  // Arm: the hand, forearm and upper arm by planes through the elbow and wrist.
  float armness = smoothstep(-0.02f, 0.02f, std::min({parts.trunk, parts.leg, parts.neck}) - parts.arm);
  glm::vec3 gh = kJ[kShoulderL].position, el = kJ[kElbowL].position, wr = kJ[kWristL].position;
  glm::vec3 upperDir = glm::normalize(el - gh), foreDir = glm::normalize(wr - el);
  // The upper arm from the deltoid's insertion down, within its girth of the humerus' axis, is arm whatever the
  // pieces say: the trunk's piece reaches over the shoulder and down the outer arm, and its share there left the
  // skin over the lower deltoid behind the humerus when the arm went overhead.
  {
    const float along = glm::dot(q - gh, upperDir);
    const float across = glm::length(q - gh - along * upperDir);
    armness = std::max(armness, smoothstep(0.08f, 0.11f, along) * smoothstep(0.060f, 0.052f, across));
  }
  glm::vec3 elbowAxis = glm::normalize(upperDir + foreDir);
  float we = smoothstep(-0.035f, 0.035f, glm::dot(q - el, elbowAxis));
  float ww = smoothstep(-0.02f, 0.03f, glm::dot(q - wr, foreDir));
  w[kShoulderL + arm] += armness * (1.0f - we);
  w[kElbowL + arm] += armness * we * (1.0f - ww);
  w[kWristL + arm] += armness * ww;
  float rest = 1.0f - armness;

  // Legs: below the gluteal fold and groin everything follows the thigh; the two sides meet at the midline.
  float legness = smoothstep(0.95f, 0.80f, q.y + 0.25f * std::max(0.0f, 0.06f - q.z));
  float leftShare = smoothstep(-0.03f, 0.03f, p.x);
  float kn = kJ[kKneeL].position.y, an = kJ[kAnkleL].position.y;
  float wk = smoothstep(kn + 0.045f, kn - 0.045f, q.y);
  float wa = smoothstep(an + 0.035f, an - 0.01f, q.y);
  float legW = rest * legness;
  for (int side = 0; side < 2; ++side) {
    float share = legW * (side == 0 ? leftShare : 1.0f - leftShare);
    int o = side * 3;
    w[kHipL + o] += share * (1.0f - wk);
    w[kKneeL + o] += share * wk * (1.0f - wa);
    w[kAnkleL + o] += share * wa;
  }
  rest -= legW;

  // Head and neck.
  float headness = smoothstep(-0.01f, 0.01f, std::min(parts.trunk, parts.neck) - parts.head) * smoothstep(1.48f, 1.52f, q.y);
  float neckness = smoothstep(-0.012f, 0.012f, parts.trunk - parts.neck) * smoothstep(1.44f, 1.50f, q.y);
  w[kHead] += rest * headness;
  w[kNeck] += rest * (1.0f - headness) * neckness;
  rest *= (1.0f - headness) * (1.0f - neckness);

  // Shoulder girdle: the deltoid cap follows the humerus, the scapular region the clavicle.
  float sh = smoothstep(0.10f, 0.04f, glm::distance(q, gh)) * smoothstep(0.11f, 0.19f, q.x);
  float cl = (1.0f - sh) * smoothstep(0.045f, 0.125f, q.x) * smoothstep(1.26f, 1.36f, q.y);
  w[kShoulderL + arm] += rest * sh;
  w[kClavicleL + arm] += rest * cl;
  rest *= (1.0f - sh - cl);

  addSpine(w, q.y, rest);
  return pack(w);
}

SkinInfluence axialWeights(glm::vec3 p) {
  std::array<float, kJointCount> w{};
  addSpine(w, p.y, 1.0f);
  return pack(w);
}

SkinInfluence blendToward(const SkinInfluence& s, int joint, float t) {
  std::array<float, kJointCount> w{};
  for (int k = 0; k < 4; ++k) w[s.joints[k]] += (1.0f - t) * s.weights[k];
  w[joint] += t;
  return pack(w);
}

void assignRigid(TissueMesh& mesh, int joint) {
  mesh.joints.assign(mesh.positions.size(), glm::u8vec4(static_cast<std::uint8_t>(joint), 0, 0, 0));
  mesh.weights.assign(mesh.positions.size(), glm::vec4(1.0f, 0.0f, 0.0f, 0.0f));
}

namespace {

void addSpine(std::array<float, kJointCount>& w, float y, float share) {
  // Spine chain by height, blended a few centimetres around each intervertebral joint.
  float b1 = smoothstep(0.98f, 1.06f, y);
  float b2 = smoothstep(1.13f, 1.22f, y);
  float b3 = smoothstep(1.31f, 1.41f, y);
  float b4 = smoothstep(1.47f, 1.53f, y);
  w[kPelvis] += share * (1.0f - b1);
  w[kLumbar] += share * b1 * (1.0f - b2);
  w[kThoracicLower] += share * b2 * (1.0f - b3);
  w[kThoracicUpper] += share * b3 * (1.0f - b4);
  w[kNeck] += share * b4;
}

SkinInfluence pack(const std::array<float, kJointCount>& w) {
  std::array<int, kJointCount> order;
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return w[a] > w[b]; });
  SkinInfluence r;
  float sum = 0.0f;
  for (int i = 0; i < 4; ++i) sum += std::max(0.0f, w[order[i]]);
  for (int i = 0; i < 4; ++i) {
    r.joints[i] = static_cast<std::uint8_t>(order[i]);
    r.weights[i] = sum > 0.0f ? std::max(0.0f, w[order[i]]) / sum : (i == 0 ? 1.0f : 0.0f);
  }
  // Tiny weights only add noise to the rig; fold them into the strongest influence.
  for (int i = 1; i < 4; ++i) {
    if (r.weights[i] < 0.002f) {
      r.weights[0] += r.weights[i];
      r.weights[i] = 0.0f;
    }
    // glTF expects unused influence slots to name joint 0.
    if (r.weights[i] == 0.0f) r.joints[i] = 0;
  }
  return r;
}

}  // namespace

void assignSkinWeights(const BodyField& body, TissueMesh& mesh) {
  mesh.joints.resize(mesh.positions.size());
  mesh.weights.resize(mesh.positions.size());
  const std::size_t n = mesh.positions.size();
  const DistanceField field = [&](glm::vec3 p) { return body.distance(p); };
  const int chunks = 32;
  parallelFor(chunks, [&](int c) {
    for (std::size_t i = n * c / chunks; i < n * (c + 1) / chunks; ++i) {
      glm::vec3 p = mesh.positions[i];
      // Muscles take the weights of the skin right above them, so the layers move as one.
      if (mesh.tissue == Tissue::Muscle) p = projectToLevel(field, p, 0.0f, 2);
      SkinInfluence s = skinWeights(body, p);
      mesh.joints[i] = s.joints;
      mesh.weights[i] = s.weights;
    }
  });
}

namespace {

/// Points binned in cubic cells, for the neighbours of a point within a radius.
class PointGrid {
 public:
  PointGrid(glm::vec3 lo, glm::vec3 hi, float cell) : lo_(lo), cell_(cell) {
    n_ = glm::ivec3(glm::ceil((hi - lo) / cell)) + 1;
    cells_.resize(std::size_t(n_.x) * std::size_t(n_.y) * std::size_t(n_.z));
  }
  /// Adds point `id` at `p` (ignored outside the grid's box); points keep their order within a cell.
  void add(glm::vec3 p, std::uint32_t id) {
    const glm::ivec3 c = glm::ivec3(glm::floor((p - lo_) / cell_));
    if (glm::any(glm::lessThan(c, glm::ivec3(0))) || glm::any(glm::greaterThanEqual(c, n_))) return;
    cells_[index(c)].push_back(id);
  }
  /// Calls f(id) for every point in the cells that meet the box of radius r round q.
  template <class F>
  void near(glm::vec3 q, float r, F&& f) const {
    const glm::ivec3 from = glm::max(glm::ivec3(glm::floor((q - r - lo_) / cell_)), glm::ivec3(0));
    const glm::ivec3 to = glm::min(glm::ivec3(glm::floor((q + r - lo_) / cell_)), n_ - 1);
    for (int x = from.x; x <= to.x; ++x)
      for (int y = from.y; y <= to.y; ++y)
        for (int z = from.z; z <= to.z; ++z)
          for (std::uint32_t id : cells_[index({x, y, z})]) f(id);
  }

 private:
  std::size_t index(glm::ivec3 c) const {
    return (std::size_t(c.x) * std::size_t(n_.y) + std::size_t(c.y)) * std::size_t(n_.z) + std::size_t(c.z);
  }
  glm::vec3 lo_;
  float cell_;
  glm::ivec3 n_{0};
  std::vector<std::vector<std::uint32_t>> cells_;
};

constexpr float kGridCell = 0.01f;

/// The nearest of the points round q within `reach` (reach when none), searched outward so that near points
/// end the search early.
template <class Pos>
float nearestWithin(const PointGrid& grid, glm::vec3 q, float reach, Pos&& pos) {
  float best = reach;
  for (float r = kGridCell; ; r += kGridCell) {
    const float ring = std::min(r, reach);
    grid.near(q, ring, [&](std::uint32_t id) { best = std::min(best, glm::distance(q, pos(id))); });
    if (best <= ring - kGridCell || ring >= reach) return best;
  }
}

/// The shoulder girdle's and arms' joints.
bool onGirdle(int joint) { return (joint >= kClavicleL && joint <= kWristR) || joint == kAxillaL || joint == kAxillaR; }

float girdleShare(const glm::u8vec4& joints, const glm::vec4& weights) {
  float g = 0.0f;
  for (int i = 0; i < 4; ++i)
    if (onGirdle(joints[i])) g += weights[i];
  return g;
}

}  // namespace

void skinFollowsTissue(TissueMesh& skin, const std::vector<const TissueMesh*>& inner, float full, float reach,
                       float band) {
  glm::vec3 lo(1e9f), hi(-1e9f);
  for (const glm::vec3& q : skin.positions) {
    lo = glm::min(lo, q);
    hi = glm::max(hi, q);
  }
  struct Point {
    glm::vec3 p;
    SkinInfluence s;
  };
  std::vector<Point> points;
  PointGrid grid(lo - reach, hi + reach, kGridCell);
  for (const TissueMesh* m : inner)
    for (std::size_t i = 0; i < m->positions.size(); ++i) {
      grid.add(m->positions[i], std::uint32_t(points.size()));
      points.push_back({m->positions[i], {m->joints[i], m->weights[i]}});
    }
  const std::size_t count = skin.positions.size();
  std::vector<SkinInfluence> out(count);
  parallelFor(32, [&](int c) {
    for (std::size_t v = count * std::size_t(c) / 32; v < count * std::size_t(c + 1) / 32; ++v) {
      const SkinInfluence own{skin.joints[v], skin.weights[v]};
      out[v] = own;
      // Only round the shoulder girdle and the arms: elsewhere the field's weights already move skin and tissue
      // together (the throat would otherwise follow the levator scapulae as the shoulders move).
      const float girdle = smoothstep(0.0f, 0.25f, girdleShare(own.joints, own.weights));
      if (girdle <= 0.0f) continue;
      const glm::vec3 q = skin.positions[v];
      const float nearest = nearestWithin(grid, q, reach, [&](std::uint32_t id) { return points[id].p; });
      const float t = smoothstep(reach, full, nearest) * girdle;
      if (t <= 0.0f) continue;
      // Only the tissue just under the skin point counts: a band past the nearest vertex.
      std::array<float, kJointCount> w{};
      float total = 0.0f;
      grid.near(q, std::min(reach, nearest + band), [&](std::uint32_t id) {
        const float d = glm::distance(q, points[id].p);
        if (d >= reach || d >= nearest + band) return;
        const float k = (1.0f - (d - nearest) / band) * (1.0f - (d - nearest) / band);
        for (int i = 0; i < 4; ++i) w[points[id].s.joints[i]] += k * points[id].s.weights[i];
        total += k;
      });
      if (total <= 0.0f) continue;
      for (float& x : w) x *= t / total;
      for (int i = 0; i < 4; ++i) w[own.joints[i]] += (1.0f - t) * own.weights[i];
      out[v] = pack(w);
    }
  });
  for (std::size_t v = 0; v < count; ++v) {
    skin.joints[v] = out[v].joints;
    skin.weights[v] = out[v].weights;
  }
}

void musclesFollowSkin(const TissueMesh& skin, const std::vector<TissueMesh*>& muscles, float full, float reach) {
  glm::vec3 lo(1e9f), hi(-1e9f);
  for (const glm::vec3& q : skin.positions) {
    lo = glm::min(lo, q);
    hi = glm::max(hi, q);
  }
  PointGrid grid(lo, hi, kGridCell);
  for (std::size_t i = 0; i < skin.positions.size(); ++i) grid.add(skin.positions[i], std::uint32_t(i));
  constexpr float kBand = 0.006f;  // the skin's weights round the nearest point: its vertices this far past it
  for (TissueMesh* muscle : muscles) {
    const std::size_t count = muscle->positions.size();
    parallelFor(32, [&](int c) {
      for (std::size_t v = count * std::size_t(c) / 32; v < count * std::size_t(c + 1) / 32; ++v) {
        const glm::vec3 q = muscle->positions[v];
        const float nearest = nearestWithin(grid, q, reach, [&](std::uint32_t id) { return skin.positions[id]; });
        const float t = smoothstep(reach, full, nearest);
        if (t <= 0.0f) continue;
        std::array<float, kJointCount> sw{};
        float total = 0.0f;
        grid.near(q, nearest + kBand, [&](std::uint32_t i) {
          const float d = glm::distance(q, skin.positions[i]);
          if (d >= nearest + kBand) return;
          const float k = 1.0f - (d - nearest) / kBand;
          for (int j = 0; j < 4; ++j) sw[skin.joints[i][j]] += k * skin.weights[i][j];
          total += k;
        });
        std::array<float, kJointCount> w{};
        for (int i = 0; i < 4; ++i) w[muscle->joints[v][i]] += (1.0f - t) * muscle->weights[v][i];
        for (std::size_t j = 0; j < w.size(); ++j) w[j] += t * sw[j] / total;
        const SkinInfluence s = pack(w);
        muscle->joints[v] = s.joints;
        muscle->weights[v] = s.weights;
      }
    });
  }
}

void shareArmTurnWithAxilla(TissueMesh& mesh) {
  static const std::vector<Joint> kJ = buildSkeleton();
  const float pivot = kJ[kShoulderL].position.y;
  for (std::size_t v = 0; v < mesh.joints.size(); ++v) {
    // The armpit below the humeral head; the cap above it keeps its blend of shoulder and girdle.
    const float below = smoothstep(pivot - 0.02f, pivot - 0.06f, mesh.positions[v].y);
    if (below <= 0.0f) continue;
    std::array<float, kJointCount> w{};
    for (int k = 0; k < 4; ++k) w[mesh.joints[v][k]] += mesh.weights[v][k];
    bool changed = false;
    for (int side = 0; side < 2; ++side) {
      const int shoulder = kShoulderL + 4 * side, axilla = kAxillaL + side;
      // Shoulder, elbow and wrist follow one another in JointId.
      auto offArm = [&](int j) { return (j < shoulder || j > shoulder + 2) && j != axilla; };
      float trunk = 0.0f;
      for (int j = 0; j < kJointCount; ++j)
        if (offArm(j)) trunk += w[j];
      const float moved = kAxillaShare * below * std::min(w[shoulder], trunk);
      if (moved <= 0.0f) continue;
      for (int j = 0; j < kJointCount; ++j)
        if (offArm(j)) w[j] -= moved * w[j] / trunk;
      w[shoulder] -= moved;
      w[axilla] += 2.0f * moved;
      changed = true;
    }
    if (!changed) continue;
    const SkinInfluence s = pack(w);
    mesh.joints[v] = s.joints;
    mesh.weights[v] = s.weights;
  }
}

std::vector<glm::mat4> skinningMatrices(const std::vector<Joint>& joints, const std::vector<glm::quat>& rotations) {
  std::vector<glm::mat4> world(joints.size());
  std::vector<glm::mat4> skin(joints.size());
  auto rotation = [&](std::size_t i) { return i < rotations.size() ? rotations[i] : glm::quat(1.0f, 0.0f, 0.0f, 0.0f); };
  for (std::size_t i = 0; i < joints.size(); ++i) {
    const Joint& j = joints[i];
    glm::vec3 local = j.parent < 0 ? j.position : j.position - joints[j.parent].position;
    glm::mat4 m = glm::translate(glm::mat4(1.0f), local);
    if (i == kAxillaL || i == kAxillaR) {
      const std::size_t shoulder = i == kAxillaL ? kShoulderL : kShoulderR;
      m = m * glm::mat4_cast(scene::axillaTurn(rotation(shoulder)));
    } else if (i < rotations.size()) {
      m = m * glm::mat4_cast(rotations[i]);
    }
    world[i] = j.parent < 0 ? m : world[j.parent] * m;
    skin[i] = world[i] * glm::translate(glm::mat4(1.0f), -j.position);
  }
  return skin;
}

void poseMesh(const TissueMesh& mesh, const std::vector<glm::mat4>& skinning, std::vector<glm::vec3>& positions,
              std::vector<glm::vec3>& normals) {
  positions.resize(mesh.positions.size());
  normals.resize(mesh.positions.size());
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    glm::mat4 m(0.0f);
    for (int k = 0; k < 4; ++k) m += mesh.weights[i][k] * skinning[mesh.joints[i][k]];
    positions[i] = glm::vec3(m * glm::vec4(mesh.positions[i], 1.0f));
    glm::vec3 n = glm::mat3(m) * mesh.normals[i];
    float l = glm::length(n);
    normals[i] = l > 1e-9f ? n / l : mesh.normals[i];
  }
}

}  // namespace myo::anatomy
