// exercise/ik.cpp: two-bone IK with a hinge, a pole and limits.
//
// In the root's frame (its parent's world transform, its translation and rest rotation; the solved rotation
// Q not yet applied) the hinge sits at the fixed offset m and the end at e(theta) = m + R(h, theta) v, with
// h the hinge axis and v the end's offset, both in that frame. |e(theta)| = d is A cos(theta) +
// B sin(theta) = C with A = m.v_perp, B = m.(h x v_perp), C = (d^2 - |m|^2 - |v|^2) / 2 - m.v_par: two
// angles, of which the limits keep one. Then Q swings e onto the target's direction and twists about it
// so that the hinge lies toward the pole.
#include "exercise/ik.hpp"

#include <algorithm>
#include <cmath>

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

namespace myo::exercise::ik {

namespace {

glm::vec3 translationOf(const glm::mat4& m) {
  return glm::vec3(m[3]);
}

glm::quat rotationOf(const glm::mat4& m) {
  glm::mat3 r(m);
  for (int i = 0; i < 3; ++i) r[i] = glm::normalize(r[i]);
  return glm::normalize(glm::quat_cast(r));
}

glm::mat4 compose(const glm::vec3& t, const glm::quat& q) {
  return glm::translate(glm::mat4(1.0f), t) * glm::mat4_cast(q);
}

glm::mat4 parentWorld(const scene::Model& model, const std::vector<glm::mat4>& local, int n) {
  const int p = model.nodes[std::size_t(n)].parent;
  return p < 0 ? glm::mat4(1.0f) : nodeWorld(model, local, p);
}

float wrapPi(float a) {
  const float tau = 2.0f * glm::pi<float>();
  a = std::fmod(a + glm::pi<float>(), tau);
  if (a < 0.0f) a += tau;
  return a - glm::pi<float>();
}

}  // namespace

bool Chain::valid(const scene::Model& model) const {
  const auto in = [&](int n) { return n >= 0 && std::size_t(n) < model.nodes.size(); };
  return in(root) && in(hinge) && in(end) && model.nodes[std::size_t(hinge)].parent == root &&
         model.nodes[std::size_t(end)].parent == hinge;
}

glm::mat4 nodeWorld(const scene::Model& model, const std::vector<glm::mat4>& local, int n) {
  glm::mat4 w = local[std::size_t(n)];
  for (int p = model.nodes[std::size_t(n)].parent; p >= 0; p = model.nodes[std::size_t(p)].parent)
    w = local[std::size_t(p)] * w;
  return w;
}

float angleAbout(const glm::vec3& a, const glm::vec3& b, const glm::vec3& axis) {
  const glm::vec3 n = glm::normalize(axis);
  const glm::vec3 pa = a - glm::dot(a, n) * n, pb = b - glm::dot(b, n) * n;
  if (glm::length(pa) < 1e-7f || glm::length(pb) < 1e-7f) return 0.0f;
  return std::atan2(glm::dot(glm::cross(pa, pb), n), glm::dot(pa, pb));
}

glm::quat fromTo(const glm::vec3& from, const glm::vec3& to) {
  const glm::vec3 a = glm::normalize(from), b = glm::normalize(to);
  const float c = glm::dot(a, b);
  if (c > 1.0f - 1e-7f) return glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
  if (c < -1.0f + 1e-7f) {
    glm::vec3 axis = glm::cross(a, glm::vec3(1.0f, 0.0f, 0.0f));
    if (glm::length(axis) < 1e-3f) axis = glm::cross(a, glm::vec3(0.0f, 1.0f, 0.0f));
    return glm::angleAxis(glm::pi<float>(), glm::normalize(axis));
  }
  return glm::angleAxis(std::acos(c), glm::normalize(glm::cross(a, b)));
}

Result solveTwoBone(const scene::Model& model, const std::vector<glm::mat4>& rest, std::vector<glm::mat4>& local,
                    const Chain& chain, const HingeLimits& limits, const Goal& goal) {
  Result out;
  if (!chain.valid(model)) return out;
  const std::size_t r = std::size_t(chain.root), h = std::size_t(chain.hinge), e = std::size_t(chain.end);
  const glm::vec3 rootT = translationOf(rest[r]);
  const glm::quat rootRest = rotationOf(rest[r]);
  const glm::quat hingeRest = rotationOf(rest[h]);
  // The root's frame before its solved rotation.
  const glm::mat4 frame = parentWorld(model, local, chain.root) * compose(rootT, rootRest);
  const glm::mat4 toFrame = glm::inverse(frame);
  const glm::vec3 target = glm::vec3(toFrame * glm::vec4(goal.target, 1.0f));
  const glm::vec3 pole = glm::mat3(toFrame) * goal.pole;

  const glm::vec3 m = translationOf(rest[h]);
  const glm::vec3 axis = glm::normalize(hingeRest * glm::normalize(limits.axis));
  const glm::vec3 v = hingeRest * translationOf(rest[e]);
  const glm::vec3 vPar = glm::dot(v, axis) * axis, vPerp = v - vPar;
  const float d = glm::length(target);
  const float a = glm::dot(m, vPerp), b = glm::dot(m, glm::cross(axis, vPerp));
  const float c = 0.5f * (d * d - glm::dot(m, m) - glm::dot(v, v)) - glm::dot(m, vPar);
  const float lo = glm::radians(limits.minDeg), hi = glm::radians(limits.maxDeg);
  const auto reachOf = [&](float theta) { return glm::length(m + glm::angleAxis(theta, axis) * v); };
  float theta = std::clamp(0.0f, lo, hi);
  const float amp = std::hypot(a, b);
  if (amp > 1e-9f) {
    const float phi = std::atan2(b, a), spread = std::acos(std::clamp(c / amp, -1.0f, 1.0f));
    float best = std::numeric_limits<float>::max();
    for (float cand : {wrapPi(phi + spread), wrapPi(phi - spread)}) {
      const float clamped = std::clamp(cand, lo, hi);
      const float miss = std::abs(reachOf(clamped) - d) + 1e-4f * std::abs(clamped - cand);
      if (miss < best) {
        best = miss;
        theta = clamped;
      }
    }
  }
  const glm::vec3 end = m + glm::angleAxis(theta, axis) * v;

  // Swing the end onto the target's direction, then twist about it to bring the hinge toward the pole.
  const glm::vec3 dir = d > 1e-7f ? target / d : glm::normalize(end);
  const glm::quat swing = fromTo(end, dir);
  const float twist = angleAbout(swing * m, pole, dir);
  const glm::quat q = glm::angleAxis(twist, dir) * swing;

  local[r] = compose(rootT, glm::normalize(rootRest * q));
  local[h] = compose(m, glm::normalize(hingeRest * glm::angleAxis(theta, glm::normalize(limits.axis))));
  out.hingeDeg = glm::degrees(theta);
  const glm::vec3 got = translationOf(nodeWorld(model, local, chain.end));
  out.errorM = glm::distance(got, goal.target);
  out.reached = out.errorM < 1e-3f;
  return out;
}

float reachWithGirdle(const scene::Model& model, const std::vector<glm::mat4>& rest, std::vector<glm::mat4>& local,
                      int girdle, const Chain& chain, const GirdleLimits& limits, const glm::vec3& target) {
  if (!chain.valid(model) || girdle < 0 || model.nodes[std::size_t(chain.root)].parent != girdle) return 0.0f;
  const float a = glm::length(translationOf(rest[std::size_t(chain.hinge)]));
  const float b = glm::length(translationOf(rest[std::size_t(chain.end)]));
  const float bend = glm::radians(limits.minHingeDeg);
  const float reach = std::sqrt(a * a + b * b + 2.0f * a * b * std::cos(bend));
  const glm::mat4 w = nodeWorld(model, local, girdle);
  const glm::vec3 s = translationOf(w);
  const glm::vec3 g = translationOf(nodeWorld(model, local, chain.root)) - s;
  if (glm::distance(s + g, target) <= reach) return 0.0f;
  const glm::vec3 toTarget = target - s;
  glm::vec3 axis = glm::cross(g, toTarget);
  if (glm::length(axis) < 1e-9f) return 0.0f;
  axis = glm::normalize(axis);
  const float most = std::min(glm::radians(limits.maxDeg), std::abs(angleAbout(g, toTarget, axis)));
  const auto gap = [&](float angle) { return glm::distance(s + glm::angleAxis(angle, axis) * g, target) - reach; };
  float turn = most;
  if (gap(most) < 0.0f) {
    // The distance falls steadily as the shoulder swings toward the target: bisect for the reach.
    float lo = 0.0f, hi = most;
    for (int i = 0; i < 30; ++i) {
      const float mid = 0.5f * (lo + hi);
      (gap(mid) > 0.0f ? lo : hi) = mid;
    }
    turn = hi;
  }
  // World swing R about the girdle's origin: its local rotation gains W^-1 R W.
  const glm::quat wr = rotationOf(w);
  local[std::size_t(girdle)] =
      local[std::size_t(girdle)] * glm::mat4_cast(glm::normalize(glm::inverse(wr) * glm::angleAxis(turn, axis) * wr));
  return glm::degrees(turn);
}

void setWorldRotation(const scene::Model& model, std::vector<glm::mat4>& local, int n, const glm::quat& worldRotation) {
  const glm::quat parent = rotationOf(parentWorld(model, local, n));
  local[std::size_t(n)] =
      compose(translationOf(local[std::size_t(n)]), glm::normalize(glm::inverse(parent) * worldRotation));
}

}  // namespace myo::exercise::ik
