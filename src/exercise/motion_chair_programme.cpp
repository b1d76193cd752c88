// exercise/motion_chair_programme.cpp: "chair-programme": seated in a massage chair, two roller nodes run up and
// down the back either side of the spine (tool.path.lateral_m) between two spinous levels while the body rests.
//
// The backrest leans back by pose.root.figures.backrest_recline_deg; its front face runs through the node
// centres halfway along their travel; the chair (exercise/equipment) carries a roller track of equipment.travel_m.
#include <algorithm>
#include <array>
#include <glm/gtc/matrix_transform.hpp>

#include "exercise/motion.hpp"

namespace myo::exercise {

namespace {

constexpr int kHeights = 48;
constexpr double kSeatTop = kChairSeatTop;
constexpr double kHipAboveSeat = 0.10;  // hip joint centre above the seat (ischial tuberosities), to start
constexpr float kForearmHalf = 0.03f;   // wrist joint above the armrest with the forearm lying on it
constexpr float kKneeLeast = 40.0f;     // the least knee bend tried, degrees
constexpr float kNodMost = 20.0f;       // the most the neck bends forward to clear the headrest, degrees
constexpr float kHeadSink = 0.004f;     // how far the head may press into the headrest's pad, metres
constexpr float kCalfSink = 0.004f;     // how far the calves may press into the leg rest's padding, metres

/// How far `p` lies inside a chair part's box (0 outside), metres.
float depthIn(const ChairPart& part, const glm::vec3& p) {
  const glm::vec3 l = glm::transpose(part.axes) * (p - part.centre);
  const glm::vec3 q = part.halfSize - glm::abs(l);
  return q.x > 0.0f && q.y > 0.0f && q.z > 0.0f ? std::min(q.x, std::min(q.y, q.z)) : 0.0f;
}

class ChairProgramme final : public Motion {
 public:
  const MotionInfo& info() const override {
    static const MotionInfo info{"chair-programme",
                                 "seated in a massage chair, two roller nodes running either side of the spine",
                                 {EquipmentKind::MassageChair},
                                 Support::Chair,
                                 LevelFrame::Trapezius,
                                 {"lateral_m", "speed_m_s"},
                                 {{"backrest_recline_deg", 0.0, 80.0, "an angle in degrees"}},
                                 false};
    return info;
  }

  Patch patch(const MotionContext&, const glm::vec3& rest, const glm::vec3& outward, const glm::vec3&) const override {
    Patch p;
    p.point = rest;
    p.outward = outward;
    p.radius = 0.035f;
    p.depth = 0.05f;
    return p;
  }

  std::size_t contactCount(const SideConfig& c) const override { return c.tracks.size(); }

  void buildTracks(const MotionContext& m, SideConfig& c) const override {
    c.tracks.clear();
    const PathSpec& path = m.exercise->tool.path;
    const std::vector<int> trapezius = m.meshesOf({scene::MuscleKind::Trapezius}, scene::Side::None);
    const auto levels = pathLevels(*m.rest, trapezius.empty() ? c.targets : trapezius, m.midX, path.from, path.to);
    if (!levels) return;
    const glm::mat3 r0 = m.bodyRotation(c, c.baseTurnDeg);
    const glm::vec3 pressBody = glm::transpose(r0) * m.pressWorld(r0);
    const glm::vec3 inward = horizontal(-pressBody, glm::vec3(0.0f, 0.0f, 1.0f));
    SurfaceQuery query{c.surface.get(), m.model};
    const float half = float(path.lateralM);
    for (float x : {m.midX + half, m.midX - half}) {  // subject's left (+X) first
      std::vector<glm::vec3> guides;
      for (int i = 0; i < kHeights; ++i) {
        const double y = levels->top + (levels->bottom - levels->top) * i / (kHeights - 1);
        guides.emplace_back(x, float(y), m.trunkZ);
      }
      c.tracks.push_back(castTrack(query, guides, inward, glm::vec3(1.0f, 0.0f, 0.0f), {0.0f, -0.01f, 0.01f}));
    }
  }

  Instant instant(const MotionContext& m, const SideConfig& c, double tau) const override {
    Instant in;
    const double w = m.workS;
    for (const Track& t : c.tracks) {
      if (t.empty()) continue;
      const double s = t.length() * sweep(tau, w, passesFor(w, m.exercise->tool.path.speedMS, t.length()));
      if (in.samples.empty()) in.travel = s;
      in.samples.push_back(t.at(s));
    }
    return in;
  }

  Placed place(const MotionContext& m, const SideConfig& c, const Instant& in) const override {
    if (in.samples.empty()) return {};
    const double r = m.toolRadius();
    const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg + in.turnDeg);
    const glm::vec3 press = m.pressWorld(rot);
    if (!m.posing) {
      Placed out = placeUnposed(m, c, in);
      const glm::vec3 pressBody = glm::transpose(rot) * press;
      for (const glm::vec3& p : out.contactWorld)
        out.tools.push_back(makeBall(p + float(r) * pressBody, r, "chair-roller", kChairRollerColour));
      return out;
    }
    Placed out;
    out.rollAngle = in.travel / r;
    finishPlacement(out, rot, c.chairOffset, in);
    std::vector<glm::vec3> nodes;
    for (const glm::vec3& w : out.contactWorld) nodes.push_back(w + float(r) * press);
    out.tools = chairShapes(c.chair, nodes, r);
    out.toolPosition = nodes[0];
    return out;
  }

  /// The chair around the body placed by c.chairOffset: the backrest leans back by its recline, its front
  /// face through the node centres halfway along their travel.
  void buildChair(const MotionContext& m, SideConfig& c) const {
    const double r = m.toolRadius();
    const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg);
    const glm::mat3 back =
        glm::mat3_cast(eulerDegrees(glm::vec3(-float(m.figure("backrest_recline_deg", 25.0)), 0, 0)));
    glm::vec3 front(0.0f);
    for (const Track& t : c.tracks)
      front += rot * t.at(0.5 * t.length()).posed + c.chairOffset + float(r) * m.pressWorld(rot);
    front /= float(std::max<std::size_t>(c.tracks.size(), 1));
    c.chair = makeMassageChair({front, back, m.midX, m.exercise->equipment.travelM, c.footRestAlong});
  }

  /// The seated pose on the chair's parts: the forearms laid on the armrests (two-bone IK), the body raised
  /// until no skin sinks into the seat (a few rounds, as the chair is built around the back and moves with
  /// the body), then each knee bent as far as keeps the calf and heel on the leg rest's face and out of the
  /// seat, and the neck bent forward as far as keeps the head on the headrest's pad.
  void seat(const MotionContext& m, SideConfig& c) const {
    const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg);
    const int shoulderL = m.rig.node("shoulder_L"), shoulderR = m.rig.node("shoulder_R");
    const auto body = [&] { return glm::translate(glm::mat4(1.0f), c.chairOffset) * glm::mat4(rot); };
    const auto skinOf = [&](const std::vector<glm::mat4>& world) {
      std::vector<glm::vec3> skin = posedPositions(*m.model, *m.rest, world);
      const glm::mat4 b = body();
      for (glm::vec3& p : skin) p = glm::vec3(b * glm::vec4(p, 1.0f));
      return skin;
    };
    std::array<float, 2> knee{c.angles.count("knee_L") ? c.angles.at("knee_L").x : 90.0f,
                              c.angles.count("knee_R") ? c.angles.at("knee_R").x : 90.0f};
    float nod = 0.0f;  // the neck bent forward from the file's pose, degrees
    // The file's pose with these knees and neck, the forearms on the armrests.
    const auto pose = [&](const std::array<float, 2>& k) {
      JointAngles angles = c.angles;
      if (m.rig.node("knee_L") >= 0) angles["knee_L"].x = k[0];
      if (m.rig.node("knee_R") >= 0) angles["knee_R"].x = k[1];
      if (m.rig.node("neck") >= 0) angles["neck"].x += nod;
      const std::vector<glm::mat4> start = posedLocals(*m.model, m.rig, angles);
      const std::vector<glm::mat4> world0 = posedWorld(*m.model, m.rig, start);
      const glm::mat4 b = body();
      std::vector<LimbGoal> goals;
      for (int i = 0; i < 2; ++i) {
        const float sx = i == 0 ? 1.0f : -1.0f;  // the sitter's left is +X
        const int shoulder = i == 0 ? shoulderL : shoulderR;
        const ChairPart& arm = i == 0 ? c.chair.armrestLeft : c.chair.armrestRight;
        if (shoulder < 0 || !limbOf(*m.model, m.rig, i == 0 ? Limb::HandL : Limb::HandR)) continue;
        // The forearm along the inner half of the armrest: the elbow on it (over its back end at least)
        // where the upper arm reaches down that far, else as low as it reaches; the wrist on the armrest a
        // forearm's length in front of the elbow.
        const glm::vec3 sh = glm::vec3(b * world0[std::size_t(shoulder)][3]);
        const int elbow = m.rig.node(i == 0 ? "elbow_L" : "elbow_R"),
                  wrist = m.rig.node(i == 0 ? "wrist_L" : "wrist_R");
        if (elbow < 0 || wrist < 0) continue;
        const float upper = glm::length(glm::vec3(m.model->nodes[std::size_t(elbow)].translation));
        const float fore = glm::length(glm::vec3(m.model->nodes[std::size_t(wrist)].translation));
        const float y = arm.surfaceCentre.y + kForearmHalf, x = arm.centre.x - sx * 0.25f * arm.halfSize.x;
        const float across = x - sh.x, drop = sh.y - y;
        const float backEnd = arm.centre.z - arm.halfSize.z, frontEnd = arm.centre.z + arm.halfSize.z - 0.03f;
        glm::vec3 e(x, y, sh.z + std::sqrt(std::max(0.0f, upper * upper - drop * drop - across * across)));
        e.z = std::max(e.z, backEnd + 0.04f);
        const float dz = e.z - sh.z;
        e.y = std::max(y, sh.y - std::sqrt(std::max(0.0f, upper * upper - across * across - dz * dz)));
        const float rise = e.y - y;
        const glm::vec3 w(x, y, std::min(frontEnd, e.z + std::sqrt(std::max(0.0f, fore * fore - rise * rise))));
        // The palm flat on the armrest, the fingers forward.
        Plant hand;
        hand.limb = i == 0 ? Limb::HandL : Limb::HandR;
        hand.target = w;
        LimbGoal g = plantGoal(hand, b);
        g.goal.pole = glm::normalize(e - 0.5f * (sh + w) + glm::vec3(0.0f, 0.0f, -1e-3f));
        goals.push_back(g);
      }
      c.bodyLocal = solvePose(*m.model, m.rig, start, b, goals).local;
      c.bodyWorld = posedWorld(*m.model, m.rig, c.bodyLocal);
    };
    // Above the knees (at rest): what sits on the seat.
    const int kneeNode = m.rig.node("knee_L");
    const float kneeY = kneeNode >= 0 ? m.restWorld[std::size_t(kneeNode)][3].y : 0.5f;
    for (int round = 0; round < 4; ++round) {
      pose(knee);
      const std::vector<glm::vec3> skin = skinOf(c.bodyWorld);
      float seatDepth = 0.0f;
      for (std::size_t v = 0; v < skin.size(); ++v)
        if (m.rest->positions[v].y > kneeY + 0.08f) seatDepth = std::max(seatDepth, depthIn(c.chair.seat, skin[v]));
      if (seatDepth <= 0.0f) break;
      c.chairOffset.y += seatDepth + 0.002f;
      buildChair(m, c);
    }
    // The chair stands now; the knees do not move it.
    const ChairPart& leg = c.chair.legRest;
    for (int i = 0; i < 2; ++i) {
      if (m.rig.node(i == 0 ? "knee_L" : "knee_R") < 0) continue;
      const auto into = [&](float k) {
        std::array<float, 2> ks = knee;
        ks[std::size_t(i)] = k;
        pose(ks);
        float d = 0.0f;
        for (const glm::vec3& p : skinOf(c.bodyWorld))
          if ((p.x > m.midX) == (i == 0)) d = std::max(d, std::max(depthIn(leg, p), depthIn(c.chair.seat, p)));
        return d;
      };
      float lo = kKneeLeast, hi = knee[std::size_t(i)];
      if (into(hi) <= kCalfSink) continue;
      for (int k = 0; k < 10; ++k) {
        const float mid = 0.5f * (lo + hi);
        (into(mid) <= kCalfSink ? lo : hi) = mid;
      }
      knee[std::size_t(i)] = lo;
    }
    // The head against the headrest's pad, not into it: the neck bent forward as little as that takes.
    const auto intoHeadrest = [&](float deg) {
      nod = deg;
      pose(knee);
      float d = 0.0f;
      for (const glm::vec3& p : skinOf(c.bodyWorld)) d = std::max(d, depthIn(c.chair.headrest, p));
      return d;
    };
    if (m.rig.node("neck") >= 0 && intoHeadrest(0.0f) > kHeadSink) {
      float lo = 0.0f, hi = kNodMost;
      for (int k = 0; k < 10; ++k) {
        const float mid = 0.5f * (lo + hi);
        (intoHeadrest(mid) <= kHeadSink ? hi : lo) = mid;
      }
      nod = hi;
    }
    pose(knee);
  }

  /// The foot rest under the soles of the seated body: its face where the feet, their calves on the leg rest,
  /// reach farthest down it (the chair rebuilt with it there).
  void placeFootRest(const MotionContext& m, SideConfig& c) const {
    const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg);
    const ChairPart& leg = c.chair.legRest;
    const glm::vec3 down = leg.axes[1];
    const glm::vec3 hinge = leg.centre - down * leg.halfSize.y + leg.axes[2] * leg.halfSize.z;
    const std::vector<glm::vec3> skin = posedPositions(*m.model, *m.rest, c.bodyWorld);
    const glm::mat4 b = glm::translate(glm::mat4(1.0f), c.chairOffset) * glm::mat4(rot);
    const int ankle = m.rig.node("ankle_L");
    const float below = ankle >= 0 ? m.restWorld[std::size_t(ankle)][3].y + 0.02f : 0.1f;
    float along = -1.0f;
    for (std::size_t v = 0; v < skin.size(); ++v)
      if (m.rest->positions[v].y < below)
        along = std::max(along, glm::dot(glm::vec3(b * glm::vec4(skin[v], 1.0f)) - hinge, down));
    if (along > 0.0f) {
      c.footRestAlong = along;
      buildChair(m, c);
    }
  }

  void buildPlacement(const MotionContext& m, SideConfig& c) const override {
    const Instant start = instant(m, c, 0.0);
    if (start.samples.empty() || !m.posing) return;
    const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg);
    const int pelvis = m.rig.node("pelvis");
    const glm::vec3 hip = rot * glm::vec3(c.bodyWorld[std::size_t(pelvis)][3]);
    c.chairOffset = glm::vec3(-hip.x, float(kSeatTop + kHipAboveSeat) - hip.y, -hip.z);
    c.footRestAlong = -1.0;
    buildChair(m, c);
    seat(m, c);
    placeFootRest(m, c);
    // In front of the leg rest's lower edge and the foot rest's front.
    const ChairPart& leg = c.chair.legRest;
    const ChairPart& well = c.chair.footRest;
    const float frontZ = std::max((leg.centre + leg.axes[1] * leg.halfSize.y).z,
                                  (well.centre + well.axes[1] * well.halfSize.y + well.axes[2] * well.halfSize.z).z);
    c.standOffset = glm::vec3(0.0f, 0.0f, frontZ + kStandClear);
    planPlantTargets(m, *this, c);
  }
};

}  // namespace

const Motion& chairProgrammeMotion() {
  static const ChairProgramme kind;
  return kind;
}

}  // namespace myo::exercise
