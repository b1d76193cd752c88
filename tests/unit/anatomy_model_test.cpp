// tests/unit/anatomy_model_test.cpp: the generated model: contract names and facts, budget, mirror
// symmetry, muscle attachments, layering under the skin and the encoded GLB.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <map>
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

using namespace myo::anatomy;

namespace {

const AnatomyModel& model() {
  static const AnatomyModel kModel = generateModel();
  return kModel;
}

const BodyField& body() {
  static const BodyField kBody;
  return kBody;
}

const std::vector<std::string> kMuscles = {"trapezius_descending", "trapezius_transverse", "trapezius_ascending",
                                           "rhomboid_major",       "rhomboid_minor",       "latissimus_dorsi",
                                           "deltoid",              "pectoralis_major"};
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

/// Distance along the ray to the nearest hit with the mesh, or a negative number.
float rayHit(const TissueMesh& m, glm::vec3 origin, glm::vec3 dir) {
  float best = -1.0f;
  for (std::size_t f = 0; f < m.indices.size(); f += 3) {
    glm::vec3 a = m.positions[m.indices[f]], b = m.positions[m.indices[f + 1]], c = m.positions[m.indices[f + 2]];
    glm::vec3 e1 = b - a, e2 = c - a, pv = glm::cross(dir, e2);
    float det = glm::dot(e1, pv);
    if (std::abs(det) < 1e-12f) continue;
    glm::vec3 tv = origin - a;
    float u = glm::dot(tv, pv) / det;
    if (u < 0.0f || u > 1.0f) continue;
    glm::vec3 qv = glm::cross(tv, e1);
    float v = glm::dot(dir, qv) / det;
    if (v < 0.0f || u + v > 1.0f) continue;
    float t = glm::dot(e2, qv) / det;
    if (t > 0.0f && (best < 0.0f || t < best)) best = t;
  }
  return best;
}

}  // namespace

TEST_CASE("every contract mesh exists with its tissue and facts") {
  CHECK(mesh("skin").tissue == Tissue::Skin);
  for (const std::string& b : kBones) CHECK(mesh(b).tissue == Tissue::Bone);
  for (const std::string& base : kMuscles) {
    for (const char* side : {"_L", "_R"}) {
      const TissueMesh& m = mesh(base + side);
      CHECK(m.tissue == Tissue::Muscle);
      std::map<std::string, std::string> extras(m.extras.begin(), m.extras.end());
      for (const char* key : {"display_name", "origin", "insertion", "action", "innervation", "blood_supply"}) {
        CHECK_MESSAGE(extras[key].size() > 5, base, " ", key);
      }
      CHECK(extras["side"] == (side[1] == 'L' ? "left" : "right"));
      std::string part = base.starts_with("trapezius_") ? base.substr(10) : "";
      CHECK(extras["part"] == part);
    }
  }
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
  for (const char* b : {"bone_scapula", "bone_clavicle", "bone_humerus"}) {
    pairs.push_back({std::string(b) + "_L", std::string(b) + "_R"});
  }
  for (const char* b : {"bone_vertebrae", "bone_ribs", "bone_pelvis"}) pairs.push_back({b, b});
  for (const auto& [l, r] : pairs) {
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
    for (const char* side : {"_L", "_R"}) {
      const TissueMesh& m = mesh(spec.name + side);
      PointIndex index(m.positions, 0.02f);
      std::vector<std::string> ids = spec.origin;
      ids.insert(ids.end(), spec.insertion.begin(), spec.insertion.end());
      for (std::string id : ids) {
        if (id.starts_with("MID:")) continue;
        if (side[1] == 'R' && id.ends_with("_L")) id.back() = 'R';
        glm::vec3 target = restLandmark(id);
        if (side[1] == 'R' && !id.ends_with("_R")) target.x = -target.x;
        float d = index.nearest(target);
        CHECK_MESSAGE(d < 0.02f, spec.name, side, " misses ", id, " by ", d, " m");
      }
    }
  }
  // The headline attachments of the trapezius named in the brief.
  PointIndex trapDesc(mesh("trapezius_descending_L").positions, 0.02f);
  CHECK(trapDesc.nearest(restLandmark("INION")) < 0.02f);
  CHECK(trapDesc.nearest(restLandmark("CLAV_POST_100_L")) < 0.02f);
}

TEST_CASE("every muscle lies inside the skin and within 3 cm of it") {
  for (const TissueMesh& m : model().meshes) {
    if (m.tissue != Tissue::Muscle) continue;
    INFO(m.name);
    float deepest = 0.0f, highest = -1.0f;
    for (std::size_t i = 0; i < m.positions.size(); i += 3) {
      float d = body().distance(m.positions[i]);
      highest = std::max(highest, d);
      deepest = std::min(deepest, d);
    }
    CHECK(highest < 0.0f);
    CHECK(deepest > -0.03f);
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
    const TissueMesh& m = mesh(spec.name + "_L");
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
    CHECK(uMax > 0.01f);
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
    for (const std::string& id : spec.origin) CHECK_MESSAGE(vNear(id) < 0.25f, id);
    for (const std::string& id : spec.insertion) CHECK_MESSAGE(vNear(id) > 0.75f, id);
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

TEST_CASE("seen from behind with the skin hidden, the trapezius covers the rhomboids") {
  PreviewView view;
  view.centre = {0.0f, 1.38f, 0.0f};
  view.forward = {0.0f, 0.0f, 1.0f};
  view.halfHeight = 0.15f;
  view.width = 400;
  view.height = 400;
  std::vector<PreviewItem> rhomboids, all;
  for (std::size_t i = 0; i < model().meshes.size(); ++i) {
    const TissueMesh& m = model().meshes[i];
    if (m.tissue != Tissue::Muscle) continue;
    PreviewItem it;
    it.positions = &m.positions;
    it.normals = &m.normals;
    it.indices = &m.indices;
    it.id = static_cast<int>(i);
    all.push_back(it);
    if (m.name.starts_with("rhomboid")) rhomboids.push_back(it);
  }
  PreviewImage alone = renderPreview(rhomboids, view);
  PreviewImage together = renderPreview(all, view);
  int area = 0, byTrapezius = 0, visible = 0;
  for (std::size_t k = 0; k < alone.id.size(); ++k) {
    if (alone.id[k] < 0) continue;
    ++area;
    const std::string& front = model().meshes[together.id[k]].name;
    if (front.starts_with("trapezius")) ++byTrapezius;
    if (front.starts_with("rhomboid")) ++visible;
  }
  MESSAGE("rhomboid pixels ", area, ", under trapezius ", byTrapezius, ", visible ", visible);
  REQUIRE(area > 2000);
  CHECK(byTrapezius > 0.90 * area);
  CHECK(visible < 0.05 * area);
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
