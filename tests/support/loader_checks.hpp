// tests/support/loader_checks.hpp: the loader's model against a second reading of its file (raw_gltf.hpp):
// counts, names, indices, positions, materials, animations and skins as the file gives them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <glm/glm.hpp>
#include <nlohmann/json.hpp>

#include "raw_gltf.hpp"
#include "scene/gltf_loader.hpp"

namespace myo::test {

/// Each node's name, mesh and children as the file gives them, and every child's parent pointing back.
inline void checkNodesAsFile(const scene::Model& model, const RawGltf& raw) {
  REQUIRE(model.nodes.size() == raw.count("nodes"));
  for (std::size_t n = 0; n < model.nodes.size(); ++n) {
    const nlohmann::json& node = raw.doc["nodes"][n];
    CHECK(model.nodes[n].name == node.value("name", ""));
    CHECK(model.nodes[n].mesh == node.value("mesh", -1));
    CHECK(model.nodes[n].children == node.value("children", std::vector<int>{}));
    for (int c : model.nodes[n].children) CHECK(model.nodes[std::size_t(c)].parent == int(n));
  }
}

/// Loads `path` and checks what the loader gives against the file itself; the model has `expectedTriangles`
/// triangles and `expectedNodes` nodes, and every skin at least `minJoints` joints.
inline void checkLoadedAsFile(const std::string& path, std::size_t expectedTriangles, std::size_t expectedNodes,
                              std::size_t minJoints = 0) {
  using json = nlohmann::json;
  const RawGltf raw(path);
  const scene::Model model = scene::loadGltf(path);
  CHECK(model.source == path);
  CHECK(model.nodes.size() == expectedNodes);
  CHECK(model.nodes.size() == raw.count("nodes"));
  CHECK(model.meshes.size() == raw.count("meshes"));
  CHECK(model.roles.size() == model.meshes.size());
  CHECK(model.skins.size() == raw.count("skins"));
  CHECK(model.animations.size() == raw.count("animations"));
  CHECK(model.materials.size() == raw.count("materials"));
  CHECK(model.images.size() == raw.count("images"));
  CHECK(model.roots == raw.doc["scenes"][raw.doc.value("scene", 0)]["nodes"].get<std::vector<int>>());

  std::size_t vertices = 0, fileVertices = 0, triangles = 0, fileTriangles = 0;
  for (std::size_t m = 0; m < model.meshes.size(); ++m) {
    const json& prims = raw.doc["meshes"][m]["primitives"];
    REQUIRE(model.meshes[m].primitives.size() == prims.size());
    CHECK(model.meshes[m].name == raw.doc["meshes"][m].value("name", ""));
    for (std::size_t p = 0; p < prims.size(); ++p) {
      const scene::Primitive& prim = model.meshes[m].primitives[p];
      const int position = prims[p]["attributes"]["POSITION"];
      fileVertices += raw.accessorCount(position);
      if (prims[p].contains("indices")) {
        const auto fileIndices = raw.uints(prims[p]["indices"]);
        fileTriangles += fileIndices.size() / 3;
        // 8-, 16- and 32-bit indices all come back as the file's values.
        CHECK(prim.indices == fileIndices);
      } else {
        // No indices: every three vertices are a triangle, in order.
        fileTriangles += raw.accessorCount(position) / 3;
        REQUIRE(prim.indices.size() == prim.positions.size());
        for (std::size_t i = 0; i < prim.indices.size(); ++i) REQUIRE(prim.indices[i] == i);
      }
      vertices += prim.positions.size();
      triangles += prim.indices.size() / 3;
      CHECK(prim.normals.size() == prim.positions.size());
      for (std::uint32_t i : prim.indices) REQUIRE(i < prim.positions.size());
      if (prims[p].contains("material")) CHECK(prim.material == prims[p]["material"].get<int>());
      // Positions are the file's floats, unchanged.
      const auto pos = raw.floats(position);
      REQUIRE(pos.size() == prim.positions.size() * 3);
      for (std::size_t v = 0; v < prim.positions.size(); ++v)
        REQUIRE(prim.positions[v] == glm::vec3(pos[3 * v], pos[3 * v + 1], pos[3 * v + 2]));
      if (prims[p]["attributes"].contains("TEXCOORD_0")) CHECK(prim.uvs.size() == prim.positions.size());
    }
  }
  CHECK(vertices == fileVertices);
  CHECK(triangles == fileTriangles);
  CHECK(triangles == expectedTriangles);

  for (std::size_t a = 0; a < model.animations.size(); ++a) {
    const json& anim = raw.doc["animations"][a];
    CHECK(model.animations[a].channels.size() == anim["channels"].size());
    float last = 0.0f;
    for (const json& s : anim["samplers"]) last = std::max(last, raw.floats(s["input"]).back());
    CHECK(model.animations[a].duration == doctest::Approx(last));
  }
  for (std::size_t s = 0; s < model.skins.size(); ++s) {
    const json& skin = raw.doc["skins"][s];
    CHECK(model.skins[s].joints == skin["joints"].get<std::vector<int>>());
    CHECK(model.skins[s].joints.size() >= minJoints);
    const auto ibm = raw.floats(skin["inverseBindMatrices"]);
    REQUIRE(model.skins[s].inverseBind.size() == model.skins[s].joints.size());
    for (std::size_t j = 0; j < model.skins[s].joints.size(); ++j)
      for (int k = 0; k < 16; ++k)
        REQUIRE(model.skins[s].inverseBind[j][k / 4][k % 4] == ibm[16 * j + std::size_t(k)]);
  }
}

}  // namespace myo::test
