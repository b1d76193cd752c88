// tests/support/skin_checks.hpp: skinning checks that hold for any glTF skin.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include <doctest/doctest.h>
#include <glm/glm.hpp>

#include "scene/model.hpp"
#include "scene/skinning.hpp"

namespace myo::test {

/// Poses the last skinned mesh node's joints where their inverse bind matrices say they were bound and
/// checks that the joint matrices are identities and every primitive skins back onto its bind positions.
/// Returns that node's index.
inline int checkBindPoseGivesBindPositions(const scene::Model& model) {
  std::vector<glm::mat4> world = scene::worldTransforms(model, scene::localTransforms(model));
  int meshNode = -1;
  for (std::size_t n = 0; n < model.nodes.size(); ++n)
    if (model.nodes[n].skin >= 0) meshNode = int(n);
  REQUIRE(meshNode >= 0);
  const scene::Skin& skin = model.skins[std::size_t(model.nodes[std::size_t(meshNode)].skin)];
  const glm::mat4 meshWorld = world[std::size_t(meshNode)];
  for (std::size_t j = 0; j < skin.joints.size(); ++j)
    world[std::size_t(skin.joints[j])] = meshWorld * glm::inverse(skin.inverseBind[j]);
  const auto joints = scene::jointMatrices(model, model.nodes[std::size_t(meshNode)].skin, world, meshWorld);
  REQUIRE(joints.size() == skin.joints.size());
  for (const glm::mat4& m : joints)
    for (int c = 0; c < 4; ++c)
      for (int r = 0; r < 4; ++r) CHECK(std::abs(m[c][r] - (c == r ? 1.0f : 0.0f)) <= 1e-3f);
  for (const scene::Primitive& prim : model.meshes[std::size_t(model.nodes[std::size_t(meshNode)].mesh)].primitives) {
    const auto skinned = scene::skinPositions(prim, joints);
    REQUIRE(skinned.size() == prim.positions.size());
    float worst = 0.0f;
    for (std::size_t v = 0; v < skinned.size(); ++v) worst = std::max(worst, glm::length(skinned[v] - prim.positions[v]));
    CHECK(worst < 1e-3f);
  }
  return meshNode;
}

}  // namespace myo::test
