// scene_transform_test.cpp: node transforms on a hand-built hierarchy, and ray picking on a built box.
#include <doctest/doctest.h>

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "core/math_util.hpp"
#include "scene/bounds.hpp"
#include "scene/picking.hpp"

using namespace myo;
using doctest::Approx;

namespace {

glm::vec3 apply(const glm::mat4& m, const glm::vec3& p) {
  return glm::vec3(m * glm::vec4(p, 1.0f));
}

void checkNear(const glm::vec3& a, const glm::vec3& b, float eps = 1e-5f) {
  for (int i = 0; i < 3; ++i) CHECK(std::abs(a[i] - b[i]) <= eps);
}

/// A unit cube centred at the origin: 8 corners, 12 triangles.
scene::Primitive cube() {
  scene::Primitive p;
  for (int i = 0; i < 8; ++i)
    p.positions.push_back(glm::vec3(i & 1 ? 0.5f : -0.5f, i & 2 ? 0.5f : -0.5f, i & 4 ? 0.5f : -0.5f));
  p.normals = p.positions;
  p.indices = {0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4,
               2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1, 3, 5, 3, 7, 5};
  return p;
}

/// root (translate x+2) -> arm (rotate 90 deg about z) -> hand (translate y+1, scale 2, as a matrix)
/// and a second root with a box mesh at z = -5.
scene::Model hierarchy() {
  scene::Model m;
  m.meshes.push_back({.name = "box", .primitives = {cube()}});
  m.meshes.push_back({.name = "other box", .primitives = {cube()}});
  m.roles.resize(2);
  m.nodes.resize(4);
  m.nodes[0].name = "root";
  m.nodes[0].translation = {2.0f, 0.0f, 0.0f};
  m.nodes[0].children = {1};
  m.nodes[1].name = "arm";
  m.nodes[1].parent = 0;
  m.nodes[1].rotation = glm::angleAxis(0.5f * core::kPi, glm::vec3(0, 0, 1));
  m.nodes[1].children = {2};
  m.nodes[2].name = "hand";
  m.nodes[2].parent = 1;
  m.nodes[2].matrix =
      glm::translate(glm::mat4(1.0f), glm::vec3(0, 1, 0)) * glm::scale(glm::mat4(1.0f), glm::vec3(2));
  m.nodes[2].mesh = 0;
  m.nodes[3].name = "far box";
  m.nodes[3].translation = {0.0f, 0.0f, -5.0f};
  m.nodes[3].mesh = 1;
  m.roots = {0, 3};
  return m;
}

}  // namespace

TEST_CASE("transforms: local TRS and matrix, world through the hierarchy") {
  const scene::Model m = hierarchy();
  const auto local = scene::localTransforms(m);
  REQUIRE(local.size() == 4);
  checkNear(apply(local[0], glm::vec3(0)), glm::vec3(2, 0, 0));
  checkNear(apply(local[1], glm::vec3(1, 0, 0)), glm::vec3(0, 1, 0));  // +x turns to +y
  checkNear(apply(local[2], glm::vec3(1, 0, 0)), glm::vec3(2, 1, 0));

  const auto world = scene::worldTransforms(m, local);
  // hand origin: (0,1,0) in arm space -> rotated to (-1,0,0) -> plus root (2,0,0) = (1,0,0)
  checkNear(apply(world[2], glm::vec3(0)), glm::vec3(1, 0, 0));
  // a point 0.5 along the hand's x: scaled to 1, rotated to +y
  checkNear(apply(world[2], glm::vec3(0.5f, 0, 0)), glm::vec3(1, 1, 0));
  checkNear(apply(world[3], glm::vec3(0)), glm::vec3(0, 0, -5));

  // TRS order is T * R * S: scale applies first.
  scene::Node n;
  n.translation = {0, 0, 1};
  n.rotation = glm::angleAxis(core::kPi, glm::vec3(0, 1, 0));
  n.scale = {3, 1, 1};
  checkNear(apply(n.localMatrix(), glm::vec3(1, 0, 0)), glm::vec3(-3, 0, 1));
}

TEST_CASE("transforms: mesh nodes in parent-first order, only from the displayed roots") {
  scene::Model m = hierarchy();
  CHECK(scene::meshNodes(m) == std::vector<int>{2, 3});
  m.roots = {3};
  CHECK(scene::meshNodes(m) == std::vector<int>{3});
}

TEST_CASE("bounds: the built hierarchy") {
  const scene::Model m = hierarchy();
  const auto world = scene::worldTransforms(m, scene::localTransforms(m));
  const scene::Bounds b = scene::modelBounds(m, world);
  // hand box: side 2 centred at (1,0,0); far box: side 1 centred at (0,0,-5)
  checkNear(b.min, glm::vec3(-0.5f, -1.0f, -5.5f));
  checkNear(b.max, glm::vec3(2.0f, 1.0f, 1.0f));
  checkNear(b.center(), 0.5f * (b.min + b.max));
  CHECK(b.radius() == Approx(0.5f * glm::length(b.max - b.min)));
  const scene::Bounds handOnly = scene::modelBounds(m, world, [](int mesh) { return mesh == 1; });
  checkNear(handOnly.center(), glm::vec3(1, 0, 0));
  CHECK(scene::Bounds{}.empty());
  CHECK(scene::Bounds{}.radius() == 0.0f);
}

TEST_CASE("picking: Moller-Trumbore on one triangle") {
  const glm::vec3 a(0, 0, 0), b(1, 0, 0), c(0, 1, 0);
  const auto hit = scene::intersectTriangle({0.25f, 0.25f, 2.0f}, {0, 0, -1}, a, b, c);
  REQUIRE(hit);
  CHECK(*hit == Approx(2.0f));
  // Back faces are hit too (muscles are picked from inside the translucent skin).
  CHECK(scene::intersectTriangle({0.25f, 0.25f, -2.0f}, {0, 0, 1}, a, b, c));
  CHECK_FALSE(scene::intersectTriangle({0.75f, 0.75f, 2.0f}, {0, 0, -1}, a, b, c));  // outside the edge
  CHECK_FALSE(scene::intersectTriangle({0.25f, 0.25f, 2.0f}, {0, 0, 1}, a, b, c));   // behind the origin
  CHECK_FALSE(scene::intersectTriangle({0.25f, 0.25f, 2.0f}, {1, 0, 0}, a, b, c));   // parallel
}

TEST_CASE("picking: nearest hit on the built boxes, hidden meshes skipped") {
  const scene::Model m = hierarchy();
  const auto world = scene::worldTransforms(m, scene::localTransforms(m));

  // Down the z axis through x = 1: the hand box (front face z = +1) lies before the far box.
  const scene::Ray ray{.origin = {1.0f, 0.1f, 10.0f}, .direction = {0.0f, 0.0f, -2.0f}};
  const auto hit = scene::pick(m, world, ray);
  REQUIRE(hit);
  CHECK(hit->mesh == 0);
  CHECK(hit->node == 2);
  CHECK(hit->primitive == 0);
  CHECK(hit->distance == Approx(9.0f));
  checkNear(hit->point, glm::vec3(1.0f, 0.1f, 1.0f));

  // Through x = 0.2: both boxes lie on the ray (hand spans x 0..2); hide the hand, the far box answers.
  const scene::Ray ray2{.origin = {0.2f, 0.0f, 10.0f}, .direction = {0.0f, 0.0f, -1.0f}};
  const auto near = scene::pick(m, world, ray2);
  REQUIRE(near);
  CHECK(near->mesh == 0);
  const auto far = scene::pick(m, world, ray2, [](int mesh) { return mesh == 0; });
  REQUIRE(far);
  CHECK(far->mesh == 1);
  CHECK(far->node == 3);
  CHECK(far->distance == Approx(14.5f));

  // Missing everything, or a degenerate ray, gives no hit.
  CHECK_FALSE(scene::pick(m, world, {.origin = {10, 10, 10}, .direction = {0, 0, -1}}));
  CHECK_FALSE(scene::pick(m, world, {.origin = {1, 0, 10}, .direction = {0, 0, 0}}));
}
