// anatomy/generator.cpp: assembles skin, bones and muscles, and weights every vertex to the rig.
#include "anatomy/generator.hpp"

#include "anatomy/body_field.hpp"
#include "anatomy/bones.hpp"
#include "anatomy/muscles.hpp"
#include "anatomy/rig.hpp"
#include "anatomy/surface_nets.hpp"

namespace myo::anatomy {

namespace {

TissueMesh buildSkin(const BodyField& body, float cell) {
  GridSpec grid;
  grid.lo = {-0.43f, -0.006f, -0.135f};
  grid.hi = {0.43f, 1.765f, 0.245f};
  grid.cell = cell;
  grid.lipschitz = 1.6f;
  ImplicitMesh m = polygonize([&](glm::vec3 p) { return body.distance(p); }, grid);
  TissueMesh skin;
  skin.name = "skin";
  skin.tissue = Tissue::Skin;
  skin.positions = std::move(m.positions);
  skin.normals = std::move(m.normals);
  skin.indices = std::move(m.indices);
  skin.extras = {{"display_name", "Skin"}, {"side", ""}, {"part", ""}};
  return skin;
}

}  // namespace

AnatomyModel generateModel(const GeneratorOptions& options) {
  AnatomyModel model;
  model.joints = buildSkeleton();
  BodyField body;
  model.meshes.push_back(buildSkin(body, options.skinCell));
  if (options.bones) {
    for (TissueMesh& m : buildBones(options.boneCell)) model.meshes.push_back(std::move(m));
  }
  if (options.muscles) {
    for (TissueMesh& m : buildMuscles(body)) model.meshes.push_back(std::move(m));
  }
  for (TissueMesh& m : model.meshes) assignSkinWeights(body, m);
  return model;
}

}  // namespace myo::anatomy
