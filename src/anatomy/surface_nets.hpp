// anatomy/surface_nets.hpp: turns an implicit shape (signed distance, negative inside) into a closed,
// smooth-shaded triangle mesh with the surface-nets method on a regular grid.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include <glm/glm.hpp>

namespace myo::anatomy {

using DistanceField = std::function<float(glm::vec3)>;

struct ImplicitMesh {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;
  std::vector<std::uint32_t> indices;
};

/// Grid for polygonising: x samples are placed symmetrically about x = 0 so that a mirror-symmetric field
/// gives a mirror-symmetric mesh; y and z start at `lo`. All in metres.
struct GridSpec {
  glm::vec3 lo{0.0f};
  glm::vec3 hi{0.0f};
  float cell = 0.005f;
  /// Upper bound of |gradient| of the field, used to skip blocks far from the surface.
  float lipschitz = 1.5f;
  /// False: `normals` is left empty, for a mesh that is simplified before its normals are taken (fieldNormal
  /// at the kept vertices gives the same normals).
  bool normals = true;
};

/// Polygonises the zero level set of `field` inside the grid. The field must be positive on the grid
/// border. Vertices are projected onto the surface and get the normalised field gradient as normal.
ImplicitMesh polygonize(const DistanceField& field, const GridSpec& grid);

/// Moves p onto the level set field = level along the gradient (a few Newton steps, metres).
glm::vec3 projectToLevel(const DistanceField& field, glm::vec3 p, float level, int steps = 4);

/// Runs body(0..count-1) on a few threads; each index must write only its own results.
void parallelFor(int count, const std::function<void(int)>& body);

/// Normalised central-difference gradient of the field at p.
glm::vec3 fieldNormal(const DistanceField& field, glm::vec3 p, float eps = 0.0005f);

}  // namespace myo::anatomy
