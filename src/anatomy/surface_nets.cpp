// anatomy/surface_nets.cpp: surface nets polygoniser with block culling and vertex projection.
#include "anatomy/surface_nets.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <thread>

namespace myo::anatomy {

void parallelFor(int count, const std::function<void(int)>& body) {
  unsigned hw = std::thread::hardware_concurrency();
  int threads = static_cast<int>(std::clamp(hw, 1u, 4u));
  std::atomic<int> next{0};
  auto work = [&]() {
    for (int i = next++; i < count; i = next++) body(i);
  };
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
}

glm::vec3 fieldNormal(const DistanceField& field, glm::vec3 p, float eps) {
  glm::vec3 g{field(p + glm::vec3(eps, 0, 0)) - field(p - glm::vec3(eps, 0, 0)),
              field(p + glm::vec3(0, eps, 0)) - field(p - glm::vec3(0, eps, 0)),
              field(p + glm::vec3(0, 0, eps)) - field(p - glm::vec3(0, 0, eps))};
  float l = glm::length(g);
  return l > 1e-12f ? g / l : glm::vec3(0, 1, 0);
}

glm::vec3 projectToLevel(const DistanceField& field, glm::vec3 p, float level, int steps) {
  const float eps = 0.0005f;
  for (int i = 0; i < steps; ++i) {
    // Forward differences: four evaluations per step are enough for a Newton step onto a smooth level set.
    float f0 = field(p);
    float d = f0 - level;
    // The x step points away from the midline so that mirrored points follow mirrored paths.
    float ex = p.x >= 0.0f ? eps : -eps;
    glm::vec3 g{(field(p + glm::vec3(ex, 0, 0)) - f0) / ex, (field(p + glm::vec3(0, eps, 0)) - f0) / eps,
                (field(p + glm::vec3(0, 0, eps)) - f0) / eps};
    float g2 = glm::dot(g, g);
    if (g2 < 1e-8f) break;
    glm::vec3 step = g * (d / g2);
    // Long steps mean the estimate is poor; moving part of the way keeps the iteration stable.
    float len = glm::length(step);
    if (len > 0.02f) step *= 0.02f / len;
    p -= step;
    if (std::abs(d) < 1e-6f) break;
  }
  return p;
}

ImplicitMesh polygonize(const DistanceField& field, const GridSpec& grid) {
  const float h = grid.cell;
  const int halfX = static_cast<int>(std::ceil(std::max(std::abs(grid.lo.x), std::abs(grid.hi.x)) / h));
  const int nx = 2 * halfX + 1;
  const int ny = static_cast<int>(std::ceil((grid.hi.y - grid.lo.y) / h)) + 1;
  const int nz = static_cast<int>(std::ceil((grid.hi.z - grid.lo.z) / h)) + 1;
  auto pointAt = [&](int i, int j, int k) {
    return glm::vec3(static_cast<float>(i - halfX) * h, grid.lo.y + static_cast<float>(j) * h,
                     grid.lo.z + static_cast<float>(k) * h);
  };
  auto idx = [&](int i, int j, int k) {
    return (static_cast<std::size_t>(k) * ny + static_cast<std::size_t>(j)) * nx + static_cast<std::size_t>(i);
  };
  const std::size_t count = static_cast<std::size_t>(nx) * ny * nz;
  std::vector<float> value(count, 1.0f);

  // Blocks far from the surface (by the Lipschitz bound) give all their points the centre's value; inside
  // the others, 2-cell sub-blocks are culled the same way, and the rest is sampled exactly. A culled point
  // keeps the sign of the field there, and no edge the surface crosses has a culled end (every grid edge lies
  // in a culled block or sub-block only if the field keeps one sign over it), so the mesh is the one that exact
  // sampling everywhere gives. Separate passes keep the threads free of shared writes.
  const int kBlock = 4, kSub = 2;
  const float halfDiag = 0.5f * std::sqrt(3.0f) * kBlock * h;
  const float subHalfDiag = 0.5f * std::sqrt(3.0f) * kSub * h;
  const int bx = (nx + kBlock - 1) / kBlock, by = (ny + kBlock - 1) / kBlock, bz = (nz + kBlock - 1) / kBlock;
  std::vector<float> blockValue(static_cast<std::size_t>(bx) * by * bz);
  std::vector<std::uint8_t> blockNear(blockValue.size());
  auto bidx = [&](int i, int j, int k) { return (static_cast<std::size_t>(k) * by + j) * bx + i; };
  parallelFor(bz, [&](int k) {
    for (int j = 0; j < by; ++j) {
      for (int i = 0; i < bx; ++i) {
        glm::vec3 lo = pointAt(i * kBlock, j * kBlock, k * kBlock);
        glm::vec3 c = lo + glm::vec3(0.5f * kBlock * h);
        float dc = field(c);
        blockValue[bidx(i, j, k)] = dc;
        blockNear[bidx(i, j, k)] = std::abs(dc) <= halfDiag * grid.lipschitz + h ? 1 : 0;
      }
    }
  });
  // Sub-block (i, j, k) covers points 2i..2i + 2 (and so on) and lies in block (i / 2, j / 2, k / 2); one in a
  // far block is far with its block's value.
  const int sx = (nx + kSub - 1) / kSub, sy = (ny + kSub - 1) / kSub, sz = (nz + kSub - 1) / kSub;
  std::vector<float> subValue(static_cast<std::size_t>(sx) * sy * sz);
  std::vector<std::uint8_t> subNear(subValue.size());
  auto sidx = [&](int i, int j, int k) { return (static_cast<std::size_t>(k) * sy + j) * sx + i; };
  parallelFor(sz, [&](int k) {
    for (int j = 0; j < sy; ++j) {
      for (int i = 0; i < sx; ++i) {
        std::size_t b = bidx(i / 2, j / 2, k / 2), s = sidx(i, j, k);
        if (!blockNear[b]) {
          subValue[s] = blockValue[b];
          subNear[s] = 0;
          continue;
        }
        glm::vec3 c = pointAt(i * kSub, j * kSub, k * kSub) + glm::vec3(0.5f * kSub * h);
        float dc = field(c);
        subValue[s] = dc;
        subNear[s] = std::abs(dc) <= subHalfDiag * grid.lipschitz + h ? 1 : 0;
      }
    }
  });
  parallelFor(nz, [&](int k) {
    for (int j = 0; j < ny; ++j) {
      for (int i = 0; i < nx; ++i) {
        // A point on a sub-block border belongs to up to eight; any near one asks for an exact value.
        bool exact = false;
        float far = 1.0f;
        bool haveFar = false;
        for (int dk = 0; dk < 2 && !exact; ++dk) {
          for (int dj = 0; dj < 2 && !exact; ++dj) {
            for (int di = 0; di < 2 && !exact; ++di) {
              int ci = (i - di) / kSub, cj = (j - dj) / kSub, ck = (k - dk) / kSub;
              if (i - di < 0 || j - dj < 0 || k - dk < 0 || ci >= sx || cj >= sy || ck >= sz) continue;
              std::size_t b = sidx(ci, cj, ck);
              if (subNear[b]) exact = true;
              else if (!haveFar) {
                far = subValue[b];
                haveFar = true;
              }
            }
          }
        }
        value[idx(i, j, k)] = exact ? field(pointAt(i, j, k)) : far;
      }
    }
  });

  ImplicitMesh mesh;
  const std::size_t cellCount = static_cast<std::size_t>(nx - 1) * (ny - 1) * (nz - 1);
  // A cell the surface crosses gets one vertex per separate piece of surface in it (usually one). The
  // slot of a cell gives its first vertex and, per cube edge, which of its vertices that edge's crossing
  // belongs to (4 bits each).
  struct CellSlot {
    std::int32_t first;
    std::uint64_t edgePiece;
  };
  std::vector<std::int32_t> cellSlot(cellCount, -1);
  std::vector<CellSlot> slots;
  auto cidx = [&](int i, int j, int k) {
    return (static_cast<std::size_t>(k) * (ny - 1) + static_cast<std::size_t>(j)) * (nx - 1) +
           static_cast<std::size_t>(i);
  };
  std::vector<glm::vec3> cellBase;
  // Corner c of a cell is at (c & 1, (c >> 1) & 1, (c >> 2) & 1); edge e joins kEdges[e][0] and kEdges[e][1].
  static const int kEdges[12][2] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3},
                                    {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};
  // The six faces of a cell: corners in cyclic order and the edge from each corner to the next.
  static const int kFaceCorners[6][4] = {{0, 2, 6, 4}, {1, 3, 7, 5}, {0, 1, 5, 4},
                                         {2, 3, 7, 6}, {0, 1, 3, 2}, {4, 5, 7, 6}};
  static const auto kFaceEdges = [] {
    std::array<std::array<int, 4>, 6> fe{};
    for (int f = 0; f < 6; ++f)
      for (int q = 0; q < 4; ++q) {
        int a = kFaceCorners[f][q], b = kFaceCorners[f][(q + 1) % 4];
        for (int e = 0; e < 12; ++e)
          if ((kEdges[e][0] == a && kEdges[e][1] == b) || (kEdges[e][0] == b && kEdges[e][1] == a)) fe[f][q] = e;
      }
    return fe;
  }();
  for (int k = 0; k + 1 < nz; ++k) {
    for (int j = 0; j + 1 < ny; ++j) {
      for (int i = 0; i + 1 < nx; ++i) {
        std::array<float, 8> v;
        int inside = 0;
        for (int c = 0; c < 8; ++c) {
          v[c] = value[idx(i + (c & 1), j + ((c >> 1) & 1), k + ((c >> 2) & 1))];
          inside += v[c] < 0.0f ? 1 : 0;
        }
        if (inside == 0 || inside == 8) continue;
        auto crossed = [&](int e) { return (v[kEdges[e][0]] < 0.0f) != (v[kEdges[e][1]] < 0.0f); };
        // The crossings on a face are joined in pairs by the surface's trace on that face. A face with four
        // crossings is ambiguous; the face's centre value decides which corners the surface keeps together,
        // and as it depends on the face alone both cells that share the face decide alike. A single vertex
        // for two separate pieces would give edges shared by four faces.
        std::array<int, 12> piece;
        for (int e = 0; e < 12; ++e) piece[e] = e;
        auto find = [&](int e) {
          while (piece[e] != e) e = piece[e];
          return e;
        };
        auto join = [&](int a, int b) {
          a = find(a);
          b = find(b);
          if (a != b) piece[std::max(a, b)] = std::min(a, b);
        };
        for (int f = 0; f < 6; ++f) {
          const auto& fe = kFaceEdges[f];
          int n = 0;
          for (int q = 0; q < 4; ++q) n += crossed(fe[q]) ? 1 : 0;
          if (n == 2) {
            int a = -1, b = -1;
            for (int q = 0; q < 4; ++q)
              if (crossed(fe[q])) (a < 0 ? a : b) = fe[q];
            join(a, b);
          } else if (n == 4) {
            float centre = 0.0f;
            for (int q = 0; q < 4; ++q) centre += v[kFaceCorners[f][q]];
            bool insideJoined = centre < 0.0f;
            // The corners the surface separates: each one's two face edges carry one piece of the trace.
            for (int q = 0; q < 4; ++q) {
              bool cornerInside = v[kFaceCorners[f][q]] < 0.0f;
              if (cornerInside != insideJoined) join(fe[(q + 3) % 4], fe[q]);
            }
          }
        }
        std::array<glm::vec3, 12> sum;
        std::array<int, 12> count{};
        int pieces = 0;
        std::array<int, 12> rootPiece;
        rootPiece.fill(-1);
        std::uint64_t edgePiece = 0;
        for (int e = 0; e < 12; ++e) {
          if (!crossed(e)) continue;
          int r = find(e);
          if (rootPiece[r] < 0) {
            rootPiece[r] = pieces;
            sum[pieces] = glm::vec3(0.0f);
            ++pieces;
          }
          int p = rootPiece[r];
          float a = v[kEdges[e][0]], b = v[kEdges[e][1]];
          float t = a / (a - b);
          glm::vec3 pa(kEdges[e][0] & 1, (kEdges[e][0] >> 1) & 1, (kEdges[e][0] >> 2) & 1);
          glm::vec3 pb(kEdges[e][1] & 1, (kEdges[e][1] >> 1) & 1, (kEdges[e][1] >> 2) & 1);
          sum[p] += pa + (pb - pa) * t;
          ++count[p];
          edgePiece |= static_cast<std::uint64_t>(p) << (4 * e);
        }
        cellSlot[cidx(i, j, k)] = static_cast<std::int32_t>(slots.size());
        slots.push_back({static_cast<std::int32_t>(mesh.positions.size()), edgePiece});
        glm::vec3 base = pointAt(i, j, k);
        for (int p = 0; p < pieces; ++p) {
          mesh.positions.push_back(base + sum[p] / static_cast<float>(count[p]) * h);
          cellBase.push_back(base);
        }
      }
    }
  }
  // The vertex of cell (i, j, k) that carries the crossing on its cube edge e.
  auto cellVertex = [&](int i, int j, int k, int e) -> std::int32_t {
    std::int32_t s = cellSlot[cidx(i, j, k)];
    if (s < 0) return -1;
    return slots[s].first + static_cast<std::int32_t>((slots[s].edgePiece >> (4 * e)) & 15u);
  };

  if (grid.normals) mesh.normals.resize(mesh.positions.size());
  const int chunks = 64;
  parallelFor(chunks, [&](int c) {
    std::size_t n = mesh.positions.size();
    for (std::size_t v = n * c / chunks; v < n * (c + 1) / chunks; ++v) {
      glm::vec3 q = projectToLevel(field, mesh.positions[v], 0.0f, 2);
      // Keep the vertex near its cell so neighbouring quads cannot fold over.
      glm::vec3 base = cellBase[v];
      q = glm::clamp(q, base - glm::vec3(0.5f * h), base + glm::vec3(1.5f * h));
      mesh.positions[v] = q;
      if (grid.normals) mesh.normals[v] = fieldNormal(field, q);
    }
  });

  auto emitQuad = [&](std::int32_t a, std::int32_t b, std::int32_t c, std::int32_t d) {
    if (a < 0 || b < 0 || c < 0 || d < 0) return;
    const auto& P = mesh.positions;
    // Split along the shorter diagonal for better-shaped triangles.
    if (glm::distance(P[a], P[c]) <= glm::distance(P[b], P[d])) {
      mesh.indices.insert(mesh.indices.end(), {std::uint32_t(a), std::uint32_t(b), std::uint32_t(c),
                                               std::uint32_t(a), std::uint32_t(c), std::uint32_t(d)});
    } else {
      mesh.indices.insert(mesh.indices.end(), {std::uint32_t(a), std::uint32_t(b), std::uint32_t(d),
                                               std::uint32_t(b), std::uint32_t(c), std::uint32_t(d)});
    }
  };
  for (int k = 1; k + 1 < nz; ++k) {
    for (int j = 1; j + 1 < ny; ++j) {
      for (int i = 1; i + 1 < nx; ++i) {
        float v0 = value[idx(i, j, k)];
        bool in0 = v0 < 0.0f;
        // Edge along +x: cells around it vary in (y, z); (y, z) is counter-clockwise seen from +x.
        if (in0 != (value[idx(i + 1, j, k)] < 0.0f)) {
          std::int32_t a = cellVertex(i, j - 1, k - 1, 3), b = cellVertex(i, j, k - 1, 2),
                       c = cellVertex(i, j, k, 0), d = cellVertex(i, j - 1, k, 1);
          if (in0) emitQuad(a, b, c, d); else emitQuad(a, d, c, b);
        }
        // Edge along +y: (z, x) is counter-clockwise seen from +y.
        if (in0 != (value[idx(i, j + 1, k)] < 0.0f)) {
          std::int32_t a = cellVertex(i - 1, j, k - 1, 7), b = cellVertex(i - 1, j, k, 5),
                       c = cellVertex(i, j, k, 4), d = cellVertex(i, j, k - 1, 6);
          if (in0) emitQuad(a, b, c, d); else emitQuad(a, d, c, b);
        }
        // Edge along +z: (x, y) is counter-clockwise seen from +z.
        if (in0 != (value[idx(i, j, k + 1)] < 0.0f)) {
          std::int32_t a = cellVertex(i - 1, j - 1, k, 11), b = cellVertex(i, j - 1, k, 10),
                       c = cellVertex(i, j, k, 8), d = cellVertex(i - 1, j, k, 9);
          if (in0) emitQuad(a, b, c, d); else emitQuad(a, d, c, b);
        }
      }
    }
  }
  return mesh;
}

}  // namespace myo::anatomy
