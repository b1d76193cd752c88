// scene_rounded_box_test.cpp: the rounded box the chair's upholstery is drawn from: on the offset surface of its
// core box, closed and outward, its volume that of a rounded box, its normals the surface's.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include <glm/glm.hpp>

#include "scene/rounded_box.hpp"

using namespace myo;

namespace {

constexpr double kPi = 3.14159265358979;

// The exact volume of a box of half sizes h with edges rounded by r.
double roundedVolume(const glm::dvec3& h, double r) {
  const double a = 2 * (h.x - r), b = 2 * (h.y - r), c = 2 * (h.z - r);
  return a * b * c + 2 * r * (a * b + b * c + c * a) + kPi * r * r * (a + b + c) + 4.0 / 3.0 * kPi * r * r * r;
}

struct Checked {
  double volume = 0.0;
  int openEdges = 0;       // welded edges not used exactly once in each direction
  double worstOffset = 0;  // how far a vertex is from the offset surface, metres
  double worstNormal = 0;  // 1 - cos(angle) between a normal and the surface's
  float largest = 0.0f;    // the largest unit coordinate (1 on the faces)
};

Checked check(const glm::vec3& h, float radius) {
  const scene::Primitive p = scene::unitRoundedBox(h, radius);
  REQUIRE(p.positions.size() == p.normals.size());
  REQUIRE(p.indices.size() % 3 == 0);
  const float r = std::min({radius, h.x, h.y, h.z});
  const glm::vec3 inner = h - glm::vec3(r);
  Checked out;
  // Weld equal positions (the faces' shared border vertices) and count directed edges.
  std::map<std::tuple<long, long, long>, int> ids;
  std::vector<int> weld;
  for (const glm::vec3& u : p.positions) {
    out.largest = std::max({out.largest, std::abs(u.x), std::abs(u.y), std::abs(u.z)});
    const glm::vec3 q = u * h;
    const auto key = std::make_tuple(std::lround(q.x * 1e6), std::lround(q.y * 1e6), std::lround(q.z * 1e6));
    weld.push_back(ids.emplace(key, int(ids.size())).first->second);
  }
  for (size_t i = 0; i < p.positions.size(); ++i) {
    const glm::vec3 q = p.positions[i] * h;
    const glm::vec3 core = glm::clamp(q, -inner, inner);
    out.worstOffset = std::max(out.worstOffset, std::abs(double(glm::length(q - core)) - double(r)));
    // The stored normal, back in metres (the inverse of "times h, normalised").
    const glm::vec3 n = glm::normalize(p.normals[i] / h);
    const glm::vec3 d = q - core;
    if (glm::length(d) > 1e-5f) out.worstNormal = std::max(out.worstNormal, 1.0 - double(glm::dot(n, glm::normalize(d))));
  }
  std::map<std::pair<int, int>, int> directed;
  for (size_t t = 0; t + 2 < p.indices.size(); t += 3) {
    const glm::dvec3 a = glm::dvec3(p.positions[p.indices[t]] * h), b = glm::dvec3(p.positions[p.indices[t + 1]] * h),
                     c = glm::dvec3(p.positions[p.indices[t + 2]] * h);
    out.volume += glm::dot(a, glm::cross(b, c)) / 6.0;
    for (int k = 0; k < 3; ++k) {
      const int from = weld[p.indices[t + k]], to = weld[p.indices[t + (k + 1) % 3]];
      if (from != to) ++directed[{from, to}];
    }
  }
  for (const auto& [edge, count] : directed) {
    const auto back = directed.find({edge.second, edge.first});
    if (count != 1 || back == directed.end() || back->second != 1) ++out.openEdges;
  }
  return out;
}

}  // namespace

TEST_CASE("a rounded box is closed, outward, on its offset surface, with the volume of a rounded box") {
  for (const auto& sized : {std::pair{glm::vec3(0.26f, 0.05f, 0.25f), 0.045f},  // a seat cushion
                            std::pair{glm::vec3(0.28f, 0.45f, 0.06f), 0.055f},  // a backrest
                            std::pair{glm::vec3(0.015f, 0.4f, 0.015f), 0.008f},
                            std::pair{glm::vec3(1.0f, 1.0f, 1.0f), 1.0f}}) {     // all round: a sphere
    const glm::vec3 h = sized.first;
    const float r = sized.second;
    CAPTURE(h.x);
    CAPTURE(h.y);
    CAPTURE(r);
    const Checked c = check(h, r);
    CHECK(c.openEdges == 0);
    CHECK(c.worstOffset < 1e-5);
    CHECK(c.worstNormal < 1e-4);
    CHECK(c.largest == doctest::Approx(1.0f).epsilon(1e-5));
    const double exact = roundedVolume(glm::dvec3(h), double(r));
    CHECK(c.volume > 0.0);
    // Facets cut inside the round parts: a little under the exact volume, never over it.
    CHECK(c.volume <= exact * 1.0001);
    CHECK(c.volume >= exact * 0.97);
  }
}

TEST_CASE("a rounding wider than the box is cut to its thinnest half size, and none keeps it a box") {
  const glm::vec3 h(0.3f, 0.02f, 0.2f);
  const Checked wide = check(h, 0.5f);
  CHECK(wide.openEdges == 0);
  CHECK(wide.worstOffset < 1e-5);
  CHECK(wide.volume <= roundedVolume(glm::dvec3(h), 0.02) * 1.0001);
  const scene::Primitive flat = scene::unitRoundedBox(h, 0.0f);
  for (const glm::vec3& u : flat.positions)
    CHECK(std::max({std::abs(u.x), std::abs(u.y), std::abs(u.z)}) == doctest::Approx(1.0f));
}
