// scene_lod_test.cpp: the coarse triangle lists drawn while the view moves: their budget, their validity and that
// they keep the shape (extent and area) of the shipped model's meshes.
#include <doctest/doctest.h>

#include <algorithm>

#include <glm/glm.hpp>

#include "scene/gltf_loader.hpp"
#include "scene/lod.hpp"

using namespace myo;

namespace {

const scene::Model& shippedModel() {
  static const scene::Model model = scene::loadGltf(std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb");
  return model;
}

double area(const scene::Primitive& p, const std::vector<std::uint32_t>& indices) {
  double a = 0.0;
  for (size_t i = 0; i + 2 < indices.size(); i += 3) {
    const glm::vec3 &x = p.positions[indices[i]], &y = p.positions[indices[i + 1]], &z = p.positions[indices[i + 2]];
    a += 0.5 * double(glm::length(glm::cross(y - x, z - x)));
  }
  return a;
}

std::pair<glm::vec3, glm::vec3> extent(const scene::Primitive& p, const std::vector<std::uint32_t>& indices) {
  glm::vec3 lo(1e9f), hi(-1e9f);
  for (std::uint32_t i : indices) {
    lo = glm::min(lo, p.positions[i]);
    hi = glm::max(hi, p.positions[i]);
  }
  return {lo, hi};
}

}  // namespace

TEST_CASE("the coarse lists of the shipped model keep to the budget and to the shape") {
  const scene::Model& model = shippedModel();
  const scene::LodBudget budget;
  const scene::ModelLod lod = scene::buildLod(model, budget);
  REQUIRE(lod.indices.size() == model.meshes.size());
  CHECK(lod.sourceTriangles > 300000);
  // The whole model comes down to about the asked share: small meshes keep a floor of triangles and detailed
  // ones stop where the surface would move too far.
  MESSAGE(lod.triangles, " of ", lod.sourceTriangles, " triangles");
  CHECK(double(lod.triangles) <= 0.08 * double(lod.sourceTriangles));
  CHECK(double(lod.triangles) >= 0.02 * double(lod.sourceTriangles));
  const float modelSize = 1.7f;  // metres, about: the error limit is a share of it
  for (size_t m = 0; m < model.meshes.size(); ++m) {
    const auto& mesh = model.meshes[m];
    REQUIRE(lod.indices[m].size() == mesh.primitives.size());
    for (size_t k = 0; k < mesh.primitives.size(); ++k) {
      CAPTURE(mesh.name);
      const auto& p = mesh.primitives[k];
      const auto& coarse = lod.indices[m][k];
      REQUIRE(coarse.size() % 3 == 0);
      REQUIRE(coarse.size() >= 3);
      CHECK(coarse.size() <= p.indices.size());
      bool inRange = true;
      for (std::uint32_t i : coarse) inRange = inRange && i < p.positions.size();
      REQUIRE(inRange);
      // The area changes by under 10 %; the box's corners move by at most 1.2 cm (a tapering tip shortens,
      // where the error measure sees little change of surface) or three times the tissue's error limit.
      const auto [lo, hi] = extent(p, p.indices);
      const auto [clo, chi] = extent(p, coarse);
      const float limit = std::max(0.012f, 3.0f * budget.forTissue(model.roles[m].tissue).error * modelSize);
      CHECK(glm::length(clo - lo) <= limit);
      CHECK(glm::length(chi - hi) <= limit);
      const double full = area(p, p.indices);
      CHECK(area(p, coarse) == doctest::Approx(full).epsilon(0.10));
    }
  }
  const auto skin = std::find_if(model.meshes.begin(), model.meshes.end(), [](const auto& m) { return m.name == "skin"; });
  REQUIRE(skin != model.meshes.end());
  const size_t skinIndex = size_t(skin - model.meshes.begin());
  CHECK(lod.indices[skinIndex][0].size() < skin->primitives[0].indices.size() / 4);
}

TEST_CASE("primitives within the target, and a zero error limit, keep their own list") {
  const scene::Model box = scene::loadGltf(std::string(MYO_FIXTURES_DIR) + "/box.gltf");
  REQUIRE(!box.meshes.empty());
  const auto& p = box.meshes[0].primitives[0];
  CHECK(scene::simplifyPrimitive(p, 12, 0.1f) == p.indices);
  const auto& skin = shippedModel().meshes[0].primitives[0];
  CHECK(scene::simplifyPrimitive(skin, skin.indices.size() / 3, 0.01f) == skin.indices);
  CHECK(scene::simplifyPrimitive(skin, 100, 0.0f) == skin.indices);
  // A tight error limit stops well short of a tiny target.
  const size_t tight = scene::simplifyPrimitive(skin, 100, 0.0002f).size() / 3;
  const size_t loose = scene::simplifyPrimitive(skin, 100, 0.02f).size() / 3;
  CHECK(tight > 4 * loose);
}
