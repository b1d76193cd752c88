// exercise/motion_chair_programme.cpp: "chair-programme": seated in a massage chair, two roller nodes run up and
// down the back either side of the spine (tool.path.lateral_m) between two spinous levels while the body rests.
//
// The backrest leans back by pose.root.figures.backrest_recline_deg; its front face runs through the node
// centres halfway along their travel; the chair (exercise/equipment) carries a roller track of equipment.travel_m.
#include <algorithm>
#include <glm/gtc/matrix_transform.hpp>

#include "exercise/motion.hpp"

namespace myo::exercise {

namespace {

constexpr int kHeights = 48;
constexpr double kSeatTop = kChairSeatTop;
constexpr double kHipAboveSeat = 0.10;  // hip joint centre above the seat (ischial tuberosities)

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

  void buildPlacement(const MotionContext& m, SideConfig& c) const override {
    const Instant start = instant(m, c, 0.0);
    if (start.samples.empty() || !m.posing) return;
    const double r = m.toolRadius();
    const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg);
    const int pelvis = m.rig.node("pelvis");
    const glm::vec3 hip = rot * glm::vec3(c.bodyWorld[std::size_t(pelvis)][3]);
    c.chairOffset = glm::vec3(-hip.x, float(kSeatTop + kHipAboveSeat) - hip.y, -hip.z);
    // The backrest leans back by its recline; its front face runs through the node centres halfway along
    // their travel.
    const glm::mat3 back =
        glm::mat3_cast(eulerDegrees(glm::vec3(-float(m.figure("backrest_recline_deg", 25.0)), 0, 0)));
    glm::vec3 front(0.0f);
    for (const Track& t : c.tracks)
      front += rot * t.at(0.5 * t.length()).posed + c.chairOffset + float(r) * m.pressWorld(rot);
    front /= float(std::max<std::size_t>(c.tracks.size(), 1));
    c.chair = makeMassageChair({front, back, m.midX, m.exercise->equipment.travelM});
    // In front of the leg rest's lower edge.
    const ChairPart& leg = c.chair.legRest;
    const float frontZ = (leg.centre + leg.axes[1] * leg.halfSize.y).z;
    constexpr float kStandClear = 0.40f;
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
