// exercise/motion.cpp: the registry of motion kinds and what they share: the context's queries, the no-rig
// placement, planted feet and the leg solve that keeps them planted.
#include "exercise/motion.hpp"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>
#include <string>

namespace myo::exercise {

const std::vector<const Motion*>& motionKinds() {
  static const std::vector<const Motion*> kinds = {&midlineRollerMotion(), &sideRollerMotion(), &wallBallMotion(),
                                                   &chairProgrammeMotion()};
  return kinds;
}

const Motion* findMotion(std::string_view name) {
  for (const Motion* k : motionKinds())
    if (k->info().name == name) return k;
  return nullptr;
}

// === MotionContext

std::vector<int> MotionContext::meshesOf(const std::vector<scene::MuscleKind>& kinds, scene::Side side) const {
  std::vector<int> out;
  for (std::size_t i = 0; i < model->roles.size() && i < model->meshes.size(); ++i) {
    const scene::MuscleId& id = model->roles[i].muscle;
    if (std::find(kinds.begin(), kinds.end(), id.kind) == kinds.end() || !id.valid()) continue;
    if (side != scene::Side::None && id.side != scene::Side::None && id.side != side) continue;
    out.push_back(int(i));
  }
  return out;
}

glm::mat3 MotionContext::bodyRotation(const SideConfig& c, double turnDeg) const {
  const glm::quat root = eulerDegrees(c.rootDeg);
  const glm::quat turn = glm::angleAxis(float(glm::radians(c.turnSign * turnDeg)), kUp);
  return glm::mat3_cast(root * turn);
}

glm::vec3 MotionContext::pressWorld(const glm::mat3& r) const {
  switch (exercise->pose.root.support) {
    case Support::Floor:
      return {0.0f, -1.0f, 0.0f};  // the equipment lies on the floor
    case Support::Wall:
      return {0.0f, 0.0f, -1.0f};  // the wall stands behind the body
    case Support::Chair:
      return r * glm::vec3(0.0f, 0.0f, -1.0f);  // the backrest behind the back
  }
  return {0.0f, -1.0f, 0.0f};
}

double MotionContext::toolRadius() const { return 0.5 * exercise->equipment.diameterM; }

double MotionContext::figure(std::string_view key, double fallback) const {
  const auto& figures = exercise->pose.root.figures;
  const auto it = figures.find(std::string(key));
  return it != figures.end() ? it->second : fallback;
}

// === Shared placement

glm::vec3 horizontal(glm::vec3 v, const glm::vec3& fallback) {
  v.y = 0.0f;
  const float len = glm::length(v);
  return len > 1e-6f ? v / len : fallback;
}

glm::vec3 acrossAxisBody(const glm::mat3& rotation, const glm::vec3& fallbackUp) {
  const glm::vec3 u = horizontal(rotation * kUp, fallbackUp);
  return glm::transpose(rotation) * glm::normalize(glm::cross(kUp, u));
}

Placed placeUnposed(const MotionContext& m, const SideConfig& c, const Instant& in) {
  Placed out;
  const double r = m.toolRadius();
  const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg + in.turnDeg);
  const glm::vec3 pressBody = glm::transpose(rot) * m.pressWorld(rot);
  for (const TrackSample& s : in.samples) out.contactWorld.push_back(s.posed);
  if (!out.contactWorld.empty()) out.toolPosition = out.contactWorld[0] + float(r) * pressBody;
  out.rollAngle = r > 0.0 ? in.travel / r : 0.0;
  return out;
}

void finishPlacement(Placed& out, const glm::mat3& rotation, const glm::vec3& translation, const Instant& in) {
  out.body = glm::translate(glm::mat4(1.0f), translation) * glm::mat4(rotation);
  out.contactWorld.clear();
  for (const TrackSample& s : in.samples) out.contactWorld.push_back(glm::vec3(out.body * glm::vec4(s.posed, 1.0f)));
}

namespace {

struct Leg {
  int hip = -1, knee = -1, ankle = -1;
};

Leg legOf(const Rig& rig, int i) {
  const std::string s = i == 0 ? "_L" : "_R";
  return {rig.node("hip" + s), rig.node("knee" + s), rig.node("ankle" + s)};
}

bool planted(const SideConfig& c, Limb limb) {
  return std::any_of(c.plantTargets.begin(), c.plantTargets.end(), [&](const auto& p) { return p.first == limb; });
}

/// The pose's planted limbs for one side: the file names the left side's, the right side mirrors them.
std::vector<Limb> plantedLimbs(const MotionContext& m, const SideConfig& c) {
  std::vector<Limb> out;
  for (Limb l : m.exercise->pose.planted) {
    if (c.side == scene::Side::Right) {
      switch (l) {
        case Limb::FootL:
          l = Limb::FootR;
          break;
        case Limb::FootR:
          l = Limb::FootL;
          break;
        case Limb::HandL:
          l = Limb::HandR;
          break;
        case Limb::HandR:
          l = Limb::HandL;
          break;
      }
    }
    out.push_back(l);
  }
  return out;
}

/// Hip and knee flexion (degrees, about X) that put the ankle at `target` (in the hip's parent frame), for
/// a leg whose knee and ankle sit at `kneeT` and `ankleT` from their parents; out of reach the leg points
/// straight at the target.
std::pair<double, double> legFlexion(const glm::vec3& d, const glm::vec3& kneeT, const glm::vec3& ankleT) {
  const double l1 = glm::length(kneeT), l2 = glm::length(ankleT);
  // In the sagittal plane a direction (y, z) = (-cos a, -sin a): rotating about X by x adds x to a.
  const double rest1 = std::atan2(-kneeT.z, -kneeT.y), rest2 = std::atan2(-ankleT.z, -ankleT.y);
  const double reach = std::clamp(double(std::hypot(d.y, d.z)), std::abs(l1 - l2) + 1e-3, 0.999 * (l1 + l2));
  const double psi = std::atan2(-d.z, -d.y);
  const double knee = std::acos(std::clamp((reach * reach - l1 * l1 - l2 * l2) / (2.0 * l1 * l2), -1.0, 1.0));
  const double thigh = psi - std::atan2(l2 * std::sin(knee), l1 + l2 * std::cos(knee));
  const double hipX = thigh - rest1;
  const double kneeX = thigh + knee - rest2 - hipX;
  return {glm::degrees(hipX), glm::degrees(kneeX)};
}

}  // namespace

void planFeet(const MotionContext& m, const Motion& motion, SideConfig& c) {
  // Feet planted at shoulder width where the legs are halfway through their reach at mid-stroke: the body
  // travels twice the contact's range, so the knees open and close around that.
  c.ikFoot = {false, false};
  if (c.tracks.empty()) return;
  const Track& t = c.tracks[0];
  const Instant mid = motion.instant(m, c, 0.0);
  if (mid.samples.empty()) return;
  Instant half = mid;
  half.travel = 0.5 * t.length();
  half.samples[0] = t.at(half.travel);
  const Placed placed = motion.place(m, c, half);
  if (m.rig.node("pelvis") < 0) return;
  const std::vector<Limb> limbs = plantedLimbs(m, c);
  const glm::vec3 u = horizontal(m.bodyRotation(c, c.baseTurnDeg) * kUp, glm::vec3(0.0f, 0.0f, -1.0f));
  const double spacing = m.figure("heel_spacing_m", -1.0);
  for (int i = 0; i < 2; ++i) {
    const Limb limb = i == 0 ? Limb::FootL : Limb::FootR;
    if (std::find(limbs.begin(), limbs.end(), limb) == limbs.end()) continue;
    const Leg leg = legOf(m.rig, i);
    if (leg.hip < 0 || leg.knee < 0 || leg.ankle < 0) return;
    const glm::vec3 hip = glm::vec3(placed.body * c.bodyWorld[std::size_t(leg.hip)][3]);
    const float ankleY = m.restWorld[std::size_t(leg.ankle)][3].y;
    const double l = glm::length(glm::vec3(m.model->nodes[std::size_t(leg.knee)].translation)) +
                     glm::length(glm::vec3(m.model->nodes[std::size_t(leg.ankle)].translation));
    const double dy = hip.y - ankleY;
    const double far = std::sqrt(std::max(0.0, 0.95 * 0.95 * l * l - dy * dy));
    const double h = 0.5 * (far + 0.15);
    glm::vec3 target = glm::vec3(hip.x, ankleY, hip.z) - float(h) * u;
    const float x =
        spacing > 0.0 ? float(0.5 * spacing) * (i == 0 ? 1.0f : -1.0f) : m.restWorld[std::size_t(leg.ankle)][3].x;
    const glm::vec3 across = glm::normalize(glm::cross(kUp, u));
    target += (x - glm::dot(target, -across)) * -across;
    c.footTarget[std::size_t(i)] = target;
    c.ikFoot[std::size_t(i)] = true;
  }
}

void planPlantTargets(const MotionContext& m, const Motion& motion, SideConfig& c) {
  c.plantTargets.clear();
  if (!m.posing) return;
  const Instant start = motion.instant(m, c, 0.0);
  if (start.samples.empty()) return;
  const Placed placed = motion.place(m, c, start);
  const std::vector<glm::mat4> world = placedWorld(m, c, placed.body);
  constexpr float kWristAboveFloor = 0.03f;  // a palm flat on the floor: the wrist joint a few cm up
  for (Limb limb : plantedLimbs(m, c)) {
    if (planted(c, limb)) continue;
    const int node = m.rig.node(std::string(limbJoint(limb)));
    if (node < 0) continue;
    const bool foot = limb == Limb::FootL || limb == Limb::FootR;
    const int i = limb == Limb::FootL || limb == Limb::HandL ? 0 : 1;
    glm::vec3 target = glm::vec3(world[std::size_t(node)][3]);
    if (foot && c.ikFoot[std::size_t(i)]) {
      target = c.footTarget[std::size_t(i)];
    } else {
      target.y = foot ? m.restWorld[std::size_t(node)][3].y : kWristAboveFloor;
    }
    c.plantTargets.emplace_back(limb, target);
  }
}

std::vector<glm::mat4> placedWorld(const MotionContext& m, const SideConfig& c, const glm::mat4& body) {
  std::vector<glm::mat4> world;
  const int pelvis = m.rig.node("pelvis");
  if (!(c.ikFoot[0] || c.ikFoot[1]) || !m.posing || pelvis < 0) {
    world = c.bodyWorld;
  } else {
    JointAngles angles = c.angles;
    const glm::mat4 pelvisWorld = body * c.bodyWorld[std::size_t(pelvis)];
    const glm::mat4 toPelvis = glm::inverse(pelvisWorld);
    for (int i = 0; i < 2; ++i) {
      if (!c.ikFoot[std::size_t(i)]) continue;
      const std::string s = i == 0 ? "_L" : "_R";
      const Leg leg = legOf(m.rig, i);
      const glm::vec3 hipT = m.model->nodes[std::size_t(leg.hip)].translation;
      const glm::vec3 d = glm::vec3(toPelvis * glm::vec4(c.footTarget[std::size_t(i)], 1.0f)) - hipT;
      const auto [hipX, kneeX] = legFlexion(d, m.model->nodes[std::size_t(leg.knee)].translation,
                                            m.model->nodes[std::size_t(leg.ankle)].translation);
      angles["hip" + s].x = float(hipX);
      angles["knee" + s].x = float(kneeX);
      // Keep the sole level with the floor.
      angles["ankle" + s].x = float(std::clamp(-(c.rootDeg.x + hipX + kneeX), -40.0, 40.0));
    }
    world = scene::worldTransforms(*m.model, posedLocals(*m.model, m.rig, angles));
  }
  for (glm::mat4& w : world) w = body * w;
  return world;
}

}  // namespace myo::exercise
