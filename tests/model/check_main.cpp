// tests/model/check_main.cpp: generates the model and prints, per mesh, its triangles, open and non-manifold
// edges and the edges that pass through a face of the same mesh (for reviewing the geometry; not a test).
#include <algorithm>
#include <chrono>
#include <map>
#include <string>

#include <fmt/format.h>

#include "anatomy/generator.hpp"
#include "mesh_self_intersection.hpp"

using namespace myo;
using namespace myo::anatomy;

int main(int argc, char** argv) {
  const std::string only = argc > 1 ? argv[1] : "";
  auto t0 = std::chrono::steady_clock::now();
  AnatomyModel model = generateModel();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print("{} meshes, {} triangles in {:.2f} s\n", model.meshes.size(), model.triangleCount(), secs);
  for (const TissueMesh& m : model.meshes) {
    if (!only.empty() && m.name.find(only) == std::string::npos) continue;
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
    for (std::size_t f = 0; f < m.indices.size(); f += 3)
      for (int e = 0; e < 3; ++e) {
        std::uint32_t a = m.indices[f + e], b = m.indices[f + (e + 1) % 3];
        ++edges[{std::min(a, b), std::max(a, b)}];
      }
    int open = 0;
    for (const auto& [e, n] : edges) open += n == 1 ? 1 : 0;
    std::vector<std::uint32_t> hitFaces;
    const auto crossing = test::selfIntersectingEdges(m, 0.01f, &hitFaces);
    fmt::print("  {:28s} {:7d} triangles, {} open, {} non-manifold, {} self-intersecting edges\n", m.name,
               m.triangleCount(), open, test::nonManifoldEdges(m), crossing.size());
    // With a name part given: where on a muscle sheet the crossing edges lie (tenths of its fibre
    // coordinates, across u and along v).
    if (only.empty() || m.texcoords.empty() || crossing.empty()) continue;
    float uMax = 0.0f;
    for (glm::vec2 t : m.texcoords) uMax = std::max(uMax, t.x);
    int byU[10] = {}, byV[10] = {};
    for (const auto& [a, b] : crossing) {
      glm::vec2 t = 0.5f * (m.texcoords[a] + m.texcoords[b]);
      ++byU[std::clamp(static_cast<int>(10.0f * t.x / std::max(uMax, 1e-6f)), 0, 9)];
      ++byV[std::clamp(static_cast<int>(10.0f * t.y), 0, 9)];
    }
    // Which faces: outer (grid index < nu * nv), inner, or the rim's.
    std::size_t nv = 1;
    while (nv < m.texcoords.size() && m.texcoords[nv].y > 1e-7f) ++nv;
    const std::size_t total = m.positions.size();
    std::size_t nu = 3;
    while (nu * nv + (nu - 2) * (nv - 2) < total) ++nu;
    const std::size_t outerCount = nu * nv;
    auto kind = [&](std::uint32_t a, std::uint32_t b) { return (a >= outerCount) + (b >= outerCount); };
    int kinds[3] = {};
    int shown = 0;
    for (std::size_t n = 0; n < crossing.size(); ++n) {
      const auto [a, b] = crossing[n];
      ++kinds[kind(a, b)];
      if (n % std::max<std::size_t>(1, crossing.size() / 30) == 0 && shown++ < 30) {
        auto ij = [&](std::uint32_t x) {
          if (x < outerCount) return fmt::format("o({},{})", x / nv, x % nv);
          std::size_t k = x - outerCount;
          return fmt::format("i({},{})", k / (nv - 2) + 1, k % (nv - 2) + 1);
        };
        const std::uint32_t* f = &m.indices[3 * hitFaces[n]];
        fmt::print("    edge {}-{} through {} {} {}\n", ij(a), ij(b), ij(f[0]), ij(f[1]), ij(f[2]));
      }
    }
    fmt::print("    nu {} nv {}: edges outer-outer {}, outer-inner {}, inner-inner {}\n", nu, nv, kinds[0], kinds[1], kinds[2]);
    fmt::print("    across u:");
    for (int n : byU) fmt::print(" {}", n);
    fmt::print("\n    along v: ");
    for (int n : byV) fmt::print(" {}", n);
    fmt::print("\n");
  }
}
