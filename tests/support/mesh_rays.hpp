// tests/support/mesh_rays.hpp: rays against the generator's meshes (anatomy tests).
#pragma once

#include <cstddef>

#include <glm/glm.hpp>

#include "anatomy/anatomy_model.hpp"
#include "scene/picking.hpp"

namespace myo::test {

/// Distance along the ray to the nearest hit with the mesh, or a negative number.
inline float rayHit(const anatomy::TissueMesh& m, glm::vec3 origin, glm::vec3 dir) {
  float best = -1.0f;
  for (std::size_t f = 0; f < m.indices.size(); f += 3) {
    const auto t = scene::intersectTriangle(origin, dir, m.positions[m.indices[f]], m.positions[m.indices[f + 1]],
                                            m.positions[m.indices[f + 2]]);
    if (t && (best < 0.0f || *t < best)) best = *t;
  }
  return best;
}

}  // namespace myo::test
