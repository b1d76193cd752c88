// exercise/pose_solver.cpp: limbs by two-bone IK, the trunk settled by bisection on one angle.
#include "exercise/pose_solver.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

namespace myo::exercise {

std::optional<LimbChain> limbOf(const scene::Model& model, const Rig& rig, Limb id) {
  const bool left = id == Limb::FootL || id == Limb::HandL;
  const bool leg = id == Limb::FootL || id == Limb::FootR;
  const std::string s = left ? "_L" : "_R";
  LimbChain limb;
  if (leg) {
    limb.chain = {rig.node("hip" + s), rig.node("knee" + s), rig.node("ankle" + s)};
    limb.limits = {{1.0f, 0.0f, 0.0f}, 0.0f, 150.0f};
  } else {
    limb.chain = {rig.node("shoulder" + s), rig.node("elbow" + s), rig.node("wrist" + s)};
    limb.limits = {{-1.0f, 0.0f, 0.0f}, 0.0f, 150.0f};
  }
  if (!limb.chain.valid(model)) return std::nullopt;
  return limb;
}

LimbGoal plantGoal(const Plant& plant, const glm::mat4& body) {
  const glm::vec3 up(0.0f, 1.0f, 0.0f);
  const glm::vec3 side = glm::normalize(glm::cross(up, plant.forward));
  const bool hand = plant.limb == Limb::HandL || plant.limb == Limb::HandR;
  const float s = plant.limb == Limb::HandL ? 1.0f : -1.0f;
  LimbGoal g;
  g.limb = plant.limb;
  g.goal = {plant.target, glm::mat3(body) * plant.poleBody};
  const glm::mat3 frame = hand ? glm::mat3(s * up, -plant.forward, -s * side) : glm::mat3(side, up, plant.forward);
  g.endRotation = glm::normalize(glm::quat_cast(frame));
  g.girdle = hand && plant.girdle;
  return g;
}

namespace {

/// Turns a planted hand over in the forearm rather than at the wrist: the twist of the wrist's rotation from
/// rest about the forearm's axis (pronation, supination) moves to the elbow joint, which turns the forearm
/// about that same axis, so the hand and the wrist stay where they are while the wrist keeps only its bend.
/// A linear blend collapses the skin round a wrist turned 50-60 degrees about the forearm as well as bent.
void twistInForearm(const std::vector<glm::mat4>& rest, std::vector<glm::mat4>& local, const ik::Chain& arm) {
  const std::size_t elbow = std::size_t(arm.hinge), wrist = std::size_t(arm.end);
  const glm::vec3 offset(local[wrist][3]);  // the wrist in the elbow's frame: along the forearm
  if (glm::length(offset) < 1e-6f) return;
  const glm::vec3 axis = glm::normalize(offset);
  const glm::quat now = glm::normalize(glm::quat_cast(glm::mat3(local[wrist])));
  const glm::quat turn = now * glm::inverse(glm::normalize(glm::quat_cast(glm::mat3(rest[wrist]))));
  // Swing-twist decomposition: the twist keeps the rotation's part along the axis.
  const float along = glm::dot(glm::vec3(turn.x, turn.y, turn.z), axis);
  if (std::abs(along) < 1e-7f && std::abs(turn.w) < 1e-7f) return;
  const float angle = 2.0f * std::atan2(turn.w < 0.0f ? -along : along, std::abs(turn.w));
  const glm::quat twist = glm::angleAxis(angle, axis);
  glm::mat4 w = glm::mat4_cast(glm::inverse(twist) * now);
  w[3] = glm::vec4(offset, 1.0f);
  local[wrist] = w;
  local[elbow] = local[elbow] * glm::mat4_cast(twist);
}

}  // namespace

SolvedPose solvePose(const scene::Model& model, const Rig& rig, const std::vector<glm::mat4>& start,
                     const glm::mat4& body, const std::vector<LimbGoal>& goals) {
  SolvedPose out;
  out.local = start;
  const std::vector<glm::mat4> rest = scene::localTransforms(model);
  const glm::mat4 toModel = glm::inverse(body);
  const glm::quat bodyRotation = glm::normalize(glm::quat_cast(glm::mat3(body)));
  for (const LimbGoal& g : goals) {
    const auto limb = limbOf(model, rig, g.limb);
    if (!limb) {
      out.results.emplace_back();
      continue;
    }
    ik::Goal local;
    local.target = glm::vec3(toModel * glm::vec4(g.goal.target, 1.0f));
    local.pole = glm::mat3(toModel) * g.goal.pole;
    if (g.girdle && (g.limb == Limb::HandL || g.limb == Limb::HandR)) {
      const int clavicle = rig.node(g.limb == Limb::HandL ? "clavicle_L" : "clavicle_R");
      ik::reachWithGirdle(model, rest, out.local, clavicle, limb->chain, {}, local.target);
    }
    ik::Result r = ik::solveTwoBone(model, rest, out.local, limb->chain, limb->limits, local);
    if (g.endRotation) {
      ik::setWorldRotation(model, out.local, limb->chain.end, glm::inverse(bodyRotation) * *g.endRotation);
      if (g.limb == Limb::HandL || g.limb == Limb::HandR) twistInForearm(rest, out.local, limb->chain);
    }
    out.results.push_back(r);
  }
  return out;
}

glm::vec3 groundFeet(const scene::Model& model, const Rig& rig, std::vector<glm::mat4>& local) {
  const std::vector<glm::mat4> restLocal = scene::localTransforms(model);
  float dy = 0.0f;
  int n = 0;
  for (const char* name : {"ankle_L", "ankle_R"}) {
    const int a = rig.node(name);
    if (a < 0) continue;
    const glm::mat4 rest = ik::nodeWorld(model, restLocal, a);
    ik::setWorldRotation(model, local, a, glm::normalize(glm::quat_cast(glm::mat3(rest))));
    dy += rest[3].y - ik::nodeWorld(model, local, a)[3].y;
    ++n;
  }
  return glm::vec3(0.0f, n > 0 ? dy / float(n) : 0.0f, 0.0f);
}

glm::mat4 rotationAbout(const glm::vec3& pivot, const glm::vec3& axis, double angle) {
  return glm::translate(glm::mat4(1.0f), pivot) * glm::rotate(glm::mat4(1.0f), float(angle), glm::normalize(axis)) *
         glm::translate(glm::mat4(1.0f), -pivot);
}

double settleAbout(const std::vector<glm::vec3>& points, const glm::vec3& pivot, const glm::vec3& axis,
                   const Plane& plane, double lo, double hi) {
  const auto lowest = [&](double a) {
    const glm::mat4 r = rotationAbout(pivot, axis, a);
    float m = std::numeric_limits<float>::max();
    for (const glm::vec3& p : points) m = std::min(m, plane.distance(glm::vec3(r * glm::vec4(p, 1.0f))));
    return double(m);
  };
  if (points.empty()) return std::clamp(0.0, lo, hi);
  double flo = lowest(lo), fhi = lowest(hi);
  if ((flo > 0.0) == (fhi > 0.0)) return std::abs(flo) < std::abs(fhi) ? lo : hi;
  for (int i = 0; i < 24; ++i) {
    const double mid = 0.5 * (lo + hi), f = lowest(mid);
    if ((f > 0.0) == (flo > 0.0)) {
      lo = mid;
      flo = f;
    } else {
      hi = mid;
    }
  }
  return 0.5 * (lo + hi);
}

}  // namespace myo::exercise
