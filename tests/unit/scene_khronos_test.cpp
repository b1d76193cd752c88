// scene_khronos_test.cpp: the khronos tier of the scene tests: loadGltf, animation sampling and skinning on the
// Khronos glTF samples (third-party files, read from MYO_SAMPLES_DIR), checked against what the files themselves
// say (read here independently of the loader) and the figures of the samples' README. Reported as skipped
// where the samples folder does not exist.
#include <doctest/doctest.h>

#include <cmath>

#include <stb/stb_image.h>
#include <glm/gtc/matrix_transform.hpp>
#include <nlohmann/json.hpp>

#include "loader_checks.hpp"
#include "raw_gltf.hpp"
#include "skin_checks.hpp"
#include "scene/animation.hpp"
#include "scene/bounds.hpp"
#include "scene/gltf_loader.hpp"
#include "scene/skinning.hpp"

using namespace myo;
using doctest::Approx;
using nlohmann::json;
using test::base64Decode;
using test::RawGltf;
using test::checkNodesAsFile;

namespace {

std::string samplePath(const std::string& name) {
  return std::string(MYO_SAMPLES_DIR) + "/" + name;
}

struct Expected {
  const char* file;
  std::size_t triangles;  // from the samples' README
  std::size_t nodes;
};

void checkNear(const glm::vec4& a, const glm::vec4& b, float eps = 1e-5f) {
  for (int i = 0; i < 4; ++i) CHECK(a[i] == Approx(b[i]).epsilon(eps));
}

void checkNear(const glm::mat4& a, const glm::mat4& b, float eps = 1e-4f) {
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r) CHECK(std::abs(a[c][r] - b[c][r]) <= eps);
}

}  // namespace

TEST_CASE("loader: the five Khronos samples have the counts their files give") {
  const Expected samples[] = {{"Box.gltf", 12, 2},
                              {"BoxAnimated.gltf", 254, 4},
                              {"RiggedSimple.gltf", 188, 5},
                              {"RiggedFigure.gltf", 256, 22},
                              {"CesiumMan.gltf", 4672, 22}};
  for (const Expected& e : samples) {
    CAPTURE(e.file);
    test::checkLoadedAsFile(samplePath(e.file), e.triangles, e.nodes);
  }
}

TEST_CASE("loader: BoxAnimated names, hierarchy and channels") {
  const scene::Model model = scene::loadGltf(samplePath("BoxAnimated.gltf"));
  const RawGltf raw(samplePath("BoxAnimated.gltf"));
  checkNodesAsFile(model, raw);
  const auto& channels = model.animations[0].channels;
  REQUIRE(channels.size() == 2);
  CHECK(channels[0].node == 2);
  CHECK(channels[0].path == scene::AnimPath::Rotation);
  CHECK(channels[1].node == 0);
  CHECK(channels[1].path == scene::AnimPath::Translation);
  CHECK(channels[0].interpolation == scene::Interpolation::Linear);
}

TEST_CASE("loader: the CesiumMan texture is decoded at the size its JPEG header gives") {
  const RawGltf raw(samplePath("CesiumMan.gltf"));
  const std::string uri = raw.doc["images"][0]["uri"];
  const auto jpeg = base64Decode(uri.substr(uri.find(',') + 1));
  int w = 0, h = 0, comp = 0;
  REQUIRE(stbi_info_from_memory(jpeg.data(), int(jpeg.size()), &w, &h, &comp) == 1);

  const scene::Model model = scene::loadGltf(samplePath("CesiumMan.gltf"));
  REQUIRE(model.images.size() == 1);
  CHECK(model.images[0].width == w);
  CHECK(model.images[0].height == h);
  CHECK(model.images[0].rgba.size() == std::size_t(w) * std::size_t(h) * 4);
  REQUIRE(model.materials.size() == 1);
  CHECK(model.materials[0].baseColorImage == 0);
  CHECK(model.meshes[0].primitives[0].uvs.size() == model.meshes[0].primitives[0].positions.size());
  // Not a blank decode: the logo texture has several distinct colours.
  const auto& px = model.images[0].rgba;
  bool varied = false;
  for (std::size_t i = 4; i < px.size() && !varied; i += 4) varied = px[i] != px[0] || px[i + 1] != px[1];
  CHECK(varied);
}

TEST_CASE("loader: the 2017 weights that do not sum to one are renormalised, not rejected") {
  for (const char* file : {"RiggedFigure.gltf", "CesiumMan.gltf"}) {
    CAPTURE(file);
    const RawGltf raw(samplePath(file));
    const auto fileWeights = raw.floats(raw.doc["meshes"][0]["primitives"][0]["attributes"]["WEIGHTS_0"]);
    std::size_t offInFile = 0;
    for (std::size_t v = 0; v + 3 < fileWeights.size(); v += 4) {
      const float sum = fileWeights[v] + fileWeights[v + 1] + fileWeights[v + 2] + fileWeights[v + 3];
      if (std::abs(sum - 1.0f) > 1e-3f) ++offInFile;
    }
    CHECK(offInFile > 0);  // the validator's complaint is real

    const scene::Model model = scene::loadGltf(samplePath(file));
    const scene::Primitive& prim = model.meshes[0].primitives[0];
    REQUIRE(prim.weights.size() == prim.positions.size());
    REQUIRE(prim.joints.size() == prim.positions.size());
    for (std::size_t v = 0; v < prim.weights.size(); ++v) {
      const glm::vec4 w = prim.weights[v];
      REQUIRE(w.x + w.y + w.z + w.w == doctest::Approx(1.0f).epsilon(1e-5));
      // Proportions between the weights are kept.
      const float sum = fileWeights[v * 4] + fileWeights[v * 4 + 1] + fileWeights[v * 4 + 2] + fileWeights[v * 4 + 3];
      REQUIRE(w.x == doctest::Approx(fileWeights[v * 4] / sum).epsilon(1e-5));
      for (int c = 0; c < 4; ++c) REQUIRE(prim.joints[v][c] < model.skins[0].joints.size());
    }
  }
}

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
      checkNear(m, glm::translate(glm::mat4(1.0f), n.translation) * glm::mat4_cast(glm::quat(v.w, v.x, v.y, v.z)) *
                       glm::scale(glm::mat4(1.0f), n.scale));
    }
  }
  for (std::size_t n = 0; n < model.nodes.size(); ++n)
    if (!touched[n]) checkNear(local[n], rest[n]);
  // An index that is no animation gives the rest pose.
  const auto none = scene::animatedLocalTransforms(model, 7, t);
  for (std::size_t n = 0; n < model.nodes.size(); ++n) checkNear(none[n], rest[n]);
}

TEST_CASE("skinning: the bind pose gives back the bind positions") {
  for (const char* file : {"RiggedSimple.gltf", "RiggedFigure.gltf", "CesiumMan.gltf"}) {
    CAPTURE(file);
    const scene::Model model = scene::loadGltf(samplePath(file));
    test::checkBindPoseGivesBindPositions(model);
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
