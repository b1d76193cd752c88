// --export: the posed scene as GLB, read back by the program's own loader: the same meshes, names, vertex order
// and counts as the model, posed; the tool, the equipment and the floor as their own nodes.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>

#include "core/error.hpp"
#include "exercise/playback.hpp"
#include "exercise/scene_export.hpp"
#include "exercise_test_support.hpp"
#include "scene/gltf_loader.hpp"
#include "scene/skinning.hpp"

namespace fs = std::filesystem;
using namespace myo;
using namespace myo::exercise;

namespace {

const std::string& kModel = test::kShippedModel;
const scene::Model& shipped() { return test::shippedModel(); }

fs::path tempFile(const std::string& name) {
  const fs::path dir = fs::path(MYO_BINARY_DIR) / "tests" / "export";
  fs::create_directories(dir);
  return dir / name;
}

/// The world-space positions of every primitive of every mesh, by mesh name (the first node drawing it).
std::map<std::string, std::vector<std::vector<glm::vec3>>> positionsByMesh(const scene::Model& m,
                                                                           const std::vector<glm::mat4>& world) {
  std::map<std::string, std::vector<std::vector<glm::vec3>>> out;
  for (int node : scene::meshNodes(m)) {
    const scene::Mesh& mesh = m.meshes[std::size_t(m.nodes[std::size_t(node)].mesh)];
    if (out.count(mesh.name)) continue;
    auto& prims = out[mesh.name];
    for (std::size_t p = 0; p < mesh.primitives.size(); ++p)
      prims.push_back(scene::posedWorldPositions(m, node, int(p), world));
  }
  return out;
}

float largestDifference(const std::vector<glm::vec3>& a, const std::vector<glm::vec3>& b) {
  float d = 0.0f;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) d = std::max(d, glm::distance(a[i], b[i]));
  return d;
}

}  // namespace

TEST_CASE("export at rest: every mesh of the model with its vertices where the model has them, and the floor") {
  REQUIRE(std::filesystem::exists(kModel));
  const scene::Model& m = shipped();
  const std::vector<glm::mat4> rest = test::restWorld(m);
  const fs::path file = tempFile("rest.glb");
  writePosedGlb(file, m, rest, {});
  const scene::Model back = scene::loadGltf(file);

  const auto expected = positionsByMesh(m, rest);
  const auto got = positionsByMesh(back, test::restWorld(back));
  REQUIRE(got.size() == expected.size() + 1);  // the model's meshes and the floor
  CHECK(got.count("floor") == 1);
  CHECK(got.count("tool") == 0);
  for (const auto& entry : expected) {  // no structured binding: CAPTURE takes it into a lambda (clang 14)
    const auto& [name, prims] = entry;
    CAPTURE(entry.first);
    REQUIRE(got.count(name) == 1);
    REQUIRE(got.at(name).size() == prims.size());
    for (std::size_t p = 0; p < prims.size(); ++p) {
      REQUIRE(got.at(name)[p].size() == prims[p].size());
      CHECK(largestDifference(got.at(name)[p], prims[p]) < 1e-5f);
    }
  }
  // Muscles are still recognised by name in the export.
  int muscles = 0;
  for (const auto& r : back.roles) muscles += r.muscle.valid();
  CHECK(muscles > 10);
  // The floor lies at y = 0.
  for (const glm::vec3& p : got.at("floor")[0]) CHECK(p.y == 0.0f);
  // The same input gives the same bytes.
  CHECK(encodePosedGlb(m, rest, {}) == encodePosedGlb(m, rest, {}));
}

TEST_CASE("export of an exercise moment: the posed meshes, the tool and the equipment as named nodes") {
  REQUIRE(std::filesystem::exists(kModel));
  const scene::Model& m = shipped();
  const ExerciseSet& set = test::shippedExercises();
  for (const char* id : {"trapezius-foam-roller", "rhomboid-massage-ball", "massage-chair"}) {
    CAPTURE(id);
    const Playback pb(m, set.find(id));
    const MotionFrame f = pb.at(test::workSegments(pb.plan()).at(0)->start + 7.0);
    const fs::path file = tempFile(std::string(id) + ".glb");
    writePosedGlb(file, m, f.world, {f.tools, {{"exercise", id}}});
    const scene::Model back = scene::loadGltf(file);
    const auto expected = positionsByMesh(m, f.world);
    const auto got = positionsByMesh(back, test::restWorld(back));
    for (const auto& entry : expected) {
      const auto& [name, prims] = entry;
      CAPTURE(entry.first);
      REQUIRE(got.count(name) == 1);
      for (std::size_t p = 0; p < prims.size(); ++p) {
        REQUIRE(got.at(name)[p].size() == prims[p].size());
        CHECK(largestDifference(got.at(name)[p], prims[p]) < 1e-5f);
      }
    }
    // The tool: one primitive per working shape, where the frame puts it.
    REQUIRE(got.count("tool") == 1);
    const std::size_t working = std::size_t(std::count_if(f.tools.begin(), f.tools.end(), [](const ToolShape& s) {
      return s.role == "roller" || s.role == "ball" || s.role == "chair-roller";
    }));
    CHECK(got.at("tool").size() == working);
    glm::vec3 centre(0.0f);
    for (const glm::vec3& p : got.at("tool")[0]) centre += p;
    centre /= float(got.at("tool")[0].size());
    CHECK(glm::distance(centre, f.toolPosition) < 0.02f);
    // Everything else is equipment.
    for (const ToolShape& s : f.tools)
      if (s.role == "wall") CHECK(got.count("equipment_wall") == 1);
    if (std::string(id) == "massage-chair") {
      CHECK(got.count("equipment_chair_seat") == 1);
      CHECK(got.count("equipment_chair_back") == 1);
    }
    CHECK(got.count("floor") == 1);
  }
}

TEST_CASE("export: a name that is not .glb, or a folder that does not exist, gives one error naming the file") {
  REQUIRE(std::filesystem::exists(kModel));
  const scene::Model& m = shipped();
  for (const fs::path& bad : {fs::path("out.gltf"), tempFile("no_such_folder") / "x.glb"}) {
    CAPTURE(bad.string());
    bool threw = false;
    try {
      writePosedGlb(bad, m, test::restWorld(m), {});
    } catch (const core::Error& e) {
      threw = true;
      CHECK(e.where() == bad.string());
    }
    CHECK(threw);
  }
}
