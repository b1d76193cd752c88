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

double MotionContext::toolRadius() const {
  return 0.5 * exercise->equipment.diameterM;
}

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

Patch rollerPatch(const MotionContext& m, const glm::vec3& rest, const glm::vec3& outward, const glm::vec3& axisBody) {
  Patch p;
  p.point = rest;
  p.outward = outward;
  p.axis = axisBody;
  p.radius = 0.04f;
  p.halfWidth = float(0.5 * m.exercise->equipment.lengthM);
  p.depth = 0.04f;
  return p;
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

Placed placeUnposedRoller(const MotionContext& m, const SideConfig& c, const Instant& in, const glm::mat3& rotation) {
  Placed out = placeUnposed(m, c, in);
  out.tools.push_back(makeRoller(out.toolPosition, acrossAxisBody(rotation, glm::vec3(0.0f, 0.0f, -1.0f)),
                                 m.toolRadius(), m.exercise->equipment.lengthM, out.rollAngle));
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

}  // namespace

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

void planFeet(const MotionContext& m, const Motion& motion, SideConfig& c) {
  // The body travels twice the contact's range and the knees open and close over it.
  c.plants.clear();
  if (c.tracks.empty() || m.rig.node("pelvis") < 0) return;
  const Track& t = c.tracks[0];
  const Instant first = motion.instant(m, c, 0.0);
  if (first.samples.empty()) return;
  std::array<Placed, 2> ends;
  for (int e = 0; e < 2; ++e) {
    Instant in = first;
    in.travel = e == 0 ? 0.0 : t.length();
    in.samples[0] = t.at(in.travel);
    ends[std::size_t(e)] = motion.place(m, c, in);
  }
  const std::vector<Limb> limbs = plantedLimbs(m, c);
  const glm::vec3 u = horizontal(m.bodyRotation(c, c.baseTurnDeg) * kUp, glm::vec3(0.0f, 0.0f, -1.0f));
  const glm::vec3 across = glm::normalize(glm::cross(kUp, u));
  const double spacing = m.figure("heel_spacing_m", -1.0);
  for (int i = 0; i < 2; ++i) {
    const Limb limb = i == 0 ? Limb::FootL : Limb::FootR;
    if (std::find(limbs.begin(), limbs.end(), limb) == limbs.end() || !limbOf(*m.model, m.rig, limb)) continue;
    const Leg leg = legOf(m.rig, i);
    std::array<glm::vec3, 2> hip;
    for (int e = 0; e < 2; ++e)
      hip[std::size_t(e)] = glm::vec3(ends[std::size_t(e)].body * c.bodyWorld[std::size_t(leg.hip)][3]);
    const float ankleY = m.restWorld[std::size_t(leg.ankle)][3].y;
    const double l = glm::length(glm::vec3(m.model->nodes[std::size_t(leg.knee)].translation)) +
                     glm::length(glm::vec3(m.model->nodes[std::size_t(leg.ankle)].translation));
    const float x =
        spacing > 0.0 ? float(0.5 * spacing) * (i == 0 ? 1.0f : -1.0f) : m.restWorld[std::size_t(leg.ankle)][3].x;
    const glm::vec3 midHip = 0.5f * (hip[0] + hip[1]);
    glm::vec3 base(midHip.x, ankleY, midHip.z);
    base += (x - glm::dot(base, -across)) * -across;
    const auto farthest = [&](double s) {
      const glm::vec3 p = base - float(s) * u;
      return std::max(glm::distance(p, hip[0]), glm::distance(p, hip[1]));
    };
    double lo = 0.0, hi = l;
    for (int k = 0; k < 40; ++k) {
      const double mid = 0.5 * (lo + hi);
      (farthest(mid) < 0.96 * l ? lo : hi) = mid;
    }
    Plant plant;
    plant.limb = limb;
    plant.target = base - float(lo) * u;
    plant.forward = -u;  // toes away from the head
    c.plants.push_back(plant);
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
    const auto held = std::find_if(c.plants.begin(), c.plants.end(), [&](const Plant& p) { return p.limb == limb; });
    if (held != c.plants.end()) {
      c.plantTargets.emplace_back(limb, held->target);
      continue;
    }
    const int node = m.rig.node(std::string(limbJoint(limb)));
    if (node < 0) continue;
    const bool foot = limb == Limb::FootL || limb == Limb::FootR;
    glm::vec3 target = glm::vec3(world[std::size_t(node)][3]);
    target.y = foot ? m.restWorld[std::size_t(node)][3].y : kWristAboveFloor;
    c.plantTargets.emplace_back(limb, target);
  }
}

std::vector<glm::mat4> placedWorld(const MotionContext& m, const SideConfig& c, const glm::mat4& body) {
  std::vector<glm::mat4> world;
  if (c.plants.empty() || !m.posing) {
    world = c.bodyWorld;
  } else {
    // Planted feet and hands stay where they were set down: two-bone IK with the knees and elbows toward
    // their poles, soles and palms flat on the floor.
    std::vector<LimbGoal> goals;
    for (const Plant& plant : c.plants) goals.push_back(plantGoal(plant, body));
    const std::vector<glm::mat4>& start = c.bodyLocal.empty() ? posedLocals(*m.model, m.rig, c.angles) : c.bodyLocal;
    SolvedPose solved = solvePose(*m.model, m.rig, start, body, goals);
    // A hand that even its girdle cannot bring within reach of where it was set down (the trunk turned away from
    // it) slides over the floor toward the point under its shoulder, no farther than brings it back within reach.
    for (std::size_t i = 0; i < goals.size(); ++i) {
      if (!goals[i].girdle || solved.results[i].reached) continue;
      const auto limb = limbOf(*m.model, m.rig, goals[i].limb);
      if (!limb) continue;
      const glm::vec3 from = goals[i].goal.target;
      glm::vec3 under = glm::vec3(body * ik::nodeWorld(*m.model, solved.local, limb->chain.root)[3]);
      under.y = from.y;
      double lo = 0.0, hi = 1.0;
      for (int k = 0; k < 16; ++k) {
        const double mid = 0.5 * (lo + hi);
        goals[i].goal.target = glm::mix(from, under, float(mid));
        (solvePose(*m.model, m.rig, start, body, goals).results[i].reached ? hi : lo) = mid;
      }
      goals[i].goal.target = glm::mix(from, under, float(hi));
      solved = solvePose(*m.model, m.rig, start, body, goals);
    }
    world = posedWorld(*m.model, m.rig, solved.local);
  }
  for (glm::mat4& w : world) w = body * w;
  return world;
}

}  // namespace myo::exercise
