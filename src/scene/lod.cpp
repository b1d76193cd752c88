// scene/lod.cpp: coarse triangle lists with meshoptimizer's edge-collapse simplifier.
#include "scene/lod.hpp"

#include <algorithm>
#include <cmath>

#include <meshoptimizer.h>

namespace myo::scene {
namespace {

float extentOf(const Primitive& p) {
  return p.positions.empty() ? 0.0f
                             : meshopt_simplifyScale(&p.positions[0].x, p.positions.size(), sizeof(glm::vec3));
}

}  // namespace

std::vector<std::uint32_t> simplifyPrimitive(const Primitive& p, std::size_t targetTriangles, float maxError) {
  const std::size_t triangles = p.indices.size() / 3;
  const float extent = extentOf(p);
  if (triangles <= targetTriangles || targetTriangles == 0 || extent <= 0.0f || !(maxError > 0.0f))
    return p.indices;
  std::vector<std::uint32_t> out(p.indices.size());
  // meshoptimizer takes the error relative to the primitive's extent.
  const std::size_t n = meshopt_simplify(out.data(), p.indices.data(), p.indices.size(), &p.positions[0].x,
                                         p.positions.size(), sizeof(glm::vec3), 3 * targetTriangles,
                                         maxError / extent);
  if (n < 3) return p.indices;
  out.resize(n);
  // Better vertex reuse: a software renderer shades each vertex of a small batch once.
  meshopt_optimizeVertexCache(out.data(), out.data(), out.size(), p.positions.size());
  return out;
}

const LodLevel& LodBudget::forTissue(TissueKind tissue) const {
  switch (tissue) {
    case TissueKind::Muscle: return muscle;
    case TissueKind::Tendon: return tendon;
    case TissueKind::Bone: return bone;
    case TissueKind::Skin: return skin;
    default: return other;
  }
}

ModelLod buildLod(const Model& model, const LodBudget& budget) {
  float modelExtent = 0.0f;
  for (const auto& mesh : model.meshes)
    for (const Primitive& p : mesh.primitives) modelExtent = std::max(modelExtent, extentOf(p));
  ModelLod lod;
  lod.indices.resize(model.meshes.size());
  for (std::size_t m = 0; m < model.meshes.size(); ++m) {
    const LodLevel& level = budget.forTissue(m < model.roles.size() ? model.roles[m].tissue : TissueKind::Other);
    const float maxError = level.error * modelExtent;
    const float keep = std::clamp(level.share, 0.0f, 1.0f);
    for (const Primitive& p : model.meshes[m].primitives) {
      const std::size_t triangles = p.indices.size() / 3;
      const auto share = std::size_t(std::ceil(double(triangles) * double(keep)));
      lod.indices[m].push_back(simplifyPrimitive(p, std::max(budget.least, share), maxError));
      lod.sourceTriangles += long(triangles);
      lod.triangles += long(lod.indices[m].back().size() / 3);
    }
  }
  return lod;
}

}  // namespace myo::scene
