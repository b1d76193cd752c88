// scene/lod.hpp: a coarser triangle list for every primitive, drawn while the view moves on a slow renderer.
// The coarse lists index the primitive's own vertices, so posing and shading need nothing new.
#pragma once

#include <cstdint>
#include <vector>

#include "scene/model.hpp"

namespace myo::scene {

/// Coarse triangle lists, per mesh and per primitive (same shape as Model::meshes).
struct ModelLod {
  std::vector<std::vector<std::vector<std::uint32_t>>> indices;
  long sourceTriangles = 0;
  long triangles = 0;
};

/// A triangle list over `primitive`'s vertices with about `targetTriangles` triangles, or more where fewer would
/// move the surface by more than `maxError` (model units): layered muscles a few millimetres apart must not show
/// through each other. Returns the primitive's own list when it has no more triangles than the target.
std::vector<std::uint32_t> simplifyPrimitive(const Primitive& primitive, std::size_t targetTriangles, float maxError);

/// How far one tissue's coarse lists go: a share of each primitive's triangles, unless that would move the
/// surface by more than `error` times the model's size.
struct LodLevel {
  float share = 0.05f;
  float error = 0.001f;
};

/// How many triangles the coarse lists keep, by tissue (Model::roles).
struct LodBudget {
  LodLevel muscle{0.08f, 0.0005f};  ///< layered a few millimetres apart: they must not show through each other
  LodLevel tendon{0.25f, 0.0002f};  ///< thin sheets (fasciae, ligaments) whose tapering edges collapse first
  LodLevel bone{0.02f, 0.0015f};    ///< deep, mostly hidden
  LodLevel skin{0.01f, 0.002f};     ///< smooth, and seen faded (drawn nearer the eye, see gfx::Renderer)
  LodLevel other{0.05f, 0.001f};    ///< anything unrecognised
  std::size_t least = 150;          ///< no list below this many triangles (small muscles keep their shape)
  const LodLevel& forTissue(TissueKind tissue) const;
};

/// simplifyPrimitive over every primitive of the model.
ModelLod buildLod(const Model& model, const LodBudget& budget = {});

}  // namespace myo::scene
