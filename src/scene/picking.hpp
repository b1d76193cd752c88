// scene/picking.hpp: ray picking against the posed model's triangles (which muscle is under the cursor).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include <glm/glm.hpp>

#include "scene/bounds.hpp"
#include "scene/model.hpp"

namespace myo::scene {

/// A ray in world space; direction need not be normalised.
struct Ray {
  glm::vec3 origin{0.0f};
  glm::vec3 direction{0.0f, 0.0f, -1.0f};
};

struct PickHit {
  int mesh = -1;          ///< index into Model::meshes (and Model::roles)
  int node = -1;          ///< node drawing that mesh
  int primitive = -1;     ///< index into Mesh::primitives
  int triangle = -1;      ///< triangle index in the primitive (indices / 3)
  glm::vec3 point{0.0f};  ///< world-space hit point, metres
  float distance = 0.0f;  ///< from the ray origin to point, metres
};

/// Möller-Trumbore ray/triangle test, both faces. Returns the ray parameter t (hit = origin + t * direction)
/// when the ray hits at t > 0.
/// Where a ray meets a triangle: distance t along the (unit) direction and barycentric u, v (weights of b and c).
struct TriangleHit {
  float t = 0.0f;
  float u = 0.0f;
  float v = 0.0f;
};

/// Moller-Trumbore; both faces count; grazing rays and degenerate triangles give no hit.
std::optional<TriangleHit> intersectTriangleUv(const glm::vec3& origin, const glm::vec3& direction,
                                               const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);

std::optional<float> intersectTriangle(const glm::vec3& origin, const glm::vec3& direction,
                                       const glm::vec3& a, const glm::vec3& b, const glm::vec3& c);

/// Nearest triangle of the displayed scene posed by `world` that `ray` hits, skipping meshes for which
/// `hidden` returns true. Skinned meshes are tested as posed.
std::optional<PickHit> pick(const Model& model, const std::vector<glm::mat4>& world, const Ray& ray,
                            const MeshHidden& hidden = {});

/// World-space vertex positions of every drawn primitive for one pose, with a box around each, so that many
/// rays can be cast against the same pose without skinning again.
struct PosedGeometry {
  struct Piece {
    int node = -1;
    int mesh = -1;
    int primitive = -1;
    std::vector<glm::vec3> positions;  ///< world space, metres
    glm::vec3 min{0.0f};
    glm::vec3 max{0.0f};
  };
  std::vector<Piece> pieces;
};

/// Poses every mesh node once (CPU skinning where the node has a skin).
PosedGeometry poseGeometry(const Model& model, const std::vector<glm::mat4>& world);

/// Nearest hit against pre-posed geometry; pieces whose box the ray misses are skipped.
std::optional<PickHit> pick(const Model& model, const PosedGeometry& posed, const Ray& ray,
                            const MeshHidden& hidden = {});

/// Below this opacity a drawn surface is see-through: clicks and labels go to what lies behind it (the faded
/// skin at 0.28, a faded trapezius at 0.3).
constexpr float kSeenOpacity = 0.5f;

/// The first surface along `ray` drawn opaque enough to be seen: meshes whose `opacity` (one per mesh, as drawn;
/// 0 for hidden ones) is below `minOpacity` are skipped, so are meshes past the end of the span.
std::optional<PickHit> pickSeen(const Model& model, const PosedGeometry& posed, const Ray& ray,
                                std::span<const float> opacity, float minOpacity = kSeenOpacity);

}  // namespace myo::scene
