// tests/unit/anatomy_model_test.cpp: the generated model: contract names and facts, budget, mirror
// symmetry, muscle attachments, layering under the skin and the encoded GLB.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "anatomy/body_field.hpp"
#include "anatomy/generator.hpp"
#include "anatomy/glb_writer.hpp"
#include "anatomy/muscles.hpp"
#include "anatomy/preview_raster.hpp"
#include "anatomy/surface_nets.hpp"
#include "core/error.hpp"
#include "scene/muscle_catalog.hpp"
#include "scene/muscle_names.hpp"
#include "mesh_rays.hpp"
#include "mesh_self_intersection.hpp"
#include "scene/picking.hpp"

using namespace myo::anatomy;
using myo::test::rayHit;

namespace {

const AnatomyModel& model() {
  static const AnatomyModel kModel = generateModel();
  return kModel;
}

const BodyField& body() {
  static const BodyField kBody;
  return kBody;
}

// The contract names of the shipped model (docs/model.md); muscleSpecs() must build every one.
const std::vector<std::string> kMuscles = {
    "trapezius_descending",        "trapezius_transverse",        "trapezius_ascending", "rhomboid_major",
    "rhomboid_minor",              "latissimus_dorsi",            "deltoid",             "pectoralis_major",
    "supraspinatus",               "infraspinatus",               "teres_minor",         "teres_major",
    "levator_scapulae",            "serratus_anterior",           "erector_spinae_iliocostalis",
    "erector_spinae_longissimus",  "erector_spinae_spinalis",     "splenius_capitis",    "external_oblique",
    "thoracolumbar_fascia"};
/// Midline sheets: one mesh, no side.
const std::vector<std::string> kMidline = {"nuchal_ligament"};

bool paired(const MuscleSpec& spec) { return myo::scene::muscleInfo(spec.kind).paired; }

/// The mesh names a spec builds: "<name>_L" and "<name>_R", or the bare name for a midline sheet.
std::vector<std::string> meshNames(const MuscleSpec& spec) {
  if (!paired(spec)) return {spec.name};
  return {spec.name + "_L", spec.name + "_R"};
}
const std::vector<std::string> kBones = {"bone_vertebrae",  "bone_scapula_L",  "bone_scapula_R", "bone_clavicle_L",
                                         "bone_clavicle_R", "bone_humerus_L",  "bone_humerus_R", "bone_ribs",
                                         "bone_pelvis"};

const TissueMesh& mesh(const std::string& name) {
  const TissueMesh* m = model().find(name);
  REQUIRE_MESSAGE(m != nullptr, name);
  return *m;
}

/// Nearest-vertex queries through a uniform hash grid.
class PointIndex {
public:
  explicit PointIndex(const std::vector<glm::vec3>& pts, float cell = 0.01f) : pts_(pts), cell_(cell) {
    for (std::size_t i = 0; i < pts.size(); ++i) cells_[key(cellOf(pts[i]))].push_back(static_cast<std::uint32_t>(i));
  }
  float nearest(glm::vec3 p, int reach = 2) const {
    glm::ivec3 c = cellOf(p);
    float best = std::numeric_limits<float>::max();
    for (int dz = -reach; dz <= reach; ++dz) {
      for (int dy = -reach; dy <= reach; ++dy) {
        for (int dx = -reach; dx <= reach; ++dx) {
          auto it = cells_.find(key(c + glm::ivec3(dx, dy, dz)));
          if (it == cells_.end()) continue;
          for (std::uint32_t i : it->second) best = std::min(best, glm::distance(p, pts_[i]));
        }
      }
    }
    return best;
  }

private:
  glm::ivec3 cellOf(glm::vec3 p) const { return glm::ivec3(glm::floor(p / cell_)); }
  static std::int64_t key(glm::ivec3 c) {
    return (static_cast<std::int64_t>(c.x + 1000) * 4000 + (c.y + 1000)) * 4000 + (c.z + 1000);
  }
  const std::vector<glm::vec3>& pts_;
  float cell_;
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> cells_;
};

}  // namespace

TEST_CASE("every contract mesh exists with its tissue and facts") {
  CHECK(mesh("skin").tissue == Tissue::Skin);
  for (const std::string& b : kBones) CHECK(mesh(b).tissue == Tissue::Bone);
  std::vector<std::string> built;
  for (const MuscleSpec& spec : muscleSpecs()) {
    built.push_back(spec.name);
    for (const std::string& name : meshNames(spec)) {
      const TissueMesh& m = mesh(name);
      CHECK(m.tissue == Tissue::Muscle);
      std::map<std::string, std::string> extras(m.extras.begin(), m.extras.end());
      for (const char* key : {"display_name", "origin", "insertion", "action", "innervation", "blood_supply"}) {
        CHECK_MESSAGE(extras[key].size() > 5, name, " ", key);
      }
      CHECK(extras["side"] == (!paired(spec) ? "" : name.ends_with("_L") ? "left" : "right"));
      std::string part = name.starts_with("trapezius_")        ? spec.name.substr(10)
                         : name.starts_with("erector_spinae_") ? spec.name.substr(15)
                                                               : "";
      CHECK(extras["part"] == part);
      // The catalogue recognises the contract name as the muscle it was built for.
      CHECK((myo::scene::recognizeMuscle(name).kind == spec.kind));
      CHECK((myo::scene::recognizeMuscle(name).part == spec.part));
    }
  }
  for (const std::string& name : kMuscles) CHECK_MESSAGE(std::count(built.begin(), built.end(), name) == 1, name);
  for (const std::string& name : kMidline) CHECK_MESSAGE(std::count(built.begin(), built.end(), name) == 1, name);
  std::map<std::string, std::string> rm(mesh("rhomboid_major_L").extras.begin(), mesh("rhomboid_major_L").extras.end());
  CHECK(rm["action"].find("retract") != std::string::npos);
  std::map<std::string, std::string> ld(mesh("latissimus_dorsi_L").extras.begin(), mesh("latissimus_dorsi_L").extras.end());
  CHECK(ld["action"].find("adducts") != std::string::npos);
  CHECK(ld["action"].find("horizontal extension") != std::string::npos);
  CHECK(ld["action"].find("vertical adduction") != std::string::npos);
}

TEST_CASE("triangle budget and well-formed vertex data") {
  std::size_t tris = model().triangleCount();
  MESSAGE("triangles: ", tris);
  CHECK(tris >= 100000);
  CHECK(tris <= 600000);
  std::size_t muscleTris = 0;
  for (const TissueMesh& m : model().meshes)
    if (m.tissue == Tissue::Muscle) muscleTris += m.triangleCount();
  MESSAGE("muscle triangles: ", muscleTris);
  CHECK(muscleTris <= 200000);
  for (const TissueMesh& m : model().meshes) {
    INFO(m.name);
    REQUIRE(m.normals.size() == m.positions.size());
    REQUIRE(m.joints.size() == m.positions.size());
    REQUIRE(m.weights.size() == m.positions.size());
    REQUIRE(m.indices.size() % 3 == 0);
    CHECK(std::all_of(m.indices.begin(), m.indices.end(), [&](std::uint32_t i) { return i < m.positions.size(); }));
    for (std::size_t i = 0; i < m.positions.size(); i += 17) {
      CHECK(std::abs(glm::length(m.normals[i]) - 1.0f) < 1e-3f);
      const glm::vec4& w = m.weights[i];
      CHECK(std::abs(w.x + w.y + w.z + w.w - 1.0f) < 1e-4f);
    }
    if (m.tissue == Tissue::Muscle) {
      REQUIRE(m.fibres.size() == m.positions.size());
      REQUIRE(m.tendon.size() == m.positions.size());
      for (std::size_t i = 0; i < m.positions.size(); i += 7) {
        CHECK(std::abs(glm::length(m.fibres[i]) - 1.0f) < 1e-3f);
        CHECK(m.tendon[i] >= 0.0f);
        CHECK(m.tendon[i] <= 1.0f);
      }
    }
  }
}

TEST_CASE("the skin is one closed surface with feet on the floor") {
  const TissueMesh& skin = mesh("skin");
  std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
  for (std::size_t f = 0; f < skin.indices.size(); f += 3) {
    for (int e = 0; e < 3; ++e) {
      std::uint32_t a = skin.indices[f + e], b = skin.indices[f + (e + 1) % 3];
      ++edges[{std::min(a, b), std::max(a, b)}];
    }
  }
  std::size_t open = 0;
  for (const auto& [e, n] : edges) open += (n % 2 != 0);
  CHECK(open == 0);
  float minY = 1.0f, maxY = 0.0f;
  for (glm::vec3 p : skin.positions) {
    minY = std::min(minY, p.y);
    maxY = std::max(maxY, p.y);
  }
  CHECK(minY == doctest::Approx(0.0f).epsilon(0.003));
  CHECK(maxY == doctest::Approx(1.75f).epsilon(0.01));
}

TEST_CASE("left and right are mirror images within 1 mm") {
  std::vector<std::pair<std::string, std::string>> pairs = {{"skin", "skin"}};
  for (const std::string& base : kMuscles) pairs.push_back({base + "_L", base + "_R"});
  for (const std::string& name : kMidline) pairs.push_back({name, name});
  for (const char* b : {"bone_scapula", "bone_clavicle", "bone_humerus"}) {
    pairs.push_back({std::string(b) + "_L", std::string(b) + "_R"});
  }
  for (const char* b : {"bone_vertebrae", "bone_ribs", "bone_pelvis"}) pairs.push_back({b, b});
  for (const auto& pair : pairs) {  // no structured binding: INFO captures it in a lambda (clang 14)
    const auto& l = pair.first;
    const auto& r = pair.second;
    INFO(l);
    const TissueMesh& left = mesh(l);
    const TissueMesh& right = mesh(r);
    PointIndex index(right.positions);
    float worst = 0.0f;
    for (std::size_t i = 0; i < left.positions.size(); i += 5) {
      glm::vec3 p = left.positions[i];
      worst = std::max(worst, index.nearest({-p.x, p.y, p.z}));
    }
    CHECK(worst < 0.001f);
  }
}

TEST_CASE("each muscle reaches its origin and insertion landmarks within 2 cm") {
  for (const MuscleSpec& spec : muscleSpecs()) {
    for (const std::string& name : meshNames(spec)) {
      const TissueMesh& m = mesh(name);
      const std::string side = paired(spec) ? name.substr(name.size() - 2) : "_L";
      PointIndex index(m.positions, 0.02f);
      std::vector<std::string> ids = spec.origin;
      ids.insert(ids.end(), spec.insertion.begin(), spec.insertion.end());
      for (std::string id : ids) {
        if (id.starts_with("MID:")) continue;
        if (side[1] == 'R' && id.ends_with("_L")) id.back() = 'R';
        glm::vec3 target = restLandmark(id);
        if (side[1] == 'R' && !id.ends_with("_R")) target.x = -target.x;
        float d = index.nearest(target);
        CHECK_MESSAGE(d < 0.02f, name, " misses ", id, " by ", d, " m");
      }
    }
  }
  // The headline attachments of the trapezius named in the brief.
  PointIndex trapDesc(mesh("trapezius_descending_L").positions, 0.02f);
  CHECK(trapDesc.nearest(restLandmark("INION")) < 0.02f);
  CHECK(trapDesc.nearest(restLandmark("CLAV_POST_100_L")) < 0.02f);
}

TEST_CASE("every muscle lies inside the skin and within 3 cm of it") {
  // The superficial sheets lie within 3 cm of the skin; the deep ones lie on their bones, as deep as those.
  std::map<std::string, float> allowedDepth;
  for (const MuscleSpec& spec : muscleSpecs()) {
    for (const std::string& name : meshNames(spec))
      allowedDepth[name] = spec.bed == MuscleBed::Layer && paired(spec) ? 0.03f : 0.075f;
  // The latissimus and pectoralis tendons reach the intertubercular groove, 35-37 mm under the skin, the
  // deltoid's its tuberosity, 35-38 mm under it.
  for (const char* name : {"latissimus_dorsi_L", "latissimus_dorsi_R", "pectoralis_major_L", "pectoralis_major_R",
                           "deltoid_L", "deltoid_R"})
    allowedDepth[name] = 0.045f;
  // The pectoralis tendon turns over before the groove (its lowest fibres fold behind the upper ones to insert
  // highest): standing on edge, its deep border lies up to about half its 3 cm width under the groove's depth.
  for (const char* name : {"pectoralis_major_L", "pectoralis_major_R"}) allowedDepth[name] = 0.052f;
  }
  for (const TissueMesh& m : model().meshes) {
    if (m.tissue != Tissue::Muscle) continue;
    INFO(m.name);
    const float allowed = allowedDepth.at(m.name);
    float deepest = 0.0f, highest = -1.0f;
    for (std::size_t i = 0; i < m.positions.size(); i += 3) {
      float d = body().distance(m.positions[i]);
      highest = std::max(highest, d);
      deepest = std::min(deepest, d);
    }
    CHECK(highest < 0.0f);
    CHECK(deepest > -allowed);
    // Faces too, not only corners: a face spanning a crease of the skin (the armpit) can cut through it
    // although its corners lie inside. The skin mesh's chords sit within a fraction of a millimetre of the
    // surface, so faces keep at least 0.5 mm below it.
    float worst = -1.0f;
    glm::vec3 where{0.0f};
    for (std::size_t f = 0; f < m.indices.size(); f += 3) {
      glm::vec3 a = m.positions[m.indices[f]], b = m.positions[m.indices[f + 1]], c = m.positions[m.indices[f + 2]];
      for (glm::vec3 p : {(a + b + c) / 3.0f, 0.5f * (a + b), 0.5f * (b + c), 0.5f * (c + a)}) {
        float d = body().distance(p);
        if (d > worst) {
          worst = d;
          where = p;
        }
      }
    }
    CHECK_MESSAGE(worst < -0.0005f, "face at (", where.x, ", ", where.y, ", ", where.z, ") is ", worst, " m from the skin");
  }
  // Independent of the field: a ray straight out of a muscle meets the skin mesh within 3 cm.
  const TissueMesh& skin = mesh("skin");
  const TissueMesh& rm = mesh("rhomboid_major_L");
  for (std::size_t i = 0; i < rm.positions.size(); i += rm.positions.size() / 6) {
    glm::vec3 n = fieldNormal([](glm::vec3 p) { return body().distance(p); }, rm.positions[i]);
    float t = rayHit(skin, rm.positions[i], n);
    CHECK(t > 0.0f);
    CHECK(t < 0.03f);
  }
}

TEST_CASE("muscle texture coordinates: u across the fibres in metres, v along them from origin to insertion") {
  for (const MuscleSpec& spec : muscleSpecs()) {
    const TissueMesh& m = mesh(meshNames(spec).front());
    INFO(m.name);
    REQUIRE(m.texcoords.size() == m.positions.size());
    float uMax = 0.0f;
    for (const glm::vec2& t : m.texcoords) {
      CHECK(t.x >= 0.0f);
      CHECK(t.y >= 0.0f);
      CHECK(t.y <= 1.0f);
      uMax = std::max(uMax, t.x);
    }
    // Across the whole sheet u spans about its width: at least the shorter attachment line.
    float originLength = 0.0f;
    for (std::size_t k = 1; k < spec.origin.size(); ++k)
      originLength += glm::distance(restLandmark(spec.origin[k - 1]), restLandmark(spec.origin[k]));
    // (The spinalis column is 6-8 mm wide.)
    CHECK(uMax > (spec.column ? 0.004f : 0.01f));
    CHECK(uMax < 2.0f * originLength + 0.05f);
    // On each face, u changes across the fibre and hardly along it; its typical rate is one metre per metre
    // (the fibres converge toward a narrow attachment, so the rate varies along the sheet).
    int faces = 0, along = 0;
    std::vector<float> rates;
    for (std::size_t f = 0; f < m.indices.size(); f += 3) {
      std::uint32_t ia = m.indices[f], ib = m.indices[f + 1], ic = m.indices[f + 2];
      glm::vec3 e1 = m.positions[ib] - m.positions[ia], e2 = m.positions[ic] - m.positions[ia];
      glm::vec3 n = glm::cross(e1, e2);
      float area2 = glm::dot(n, n);
      if (area2 < 1e-14f) continue;
      float du1 = m.texcoords[ib].x - m.texcoords[ia].x, du2 = m.texcoords[ic].x - m.texcoords[ia].x;
      // Gradient of a linear function on the triangle.
      glm::vec3 grad = (du1 * glm::cross(e2, n) + du2 * glm::cross(n, e1)) / area2;
      float rate = glm::length(grad);
      glm::vec3 fibre = glm::normalize(m.fibres[ia] + m.fibres[ib] + m.fibres[ic]);
      ++faces;
      if (std::abs(glm::dot(grad, fibre)) < 0.35f * rate) ++along;
      rates.push_back(rate);
    }
    REQUIRE(!rates.empty());
    std::nth_element(rates.begin(), rates.begin() + rates.size() / 2, rates.end());
    float median = rates[rates.size() / 2];
    MESSAGE(m.name, ": u up to ", uMax, " m; faces with u level along the fibre ", along, " of ", faces,
            ", median rate ", median);
    CHECK(along > 0.85 * faces);
    CHECK(median > 0.6f);
    CHECK(median < 1.7f);
    // v is 0 at the origin and 1 at the insertion.
    auto vNear = [&](const std::string& id) {
      glm::vec3 target = restLandmark(id);
      std::size_t best = 0;
      for (std::size_t i = 1; i < m.positions.size(); ++i) {
        if (glm::distance(m.positions[i], target) < glm::distance(m.positions[best], target)) best = i;
      }
      return m.texcoords[best].y;
    };
    if (spec.column) {
      // A column's attachment lists are its borders, from the origin end to the insertion end.
      for (const auto* border : {&spec.origin, &spec.insertion}) {
        CHECK_MESSAGE(vNear(border->front()) < 0.1f, border->front());
        CHECK_MESSAGE(vNear(border->back()) > 0.9f, border->back());
      }
      continue;
    }
    // A landmark within 3 cm of one on the other line (where the nuchal ligament's raphe and septum meet, at
    // the skull and at C7) cannot tell the two ends apart.
    auto shared = [&](const std::string& id, const std::vector<std::string>& other) {
      return std::any_of(other.begin(), other.end(), [&](const std::string& o) {
        return glm::distance(restLandmark(id), restLandmark(o)) < 0.03f;
      });
    };
    for (const std::string& id : spec.origin)
      if (!shared(id, spec.insertion)) CHECK_MESSAGE(vNear(id) < 0.25f, id);
    for (const std::string& id : spec.insertion)
      if (!shared(id, spec.origin)) CHECK_MESSAGE(vNear(id) > 0.75f, id);
  }
}

TEST_CASE("layers keep their order: rhomboids under trapezius, latissimus under the lower trapezius") {
  const DistanceField field = [](glm::vec3 p) { return body().distance(p); };
  auto checkUnder = [&](const std::string& deep, const std::vector<std::string>& over) {
    const TissueMesh& d = mesh(deep);
    int tested = 0, covered = 0;
    for (std::size_t i = 0; i < d.positions.size(); i += 11) {
      glm::vec3 p = d.positions[i];
      glm::vec3 n = fieldNormal(field, p);
      for (const std::string& o : over) {
        const TissueMesh& s = mesh(o);
        // Nothing of the superficial muscle may lie beneath the deep one...
        float below = rayHit(s, p, -n);
        CHECK_MESSAGE(!(below > 0.0f && below < 0.03f), o, " found under ", deep);
        // ...and where it lies over it, there is a real gap (no coincident faces).
        float above = rayHit(s, p, n);
        if (above > 0.0f) {
          ++covered;
          CHECK(above > 0.0005f);
        }
      }
      ++tested;
    }
    MESSAGE(deep, ": ", covered, " of ", tested, " samples covered");
    CHECK(covered > 0);
  };
  checkUnder("rhomboid_major_L", {"trapezius_transverse_L", "trapezius_ascending_L"});
  checkUnder("rhomboid_minor_L", {"trapezius_descending_L", "trapezius_transverse_L"});
  checkUnder("latissimus_dorsi_L", {"trapezius_ascending_L"});
}

TEST_CASE("the deep and middle layers lie under the superficial ones") {
  const DistanceField field = [](glm::vec3 p) { return body().distance(p); };
  // For each sample of the deep sheet: no part of a superficial sheet lies beneath it within 3 cm, and where
  // one lies over it there is a real gap.
  auto checkUnder = [&](const std::string& deep, const std::vector<std::string>& over, float upToV = 1.0f) {
    const TissueMesh& d = mesh(deep);
    int tested = 0, covered = 0, inverted = 0;
    for (std::size_t i = 0; i < d.positions.size(); i += 7) {
      if (d.texcoords[i].y > upToV) continue;
      glm::vec3 p = d.positions[i];
      glm::vec3 n = fieldNormal(field, p);
      for (const std::string& o : over) {
        const TissueMesh& s = mesh(o);
        float below = rayHit(s, p, -n);
        if (below > 0.0f && below < 0.03f && ++inverted <= 3)
          MESSAGE(o, " lies ", below * 1000.0f, " mm under ", deep, " at (", p.x, ", ", p.y, ", ", p.z, "), v ", d.texcoords[i].y);
        float above = rayHit(s, p, n);
        if (above > 0.0f) {
          ++covered;
          CHECK_MESSAGE(above > 0.0003f, o, " touches ", deep);
        }
      }
      ++tested;
    }
    MESSAGE(deep, ": ", covered, " of ", tested, " samples covered, ", inverted, " with a superficial sheet under them");
    CHECK(covered > 0);
    CHECK(inverted <= tested / 50);
  };
  checkUnder("supraspinatus_L", {"trapezius_descending_L", "trapezius_transverse_L", "deltoid_L"});
  // The deltoid lies over the whole rotator cuff, down to the cuff's tendons on the greater tubercle.
  checkUnder("infraspinatus_L", {"trapezius_ascending_L", "latissimus_dorsi_L", "deltoid_L"});
  checkUnder("teres_minor_L", {"deltoid_L"});
  // At the humerus the latissimus tendon wraps round teres major's lower border to lie in front of it.
  checkUnder("teres_major_L", {"latissimus_dorsi_L"}, 0.8f);
  checkUnder("levator_scapulae_L", {"trapezius_descending_L"});
  checkUnder("splenius_capitis_L", {"trapezius_descending_L", "rhomboid_minor_L"});
  checkUnder("erector_spinae_longissimus_L",
             {"trapezius_ascending_L", "latissimus_dorsi_L", "rhomboid_major_L", "thoracolumbar_fascia_L"});
  checkUnder("erector_spinae_iliocostalis_L", {"latissimus_dorsi_L", "rhomboid_major_L", "thoracolumbar_fascia_L"});
  checkUnder("erector_spinae_spinalis_L", {"trapezius_ascending_L", "thoracolumbar_fascia_L"});
  checkUnder("thoracolumbar_fascia_L", {"latissimus_dorsi_L"});
  checkUnder("serratus_anterior_L", {"latissimus_dorsi_L"});
}

namespace {

/// Thickness of a closed sheet at its outer-face vertices: the distance along the inward vertex normal to the
/// sheet's other face. Returns the sorted thicknesses of every `step`-th vertex that meets the other face.
std::vector<float> thicknesses(const TissueMesh& m, std::size_t step) {
  std::vector<float> found;
  const DistanceField field = [](glm::vec3 p) { return body().distance(p); };
  for (std::size_t i = 0; i < m.positions.size(); i += step) {
    glm::vec3 n = m.normals[i];
    // Outer-face vertices only: their normal points toward the skin (a midline sheet: toward the left).
    glm::vec3 out = m.name == "nuchal_ligament" ? glm::vec3(1.0f, 0.0f, 0.0f) : fieldNormal(field, m.positions[i]);
    if (glm::dot(n, out) < 0.7f) continue;
    float t = rayHit(m, m.positions[i] - n * 1e-5f, -n);
    if (t > 0.0f && t < 0.08f) found.push_back(t);
  }
  std::sort(found.begin(), found.end());
  return found;
}

}  // namespace

TEST_CASE("each muscle is a solid whose thickness varies, its belly within the reference band") {
  // Reference bands (mm): the belly at its thickest (the 95th percentile of the sampled thickness, where
  // ultrasound measures it) lies in [min, max] of the published range (anatomy-deep.md section 5).
  struct Band {
    const char* mesh;
    float min, max;
  };
  const Band bands[] = {{"supraspinatus_L", 12, 26},   {"infraspinatus_L", 10, 22},
                        {"teres_minor_L", 8, 16},      {"teres_major_L", 10, 22},
                        {"levator_scapulae_L", 6, 14}, {"serratus_anterior_L", 4, 12},
                        {"splenius_capitis_L", 4, 10}, {"external_oblique_L", 4, 10},
                        {"erector_spinae_longissimus_L", 8, 38}, {"erector_spinae_iliocostalis_L", 8, 38},
                        {"erector_spinae_spinalis_L", 4, 10},    {"thoracolumbar_fascia_L", 0.9f, 1.9f},
                        {"pectoralis_major_L", 15, 25},
                        {"nuchal_ligament", 1, 4},
                        // The superficial layers (anatomy.md section 5).
                        {"trapezius_descending_L", 6, 10},       {"trapezius_transverse_L", 5, 9},
                        {"trapezius_ascending_L", 3, 6},         {"rhomboid_minor_L", 3, 7},
                        {"rhomboid_major_L", 4, 9},              {"deltoid_L", 15, 25}};
  for (const Band& b : bands) {
    const TissueMesh& m = mesh(b.mesh);
    const std::vector<float> t = thicknesses(m, std::max<std::size_t>(1, m.positions.size() / 1500));
    INFO(b.mesh);
    REQUIRE(t.size() > 20);
    const float belly = 1000.0f * t[t.size() * 95 / 100], median = 1000.0f * t[t.size() / 2];
    MESSAGE(std::string(b.mesh), ": median ", median, " mm, belly ", belly, " mm");
    CHECK(belly >= b.min);
    CHECK(belly <= b.max);
    // Not a uniform sheet: thinner toward the rim and the tendons than in the belly.
    CHECK(median < 0.95f * belly);
  }
}

TEST_CASE("seen from behind with the skin hidden: the trapezius over the rhomboids, the triangle of auscultation open") {
  PreviewView view;
  view.centre = {0.0f, 1.38f, 0.0f};
  view.forward = {0.0f, 0.0f, 1.0f};
  view.halfHeight = 0.15f;
  view.width = 400;
  view.height = 400;
  std::vector<PreviewItem> major, minor, all;
  for (std::size_t i = 0; i < model().meshes.size(); ++i) {
    const TissueMesh& m = model().meshes[i];
    if (m.tissue == Tissue::Skin) continue;
    PreviewItem it;
    it.positions = &m.positions;
    it.normals = &m.normals;
    it.indices = &m.indices;
    it.id = static_cast<int>(i);
    all.push_back(it);
    if (m.name == "rhomboid_major_L") major.push_back(it);
    if (m.name == "rhomboid_minor_L") minor.push_back(it);
  }
  const PreviewImage together = renderPreview(all, view);
  // Pixel row of a height (the view is orthographic, y up).
  auto rowOf = [&](float y) { return (view.centre.y + view.halfHeight - y) / (2.0f * view.halfHeight) * view.height; };
  struct Cover {
    int area = 0, byTrapezius = 0, visible = 0;
    float visibleRow = 0.0f;  ///< mean pixel row of the visible part
  };
  auto cover = [&](const std::vector<PreviewItem>& alone, const std::string& name) {
    const PreviewImage own = renderPreview(alone, view);
    Cover c;
    for (std::size_t k = 0; k < own.id.size(); ++k) {
      if (own.id[k] < 0) continue;
      ++c.area;
      const std::string& front = model().meshes[together.id[k]].name;
      if (front.starts_with("trapezius")) ++c.byTrapezius;
      if (front == name) {
        ++c.visible;
        c.visibleRow += static_cast<float>(k / static_cast<std::size_t>(view.width));
      }
    }
    if (c.visible > 0) c.visibleRow /= static_cast<float>(c.visible);
    MESSAGE(name, ": ", c.area, " pixels, under the trapezius ", c.byTrapezius, ", visible ", c.visible);
    return c;
  };
  const Cover maj = cover(major, "rhomboid_major_L");
  const Cover min = cover(minor, "rhomboid_minor_L");
  REQUIRE(maj.area > 1000);
  REQUIRE(min.area > 200);
  // Rhomboid minor lies under the upper trapezius; most of rhomboid major under the middle and lower parts...
  CHECK(min.byTrapezius > 0.9 * min.area);
  CHECK(maj.byTrapezius > 0.7 * maj.area);
  // ...but a strip of it shows in the triangle of auscultation, below the root of the spine of the scapula.
  CHECK(maj.visible > 0.02 * maj.area);
  CHECK(maj.visible < 0.3 * maj.area);
  CHECK(maj.visibleRow > rowOf(restLandmark("SCAP_ROOT_SPINE_L").y));
  // The lower medial border of the scapula shows in the triangle too: the blade, or the infraspinatus on it,
  // is the nearest surface somewhere between the root of the spine and the inferior angle, beside the border.
  int blade = 0;
  const glm::vec3 root = restLandmark("SCAP_ROOT_SPINE_L"), angle = restLandmark("SCAP_INF_ANGLE_L");
  for (int r = static_cast<int>(rowOf(root.y)); r < static_cast<int>(rowOf(angle.y)); ++r) {
    for (int c = 0; c < view.width; ++c) {
      const int id = together.id[static_cast<std::size_t>(r) * view.width + c];
      if (id < 0) continue;
      const std::string& name = model().meshes[id].name;
      if (name == "bone_scapula_L" || name == "infraspinatus_L") ++blade;
    }
  }
  MESSAGE("scapula or infraspinatus pixels between the root of the spine and the inferior angle: ", blade);
  CHECK(blade > 50);
}

TEST_CASE("the GLB names every mesh and node, skins every mesh and carries the muscle attributes") {
  std::vector<std::uint8_t> bytes = encodeGlb(model());
  REQUIRE(bytes.size() > 20);
  CHECK(bytes.size() % 4 == 0);
  CHECK(bytes[0] == 'g');
  std::uint32_t jsonLength = bytes[12] | (bytes[13] << 8) | (bytes[14] << 16) | (bytes[15] << 24);
  nlohmann::json doc = nlohmann::json::parse(bytes.begin() + 20, bytes.begin() + 20 + jsonLength);
  std::map<std::string, nlohmann::json> meshes;
  for (const auto& m : doc["meshes"]) meshes[m["name"].get<std::string>()] = m;
  CHECK(meshes.size() == model().meshes.size());
  const auto& trap = meshes["trapezius_transverse_R"];
  CHECK(trap["extras"]["part"] == "transverse");
  CHECK(trap["extras"]["side"] == "right");
  CHECK(trap["primitives"][0]["attributes"].contains("_FIBRE"));
  CHECK(trap["primitives"][0]["attributes"].contains("_TENDON"));
  CHECK(trap["primitives"][0]["attributes"].contains("TEXCOORD_0"));
  CHECK_FALSE(meshes["skin"]["primitives"][0]["attributes"].contains("TEXCOORD_0"));
  int meshNodes = 0;
  for (const auto& n : doc["nodes"]) {
    if (!n.contains("mesh")) {
      CHECK_FALSE(n.contains("rotation"));
      continue;
    }
    ++meshNodes;
    CHECK(n["skin"] == 0);
    CHECK(n["name"] == doc["meshes"][n["mesh"].get<int>()]["name"]);
  }
  CHECK(meshNodes == static_cast<int>(model().meshes.size()));
  CHECK(doc["skins"][0]["joints"].size() == model().joints.size());
  CHECK(doc["materials"].size() == 3);
}

TEST_CASE("writing to an impossible path is one clear error naming the file") {
  AnatomyModel tiny;
  std::filesystem::path dir = std::filesystem::temp_directory_path();
  try {
    writeGlb(tiny, dir);
    FAIL("expected an error");
  } catch (const myo::core::Error& e) {
    CHECK(e.where() == dir.string());
  }
}

TEST_CASE("the lower trapezius' lateral border runs straight from the tubercle of the scapular spine to T12") {
  // Seen from behind: at each height between the two, the lateral-most point of the ascending part lies within
  // 1.5 cm of the straight line joining them (the old shield bulged 3.5 cm past it at the inferior angle).
  const TissueMesh& m = mesh("trapezius_ascending_L");
  const glm::vec3 tubercle = restLandmark("SPINE_SUP_08_L"), t12 = restLandmark("SP_T12");
  float worst = 0.0f;
  int rows = 0;
  for (float y = t12.y + 0.02f; y < tubercle.y - 0.02f; y += 0.01f) {
    float lateral = -1.0f;
    for (const glm::vec3& p : m.positions)
      if (std::abs(p.y - y) < 0.004f) lateral = std::max(lateral, p.x);
    if (lateral < 0.0f) continue;
    const float line = t12.x + (tubercle.x - t12.x) * (y - t12.y) / (tubercle.y - t12.y);
    worst = std::max(worst, std::abs(lateral - line));
    ++rows;
  }
  MESSAGE("lateral border off the straight line by up to ", worst * 1000.0f, " mm over ", rows, " heights");
  CHECK(rows > 10);
  CHECK(worst < 0.015f);
}

namespace {
/// Closest point of triangle abc to p (Ericson, Real-Time Collision Detection 5.1.5).
glm::vec3 closestOnTriangle(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
  glm::vec3 ab = b - a, ac = c - a, ap = p - a;
  float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return a;
  glm::vec3 bp = p - b;
  float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return b;
  float vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) return a + ab * (d1 / (d1 - d3));
  glm::vec3 cp = p - c;
  float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return c;
  float vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) return a + ac * (d2 / (d2 - d6));
  float va = d3 * d6 - d5 * d4;
  if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
  float denom = 1.0f / (va + vb + vc);
  return a + ab * (vb * denom) + ac * (vc * denom);
}
/// Distance from p to the nearest face of the mesh.
float surfaceDistance(const TissueMesh& m, glm::vec3 p) {
  float best = std::numeric_limits<float>::max();
  for (std::size_t f = 0; f < m.indices.size(); f += 3)
    best = std::min(best, glm::distance(p, closestOnTriangle(p, m.positions[m.indices[f]], m.positions[m.indices[f + 1]],
                                                                m.positions[m.indices[f + 2]])));
  return best;
}
}  // namespace


TEST_CASE("the humeral insertions reach their bony sites within 3 mm") {
  // Each insertion landmark lies on the bone (the lips and floor of the intertubercular groove); the tendon
  // reaches it.
  // The deltoid's tendon reaches its tuberosity on the shaft.
  for (const char* name : {"latissimus_dorsi_L", "pectoralis_major_L", "teres_major_L", "deltoid_L"}) {
    const TissueMesh& m = mesh(name);
    const MuscleSpec* spec = nullptr;
    for (const MuscleSpec& s : muscleSpecs())
      if (s.name + "_L" == name) spec = &s;
    REQUIRE(spec != nullptr);
    for (const std::string& id : spec->insertion) {
      const glm::vec3 site = restLandmark(id);
      const float d = surfaceDistance(m, site);
      // The tendon's point nearest the landmark lies on the drawn humerus too.
      glm::vec3 end = m.positions.front();
      for (const glm::vec3& p : m.positions)
        if (glm::distance(p, site) < glm::distance(end, site)) end = p;
      const float onBone = surfaceDistance(mesh("bone_humerus_L"), end);
      MESSAGE(std::string(name), " to ", id, ": ", d * 1000.0f, " mm (nearest vertex ", glm::distance(end, site) * 1000.0f,
              " mm), ", onBone * 1000.0f, " mm from the humerus");
      CHECK(d < 0.003f);
      CHECK(onBone < 0.003f);
    }
  }
}


TEST_CASE("the latissimus is thin in its belly and thick in the posterior axillary fold") {
  // anatomy.md section 5: 1-2 mm aponeurosis, 4-8 mm fleshy belly, about 10 mm where it rolls round teres major.
  const DistanceField field = [](glm::vec3 p) { return body().distance(p); };
  const TissueMesh& m = mesh("latissimus_dorsi_L");
  const glm::vec3 fold = restLandmark("AXILLA_POST_FOLD_L");
  std::vector<float> inFold, belly;
  for (std::size_t i = 0; i < m.positions.size(); ++i) {
    const glm::vec3 n = m.normals[i];
    if (glm::dot(n, fieldNormal(field, m.positions[i])) < 0.7f) continue;
    const float d = glm::distance(m.positions[i], fold);
    if (d > 0.03f && (d < 0.08f || i % 3 != 0)) continue;
    const float t = rayHit(m, m.positions[i] - n * 1e-5f, -n);
    if (t <= 0.0f || t > 0.08f) continue;
    (d <= 0.03f ? inFold : belly).push_back(t);
  }
  std::sort(inFold.begin(), inFold.end());
  std::sort(belly.begin(), belly.end());
  REQUIRE(inFold.size() > 20);
  REQUIRE(belly.size() > 100);
  const float fold50 = 1000.0f * inFold[inFold.size() / 2], belly95 = 1000.0f * belly[belly.size() * 95 / 100];
  MESSAGE("latissimus: fold median ", fold50, " mm, belly ", belly95, " mm");
  CHECK(fold50 >= 10.0f);
  CHECK(fold50 <= 16.0f);
  CHECK(belly95 >= 4.0f);
  CHECK(belly95 <= 8.0f);
}

TEST_CASE("the descending trapezius and splenius capitis reach the skull") {
  // Both arise or insert on bone: the trapezius along the superior nuchal line to the external occipital
  // protuberance (then on the nuchal ligament), the splenius along the lateral superior nuchal line to the mastoid.
  // Every point of that part of the sheet's end lies within 3 mm of the skull.
  const TissueMesh& skull = mesh("skull");
  auto endOnSkull = [&](const char* name, bool originEnd, const char* lastOnSkull, std::vector<const char*> ids) {
    const TissueMesh& m = mesh(name);
    for (const char* id : ids) {
      const float d = surfaceDistance(m, restLandmark(id));
      MESSAGE(std::string(name), " to ", std::string(id), ": ", d * 1000.0f, " mm");
      CHECK(d < 0.003f);
    }
    // The end row, from its first fibre up to the one nearest the last landmark on the skull.
    std::vector<std::size_t> row;
    for (std::size_t i = 0; i < m.positions.size(); ++i)
      if (originEnd ? m.texcoords[i].y < 1e-4f : m.texcoords[i].y > 1.0f - 1e-4f) row.push_back(i);
    std::sort(row.begin(), row.end(), [&](std::size_t a, std::size_t b) { return m.texcoords[a].x < m.texcoords[b].x; });
    std::size_t last = 0;
    for (std::size_t k = 0; k < row.size(); ++k)
      if (glm::distance(m.positions[row[k]], restLandmark(lastOnSkull)) <
          glm::distance(m.positions[row[last]], restLandmark(lastOnSkull)))
        last = k;
    float worst = 0.0f;
    for (std::size_t k = 0; k <= last; ++k) worst = std::max(worst, surfaceDistance(skull, m.positions[row[k]]));
    MESSAGE(std::string(name), ": ", last + 1, " end points up to ", std::string(lastOnSkull), ", the farthest ", worst * 1000.0f,
            " mm from the skull");
    CHECK(last >= 4);
    CHECK(worst < 0.003f);
    return std::vector<std::size_t>(row.begin() + static_cast<std::ptrdiff_t>(last) + 1, row.end());
  };
  const std::vector<std::size_t> onLigament =
      endOnSkull("trapezius_descending_L", true, "INION", {"SNL_2_L", "SNL_1_L", "INION"});
  // Below the protuberance the origin lies on the nuchal ligament.
  const TissueMesh& trap = mesh("trapezius_descending_L");
  float worst = 0.0f;
  for (std::size_t i : onLigament) worst = std::max(worst, surfaceDistance(mesh("nuchal_ligament"), trap.positions[i]));
  MESSAGE("trapezius origin on the nuchal ligament: the farthest point ", worst * 1000.0f, " mm from it");
  CHECK(worst < 0.003f);
  endOnSkull("splenius_capitis_L", false, "SNL_5_L", {"SNL_3_L", "SNL_4_L", "SNL_5_L", "MASTOID_TIP_L"});
  // The mastoid tip itself lies on the skull, like the other bony sites.
  for (const char* id : {"MASTOID_TIP_L", "MASTOID_TIP_R"}) {
    const float d = surfaceDistance(mesh("skull"), restLandmark(id));
    MESSAGE(std::string(id), " ", d * 1000.0f, " mm from the skull's surface");
    CHECK(d < 0.003f);
  }
}

TEST_CASE("every mesh (skin, bones, muscle sheets) is a closed, consistently wound 2-manifold") {
  // Each edge is shared by exactly two faces that run along it in opposite directions (a closed 2-manifold
  // with one orientation), so no mesh has holes, flaps, faces turned inside out or edges where two parts of
  // the surface meet (the polygoniser's ambiguous cells, bone simplification).
  for (const TissueMesh& m : model().meshes) {
    INFO(m.name);
    CHECK(myo::test::nonManifoldEdges(m) == 0);
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> directed;
    for (std::size_t f = 0; f < m.indices.size(); f += 3)
      for (int e = 0; e < 3; ++e) ++directed[{m.indices[f + e], m.indices[f + (e + 1) % 3]}];
    int open = 0, repeated = 0;
    for (const auto& [edge, count] : directed) {
      if (count > 1) ++repeated;
      if (!directed.contains({edge.second, edge.first})) ++open;
    }
    CHECK(open == 0);
    CHECK(repeated == 0);
  }
}

TEST_CASE("the skin and the muscle sheets do not cut through themselves") {
  // No edge passes through a face of its own mesh. The sheets below still fold through themselves where their
  // fibres converge steeply or twist on the depth surface they are laid on (docs/model.md, "Open"); they are
  // listed so that each one fixed has to leave the list, and their counts are printed.
  const std::set<std::string> open = {"trapezius_descending", "trapezius_ascending", "latissimus_dorsi",
                                      "pectoralis_major",     "deltoid",             "teres_minor",
                                      "levator_scapulae",     "serratus_anterior",   "nuchal_ligament"};
  int clean = 0;
  for (const TissueMesh& m : model().meshes) {
    if (m.tissue == Tissue::Bone) continue;
    INFO(m.name);
    std::string base = m.name;
    if (base.ends_with("_L") || base.ends_with("_R")) base.resize(base.size() - 2);
    const std::size_t crossing = myo::test::selfIntersectingEdges(m).size();
    if (open.contains(base)) {
      MESSAGE(m.name, ": ", crossing, " edges through its own faces (open)");
      CHECK(crossing > 0);
      continue;
    }
    CHECK(crossing == 0);
    ++clean;
  }
  // The skin and the other muscle sheets, ligaments and fasciae.
  CHECK(clean >= 25);
}
