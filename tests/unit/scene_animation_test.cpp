// scene_animation_test.cpp: animation sampling against the keyframes of BoxAnimated and hand-built channels,
// and skinning (bind pose gives back the bind positions; a moved joint moves its vertices).
#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include "scene/animation.hpp"
#include "scene/bounds.hpp"
#include "scene/gltf_loader.hpp"
#include "scene/skinning.hpp"

using namespace myo;
using doctest::Approx;

namespace {

std::string samplePath(const std::string& name) {
  return std::string(MYO_SAMPLES_DIR) + "/" + name;
}

void checkNear(const glm::vec4& a, const glm::vec4& b, float eps = 1e-5f) {
  for (int i = 0; i < 4; ++i) CHECK(a[i] == Approx(b[i]).epsilon(eps));
}

void checkNear(const glm::mat4& a, const glm::mat4& b, float eps = 1e-4f) {
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r) CHECK(std::abs(a[c][r] - b[c][r]) <= eps);
}

}  // namespace

TEST_CASE("animation: BoxAnimated at and between its keys") {
  const scene::Model model = scene::loadGltf(samplePath("BoxAnimated.gltf"));
  const scene::Animation& anim = model.animations[0];
  for (const scene::AnimChannel& ch : anim.channels) {
    CAPTURE(int(ch.path));
    REQUIRE(ch.times.size() >= 2);
    REQUIRE(ch.values.size() == ch.times.size());
    // At each key the sample is the key's value.
    for (std::size_t k = 0; k < ch.times.size(); ++k) {
      glm::vec4 expected = ch.values[k];
      if (ch.path == scene::AnimPath::Rotation) expected = glm::normalize(expected);
      const glm::vec4 got = scene::sampleChannel(ch, ch.times[k]);
      // q and -q are the same rotation.
      const float sign = glm::dot(got, expected) < 0.0f ? -1.0f : 1.0f;
      checkNear(sign * got, expected);
    }
    // Half way between two different keys.
    std::size_t k = 0;
    while (k + 1 < ch.times.size() && ch.values[k] == ch.values[k + 1]) ++k;
    REQUIRE(k + 1 < ch.times.size());
    const float mid = 0.5f * (ch.times[k] + ch.times[k + 1]);
    const glm::vec4 got = scene::sampleChannel(ch, mid);
    if (ch.path == scene::AnimPath::Rotation) {
      // The slerp half-way point of unit quaternions is their normalised sum (same hemisphere).
      glm::vec4 a = glm::normalize(ch.values[k]), b = glm::normalize(ch.values[k + 1]);
      if (glm::dot(a, b) < 0.0f) b = -b;
      checkNear(got, glm::normalize(a + b));
      // A quarter of the way: angle a quarter of the whole.
      const float quarter = ch.times[k] + 0.25f * (ch.times[k + 1] - ch.times[k]);
      const glm::vec4 q = scene::sampleChannel(ch, quarter);
      const float whole = std::acos(std::min(1.0f, glm::dot(a, b)));
      CHECK(std::acos(std::min(1.0f, std::abs(glm::dot(q, a)))) == Approx(0.25f * whole).epsilon(1e-3));
    } else {
      checkNear(got, 0.5f * (ch.values[k] + ch.values[k + 1]));
    }
    // Before the first key and after the last, the ends hold.
    checkNear(scene::sampleChannel(ch, ch.times.front() - 1.0f), scene::sampleChannel(ch, ch.times.front()));
    checkNear(scene::sampleChannel(ch, ch.times.back() + 10.0f), scene::sampleChannel(ch, ch.times.back()));
  }
}

TEST_CASE("animation: BoxAnimated local transforms follow the channels, others stay at rest") {
  const scene::Model model = scene::loadGltf(samplePath("BoxAnimated.gltf"));
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
    if (ch.path == scene::AnimPath::Translation) {
      CHECK(m[3][0] == Approx(v.x));
      CHECK(m[3][1] == Approx(v.y));
      CHECK(m[3][2] == Approx(v.z));
    } else if (ch.path == scene::AnimPath::Rotation) {
      const scene::Node& n = model.nodes[std::size_t(ch.node)];
      checkNear(m, glm::translate(glm::mat4(1.0f), n.translation) *
                       glm::mat4_cast(glm::quat(v.w, v.x, v.y, v.z)) * glm::scale(glm::mat4(1.0f), n.scale));
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
  for (const char* file : {"RiggedSimple.gltf", "RiggedFigure.gltf", "CesiumMan.gltf"}) {
    CAPTURE(file);
    const scene::Model model = scene::loadGltf(samplePath(file));
    // World transforms that put every joint where its inverse bind matrix says it was bound.
    std::vector<glm::mat4> world = scene::worldTransforms(model, scene::localTransforms(model));
    int meshNode = -1;
    for (std::size_t n = 0; n < model.nodes.size(); ++n)
      if (model.nodes[n].skin >= 0) meshNode = int(n);
    REQUIRE(meshNode >= 0);
    const scene::Skin& skin = model.skins[std::size_t(model.nodes[std::size_t(meshNode)].skin)];
    const glm::mat4 meshWorld = world[std::size_t(meshNode)];
    for (std::size_t j = 0; j < skin.joints.size(); ++j)
      world[std::size_t(skin.joints[j])] = meshWorld * glm::inverse(skin.inverseBind[j]);
    const auto joints =
        scene::jointMatrices(model, model.nodes[std::size_t(meshNode)].skin, world, meshWorld);
    REQUIRE(joints.size() == skin.joints.size());
    for (const glm::mat4& m : joints) checkNear(m, glm::mat4(1.0f), 1e-3f);
    const scene::Primitive& prim =
        model.meshes[std::size_t(model.nodes[std::size_t(meshNode)].mesh)].primitives[0];
    const auto skinned = scene::skinPositions(prim, joints);
    REQUIRE(skinned.size() == prim.positions.size());
    float worst = 0.0f;
    for (std::size_t v = 0; v < skinned.size(); ++v)
      worst = std::max(worst, glm::length(skinned[v] - prim.positions[v]));
    CHECK(worst < 1e-3f);
  }
}

TEST_CASE("skinning: moving one joint moves the vertices it weighs, in proportion") {
  const scene::Model model = scene::loadGltf(samplePath("RiggedSimple.gltf"));
  int meshNode = -1;
  for (std::size_t n = 0; n < model.nodes.size(); ++n)
    if (model.nodes[n].skin >= 0) meshNode = int(n);
  const scene::Skin& skin = model.skins[0];
  std::vector<glm::mat4> world = scene::worldTransforms(model, scene::localTransforms(model));
  const glm::mat4 meshWorld = world[std::size_t(meshNode)];
  for (std::size_t j = 0; j < skin.joints.size(); ++j)
    world[std::size_t(skin.joints[j])] = meshWorld * glm::inverse(skin.inverseBind[j]);
  // Shift the last joint by 1 along x in the mesh's frame.
  const std::size_t moved = skin.joints.size() - 1;
  world[std::size_t(skin.joints[moved])] =
      meshWorld * glm::translate(glm::mat4(1.0f), glm::vec3(1, 0, 0)) * glm::inverse(skin.inverseBind[moved]);
  const auto joints = scene::jointMatrices(model, 0, world, meshWorld);
  const scene::Primitive& prim = model.meshes[0].primitives[0];
  const auto skinned = scene::skinPositions(prim, joints);
  for (std::size_t v = 0; v < skinned.size(); ++v) {
    float w = 0.0f;
    for (int c = 0; c < 4; ++c)
      if (prim.joints[v][c] == moved) w += prim.weights[v][c];
    CHECK(skinned[v].x - prim.positions[v].x == Approx(w).epsilon(1e-4));
  }
}

TEST_CASE("bounds: CesiumMan animated stays near its rest bounds, and follows the animation") {
  const scene::Model model = scene::loadGltf(samplePath("CesiumMan.gltf"));
  const scene::Bounds rest = scene::restBounds(model);
  REQUIRE(!rest.empty());
  CHECK(rest.radius() > 0.5f);
  CHECK(rest.radius() < 2.0f);  // a human figure in metres
  const float t = 0.5f * model.animations[0].duration;
  const auto world = scene::worldTransforms(model, scene::animatedLocalTransforms(model, 0, t));
  const scene::Bounds posed = scene::modelBounds(model, world);
  CHECK(posed.radius() == Approx(rest.radius()).epsilon(0.3));
  CHECK(posed.min != rest.min);
  // Hiding the only mesh leaves nothing.
  CHECK(scene::modelBounds(model, world, [](int) { return true; }).empty());
}
