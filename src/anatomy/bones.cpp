// anatomy/bones.cpp: bones as blends of capsules, plates and ellipsoids placed on the landmarks, turned
// into meshes by the same polygoniser as the skin.
#include "anatomy/bones.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "anatomy/body_field.hpp"
#include "anatomy/landmarks.hpp"
#include "anatomy/sdf_util.hpp"
#include "anatomy/surface_nets.hpp"

namespace myo::anatomy {

using sdf::smin;

namespace {

const char* const kVertebrae[] = {"C1", "C2", "C3", "C4", "C5", "C6", "C7", "T1", "T2", "T3", "T4", "T5",
                                  "T6", "T7", "T8", "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5"};

/// Distance to a tube through the points, radius varying linearly from r0 to r1 along the chain.
float tube(glm::vec3 p, const std::vector<glm::vec3>& pts, float r0, float r1) {
  float d = 1e9f;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    float ta = static_cast<float>(i) / (pts.size() - 1), tb = static_cast<float>(i + 1) / (pts.size() - 1);
    d = std::min(d, sdf::roundCone(p, pts[i], pts[i + 1], r0 + (r1 - r0) * ta, r0 + (r1 - r0) * tb));
  }
  return d;
}

/// Catmull-Rom resampling, so tubes follow smooth curves rather than the polyline corners.
std::vector<glm::vec3> smoothCurve(const std::vector<glm::vec3>& p, int perSegment) {
  std::vector<glm::vec3> out;
  for (std::size_t i = 0; i + 1 < p.size(); ++i) {
    glm::vec3 p0 = p[i == 0 ? 0 : i - 1], p1 = p[i], p2 = p[i + 1], p3 = p[std::min(i + 2, p.size() - 1)];
    for (int k = 0; k < perSegment; ++k) {
      float t = static_cast<float>(k) / perSegment, t2 = t * t, t3 = t2 * t;
      out.push_back(0.5f * (2.0f * p1 + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                            (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3));
    }
  }
  out.push_back(p.back());
  return out;
}

/// A thin plate over a triangle fan, half-thickness t.
float plate(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c, float t) { return sdf::triangleDistance(p, a, b, c) - t; }

struct Box {
  glm::vec3 lo{1e9f}, hi{-1e9f};
  void add(glm::vec3 p, float margin) {
    lo = glm::min(lo, p - glm::vec3(margin));
    hi = glm::max(hi, p + glm::vec3(margin));
  }
};

TissueMesh polygonizeBone(const std::string& name, const DistanceField& field, const Box& box, float cell) {
  GridSpec grid;
  grid.lo = box.lo;
  grid.hi = box.hi;
  grid.cell = cell;
  grid.lipschitz = 1.15f;
  ImplicitMesh m = polygonize(field, grid);
  TissueMesh mesh;
  mesh.name = name;
  mesh.tissue = Tissue::Bone;
  mesh.positions = std::move(m.positions);
  mesh.normals = std::move(m.normals);
  mesh.indices = std::move(m.indices);
  return mesh;
}

TissueMesh mirrored(const TissueMesh& left, const std::string& name) {
  TissueMesh m = left;
  m.name = name;
  for (glm::vec3& p : m.positions) p.x = -p.x;
  for (glm::vec3& n : m.normals) n.x = -n.x;
  for (std::size_t f = 0; f < m.indices.size(); f += 3) std::swap(m.indices[f + 1], m.indices[f + 2]);
  return m;
}

TissueMesh vertebrae(float cell) {
  struct Level {
    glm::vec3 body, tip;
    glm::vec3 radii;
    float process;
    float transverse;
  };
  std::vector<Level> levels;
  Box box;
  for (std::size_t i = 0; i < std::size(kVertebrae); ++i) {
    std::string id = kVertebrae[i];
    glm::vec3 body = landmark("VB_" + id), tip = landmark("SP_" + id);
    float f = static_cast<float>(i) / (std::size(kVertebrae) - 1);  // 0 at C1 .. 1 at L5
    glm::vec3 radii{0.015f + 0.012f * f, 0.0065f + 0.0045f * f, 0.011f + 0.009f * f};
    levels.push_back({body, tip, radii, 0.0035f + 0.003f * f, 0.026f + 0.014f * f});
    box.add(body, 0.05f);
    box.add(tip, 0.01f);
  }
  auto field = [levels](glm::vec3 p) {
    glm::vec3 q{std::abs(p.x), p.y, p.z};
    float d = 1e9f;
    for (const Level& l : levels) {
      if (std::abs(q.y - l.body.y) > 0.06f) continue;
      float v = sdf::ellipsoid(q, l.body, l.radii);
      // Arch, spinous process and transverse processes.
      glm::vec3 arch = l.body + glm::vec3(0.0f, 0.0f, -l.radii.z - 0.006f);
      v = smin(v, sdf::capsule(q, arch + glm::vec3(0.0f, 0.0f, 0.004f), l.tip, l.process), 0.006f);
      v = smin(v, sdf::capsule(q, arch, arch + glm::vec3(l.transverse, 0.002f, -0.006f), 0.0035f), 0.006f);
      v = smin(v, sdf::capsule(q, arch + glm::vec3(0.0f, 0.0f, 0.006f), arch + glm::vec3(0.012f, 0.0f, 0.0f), 0.004f),
               0.004f);
      d = std::min(d, v);
    }
    return d;
  };
  return polygonizeBone("bone_vertebrae", field, box, cell);
}

TissueMesh ribs(float cell) {
  std::vector<std::vector<glm::vec3>> curves;
  std::vector<Box> bounds;
  Box box;
  for (const auto& rib : ribPolylines()) {
    curves.push_back(smoothCurve(rib, 4));
    Box b;
    for (glm::vec3 p : curves.back()) b.add(p, 0.0f);
    bounds.push_back(b);
    for (glm::vec3 p : rib) box.add(p, 0.012f);
  }
  box.lo.x = -box.hi.x;
  auto field = [curves, bounds](glm::vec3 p) {
    glm::vec3 q{std::abs(p.x), p.y, p.z};
    float d = 1e9f;
    for (std::size_t i = 0; i < curves.size(); ++i) {
      // A rib whose bounding box is further than the best distance so far cannot be the nearest.
      glm::vec3 out = glm::max(glm::max(bounds[i].lo - q, q - bounds[i].hi), glm::vec3(0.0f));
      if (glm::length(out) - 0.006f > d) continue;
      float r = i == 0 ? 0.0055f : 0.0045f;
      d = std::min(d, tube(q, curves[i], r, r * 0.8f));
    }
    return d;
  };
  return polygonizeBone("bone_ribs", field, box, cell);
}

TissueMesh sternum(float cell) {
  const glm::vec3 depth{0.0f, 0.0f, -0.008f};
  std::vector<glm::vec3> mid = {landmark("SUPRASTERNAL_NOTCH") + depth, landmark("STERNAL_ANGLE") + depth,
                                landmark("XIPHISTERNAL") + depth, landmark("XIPHOID_TIP") + depth};
  const float half[] = {0.026f, 0.016f, 0.015f, 0.007f};
  Box box;
  for (glm::vec3 p : mid) box.add(p, 0.04f);
  auto field = [mid, half](glm::vec3 p) {
    float d = 1e9f;
    for (std::size_t i = 0; i + 1 < mid.size(); ++i) {
      glm::vec3 a0 = mid[i] - glm::vec3(half[i], 0, 0), a1 = mid[i] + glm::vec3(half[i], 0, 0);
      glm::vec3 b0 = mid[i + 1] - glm::vec3(half[i + 1], 0, 0), b1 = mid[i + 1] + glm::vec3(half[i + 1], 0, 0);
      d = std::min({d, plate(p, a0, a1, b1, 0.005f), plate(p, a0, b1, b0, 0.005f)});
    }
    return d;
  };
  return polygonizeBone("bone_sternum", field, box, cell);
}

TissueMesh pelvis(float cell) {
  std::vector<glm::vec3> crest;
  for (const char* id : {"ASIS_L", "ILIAC_TUBERCLE_L", "ILIAC_CREST_TOP_L", "ILIAC_CREST_POST1_L",
                         "ILIAC_CREST_POST2_L", "PSIS_L"}) {
    crest.push_back(landmark(id));
  }
  crest = smoothCurve(crest, 4);
  const glm::vec3 hip = landmark("HIP_CENTRE_L");
  const glm::vec3 acetabulum = hip + glm::vec3(0.012f, 0.018f, -0.006f);
  const glm::vec3 symphysis{0.006f, 0.865f, 0.112f}, tuberosity{0.058f, 0.815f, 0.0f};
  const glm::vec3 s1 = landmark("SP_S1"), s2 = landmark("SP_S2");
  Box box;
  for (glm::vec3 p : crest) box.add(p, 0.02f);
  box.add(hip, 0.05f);
  box.add(tuberosity, 0.03f);
  box.add(symphysis, 0.03f);
  box.lo.x = -box.hi.x;
  auto field = [=](glm::vec3 p) {
    glm::vec3 q{std::abs(p.x), p.y, p.z};
    float d = tube(q, crest, 0.0065f, 0.006f);
    for (std::size_t i = 0; i + 1 < crest.size(); ++i) d = smin(d, plate(q, crest[i], crest[i + 1], acetabulum, 0.0028f), 0.008f);
    d = smin(d, sdf::sphere(q, hip, 0.026f), 0.01f);
    d = smin(d, sdf::roundCone(q, hip + glm::vec3(-0.015f, -0.008f, 0.025f), symphysis, 0.009f, 0.008f), 0.008f);
    d = smin(d, sdf::roundCone(q, hip + glm::vec3(-0.005f, -0.02f, -0.018f), tuberosity, 0.011f, 0.012f), 0.008f);
    d = smin(d, sdf::capsule(q, tuberosity, symphysis + glm::vec3(0.0f, -0.02f, -0.01f), 0.0065f), 0.008f);
    // Sacrum: a curved wedge under the median crest, joined to the ilia.
    glm::vec3 top{0.048f, 1.030f, 0.000f}, apex{0.0f, 0.905f, -0.045f}, mid{0.0f, 1.035f, -0.005f};
    float sacrum = std::min(plate(q, top, mid, apex, 0.008f), plate(q, top, apex, {0.03f, 0.95f, -0.03f}, 0.008f));
    sacrum = smin(sacrum, sdf::capsule(q, s1 + glm::vec3(0.0f, 0.0f, 0.004f), s2 + glm::vec3(0.0f, -0.03f, 0.004f), 0.0045f),
                  0.008f);
    d = smin(d, sacrum, 0.012f);
    return d;
  };
  return polygonizeBone("bone_pelvis", field, box, cell);
}

TissueMesh scapula(float cell) {
  auto L = [](const char* id) { return landmark(std::string(id) + "_L"); };
  // The superior angle lies under the trapezius and levator scapulae; the figure puts it only 1.2 cm under
  // the skin, where the blade's rim would break through a 7 mm trapezius, so it sits 8 mm further forward.
  const glm::vec3 kSupAngleShift{0.0f, 0.0f, 0.008f};
  const glm::vec3 sa = L("SCAP_SUP_ANGLE") + kSupAngleShift, ai = L("SCAP_INF_ANGLE");
  const glm::vec3 ig = L("INFRAGLENOID"), notch = L("SUPRASCAPULAR_NOTCH");
  const glm::vec3 glenoid = L("GLENOID_CENTRE");
  std::vector<glm::vec3> medial, lateral{ai, L("SCAP_LAT_BORDER_MID"), ig};
  for (const char* id : {"SCAP_SUP_ANGLE", "SCAP_MB_1", "SCAP_MB_RM", "SCAP_ROOT_SPINE", "SCAP_MB_TSB", "SCAP_MB_2",
                         "SCAP_MB_3", "SCAP_INF_ANGLE"}) {
    medial.push_back(L(id));
  }
  medial.front() = sa;
  std::vector<glm::vec3> spine{L("SCAP_ROOT_SPINE")};
  for (const char* pct : {"15", "30", "50", "80"}) {
    spine.push_back(0.5f * (L((std::string("SPINE_SUP_") + pct).c_str()) + L((std::string("SPINE_INF_") + pct).c_str())));
  }
  spine.push_back(L("ACROMIAL_ANGLE"));
  std::vector<glm::vec3> acromion{L("ACROMIAL_ANGLE"), L("ACROMION"), L("ACROMION_ANT_TIP")};
  // The acromion's landmark is on the skin; the bone lies a few millimetres inside.
  acromion[1] -= glm::vec3(0.006f, 0.002f, 0.0f);
  const glm::vec3 coracoidBase = notch + glm::vec3(0.01f, -0.012f, 0.02f), coracoidTip = L("CORACOID_TIP");
  Box box;
  for (glm::vec3 p : medial) box.add(p, 0.02f);
  for (glm::vec3 p : acromion) box.add(p, 0.02f);
  box.add(coracoidTip, 0.02f);
  box.add(glenoid, 0.03f);
  box.add(ig, 0.02f);
  auto field = [=](glm::vec3 p) {
    float d = std::min(plate(p, sa, ai, ig, 0.0022f), plate(p, sa, ig, notch, 0.0022f));
    d = smin(d, tube(p, medial, 0.0028f, 0.0032f), 0.004f);
    d = smin(d, tube(p, lateral, 0.0045f, 0.006f), 0.006f);
    d = smin(d, tube(p, spine, 0.0035f, 0.0055f), 0.006f);
    d = smin(d, tube(p, acromion, 0.0065f, 0.0055f), 0.006f);
    d = smin(d, sdf::ellipsoid(p, glenoid, {0.007f, 0.018f, 0.013f}), 0.008f);
    d = smin(d, sdf::roundCone(p, coracoidBase, coracoidTip, 0.0065f, 0.005f), 0.006f);
    return d;
  };
  // The blade is thinner than the bone grid: sampled at that grid it would come out full of holes.
  return polygonizeBone("bone_scapula_L", field, box, cell * 0.6f);
}

TissueMesh clavicle(float cell) {
  std::vector<glm::vec3> axis;
  for (const char* id : {"SC_JOINT_L", "CLAV_25_L", "CLAV_50_L", "CLAV_67_L", "CLAV_85_L", "AC_JOINT_L"}) {
    axis.push_back(landmark(id));
  }
  axis = smoothCurve(axis, 4);
  Box box;
  for (glm::vec3 p : axis) box.add(p, 0.02f);
  auto field = [axis](glm::vec3 p) { return tube(p, axis, 0.0075f, 0.0058f); };
  return polygonizeBone("bone_clavicle_L", field, box, cell);
}

TissueMesh humerus(float cell) {
  const glm::vec3 gh = restLandmark("GH_CENTRE_L"), elbow = restLandmark("ELBOW_CENTRE_L");
  const glm::vec3 tubercle = restLandmark("GREATER_TUBERCLE_L");
  const glm::vec3 dir = glm::normalize(elbow - gh);
  const glm::vec3 across = glm::normalize(glm::cross(dir, glm::vec3(0.0f, 0.0f, 1.0f)));
  Box box;
  box.add(gh, 0.04f);
  box.add(elbow, 0.045f);
  auto field = [=](glm::vec3 p) {
    float d = sdf::sphere(p, gh, 0.0235f);
    d = smin(d, sdf::sphere(p, tubercle - glm::vec3(0.008f, 0.0f, 0.0f), 0.011f), 0.01f);
    d = smin(d, sdf::roundCone(p, gh + dir * 0.02f, elbow - dir * 0.018f, 0.0125f, 0.0095f), 0.02f);
    // Condyles and epicondyles at the elbow.
    glm::vec3 base = elbow - dir * 0.004f;
    d = smin(d, sdf::roundCone(p, base - across * 0.030f, base + across * 0.028f, 0.0085f, 0.0075f), 0.015f);
    d = smin(d, sdf::capsule(p, base - across * 0.018f, base + across * 0.016f, 0.011f), 0.01f);
    return d;
  };
  return polygonizeBone("bone_humerus_L", field, box, cell);
}

}  // namespace

std::vector<TissueMesh> buildBones(float cell) {
  std::vector<TissueMesh> bones;
  bones.push_back(vertebrae(cell));
  bones.push_back(ribs(cell));
  bones.push_back(sternum(cell));
  bones.push_back(pelvis(cell));
  for (auto build : {scapula, clavicle, humerus}) {
    TissueMesh left = build(cell);
    std::string name = left.name;
    name.back() = 'R';
    TissueMesh right = mirrored(left, name);
    bones.push_back(std::move(left));
    bones.push_back(std::move(right));
  }
  // Bony points given on the skin (acromion, iliac crest) must not break through it: anything closer than
  // 3 mm to the surface is pressed back under it.
  BodyField body;
  const DistanceField skin = [&](glm::vec3 p) { return body.distance(p); };
  for (TissueMesh& b : bones) {
    for (std::size_t i = 0; i < b.positions.size(); ++i) {
      if (body.distance(b.positions[i]) > -0.003f) b.positions[i] = projectToLevel(skin, b.positions[i], -0.003f, 3);
    }
  }
  for (TissueMesh& b : bones) b.extras = {{"display_name", b.name.substr(5)}, {"side", ""}, {"part", ""}};
  for (TissueMesh& b : bones) {
    if (b.name.ends_with("_L")) b.extras[1].second = "left";
    if (b.name.ends_with("_R")) b.extras[1].second = "right";
  }
  return bones;
}

}  // namespace myo::anatomy
