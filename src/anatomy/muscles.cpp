// anatomy/muscles.cpp: lofts each muscle as a closed lens-shaped sheet between its origin and insertion
// lines, laid on a level surface at its layer's depth under the skin so layers cannot cross.
#include "anatomy/muscles.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <functional>

#include "anatomy/landmarks.hpp"
#include "anatomy/rig.hpp"
#include "anatomy/sdf_util.hpp"
#include "anatomy/surface_nets.hpp"
#include "anatomy/timing.hpp"
#include "core/math_util.hpp"
#include "scene/muscle_names.hpp"
#include "scene/picking.hpp"

namespace myo::anatomy {

using sdf::smoothstep;

namespace {

constexpr float kSpacing = 0.0068f;  ///< target distance between sheet vertices (metres)
constexpr float kMaxInnerDepth = 0.0285f;  ///< deepest inner face of the deltoid (metres)
constexpr float kOverGap = 0.0040f;        ///< gap kept between a sheet and those it lies over (metres)

std::vector<glm::vec3> polyline(const std::vector<std::string>& ids, bool midline = false) {
  std::vector<glm::vec3> p;
  for (const std::string& id : ids) {
    glm::vec3 v = restLandmark(id);
    // Midline origins sit a hair to the side so the left and right sheets meet without sharing faces.
    if (!midline && std::abs(v.x) < 1e-6f) v.x = 0.0008f;
    p.push_back(v);
  }
  return p;
}

float length(const std::vector<glm::vec3>& p) {
  float l = 0.0f;
  for (std::size_t i = 1; i < p.size(); ++i) l += glm::distance(p[i - 1], p[i]);
  return l;
}

/// Point at normalised arc length t along a polyline.
glm::vec3 sampleArc(const std::vector<glm::vec3>& p, float t) {
  if (p.size() == 1) return p[0];
  float target = std::clamp(t, 0.0f, 1.0f) * length(p);
  for (std::size_t i = 1; i < p.size(); ++i) {
    float seg = glm::distance(p[i - 1], p[i]);
    if (target <= seg || i + 1 == p.size()) return glm::mix(p[i - 1], p[i], seg > 0.0f ? std::min(target / seg, 1.0f) : 0.0f);
    target -= seg;
  }
  return p.back();
}

/// As sampleArc, continued straight past the ends (t below 0 or above 1) by mirroring the line's first and last
/// stretch.
glm::vec3 sampleArcBeyond(const std::vector<glm::vec3>& p, float t) {
  if (t < 0.0f) return 2.0f * p.front() - sampleArc(p, -t);
  if (t > 1.0f) return 2.0f * p.back() - sampleArc(p, 2.0f - t);
  return sampleArc(p, t);
}

/// Cubic Hermite curve from p0 (tangent m0) to p1 (tangent m1), at s in [0, 1].
glm::vec3 hermite(glm::vec3 p0, glm::vec3 m0, glm::vec3 p1, glm::vec3 m1, float s) {
  const float s2 = s * s, s3 = s2 * s;
  return (2.0f * s3 - 3.0f * s2 + 1.0f) * p0 + (s3 - 2.0f * s2 + s) * m0 + (-2.0f * s3 + 3.0f * s2) * p1 + (s3 - s2) * m1;
}

/// How a sheet is pushed off the straight fibre line before it is laid on its layer, so it lands on the
/// right face of the body (back, chest or shoulder cap). Scaled by sin(pi v).
glm::vec3 fibreBias(const MuscleSpec& m, glm::vec3 chord, float u) {
  if (m.bias != glm::vec3(0.0f)) return m.bias;
  if (m.column) return {0.0f, 0.0f, -0.01f};
  if (m.name == "deltoid") {
    // Away from the humeral shaft's axis and toward the outside of the arm: pushed only away from the
    // shaft, the front and back fibres would land on the chest and back beside the armpit folds and the
    // muscle would hang like a cape instead of capping the joint.
    static const glm::vec3 gh = restLandmark("GH_CENTRE_L");
    static const glm::vec3 axis = glm::normalize(restLandmark("ELBOW_CENTRE_L") - gh);
    glm::vec3 radial = chord - gh - axis * glm::dot(chord - gh, axis);
    glm::vec3 lateral = glm::normalize(glm::cross(glm::vec3(0.0f, 0.0f, 1.0f), axis));
    if (lateral.x < 0.0f) lateral = -lateral;
    glm::vec3 dir = glm::length(radial) > 1e-5f ? glm::normalize(radial) : lateral;
    return glm::normalize(dir + (0.4f - 0.25f * u) * lateral) * 0.05f;
  }
  if (m.name == "pectoralis_major") return {0.0f, 0.0f, 0.05f};
  if (m.name == "latissimus_dorsi") return {0.02f * u, 0.0f, -0.07f * (1.0f - 0.6f * u)};
  // Its lowest fibre shares the transverse part's first fibre line, so it takes the same push there and
  // the two parts meet edge to edge.
  if (m.name == "trapezius_descending") {
    return glm::mix(glm::vec3(0.0f, 0.02f, -0.04f), glm::vec3(0.0f, 0.0f, -0.03f), smoothstep(0.6f, 1.0f, u));
  }
  // The ascending part's lateral border runs straight from T12 to the tubercle of the spine, leaving the
  // triangle of auscultation open between it, the latissimus and the medial border of the scapula.
  if (m.name == "trapezius_ascending") return {0.0f, 0.0f, -0.03f};
  return {0.0f, 0.0f, -0.03f};
}

/// 0 fleshy .. 1 tendon, from the sheet coordinates and the rest position of the mid-surface point.
float tendonAt(const MuscleSpec& m, float u, float v, glm::vec3 p) {
  float t = 0.0f;
  if (m.name.starts_with("trapezius")) {
    // The diamond-shaped aponeurosis over C7-T1, shared by both sides.
    float diamond = std::abs(p.x) / 0.038f + std::abs(p.y - 1.497f) / 0.065f;
    t = std::max(t, smoothstep(1.0f, 0.75f, diamond));
    t = std::max(t, 0.8f * smoothstep(0.93f, 1.0f, v));
    if (m.part == scene::MusclePart::Descending) t = std::max(t, smoothstep(0.12f, 0.0f, v) * smoothstep(0.45f, 0.2f, u));
    if (m.part == scene::MusclePart::Ascending) t = std::max(t, smoothstep(0.80f, 0.95f, v));
    t = std::max(t, 0.6f * smoothstep(0.05f, 0.0f, v));
  } else if (m.name.starts_with("rhomboid")) {
    t = std::max(smoothstep(0.14f, 0.02f, v), 0.5f * smoothstep(0.95f, 1.0f, v));
  } else if (m.kind == scene::MuscleKind::NuchalLigament || m.kind == scene::MuscleKind::ThoracolumbarFascia) {
    t = 1.0f;
  } else if (m.column) {
    // The columns arise and insert by many short tendons; their ends are tendinous, the belly fleshy.
    t = std::max(0.6f * smoothstep(0.06f, 0.0f, v), 0.6f * smoothstep(0.94f, 1.0f, v));
  } else if (m.name == "latissimus_dorsi") {
    // Thoracolumbar aponeurosis: medial to a line from ~3 cm beside T9 to ~9 cm beside L3 and the crest.
    float y = p.y;
    float edge = y > 1.262f ? 0.02f + 0.01f * smoothstep(1.32f, 1.262f, y)
                            : (y > 1.10f ? 0.03f + 0.06f * (1.262f - y) / 0.162f : 0.09f + 0.6f * (1.10f - y));
    t = smoothstep(edge + 0.012f, edge - 0.006f, std::abs(p.x));
    t = std::max(t, smoothstep(0.86f, 0.97f, v));
  } else {
    t = smoothstep(0.86f, 0.98f, v);
  }
  return std::clamp(t, 0.0f, 1.0f);
}

/// Pushes a sheet's mid-surface (nu x nv grid) deeper wherever its outer face, sampled at the grid points,
/// the quad centres and the edge midpoints, would come closer than kSkinMargin to the skin, and lifts it
/// where it lies deeper than kMaxDepth. Neighbouring
/// fibres that meet across a crease of the skin (the armpit) otherwise span it with faces that cut through.
/// `normalOf(i, j)`: the sheet's normal at a grid point of the current mid-surface.
void keepInsideSkin(const BodyField& body, const std::function<glm::vec3(int, int)>& normalOf,
                    std::vector<glm::vec3>& mid, int nu, int nv, const std::function<float(float, float)>& thickness,
                    float kMaxDepth, float liftUntilV = 2.0f) {
  constexpr float kSkinMargin = 0.0015f;
  const std::size_t count = mid.size();
  std::vector<glm::vec3> normal(count), outer(count);
  std::vector<float> push(count);
  std::vector<glm::vec3> lift(count);
  const DistanceField skinField = [&](glm::vec3 p) { return body.distance(p); };
  auto skinNormal = [&](glm::vec3 p) { return fieldNormal(skinField, p); };
  for (int round = 0; round < 8; ++round) {
    parallelFor(nu, [&](int i) {
      for (int j = 0; j < nv; ++j) {
        std::size_t k = static_cast<std::size_t>(i) * nv + j;
        normal[k] = normalOf(i, j);
        lift[k] = glm::vec3(0.0f);
        float t = thickness(static_cast<float>(i) / (nu - 1), static_cast<float>(j) / (nv - 1));
        outer[k] = mid[k] + normal[k] * (0.5f * t);
        float depth = -body.distance(mid[k]);
        push[k] = std::max(0.0f, body.distance(outer[k]) + kSkinMargin);
        // Tendons pulled toward an insertion deep on the humerus may not sink out of sight. The sheet's own
        // field may be the trunk's while the point lies in the arm, so they are lifted along the skin's.
        // (Not the last part of a tendon that reaches its bone on the humerus.)
        if (push[k] == 0.0f && depth > kMaxDepth && static_cast<float>(j) / (nv - 1) < liftUntilV)
          lift[k] = skinNormal(mid[k]) * (depth - kMaxDepth);
      }
    });
    // Each quad's worst sample deepens its four corners; rows are split by thread so writes stay private.
    std::vector<float> quad(static_cast<std::size_t>(nu - 1) * (nv - 1), 0.0f);
    parallelFor(nu - 1, [&](int i) {
      for (int j = 0; j + 1 < nv; ++j) {
        std::size_t a = static_cast<std::size_t>(i) * nv + j, b = a + nv, c = b + 1, d = a + 1;
        const glm::vec3 samples[5] = {0.25f * (outer[a] + outer[b] + outer[c] + outer[d]), 0.5f * (outer[a] + outer[b]),
                                      0.5f * (outer[b] + outer[c]), 0.5f * (outer[c] + outer[d]),
                                      0.5f * (outer[d] + outer[a])};
        float worst = 0.0f;
        for (const glm::vec3& p : samples) worst = std::max(worst, body.distance(p) + kSkinMargin);
        quad[static_cast<std::size_t>(i) * (nv - 1) + j] = worst;
      }
    });
    bool moved = false;
    for (int i = 0; i < nu; ++i) {
      for (int j = 0; j < nv; ++j) {
        std::size_t k = static_cast<std::size_t>(i) * nv + j;
        float p = push[k];
        for (int di = -1; di <= 0; ++di) {
          for (int dj = -1; dj <= 0; ++dj) {
            int qi = i + di, qj = j + dj;
            if (qi >= 0 && qj >= 0 && qi < nu - 1 && qj < nv - 1) p = std::max(p, quad[static_cast<std::size_t>(qi) * (nv - 1) + qj]);
          }
        }
        if (p > 0.0f) {
          // A little extra so the next round does not stop a hair short.
          mid[k] -= normal[k] * (p + 0.0002f);
          moved = true;
        } else if (lift[k] != glm::vec3(0.0f)) {
          mid[k] += lift[k];
          moved = true;
        }
      }
    }
    if (!moved) break;
  }
}

/// Distance along the ray to the nearest (or, with `farthest`, the farthest) face of the meshes within maxT, or a
/// negative number.
float hitAlong(const std::vector<const TissueMesh*>& meshes, glm::vec3 origin, glm::vec3 dir, float maxT,
               bool farthest) {
  float best = -1.0f;
  for (const TissueMesh* m : meshes) {
    for (std::size_t f = 0; f < m->indices.size(); f += 3) {
      const glm::vec3 &a = m->positions[m->indices[f]], &b = m->positions[m->indices[f + 1]],
                      &c = m->positions[m->indices[f + 2]];
      // Cheap reject: the face lies wholly beyond the ray's reach.
      const glm::vec3 lo = glm::min(a, glm::min(b, c)) - glm::vec3(maxT), hi = glm::max(a, glm::max(b, c)) + glm::vec3(maxT);
      if (glm::any(glm::lessThan(origin, lo)) || glm::any(glm::greaterThan(origin, hi))) continue;
      const auto t = scene::intersectTriangle(origin, dir, a, b, c);
      if (!t || *t > maxT) continue;
      if (farthest ? *t > best : (best < 0.0f || *t < best)) best = *t;
    }
  }
  return best;
}
float nearestHit(const std::vector<const TissueMesh*>& meshes, glm::vec3 origin, glm::vec3 dir, float maxT) {
  return hitAlong(meshes, origin, dir, maxT, false);
}
float farthestHit(const std::vector<const TissueMesh*>& meshes, glm::vec3 origin, glm::vec3 dir, float maxT) {
  return hitAlong(meshes, origin, dir, maxT, true);
}

/// The mid-surface's quads (a flag each) that turn the other way round the sheet's normal than most do;
/// `normals` holds normalOf(i, j) for quad (i, j), row i * (nv - 1) + j.
std::vector<char> foldedQuads(const std::vector<glm::vec3>& mid, int nu, int nv, const std::vector<glm::vec3>& normals) {
  auto at = [&](int i, int j) { return mid[static_cast<std::size_t>(i) * nv + j]; };
  std::vector<float> turn(static_cast<std::size_t>(nu - 1) * (nv - 1));
  double sum = 0.0;
  for (int i = 0; i + 1 < nu; ++i) {
    for (int j = 0; j + 1 < nv; ++j) {
      const glm::vec3 a = at(i, j), b = at(i + 1, j), c = at(i + 1, j + 1), d = at(i, j + 1);
      const glm::vec3 n = normals[static_cast<std::size_t>(i) * (nv - 1) + j];
      // The smallest of the four corners' turns (a folded quad has at least one corner the wrong way).
      const float t = std::min({glm::dot(glm::cross(b - a, d - a), n), glm::dot(glm::cross(c - b, a - b), n),
                                glm::dot(glm::cross(d - c, b - c), n), glm::dot(glm::cross(a - d, c - d), n)});
      const float mean = glm::dot(glm::cross(c - a, d - b), n);
      turn[static_cast<std::size_t>(i) * (nv - 1) + j] = std::abs(mean) > std::abs(t) ? (mean > 0.0f ? t : -t) : t;
      sum += mean;
    }
  }
  std::vector<char> folded(turn.size(), 0);
  for (std::size_t q = 0; q < turn.size(); ++q) folded[q] = (sum >= 0.0 ? turn[q] : -turn[q]) <= 0.0f;
  return folded;
}

/// Relaxes the grid round folded quads (see loftMuscle) in rows firstRow to rows - 1; rows 0 and nv - 1 stay
/// where they are.
void untangleGrid(std::vector<glm::vec3>& mid, int nu, int nv, const std::function<glm::vec3(int, int)>& normalOf,
                  int firstRow, int rows) {
  auto at = [&](int i, int j) -> glm::vec3& { return mid[static_cast<std::size_t>(i) * nv + j]; };
  // normalOf(i, j) reads the grid point (i, j) and its four neighbours only: a quad's normal is taken again
  // only after one of those moved (on the worker threads, each quad into its own slot), so every round sees
  // the same normals as if all were taken afresh.
  std::vector<glm::vec3> normals(static_cast<std::size_t>(nu - 1) * (nv - 1));
  std::vector<char> stale(normals.size(), 1);
  for (int round = 0; round < 60; ++round) {
    parallelFor(nu - 1, [&](int i) {
      for (int j = 0; j + 1 < nv; ++j) {
        const std::size_t q = static_cast<std::size_t>(i) * (nv - 1) + j;
        if (!stale[q]) continue;
        normals[q] = normalOf(i, j);
        stale[q] = 0;
      }
    });
    const std::vector<char> folded = foldedQuads(mid, nu, nv, normals);
    std::vector<char> mark(mid.size(), 0);
    bool any = false;
    for (int i = 0; i + 1 < nu; ++i) {
      for (int j = firstRow; j + 1 < std::min(nv, rows); ++j) {
        if (!folded[static_cast<std::size_t>(i) * (nv - 1) + j]) continue;
        any = true;
        for (int a = std::max(0, i - 1); a <= std::min(nu - 1, i + 2); ++a)
          for (int b = std::max(0, j - 1); b <= std::min(nv - 1, j + 2); ++b) mark[static_cast<std::size_t>(a) * nv + b] = 1;
      }
    }
    if (!any) return;
    std::vector<glm::vec3> next = mid;
    for (int i = 0; i < nu; ++i) {
      for (int j = std::max(1, firstRow); j + 1 < std::min(nv, rows); ++j) {
        if (!mark[static_cast<std::size_t>(i) * nv + j]) continue;
        glm::vec3 sum = at(i, j - 1) + at(i, j + 1);
        float n = 2.0f;
        if (i > 0) sum += at(i - 1, j), n += 1.0f;
        if (i + 1 < nu) sum += at(i + 1, j), n += 1.0f;
        next[static_cast<std::size_t>(i) * nv + j] = 0.5f * at(i, j) + 0.5f * sum / n;
      }
    }
    mid.swap(next);
    for (int i = 0; i < nu; ++i) {
      for (int j = 0; j < nv; ++j) {
        const std::size_t v = static_cast<std::size_t>(i) * nv + j;
        if (std::memcmp(&mid[v], &next[v], sizeof(glm::vec3)) == 0) continue;
        const int around[5][2] = {{i, j}, {i - 1, j}, {i + 1, j}, {i, j - 1}, {i, j + 1}};
        for (const auto& q : around)
          if (q[0] >= 0 && q[1] >= 0 && q[0] + 1 < nu && q[1] + 1 < nv)
            stale[static_cast<std::size_t>(q[0]) * (nv - 1) + q[1]] = 1;
      }
    }
  }
}

/// `beneath`: the built sheets named in `spec.over` (same side), which this one's inner face keeps above.
TissueMesh loftMuscle(const MuscleSpec& spec, const BodyField& body, const std::vector<const TissueMesh*>& beneath = {}) {
  // The deltoid wraps the shoulder cap and arm; every other muscle lies on the trunk.
  const bool onArm = spec.name == "deltoid";
  const bool chestWall = spec.kind == scene::MuscleKind::LatissimusDorsi;
  const bool midline = !scene::muscleInfo(spec.kind).paired;
  const bool connective = scene::muscleInfo(spec.kind).tissue == scene::TissueKind::Tendon;
  const bool humeralTendon = spec.kind == scene::MuscleKind::LatissimusDorsi ||
                             spec.kind == scene::MuscleKind::PectoralisMajor || spec.kind == scene::MuscleKind::TeresMajor ||
                             spec.kind == scene::MuscleKind::Deltoid;
  const DistanceField field = [&](glm::vec3 p) {
    return onArm ? body.distance(p) : (chestWall ? body.chestWallDistance(p) : body.trunkDistance(p));
  };
  const std::vector<glm::vec3> origin = polyline(spec.origin, midline);
  const std::vector<glm::vec3> insertion = polyline(spec.insertion, midline);
  float fibreLen = 0.0f;
  for (int k = 0; k <= 4; ++k) fibreLen += 0.2f * glm::distance(sampleArc(origin, k / 4.0f), sampleArc(insertion, k / 4.0f));
  // A column's borders run along its fibres: the sheet is as long as they are and as wide as they lie apart.
  const float acrossLen = spec.column ? fibreLen : std::max(length(origin), length(insertion));
  const float alongLen = spec.column ? std::max(length(origin), length(insertion)) : fibreLen;
  const float spacing = spec.spacing > 0.0f ? spec.spacing : kSpacing;
  const int nu = std::clamp(static_cast<int>(acrossLen / spacing) + 1, spec.column ? 6 : 12, 120);
  const int nv = std::clamp(static_cast<int>(alongLen / spacing) + 1, 12, spec.column ? 120 : 80);
  // The straight line a fibre starts from, before it is laid on its depth.
  auto chordAt = [&](float u, float v) {
    if (spec.column) return glm::mix(sampleArc(origin, v), sampleArc(insertion, v), u);
    return glm::mix(sampleArc(origin, u), sampleArc(insertion, spec.twisted ? 1.0f - u : u), v);
  };
  // Full belly thickness along the fibres (columns thicken toward the lumbar region).
  auto fullThickness = [&](float v) {
    if (spec.thicknessAlong.size() != origin.size() || origin.size() < 2) return spec.thickness;
    float target = v * length(origin), walked = 0.0f;
    for (std::size_t k = 1; k < origin.size(); ++k) {
      float seg = glm::distance(origin[k - 1], origin[k]);
      if (target <= walked + seg || k + 1 == origin.size()) {
        float f = seg > 0.0f ? std::clamp((target - walked) / seg, 0.0f, 1.0f) : 0.0f;
        return glm::mix(spec.thicknessAlong[k - 1], spec.thicknessAlong[k], f);
      }
      walked += seg;
    }
    return spec.thicknessAlong.back();
  };
  // Depth under the skin of the deepest landmark the sheet passes over (its fossa).
  float guideDepth = 0.0f;
  for (const std::string& id : spec.guides) guideDepth = std::max(guideDepth, -field(restLandmark(id)));
  // Shallowest outer face at a point: the layer's, deeper where the rhomboids lie over the sheet.
  auto minOuter = [&](glm::vec3 p) {
    float under = spec.underRhomboids * smoothstep(spec.underRhomboidsY.x - 0.02f, spec.underRhomboidsY.x + 0.02f, p.y) *
                  smoothstep(spec.underRhomboidsY.y + 0.02f, spec.underRhomboidsY.y - 0.02f, p.y);
    return std::max(spec.layer.outer, under);
  };
  const float midDepth = 0.5f * (spec.layer.outer + spec.layer.inner);
  // Depth of the mid-surface along the fibres: the layer's, or sinking toward a deep insertion.
  auto depthAt = [&](float v) {
    if (spec.insertionDepth <= 0.0f) return midDepth;
    return midDepth + (spec.insertionDepth - midDepth) * smoothstep(0.45f, 1.0f, v);
  };
  // The deltoid's tuberosity lies on the humeral shaft, near the arm's axis, where the direction to the
  // nearest skin is ill-defined; its fibres aim at the shaft's outer face, so they converge on the tuberosity
  // instead of spreading round the arm.
  glm::vec3 insertionShift{0.0f};
  if (onArm) {
    glm::vec3 armDir = glm::normalize(restLandmark("DT_APEX_L") - restLandmark("GH_CENTRE_L"));
    insertionShift = glm::normalize(glm::cross(glm::vec3(0.0f, 0.0f, 1.0f), armDir)) * 0.007f;
    if (insertionShift.x < 0.0f) insertionShift = -insertionShift;
  }

  // Mid-surface on the layer's level set, then pulled toward the attachment landmarks at both ends.
  std::vector<glm::vec3> mid(static_cast<std::size_t>(nu) * nv);
  // Depth of the mid-surface and full thickness at each grid point.
  std::vector<float> depthGrid(mid.size()), thickGrid(mid.size());
  auto at = [&](int i, int j) -> glm::vec3& { return mid[static_cast<std::size_t>(i) * nv + j]; };
  parallelFor(nu, [&](int i) {
    float u = static_cast<float>(i) / (nu - 1);
    // A twisted sheet lies untwisted in its bed (its fibres paired with the insertion reversed) and turns over
    // in its free end.
    glm::vec3 o = sampleArc(origin, u), e = sampleArc(insertion, spec.twisted ? 1.0f - u : u) + insertionShift;
    for (int j = 0; j < nv; ++j) {
      float v = static_cast<float>(j) / (nv - 1);
      std::size_t k = static_cast<std::size_t>(i) * nv + j;
      glm::vec3 chord = spec.column ? chordAt(u, v) : glm::mix(o, e, v);
      float full = fullThickness(v), depth = depthAt(v);
      const bool chordBed = spec.bed == MuscleBed::Chord;
      if (spec.bed == MuscleBed::OnBone || chordBed) {
        // The bone under the fibre, from the depths of its two attachments and, in between, no shallower
        // than the fossa or ribs it passes over (its guides); the inner face lies on it.
        float bone = chordBed ? -field(chord)
                              : std::max(glm::mix(-field(o), -field(e), v), guideDepth * std::sqrt(std::sin(core::kPi * v)));
        float outer = std::max(minOuter(chord), bone - full);
        // Where the bone lies shallower than the layers over the muscle allow, the muscle keeps half its
        // thickness (it overlaps the figure's bone there rather than vanish).
        full = std::max(bone - outer, 0.5f * full);
        depth = outer + 0.5f * full;
      } else if (spec.bed == MuscleBed::Surface) {
        float surface = -field(chord);
        depth = std::max(minOuter(chord), surface) + 0.5f * full;
      } else {
        depth = std::max(depth, minOuter(chord) + 0.5f * full);
      }
      depthGrid[k] = depth;
      thickGrid[k] = full;
      if (midline) {
        at(i, j) = chord;
        continue;
      }
      if (chordBed) {
        // Lifted off the line toward the skin by the depth it lost (the inner face stays on the bone).
        at(i, j) = chord + fieldNormal(field, chord) * (-field(chord) - depth);
        continue;
      }
      glm::vec3 start = chord + fibreBias(spec, chord, u) * std::sin(core::kPi * v);
      at(i, j) = projectToLevel(field, start, -depth, 10);
    }
  });
  // Two rounds of smoothing across the grid and back onto the level set remove kinks where the nearest
  // surface point jumps (neck-shoulder angle, armpit).
  for (int round = 0; round < (midline || spec.bed == MuscleBed::Chord ? 0 : 3); ++round) {
    std::vector<glm::vec3> smooth = mid;
    for (int i = 1; i + 1 < nu; ++i) {
      for (int j = 1; j + 1 < nv; ++j) {
        smooth[static_cast<std::size_t>(i) * nv + j] =
            0.5f * at(i, j) + 0.125f * (at(i - 1, j) + at(i + 1, j) + at(i, j - 1) + at(i, j + 1));
      }
    }
    mid = smooth;
    parallelFor(nu, [&](int i) {
      for (int j = 0; j < nv; ++j) {
        at(i, j) = projectToLevel(field, at(i, j), -depthGrid[static_cast<std::size_t>(i) * nv + j], 3);
      }
    });
  }
  for (int i = 0; i < (spec.column || midline ? 0 : nu); ++i) {
    float u = static_cast<float>(i) / (nu - 1);
    glm::vec3 o = sampleArc(origin, u), e = sampleArc(insertion, spec.twisted ? 1.0f - u : u);
    // An end held tight on bone is spread half a fibre past its first and last landmarks: the sheet's corner
    // vertices carry no face, so the landmarks then lie on its surface between the first two fibres.
    const float beyond = (u - 0.5f) * (1.0f + 1.0f / (nu - 1)) + 0.5f;
    if (spec.originReach > 0.0f) o = sampleArcBeyond(origin, beyond);
    auto reach = [](glm::vec3 landmarkPos, glm::vec3 end, float within) {
      glm::vec3 d = end - landmarkPos;
      float l = glm::length(d);
      return l > within ? landmarkPos + d * (within / l) : end;
    };
    // Sheet ends lie no further than 1.7 cm from their bony attachment. The deltoid's fibres converge on
    // the tuberosity over their distal half, so the muscle narrows to its V-shaped insertion.
    constexpr float kReach = 0.017f;
    // The latissimus, pectoralis and teres major tendons reach the floor and lips of the intertubercular groove.
    // The deltoid's fibres aim at the shaft's outer face (insertionShift) and then reach the tuberosity itself.
    const float insertionReach =
        spec.insertionReach > 0.0f ? spec.insertionReach : onArm ? 0.0015f : humeralTendon ? 0.0015f : kReach;
    const float originReach = spec.originReach > 0.0f ? spec.originReach : kReach;
    if (insertionReach < kReach) e = sampleArcBeyond(insertion, spec.twisted ? 1.0f - beyond : beyond);
    const float convergeFrom = onArm ? 0.35f : 0.75f;
    glm::vec3 shiftO = reach(o, at(i, 0), originReach) - at(i, 0);
    glm::vec3 shiftE = reach(e, at(i, nv - 1), insertionReach) - at(i, nv - 1);
    for (int j = 0; j < nv; ++j) {
      float v = static_cast<float>(j) / (nv - 1);
      // An origin held tight on bone is reached over the first tenth of the fibres only, so the sheet keeps its
      // layer (the trapezius over the splenius) until just before the skull.
      const float originFrom = spec.originReach > 0.0f ? 0.1f : 0.25f;
      at(i, j) += shiftO * smoothstep(originFrom, 0.0f, v) + shiftE * smoothstep(convergeFrom, 1.0f, v);
    }
  }

  // A free end leaves its bed where `freeFrom` says: each fibre runs on from that row to its (pulled) insertion
  // along a cubic that starts in the bed's direction and arrives straight, instead of being pressed onto the
  // bed where neighbouring fibres converge steeply; a twisted sheet turns over on the way.
  const bool freeEnd = spec.freeFrom > 0.0f && !midline && !spec.column;
  const int freeRow = freeEnd ? std::clamp(static_cast<int>(std::lround(spec.freeFrom * (nv - 1))), 2, nv - 2) : nv;
  if (freeEnd && !spec.twisted) {
    const int span = nv - 1 - freeRow;
    for (int i = 0; i < nu; ++i) {
      const glm::vec3 p0 = at(i, freeRow), p1 = at(i, nv - 1);
      // Tangents per unit of the curve's parameter: half the bed's, so the curve does not overshoot.
      const glm::vec3 m0 = 0.5f * (at(i, freeRow) - at(i, freeRow - 1)) * static_cast<float>(span);
      const glm::vec3 m1 = p1 - p0;
      for (int j = freeRow + 1; j < nv - 1; ++j) {
        const float s = static_cast<float>(j - freeRow) / span;
        at(i, j) = hermite(p0, m0, p1, m1, s);
      }
    }
  } else if (freeEnd) {
    // The twisted ribbon: each fibre runs on from the row where the sheet leaves its bed along a cubic to the
    // end of the untwisted bed, and over the last part the rows turn half round the line through their middles
    // (the last fibre, u = 1, passing deep), which lays the row on the insertion in its true order. The middle
    // sinks by half the turned half-width, so the ribbon standing on edge stays under the skin and off the
    // ribs as far as it can.
    const int span = nv - 1 - freeRow;
    std::vector<glm::vec3> start(static_cast<std::size_t>(nu)), end(static_cast<std::size_t>(nu));
    for (int i = 0; i < nu; ++i) start[i] = at(i, freeRow), end[i] = at(i, nv - 1);
    std::vector<glm::vec3> row(static_cast<std::size_t>(nu));
    std::vector<std::vector<glm::vec3>> rows(static_cast<std::size_t>(span + 1));
    std::vector<glm::vec3> centre(rows.size(), glm::vec3(0.0f));
    for (int k = 0; k <= span; ++k) {
      const float s = static_cast<float>(k) / span;
      rows[k].resize(static_cast<std::size_t>(nu));
      for (int i = 0; i < nu; ++i) {
        // A quarter of the bed's tangent: more lets the fibres overshoot the line to the insertion.
        const glm::vec3 m0 = 0.25f * (at(i, freeRow) - at(i, freeRow - 1)) * static_cast<float>(span);
        rows[k][i] = hermite(start[i], m0, end[i], end[i] - start[i], s);
        centre[k] += rows[k][i] / static_cast<float>(nu);
      }
    }
    const glm::vec3 a0 = end[nu - 1] - end[0];
    const glm::vec3 t1 = glm::normalize(centre[span] - centre[std::max(0, span - 1)]);
    const float sense = glm::dot(glm::cross(t1, a0), fieldNormal(field, centre[span])) > 0.0f ? -1.0f : 1.0f;
    for (int k = 1; k <= span; ++k) {
      const float s = static_cast<float>(k) / span;
      const float angle = sense * core::kPi * smoothstep(0.3f, 1.0f, s);
      const glm::vec3 d = centre[std::min(k + 1, span)] - centre[k - 1];
      const glm::vec3 t = glm::length(d) > 1e-9f ? glm::normalize(d) : t1;
      float half = 0.0f;
      for (int i = 0; i < nu; ++i) half = std::max(half, glm::length(rows[k][i] - centre[k]));
      const glm::vec3 sink = -fieldNormal(field, centre[k]) * (0.5f * half * std::abs(std::sin(angle)));
      const float c = std::cos(angle), sn = std::sin(angle);
      for (int i = 0; i < nu; ++i) {
        const glm::vec3 r = rows[k][i] - centre[k];
        // Rodrigues' rotation about t.
        const glm::vec3 turned = r * c + glm::cross(t, r) * sn + t * glm::dot(t, r) * (1.0f - c);
        glm::vec3 p = centre[k] + sink + turned;
        // The last rows settle on the insertion in its true order.
        if (k == span) p = end[nu - 1 - i];
        at(i, freeRow + k) = p;
      }
    }
  }
  // The sheet's own normal from its grid (oriented as the bed's normal where it leaves the bed), and the normal
  // the sheet is thickened along: the bed's, turning into its own over the free ribbon.
  const float ownSign = [&] {
    if (!freeEnd) return 1.0f;
    const int i = nu / 2, j = std::max(1, freeRow - 1);
    const glm::vec3 own = glm::cross(at(i + 1, j) - at(i - 1, j), at(i, j + 1) - at(i, j - 1));
    return glm::dot(own, fieldNormal(field, at(i, j))) < 0.0f ? -1.0f : 1.0f;
  }();
  auto normalOf = [&](int i, int j) -> glm::vec3 {
    if (midline) return {1.0f, 0.0f, 0.0f};
    const glm::vec3 bed = fieldNormal(field, at(i, j));
    if (!freeEnd || j < freeRow - 2) return bed;
    const int i0 = std::max(i - 1, 0), i1 = std::min(i + 1, nu - 1), j0 = std::max(j - 1, 0), j1 = std::min(j + 1, nv - 1);
    glm::vec3 own = ownSign * glm::cross(at(i1, j) - at(i0, j), at(i, j1) - at(i, j0));
    if (glm::length(own) < 1e-12f) return bed;
    own = glm::normalize(own);
    const float w = smoothstep(static_cast<float>(freeRow - 2), static_cast<float>(freeRow + 1), static_cast<float>(j));
    const glm::vec3 n = glm::mix(bed, own, w);
    return glm::length(n) > 1e-6f ? glm::normalize(n) : own;
  };

  // Where the bed has folded the grid (neighbouring fibres laid across each other where the sheet wraps the
  // axilla, or bunched along a border), the folded quads and their neighbours are relaxed toward the mean of
  // their neighbours until every quad of the mid-surface turns the same way round its normal. The ends stay on
  // their attachments.
  if (freeEnd) untangleGrid(mid, nu, nv, normalOf, nv / 2, spec.twisted ? nv : freeRow + 1);

  // Lens profile: full thickness in the belly, thinning to the rim; tendons are thin and flat.
  auto lensThickness = [&](float u, float v) {
    // The deltoid's front border is a rounded belly; its back part thins toward the spine of the scapula,
    // where it arises by a flat aponeurosis.
    float across = std::pow(std::max(0.0f, std::sin(core::kPi * u)), onArm ? 0.2f + 0.6f * u * u : 0.35f);
    // The deltoid is thickest over the humeral head and tapers along its distal half into the tendon.
    float along = std::pow(std::max(0.0f, std::sin(core::kPi * (onArm ? std::pow(v, 0.75f) : v))), 0.45f);
    int i = std::clamp(static_cast<int>(std::lround(u * (nu - 1))), 0, nu - 1);
    int j = std::clamp(static_cast<int>(std::lround(v * (nv - 1))), 0, nv - 1);
    return thickGrid[static_cast<std::size_t>(i) * nv + j] * across * along;
  };
  // Sheets on bone lie as deep as their bone; only the superficial ones are kept within reach of the skin.
  if (!midline)
    keepInsideSkin(body, normalOf, mid, nu, nv, lensThickness, spec.bed == MuscleBed::Layer ? 0.0285f : 1.0f,
                   humeralTendon ? 0.85f : 2.0f);

  // Fibre coordinates: u adds up the distance between neighbouring fibres (its median along their length,
  // which a fan's wide end does not dominate), so bands of constant u follow the fibres at their typical
  // spacing.
  std::vector<float> across(static_cast<std::size_t>(nu), 0.0f);
  std::vector<float> gaps(static_cast<std::size_t>(nv));
  for (int i = 1; i < nu; ++i) {
    for (int j = 0; j < nv; ++j) {
      // Only the part across the fibre: neighbouring rows are sheared along it where the fibres fan out.
      glm::vec3 fibre = glm::normalize(at(i, std::min(j + 1, nv - 1)) - at(i, std::max(j - 1, 0)));
      glm::vec3 gap = at(i, j) - at(i - 1, j);
      gaps[j] = glm::length(gap - fibre * glm::dot(gap, fibre));
    }
    std::nth_element(gaps.begin(), gaps.begin() + nv / 2, gaps.end());
    across[i] = across[i - 1] + gaps[nv / 2];
  }

  TissueMesh mesh;
  mesh.name = spec.name;
  mesh.tissue = Tissue::Muscle;
  const std::size_t outerCount = static_cast<std::size_t>(nu) * nv;
  auto boundary = [&](int i, int j) { return i == 0 || j == 0 || i == nu - 1 || j == nv - 1; };
  auto innerIndex = [&](int i, int j) -> std::uint32_t {
    if (boundary(i, j)) return static_cast<std::uint32_t>(static_cast<std::size_t>(i) * nv + j);
    return static_cast<std::uint32_t>(outerCount + static_cast<std::size_t>(i - 1) * (nv - 2) + (j - 1));
  };
  mesh.positions.resize(outerCount + static_cast<std::size_t>(nu - 2) * (nv - 2));
  mesh.fibres.resize(mesh.positions.size());
  mesh.tendon.resize(mesh.positions.size());
  mesh.texcoords.resize(mesh.positions.size());
  // Normal and thickness of the sheet at each grid point.
  auto sheetNormal = [&](int i, int j) { return normalOf(i, j); };
  auto sheetThickness = [&](int i, int j) {
    const float u = static_cast<float>(i) / (nu - 1), v = static_cast<float>(j) / (nv - 1);
    const glm::vec3 p = at(i, j);
    // Tendons are thinner than the belly; a ligament or fascia keeps its own thickness.
    float t = lensThickness(u, v) * (1.0f - (connective ? 0.0f : 0.7f) * tendonAt(spec, u, v, p));
    // The deltoid sinks toward a tuberosity 3.5 cm under the skin: it thins as it dives so its inner face
    // stays within 2.85 cm of the surface, down to a 1 mm tendon on the bone.
    if (onArm) t = std::min(t, std::max(0.001f, 2.0f * (kMaxInnerDepth + body.distance(p))));
    return t;
  };
  // A sheet over others without a swell (the deltoid over the cuff) is lifted wherever its outer face, or its
  // rim, lies under or inside one of them, to kOverGap above their outer face (plus 0.5 mm of sheet off the
  // rim), but no closer than 1.5 mm to the skin. Each point takes the largest lift of its neighbours too, so
  // the faces between the points clear the sheet beneath as well.
  std::vector<float> lifts(mid.size(), 0.0f);
  if (!beneath.empty() && spec.swells.empty()) {
    std::vector<float> own(mid.size(), 0.0f);
    parallelFor(nu, [&](int i) {
      for (int j = 0; j < nv; ++j) {
        const glm::vec3 n = sheetNormal(i, j), outerPt = at(i, j) + n * (0.5f * sheetThickness(i, j));
        const float up = farthestHit(beneath, outerPt, n, 0.03f);
        const float keep = boundary(i, j) ? kOverGap : kOverGap + 0.0005f;
        const float down = up > 0.0f ? -1.0f : nearestHit(beneath, outerPt, -n, keep);
        if (up > 0.0f || down > 0.0f) {
          const float room = std::max(0.0f, -body.distance(outerPt) - 0.0015f);
          own[static_cast<std::size_t>(i) * nv + j] = std::min(up > 0.0f ? up + keep : keep - down, room);
        }
      }
    });
    for (int i = 0; i < nu; ++i) {
      for (int j = 0; j < nv; ++j) {
        float l = 0.0f;
        for (int a = std::max(0, i - 1); a <= std::min(nu - 1, i + 1); ++a)
          for (int b = std::max(0, j - 1); b <= std::min(nv - 1, j + 1); ++b) l = std::max(l, own[static_cast<std::size_t>(a) * nv + b]);
        const glm::vec3 outerPt = at(i, j) + sheetNormal(i, j) * (0.5f * sheetThickness(i, j));
        lifts[static_cast<std::size_t>(i) * nv + j] = std::min(l, std::max(0.0f, -body.distance(outerPt) - 0.0015f));
      }
    }
  }
  for (int i = 0; i < nu; ++i) {
    float u = static_cast<float>(i) / (nu - 1);
    for (int j = 0; j < nv; ++j) {
      float v = static_cast<float>(j) / (nv - 1);
      glm::vec3 p = at(i, j);
      glm::vec3 n = sheetNormal(i, j);
      glm::vec3 step = at(i, std::min(j + 1, nv - 1)) - at(i, std::max(j - 1, 0));
      glm::vec3 fibre = glm::length(step) > 1e-7f ? glm::normalize(step) : glm::vec3(0.0f, -1.0f, 0.0f);
      float tendon = tendonAt(spec, u, v, p);
      float t = sheetThickness(i, j);
      glm::vec2 uv{across[i], v};
      std::size_t o = static_cast<std::size_t>(i) * nv + j;
      glm::vec3 outerPt = p + n * (0.5f * t + lifts[o]), innerPt = p - n * (0.5f * t - lifts[o]);
      if (!boundary(i, j)) {
        // A swell thickens the sheet toward its figure, tapering to the rim; the outer face rises first (to
        // 3 mm under the skin), the rest goes inward.
        float w = 0.0f, swellT = 0.0f;
        for (const MuscleSpec::Swell& s : spec.swells) {
          float ws = smoothstep(s.radius, 0.3f * s.radius, glm::distance(p, restLandmark(s.landmark)));
          if (ws > w) w = ws, swellT = s.thickness;
        }
        // The rim stays closed: full swell from the third row in (the fold is the sheet's rolled border).
        w *= std::min({1.0f, i / 2.5f, (nu - 1 - i) / 2.5f, j / 2.5f, (nv - 1 - j) / 2.5f});
        if (w > 0.0f && swellT > t) {
          const float extra = w * (swellT - t);
          const float rise = std::min(extra, std::max(0.0f, -body.distance(outerPt) - 0.003f));
          outerPt += n * rise;
          innerPt -= n * (extra - rise);
        }
        // The inner face keeps kOverGap above the sheets this one lies over (between its vertices the faces
        // of the two sheets bend apart by up to a millimetre).
        if (!beneath.empty() && (spec.swells.empty() || w > 0.0f)) {
          const float thick = glm::distance(outerPt, innerPt);
          // A swell only thickens; 1.5 mm off the sheet beneath is enough there.
          const float gap = spec.swells.empty() ? kOverGap : 0.0015f;
          const float h = nearestHit(beneath, outerPt, -n, thick + gap);
          if (h > 0.0f) innerPt = outerPt - n * std::max(h - gap, 0.0005f);
        }
      }
      mesh.positions[o] = outerPt;
      mesh.fibres[o] = fibre;
      mesh.tendon[o] = tendon;
      mesh.texcoords[o] = uv;
      if (!boundary(i, j)) {
        std::uint32_t k = innerIndex(i, j);
        mesh.positions[k] = innerPt;
        mesh.fibres[k] = fibre;
        mesh.tendon[k] = tendon;
        mesh.texcoords[k] = uv;
      }
    }
  }
  // Outer faces wind counter-clockwise seen from outside (along the skin normal).
  glm::vec3 c = at(nu / 2, nv / 2);
  glm::vec3 du = at(nu / 2 + 1, nv / 2) - at(nu / 2 - 1, nv / 2);
  glm::vec3 dv = at(nu / 2, nv / 2 + 1) - at(nu / 2, nv / 2 - 1);
  bool flip = glm::dot(glm::cross(du, dv), midline ? glm::vec3(1.0f, 0.0f, 0.0f) : fieldNormal(field, c)) < 0.0f;
  for (int i = 0; i + 1 < nu; ++i) {
    for (int j = 0; j + 1 < nv; ++j) {
      std::uint32_t a = static_cast<std::uint32_t>(i * nv + j), b = static_cast<std::uint32_t>((i + 1) * nv + j),
                    cc = static_cast<std::uint32_t>((i + 1) * nv + j + 1), d = static_cast<std::uint32_t>(i * nv + j + 1);
      std::uint32_t ia = innerIndex(i, j), ib = innerIndex(i + 1, j), ic = innerIndex(i + 1, j + 1), id = innerIndex(i, j + 1);
      // Quads on the rim where three corners have zero thickness would give coinciding faces.
      auto rim = [&](std::uint32_t x, std::uint32_t y, std::uint32_t z) {
        return x < outerCount && y < outerCount && z < outerCount && boundary(x / nv, x % nv) &&
               boundary(y / nv, y % nv) && boundary(z / nv, z % nv);
      };
      std::uint32_t tri[12];
      if (!flip) {
        std::uint32_t t[12] = {a, b, cc, a, cc, d, ia, ic, ib, ia, id, ic};
        std::copy(t, t + 12, tri);
      } else {
        std::uint32_t t[12] = {a, cc, b, a, d, cc, ia, ib, ic, ia, ic, id};
        std::copy(t, t + 12, tri);
      }
      for (int k = 0; k < 12; k += 3) {
        if (!rim(tri[k], tri[k + 1], tri[k + 2])) mesh.indices.insert(mesh.indices.end(), tri + k, tri + k + 3);
      }
    }
  }
  // Area-weighted vertex normals; the rim, shared by both faces, gets a normal pointing out of the edge.
  mesh.normals.assign(mesh.positions.size(), glm::vec3(0.0f));
  for (std::size_t f = 0; f < mesh.indices.size(); f += 3) {
    std::uint32_t a = mesh.indices[f], b = mesh.indices[f + 1], cc = mesh.indices[f + 2];
    glm::vec3 n = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[cc] - mesh.positions[a]);
    mesh.normals[a] += n;
    mesh.normals[b] += n;
    mesh.normals[cc] += n;
  }
  for (std::size_t k = 0; k < mesh.normals.size(); ++k) {
    float l = glm::length(mesh.normals[k]);
    mesh.normals[k] = l > 1e-12f ? mesh.normals[k] / l : fieldNormal(field, mesh.positions[k]);
  }
  return mesh;
}

TissueMesh mirrored(const TissueMesh& left) {
  TissueMesh m = left;
  for (glm::vec3& p : m.positions) p.x = -p.x;
  for (glm::vec3& n : m.normals) n.x = -n.x;
  for (glm::vec3& f : m.fibres) f.x = -f.x;
  for (std::size_t f = 0; f < m.indices.size(); f += 3) std::swap(m.indices[f + 1], m.indices[f + 2]);
  return m;
}

}  // namespace

bool bindDeepMuscle(TissueMesh& mesh) {
  using scene::MuscleKind;
  const scene::MuscleId id = scene::recognizeMuscle(mesh.name);
  const bool cuff = id.kind == MuscleKind::Supraspinatus || id.kind == MuscleKind::Infraspinatus ||
                    id.kind == MuscleKind::TeresMinor || id.kind == MuscleKind::TeresMajor;
  const bool serratus = id.kind == MuscleKind::SerratusAnterior;
  if (mesh.tissue != Tissue::Muscle || (!cuff && !serratus) || mesh.texcoords.size() != mesh.positions.size())
    return false;
  const std::string side = id.side == scene::Side::Right ? "_R" : "_L";
  const int clavicle = jointIndex("clavicle" + side), shoulder = jointIndex("shoulder" + side);
  mesh.joints.resize(mesh.positions.size());
  mesh.weights.resize(mesh.positions.size());
  for (std::size_t i = 0; i < mesh.positions.size(); ++i) {
    const float v = mesh.texcoords[i].y;
    SkinInfluence s;
    if (cuff) {
      s.joints = glm::u8vec4(static_cast<std::uint8_t>(clavicle), 0, 0, 0);
      s.weights = glm::vec4(1.0f, 0.0f, 0.0f, 0.0f);
      // The teres muscles are stretched when the arm goes overhead; handing over late keeps the stretch in
      // their tendons.
      const bool teres = id.kind == MuscleKind::TeresMajor || id.kind == MuscleKind::TeresMinor;
      s = blendToward(s, shoulder, teres ? smoothstep(0.7f, 1.0f, v) : smoothstep(0.5f, 1.0f, v));
    } else {
      s = blendToward(axialWeights(mesh.positions[i]), clavicle, smoothstep(0.2f, 0.9f, v));
    }
    mesh.joints[i] = s.joints;
    mesh.weights[i] = s.weights;
  }
  return true;
}

void fillNames(MuscleSpec& spec) {
  const scene::MuscleId id{spec.kind, scene::Side::None, spec.part};
  spec.name = scene::meshNameOf(id);
  spec.displayName = scene::muscleDisplayName(id);
  spec.partId = spec.part == scene::MusclePart::None ? "" : std::string(scene::toString(spec.part));
}

std::vector<TissueMesh> buildMuscles(const BodyField& body) {
  // Left sheets first, those lying over others after the sheets beneath them.
  const std::vector<MuscleSpec>& specs = muscleSpecs();
  std::vector<TissueMesh> lefts(specs.size());
  std::vector<bool> built(specs.size(), false);
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t k = 0; k < specs.size(); ++k) {
      if (built[k] || (pass == 0) != specs[k].over.empty()) continue;
      std::vector<const TissueMesh*> beneath;
      for (const std::string& name : specs[k].over) {
        for (std::size_t b = 0; b < specs.size(); ++b)
          if (specs[b].name == name && built[b]) beneath.push_back(&lefts[b]);
      }
      ScopedStage stage("muscle " + specs[k].name);
      lefts[k] = loftMuscle(specs[k], body, beneath);
      built[k] = true;
    }
  }
  std::vector<TissueMesh> out;
  for (std::size_t k = 0; k < specs.size(); ++k) {
    const MuscleSpec& spec = specs[k];
    if (!scene::muscleInfo(spec.kind).paired) {
      TissueMesh m = std::move(lefts[k]);
      m.name = spec.name;
      m.extras = {{"display_name", spec.displayName}, {"side", ""},
                  {"part", spec.partId},               {"origin", spec.originText},
                  {"insertion", spec.insertionText},   {"action", spec.action},
                  {"innervation", spec.innervation},   {"blood_supply", spec.bloodSupply}};
      out.push_back(std::move(m));
      continue;
    }
    TissueMesh left = std::move(lefts[k]);
    TissueMesh right = mirrored(left);
    left.name = spec.name + "_L";
    right.name = spec.name + "_R";
    for (int side = 0; side < 2; ++side) {
      TissueMesh& m = side == 0 ? left : right;
      m.extras = {{"display_name", spec.displayName},
                  {"side", side == 0 ? "left" : "right"},
                  {"part", spec.partId},
                  {"origin", spec.originText},
                  {"insertion", spec.insertionText},
                  {"action", spec.action},
                  {"innervation", spec.innervation},
                  {"blood_supply", spec.bloodSupply}};
    }
    out.push_back(std::move(left));
    out.push_back(std::move(right));
  }
  return out;
}

}  // namespace myo::anatomy
