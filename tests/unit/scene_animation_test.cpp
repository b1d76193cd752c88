// scene_animation_test.cpp: animation sampling against the keyframes of the generated fixtures (LINEAR, STEP and
// CUBICSPLINE channels) and hand-built channels, and skinning (bind pose gives back the bind positions; a moved
// joint moves its vertices; vertices weighted to a knee blend as dual quaternions).
#include <doctest/doctest.h>

#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/animation.hpp"
#include "scene/bounds.hpp"
#include "scene/gltf_loader.hpp"
#include "scene/skinning.hpp"
#include "skin_checks.hpp"

using namespace myo;
using doctest::Approx;

namespace {

std::string fixture(const std::string& name) {
  return std::string(MYO_FIXTURES_DIR) + "/" + name;
}

void checkNear(const glm::vec4& a, const glm::vec4& b, float eps = 1e-5f) {
  for (int i = 0; i < 4; ++i) CHECK(a[i] == Approx(b[i]).epsilon(eps));
}

void checkNear(const glm::mat4& a, const glm::mat4& b, float eps = 1e-4f) {
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r) CHECK(std::abs(a[c][r] - b[c][r]) <= eps);
}

/// The key value of a channel (the middle one of three for a cubic spline).
glm::vec4 keyValue(const scene::AnimChannel& ch, std::size_t k) {
  return ch.interpolation == scene::Interpolation::CubicSpline ? ch.values[3 * k + 1] : ch.values[k];
}

}  // namespace

TEST_CASE("animation: box_animated at and between its keys, for each interpolation") {
  const scene::Model model = scene::loadGltf(fixture("box_animated.gltf"));
  REQUIRE(model.animations.size() == 1);
  const scene::Animation& anim = model.animations[0];
  int kinds[3] = {0, 0, 0};
  for (const scene::AnimChannel& ch : anim.channels) {
    CAPTURE(int(ch.path));
    CAPTURE(int(ch.interpolation));
    ++kinds[int(ch.interpolation == scene::Interpolation::Step) ? 0
            : ch.interpolation == scene::Interpolation::Linear  ? 1
                                                                : 2];
    const bool cubic = ch.interpolation == scene::Interpolation::CubicSpline;
    REQUIRE(ch.times.size() >= 2);
    REQUIRE(ch.values.size() == ch.times.size() * (cubic ? 3 : 1));
    // At each key the sample is the key's value.
    for (std::size_t k = 0; k < ch.times.size(); ++k) {
      glm::vec4 expected = keyValue(ch, k);
      if (ch.path == scene::AnimPath::Rotation) expected = glm::normalize(expected);
      const glm::vec4 got = scene::sampleChannel(ch, ch.times[k]);
      // q and -q are the same rotation.
      const float sign = glm::dot(got, expected) < 0.0f ? -1.0f : 1.0f;
      checkNear(sign * got, expected);
    }
    // Between two different keys.
    std::size_t k = 0;
    while (k + 1 < ch.times.size() && keyValue(ch, k) == keyValue(ch, k + 1)) ++k;
    REQUIRE(k + 1 < ch.times.size());
    const float t0 = ch.times[k], t1 = ch.times[k + 1], dt = t1 - t0;
    const float mid = 0.5f * (t0 + t1);
    const glm::vec4 got = scene::sampleChannel(ch, mid);
    if (ch.interpolation == scene::Interpolation::Step) {
      // The earlier key holds until the next one.
      checkNear(got, keyValue(ch, k));
      checkNear(scene::sampleChannel(ch, t1 - 0.01f * dt), keyValue(ch, k));
    } else if (cubic) {
      // Hermite at s = 0.25: h00 p0 + h10 dt m0 + h01 p1 + h11 dt m1 with m0 the out-tangent of key k and m1 the
      // in-tangent of key k + 1.
      const float s = 0.25f;
      const float h00 = 2 * s * s * s - 3 * s * s + 1, h10 = s * s * s - 2 * s * s + s;
      const float h01 = -2 * s * s * s + 3 * s * s, h11 = s * s * s - s * s;
      const glm::vec4 expected = h00 * ch.values[3 * k + 1] + h10 * dt * ch.values[3 * k + 2] +
                                 h01 * ch.values[3 * (k + 1) + 1] + h11 * dt * ch.values[3 * (k + 1)];
      checkNear(scene::sampleChannel(ch, t0 + s * dt), expected);
      // Not the straight line between the keys: the tangents bend it.
      const glm::vec4 straight = keyValue(ch, k) + s * (keyValue(ch, k + 1) - keyValue(ch, k));
      CHECK(glm::length(scene::sampleChannel(ch, t0 + s * dt) - straight) > 1e-3f);
    } else if (ch.path == scene::AnimPath::Rotation) {
      // The slerp half-way point of unit quaternions is their normalised sum (same hemisphere).
      glm::vec4 a = glm::normalize(ch.values[k]), b = glm::normalize(ch.values[k + 1]);
      if (glm::dot(a, b) < 0.0f) b = -b;
      checkNear(got, glm::normalize(a + b));
      // A quarter of the way: angle a quarter of the whole.
      const glm::vec4 q = scene::sampleChannel(ch, t0 + 0.25f * dt);
      const float whole = std::acos(std::min(1.0f, glm::dot(a, b)));
      CHECK(std::acos(std::min(1.0f, std::abs(glm::dot(q, a)))) == Approx(0.25f * whole).epsilon(1e-3));
    } else {
      checkNear(got, 0.5f * (ch.values[k] + ch.values[k + 1]));
    }
    // Before the first key and after the last, the ends hold.
    checkNear(scene::sampleChannel(ch, ch.times.front() - 1.0f), scene::sampleChannel(ch, ch.times.front()));
    checkNear(scene::sampleChannel(ch, ch.times.back() + 10.0f), scene::sampleChannel(ch, ch.times.back()));
  }
  // Step, linear and cubic spline channels were all there.
  CHECK(kinds[0] >= 1);
  CHECK(kinds[1] >= 1);
  CHECK(kinds[2] >= 1);
}

TEST_CASE("animation: box_animated local transforms follow the channels, others stay at rest") {
  const scene::Model model = scene::loadGltf(fixture("box_animated.gltf"));
  const scene::Animation& anim = model.animations[0];
  const float t = 0.37f * anim.duration;
  const auto local = scene::animatedLocalTransforms(model, 0, t);
  const auto rest = scene::localTransforms(model);
  REQUIRE(local.size() == model.nodes.size());
  std::vector<char> touched(model.nodes.size(), 0);
  for (const scene::AnimChannel& ch : anim.channels) {
    touched[std::size_t(ch.node)] = 1;
    const glm::vec4 v = scene::sampleChannel(ch, t);
    const glm::mat4& m = local[std::size_t(ch.node)];
    const scene::Node& n = model.nodes[std::size_t(ch.node)];
    if (ch.path == scene::AnimPath::Translation) {
      CHECK(m[3][0] == Approx(v.x));
      CHECK(m[3][1] == Approx(v.y));
      CHECK(m[3][2] == Approx(v.z));
    } else if (ch.path == scene::AnimPath::Rotation) {
      checkNear(m, glm::translate(glm::mat4(1.0f), n.translation) * glm::mat4_cast(glm::quat(v.w, v.x, v.y, v.z)) *
                       glm::scale(glm::mat4(1.0f), n.scale));
    } else if (ch.path == scene::AnimPath::Scale) {
      checkNear(m, glm::translate(glm::mat4(1.0f), n.translation) * glm::mat4_cast(n.rotation) *
                       glm::scale(glm::mat4(1.0f), glm::vec3(v)));
    }
  }
  for (std::size_t n = 0; n < model.nodes.size(); ++n)
    if (!touched[n]) checkNear(local[n], rest[n]);
  // An index that is no animation gives the rest pose.
  const auto none = scene::animatedLocalTransforms(model, 7, t);
  for (std::size_t n = 0; n < model.nodes.size(); ++n) checkNear(none[n], rest[n]);
}

TEST_CASE("animation: step and cubic spline on hand-built channels") {
  scene::AnimChannel step;
  step.path = scene::AnimPath::Translation;
  step.interpolation = scene::Interpolation::Step;
  step.times = {0.0f, 1.0f, 2.0f};
  step.values = {glm::vec4(0.0f), glm::vec4(5.0f), glm::vec4(9.0f)};
  checkNear(scene::sampleChannel(step, 0.99f), glm::vec4(0.0f));
  checkNear(scene::sampleChannel(step, 1.0f), glm::vec4(5.0f));
  checkNear(scene::sampleChannel(step, 1.5f), glm::vec4(5.0f));

  // Hermite: p(s) = h00 p0 + h10 (dt m0) + h01 p1 + h11 (dt m1), here dt = 2, p0 = 0, p1 = 10.
  scene::AnimChannel cubic;
  cubic.path = scene::AnimPath::Translation;
  cubic.interpolation = scene::Interpolation::CubicSpline;
  cubic.times = {0.0f, 2.0f};
  //               in-tangent          value                out-tangent
  cubic.values = {glm::vec4(0.0f),           glm::vec4(0.0f),           glm::vec4(4.0f, 0, 0, 0),
                  glm::vec4(-3.0f, 0, 0, 0), glm::vec4(10.0f, 0, 0, 0), glm::vec4(0.0f)};
  // s = 0.5: h00 = 0.5, h10 = 0.125, h01 = 0.5, h11 = -0.125 -> 0.125*8 + 5 - 0.125*(-6) = 6.75
  CHECK(scene::sampleChannel(cubic, 1.0f).x == Approx(6.75f));
  // s = 0.25: h10 = 0.140625, h01 = 0.15625, h11 = -0.046875 -> 1.125 + 1.5625 + 0.28125 = 2.96875
  CHECK(scene::sampleChannel(cubic, 0.5f).x == Approx(2.96875f));
  CHECK(scene::sampleChannel(cubic, 2.0f).x == Approx(10.0f));
  CHECK(scene::sampleChannel(cubic, 0.0f).x == Approx(0.0f));

  // Rotations come back as unit quaternions even from a cubic spline.
  scene::AnimChannel rot = cubic;
  rot.path = scene::AnimPath::Rotation;
  rot.values = {glm::vec4(0.0f),
                glm::vec4(0, 0, 0, 1),
                glm::vec4(0.0f),
                glm::vec4(0.0f),
                glm::vec4(0, std::sin(0.5f), 0, std::cos(0.5f)),
                glm::vec4(0.0f)};
  CHECK(glm::length(scene::sampleChannel(rot, 0.7f)) == Approx(1.0f));
}

TEST_CASE("skinning: the bind pose gives back the bind positions") {
  for (const char* file : {"rigged_simple.gltf", "rigged_figure.glb", "textured_figure.gltf"}) {
    CAPTURE(file);
    const scene::Model model = scene::loadGltf(fixture(file));
    const int meshNode = test::checkBindPoseGivesBindPositions(model);
    // The file's own rest pose is its bind pose too: joint matrices from its node transforms are identities.
    const auto rest = scene::worldTransforms(model, scene::localTransforms(model));
    for (const glm::mat4& m :
         scene::jointMatrices(model, model.nodes[std::size_t(meshNode)].skin, rest, rest[std::size_t(meshNode)]))
      checkNear(m, glm::mat4(1.0f), 1e-4f);
  }
}

TEST_CASE("skinning: moving one joint moves the vertices it weighs, in proportion") {
  for (const char* file : {"rigged_simple.gltf", "rigged_figure.glb"}) {
    CAPTURE(file);
    const scene::Model model = scene::loadGltf(fixture(file));
    int meshNode = -1;
    for (std::size_t n = 0; n < model.nodes.size(); ++n)
      if (model.nodes[n].skin >= 0) meshNode = int(n);
    REQUIRE(meshNode >= 0);
    const scene::Skin& skin = model.skins[0];
    std::vector<glm::mat4> world = scene::worldTransforms(model, scene::localTransforms(model));
    const glm::mat4 meshWorld = world[std::size_t(meshNode)];
    for (std::size_t j = 0; j < skin.joints.size(); ++j)
      world[std::size_t(skin.joints[j])] = meshWorld * glm::inverse(skin.inverseBind[j]);
    // Shift one joint by 1 along x in the mesh's frame (a middle one: it shares vertices with its neighbours).
    const std::size_t moved = 1;
    world[std::size_t(skin.joints[moved])] =
        meshWorld * glm::translate(glm::mat4(1.0f), glm::vec3(1, 0, 0)) * glm::inverse(skin.inverseBind[moved]);
    const auto joints = scene::jointMatrices(model, 0, world, meshWorld);
    const scene::Primitive& prim = model.meshes[0].primitives[0];
    const auto skinned = scene::skinPositions(prim, joints);
    std::size_t partly = 0;
    for (std::size_t v = 0; v < skinned.size(); ++v) {
      float w = 0.0f;
      for (int c = 0; c < 4; ++c)
        if (prim.joints[v][c] == moved) w += prim.weights[v][c];
      if (w > 0.01f && w < 0.99f) ++partly;
      CHECK(skinned[v].x - prim.positions[v].x == Approx(w).epsilon(1e-4));
    }
    CHECK(partly > 0);  // some vertices blend two joints
  }
}

TEST_CASE("animation: the skinned figures move with their animations") {
  for (const char* file : {"rigged_figure.glb", "textured_figure.gltf"}) {
    CAPTURE(file);
    const scene::Model model = scene::loadGltf(fixture(file));
    REQUIRE(model.animations.size() == 1);
    const float t = 0.3f * model.animations[0].duration;
    const auto rest = scene::worldTransforms(model, scene::localTransforms(model));
    const auto posed = scene::worldTransforms(model, scene::animatedLocalTransforms(model, 0, t));
    const scene::Skin& skin = model.skins[0];
    const auto joints = scene::jointMatrices(model, 0, posed, posed[0]);
    const auto skinned = scene::skinPositions(model.meshes[0].primitives[0], joints);
    const auto& prim = model.meshes[0].primitives[0];
    float furthest = 0.0f;
    for (std::size_t v = 0; v < skinned.size(); ++v)
      furthest = std::max(furthest, glm::length(skinned[v] - prim.positions[v]));
    MESSAGE(std::string(file), ": the furthest vertex moved ", furthest, " m at ", t, " s");
    CHECK(furthest > 0.05f);
    CHECK(furthest < 1.0f);  // limbs swing, the figure stays in one piece
    bool jointMoved = false;
    for (int j : skin.joints) jointMoved = jointMoved || posed[std::size_t(j)] != rest[std::size_t(j)];
    CHECK(jointMoved);
  }
}

TEST_CASE("bounds: the textured figure animated stays near its rest bounds, and follows the animation") {
  const scene::Model model = scene::loadGltf(fixture("textured_figure.gltf"));
  const scene::Bounds rest = scene::restBounds(model);
  REQUIRE(!rest.empty());
  CHECK(rest.radius() > 0.5f);
  CHECK(rest.radius() < 2.0f);  // a human figure in metres
  // At 1 s the left arm (+X) is raised out to the side.
  const float t = 0.5f * model.animations[0].duration;
  const auto world = scene::worldTransforms(model, scene::animatedLocalTransforms(model, 0, t));
  const scene::Bounds posed = scene::modelBounds(model, world);
  CHECK(posed.radius() == Approx(rest.radius()).epsilon(0.3));
  CHECK(posed.max.x > rest.max.x + 0.1f);
  // Hiding the only mesh leaves nothing.
  CHECK(scene::modelBounds(model, world, [](int) { return true; }).empty());
}

// Dual-quaternion blending at the knees: a vertex weighted half to a joint bent 90 degrees keeps its distance from
// the joint (a linear blend pulls it to cos 45 of it, the collapse over a bent knee), and only vertices weighted
// to a knee blend that way.
TEST_CASE("skinning: vertices weighted to a knee blend as dual quaternions and keep their distance round the bend") {
  scene::Model model;
  model.nodes.resize(3);
  model.nodes[0].name = "hip_L";
  model.nodes[1].name = "knee_L";
  model.nodes[2].name = "elbow_L";
  model.skins.push_back({"rig", {0, 1, 2}, {}, -1});
  CHECK(scene::dualQuaternionJoints(model, 0) == 0b010u);
  CHECK(scene::dualQuaternionJoints(model, 1) == 0u);

  scene::Primitive prim;
  prim.positions = {{0.0f, 0.0f, 0.1f}, {0.0f, 0.0f, 0.1f}};
  prim.joints = {{0, 1, 0, 0}, {0, 2, 0, 0}};
  prim.weights = {{0.5f, 0.5f, 0.0f, 0.0f}, {0.5f, 0.5f, 0.0f, 0.0f}};
  const glm::vec3 pivot(0.0f, 0.02f, 0.0f);
  const glm::mat4 bent = glm::translate(glm::mat4(1.0f), pivot) *
                         glm::rotate(glm::mat4(1.0f), glm::radians(90.0f), glm::vec3(1, 0, 0)) *
                         glm::translate(glm::mat4(1.0f), -pivot);
  const std::vector<glm::mat4> joints = {glm::mat4(1.0f), bent, bent};
  const auto posed = scene::skinPositions(prim, joints, scene::dualQuaternionJoints(model, 0));
  const float rest = glm::distance(prim.positions[0], pivot);
  CHECK(glm::distance(posed[0], pivot) == Approx(rest).epsilon(1e-4));
  // Halfway round the bend: 45 degrees from both ends.
  const glm::vec3 a = glm::normalize(prim.positions[0] - pivot);
  const glm::vec3 b = glm::normalize(glm::vec3(bent * glm::vec4(prim.positions[0], 1.0f)) - pivot);
  const glm::vec3 mid = glm::normalize(posed[0] - pivot);
  CHECK(glm::dot(mid, a) == Approx(std::cos(glm::radians(45.0f))).epsilon(1e-4));
  CHECK(glm::dot(mid, b) == Approx(std::cos(glm::radians(45.0f))).epsilon(1e-4));
  // The elbow's vertex blends linearly and falls inside the bend.
  CHECK(glm::distance(posed[1], pivot) == Approx(rest * std::cos(glm::radians(45.0f))).epsilon(1e-3));
  // Without the mask both blend linearly.
  const auto linear = scene::skinPositions(prim, joints);
  CHECK(glm::distance(linear[0], posed[1]) < 1e-6f);
}

// The shoulder girdle blends as dual quaternions while its influences turn apart by less than 90 degrees (the
// crossed arm keeps the skin off the humerus), linearly from 120 degrees on (wider turns fold the armpit out and
// bulge the side-lying shoulder into the floor), and by a mix of the two between; not near the elbow.
TEST_CASE("skinning: shoulder girdle vertices blend as dual quaternions below a wide turn, linearly above it") {
  scene::Model model;
  model.nodes.resize(5);
  model.nodes[0].name = "spine_thoracic_upper";
  model.nodes[1].name = "clavicle_R";
  model.nodes[2].name = "shoulder_L";
  model.nodes[3].name = "knee_L";
  model.nodes[4].name = "elbow_L";
  model.skins.push_back({"rig", {0, 1, 2, 3, 4}, {}, -1});
  CHECK(scene::girdleDualQuaternionJoints(model, 0) == 0b00110u);
  CHECK(scene::girdleLinearJoints(model, 0) == 0b10000u);
  CHECK(scene::girdleDualQuaternionJoints(model, 1) == 0u);

  scene::Primitive prim;
  prim.positions = {{0.0f, 0.0f, 0.1f}, {0.0f, 0.0f, 0.1f}, {0.0f, 0.0f, 0.1f}};
  // Half on the spine and half on a girdle joint; the third also a little on the elbow.
  prim.joints = {{0, 2, 0, 0}, {0, 1, 0, 0}, {0, 2, 4, 0}};
  prim.weights = {{0.5f, 0.5f, 0.0f, 0.0f}, {0.5f, 0.5f, 0.0f, 0.0f}, {0.5f, 0.4f, 0.1f, 0.0f}};
  const float rest = glm::length(prim.positions[0]);
  std::vector<glm::vec3> posed;
  const auto radius = [&](float degrees) {
    const glm::mat4 turned = glm::rotate(glm::mat4(1.0f), glm::radians(degrees), glm::vec3(1, 0, 0));
    const std::vector<glm::mat4> joints = {glm::mat4(1.0f), turned, turned, glm::mat4(1.0f), turned};
    posed = scene::skinPositions(prim, joints, scene::dualQuaternionJoints(model, 0),
                                 scene::girdleDualQuaternionJoints(model, 0), scene::girdleLinearJoints(model, 0));
    CHECK(glm::distance(posed[0], posed[1]) < 1e-6f);
    return glm::length(posed[0]);
  };
  // 80 degrees: dual quaternions keep the distance from the joint (a linear blend gives cos 40 of it); the
  // vertex on the elbow too blends linearly.
  CHECK(radius(80.0f) == Approx(rest).epsilon(1e-4));
  CHECK(glm::length(posed[2]) == Approx(rest * std::cos(glm::radians(40.0f))).epsilon(1e-3));
  // 130 degrees: linear, cos 65 of it.
  CHECK(radius(130.0f) == Approx(rest * std::cos(glm::radians(65.0f))).epsilon(1e-3));
  // 105 degrees: halfway between the two blends' radii.
  CHECK(radius(105.0f) == Approx(0.5f * (rest + rest * std::cos(glm::radians(52.5f)))).epsilon(1e-3));
}
