// scene_structures_test.cpp: layers from the catalogue, the peel of a layer depth, search over the names users
// and other atlases use, and picking that goes through what is drawn see-through.
#include <doctest/doctest.h>

#include <algorithm>

#include "scene/muscle_catalog.hpp"
#include "scene/muscle_names.hpp"
#include "scene/picking.hpp"
#include "scene/structures.hpp"

using namespace myo;

namespace {

/// A square in the plane z = `z`, x and y in [-1, 1].
scene::Primitive square(float z) {
  scene::Primitive p;
  p.positions = {{-1, -1, z}, {1, -1, z}, {1, 1, z}, {-1, 1, z}};
  p.normals.assign(4, glm::vec3(0, 0, 1));
  p.indices = {0, 1, 2, 0, 2, 3};
  return p;
}

/// Meshes named as an atlas names them, each a square at its own depth (the first nearest to +z), with the roles
/// the name rules give.
scene::Model named(const std::vector<std::string>& names) {
  scene::Model m;
  for (std::size_t i = 0; i < names.size(); ++i) {
    m.meshes.push_back({.name = names[i], .primitives = {square(-0.1f * float(i))}});
    m.roles.push_back({scene::recognizeTissue(names[i]), scene::recognizeMuscle(names[i])});
    scene::Node n;
    n.name = names[i];
    n.mesh = int(i);
    m.nodes.push_back(n);
    m.roots.push_back(int(i));
  }
  return m;
}

std::vector<int> meshesOf(const std::vector<scene::SearchHit>& hits) {
  std::vector<int> out;
  for (const auto& h : hits) out.push_back(h.mesh);
  return out;
}

}  // namespace

TEST_CASE("layers: skin, the catalogue's three muscle layers, bones; the depth peels them in that order") {
  using scene::Layer;
  const scene::MeshRole skin{scene::TissueKind::Skin, {}};
  const scene::MeshRole bone{scene::TissueKind::Bone, {}};
  const scene::MeshRole other{scene::TissueKind::Other, {}};
  auto muscle = [](scene::MuscleKind k) { return scene::MeshRole{scene::TissueKind::Muscle, {k, scene::Side::Left}}; };
  CHECK(scene::layerOf(skin) == Layer::Skin);
  CHECK(scene::layerOf(bone) == Layer::Bone);
  CHECK(scene::layerOf(other) == Layer::Other);
  // anatomy.md 5.1: trapezius and latissimus outermost, the rhomboids under the trapezius, the rotator cuff and
  // erector spinae on the bone.
  CHECK(scene::layerOf(muscle(scene::MuscleKind::Trapezius)) == Layer::Superficial);
  CHECK(scene::layerOf(muscle(scene::MuscleKind::LatissimusDorsi)) == Layer::Superficial);
  CHECK(scene::layerOf(muscle(scene::MuscleKind::RhomboidMajor)) == Layer::Intermediate);
  CHECK(scene::layerOf(muscle(scene::MuscleKind::LevatorScapulae)) == Layer::Intermediate);
  CHECK(scene::layerOf(muscle(scene::MuscleKind::Infraspinatus)) == Layer::Deep);
  CHECK(scene::layerOf(muscle(scene::MuscleKind::ErectorSpinae)) == Layer::Deep);
  // Every catalogue row has a muscle layer.
  for (const auto& row : scene::muscleCatalog()) {
    CHECK(row.layer >= 1);
    CHECK(row.layer <= 3);
  }
  // A muscle the catalogue does not know ("Biceps muscle") is treated as superficial.
  CHECK(scene::layerOf({scene::TissueKind::Muscle, {}}) == Layer::Superficial);

  for (int depth = 0; depth <= scene::kMaxLayerDepth; ++depth) {
    CHECK(scene::peeled(Layer::Skin, depth) == (depth >= 1));
    CHECK(scene::peeled(Layer::Superficial, depth) == (depth >= 2));
    CHECK(scene::peeled(Layer::Intermediate, depth) == (depth >= 3));
    CHECK(scene::peeled(Layer::Deep, depth) == (depth >= 4));
    CHECK_FALSE(scene::peeled(Layer::Bone, depth));
    CHECK_FALSE(scene::peeled(Layer::Other, depth));
  }
  CHECK(scene::peeled(Layer::Bone, scene::kMaxLayerDepth + 1));
  CHECK(scene::systemName(scene::TissueKind::Tendon) == "Muscles");
}

TEST_CASE("search: part of a name, best matches first, other atlases' words") {
  const scene::Model m = named({"skin", "trapezius_transverse_L", "rhomboid_major_L", "rhomboid_minor_R",
                                "latissimus_dorsi_L", "teres_major_L", "teres_minor_R", "bone_scapula_L",
                                "serratus_anterior_L"});
  // "rhom": both rhomboids, nothing else.
  CHECK(meshesOf(scene::searchStructures(m, "rhom")) == std::vector<int>{2, 3});
  CHECK(meshesOf(scene::searchStructures(m, "  RHOM ")) == std::vector<int>{2, 3});
  CHECK(scene::searchStructures(m, "rhom").front().name == "Rhomboid major (left)");
  // "lat": the latissimus by a word's start first; names that merely contain "lat" after it (none here).
  const auto lat = scene::searchStructures(m, "lat");
  REQUIRE_FALSE(lat.empty());
  CHECK(lat.front().mesh == 4);
  CHECK(lat.front().rank == 0);
  CHECK(meshesOf(scene::searchStructures(m, "teres")) == std::vector<int>{5, 6});
  CHECK(meshesOf(scene::searchStructures(m, "teres mi")) == std::vector<int>{6});
  // Inside a word: rank 1.
  const auto bo = scene::searchStructures(m, "boid");
  REQUIRE(bo.size() == 2);
  CHECK(bo.front().rank == 1);
  // Latin and abbreviations the catalogue recognises: rank 2.
  CHECK(meshesOf(scene::searchStructures(m, "rhomboideus")) == std::vector<int>{2, 3});
  CHECK(meshesOf(scene::searchStructures(m, "lat dorsi")) == std::vector<int>{4});
  CHECK(meshesOf(scene::searchStructures(m, "lats")) == std::vector<int>{4});
  CHECK(meshesOf(scene::searchStructures(m, "teretis")) == std::vector<int>{5, 6});
  CHECK(meshesOf(scene::searchStructures(m, "transversa")) == std::vector<int>{1});
  CHECK(scene::searchStructures(m, "rhomboideus").front().rank == 2);
  // Bones and skin by their mesh names; muscles before other tissues at the same rank.
  CHECK(meshesOf(scene::searchStructures(m, "scapula")) == std::vector<int>{7});
  CHECK(meshesOf(scene::searchStructures(m, "skin")) == std::vector<int>{0});
  // Nothing for blank text or a name nobody has.
  CHECK(scene::searchStructures(m, "").empty());
  CHECK(scene::searchStructures(m, " _- ").empty());
  CHECK(scene::searchStructures(m, "gluteus").empty());
}

TEST_CASE("pickSeen: the first surface drawn opaque enough to be seen") {
  // Three squares on the ray down -z: skin (z = 0), trapezius (z = -0.1), rhomboid (z = -0.2).
  const scene::Model m = named({"skin", "trapezius_ascending_L", "rhomboid_major_L"});
  const auto world = scene::worldTransforms(m, scene::localTransforms(m));
  const scene::PosedGeometry posed = scene::poseGeometry(m, world);
  const scene::Ray ray{.origin = {0.2f, 0.3f, 5.0f}, .direction = {0, 0, -1}};
  auto picked = [&](std::vector<float> opacity) {
    const auto hit = scene::pickSeen(m, posed, ray, opacity);
    return hit ? hit->mesh : -1;
  };
  CHECK(picked({1.0f, 1.0f, 1.0f}) == 0);    // opaque skin
  CHECK(picked({0.28f, 1.0f, 1.0f}) == 1);   // faded skin: the trapezius under it
  CHECK(picked({0.28f, 0.3f, 1.0f}) == 2);   // the faded trapezius too: the rhomboid
  CHECK(picked({0.0f, 0.0f, 1.0f}) == 2);    // hidden ones
  CHECK(picked({0.28f, 0.3f, 0.0f}) == -1);  // nothing seen
  CHECK(picked({0.28f, 0.3f}) == -1);        // meshes past the span are not drawn
  CHECK(picked({0.6f, 1.0f, 1.0f}) == 0);    // opaque enough
  const auto hit = scene::pickSeen(m, posed, ray, std::vector<float>{0.28f, 0.3f, 1.0f});
  REQUIRE(hit);
  CHECK(hit->distance == doctest::Approx(5.2f));
  CHECK(scene::pickSeen(m, posed, ray, std::vector<float>{0.28f, 0.3f, 1.0f}, 0.2f)->mesh == 0);
}
