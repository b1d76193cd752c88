// exercise/contact.hpp: the body's surface in one pose, for finding where a tool touches the body, which
// muscles lie under the touch, and how much of the target muscles a tool has worked.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model.hpp"

namespace myo::exercise {

/// A line segment inside the trunk: the outer face of a muscle is the one turned away from it.
struct TrunkAxis {
  glm::vec3 bottom{0.0f, 1.0f, 0.0f};
  glm::vec3 top{0.0f, 1.5f, 0.0f};
  /// The point of the segment nearest to `p` (rest frame).
  glm::vec3 closest(const glm::vec3& p) const;
};

/// Every triangle of the displayed scene with its rest (standing) positions, shared by all poses.
struct RestSurface {
  std::vector<glm::vec3> positions;      ///< rest frame, metres
  std::vector<glm::vec3> normals;        ///< rest frame vertex normals (unit)
  std::vector<glm::uvec3> triangles;     ///< indices into positions
  std::vector<int> triangleMesh;         ///< mesh index of each triangle
  struct Part {
    int node = -1;
    int primitive = -1;
    std::uint32_t firstVertex = 0;
  };
  std::vector<Part> parts;  ///< one per drawn primitive, in vertex order

  /// Area-weighted centroid of the outer triangles of `meshes` (normal turned away from the trunk axis).
  std::optional<glm::vec3> outerCentroid(const std::vector<int>& meshes, const TrunkAxis& axis) const;
  /// Whether triangle t faces away from the trunk axis.
  bool outer(std::size_t t, const TrunkAxis& axis) const;
};

/// Builds the rest surface of the displayed scene (skinned meshes at rest).
RestSurface buildRestSurface(const scene::Model& model);

/// Vertex positions of the same surface under the pose `world` (node world transforms, skinned on the CPU).
std::vector<glm::vec3> posedPositions(const scene::Model& model, const RestSurface& rest,
                                      const std::vector<glm::mat4>& world);

/// A point on the body's outer surface found by a ray.
struct SurfacePoint {
  glm::vec3 rest{0.0f};     ///< model standing frame, metres
  glm::vec3 posed{0.0f};    ///< posed body frame (pose applied, body not yet placed), metres
  int mesh = -1;            ///< the mesh the ray met first
  std::vector<int> muscles; ///< muscle meshes under the point, outermost first
};

/// The surface in one pose with a bounding-volume hierarchy for ray queries.
class PosedSurface {
public:
  PosedSurface() = default;
  PosedSurface(std::shared_ptr<const RestSurface> rest, std::vector<glm::vec3> posed);

  /// The first surface the ray meets (posed frame, `direction` unit): its point in the rest and posed
  /// frames. Muscles are not filled in.
  std::optional<SurfacePoint> castRay(const glm::vec3& origin, const glm::vec3& direction) const;

  /// Every mesh the ray passes through within `maxDistance` metres, by the distance of its first hit,
  /// as (mesh, distance) pairs.
  std::vector<std::pair<int, float>> meshesAlong(const glm::vec3& origin, const glm::vec3& direction,
                                                 float maxDistance) const;

  bool empty() const { return nodes_.empty(); }

private:
  struct Node {
    glm::vec3 lo{0.0f}, hi{0.0f};
    int left = -1, right = -1;  ///< children, -1 for a leaf
    int first = 0, count = 0;   ///< leaf: range in order_
  };
  int build(int first, int count);
  template <typename Visit>
  void traverse(const glm::vec3& origin, const glm::vec3& direction, float maxT, Visit&& visit) const;

  std::shared_ptr<const RestSurface> rest_;
  std::vector<glm::vec3> posed_;
  std::vector<glm::vec3> centroids_;
  std::vector<int> order_;
  std::vector<Node> nodes_;
};

/// Where a tool presses at one moment, in the rest frame: a disc around the contact (ball, chair node) when
/// `axis` is zero, otherwise a band across the body along `axis` (the roller); distances are measured in
/// the tangent plane, and points deeper than `depth` under it are out of reach.
struct Patch {
  glm::vec3 point{0.0f};     ///< contact point, rest frame
  glm::vec3 outward{0.0f};   ///< unit direction from the body toward the tool, rest frame
  glm::vec3 axis{0.0f};      ///< roller axis in the rest frame (unit), or zero
  float radius = 0.04f;      ///< metres across the band or around the point
  float halfWidth = 0.0f;    ///< metres along the axis
  float depth = 0.04f;       ///< how far under the contact the tool still works (soft tissue), metres
  bool contains(const glm::vec3& p) const;
};

/// The outer triangles of the target muscles and, for one work phase sampled in time, when each was
/// first under the tool: the covered share at any sample is one lookup.
class CoverageTable {
public:
  CoverageTable() = default;
  /// `samples[k]` holds the patches of sample k (one per tool contact). Only the outer faces of the
  /// target muscles (turned away from `axis`) count.
  CoverageTable(const RestSurface& rest, const std::vector<int>& targetMeshes,
                const std::vector<std::vector<Patch>>& samples, const TrunkAxis& axis);

  /// Share (0..1) of the target surface area covered by samples 0..k.
  double at(int k) const;
  /// The same for a subset of the target meshes (for reports and tests; loops over the triangles).
  double forMeshes(const std::vector<int>& meshes, int k) const;
  double totalArea() const { return total_; }
  /// The rest-surface triangles covered by samples 0..k (the area at(k) counts).
  std::vector<std::size_t> coveredTriangles(int k) const;

private:
  std::vector<std::size_t> triangle_;  ///< per outer triangle: its index in the rest surface
  std::vector<int> first_;     ///< per outer triangle: first sample covering it, or INT_MAX
  std::vector<float> area_;
  std::vector<int> mesh_;
  std::vector<double> cumulative_;  ///< per sample: area first covered at or before it
  double total_ = 0.0;
};

/// Outward unit normal of triangle t of the rest surface, oriented by its vertex normals.
glm::vec3 restFaceNormal(const RestSurface& rest, std::size_t t);

}  // namespace myo::exercise
