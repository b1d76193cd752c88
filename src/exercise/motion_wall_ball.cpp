// exercise/motion_wall_ball.cpp: "wall-ball": standing with the back to a wall, a massage ball trapped between
// the wall and a trigger point on a target muscle; the legs press and the body sinks and rises a little so the
// ball works a few centimetres up and down over the point.
//
// The trigger point starts on the outer surface of the target muscles nearest to the guide the path gives:
// tool.path.lateral_m from the midline, halfway between the path's two spinous levels (scaled to the model's
// trapezius). Short strokes (tool.path.stroke_s each way) run up and down through it. The wall is tangent to
// the far side of the ball; the feet stay planted.
#include <algorithm>
#include <cmath>
#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>
#include <limits>

#include "exercise/motion.hpp"

namespace myo::exercise {

namespace {

constexpr double kStroke = 0.02;  // metres either side of the trigger point

class WallBall final : public Motion {
 public:
  const MotionInfo& info() const override {
    static const MotionInfo info{"wall-ball",
                                 "standing against a wall, a massage ball pressed on a trigger point",
                                 {EquipmentKind::MassageBall},
                                 Support::Wall,
                                 LevelFrame::Trapezius,
                                 {"lateral_m", "stroke_s"},
                                 {},
                                 true};
    return info;
  }

  Patch patch(const MotionContext&, const glm::vec3& rest, const glm::vec3& outward, const glm::vec3&) const override {
    Patch p;
    p.point = rest;
    p.outward = outward;
    p.radius = 0.03f;
    p.depth = 0.05f;  // the ball sinks in deeper, under the middle trapezius
    return p;
  }

  std::vector<int> targets(const MotionContext& m, const SideConfig&) const override {
    return m.meshesOf(m.exercise->targets, m.triggerSide);
  }

  void buildTracks(const MotionContext& m, SideConfig& c) const override {
    c.tracks.clear();
    if (!m.trigger) return;
    const glm::mat3 r0 = m.bodyRotation(c, c.baseTurnDeg);
    const glm::vec3 pressBody = glm::transpose(r0) * m.pressWorld(r0);
    const glm::vec3 inward = horizontal(-pressBody, glm::vec3(0.0f, 0.0f, 1.0f));
    SurfaceQuery query{c.surface.get(), m.model};
    std::vector<glm::vec3> guides;
    for (int i = 0; i <= 8; ++i)
      guides.emplace_back(m.trigger->x, float(m.trigger->y - kStroke + 2.0 * kStroke * i / 8), m.trunkZ);
    c.tracks.push_back(castTrack(query, guides, inward, glm::vec3(1.0f, 0.0f, 0.0f), {0.0f, -0.01f, 0.01f}));
  }

  Instant instant(const MotionContext& m, const SideConfig& c, double tau) const override {
    Instant in;
    if (c.tracks.empty() || c.tracks[0].empty()) return in;
    const Track& t = c.tracks[0];
    const double w = m.workS;
    // Short strokes either side of the trigger point, starting and ending on it.
    const int strokes = std::max(1, int(std::lround(w / (2.0 * std::max(m.exercise->tool.path.strokeS, 0.5)))));
    const double phase = w > 0.0 ? 2.0 * glm::pi<double>() * strokes * std::clamp(tau, 0.0, w) / w : 0.0;
    in.travel = 0.5 * t.length() * (1.0 + std::sin(phase));
    in.samples.push_back(t.at(in.travel));
    return in;
  }

  Placed place(const MotionContext& m, const SideConfig& c, const Instant& in) const override {
    if (in.samples.empty()) return {};
    const double r = m.toolRadius();
    if (!m.posing) {
      Placed out = placeUnposed(m, c, in);
      out.tools.push_back(makeBall(out.toolPosition, r));
      return out;
    }
    Placed out;
    const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg + in.turnDeg);
    const glm::vec3 press = m.pressWorld(rot);
    const glm::vec3 p = rot * in.samples[0].posed;
    // Pressing with the legs: the body sinks twice as far as the contact climbs, along its own long axis so
    // the back stays on the ball.
    const glm::vec3 v = rot * kUp;
    const double mid = c.tracks.empty() ? 0.0 : 0.5 * c.tracks[0].length();
    const glm::vec3 b = -float(2.0 * in.travel) * v;
    out.toolPosition = p + b + float(r) * press;
    out.rollAngle = (in.travel - mid) / r;
    out.tools.push_back(makeBall(out.toolPosition, r));
    out.tools.push_back(makeBox(glm::vec3(m.midX, 1.25f, float(c.wallZ) - 0.05f), glm::mat3(1.0f),
                                glm::vec3(1.5f, 1.25f, 0.05f), "wall", kWallColour));
    finishPlacement(out, rot, b, in);
    return out;
  }

  void buildPlacement(const MotionContext& m, SideConfig& c) const override {
    const Instant start = instant(m, c, 0.0);
    if (start.samples.empty() || !m.posing) return;
    const double r = m.toolRadius();
    const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg);
    const glm::vec3 press = m.pressWorld(rot);
    // The wall is tangent to the far side of the ball with the contact on the trigger point, halfway through
    // the stroke; at the top of the stroke the body stands on straight legs where it was.
    const Track& t = c.tracks[0];
    const glm::vec3 v = rot * kUp;
    const glm::vec3 ball = rot * t.at(0.5 * t.length()).posed - float(t.length()) * v + float(r) * press;
    c.wallZ = ball.z - r;
    c.plants.clear();
    for (Limb limb : plantedLimbs(m, c)) {
      if ((limb != Limb::FootL && limb != Limb::FootR) || !limbOf(*m.model, m.rig, limb)) continue;
      const int ankle = m.rig.node(std::string(limbJoint(limb)));
      if (ankle < 0) continue;
      Plant plant;
      plant.limb = limb;
      plant.target = rot * glm::vec3(c.bodyWorld[std::size_t(ankle)][3]);
      plant.target.y = m.restWorld[std::size_t(ankle)][3].y;
      plant.forward = horizontal(rot * glm::vec3(0.0f, 0.0f, 1.0f), glm::vec3(0.0f, 0.0f, 1.0f));
      c.plants.push_back(plant);
    }
    c.standOffset = glm::vec3(0.0f, 0.0f, float(c.wallZ) + kStandClear);
    planPlantTargets(m, *this, c);
  }
};

}  // namespace

const Motion& wallBallMotion() {
  static const WallBall kind;
  return kind;
}

}  // namespace myo::exercise
