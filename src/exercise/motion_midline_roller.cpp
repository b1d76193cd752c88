// exercise/motion_midline_roller.cpp: "midline-roller": lying supine across a foam roller on the floor, the legs
// drive the body so that the contact runs along the back between two spinous levels.
//
// The track: rays from behind along the spine's midline (the centre of the muscles' bounds, moved by
// tool.path.lateral_m) between the path's two landmarks, scaled to the model's own trapezius; the first surface
// met is the contact. The roller rolls without slipping: its centre moves as far as the contact travels along
// the body, the body twice as far, and it turns by travel / radius. The planted feet stay where they are while
// the knees open and close.
#include <algorithm>
#include <glm/gtc/matrix_transform.hpp>

#include "exercise/motion.hpp"

namespace myo::exercise {

namespace {

constexpr int kHeights = 48;
constexpr float kContactLift = 0.002f;  // metres

class MidlineRoller final : public Motion {
 public:
  const MotionInfo& info() const override {
    static const MotionInfo info{"midline-roller",
                                 "supine across a foam roller, rolling along the back between two spinous levels",
                                 {EquipmentKind::FoamRoller},
                                 Support::Floor,
                                 LevelFrame::Trapezius,
                                 {"lateral_m", "speed_m_s"},
                                 {{"heel_spacing_m", 0.05, 0.8, "a distance in metres"}},
                                 false};
    return info;
  }

  Patch patch(const MotionContext& m, const glm::vec3& rest, const glm::vec3& outward,
              const glm::vec3& axisBody) const override {
    return rollerPatch(m, rest, outward, axisBody);
  }

  void buildTracks(const MotionContext& m, SideConfig& c) const override {
    c.tracks.clear();
    const PathSpec& path = m.exercise->tool.path;
    const std::vector<int> trapezius = m.meshesOf({scene::MuscleKind::Trapezius}, scene::Side::None);
    const auto levels = pathLevels(*m.rest, trapezius.empty() ? c.targets : trapezius, m.midX, path.from, path.to);
    if (!levels) return;
    const glm::mat3 r0 = m.bodyRotation(c, c.baseTurnDeg);
    const glm::vec3 pressBody = glm::transpose(r0) * m.pressWorld(r0);
    const glm::vec3 inward = horizontal(-pressBody, glm::vec3(0.0f, 0.0f, 1.0f));
    const glm::vec3 axisBody = acrossAxisBody(r0, glm::vec3(0.0f, 0.0f, -1.0f));
    SurfaceQuery query{c.surface.get(), m.model};
    std::vector<glm::vec3> guides;
    for (int i = 0; i < kHeights; ++i) {
      const double y = levels->top + (levels->bottom - levels->top) * i / (kHeights - 1);
      guides.emplace_back(m.midX + float(path.lateralM), float(y), m.trunkZ);
    }
    c.tracks.push_back(castTrack(query, guides, inward, axisBody, {0.0f, -0.03f, 0.03f, -0.06f, 0.06f, -0.1f, 0.1f}));
  }

  Instant instant(const MotionContext& m, const SideConfig& c, double tau) const override {
    Instant in;
    if (c.tracks.empty() || c.tracks[0].empty()) return in;
    const Track& t = c.tracks[0];
    const double w = m.workS;
    in.travel = t.length() * sweep(tau, w, passesFor(w, m.exercise->tool.path.speedMS, t.length()));
    in.samples.push_back(t.at(in.travel));
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
    const glm::vec3 centre = glm::vec3(0.0f, float(r), 0.0f) + float(in.travel) * u;
    glm::vec3 b = -c.anchor + float(2.0 * in.travel) * u;
    // The contact sits on top of the roller, 2 mm above it: measured on the skinned skin, the upper back near the
    // top of the stroke reaches up to 1.1 cm lower than the contact's track point (0.9 cm with the lift).
    b.y = float(2.0 * r) - p.y + kContactLift;
    out.toolPosition = centre;
    out.rollAngle = in.travel / r;
    out.tools.push_back(makeRoller(centre, glm::normalize(glm::cross(kUp, u)), r, length, out.rollAngle));
    finishPlacement(out, rot, b, in);
    return out;
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
    planFeet(m, *this, c);
    planPlantTargets(m, *this, c);
  }
};

}  // namespace

const Motion& midlineRollerMotion() {
  static const MidlineRoller kind;
  return kind;
}

}  // namespace myo::exercise
