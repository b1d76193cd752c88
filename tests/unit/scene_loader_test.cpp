// scene_loader_test.cpp: loadGltf on the project's generated fixtures (tests/tools/fixtures_main.cpp: embedded,
// external and GLB buffers; PNG and JPEG textures, embedded and external; 8-, 16- and 32-bit and missing
// indices; missing normals; skins; every kind of animation channel), checked against what the files themselves
// say, read here independently of the loader (tests/support/raw_gltf.hpp).
#include <doctest/doctest.h>

#include <cmath>

#include <stb/stb_image.h>
#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "loader_checks.hpp"
#include "raw_gltf.hpp"
#include "scene/gltf_loader.hpp"

using namespace myo;
using nlohmann::json;
using test::RawGltf;
using test::checkNodesAsFile;

namespace {

std::string fixture(const std::string& name) {
  return std::string(MYO_FIXTURES_DIR) + "/" + name;
}

struct Expected {
  const char* file;
  std::size_t triangles;  // as the generator builds them: 12 a box, 2 x 16 x 18 + 2 x 16 a 19-ring tube, ...
  std::size_t nodes;
};

}  // namespace

TEST_CASE("loader: the fixtures have the counts their files give") {
  // Figures: 11 tubes of 9 rings x 12 segments with caps, 216 triangles each; the textured one adds a
  // 12-triangle hat.
  const Expected expected[] = {{"box.gltf", 12, 2},
                               {"box_animated.gltf", 24, 4},
                               {"rigged_simple.gltf", 608, 4},
                               {"rigged_figure.glb", 2376, 12},
                               {"textured_figure.gltf", 2388, 12}};
  for (const Expected& e : expected) {
    CAPTURE(e.file);
    test::checkLoadedAsFile(fixture(e.file), e.triangles, e.nodes, 3);
  }
}

TEST_CASE("loader: a matrix node over a TRS node") {
  const scene::Model model = scene::loadGltf(fixture("box.gltf"));
  const RawGltf raw(fixture("box.gltf"));
  REQUIRE(model.nodes.size() == 2);
  REQUIRE(model.nodes[0].matrix.has_value());
  const auto m = raw.doc["nodes"][0]["matrix"].get<std::vector<float>>();
  for (int k = 0; k < 16; ++k) CHECK((*model.nodes[0].matrix)[k / 4][k % 4] == m[std::size_t(k)]);
  CHECK_FALSE(model.nodes[1].matrix.has_value());
  const auto r = raw.doc["nodes"][1]["rotation"].get<std::vector<float>>();
  CHECK(model.nodes[1].rotation == glm::quat(r[3], r[0], r[1], r[2]));
  CHECK(model.nodes[1].parent == 0);
  // The child's world transform is the parent's matrix times its own rotation.
  const auto world = scene::worldTransforms(model, scene::localTransforms(model));
  const glm::mat4 expected = *model.nodes[0].matrix * glm::mat4_cast(model.nodes[1].rotation);
  for (int c = 0; c < 4; ++c)
    for (int k = 0; k < 4; ++k) CHECK(world[1][c][k] == doctest::Approx(expected[c][k]));
}

TEST_CASE("loader: box_animated names, hierarchy and channels of every interpolation") {
  const scene::Model model = scene::loadGltf(fixture("box_animated.gltf"));
  const RawGltf raw(fixture("box_animated.gltf"));
  checkNodesAsFile(model, raw);
  const auto& channels = model.animations[0].channels;
  REQUIRE(channels.size() == 4);
  const json& fileChannels = raw.doc["animations"][0]["channels"];
  const json& samplers = raw.doc["animations"][0]["samplers"];
  using P = scene::AnimPath;
  using I = scene::Interpolation;
  const P paths[] = {P::Rotation, P::Translation, P::Scale, P::Translation};
  const I kinds[] = {I::Linear, I::Linear, I::Step, I::CubicSpline};
  for (std::size_t c = 0; c < channels.size(); ++c) {
    CAPTURE(c);
    CHECK(channels[c].node == fileChannels[c]["target"]["node"].get<int>());
    CHECK(channels[c].path == paths[c]);
    CHECK(channels[c].interpolation == kinds[c]);
    const json& s = samplers[fileChannels[c]["sampler"].get<std::size_t>()];
    const auto times = raw.floats(s["input"]);
    CHECK(channels[c].times == times);
    const auto values = raw.floats(s["output"]);
    const std::size_t comps = paths[c] == P::Rotation ? 4 : 3;
    // A cubic spline keeps three values per key: in-tangent, value, out-tangent.
    REQUIRE(channels[c].values.size() * comps == values.size());
    CHECK(channels[c].values.size() == times.size() * (kinds[c] == I::CubicSpline ? 3 : 1));
    for (std::size_t k = 0; k < channels[c].values.size(); ++k)
      for (std::size_t i = 0; i < comps; ++i) REQUIRE(channels[c].values[k][int(i)] == values[k * comps + i]);
  }
}

TEST_CASE("loader: PNG and JPEG textures, embedded and external, decode at the size their headers give") {
  struct Case {
    const char* file;
    const char* mime;  // what the bytes are
  };
  // rigged_simple: a data: URI JPEG; rigged_figure: a PNG in a GLB buffer view; box_animated: a PNG file
  // beside the model; textured_figure: a JPEG file beside it.
  for (const Case c : {Case{"rigged_simple.gltf", "jpeg"}, Case{"rigged_figure.glb", "png"},
                       Case{"box_animated.gltf", "png"}, Case{"textured_figure.gltf", "jpeg"}}) {
    CAPTURE(c.file);
    const RawGltf raw(fixture(c.file));
    REQUIRE(raw.count("images") == 1);
    const auto bytes = raw.imageBytes(0);
    REQUIRE(bytes.size() > 8);
    if (std::string(c.mime) == "png")
      CHECK(bytes[1] == 'P');
    else
      CHECK((bytes[0] == 0xFF && bytes[1] == 0xD8));
    int w = 0, h = 0, comp = 0;
    REQUIRE(stbi_info_from_memory(bytes.data(), int(bytes.size()), &w, &h, &comp) == 1);

    const scene::Model model = scene::loadGltf(fixture(c.file));
    REQUIRE(model.images.size() == 1);
    CHECK(model.images[0].width == w);
    CHECK(model.images[0].height == h);
    REQUIRE(model.images[0].rgba.size() == std::size_t(w) * std::size_t(h) * 4);
    // The material that names the texture has the image; its primitive has texture coordinates.
    bool textured = false;
    for (const auto& mesh : model.meshes)
      for (const auto& prim : mesh.primitives)
        if (prim.material >= 0 && model.materials[std::size_t(prim.material)].baseColorImage == 0) {
          textured = true;
          CHECK(prim.uvs.size() == prim.positions.size());
        }
    CHECK(textured);
    // Not a blank decode: the pixels are those of the file (decoded here by stb), within JPEG's rounding.
    int w2 = 0, h2 = 0, c2 = 0;
    stbi_uc* pixels = stbi_load_from_memory(bytes.data(), int(bytes.size()), &w2, &h2, &c2, 4);
    REQUIRE(pixels != nullptr);
    int worst = 0;
    bool varied = false;
    const auto& px = model.images[0].rgba;
    for (std::size_t i = 0; i < px.size(); ++i) {
      worst = std::max(worst, std::abs(int(px[i]) - int(pixels[i])));
      varied = varied || px[i] != px[i % 4];
    }
    stbi_image_free(pixels);
    CHECK(worst <= 2);
    CHECK(varied);
  }
}

TEST_CASE("loader: a file without normals gets unit normals facing out of its triangles") {
  const RawGltf raw(fixture("textured_figure.gltf"));
  for (const json& prim : raw.doc["meshes"][0]["primitives"]) REQUIRE_FALSE(prim["attributes"].contains("NORMAL"));
  const scene::Model model = scene::loadGltf(fixture("textured_figure.gltf"));
  for (const scene::Primitive& prim : model.meshes[0].primitives) {
    REQUIRE(prim.normals.size() == prim.positions.size());
    std::size_t facing = 0, triangles = prim.indices.size() / 3;
    for (std::size_t t = 0; t < triangles; ++t) {
      const glm::vec3& a = prim.positions[prim.indices[3 * t]];
      const glm::vec3 face =
          glm::cross(prim.positions[prim.indices[3 * t + 1]] - a, prim.positions[prim.indices[3 * t + 2]] - a);
      bool all = true;
      for (int k = 0; k < 3; ++k)
        all = all && glm::dot(prim.normals[prim.indices[3 * t + std::size_t(k)]], face) > 0.0f;
      if (all) ++facing;
    }
    for (const glm::vec3& n : prim.normals) REQUIRE(glm::length(n) == doctest::Approx(1.0f).epsilon(1e-4));
    CHECK(facing == triangles);
  }
}

TEST_CASE("loader: weights that do not sum to one are renormalised, not rejected") {
  for (const char* file : {"rigged_figure.glb", "textured_figure.gltf"}) {
    CAPTURE(file);
    const RawGltf raw(fixture(file));
    const auto fileWeights = raw.floats(raw.doc["meshes"][0]["primitives"][0]["attributes"]["WEIGHTS_0"]);
    const auto fileJoints = raw.uints(raw.doc["meshes"][0]["primitives"][0]["attributes"]["JOINTS_0"]);
    std::size_t offInFile = 0;
    for (std::size_t v = 0; v + 3 < fileWeights.size(); v += 4) {
      const float sum = fileWeights[v] + fileWeights[v + 1] + fileWeights[v + 2] + fileWeights[v + 3];
      if (std::abs(sum - 1.0f) > 1e-3f) ++offInFile;
    }
    CHECK(offInFile > 0);  // the file really has them

    const scene::Model model = scene::loadGltf(fixture(file));
    const scene::Primitive& prim = model.meshes[0].primitives[0];
    REQUIRE(prim.weights.size() == prim.positions.size());
    REQUIRE(prim.joints.size() == prim.positions.size());
    for (std::size_t v = 0; v < prim.weights.size(); ++v) {
      const glm::vec4 w = prim.weights[v];
      REQUIRE(w.x + w.y + w.z + w.w == doctest::Approx(1.0f).epsilon(1e-5));
      // Proportions between the weights are kept.
      const float sum = fileWeights[v * 4] + fileWeights[v * 4 + 1] + fileWeights[v * 4 + 2] + fileWeights[v * 4 + 3];
      REQUIRE(w.x == doctest::Approx(fileWeights[v * 4] / sum).epsilon(1e-5));
      for (int c = 0; c < 4; ++c) {
        REQUIRE(prim.joints[v][c] == fileJoints[v * 4 + std::size_t(c)]);
        REQUIRE(prim.joints[v][c] < model.skins[0].joints.size());
      }
    }
  }
}

TEST_CASE("loader: a missing file is one clear error naming it") {
  const std::string path = std::string(MYO_TEST_DATA_DIR) + "/no_such_model.glb";
  try {
    scene::loadGltf(path);
    FAIL("no error");
  } catch (const core::Error& e) {
    CHECK(e.where() == path);
    CHECK(e.message() == "no such file");
  }
}

TEST_CASE("loader: strips, fans, points, interleaving, normalised integers, sparse data, extras") {
  // Written by tests/data/make_malformed.py next to the malformed files it is the valid counterpart of.
  const scene::Model model = scene::loadGltf(std::string(MYO_TEST_DATA_DIR) + "/malformed/control/features.gltf");
  REQUIRE(model.meshes.size() == 1);
  const auto& prims = model.meshes[0].primitives;
  REQUIRE(prims.size() == 4);  // the points primitive has no surface and is left out

  // Strip 0 1 2 3: the second triangle is flipped to keep the winding of the first.
  CHECK(prims[0].indices == std::vector<std::uint32_t>{0, 1, 2, 2, 1, 3});
  // Fan with 8-bit indices 0 1 3 2 around vertex 0.
  CHECK(prims[1].indices == std::vector<std::uint32_t>{0, 1, 3, 0, 3, 2});
  CHECK(prims[2].indices == std::vector<std::uint32_t>{0, 1, 2});  // 32-bit indices

  // Interleaved positions (byteStride 16) and normalised 8-bit colours from the same view.
  CHECK(prims[0].positions[3] == glm::vec3(1, 1, 0));
  CHECK(prims[0].colors[0] == glm::vec4(1, 0, 0, 1));
  CHECK(prims[0].colors[2] == glm::vec4(0, 0, 1, 1));
  CHECK(prims[0].uvs[1] == glm::vec2(1, 0));
  CHECK(prims[0].uvs[3] == glm::vec2(1, 1));

  // No NORMAL in the file: generated, facing +z for this counter-clockwise quad.
  for (const glm::vec3& n : prims[0].normals) {
    CHECK(n.x == doctest::Approx(0.0f));
    CHECK(n.z == doctest::Approx(1.0f));
  }

  // The sparse accessor replaces vertex 3 only.
  CHECK(prims[3].positions[2] == glm::vec3(0, 1, 0));
  CHECK(prims[3].positions[3] == glm::vec3(5, 5, 5));

  // String-valued extras only; the node's name decides the role over the mesh's.
  CHECK(model.meshes[0].extras == std::map<std::string, std::string>{{"origin", "C7-T12"}});
  CHECK(model.nodes[0].extras == std::map<std::string, std::string>{{"note", "from an atlas"}});
  CHECK(model.roles[0].muscle ==
        scene::MuscleId{scene::MuscleKind::RhomboidMajor, scene::Side::Left, scene::MusclePart::None});
  CHECK(model.roles[0].tissue == scene::TissueKind::Muscle);
  REQUIRE(model.nodes[0].matrix.has_value());
  CHECK((*model.nodes[0].matrix)[3][0] == 0.5f);
  CHECK(model.roots == std::vector<int>{0});  // no scenes: every parentless node
}
