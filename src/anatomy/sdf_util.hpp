// anatomy/sdf_util.hpp: signed-distance building blocks (metres) for the implicit skin and bone shapes.
#pragma once

#include <algorithm>
#include <cmath>

#include <glm/glm.hpp>

namespace myo::anatomy::sdf {

/// Polynomial smooth minimum: blends two distances over a band of width k (metres).
inline float smin(float a, float b, float k) {
  if (k <= 0.0f) return std::min(a, b);
  float h = std::max(k - std::abs(a - b), 0.0f) / k;
  return std::min(a, b) - h * h * k * 0.25f;
}

/// Smooth maximum (intersection) over a band k.
inline float smax(float a, float b, float k) { return -smin(-a, -b, k); }

inline float smoothstep(float e0, float e1, float x) {
  float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

inline float sphere(glm::vec3 p, glm::vec3 c, float r) { return glm::length(p - c) - r; }

/// Distance to a cone-capsule from a (radius ra) to b (radius rb); exact for the rounded cone.
inline float roundCone(glm::vec3 p, glm::vec3 a, glm::vec3 b, float ra, float rb) {
  glm::vec3 ba = b - a;
  float l2 = glm::dot(ba, ba);
  float rr = ra - rb;
  float a2 = l2 - rr * rr;
  float il2 = 1.0f / l2;
  glm::vec3 pa = p - a;
  float y = glm::dot(pa, ba);
  float z = y - l2;
  glm::vec3 xv = pa * l2 - ba * y;
  float x2 = glm::dot(xv, xv);
  float y2 = y * y * l2;
  float z2 = z * z * l2;
  float k = (rr > 0.0f ? 1.0f : -1.0f) * rr * rr * x2;
  if ((z > 0.0f ? 1.0f : -1.0f) * a2 * z2 > k) return std::sqrt(x2 + z2) * il2 - rb;
  if ((y > 0.0f ? 1.0f : -1.0f) * a2 * y2 < k) return std::sqrt(x2 + y2) * il2 - ra;
  return (std::sqrt(x2 * a2 * il2) + y * rr) * il2 - ra;
}

inline float capsule(glm::vec3 p, glm::vec3 a, glm::vec3 b, float r) {
  glm::vec3 pa = p - a, ba = b - a;
  float h = std::clamp(glm::dot(pa, ba) / glm::dot(ba, ba), 0.0f, 1.0f);
  return glm::length(pa - ba * h) - r;
}

/// Approximate distance to an axis-aligned ellipsoid (good near the surface).
inline float ellipsoid(glm::vec3 p, glm::vec3 c, glm::vec3 r) {
  glm::vec3 q = (p - c) / r;
  float k0 = glm::length(q);
  float k1 = glm::length(q / r);
  if (k1 < 1e-9f) return -std::min(r.x, std::min(r.y, r.z));
  return k0 * (k0 - 1.0f) / k1;
}

/// Distance from p to segment ab (no radius).
inline float segmentDistance(glm::vec3 p, glm::vec3 a, glm::vec3 b) { return capsule(p, a, b, 0.0f); }

/// Unsigned distance to triangle abc.
inline float triangleDistance(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
  glm::vec3 ba = b - a, pa = p - a, cb = c - b, pb = p - b, ac = a - c, pc = p - c;
  glm::vec3 nor = glm::cross(ba, ac);
  auto sgn = [](float v) { return v >= 0.0f ? 1.0f : -1.0f; };
  bool outside = sgn(glm::dot(glm::cross(ba, nor), pa)) + sgn(glm::dot(glm::cross(cb, nor), pb)) +
                     sgn(glm::dot(glm::cross(ac, nor), pc)) < 2.0f;
  auto dot2 = [](glm::vec3 v) { return glm::dot(v, v); };
  float d2;
  if (outside) {
    d2 = std::min({dot2(ba * std::clamp(glm::dot(ba, pa) / dot2(ba), 0.0f, 1.0f) - pa),
                   dot2(cb * std::clamp(glm::dot(cb, pb) / dot2(cb), 0.0f, 1.0f) - pb),
                   dot2(ac * std::clamp(glm::dot(ac, pc) / dot2(ac), 0.0f, 1.0f) - pc)});
  } else {
    float t = glm::dot(nor, pa);
    d2 = t * t / dot2(nor);
  }
  return std::sqrt(d2);
}

}  // namespace myo::anatomy::sdf
