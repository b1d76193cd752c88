// exercise/motion_side_roller.cpp: "side-roller": side-lying on a foam roller on the floor, rolling along the
// side of the trunk between two side landmarks while the trunk turns from side-lying toward supine
// (tool.path.turn_deg, pose.root.figures.turn_cycles_per_min).
//
// The tracks: rays from the floor side (the roller's direction in the body frame) at heights between the path's
// landmarks (scaled to the model's own latissimus), one track per trunk turn; the turn starts where the contact
// first lies over the latissimus. Rolling follows the same no-slip kinematics as the midline roller.
#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

#include "exercise/motion.hpp"

namespace myo::exercise {

namespace {

constexpr int kColumns = 9;  // trunk turns sampled between side-lying and the full turn
constexpr int kHeights = 24;
constexpr int kTurnHeights = 5;  // heights along the path that choose where the turn starts
constexpr float kRollerBehind = 0.38f;   // roller centre behind the contact along its axis, metres
constexpr float kWristOnFloor = 0.008f;  // the wrist joint above the floor with the palm flat on it, metres
constexpr float kHandInFront = 0.22f;    // the top hand in front of the top shoulder's mean place, metres
constexpr float kHandHeadward = -0.05f;  // and toward the head (negative: toward the feet), metres

/// The body's front, horizontal (world).
glm::vec3 frontOf(const glm::mat3& rot) {
  return horizontal(rot * glm::vec3(0.0f, 0.0f, 1.0f), glm::vec3(0.0f, 0.0f, 1.0f));
}

class SideRoller final : public Motion {
 public:
  const MotionInfo& info() const override {
    static const MotionInfo info{
        "side-roller",
        "side-lying on a foam roller, rolling along the side of the trunk while turning toward supine",
        {EquipmentKind::FoamRoller},
        Support::Floor,
        LevelFrame::Latissimus,
        {"speed_m_s", "turn_deg"},
        {{"turn_cycles_per_min", 0.5, 20.0, "a number of turns per minute"}},
        false};
    return info;
  }

  Patch patch(const MotionContext& m, const glm::vec3& rest, const glm::vec3& outward,
              const glm::vec3& axisBody) const override {
    return rollerPatch(m, rest, outward, axisBody);
  }

  std::vector<int> targets(const MotionContext& m, const SideConfig& c) const override {
    return m.meshesOf(m.exercise->targets, c.side == scene::Side::None ? scene::Side::Left : c.side);
  }

  void buildTracks(const MotionContext& m, SideConfig& c) const override {
    c.tracks.clear();
    c.lowPoints.clear();
    if (m.posing) {
      // The lower side of the body from the waist down, facing the floor: what settles on it.
      const std::vector<glm::vec3> posed = posedPositions(*m.model, *m.rest, c.bodyWorld);
      const float down = c.side == scene::Side::Right ? -1.0f : 1.0f;
      std::vector<glm::vec3> low;
      for (std::size_t v = 0; v < posed.size(); ++v)
        if ((m.rest->positions[v].x - m.midX) * down > 0.06f && m.rest->positions[v].y < m.axis.bottom.y &&
            m.rest->normals[v].x * down > 0.3f)
          low.push_back(posed[v]);
      const std::size_t step = std::max<std::size_t>(1, low.size() / 600);
      for (std::size_t i = 0; i < low.size(); i += step) c.lowPoints.push_back(low[i]);
    }
    const PathSpec& path = m.exercise->tool.path;
    const auto levels = pathLevels(*m.rest, c.targets, m.midX, path.from, path.to);
    if (!levels) return;
    SurfaceQuery query{c.surface.get(), m.model};
    const auto bounds = meshBounds(*m.rest, c.targets);
    const float zc = bounds ? 0.5f * (bounds->first.z + bounds->second.z) : m.trunkZ;
    auto inwardAt = [&](double turnDeg) {
      const glm::mat3 r = m.bodyRotation(c, turnDeg);
      return horizontal(-(glm::transpose(r) * m.pressWorld(r)), glm::vec3(-1.0f, 0.0f, 0.0f));
    };
    auto columnAt = [&](double turnDeg, int heights) {
      const glm::mat3 r = m.bodyRotation(c, turnDeg);
      const glm::vec3 axisBody = acrossAxisBody(r, glm::vec3(1.0f, 0.0f, 0.0f));
      std::vector<glm::vec3> guides;
      for (int i = 0; i < heights; ++i) {
        const double y = levels->top + (levels->bottom - levels->top) * i / std::max(heights - 1, 1);
        guides.emplace_back(m.midX, float(y), zc);
      }
      // The roller under a side-lying body touches where the trunk bulges furthest toward the floor.
      return castTrack(query, guides, inwardAt(turnDeg), axisBody, {0.0f, -0.025f, 0.025f, -0.05f, 0.05f}, 0.15f);
    };
    // Start the turn where the latissimus lies right under the contact along most of the path: in pure
    // side-lying the bulge of the chest wall can sit in front of the muscle's lateral edge.
    auto overLat = [&](const Track& t, const glm::vec3& in) {
      int n = 0;
      for (const TrackPoint& p : t.points)
        for (const auto& [mesh, depth] : c.surface->meshesAlong(p.posed - 1e-4f * in, in, 0.12f))
          if (std::find(c.targets.begin(), c.targets.end(), mesh) != c.targets.end()) {
            ++n;
            break;
          }
      return n;
    };
    int best = -1;
    c.baseTurnDeg = 0.0;
    for (double base = 0.0; base <= 40.0; base += 5.0) {
      const int n = overLat(columnAt(base, kTurnHeights), inwardAt(base));
      if (n > best) {
        best = n;
        c.baseTurnDeg = base;
      }
      if (2 * n > kTurnHeights) break;  // over most of them (the top one may meet the raised arm's armpit)
    }
    for (int j = 0; j < kColumns; ++j)
      c.tracks.push_back(columnAt(c.baseTurnDeg + path.turnDeg * j / (kColumns - 1), kHeights));
  }

  Instant instant(const MotionContext& m, const SideConfig& c, double tau) const override {
    Instant in;
    if (c.tracks.empty() || c.tracks[0].empty()) return in;
    const PathSpec& path = m.exercise->tool.path;
    const double w = m.workS;
    const double length = c.tracks[0].length();
    const double u = sweep(tau, w, passesFor(w, path.speedMS, length));
    const double cycles = m.figure("turn_cycles_per_min", 3.0);
    const int turns = std::max(1, int(std::lround(w / 60.0 * cycles)));
    in.turnDeg = path.turnDeg * sweep(tau, w, turns);
    in.travel = u * length;
    const double column = path.turnDeg > 0.0 ? in.turnDeg / path.turnDeg * (kColumns - 1) : 0.0;
    const int j0 = std::clamp(int(std::floor(column)), 0, int(c.tracks.size()) - 1);
    const int j1 = std::min(j0 + 1, int(c.tracks.size()) - 1);
    const float f = float(column - j0);
    const Track& a = c.tracks[std::size_t(j0)];
    const Track& b = c.tracks[std::size_t(j1)];
    if (a.empty() || b.empty()) {
      in.samples.push_back(c.tracks[0].at(in.travel));
      return in;
    }
    const TrackSample sa = a.at(u * a.length()), sb = b.at(u * b.length());
    TrackSample s;
    s.rest = glm::mix(sa.rest, sb.rest, f);
    s.posed = glm::mix(sa.posed, sb.posed, f);
    s.muscles = f < 0.5f ? sa.muscles : sb.muscles;
    in.samples.push_back(s);
    return in;
  }

  Placed place(const MotionContext& m, const SideConfig& c, const Instant& in) const override {
    if (in.samples.empty()) return {};
    const double r = m.toolRadius();
    const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg + in.turnDeg);
    const double length = m.exercise->equipment.lengthM;
    if (!m.posing) return placeUnposedRoller(m, c, in, rot);
    Placed out;
    const glm::vec3 p = rot * in.samples[0].posed;
    const glm::vec3 u = horizontal(rot * kUp, glm::vec3(0.0f, 0.0f, -1.0f));
    // The roller sticks out behind the back rather than in front of the chest, leaving the floor in front
    // free for the top hand.
    const glm::vec3 centre =
        glm::vec3(0.0f, float(r), 0.0f) + float(in.travel) * u - float(kRollerBehind) * frontOf(rot);
    glm::vec3 b = -c.anchor + float(2.0 * in.travel) * u;
    b.y = float(2.0 * r) - p.y;
    out.toolPosition = centre;
    out.rollAngle = in.travel / r;
    const glm::vec3 axisW = glm::normalize(glm::cross(kUp, u));
    out.tools.push_back(makeRoller(centre, axisW, r, length, out.rollAngle));
    finishPlacement(out, rot, b, in);
    if (!c.lowPoints.empty()) {
      // The trunk pivots about the roller until the hip and the bottom leg rest on the floor.
      std::vector<glm::vec3> low;
      low.reserve(c.lowPoints.size());
      for (const glm::vec3& q : c.lowPoints) low.push_back(glm::vec3(out.body * glm::vec4(q, 1.0f)));
      // The feet lie toward -u: the sense of turning that lowers a point a metre that way.
      const glm::vec3 feet = glm::vec3(rotationAbout(centre, axisW, 0.1) * glm::vec4(centre - u, 1.0f));
      const Plane floor{glm::vec3(0.0f), kUp};
      const double angle = feet.y < centre.y ? settleAbout(low, centre, axisW, floor, 0.0, 0.5)
                                             : settleAbout(low, centre, axisW, floor, -0.5, 0.0);
      const glm::mat4 tilt = rotationAbout(centre, axisW, angle);
      out.body = tilt * out.body;
      for (glm::vec3& w : out.contactWorld) w = glm::vec3(tilt * glm::vec4(w, 1.0f));
    }
    return out;
  }

  /// The top leg crosses over with its foot flat on the floor in front of the bottom knee (set down at
  /// mid-stroke, side-lying); the top hand rests on the floor in front of the chest, past the front end of
  /// the roller, 22 cm in front of and 5 cm toward the feet from where the top shoulder is on average over the
  /// stroke and the turn, reached with the shoulder girdle's help.
  void planSideLying(const MotionContext& m, SideConfig& c) const {
    c.plants.clear();
    const Instant first = instant(m, c, 0.0);
    if (first.samples.empty() || c.tracks.empty() || c.tracks[0].empty()) return;
    Instant mid = first;
    mid.travel = 0.5 * c.tracks[0].length();
    mid.turnDeg = 0.0;
    mid.samples[0] = c.tracks[0].at(mid.travel);
    const Placed placed = place(m, c, mid);
    const bool leftDown = c.side != scene::Side::Right;
    const int knee = m.rig.node(leftDown ? "knee_L" : "knee_R");
    const int ankle = m.rig.node(leftDown ? "ankle_R" : "ankle_L");
    const int shoulder = m.rig.node(leftDown ? "shoulder_R" : "shoulder_L");
    const glm::mat3 rot(placed.body);
    const glm::vec3 front = frontOf(rot);
    const glm::vec3 head = horizontal(rot * kUp, glm::vec3(1.0f, 0.0f, 0.0f));
    const float top = leftDown ? -1.0f : 1.0f;  // body-frame X of the upper side
    const std::vector<Limb> limbs = plantedLimbs(m, c);
    const auto wanted = [&](Limb l) {
      return std::find(limbs.begin(), limbs.end(), l) != limbs.end() && limbOf(*m.model, m.rig, l);
    };
    const Limb leg = leftDown ? Limb::FootR : Limb::FootL, arm = leftDown ? Limb::HandR : Limb::HandL;
    if (knee >= 0 && ankle >= 0 && wanted(leg)) {
      Plant foot;
      foot.limb = leg;
      foot.target = glm::vec3(placed.body * c.bodyWorld[std::size_t(knee)][3]) + 0.18f * front;
      foot.target.y = m.restWorld[std::size_t(ankle)][3].y;
      foot.poleBody = glm::normalize(glm::vec3(0.3f * top, 0.0f, 1.0f));
      foot.forward = glm::normalize(front + 0.5f * head);
      c.plants.push_back(foot);
    }
    if (shoulder >= 0 && wanted(arm)) {
      Plant hand;
      hand.limb = arm;
      // Where the top shoulder is on average over the stroke: its ends and middle, side-lying, half turned and
      // fully turned toward supine (the turn swings the shoulder back, away from the hand).
      glm::vec3 sh(0.0f);
      int n = 0;
      for (std::size_t j : {std::size_t(0), c.tracks.size() / 2, c.tracks.size() - 1}) {
        const Track& track = c.tracks[j];
        if (track.empty()) continue;
        for (double along : {0.0, 0.5, 1.0}) {
          Instant at = first;
          at.travel = along * c.tracks[0].length();
          at.turnDeg = c.tracks.size() > 1 ? m.exercise->tool.path.turnDeg * double(j) / double(c.tracks.size() - 1)
                                           : 0.0;
          at.samples[0] = track.at(along * track.length());
          sh += glm::vec3(place(m, c, at).body * c.bodyWorld[std::size_t(shoulder)][3]);
          ++n;
        }
      }
      sh /= float(std::max(n, 1));
      hand.target = glm::vec3(sh.x, kWristOnFloor, sh.z) + kHandInFront * front + kHandHeadward * head;
      hand.poleBody = glm::normalize(glm::vec3(0.6f * top, 0.0f, 1.0f));
      hand.forward = glm::normalize(front + 0.4f * head);
      hand.girdle = true;
      c.plants.push_back(hand);
    }
  }

  void buildPlacement(const MotionContext& m, SideConfig& c) const override {
    const Instant start = instant(m, c, 0.0);
    if (start.samples.empty() || !m.posing) return;
    const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg);
    const glm::vec3 p = rot * start.samples[0].posed;
    c.anchor = glm::vec3(p.x, 0.0f, p.z);
    const glm::vec3 u = horizontal(rot * kUp, glm::vec3(0.0f, 0.0f, -1.0f));
    const glm::vec3 axisW = glm::normalize(glm::cross(kUp, u));
    c.standOffset = axisW * float(0.5 * m.exercise->equipment.lengthM + kStandClear);
    c.standOffset += axisW * std::max(0.0f, glm::dot(axisW, -float(kRollerBehind) * frontOf(rot)));
    planSideLying(m, c);
    planPlantTargets(m, *this, c);
  }
};

}  // namespace

const Motion& sideRollerMotion() {
  static const SideRoller kind;
  return kind;
}

}  // namespace myo::exercise
