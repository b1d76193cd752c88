// anatomy/bones.cpp: the bones, drawn as implicit shapes through their landmarks (plates, bands, tubes and
// rounded solids blended with smooth minima) and turned into meshes by the same polygoniser as the skin.
#include "anatomy/bones.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

#include "anatomy/body_field.hpp"
#include "anatomy/bone_forms.hpp"
#include "anatomy/bone_sdf.hpp"
#include "anatomy/landmarks.hpp"
#include "anatomy/sdf_util.hpp"
#include "anatomy/surface_nets.hpp"
#include "anatomy/timing.hpp"

#include <meshoptimizer.h>

namespace myo::anatomy {

using bonesdf::band;
using bonesdf::fanPlate;
using bonesdf::Station;
using bonesdf::tube;
using sdf::smax;
using sdf::smin;

namespace {

const char* const kVertebrae[] = {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2", "T3", "T4", "T5",
                                  "T6", "T7", "T8", "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5"};

struct Box {
  glm::vec3 lo{1e9f}, hi{-1e9f};
  void add(glm::vec3 p, float margin) {
    lo = glm::min(lo, p - glm::vec3(margin));
    hi = glm::max(hi, p + glm::vec3(margin));
  }
  void add(const std::vector<glm::vec3>& ps, float margin) {
    for (glm::vec3 p : ps) add(p, margin);
  }
  float outside(glm::vec3 p) const { return glm::length(glm::max(glm::max(lo - p, p - hi), glm::vec3(0.0f))); }
};

void simplify(TissueMesh& m, std::size_t target, float error);
void simplifyMidline(TissueMesh& m, std::size_t target, float error);

/// The simplification buildBones asks of the bone its thread is building (none when budget is 0).
/// polygonizeBone applies it while it still has the field, so that only the kept vertices' normals are taken.
struct BoneSimplification {
  std::size_t budget = 0;
  bool midline = false;
  float error = 0.0f;
  bool done = false;
};
thread_local BoneSimplification* tSimplification = nullptr;

TissueMesh polygonizeBone(const std::string& name, const DistanceField& field, Box box, float cell, bool midline) {
  GridSpec grid;
  if (midline) box.lo.x = -box.hi.x;
  grid.lo = box.lo;
  grid.hi = box.hi;
  grid.cell = cell;
  grid.lipschitz = 1.3f;
  BoneSimplification* simplification = tSimplification;
  const bool simplifyHere = simplification != nullptr && simplification->budget > 0 && !simplification->done;
  grid.normals = !simplifyHere;
  ImplicitMesh m = polygonize(field, grid);
  TissueMesh mesh;
  mesh.name = name;
  mesh.tissue = Tissue::Bone;
  mesh.positions = std::move(m.positions);
  mesh.normals = std::move(m.normals);
  mesh.indices = std::move(m.indices);
  if (simplifyHere) {
    // The simplifier reads positions only and keeps the vertices where they are.
    mesh.normals.assign(mesh.positions.size(), glm::vec3(0.0f));
    if (simplification->midline) simplifyMidline(mesh, simplification->budget, simplification->error);
    else simplify(mesh, simplification->budget, simplification->error);
    simplification->done = true;
    const int chunks = 32;
    const std::size_t n = mesh.positions.size();
    parallelFor(chunks, [&](int c) {
      for (std::size_t v = n * c / chunks; v < n * (c + 1) / chunks; ++v) mesh.normals[v] = fieldNormal(field, mesh.positions[v]);
    });
  }
  return mesh;
}

/// Gives `m` the triangles `indices` (into its current vertices) and keeps only the vertices they use, in
/// the order they are first used.
void compactVertices(TissueMesh& m, std::vector<std::uint32_t> indices) {
  std::vector<std::uint32_t> remap(m.positions.size(), ~0u);
  std::vector<glm::vec3> pos, nor;
  for (std::uint32_t& i : indices) {
    if (remap[i] == ~0u) {
      remap[i] = static_cast<std::uint32_t>(pos.size());
      pos.push_back(m.positions[i]);
      nor.push_back(m.normals[i]);
    }
    i = remap[i];
  }
  m.positions = std::move(pos);
  m.normals = std::move(nor);
  m.indices = std::move(indices);
}
/// Fewer triangles where the surface is flat: meshoptimizer's edge collapse within `error` metres, down to
/// `target` triangles at most; the kept vertices keep their field normals.
void simplify(TissueMesh& m, std::size_t target, float error) {
  if (m.indices.size() / 3 <= target) return;
  float scale = meshopt_simplifyScale(&m.positions[0].x, m.positions.size(), sizeof(glm::vec3));
  std::vector<std::uint32_t> out(m.indices.size());
  std::size_t n = meshopt_simplify(out.data(), m.indices.data(), m.indices.size(), &m.positions[0].x, m.positions.size(),
                                   sizeof(glm::vec3), 3 * target, error / scale);
  out.resize(n);
  compactVertices(m, std::move(out));
}

/// The same for a mirror-symmetric mesh, keeping it symmetric: the left half is simplified with its border
/// locked, the right half is its mirror image, and the triangles that straddle the midline stay as they are.
void simplifyMidline(TissueMesh& m, std::size_t target, float error) {
  if (m.indices.size() / 3 <= target) return;
  // Mirrored vertices agree to rounding: they are matched on a 10 micrometre lattice.
  auto key = [](glm::vec3 p) {
    return std::array<long, 3>{std::lround(p.x * 1e5f), std::lround(p.y * 1e5f), std::lround(p.z * 1e5f)};
  };
  std::map<std::array<long, 3>, std::uint32_t> byPosition;
  // Coincident vertices are welded first, so that each position has one index on both sides.
  std::vector<std::uint32_t> canonical(m.positions.size()), weldedIndices;
  for (std::uint32_t i = 0; i < m.positions.size(); ++i) canonical[i] = byPosition.try_emplace(key(m.positions[i]), i).first->second;
  {
    std::vector<std::uint32_t> welded;
    for (std::size_t f = 0; f < m.indices.size(); f += 3) {
      std::uint32_t a = canonical[m.indices[f]], b = canonical[m.indices[f + 1]], c = canonical[m.indices[f + 2]];
      if (a != b && b != c && a != c) welded.insert(welded.end(), {a, b, c});
    }
    welded.swap(weldedIndices);
  }
  std::vector<std::uint32_t> left, middle;
  const std::vector<std::uint32_t>& src = weldedIndices;
  for (std::size_t f = 0; f < src.size(); f += 3) {
    int pos = 0, neg = 0;
    for (int k = 0; k < 3; ++k) {
      float x = m.positions[src[f + k]].x;
      pos += x > 5e-6f;
      neg += x < -5e-6f;
    }
    if (neg == 0 && pos > 0) left.insert(left.end(), src.begin() + f, src.begin() + f + 3);
    else if (pos == neg || (pos > 0 && neg > 0)) middle.insert(middle.end(), src.begin() + f, src.begin() + f + 3);
  }
  float scale = meshopt_simplifyScale(&m.positions[0].x, m.positions.size(), sizeof(glm::vec3));
  std::vector<std::uint32_t> kept(left.size());
  kept.resize(meshopt_simplify(kept.data(), left.data(), left.size(), &m.positions[0].x, m.positions.size(), sizeof(glm::vec3),
                               3 * (target / 2), error / scale, meshopt_SimplifyLockBorder, nullptr));
  std::vector<std::uint32_t> all = kept;
  for (std::size_t f = 0; f < kept.size(); f += 3) {
    std::uint32_t mirrorOf[3];
    bool ok = true;
    for (int k = 0; k < 3; ++k) {
      glm::vec3 p = m.positions[kept[f + k]];
      std::array<long, 3> c = key({-p.x, p.y, p.z});
      auto it = byPosition.end();
      for (int n = 0; n < 27 && it == byPosition.end(); ++n) {
        it = byPosition.find({c[0] + n % 3 - 1, c[1] + (n / 3) % 3 - 1, c[2] + n / 9 - 1});
      }
      ok = ok && it != byPosition.end();
      mirrorOf[k] = ok ? it->second : 0;
    }
    if (!ok) return;  // not an exact mirror image: leave the mesh as polygonised
    all.insert(all.end(), {mirrorOf[0], mirrorOf[2], mirrorOf[1]});
  }
  all.insert(all.end(), middle.begin(), middle.end());
  // Where the polygoniser split a quad beside the midline differently from its mirror image the halves do
  // not close up; the mesh is then left as polygonised.
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> directed;
  for (std::size_t f = 0; f < all.size(); f += 3) {
    for (int k = 0; k < 3; ++k) ++directed[{all[f + k], all[f + (k + 1) % 3]}];
  }
  for (const auto& [e, n] : directed) {
    if (directed.count({e.second, e.first}) == 0) return;
  }
  compactVertices(m, std::move(all));
}

/// A closed tube swept along the stations: a rounded-rectangle section (superellipse, exponent 3) of
/// half-width w along `wide` and half-thickness t, capped at both ends. Appends to `m`.
void sweepBand(TissueMesh& m, const std::vector<Station>& s, int around) {
  const std::uint32_t first = static_cast<std::uint32_t>(m.positions.size());
  const float e = 2.0f / 3.0f;
  for (std::size_t i = 0; i < s.size(); ++i) {
    glm::vec3 tan = glm::normalize(s[std::min(i + 1, s.size() - 1)].p - s[i == 0 ? 0 : i - 1].p);
    glm::vec3 wide = glm::normalize(s[i].wide - tan * glm::dot(s[i].wide, tan));
    glm::vec3 thick = glm::cross(tan, wide);
    for (int k = 0; k < around; ++k) {
      float a = 6.28318531f * static_cast<float>(k) / static_cast<float>(around);
      float c = std::cos(a), sn = std::sin(a);
      float u = std::copysign(std::pow(std::abs(c), e), c), v = std::copysign(std::pow(std::abs(sn), e), sn);
      m.positions.push_back(s[i].p + wide * (s[i].w * u) + thick * (s[i].t * v));
      glm::vec3 n = wide * (u * u * std::copysign(1.0f, u) / s[i].w) + thick * (v * v * std::copysign(1.0f, v) / s[i].t);
      m.normals.push_back(glm::normalize(n));
    }
  }
  const std::uint32_t ring = static_cast<std::uint32_t>(around);
  for (std::uint32_t i = 0; i + 1 < s.size(); ++i) {
    for (std::uint32_t k = 0; k < ring; ++k) {
      std::uint32_t a = first + i * ring + k, b = first + i * ring + (k + 1) % ring;
      std::uint32_t c = a + ring, d = b + ring;
      m.indices.insert(m.indices.end(), {a, b, d, a, d, c});
    }
  }
  // End caps: a centre vertex a little beyond the end section, fanned to its ring.
  for (int end = 0; end < 2; ++end) {
    std::size_t i = end == 0 ? 0 : s.size() - 1;
    glm::vec3 out = glm::normalize(end == 0 ? s[0].p - s[1].p : s[i].p - s[i - 1].p);
    std::uint32_t centre = static_cast<std::uint32_t>(m.positions.size());
    m.positions.push_back(s[i].p + out * (0.6f * s[i].t));
    m.normals.push_back(out);
    std::uint32_t base = first + static_cast<std::uint32_t>(i) * ring;
    for (std::uint32_t k = 0; k < ring; ++k) {
      std::uint32_t a = base + k, b = base + (k + 1) % ring;
      if (end == 0) m.indices.insert(m.indices.end(), {centre, b, a});
      else m.indices.insert(m.indices.end(), {centre, a, b});
    }
  }
}

TissueMesh mirrored(const TissueMesh& left, const std::string& name) {
  TissueMesh m = left;
  m.name = name;
  for (glm::vec3& p : m.positions) p.x = -p.x;
  for (glm::vec3& n : m.normals) n.x = -n.x;
  for (std::size_t f = 0; f < m.indices.size(); f += 3) std::swap(m.indices[f + 1], m.indices[f + 2]);
  return m;
}

glm::vec3 L(const std::string& id) { return restBoneLandmark(id + "_L"); }

/// Stations of a band along a smooth curve, width direction square to the curve and to `across`.
std::vector<Station> stations(const std::vector<glm::vec3>& curve, glm::vec3 across, const std::vector<glm::vec2>& wt) {
  std::vector<Station> s;
  for (std::size_t i = 0; i < curve.size(); ++i) {
    glm::vec3 tan = curve[std::min(i + 1, curve.size() - 1)] - curve[i == 0 ? 0 : i - 1];
    glm::vec3 wide = glm::normalize(glm::cross(glm::normalize(tan), across));
    float f = static_cast<float>(i) / static_cast<float>(curve.size() - 1) * static_cast<float>(wt.size() - 1);
    std::size_t k = std::min(static_cast<std::size_t>(f), wt.size() - 2);
    glm::vec2 v = wt[k] + (wt[k + 1] - wt[k]) * (f - static_cast<float>(k));
    s.push_back({curve[i], wide, std::max(v.x, v.y), v.y});
  }
  return s;
}

// ---------------------------------------------------------------------------------------------- vertebrae

struct VertebraSize {
  float h, w, d, canalSag, canalTr, pedW, pedH;  // mm (VERT_CERV, VERT_THOR, VERT_LUMB)
};

// Body height, endplate width, depth, canal sagittal and transverse, pedicle width and height, C1..L5.
constexpr VertebraSize kVertebraSizes[] = {
    {10.0f, 0.0f, 0.0f, 30.0f, 28.0f, 6.0f, 8.0f},   {20.0f, 20.0f, 15.0f, 16.0f, 23.0f, 6.0f, 8.0f},
    {14.5f, 22.0f, 15.5f, 14.5f, 24.0f, 5.5f, 7.0f}, {14.0f, 22.5f, 15.7f, 14.5f, 24.5f, 5.5f, 7.0f},
    {13.5f, 23.5f, 16.0f, 14.5f, 25.0f, 5.5f, 7.0f}, {13.5f, 24.5f, 16.5f, 14.0f, 25.0f, 5.5f, 7.0f},
    {15.0f, 27.0f, 17.0f, 14.0f, 23.5f, 6.0f, 7.5f}, {15.0f, 27.0f, 17.0f, 15.5f, 21.0f, 8.5f, 9.5f},
    {16.5f, 27.0f, 19.0f, 15.5f, 18.5f, 7.0f, 10.5f}, {17.0f, 27.0f, 21.0f, 15.0f, 17.0f, 5.5f, 11.0f},
    {17.5f, 28.0f, 24.0f, 15.0f, 16.5f, 4.5f, 11.0f}, {18.0f, 29.0f, 25.0f, 15.0f, 16.5f, 4.5f, 11.5f},
    {18.5f, 29.0f, 26.0f, 15.0f, 16.5f, 5.0f, 12.0f}, {19.0f, 30.0f, 27.0f, 15.0f, 16.5f, 5.0f, 12.5f},
    {19.5f, 31.0f, 28.0f, 15.0f, 16.5f, 5.5f, 13.0f}, {20.0f, 33.0f, 29.0f, 15.0f, 17.0f, 6.0f, 13.5f},
    {21.0f, 35.0f, 30.0f, 15.5f, 17.5f, 6.5f, 14.5f}, {22.0f, 38.0f, 31.0f, 16.5f, 19.5f, 7.5f, 15.5f},
    {23.0f, 40.0f, 32.0f, 17.0f, 22.0f, 8.0f, 15.5f}, {26.0f, 42.0f, 33.0f, 18.0f, 22.0f, 8.5f, 15.0f},
    {26.5f, 44.0f, 35.0f, 17.5f, 23.0f, 9.0f, 15.0f}, {26.5f, 46.0f, 36.0f, 17.0f, 24.0f, 10.5f, 14.5f},
    {25.5f, 48.0f, 37.0f, 17.5f, 25.0f, 13.0f, 14.0f}, {24.0f, 50.0f, 36.0f, 18.5f, 28.0f, 18.0f, 14.0f}};

struct Vertebra {
  bonesdf::Frame frame;  // origin at the body centre, y along the column, z forward
  VertebraSize mm;
  float h;               // drawn body height (m): the published one, or less where the figure's bodies crowd
  glm::vec3 spine, tp;   // spinous and (left) transverse tips, local
  int level;
  Box box;
};

float vertebraField(const Vertebra& v, glm::vec3 world) {
  glm::vec3 q = v.frame.local(world);
  q.x = std::abs(q.x);
  const float mm = 0.001f;
  const float d2 = 0.5f * v.mm.d * mm, tr = 0.5f * v.mm.canalTr * mm, sag = v.mm.canalSag * mm;
  const float pw = 0.5f * v.mm.pedW * mm, ph = 0.5f * v.mm.pedH * mm;
  const bool lumbar = v.level >= 19, cervical = v.level <= 6;
  const glm::vec3 side{1.0f, 0.0f, 0.0f}, up{0.0f, 1.0f, 0.0f};
  float d;
  float xp = tr + pw;                // pedicle axis
  float zBack = v.level == 0 ? -0.004f : -d2;
  float zJoint = zBack - 0.55f * sag;  // where pedicle, lamina, articular and transverse processes meet
  float zRoof = zBack - sag - 0.0035f;
  if (v.level == 0) {
    // Atlas: a ring of two lateral masses, the anterior arch and the posterior arch.
    d = sdf::capsule(q, {0.017f, -0.006f, 0.0f}, {0.017f, 0.006f, 0.0f}, 0.0075f);
    d = smin(d, sdf::capsule(q, {0.016f, 0.0f, 0.006f}, {0.0f, 0.0f, 0.013f}, 0.0045f), 0.004f);
    d = smin(d, tube(q, {{0.017f, 0.0f, -0.006f}, {0.014f, 0.0f, -0.022f}, {0.0f, 0.0f, v.spine.z + 0.004f}}, 0.004f,
                     0.0045f),
             0.004f);
    d = smin(d, sdf::roundCone(q, {0.02f, 0.0f, 0.0f}, v.tp, 0.0055f, 0.0045f), 0.004f);
    return d;
  }
  // Body: a rounded elliptic cylinder (kidney-shaped in the lumbar spine is left out).
  d = bonesdf::ellipticCylinder(q, 0.5f * v.mm.w * mm, d2, 0.5f * v.h, 0.002f);
  if (v.level == 1) d = smin(d, sdf::capsule(q, {0.0f, 0.5f * v.h, 0.002f}, {0.0f, 0.5f * v.h + 0.014f, 0.003f}, 0.005f), 0.004f);
  // Pedicles from the back of the body, laminae meeting behind the canal.
  d = smin(d, band(q, {{{xp, 0.0f, zBack + 0.003f}, up, std::max(ph, pw), pw}, {{xp, 0.0f, zJoint}, up, std::max(ph, pw), pw}}), 0.003f);
  float lamH = std::max(0.35f * v.h, 0.004f);
  // Laminae, processes and their blends keep clear of the canal: each starts outside its wall.
  const float clear = 0.0012f;
  float xl = std::max(xp, tr + 0.0034f + clear);
  d = smin(d, band(q, {{{xl, 0.0f, zJoint}, up, lamH, 0.0034f}, {{0.0f, -0.1f * v.h, zRoof - clear}, up, lamH, 0.0034f}}), 0.003f);
  // Spinous process down and back to its tip, tall and flat in the lumbar spine.
  float spW = lumbar ? 0.010f : cervical ? 0.004f : 0.005f;
  d = smin(d, band(q, {{{0.0f, -0.1f * v.h, zRoof - clear}, up, spW, 0.003f}, {v.spine, up, std::max(0.6f * spW, 0.003f), 0.0025f}}),
           0.004f);
  // Transverse processes to their tips (flat costal processes in the lumbar spine).
  float tpR = cervical ? 0.0035f : lumbar ? 0.0028f : 0.0048f;
  if (lumbar) {
    d = smin(d, band(q, {{{std::max(xp, tr + tpR + clear), 0.0f, zJoint + 0.004f}, up, 0.0055f, tpR}, {v.tp, up, 0.004f, 0.0025f}}), 0.003f);
  } else {
    d = smin(d, sdf::roundCone(q, {std::max(xp, tr + tpR + clear), 0.0f, zJoint + 0.002f}, v.tp, tpR, tpR * 0.85f), 0.003f);
  }
  // Superior and inferior articular processes.
  float ar = lumbar ? 0.0045f : 0.0035f;
  float xa = std::max(xp, tr + ar + clear);
  d = smin(d, sdf::capsule(q, {xa, 0.0f, zJoint}, {xa, 0.5f * v.h + 0.004f, zJoint - 0.002f}, ar), 0.003f);
  // The inferior ones leave the laminae behind the canal.
  d = smin(d, sdf::capsule(q, {xa * 0.85f, -0.1f * v.h, zJoint - 0.007f}, {xa * 0.8f, -0.5f * v.h - 0.004f, zJoint - 0.009f}, ar),
           0.003f);
  return d;
}

std::vector<Vertebra> buildVertebrae() {
  std::vector<glm::vec3> centre;
  for (const char* id : kVertebrae) centre.push_back(drawnBonePoint(std::string("VB_") + id));
  std::vector<Vertebra> out;
  const int n = static_cast<int>(std::size(kVertebrae));
  for (int i = 0; i < n; ++i) {
    Vertebra v;
    v.level = i;
    v.mm = kVertebraSizes[i];
    glm::vec3 above = centre[std::max(i - 1, 0)], below = centre[std::min(i + 1, n - 1)];
    v.frame = bonesdf::frameFrom(centre[i], above - below, {0.0f, 0.0f, 1.0f});
    // The figure spaces some bodies closer than the published heights allow (T4/T5 13 mm, C6/C7 11 mm):
    // those are drawn lower, keeping a 3 mm disc.
    float gap = 1.0f;
    if (i > 1) gap = std::min(gap, glm::distance(centre[i], centre[i - 1]));
    if (i + 1 < n) gap = std::min(gap, glm::distance(centre[i], centre[i + 1]));
    v.h = std::min(v.mm.h * 0.001f, gap - 0.003f);
    std::string id = kVertebrae[i];
    v.spine = v.frame.local(drawnBonePoint("SP_" + id));
    v.tp = v.frame.local(drawnBonePoint("TP_" + id + "_L"));
    v.tp.x = std::abs(v.tp.x);
    glm::vec3 tpR = v.frame.world({-v.tp.x, v.tp.y, v.tp.z});
    v.box.add(centre[i], 0.03f);
    v.box.add(drawnBonePoint("SP_" + id), 0.012f);
    v.box.add(drawnBonePoint("TP_" + id + "_L"), 0.012f);
    v.box.add(tpR, 0.012f);
    out.push_back(v);
  }
  return out;
}

TissueMesh vertebrae(float cell) {
  std::vector<Vertebra> levels = buildVertebrae();
  Box box;
  for (const Vertebra& v : levels) {
    box.lo = glm::min(box.lo, v.box.lo);
    box.hi = glm::max(box.hi, v.box.hi);
  }
  auto field = [levels](glm::vec3 p) {
    float d = 1e9f;
    for (const Vertebra& v : levels) {
      float o = v.box.outside(p);
      if (o > d) continue;
      d = std::min(d, o > 0.01f ? o : vertebraField(v, p));
    }
    return d;
  };
  return polygonizeBone("bone_vertebrae", field, box, cell * 0.68f, true);
}

// --------------------------------------------------------------------------------------------- rib cage

// Costal cartilage lengths of ribs 1..10 (mm, RIB_XS); 11 and 12 float.
constexpr float kCartilageMm[] = {25, 30, 38, 48, 60, 80, 120, 110, 90, 70, 0, 0};

struct Rib {
  std::vector<Station> stations;
  Box box;
};

std::vector<Rib> buildRibs() {
  std::vector<Rib> ribs;
  const glm::vec3 blade[3] = {landmark("SCAP_SUP_ANGLE_L"), landmark("SCAP_INF_ANGLE_L"), landmark("GLENOID_CENTRE_L")};
  int k = 0;
  for (const auto& poly : ribPolylines()) {
    std::vector<glm::vec3> c = bonesdf::smoothCurve(poly, 6);
    // The schematic polylines zig-zag by several millimetres; a rib is a smooth arc, so the curve is
    // relaxed (ends kept) before the band is laid along it.
    for (int it = 0; it < 40; ++it) {
      std::vector<glm::vec3> r = c;
      for (std::size_t i = 1; i + 1 < c.size(); ++i) r[i] = 0.5f * c[i] + 0.25f * (c[i - 1] + c[i + 1]);
      c = r;
    }
    float zc = 0.0f;
    for (glm::vec3 p : poly) zc += p.z;
    zc /= static_cast<float>(poly.size());
    std::vector<float> arc{0.0f};
    for (std::size_t i = 1; i < c.size(); ++i) arc.push_back(arc.back() + glm::distance(c[i], c[i - 1]));
    const float total = arc.back(), cartilage = kCartilageMm[k] * 0.001f;
    Rib rib;
    for (std::size_t i = 0; i < c.size(); ++i) {
      glm::vec3 tan = glm::normalize(c[std::min(i + 1, c.size() - 1)] - c[i == 0 ? 0 : i - 1]);
      // Outward from the thorax' axis, square to the rib: the rib's outer face.
      glm::vec3 out = c[i] - glm::vec3(0.0f, c[i].y, zc);
      out -= tan * glm::dot(out, tan);
      out = glm::normalize(out);
      glm::vec3 wide = glm::normalize(glm::cross(out, tan));
      if (wide.y < 0.0f) wide = -wide;
      float s = arc[i] / total, fromFront = total - arc[i];
      // Torsion: the outer face turns from back-and-out at the angle to forward-and-up in front (25-35 deg).
      float twist = glm::radians(30.0f) * sdf::smoothstep(0.15f, 1.0f, s);
      wide = glm::normalize(wide * std::cos(twist) - out * std::sin(twist));
      // Section (RIB_XS): 10 x 9 mm round at the neck, 13 x 8 at the angle, 14 x 6 flat along the shaft,
      // 18 x 6 at the front end; the cartilage 12 x 6. The first rib is flat and 16 mm wide.
      float w, t;
      if (s < 0.12f) {
        float f = s / 0.12f;
        w = 5.0f + 1.5f * f, t = 4.5f - 0.5f * f;
      } else if (s < 0.4f) {
        float f = (s - 0.12f) / 0.28f;
        w = 6.5f + 0.5f * f, t = 4.0f - 1.0f * f;
      } else {
        float f = (s - 0.4f) / 0.6f;
        w = 7.0f + 2.0f * f, t = 3.0f;
      }
      if (k == 0) w = std::max(w, 8.0f), t = std::min(t, 3.0f);
      if (cartilage > 0.0f && fromFront < cartilage) {
        float f = sdf::smoothstep(cartilage, cartilage - 0.01f, fromFront);
        w = w + (6.0f - w) * f, t = t + (3.0f - t) * f;
      }
      if (k >= 10) {
        float f = sdf::smoothstep(0.6f, 1.0f, s);
        w *= 1.0f - 0.45f * f, t *= 1.0f - 0.2f * f;
      }
      // Under the scapula the cage is drawn 1.5 mm deeper, leaving the blade 12-14 mm off the ribs for
      // serratus anterior and subscapularis.
      float under = sdf::triangleDistance(c[i], blade[0], blade[1], blade[2]);
      glm::vec3 centre = c[i] - out * (0.0015f * sdf::smoothstep(0.05f, 0.01f, under));
      rib.stations.push_back({centre, wide, w * 0.001f, t * 0.001f});
      rib.box.add(c[i], 0.012f);
    }
    ribs.push_back(std::move(rib));
    ++k;
  }
  return ribs;
}

TissueMesh ribs(float /*cell*/) {
  // The ribs are swept along their curves rather than polygonised: a flat band 6 mm thick needs a fine
  // grid, the sweep gives the exact section with a few thousand triangles per rib.
  TissueMesh m;
  m.name = "bone_ribs";
  m.tissue = Tissue::Bone;
  for (const Rib& r : buildRibs()) {
    std::vector<Station> s;
    for (std::size_t i = 0; i < r.stations.size(); i += 2) s.push_back(r.stations[i]);
    if ((r.stations.size() - 1) % 2 != 0) s.push_back(r.stations.back());
    sweepBand(m, s, 18);
  }
  // The right side is the mirror image.
  const std::size_t n = m.positions.size(), f = m.indices.size();
  for (std::size_t i = 0; i < n; ++i) {
    m.positions.push_back(mirrorX(m.positions[i]));
    m.normals.push_back(mirrorX(m.normals[i]));
  }
  for (std::size_t i = 0; i < f; i += 3) {
    m.indices.push_back(m.indices[i] + static_cast<std::uint32_t>(n));
    m.indices.push_back(m.indices[i + 2] + static_cast<std::uint32_t>(n));
    m.indices.push_back(m.indices[i + 1] + static_cast<std::uint32_t>(n));
  }
  return m;
}

TissueMesh sternum(float cell) {
  const glm::vec3 depth{0.0f, 0.0f, -0.008f};
  // Manubrium (broad, with the jugular notch and the clavicular notches), body and xiphoid process.
  const glm::vec3 notch = landmark("SUPRASTERNAL_NOTCH") + depth, angle = landmark("STERNAL_ANGLE") + depth;
  const glm::vec3 xs = landmark("XIPHISTERNAL") + depth, tip = landmark("XIPHOID_TIP") + depth;
  std::vector<glm::vec3> mid = {notch + glm::vec3(0, -0.004f, 0), angle, 0.5f * (angle + xs), xs, tip};
  const float half[] = {0.026f, 0.014f, 0.017f, 0.012f, 0.005f};
  Box box;
  for (glm::vec3 p : mid) box.add(p, 0.035f);
  auto field = [mid, half, notch](glm::vec3 p) {
    glm::vec3 q{std::abs(p.x), p.y, p.z};
    float d = 1e9f;
    for (std::size_t i = 0; i + 1 < mid.size(); ++i) {
      float t = i == 0 ? 0.0055f : i == mid.size() - 2 ? 0.0025f : 0.0045f;
      glm::vec3 a0 = mid[i], a1 = mid[i] + glm::vec3(half[i], 0, 0);
      glm::vec3 b0 = mid[i + 1], b1 = mid[i + 1] + glm::vec3(half[i + 1], 0, 0);
      d = std::min({d, sdf::triangleDistance(q, a0, a1, b1) - t, sdf::triangleDistance(q, a0, b1, b0) - t});
    }
    // Jugular notch between the clavicular notches.
    d = smax(d, -sdf::sphere(q, notch + glm::vec3(0.0f, 0.006f, 0.0f), 0.009f), 0.002f);
    return d;
  };
  return polygonizeBone("bone_sternum", field, box, cell * 0.7f, true);
}

// -------------------------------------------------------------------------------------------------- pelvis

TissueMesh pelvis(float cell) {
  auto P = [](const char* id) { return boneLandmark(id); };
  std::vector<glm::vec3> crest;
  for (const char* id : {"ASIS_L", "ILIAC_TUBERCLE_L", "ILIAC_CREST_TOP_L", "ILIAC_CREST_POST1_L",
                         "ILIAC_CREST_POST2_L", "PSIS_L"}) {
    crest.push_back(P(id));
  }
  crest = bonesdf::smoothCurve(crest, 4);
  const glm::vec3 hip = P("HIP_CENTRE_L"), fossa = P("ILIAC_FOSSA_L"), si = P("SI_JOINT_L");
  const glm::vec3 rimS = P("ACETAB_RIM_SUP_L"), rimA = P("ACETAB_RIM_ANT_L"), rimI = P("ACETAB_RIM_INF_L"),
                  rimP = P("ACETAB_RIM_POST_L");
  const glm::vec3 rimC = 0.25f * (rimS + rimA + rimI + rimP);
  glm::vec3 open = glm::normalize(glm::cross(rimA - rimP, rimS - rimI));
  if (glm::dot(open, rimC - hip) < 0.0f) open = -open;
  const glm::vec3 symS = P("PUBIC_SYMPHYSIS_SUP") + glm::vec3(0.003f, 0, 0), symI = P("PUBIC_SYMPHYSIS_INF") + glm::vec3(0.003f, 0, 0);
  const glm::vec3 tubercle = P("PUBIC_TUBERCLE_L"), ischium = P("ISCHIAL_TUBEROSITY_L") + glm::vec3(0, 0.008f, 0);
  const glm::vec3 obturator = P("OBTURATOR_FORAMEN_L");
  const glm::vec3 promontory = P("SACRAL_PROMONTORY"), ala = P("SACRAL_ALA_L"), apex = P("SACRUM_APEX"),
                  coccyx = P("COCCYX_TIP");
  const glm::vec3 s1 = landmark("SP_S1"), s2 = landmark("SP_S2");
  // The wing: a fan over the crest and the acetabular roof, dished at the iliac fossa (PELVIS_MORPH).
  std::vector<glm::vec3> wing = crest;
  wing.push_back(si + glm::vec3(0.004f, -0.02f, 0.0f));
  wing.push_back(hip + glm::vec3(-0.01f, 0.022f, -0.022f));
  wing.push_back(hip + glm::vec3(0.0f, 0.03f, 0.0f));
  wing.push_back(hip + glm::vec3(-0.004f, 0.02f, 0.03f));
  const glm::vec3 wingCentre = fossa + glm::vec3(0.008f, 0.0f, -0.004f);
  Box box;
  box.add(crest, 0.02f);
  box.add(hip, 0.04f);
  box.add(ischium, 0.025f);
  box.add(symI, 0.025f);
  box.add(coccyx, 0.02f);
  const glm::vec3 iliacTubercle = P("ILIAC_TUBERCLE_L");
  auto field = [=](glm::vec3 p) {
    glm::vec3 q{std::abs(p.x), p.y, p.z};
    float d = tube(q, crest, 0.0065f, 0.0075f);
    d = smin(d, sdf::sphere(q, iliacTubercle, 0.009f), 0.008f);
    d = smin(d, fanPlate(q, wingCentre, wing, 0.0025f), 0.008f);
    // Acetabulum: a cup round the femoral head, open laterally, its rim 53 mm across.
    float cup = smax(sdf::sphere(q, hip, 0.0325f), -sdf::sphere(q, hip, 0.0268f), 0.002f);
    cup = smax(cup, glm::dot(q - rimC, open), 0.003f);
    d = smin(d, cup, 0.008f);
    // Pubis: superior ramus to the tubercle and symphysis, inferior ramus to the ischium round the
    // obturator foramen.
    glm::vec3 antRoot = hip + (rimA - hip) * 1.05f - open * 0.008f;
    d = smin(d, tube(q, {antRoot, tubercle, symS}, 0.0085f, 0.0075f), 0.008f);
    d = smin(d, sdf::capsule(q, symS, symI, 0.0075f), 0.006f);
    glm::vec3 infRamus = 0.5f * (symI + ischium) + (0.5f * (symI + ischium) - obturator) * 0.35f;
    d = smin(d, tube(q, {symI, infRamus, ischium}, 0.006f, 0.009f), 0.008f);
    glm::vec3 postRoot = hip + (rimI - hip) * 1.0f + (rimP - hip) * 0.4f - open * 0.008f;
    d = smin(d, sdf::roundCone(q, postRoot, ischium, 0.012f, 0.011f), 0.01f);
    d = smin(d, sdf::roundCone(q, hip + (rimP - hip) * 0.9f - open * 0.01f, si + glm::vec3(0.0f, -0.03f, 0.0f), 0.011f, 0.008f),
             0.01f);
    // Sacrum: a curved wedge from the promontory and alae to the apex, with the median crest behind,
    // and the coccyx.
    glm::vec3 back{0.0f, 0.0f, -0.03f};
    glm::vec3 mid1 = 0.5f * (promontory + apex) + glm::vec3(0.0f, 0.0f, -0.014f);
    float sacrum = std::min({sdf::triangleDistance(q, promontory + back * 0.5f, ala, mid1),
                             sdf::triangleDistance(q, mid1, ala, apex + glm::vec3(0.012f, 0.0f, -0.005f)),
                             sdf::triangleDistance(q, mid1, apex + glm::vec3(0.012f, 0.0f, -0.005f), apex)}) -
                   0.009f;
    sacrum = smin(sacrum, sdf::ellipsoid(q, promontory + glm::vec3(0.0f, -0.006f, -0.017f), {0.024f, 0.009f, 0.017f}), 0.006f);
    sacrum = smin(sacrum, tube(q, {s1 + glm::vec3(0.0f, 0.0f, 0.004f), s2 + glm::vec3(0.0f, 0.0f, 0.004f),
                                   0.5f * (s2 + apex) + glm::vec3(0.0f, 0.0f, -0.006f)},
                               0.0045f, 0.004f),
                  0.008f);
    sacrum = smin(sacrum, tube(q, {apex, 0.5f * (apex + coccyx) + glm::vec3(0, 0, -0.004f), coccyx}, 0.006f, 0.003f), 0.004f);
    d = smin(d, sacrum, 0.01f);
    return d;
  };
  return polygonizeBone("bone_pelvis", field, box, cell * 0.8f, true);
}

// -------------------------------------------------------------------------------------- shoulder girdle

TissueMesh scapula(float cell) {
  // The superior angle lies under the trapezius and levator scapulae; the figure puts it only 1.2 cm under
  // the skin, where the blade's rim would break through a 7 mm trapezius, so it sits 8 mm further forward.
  const glm::vec3 sa = L("SCAP_SUP_ANGLE") + glm::vec3(0.0f, 0.0f, 0.008f);
  const glm::vec3 ts = L("SCAP_ROOT_SPINE"), ai = L("SCAP_INF_ANGLE"), ig = L("INFRAGLENOID");
  const glm::vec3 notch = L("SUPRASCAPULAR_NOTCH"), sgNotch = L("SPINOGLENOID_NOTCH");
  const glm::vec3 glenoid = L("GLENOID_CENTRE"), gh = L("GH_CENTRE");
  std::vector<glm::vec3> medial{sa};
  for (const char* id : {"SCAP_MB_1", "SCAP_MB_RM", "SCAP_ROOT_SPINE", "SCAP_MB_TSB", "SCAP_MB_2", "SCAP_MB_3", "SCAP_INF_ANGLE"}) {
    medial.push_back(L(id));
  }
  std::vector<glm::vec3> base{ts, L("SPINE_BASE_08"), L("SPINE_BASE_15"), L("SPINE_BASE_30"), L("SPINE_BASE_50"), sgNotch};
  std::vector<glm::vec3> crest{ts};
  std::vector<glm::vec3> lips{L("SPINE_SUP_08") - L("SPINE_INF_08")};
  for (const char* pct : {"08", "15", "30", "50", "80"}) {
    glm::vec3 sup = L(std::string("SPINE_SUP_") + pct), inf = L(std::string("SPINE_INF_") + pct);
    crest.push_back(0.5f * (sup + inf));
    lips.push_back(sup - inf);
  }
  // Blade: the supraspinous fossa above the spine and the infraspinous fossa below, 2.4 mm thin in the
  // middle (SCAP_CT2012).
  const glm::vec3 coracoidBase = L("CORACOID_BASE"), coracoidKnee = L("CORACOID_KNEE");
  const glm::vec3 supraCentre = L("SSP_FOSSA_MID"), infraCentre = L("ISP_FOSSA_MID");
  // The blade as one smooth plate: in the blade frame (SCAP_ROOT_SPINE, inferior angle, glenoid) its mid-
  // surface lies at a height interpolated smoothly from the outline points and the two fossae's deepest
  // points, so it carries no creases; its rim is the outline.
  const glm::vec3 bladeN = glm::normalize(glm::cross(ai - ts, glenoid - ts));
  const glm::vec3 bladeU = glm::normalize(glenoid - ts), bladeV = glm::cross(bladeN, bladeU);
  std::vector<glm::vec3> outline{sa, notch, coracoidBase, sgNotch, ig, L("SCAP_LAT_BORDER_MID"), ai, L("SCAP_MB_3"),
                                 L("SCAP_MB_2"), L("SCAP_MB_TSB"), ts, L("SCAP_MB_RM"), L("SCAP_MB_1")};
  std::vector<glm::vec2> outline2;
  std::vector<glm::vec3> heightPoints = outline;
  heightPoints.push_back(supraCentre);
  heightPoints.push_back(infraCentre);
  for (glm::vec3 q : outline) outline2.push_back({glm::dot(q - ts, bladeU), glm::dot(q - ts, bladeV)});
  std::vector<glm::vec3> heights;  // (u, v, height above the blade plane)
  for (glm::vec3 q : heightPoints) heights.push_back({glm::dot(q - ts, bladeU), glm::dot(q - ts, bladeV), glm::dot(q - ts, bladeN)});
  auto blade = [=](glm::vec3 p) {
    glm::vec3 r = p - ts;
    glm::vec2 uv{glm::dot(r, bladeU), glm::dot(r, bladeV)};
    // Signed distance to the outline polygon in the plane.
    float dEdge = 1e9f;
    bool inside = false;
    for (std::size_t i = 0, j = outline2.size() - 1; i < outline2.size(); j = i++) {
      glm::vec2 a = outline2[j], b = outline2[i], e = b - a, w = uv - a;
      float t = std::clamp(glm::dot(w, e) / glm::dot(e, e), 0.0f, 1.0f);
      dEdge = std::min(dEdge, glm::length(w - e * t));
      if ((a.y > uv.y) != (b.y > uv.y) && uv.x < a.x + (uv.y - a.y) * e.x / e.y) inside = !inside;
    }
    float d2 = inside ? -dEdge : dEdge;
    float wsum = 0.0f, h = 0.0f;
    for (glm::vec3 k : heights) {
      glm::vec2 dd = uv - glm::vec2(k.x, k.y);
      float wt = 1.0f / (glm::dot(dd, dd) + 4e-4f);
      wsum += wt;
      h += wt * k.z;
    }
    h /= wsum;
    float dn = std::abs(glm::dot(r, bladeN) - h) - 0.0012f;
    return std::max(d2, dn);
  };
  // Glenoid: an oval 36 x 27 mm cup facing the humeral head, on a 22 mm neck.
  const glm::vec3 gSup = L("GLENOID_SUP"), gInf = L("GLENOID_INF"), gAnt = L("GLENOID_ANT"), gPost = L("GLENOID_POST");
  bonesdf::Frame gf = bonesdf::frameFrom(glenoid, gSup - gInf, gAnt - gPost);
  if (glm::dot(gf.x, gh - glenoid) < 0.0f) gf.x = -gf.x;
  const float socket = std::max(0.0245f, glm::distance(gh, glenoid) + 0.0005f);
  // Acromion: a flat plate through its outline, 6.8 mm thick, whose outline points lie on its upper face
  // (ACROMION_MORPH); the acromion landmark itself is on the skin, the bone a few millimetres inside.
  std::vector<glm::vec3> acro{L("ACROMIAL_ANGLE"), L("ACROMION") - glm::vec3(0.006f, 0.002f, 0.0f), L("ACROMION_ANT_TIP"),
                              L("ACROMION_AC_FACET"), L("ACROMION_MED_POST")};
  glm::vec3 acroCentre{0.0f}, acroNormal{0.0f};
  for (glm::vec3 p : acro) acroCentre += p / 5.0f;
  for (std::size_t i = 0; i < acro.size(); ++i) acroNormal += glm::cross(acro[i] - acroCentre, acro[(i + 1) % 5] - acroCentre);
  acroNormal = glm::normalize(acroNormal);
  if (acroNormal.y < 0.0f) acroNormal = -acroNormal;
  const float acroT = 0.0034f;
  for (glm::vec3& p : acro) {
    p -= acroNormal * acroT;
    p += glm::normalize(acroCentre - acroNormal * acroT - p) * acroT;  // the rounded rim ends at the outline
  }
  const glm::vec3 acroMid = acroCentre - acroNormal * acroT;
  // Coracoid: up and forward from the glenoid neck to its knee under the clavicle, then a flat hook
  // forward and out to the tip (15 x 7 mm, CORACOID_ASIA2017).
  const glm::vec3 coracoidTip = drawnBonePoint("CORACOID_TIP_L");
  glm::vec3 hookWide = glm::normalize(glm::cross(coracoidTip - coracoidKnee, glm::vec3(0.0f, 1.0f, 0.0f)));
  std::vector<Station> hook{{coracoidKnee, hookWide, 0.0072f, 0.0036f}, {coracoidTip, hookWide, 0.006f, 0.0033f}};
  std::vector<Station> crestBand;
  for (std::size_t i = 0; i < crest.size(); ++i) {
    glm::vec3 lip = lips[i];
    float w = i == 0 ? 0.003f : 0.0042f;
    crestBand.push_back({crest[i], glm::normalize(lip), w, 0.0026f});
  }
  crestBand.push_back({L("ACROMIAL_ANGLE"), glm::normalize(lips.back()), 0.0045f, 0.0032f});
  Box box;
  box.add(medial, 0.01f);
  box.add(acro, 0.01f);
  box.add(coracoidTip, 0.012f);
  box.add(glenoid, 0.02f);
  box.add(ig, 0.012f);
  const glm::vec3 latBorderMid = L("SCAP_LAT_BORDER_MID");
  auto field = [=](glm::vec3 p) {
    float d = blade(p);
    d = smin(d, tube(p, medial, 0.0021f, 0.0024f), 0.003f);
    d = smin(d, tube(p, {sa, notch}, 0.0018f, 0.002f), 0.003f);
    // The lateral border: a rounded bar 10-14 mm thick.
    d = smin(d, tube(p, {ai, latBorderMid, ig}, 0.0042f, 0.0062f), 0.005f);
    // The spine: a plate from its base line on the blade to the crest, the crest a ridge 8 mm wide ending
    // in the acromial angle; its lateral border is free over the spinoglenoid notch.
    d = smin(d, bonesdf::stripPlate(p, base, crest, 0.0019f), 0.003f);
    d = smin(d, band(p, crestBand), 0.003f);
    d = smin(d, tube(p, {sgNotch, crest.back()}, 0.0026f, 0.003f), 0.003f);
    d = smin(d, fanPlate(p, acroMid, acro, acroT), 0.006f);
    // Neck and glenoid.
    d = smin(d, sdf::roundCone(p, 0.5f * (sgNotch + ig) + glm::vec3(-0.006f, 0.004f, 0.0f), glenoid - gf.x * 0.006f, 0.008f, 0.0105f),
             0.006f);
    float cup = sdf::ellipsoid(gf.local(p), {-0.005f, 0.0f, 0.0f}, {0.0065f, 0.0181f, 0.0139f});
    d = smin(d, cup, 0.004f);
    d = smax(d, -sdf::sphere(p, gh, socket), 0.0015f);
    d = smin(d, sdf::roundCone(p, coracoidBase, coracoidKnee, 0.0062f, 0.0058f), 0.004f);
    d = smin(d, band(p, hook), 0.004f);
    return d;
  };
  // The blade is 2.4 mm thin: sampled at the bone grid it would come out full of holes.
  return polygonizeBone("bone_scapula_L", field, box, cell * 0.45f, false);
}

TissueMesh clavicle(float cell) {
  std::vector<glm::vec3> axis;
  for (const char* id : {"SC_JOINT_L", "CLAV_25_L", "CLAV_50_L", "CLAV_67_L", "CLAV_85_L", "AC_JOINT_L"}) {
    axis.push_back(drawnBonePoint(id));
  }
  // The bone ends at the joint line: its rounded end (radius = half the 8 mm end thickness) stops there,
  // leaving the 2.5 mm AC joint space to the acromion's facet (AC_GAP).
  const float endT = 0.004f;
  axis.back() -= glm::normalize(axis.back() - axis[axis.size() - 2]) * (endT + 0.0015f);
  axis.front() += glm::normalize(axis[1] - axis.front()) * 0.006f;
  std::vector<glm::vec3> curve = bonesdf::smoothCurve(axis, 6);
  // Sections (CLAV_BERNAT): medial end 25 x 20 mm, shaft 12.5 x 10.5 round, the lateral third flat 26 x 9,
  // the acromial end 20 x 8. Width is front to back.
  std::vector<Station> s = stations(curve, {0.0f, 1.0f, 0.0f},
                                    {{12.0f, 9.5f}, {8.0f, 6.5f}, {6.3f, 5.3f}, {6.3f, 5.2f}, {9.5f, 4.6f},
                                     {12.5f, 4.4f}, {10.0f, 4.0f}});
  for (Station& st : s) st.w *= 0.001f, st.t *= 0.001f;
  Box box;
  box.add(curve, 0.016f);
  auto field = [s](glm::vec3 p) { return band(p, s); };
  return polygonizeBone("bone_clavicle_L", field, box, cell * 0.7f, false);
}

// -------------------------------------------------------------------------------------------------- arm

TissueMesh humerus(float cell) {
  const glm::vec3 gh = L("GH_CENTRE"), elbow = L("ELBOW_CENTRE"), pole = L("HUMERAL_HEAD_POLE");
  const glm::vec3 dir = glm::normalize(elbow - gh);
  const glm::vec3 medEpi = L("MED_EPICONDYLE"), latEpi = L("LAT_EPICONDYLE");
  const glm::vec3 across = glm::normalize(latEpi - medEpi);
  // Points on the bone's surface are moved in toward the shaft axis by r to place a feature of radius r.
  auto inward = [gh, dir](glm::vec3 p, float r) {
    glm::vec3 radial = p - gh;
    radial -= dir * glm::dot(radial, dir);
    return p - glm::normalize(radial) * r;
  };
  const glm::vec3 headAxis = glm::normalize(pole - gh);
  const float neckOffset = 0.024f * std::cos(glm::radians(76.0f));  // articular cap of 152 deg
  std::vector<glm::vec3> greater;
  for (const char* id : {"GT_TOP", "GT_SS_FACET_ANT", "GT_IS_FACET_SUP", "GT_IS_FACET_INF", "GT_TM_FACET_SUP", "GT_TM_FACET_INF"}) {
    greater.push_back(inward(L(id), 0.0065f));
  }
  const glm::vec3 ltSup = inward(L("LT_SUP"), 0.005f), ltInf = inward(L("LT_INF"), 0.0045f);
  const glm::vec3 grooveTop = L("ITG_TOP"), grooveBottom = L("ITG_BOTTOM");
  const glm::vec3 surg = L("SURG_NECK"), mid = L("HUM_MIDSHAFT");
  const glm::vec3 dtA = inward(L("DT_ANT"), 0.0015f), dtApex = inward(L("DT_APEX"), 0.0015f), dtP = inward(L("DT_POST"), 0.0015f);
  // The lips of the intertubercular groove: the crest of the greater tubercle (pectoralis major) laterally,
  // the crest of the lesser tubercle (teres major) medially, each a low ridge through its insertion points.
  std::vector<glm::vec3> lateralLip, medialLip;
  for (const char* id : {"PM_INS_SUP", "PM_INS_MID", "PM_INS_INF"}) lateralLip.push_back(inward(L(id), 0.0025f));
  for (const char* id : {"TMAJ_INS_SUP", "TMAJ_INS_MID", "TMAJ_INS_INF"}) medialLip.push_back(inward(L(id), 0.0025f));
  const glm::vec3 trochlea = L("TROCHLEA"), capitulum = L("CAPITULUM");
  const glm::vec3 back = glm::normalize(glm::cross(across, dir));  // posterior at the elbow
  const glm::vec3 supra = elbow - dir * 0.045f;
  Box box;
  box.add(gh, 0.032f);
  box.add(elbow, 0.04f);
  box.add(medEpi, 0.012f);
  box.add(latEpi, 0.012f);
  auto field = [=](glm::vec3 p) {
    // Head: a 24 mm sphere cut at the anatomical neck, on the metaphysis with the tubercles.
    float head = smax(sdf::sphere(p, gh, 0.024f), neckOffset - glm::dot(p - gh, headAxis), 0.002f);
    float meta = sdf::roundCone(p, gh - headAxis * 0.004f, surg, 0.0185f, 0.0135f);
    float d = smin(head, meta, 0.003f);
    d = smin(d, tube(p, greater, 0.0072f, 0.005f), 0.006f);
    d = smin(d, sdf::capsule(p, ltSup, ltInf, 0.005f), 0.005f);
    // Shaft: round above, triangular toward the flat distal end, with the deltoid tuberosity's V.
    d = smin(d, sdf::roundCone(p, surg, mid, 0.0135f, 0.0108f), 0.01f);
    d = smin(d, sdf::roundCone(p, mid, supra, 0.0108f, 0.0105f), 0.01f);
    d = smin(d, std::min(sdf::capsule(p, dtA, dtApex, 0.0025f), sdf::capsule(p, dtP, dtApex, 0.0025f)), 0.004f);
    for (const std::vector<glm::vec3>* lip : {&lateralLip, &medialLip}) {
      const std::vector<glm::vec3>& l = *lip;
      d = smin(d, std::min(sdf::capsule(p, l[0], l[1], 0.0025f), sdf::capsule(p, l[1], l[2], 0.0025f)), 0.004f);
    }
    // Supracondylar ridges to the epicondyles (the medial more prominent), a flat distal end.
    d = smin(d, sdf::roundCone(p, supra, inward(medEpi, 0.006f), 0.009f, 0.0065f), 0.008f);
    d = smin(d, sdf::roundCone(p, supra, inward(latEpi, 0.0045f), 0.009f, 0.0048f), 0.008f);
    d = smin(d, sdf::triangleDistance(p, supra - dir * 0.01f, inward(medEpi, 0.006f), inward(latEpi, 0.0045f)) - 0.0055f, 0.006f);
    // Trochlea (a spool) and capitulum (a ball).
    glm::vec3 tc = trochlea - dir * 0.009f;
    float spool = sdf::capsule(p, tc - across * 0.009f, tc + across * 0.006f, 0.0105f);
    float alongSpool = glm::dot(p - tc, across) + 0.0015f;
    spool += 0.0018f * std::exp(-alongSpool * alongSpool / (0.004f * 0.004f));  // the trochlear groove
    d = smin(d, spool, 0.004f);
    d = smin(d, sdf::sphere(p, capitulum - dir * 0.009f, 0.0095f), 0.004f);
    // The intertubercular groove between the tubercles, and the olecranon fossa behind the trochlea.
    d = smax(d, -sdf::capsule(p, grooveTop, grooveBottom, 0.0045f), 0.0015f);
    d = smax(d, -sdf::sphere(p, elbow - dir * 0.02f + back * 0.0125f, 0.0075f), 0.002f);
    return d;
  };
  return polygonizeBone("bone_humerus_L", field, box, cell * 0.8f, false);
}

// ---------------------------------------------------------------------------------------------------- head

glm::vec3 M(const char* id) { return boneLandmark(id); }

TissueMesh skull(float cell) {
  // Vault: an ellipsoid through the bony glabella, opisthocranion, vertex and euryon (cranial length 188 mm,
  // breadth 147 mm, HEAD_MORPH), closed below by the occipital plane from the inion to the foramen magnum.
  const glm::vec3 glabella = M("GLABELLA_BONE"), opisthocranion = M("OPISTHOCRANION_BONE"), vertex = M("CRANIUM_VERTEX_BONE");
  const glm::vec3 euryon = M("EURYON_L"), inion = M("INION"), opisthion = M("OPISTHION"), basion = M("BASION");
  const glm::vec3 vc{0.0f, 0.5f * (glabella.y + opisthocranion.y), 0.5f * (glabella.z + opisthocranion.z)};
  const glm::vec3 vr{euryon.x, vertex.y - vc.y, 0.5f * (glabella.z - opisthocranion.z)};
  const float slope = (opisthion.y - inion.y) / (opisthion.z - inion.z);
  std::vector<glm::vec3> nuchal{inion};
  for (const char* id : {"SNL_1_L", "SNL_2_L", "SNL_3_L", "SNL_4_L", "SNL_5_L", "MASTOID_BASE_L"}) nuchal.push_back(M(id));
  const glm::vec3 mastoidBase = M("MASTOID_BASE_L"), mastoidTip = M("MASTOID_TIP_L");
  constexpr float kMastoidTipRadius = 0.0045f;
  const glm::vec3 mastoidRoot = mastoidBase + glm::vec3(-0.004f, 0.0f, 0.0f);
  const glm::vec3 mastoidTipCentre = mastoidTip + glm::normalize(mastoidRoot - mastoidTip) * kMastoidTipRadius;
  const glm::vec3 zygAnt = M("ZYG_ARCH_ANT_L"), zygion = M("ZYGION_L"), zygPost = M("ZYG_ARCH_POST_L");
  const glm::vec3 condyle = M("OCC_CONDYLE_L"), nasion = M("NASION"), orbitale = M("ORBITALE_L");
  const glm::vec3 foramen = 0.5f * (opisthion + basion);
  const glm::vec3 up{0.0f, 1.0f, 0.0f};
  std::vector<Station> arch{{zygAnt, up, 0.005f, 0.0022f}, {zygion, up, 0.004f, 0.002f}, {zygPost, up, 0.004f, 0.0022f}};
  const glm::vec3 orbit{orbitale.x, orbitale.y + 0.016f, orbitale.z - 0.013f};
  std::vector<glm::vec3> teeth{{0.0f, 1.566f, 0.139f}, {0.018f, 1.566f, 0.134f}, {0.028f, 1.566f, 0.118f}, {0.031f, 1.566f, 0.095f}};
  Box box;
  box.add(vc - vr, 0.012f);
  box.add(vc + vr, 0.012f);
  box.add(mastoidTip, 0.012f);
  box.add({0.0f, 1.552f, 0.15f}, 0.012f);
  auto field = [=](glm::vec3 p) {
    glm::vec3 q{std::abs(p.x), p.y, p.z};
    float vault = sdf::ellipsoid(q, vc, vr);
    float baseY = q.z < opisthion.z ? inion.y + slope * (q.z - inion.z) : opisthion.y;
    vault = smax(vault, baseY - q.y, 0.006f);
    float d = vault;
    // External occipital protuberance and the superior nuchal line out to the mastoid.
    d = smin(d, sdf::sphere(q, inion + glm::vec3(0.0f, 0.0f, 0.004f), 0.0065f), 0.004f);
    d = smin(d, tube(q, nuchal, 0.0022f, 0.002f), 0.003f);
    // The tip's rounding sphere sits inside the process, so the landmark lies on its surface.
    d = smin(d, sdf::roundCone(q, mastoidRoot, mastoidTipCentre, 0.0095f, kMastoidTipRadius), 0.005f);
    d = smin(d, sdf::ellipsoid(q, condyle + glm::vec3(0.0f, -0.002f, 0.0f), {0.0065f, 0.006f, 0.011f}), 0.004f);
    // Face: brow, orbits, zygomatic bone and arch, nasal bones, maxilla with the upper teeth.
    d = smin(d, sdf::ellipsoid(q, {0.05f, 1.613f, 0.110f}, {0.013f, 0.014f, 0.013f}), 0.008f);
    d = smin(d, band(q, arch), 0.005f);
    d = smin(d, sdf::ellipsoid(q, {0.0f, 1.590f, 0.110f}, {0.034f, 0.030f, 0.036f}), 0.012f);
    d = smin(d, sdf::capsule(q, nasion + glm::vec3(0, 0, -0.003f), {0.0f, 1.618f, 0.150f}, 0.0045f), 0.005f);
    d = smin(d, tube(q, teeth, 0.0042f, 0.0048f), 0.004f);
    d = smax(d, -sdf::sphere(q, orbit, 0.0185f), 0.004f);
    d = smax(d, -sdf::ellipsoid(q, {0.0f, 1.603f, 0.150f}, {0.0105f, 0.016f, 0.016f}), 0.003f);
    d = smax(d, -sdf::ellipsoid(q, foramen, {0.0155f, 0.010f, 0.0185f}), 0.002f);
    return d;
  };
  return polygonizeBone("skull", field, box, cell * 0.8f, true);
}

TissueMesh mandible(float cell) {
  // Body 30 mm tall and 12 mm thick from the chin round to the angle; ramus 31 mm wide up to the condyle,
  // the coronoid process under the zygomatic arch (HEAD_MORPH).
  const glm::vec3 gonion = M("GONION_L"), condylion = M("CONDYLION_L"), coronoid = M("CORONOID_TIP_L");
  const glm::vec3 pogonion = M("POGONION"), menton = M("MENTON_BONE");
  std::vector<glm::vec3> body{gonion + glm::vec3(-0.002f, 0.006f, 0.004f), {0.040f, 1.540f, 0.108f}, {0.024f, 1.536f, 0.135f},
                              {0.0f, 0.5f * (pogonion.y + menton.y) + 0.004f, pogonion.z - 0.005f}};
  std::vector<glm::vec3> curve = bonesdf::smoothCurve(body, 6);
  std::vector<Station> s;
  for (std::size_t i = 0; i < curve.size(); ++i) {
    glm::vec3 tan = glm::normalize(curve[std::min(i + 1, curve.size() - 1)] - curve[i == 0 ? 0 : i - 1]);
    glm::vec3 outward = glm::normalize(glm::cross(tan, glm::vec3(0.0f, 1.0f, 0.0f)));
    glm::vec3 wide = glm::normalize(glm::cross(outward, tan));
    s.push_back({curve[i], wide, 0.0135f, 0.0055f});
  }
  glm::vec3 rampUp = glm::normalize(condylion - gonion);
  glm::vec3 rampWide = glm::normalize(glm::vec3(0.0f, 0.0f, 1.0f) - rampUp * rampUp.z);
  std::vector<Station> ramus{{gonion + rampUp * 0.008f + rampWide * 0.008f, rampWide, 0.014f, 0.0042f},
                             {condylion - rampUp * 0.014f + rampWide * 0.006f, rampWide, 0.0125f, 0.0035f}};
  const std::vector<glm::vec3> teeth{{0.0f, 1.557f, 0.136f}, {0.017f, 1.557f, 0.131f}, {0.027f, 1.557f, 0.115f},
                                     {0.030f, 1.557f, 0.093f}};
  Box box;
  box.add(curve, 0.018f);
  box.add(condylion, 0.012f);
  box.add(coronoid, 0.01f);
  auto field = [=](glm::vec3 p) {
    glm::vec3 q{std::abs(p.x), p.y, p.z};
    float d = band(q, s);
    d = smin(d, band(q, ramus), 0.006f);
    d = smin(d, sdf::ellipsoid(q, condylion - glm::vec3(0.0f, 0.004f, 0.0f), {0.0095f, 0.005f, 0.0045f}), 0.004f);
    d = smin(d, sdf::roundCone(q, condylion - rampUp * 0.02f + rampWide * 0.016f, coronoid, 0.005f, 0.0025f), 0.004f);
    d = smin(d, sdf::ellipsoid(q, {0.0f, pogonion.y, pogonion.z - 0.007f}, {0.016f, 0.01f, 0.007f}), 0.006f);
    d = smin(d, tube(q, teeth, 0.004f, 0.0046f), 0.004f);
    return d;
  };
  return polygonizeBone("bone_mandible", field, box, cell * 0.8f, true);
}

// -------------------------------------------------------------------------------------- forearm and hand

TissueMesh radius(float cell) {
  // Radius (FOREARM_MORPH): a 22 mm disc of a head under the capitulum, neck, tuberosity, a shaft bowed
  // outward, and the broad distal end (32 mm) with its styloid.
  const glm::vec3 head = L("RADIAL_HEAD"), styloid = L("RADIAL_STYLOID"), ulnarStyloid = L("ULNAR_STYLOID");
  const glm::vec3 elbow = L("ELBOW_CENTRE"), wrist = L("WRIST_CENTRE");
  const glm::vec3 axis = glm::normalize(elbow - wrist);  // proximal
  const glm::vec3 lateral = glm::normalize(styloid - ulnarStyloid - axis * glm::dot(styloid - ulnarStyloid, axis));
  const glm::vec3 distal = styloid + (ulnarStyloid - styloid) * 0.3f + axis * 0.012f;
  const glm::vec3 tuberosity = head - axis * 0.028f - lateral * 0.002f;
  const glm::vec3 mid = 0.5f * (tuberosity + distal) + lateral * 0.004f;
  bonesdf::Frame df = bonesdf::frameFrom(distal, axis, glm::cross(axis, lateral));
  Box box;
  box.add(head, 0.016f);
  box.add(styloid, 0.02f);
  box.add(distal, 0.022f);
  auto field = [=](glm::vec3 p) {
    float d = sdf::capsule(p, head - axis * 0.003f, head + axis * 0.002f, 0.0105f);
    d = smax(d, -sdf::sphere(p, head + axis * 0.012f, 0.0105f), 0.002f);  // the cupped top under the capitulum
    d = smin(d, sdf::roundCone(p, head - axis * 0.006f, tuberosity, 0.0065f, 0.007f), 0.005f);
    d = smin(d, tube(p, {tuberosity, mid, distal + axis * 0.01f}, 0.0068f, 0.0085f), 0.008f);
    d = smin(d, sdf::ellipsoid(df.local(p), glm::vec3(0.0f), {0.0155f, 0.011f, 0.0105f}), 0.008f);
    d = smin(d, sdf::roundCone(p, distal + lateral * 0.008f, styloid, 0.007f, 0.004f), 0.005f);
    return d;
  };
  return polygonizeBone("bone_radius_L", field, box, cell * 0.7f, false);
}

TissueMesh ulna(float cell) {
  // Ulna: the olecranon and the trochlear notch wrapped round the trochlea, the coronoid process, a shaft
  // tapering to the small head and styloid at the wrist.
  const glm::vec3 olecranon = L("OLECRANON_TIP"), trochlea = L("TROCHLEA"), styloid = L("ULNAR_STYLOID");
  const glm::vec3 elbow = L("ELBOW_CENTRE"), wrist = L("WRIST_CENTRE"), gh = L("GH_CENTRE");
  const glm::vec3 axis = glm::normalize(elbow - wrist);
  const glm::vec3 armDir = glm::normalize(elbow - gh);
  const glm::vec3 tc = trochlea - armDir * 0.009f;  // the trochlea's centre, as drawn on the humerus
  const glm::vec3 forward = glm::normalize(glm::cross(axis, glm::normalize(L("LAT_EPICONDYLE") - L("MED_EPICONDYLE"))));
  const glm::vec3 headU = styloid + axis * 0.012f + forward * 0.004f;
  Box box;
  box.add(olecranon, 0.014f);
  box.add(tc, 0.02f);
  box.add(styloid, 0.014f);
  auto field = [=](glm::vec3 p) {
    glm::vec3 back = tc - forward * 0.012f;
    float d = sdf::roundCone(p, olecranon - axis * 0.002f, back - axis * 0.014f, 0.0085f, 0.009f);
    d = smin(d, sdf::roundCone(p, tc - axis * 0.013f + forward * 0.002f, tc - axis * 0.004f + forward * 0.013f, 0.0075f, 0.004f), 0.005f);
    d = smin(d, tube(p, {back - axis * 0.016f + forward * 0.004f, 0.5f * (back + headU) + forward * 0.002f, headU}, 0.0085f, 0.0055f),
             0.008f);
    d = smin(d, sdf::sphere(p, headU, 0.0068f), 0.004f);
    d = smin(d, sdf::roundCone(p, headU, styloid, 0.004f, 0.0022f), 0.003f);
    d = smax(d, -sdf::sphere(p, tc, 0.0118f), 0.0015f);  // trochlear notch
    return d;
  };
  return polygonizeBone("bone_ulna_L", field, box, cell * 0.7f, false);
}

TissueMesh handBones(float cell) {
  // Carpus (two rows of four), five metacarpals and the phalanges through the joints of the skin's digits;
  // their lengths follow the published ones (HAND_BONES: metacarpals 45-68 mm, proximal : middle : distal
  // phalanx about 1 : 0.6 : 0.42).
  const HandFrame f = leftHandFrame();
  const float mm = 0.001f;
  std::vector<std::vector<glm::vec3>> chains;
  std::vector<float> radii;
  for (const Digit& d : handDigits()) {
    std::vector<glm::vec3> c{f.world(d.base)};
    for (glm::vec3 j : d.joints) c.push_back(f.world(j));
    // The distal phalanx stops under the fingertip's pad.
    c.back() -= (c.back() - c[c.size() - 2]) * 0.18f;
    chains.push_back(c);
    radii.push_back(0.22f * d.width);
  }
  std::vector<glm::vec3> carpals;
  for (float z : {14.0f, 5.0f, -4.0f, -12.0f}) carpals.push_back(f.world(glm::vec3(-2, 12, z) * mm));
  for (float z : {16.0f, 8.0f, 0.0f, -8.0f}) carpals.push_back(f.world(glm::vec3(-2, 23, z) * mm));
  Box box;
  for (const auto& c : chains) box.add(c, 0.012f);
  box.add(carpals, 0.012f);
  auto field = [=](glm::vec3 p) {
    float d = 1e9f;
    for (glm::vec3 c : carpals) d = smin(d, sdf::sphere(p, c, 0.0056f), 0.003f);
    for (std::size_t k = 0; k < chains.size(); ++k) {
      const auto& c = chains[k];
      for (std::size_t s = 0; s + 1 < c.size(); ++s) {
        float r = radii[k] * (s == 0 ? 0.95f : 1.0f - 0.12f * static_cast<float>(s));
        // Each bone narrower in its shaft than at its ends, with a small gap at the joints.
        glm::vec3 a = c[s] + (c[s + 1] - c[s]) * 0.05f, b = c[s + 1] - (c[s + 1] - c[s]) * 0.05f, m = 0.5f * (a + b);
        d = std::min(d, std::min(sdf::roundCone(p, a, m, r, r * 0.7f), sdf::roundCone(p, m, b, r * 0.7f, r * 0.9f)));
      }
    }
    return d;
  };
  return polygonizeBone("bone_hand_L", field, box, cell * 0.55f, false);
}

// ---------------------------------------------------------------------------------------------------- leg

TissueMesh femur(float cell) {
  // Femur (FEMUR_MORPH): a 49 mm head, a 33 mm neck at 127 degrees to the shaft, the greater and lesser
  // trochanters, a shaft bowed forward, and the condyles 86 mm across.
  const glm::vec3 hip = landmark("HIP_CENTRE_L"), knee = landmark("KNEE_CENTRE_L"), gt = landmark("GREATER_TROCHANTER_L");
  const glm::vec3 neckBase{0.118f, 0.876f, 0.057f}, shaftTop{0.116f, 0.850f, 0.056f};
  const glm::vec3 shaftBottom = knee + glm::vec3(0.004f, 0.060f, -0.004f);
  const glm::vec3 shaftMid = 0.5f * (shaftTop + shaftBottom) + glm::vec3(0.0f, 0.0f, 0.008f);
  Box box;
  box.add(hip, 0.03f);
  box.add(gt, 0.03f);
  box.add(knee, 0.045f);
  auto field = [=](glm::vec3 p) {
    float d = sdf::sphere(p, hip, 0.0245f);
    d = smin(d, sdf::capsule(p, hip + (neckBase - hip) * 0.3f, neckBase, 0.0155f), 0.008f);
    d = smin(d, sdf::ellipsoid(p, gt + glm::vec3(-0.022f, -0.006f, -0.008f), {0.012f, 0.022f, 0.016f}), 0.01f);
    d = smin(d, sdf::sphere(p, {0.100f, 0.842f, 0.044f}, 0.0075f), 0.008f);
    d = smin(d, tube(p, {neckBase + glm::vec3(0.0f, 0.01f, 0.0f), shaftTop, shaftMid, shaftBottom}, 0.016f, 0.0135f), 0.012f);
    // Condyles with the intercondylar notch behind.
    for (float side : {-1.0f, 1.0f}) {
      d = smin(d, sdf::ellipsoid(p, knee + glm::vec3(side * 0.021f, 0.008f, -0.006f), {0.0145f, 0.022f, 0.028f}), 0.012f);
    }
    d = smax(d, -sdf::ellipsoid(p, knee + glm::vec3(0.0f, 0.0f, -0.022f), {0.008f, 0.014f, 0.016f}), 0.003f);
    return d;
  };
  return polygonizeBone("bone_femur_L", field, box, cell * 0.9f, false);
}

TissueMesh patella(float cell) {
  const glm::vec3 knee = landmark("KNEE_CENTRE_L");
  Box box;
  box.add(knee + glm::vec3(0.0f, 0.02f, 0.036f), 0.03f);
  auto field = [knee](glm::vec3 p) {
    return sdf::ellipsoid(p, knee + glm::vec3(0.002f, 0.02f, 0.036f), {0.020f, 0.021f, 0.0085f});
  };
  return polygonizeBone("bone_patella_L", field, box, cell * 0.7f, false);
}

TissueMesh tibia(float cell) {
  // Tibia (TIBIA_FIBULA): a plateau 78 mm across, the tuberosity, a triangular shaft with its anterior crest,
  // the distal end and the medial malleolus.
  const glm::vec3 knee = landmark("KNEE_CENTRE_L"), ankle = landmark("ANKLE_CENTRE_L");
  const glm::vec3 plateau = knee + glm::vec3(0.0f, -0.026f, -0.002f);
  const glm::vec3 low = ankle + glm::vec3(-0.004f, 0.024f, 0.002f);
  Box box;
  box.add(plateau, 0.045f);
  box.add(ankle, 0.035f);
  auto field = [=](glm::vec3 p) {
    float d = sdf::ellipsoid(p, plateau, {0.037f, 0.013f, 0.026f});
    d = smin(d, sdf::ellipsoid(p, plateau + glm::vec3(0.0f, -0.03f, 0.004f), {0.026f, 0.03f, 0.02f}), 0.012f);
    d = smin(d, sdf::sphere(p, plateau + glm::vec3(0.004f, -0.04f, 0.02f), 0.008f), 0.008f);
    d = smin(d, sdf::roundCone(p, plateau + glm::vec3(0.0f, -0.06f, 0.002f), low + glm::vec3(0.0f, 0.05f, 0.0f), 0.0135f, 0.0105f), 0.012f);
    d = smin(d, sdf::capsule(p, plateau + glm::vec3(0.004f, -0.05f, 0.016f), low + glm::vec3(0.0f, 0.07f, 0.01f), 0.003f), 0.008f);
    d = smin(d, sdf::ellipsoid(p, low, {0.019f, 0.02f, 0.017f}), 0.012f);
    d = smin(d, sdf::roundCone(p, low + glm::vec3(-0.01f, 0.0f, 0.003f), ankle + glm::vec3(-0.017f, -0.006f, 0.004f), 0.008f, 0.0055f), 0.006f);
    return d;
  };
  return polygonizeBone("bone_tibia_L", field, box, cell * 0.9f, false);
}

TissueMesh fibula(float cell) {
  // Fibula: the head 15 mm below the plateau, a slender shaft, the lateral malleolus 10 mm lower and 15 mm
  // further back than the medial one.
  const glm::vec3 knee = landmark("KNEE_CENTRE_L"), ankle = landmark("ANKLE_CENTRE_L");
  const glm::vec3 head = knee + glm::vec3(0.031f, -0.04f, -0.014f);
  const glm::vec3 malleolus = ankle + glm::vec3(0.018f, -0.012f, -0.011f);
  Box box;
  box.add(head, 0.02f);
  box.add(malleolus, 0.02f);
  auto field = [=](glm::vec3 p) {
    float d = sdf::sphere(p, head, 0.0095f);
    d = smin(d, tube(p, {head, 0.5f * (head + malleolus) + glm::vec3(0.002f, 0.0f, 0.0f), malleolus + glm::vec3(0.0f, 0.02f, 0.0f)}, 0.0065f, 0.0062f),
             0.008f);
    d = smin(d, sdf::ellipsoid(p, malleolus, {0.0065f, 0.014f, 0.009f}), 0.006f);
    return d;
  };
  return polygonizeBone("bone_fibula_L", field, box, cell * 0.8f, false);
}

TissueMesh footBones(float cell) {
  // Talus, calcaneus, navicular, cuboid, cuneiforms, metatarsals (63, 73, 70, 67, 66 mm) and the phalanges
  // of the five toes (FOOT_MORPH), over the sole points of the reference foot.
  const glm::vec3 ankle = landmark("ANKLE_CENTRE_L");
  struct Ray {
    glm::vec3 base, head;
    std::vector<float> toes;  // phalanx lengths, mm
    float r;
  };
  const std::vector<Ray> rays = {{{0.071f, 0.036f, 0.077f}, {0.068f, 0.0145f, 0.139f}, {28.0f, 22.0f}, 0.0066f},
                                 {{0.083f, 0.036f, 0.078f}, {0.083f, 0.013f, 0.147f}, {21.0f, 9.0f, 6.0f}, 0.0052f},
                                 {{0.095f, 0.034f, 0.075f}, {0.098f, 0.013f, 0.141f}, {21.0f, 10.0f, 8.0f}, 0.0052f},
                                 {{0.107f, 0.030f, 0.070f}, {0.114f, 0.012f, 0.130f}, {20.0f, 9.0f, 7.0f}, 0.005f},
                                 {{0.122f, 0.022f, 0.062f}, {0.132f, 0.011f, 0.112f}, {18.0f, 6.0f, 5.0f}, 0.0048f}};
  std::vector<std::vector<glm::vec3>> chains;
  for (const Ray& r : rays) {
    std::vector<glm::vec3> c{r.base, r.head};
    glm::vec3 dir = glm::normalize(glm::vec3(r.head.x - r.base.x, 0.0f, r.head.z - r.base.z));
    for (float len : r.toes) c.push_back(c.back() + dir * (len * 0.001f));
    chains.push_back(c);
  }
  Box box;
  box.add(ankle, 0.03f);
  box.add({0.09f, 0.02f, -0.045f}, 0.025f);
  for (const auto& c : chains) box.add(c, 0.012f);
  auto field = [=](glm::vec3 p) {
    float d = sdf::ellipsoid(p, ankle + glm::vec3(0.0f, -0.014f, 0.012f), {0.0145f, 0.0125f, 0.027f});
    d = smin(d, sdf::roundCone(p, ankle + glm::vec3(0.006f, -0.034f, -0.004f), {0.091f, 0.027f, -0.036f}, 0.016f, 0.0165f), 0.01f);
    d = smin(d, sdf::ellipsoid(p, {0.077f, 0.040f, 0.052f}, {0.011f, 0.011f, 0.009f}), 0.006f);
    d = smin(d, sdf::ellipsoid(p, {0.113f, 0.027f, 0.047f}, {0.012f, 0.011f, 0.014f}), 0.006f);
    for (float x : {0.072f, 0.084f, 0.096f}) d = smin(d, sdf::ellipsoid(p, {x, 0.037f, 0.066f}, {0.0065f, 0.011f, 0.009f}), 0.004f);
    for (std::size_t k = 0; k < chains.size(); ++k) {
      const auto& c = chains[k];
      float r = rays[k].r;
      d = smin(d, sdf::roundCone(p, c[0], c[1], r, r * 1.15f), 0.004f);
      for (std::size_t s = 1; s + 1 < c.size(); ++s) {
        float rs = r * (0.92f - 0.06f * static_cast<float>(s));
        d = smin(d, sdf::roundCone(p, c[s], c[s + 1], rs, rs * 0.95f), 0.002f);
      }
    }
    return d;
  };
  return polygonizeBone("bone_foot_L", field, box, cell * 0.6f, false);
}

}  // namespace

std::string boneJoint(std::string_view mesh) {
  struct Rule {
    std::string_view prefix, joint;
  };
  static const Rule kRules[] = {{"skull", "head"},         {"bone_mandible", "head"}, {"bone_scapula", "clavicle"},
                                {"bone_clavicle", "clavicle"}, {"bone_humerus", "shoulder"}, {"bone_radius", "elbow"},
                                {"bone_ulna", "elbow"},     {"bone_hand", "wrist"},    {"bone_femur", "hip"},
                                {"bone_patella", "knee"},   {"bone_tibia", "knee"},    {"bone_fibula", "knee"},
                                {"bone_foot", "ankle"}};
  for (const Rule& r : kRules) {
    if (!mesh.starts_with(r.prefix)) continue;
    std::string joint(r.joint);
    if (joint != "head") joint += mesh.substr(mesh.size() - 2);
    return joint;
  }
  return {};
}

std::vector<RibSection> ribSections(int rib) {
  std::vector<Rib> cage = buildRibs();
  const std::vector<Station>& s = cage.at(static_cast<std::size_t>(rib - 1)).stations;
  std::vector<RibSection> out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    glm::vec3 tan = glm::normalize(s[std::min(i + 1, s.size() - 1)].p - s[i == 0 ? 0 : i - 1].p);
    glm::vec3 wide = glm::normalize(s[i].wide - tan * glm::dot(s[i].wide, tan));
    out.push_back({s[i].p, tan, wide, s[i].w, s[i].t});
  }
  return out;
}

CanalProbe vertebralCanal(std::string_view level) {
  std::vector<Vertebra> column = buildVertebrae();
  for (std::size_t i = 0; i < std::size(kVertebrae); ++i) {
    if (level != kVertebrae[i]) continue;
    const Vertebra& v = column[i];
    float sag = v.mm.canalSag * 0.001f;
    float zBack = v.level == 0 ? -0.004f : -0.5f * v.mm.d * 0.001f;
    return {v.frame.world({0.0f, 0.0f, zBack - 0.5f * sag}), v.frame.y, v.frame.z, v.h, sag, v.mm.canalTr * 0.001f};
  }
  throw std::out_of_range("vertebralCanal: unknown level");
}

/// Edge collapse can bring two parts of a surface together at a vertex (two sides of a thin plate or a
/// narrow gap closing), so that an edge carries four faces. Each vertex gets one copy per fan of faces
/// joined across ordinary two-face edges; the parts then only touch and the mesh is a 2-manifold again.
void separateTouchingSheets(TissueMesh& m) {
  auto edgeKey = [](std::uint32_t a, std::uint32_t b) {
    return (static_cast<std::uint64_t>(std::min(a, b)) << 32) | std::max(a, b);
  };
  std::map<std::uint64_t, int> faceCount;
  for (std::size_t f = 0; f < m.indices.size(); f += 3)
    for (int e = 0; e < 3; ++e) ++faceCount[edgeKey(m.indices[f + e], m.indices[f + (e + 1) % 3])];
  bool any = false;
  for (const auto& [edge, n] : faceCount) any = any || n > 2;
  if (!any) return;
  const std::size_t vertexCount = m.positions.size();
  // Corners (face * 3 + k) at each vertex.
  std::vector<std::vector<std::uint32_t>> corners(vertexCount);
  for (std::uint32_t c = 0; c < m.indices.size(); ++c) corners[m.indices[c]].push_back(c);
  std::vector<std::uint32_t> newIndices = m.indices;
  for (std::uint32_t v = 0; v < vertexCount; ++v) {
    const std::vector<std::uint32_t>& cs = corners[v];
    if (cs.size() < 2) continue;
    std::vector<std::size_t> parent(cs.size());
    for (std::size_t k = 0; k < cs.size(); ++k) parent[k] = k;
    auto find = [&](std::size_t k) {
      while (parent[k] != k) k = parent[k] = parent[parent[k]];
      return k;
    };
    // Faces at v that share an ordinary edge (v, w) belong to one fan.
    std::map<std::uint32_t, std::vector<std::size_t>> byNeighbour;
    for (std::size_t k = 0; k < cs.size(); ++k) {
      const std::uint32_t f = cs[k] / 3, at = cs[k] % 3;
      for (std::uint32_t w : {m.indices[3 * f + (at + 1) % 3], m.indices[3 * f + (at + 2) % 3]}) byNeighbour[w].push_back(k);
    }
    for (const auto& [w, ks] : byNeighbour) {
      if (faceCount[edgeKey(v, w)] != 2 || ks.size() != 2) continue;
      std::size_t a = find(ks[0]), b = find(ks[1]);
      if (a != b) parent[std::max(a, b)] = std::min(a, b);
    }
    std::map<std::size_t, std::uint32_t> copyOf;
    for (std::size_t k = 0; k < cs.size(); ++k) {
      const std::size_t root = find(k);
      if (root == find(0)) continue;
      auto [it, fresh] = copyOf.try_emplace(root, static_cast<std::uint32_t>(m.positions.size()));
      if (fresh) {
        m.positions.push_back(m.positions[v]);
        m.normals.push_back(m.normals[v]);
      }
      newIndices[cs[k]] = it->second;
    }
  }
  m.indices = std::move(newIndices);
}

std::vector<TissueMesh> buildBones(float cell) {
  // Budgets after simplification (triangles); the simplifier keeps within 0.3 mm of the polygonised form.
  // The bones are built side by side on the worker threads; each job writes only its own slot, so the
  // result does not depend on the threads.
  struct Job {
    TissueMesh (*build)(float);
    std::size_t budget;
    bool midline, paired;
  };
  const Job jobs[] = {{vertebrae, 24000, true, false}, {ribs, 0, false, false},         {sternum, 0, false, false},
                      {pelvis, 10000, true, false},    {skull, 10000, true, false},      {mandible, 5000, true, false},
                      {scapula, 7000, false, true},    {clavicle, 2500, false, true},    {humerus, 4500, false, true},
                      {radius, 3000, false, true},     {ulna, 3000, false, true},        {handBones, 5000, false, true},
                      {femur, 4000, false, true},      {patella, 800, false, true},      {tibia, 3000, false, true},
                      {fibula, 2000, false, true},     {footBones, 6500, false, true}};
  const int jobCount = static_cast<int>(std::size(jobs));
  std::vector<TissueMesh> built(std::size(jobs));
  parallelFor(jobCount, [&](int i) {
    const Job& j = jobs[i];
    BoneSimplification simplification{j.budget, j.midline, j.midline && j.build == mandible ? 0.00025f : 0.0003f};
    auto start = std::chrono::steady_clock::now();
    tSimplification = &simplification;
    built[i] = j.build(cell);
    tSimplification = nullptr;
    recordStage("bone " + built[i].name + " build and simplify",
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    if (j.budget == 0) return;
    if (!simplification.done) {
      if (j.midline) simplifyMidline(built[i], j.budget, simplification.error);
      else simplify(built[i], j.budget, simplification.error);
    }
    separateTouchingSheets(built[i]);
  });
  std::vector<TissueMesh> bones;
  for (int i = 0; i < jobCount; ++i) {
    if (!jobs[i].paired) {
      bones.push_back(std::move(built[i]));
      continue;
    }
    std::string name = built[i].name;
    name.back() = 'R';
    TissueMesh right = mirrored(built[i], name);
    bones.push_back(std::move(built[i]));
    bones.push_back(std::move(right));
  }
  // Bony points given on the skin (acromion, iliac crest) must not break through it: anything closer than
  // 3 mm to the surface is pressed back under it.
  BodyField body;
  const DistanceField skin = [&](glm::vec3 p) { return body.distance(p); };
  ScopedStage underSkin("bones pressed under the skin");
  parallelFor(static_cast<int>(bones.size()), [&](int k) {
    TissueMesh& b = bones[static_cast<std::size_t>(k)];
    for (std::size_t i = 0; i < b.positions.size(); ++i) {
      if (body.distance(b.positions[i]) > -0.003f) b.positions[i] = projectToLevel(skin, b.positions[i], -0.003f, 3);
    }
  });
  for (TissueMesh& b : bones) {
    std::string display = b.name.starts_with("bone_") ? b.name.substr(5) : b.name;
    if (display.ends_with("_L") || display.ends_with("_R")) display.resize(display.size() - 2);
    for (char& c : display) c = c == '_' ? ' ' : c;
    b.extras = {{"display_name", display}, {"side", ""}, {"part", ""}};
  }
  for (TissueMesh& b : bones) {
    if (b.name.ends_with("_L")) b.extras[1].second = "left";
    if (b.name.ends_with("_R")) b.extras[1].second = "right";
  }
  return bones;
}

}  // namespace myo::anatomy
