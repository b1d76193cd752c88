// exercise/contact.cpp: rest and posed body surfaces, ray queries through a bounding-volume hierarchy, and
// the coverage table.
#include "exercise/contact.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <numeric>

#include "scene/picking.hpp"
#include "scene/skinning.hpp"

namespace myo::exercise {

namespace {

constexpr int kLeafSize = 4;

using TriHit = scene::TriangleHit;

std::optional<TriHit> hitTriangle(const glm::vec3& o, const glm::vec3& d, const glm::vec3& a, const glm::vec3& b,
                                  const glm::vec3& c) {
  return scene::intersectTriangleUv(o, d, a, b, c);
}

bool hitBox(const glm::vec3& o, const glm::vec3& invD, const glm::vec3& lo, const glm::vec3& hi, float maxT) {
  const glm::vec3 t0 = (lo - o) * invD, t1 = (hi - o) * invD;
  const glm::vec3 tmin = glm::min(t0, t1), tmax = glm::max(t0, t1);
  const float enter = std::max({tmin.x, tmin.y, tmin.z, 0.0f});
  const float leave = std::min({tmax.x, tmax.y, tmax.z, maxT});
  return enter <= leave;
}

}  // namespace

glm::vec3 restFaceNormal(const RestSurface& rest, std::size_t t) {
  const glm::uvec3 tri = rest.triangles[t];
  const glm::vec3 a = rest.positions[tri.x], b = rest.positions[tri.y], c = rest.positions[tri.z];
  glm::vec3 n = glm::cross(b - a, c - a);
  const float len = glm::length(n);
  if (len < 1e-20f) return glm::vec3(0.0f);
  n /= len;
  // Winding is not reliable across atlases; the vertex normals say which side is out.
  const glm::vec3 vn = rest.normals[tri.x] + rest.normals[tri.y] + rest.normals[tri.z];
  return glm::dot(n, vn) < 0.0f ? -n : n;
}

glm::vec3 TrunkAxis::closest(const glm::vec3& p) const {
  const glm::vec3 d = top - bottom;
  const float len2 = glm::dot(d, d);
  if (len2 <= 0.0f) return bottom;
  return bottom + std::clamp(glm::dot(p - bottom, d) / len2, 0.0f, 1.0f) * d;
}

bool RestSurface::outer(std::size_t t, const TrunkAxis& axis) const {
  const glm::uvec3 tri = triangles[t];
  const glm::vec3 centroid = (positions[tri.x] + positions[tri.y] + positions[tri.z]) / 3.0f;
  return glm::dot(restFaceNormal(*this, t), centroid - axis.closest(centroid)) > 0.0f;
}

std::optional<glm::vec3> RestSurface::outerCentroid(const std::vector<int>& meshes, const TrunkAxis& axis) const {
  glm::dvec3 sum(0.0);
  double area = 0.0;
  for (std::size_t t = 0; t < triangles.size(); ++t) {
    if (std::find(meshes.begin(), meshes.end(), triangleMesh[t]) == meshes.end()) continue;
    const glm::uvec3 tri = triangles[t];
    const glm::vec3 a = positions[tri.x], b = positions[tri.y], c = positions[tri.z];
    const glm::vec3 centroid = (a + b + c) / 3.0f;
    if (!outer(t, axis)) continue;
    const double w = 0.5 * glm::length(glm::cross(b - a, c - a));
    sum += w * glm::dvec3(centroid);
    area += w;
  }
  if (area <= 0.0) return std::nullopt;
  return glm::vec3(sum / area);
}

RestSurface buildRestSurface(const scene::Model& model) {
  RestSurface rest;
  const std::vector<glm::mat4> world = scene::worldTransforms(model, scene::localTransforms(model));
  for (int node : scene::meshNodes(model)) {
    const scene::Node& n = model.nodes[std::size_t(node)];
    const scene::Mesh& mesh = model.meshes[std::size_t(n.mesh)];
    for (std::size_t p = 0; p < mesh.primitives.size(); ++p) {
      const scene::Primitive& prim = mesh.primitives[p];
      const auto first = std::uint32_t(rest.positions.size());
      rest.parts.push_back({node, int(p), first});
      const std::vector<glm::vec3> pos = scene::posedWorldPositions(model, node, int(p), world);
      rest.positions.insert(rest.positions.end(), pos.begin(), pos.end());
      const glm::mat3 normalMatrix = glm::transpose(glm::inverse(glm::mat3(world[std::size_t(node)])));
      for (std::size_t v = 0; v < pos.size(); ++v) {
        const glm::vec3 nv = v < prim.normals.size() ? normalMatrix * prim.normals[v] : glm::vec3(0.0f);
        const float len = glm::length(nv);
        rest.normals.push_back(len > 0.0f ? nv / len : glm::vec3(0.0f));
      }
      for (std::size_t i = 0; i + 2 < prim.indices.size(); i += 3) {
        rest.triangles.emplace_back(first + prim.indices[i], first + prim.indices[i + 1], first + prim.indices[i + 2]);
        rest.triangleMesh.push_back(n.mesh);
      }
    }
  }
  return rest;
}

std::vector<glm::vec3> posedPositions(const scene::Model& model, const RestSurface& rest,
                                      const std::vector<glm::mat4>& world) {
  std::vector<glm::vec3> out;
  out.reserve(rest.positions.size());
  for (const RestSurface::Part& part : rest.parts) {
    const std::vector<glm::vec3> pos = scene::posedWorldPositions(model, part.node, part.primitive, world);
    out.insert(out.end(), pos.begin(), pos.end());
  }
  return out;
}

PosedSurface::PosedSurface(std::shared_ptr<const RestSurface> rest, std::vector<glm::vec3> posed)
    : rest_(std::move(rest)), posed_(std::move(posed)) {
  const std::size_t count = rest_->triangles.size();
  if (count == 0 || posed_.size() != rest_->positions.size()) return;
  centroids_.resize(count);
  for (std::size_t t = 0; t < count; ++t) {
    const glm::uvec3 tri = rest_->triangles[t];
    centroids_[t] = (posed_[tri.x] + posed_[tri.y] + posed_[tri.z]) / 3.0f;
  }
  order_.resize(count);
  std::iota(order_.begin(), order_.end(), 0);
  nodes_.reserve(2 * count / kLeafSize + 1);
  build(0, int(count));
}

int PosedSurface::build(int first, int count) {
  const int index = int(nodes_.size());
  nodes_.push_back({});
  glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
  glm::vec3 clo = lo, chi = hi;
  for (int i = first; i < first + count; ++i) {
    const glm::uvec3 tri = rest_->triangles[std::size_t(order_[std::size_t(i)])];
    for (std::uint32_t v : {tri.x, tri.y, tri.z}) {
      lo = glm::min(lo, posed_[v]);
      hi = glm::max(hi, posed_[v]);
    }
    clo = glm::min(clo, centroids_[std::size_t(order_[std::size_t(i)])]);
    chi = glm::max(chi, centroids_[std::size_t(order_[std::size_t(i)])]);
  }
  nodes_[std::size_t(index)].lo = lo;
  nodes_[std::size_t(index)].hi = hi;
  if (count <= kLeafSize) {
    nodes_[std::size_t(index)].first = first;
    nodes_[std::size_t(index)].count = count;
    return index;
  }
  const glm::vec3 extent = chi - clo;
  const int axis = extent.x > extent.y ? (extent.x > extent.z ? 0 : 2) : (extent.y > extent.z ? 1 : 2);
  const int half = count / 2;
  std::nth_element(order_.begin() + first, order_.begin() + first + half, order_.begin() + first + count,
                   [&](int a, int b) { return centroids_[std::size_t(a)][axis] < centroids_[std::size_t(b)][axis]; });
  const int left = build(first, half);
  const int right = build(first + half, count - half);
  nodes_[std::size_t(index)].left = left;
  nodes_[std::size_t(index)].right = right;
  return index;
}

template <typename Visit>
void PosedSurface::traverse(const glm::vec3& origin, const glm::vec3& direction, float maxT, Visit&& visit) const {
  if (nodes_.empty()) return;
  const glm::vec3 invD(1.0f / direction.x, 1.0f / direction.y, 1.0f / direction.z);
  int stack[128];
  int top = 0;
  stack[top++] = 0;
  while (top > 0) {
    const Node& node = nodes_[std::size_t(stack[--top])];
    if (!hitBox(origin, invD, node.lo, node.hi, maxT)) continue;
    if (node.left < 0) {
      for (int i = node.first; i < node.first + node.count; ++i) {
        const int t = order_[std::size_t(i)];
        const glm::uvec3 tri = rest_->triangles[std::size_t(t)];
        if (auto h = hitTriangle(origin, direction, posed_[tri.x], posed_[tri.y], posed_[tri.z]); h && h->t <= maxT)
          maxT = visit(t, *h, maxT);
      }
    } else if (top + 2 <= 128) {
      stack[top++] = node.left;
      stack[top++] = node.right;
    }
  }
}

std::optional<SurfacePoint> PosedSurface::castRay(const glm::vec3& origin, const glm::vec3& direction) const {
  int best = -1;
  TriHit bestHit;
  traverse(origin, direction, std::numeric_limits<float>::max(), [&](int t, const TriHit& h, float) {
    best = t;
    bestHit = h;
    return h.t;  // only nearer hits from now on
  });
  if (best < 0) return std::nullopt;
  const glm::uvec3 tri = rest_->triangles[std::size_t(best)];
  const float w = 1.0f - bestHit.u - bestHit.v;
  SurfacePoint p;
  p.posed = origin + bestHit.t * direction;
  p.rest = w * rest_->positions[tri.x] + bestHit.u * rest_->positions[tri.y] + bestHit.v * rest_->positions[tri.z];
  p.mesh = rest_->triangleMesh[std::size_t(best)];
  return p;
}

std::vector<std::pair<int, float>> PosedSurface::meshesAlong(const glm::vec3& origin, const glm::vec3& direction,
                                                             float maxDistance) const {
  std::vector<std::pair<int, float>> hits;
  traverse(origin, direction, maxDistance, [&](int t, const TriHit& h, float maxT) {
    const int mesh = rest_->triangleMesh[std::size_t(t)];
    auto it = std::find_if(hits.begin(), hits.end(), [&](const auto& e) { return e.first == mesh; });
    if (it == hits.end())
      hits.emplace_back(mesh, h.t);
    else
      it->second = std::min(it->second, h.t);
    return maxT;
  });
  std::sort(hits.begin(), hits.end(), [](const auto& a, const auto& b) {
    return a.second < b.second || (a.second == b.second && a.first < b.first);
  });
  return hits;
}

bool Patch::contains(const glm::vec3& p) const {
  const glm::vec3 d = p - point;
  const float out = glm::dot(d, outward);
  if (-out > depth) return false;
  // Distances run along the surface: the part of d across the tangent plane is the depth checked above.
  glm::vec3 across = d - out * outward;
  if (axis != glm::vec3(0.0f)) {
    const float along = glm::dot(across, axis);
    if (std::abs(along) > halfWidth) return false;
    across -= along * axis;
  }
  return glm::dot(across, across) <= radius * radius;
}

CoverageTable::CoverageTable(const RestSurface& rest, const std::vector<int>& targetMeshes,
                             const std::vector<std::vector<Patch>>& samples, const TrunkAxis& axis) {
  const int sampleCount = int(samples.size());
  cumulative_.assign(std::size_t(std::max(sampleCount, 1)), 0.0);
  for (std::size_t t = 0; t < rest.triangles.size(); ++t) {
    const int mesh = rest.triangleMesh[t];
    if (std::find(targetMeshes.begin(), targetMeshes.end(), mesh) == targetMeshes.end()) continue;
    const glm::uvec3 tri = rest.triangles[t];
    const glm::vec3 a = rest.positions[tri.x], b = rest.positions[tri.y], c = rest.positions[tri.z];
    const glm::vec3 centroid = (a + b + c) / 3.0f;
    // Only the face turned away from the body counts: the inner face of a muscle sheet is never touched.
    if (!rest.outer(t, axis)) continue;
    const float area = 0.5f * glm::length(glm::cross(b - a, c - a));
    int first = INT_MAX;
    for (int k = 0; k < sampleCount && first == INT_MAX; ++k)
      for (const Patch& patch : samples[std::size_t(k)])
        if (patch.contains(centroid)) {
          first = k;
          break;
        }
    triangle_.push_back(t);
    first_.push_back(first);
    area_.push_back(area);
    mesh_.push_back(mesh);
    total_ += area;
    if (first != INT_MAX) cumulative_[std::size_t(first)] += area;
  }
  for (std::size_t k = 1; k < cumulative_.size(); ++k) cumulative_[k] += cumulative_[k - 1];
}

double CoverageTable::at(int k) const {
  if (total_ <= 0.0 || k < 0 || cumulative_.empty()) return 0.0;
  const std::size_t i = std::min(std::size_t(k), cumulative_.size() - 1);
  return std::clamp(cumulative_[i] / total_, 0.0, 1.0);
}

std::vector<std::size_t> CoverageTable::coveredTriangles(int k) const {
  std::vector<std::size_t> out;
  if (k < 0) return out;
  for (std::size_t i = 0; i < first_.size(); ++i)
    if (first_[i] <= k) out.push_back(triangle_[i]);
  return out;
}

double CoverageTable::forMeshes(const std::vector<int>& meshes, int k) const {
  double covered = 0.0, total = 0.0;
  for (std::size_t i = 0; i < first_.size(); ++i) {
    if (std::find(meshes.begin(), meshes.end(), mesh_[i]) == meshes.end()) continue;
    total += area_[i];
    if (first_[i] <= k) covered += area_[i];
  }
  return total > 0.0 ? covered / total : 0.0;
}

}  // namespace myo::exercise
