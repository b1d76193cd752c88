// tests/unit/anatomy_bones_test.cpp: the generated bones: landmarks on the drawn bones, the AC joint space,
// the scapular blade's clearance over the ribs, flat ribs, an open vertebral canal, closed meshes under
// the skin, and the bone triangle budget.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "anatomy/body_field.hpp"
#include "anatomy/bone_forms.hpp"
#include "anatomy/bones.hpp"
#include "anatomy/generator.hpp"
#include "anatomy/landmarks.hpp"
#include "anatomy/sdf_util.hpp"
#include "mesh_rays.hpp"
#include "scene/picking.hpp"

using namespace myo::anatomy;
using myo::test::rayHit;

namespace {

const AnatomyModel& model() {
  static const AnatomyModel kModel = generateModel({.muscles = false});
  return kModel;
}

const TissueMesh& mesh(const std::string& name) {
  const TissueMesh* m = model().find(name);
  REQUIRE_MESSAGE(m != nullptr, name);
  return *m;
}

float nearestVertex(const TissueMesh& m, glm::vec3 p) {
  float best = std::numeric_limits<float>::max();
  for (glm::vec3 v : m.positions) best = std::min(best, glm::distance(v, p));
  return best;
}

/// Distance from p to the mesh's surface over the triangles with a corner within `reach` of p.
float surfaceDistance(const TissueMesh& m, glm::vec3 p, float reach) {
  float best = std::numeric_limits<float>::max();
  for (std::size_t f = 0; f < m.indices.size(); f += 3) {
    glm::vec3 a = m.positions[m.indices[f]], b = m.positions[m.indices[f + 1]], c = m.positions[m.indices[f + 2]];
    if (glm::distance(a, p) > reach) continue;
    best = std::min(best, sdf::triangleDistance(p, a, b, c));
  }
  return best;
}

}  // namespace

TEST_CASE("bone landmarks lie on the drawn bones within 2 cm") {
  const std::map<std::string, std::vector<std::string>> points = {
      {"bone_scapula_L",
       {"SCAP_INF_ANGLE_L", "SCAP_ROOT_SPINE_L", "SCAP_MB_2_L", "ACROMIAL_ANGLE_L", "ACROMION_ANT_TIP_L",
        "ACROMION_AC_FACET_L", "GLENOID_CENTRE_L", "GLENOID_SUP_L", "GLENOID_INF_L", "INFRAGLENOID_L",
        "CORACOID_BASE_L", "CORACOID_KNEE_L", "CORACOID_TIP_L", "SPINOGLENOID_NOTCH_L", "SPINE_SUP_50_L",
        "SPINE_INF_80_L", "SSP_FOSSA_MID_L", "ISP_FOSSA_MID_L", "SUPRASCAPULAR_NOTCH_L"}},
      {"bone_clavicle_L", {"SC_JOINT_L", "CLAV_25_L", "CLAV_50_L", "CLAV_67_L", "CLAV_85_L", "AC_JOINT_L"}},
      {"bone_humerus_L",
       {"HUMERAL_HEAD_POLE_L", "GT_TOP_L", "GT_IS_FACET_INF_L", "LT_SUP_L", "ANAT_NECK_SUP_L", "ANAT_NECK_INF_L",
        "SURG_NECK_L", "ITG_TOP_L", "DT_APEX_L", "HUM_MIDSHAFT_L", "MED_EPICONDYLE_L", "LAT_EPICONDYLE_L",
        "CAPITULUM_L", "TROCHLEA_L"}},
      {"bone_pelvis",
       {"ASIS_L", "PSIS_L", "ILIAC_CREST_TOP_L", "ILIAC_TUBERCLE_L", "ACETAB_RIM_SUP_L", "ACETAB_RIM_POST_L",
        "PUBIC_SYMPHYSIS_SUP", "PUBIC_TUBERCLE_L", "ISCHIAL_TUBEROSITY_L", "SACRAL_PROMONTORY", "SACRUM_APEX",
        "SI_JOINT_L", "ILIAC_FOSSA_L"}},
      {"bone_sternum", {"SUPRASTERNAL_NOTCH", "STERNAL_ANGLE", "XIPHOID_TIP"}},
      {"skull",
       {"INION", "SNL_1_L", "SNL_3_L", "SNL_5_L", "MASTOID_BASE_L", "MASTOID_TIP_L", "OPISTHION", "BASION",
        "OCC_CONDYLE_L", "GLABELLA_BONE", "OPISTHOCRANION_BONE", "CRANIUM_VERTEX_BONE", "EURYON_L", "NASION",
        "ORBITALE_L", "ZYGION_L", "ZYG_ARCH_POST_L"}},
      {"bone_mandible", {"GONION_L", "CONDYLION_L", "CORONOID_TIP_L", "POGONION", "MENTON_BONE"}},
      {"bone_radius_L", {"RADIAL_HEAD_L", "RADIAL_STYLOID_L"}},
      {"bone_ulna_L", {"OLECRANON_TIP_L", "ULNAR_STYLOID_L"}},
      {"bone_femur_L", {"GREATER_TROCHANTER_L", "KNEE_CENTRE_L"}},
  };
  for (const auto& point : points) {  // no structured binding: INFO captures it in a lambda (clang 14)
    const auto& name = point.first;
    const auto& ids = point.second;
    const TissueMesh& m = mesh(name);
    for (const std::string& id : ids) {
      float d = nearestVertex(m, drawnBonePoint(id));
      INFO(name, " ", id, " ", d * 1000.0f, " mm");
      CHECK(d < 0.02f);
    }
  }
  const TissueMesh& spine = mesh("bone_vertebrae");
  for (const char* level : {"C2", "C4", "C7", "T1", "T3", "T6", "T9", "T12", "L1", "L3", "L5"}) {
    for (std::string id : {std::string("SP_") + level, std::string("TP_") + level + "_L", std::string("TP_") + level + "_R",
                           std::string("VB_") + level}) {
      glm::vec3 p = id.ends_with("_R") ? mirrorX(drawnBonePoint(id.substr(0, id.size() - 1) + "L")) : drawnBonePoint(id);
      float d = nearestVertex(spine, p);
      INFO(id, " ", d * 1000.0f, " mm");
      CHECK(d < 0.02f);
    }
  }
}

TEST_CASE("the humeral and femoral heads are centred on their joints, at the published radii") {
  // Humeral head 24 mm (HUMERUS_MORPH), femoral head 24.5 mm (FEMUR_MORPH): the nearest surface from the joint
  // centre is the head's radius (within the 2 mm of the polygonising grid and simplification).
  float humeral = nearestVertex(mesh("bone_humerus_L"), drawnBonePoint("GH_CENTRE_L"));
  float femoral = nearestVertex(mesh("bone_femur_L"), drawnBonePoint("HIP_CENTRE_L"));
  CHECK(humeral == doctest::Approx(0.024f).epsilon(0.09));
  CHECK(femoral == doctest::Approx(0.0245f).epsilon(0.09));
}

TEST_CASE("the coracoid tip is drawn 31-39 mm from the acromion, as in dry bones") {
  float d = glm::distance(drawnBonePoint("CORACOID_TIP_L"), boneLandmark("ACROMION_ANT_TIP_L"));
  CHECK(d > 0.031f);
  CHECK(d < 0.039f);
  CHECK(nearestVertex(mesh("bone_scapula_L"), drawnBonePoint("CORACOID_TIP_L")) < 0.008f);
}

TEST_CASE("the acromioclavicular joint space is 1-5 mm on both sides") {
  for (const char* side : {"_L", "_R"}) {
    const TissueMesh& clav = mesh(std::string("bone_clavicle") + side);
    const TissueMesh& scap = mesh(std::string("bone_scapula") + side);
    glm::vec3 ac = boneLandmark(std::string("AC_JOINT") + side);
    float gap = std::numeric_limits<float>::max();
    for (glm::vec3 v : clav.positions) {
      if (glm::distance(v, ac) > 0.025f) continue;
      gap = std::min(gap, surfaceDistance(scap, v, 0.03f));
    }
    INFO(side, " AC gap ", gap * 1000.0f, " mm");
    CHECK(gap > 0.001f);
    CHECK(gap < 0.005f);
  }
}

TEST_CASE("the scapular blade lies 12-14 mm off the ribs, with room for serratus anterior") {
  const TissueMesh& scap = mesh("bone_scapula_L");
  const TissueMesh& ribs = mesh("bone_ribs");
  // The blade: vertices more than 3 cm from the glenoid and below the superior border's level.
  glm::vec3 glenoid = boneLandmark("GLENOID_CENTRE_L");
  float clearance = std::numeric_limits<float>::max();
  int samples = 0;
  for (std::size_t i = 0; i < scap.positions.size(); i += 3) {
    glm::vec3 v = scap.positions[i];
    if (glm::distance(v, glenoid) < 0.035f || v.y > boneLandmark("SCAP_ROOT_SPINE_L").y + 0.03f) continue;
    ++samples;
    clearance = std::min(clearance, surfaceDistance(ribs, v, 0.04f));
  }
  INFO("closest approach of blade and ribs ", clearance * 1000.0f, " mm over ", samples, " vertices");
  CHECK(samples > 500);
  CHECK(clearance > 0.012f);
  CHECK(clearance < 0.014f);
}

TEST_CASE("ribs are flat bands: their shaft section is about twice as wide as it is thick") {
  const TissueMesh& ribs = mesh("bone_ribs");
  for (int rib : {3, 5, 7, 9}) {
    std::vector<RibSection> s = ribSections(rib);
    const RibSection& sec = s[(s.size() / 2) & ~std::size_t{1}];  // the lateral shaft (a drawn ring)
    glm::vec3 thick = glm::cross(sec.tangent, sec.wide);
    float wMax = 0.0f, tMax = 0.0f;
    int n = 0;
    for (glm::vec3 v : ribs.positions) {
      glm::vec3 d = v - sec.centre;
      if (std::abs(glm::dot(d, sec.tangent)) > 0.0015f || glm::length(d) > 0.015f) continue;
      wMax = std::max(wMax, std::abs(glm::dot(d, sec.wide)));
      tMax = std::max(tMax, std::abs(glm::dot(d, thick)));
      ++n;
    }
    INFO("rib ", rib, ": section ", 2000.0f * wMax, " x ", 2000.0f * tMax, " mm from ", n, " vertices");
    REQUIRE(n > 8);
    CHECK(wMax / tMax > 1.8f);
    CHECK(2.0f * wMax > 0.011f);   // RIB_XS: 14 mm lateral shaft height
    CHECK(2.0f * tMax < 0.0075f);  // and 6 mm thickness
  }
}

TEST_CASE("the vertebral canal is open: a ray runs up it, walls and roof bound it") {
  const TissueMesh& spine = mesh("bone_vertebrae");
  for (const char* level : {"C4", "C6", "C7", "T2", "T6", "T10", "L2", "L4"}) {
    CanalProbe c = vertebralCanal(level);
    INFO(std::string(level));
    // Up the canal, over the vertebra's height, nothing is hit.
    glm::vec3 start = c.centre - c.up * (0.5f * c.bodyHeight);
    float hit = rayHit(spine, start, c.up);
    CHECK((hit < 0.0f || hit > c.bodyHeight));
    // Pedicles on either side, the laminae behind, the body in front.
    glm::vec3 side = glm::cross(c.up, c.forward);
    for (glm::vec3 dir : {side, -side}) {
      float h = rayHit(spine, c.centre, dir);
      CHECK(h > 0.4f * c.transverse);
      CHECK(h < 0.5f * c.transverse + 0.004f);
    }
    float roof = rayHit(spine, c.centre, -c.forward);
    CHECK(roof > 0.3f * c.sagittal);
    CHECK(roof < 0.5f * c.sagittal + 0.006f);
    float floor = rayHit(spine, c.centre, c.forward);
    CHECK(floor > 0.3f * c.sagittal);
    CHECK(floor < 0.5f * c.sagittal + 0.004f);
  }
}

TEST_CASE("every bone is a closed, outward-facing surface inside the skin") {
  BodyField body;
  std::size_t boneTriangles = 0;
  for (const TissueMesh& m : model().meshes) {
    if (m.tissue != Tissue::Bone) continue;
    INFO(m.name);
    boneTriangles += m.triangleCount();
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> directed;
    for (std::size_t f = 0; f < m.indices.size(); f += 3) {
      for (int e = 0; e < 3; ++e) ++directed[{m.indices[f + e], m.indices[f + (e + 1) % 3]}];
    }
    // Closed and consistently wound: every directed edge has its reverse.
    std::size_t unmatched = 0;
    for (const auto& [e, n] : directed) {
      bool lone = directed.count({e.second, e.first}) == 0;
      unmatched += lone;
      if (lone && unmatched < 6) MESSAGE(m.name, " lone edge at ", m.positions[e.first].x, " ", m.positions[e.first].y, " ", m.positions[e.first].z, " n=", n);
    }
    CHECK(unmatched == 0);
    double volume = 0.0;
    for (std::size_t f = 0; f < m.indices.size(); f += 3) {
      glm::vec3 a = m.positions[m.indices[f]], b = m.positions[m.indices[f + 1]], c = m.positions[m.indices[f + 2]];
      volume += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    CHECK(volume > 0.0);
    float worst = -1.0f;
    for (glm::vec3 v : m.positions) worst = std::max(worst, body.distance(v));
    INFO("closest to the skin: ", -worst * 1000.0f, " mm under it");
    CHECK(worst < -0.001f);
  }
  MESSAGE("bone triangles: ", boneTriangles);
  CHECK(boneTriangles <= 200000);
}
