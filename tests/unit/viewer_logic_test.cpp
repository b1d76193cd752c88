// viewer_logic_test.cpp: the viewer's logic without a GL context: picking, a failed load keeping the previous
// model, and the timer running a whole protocol while the body moves.
#include <doctest/doctest.h>

#include <filesystem>

#include "app/viewer.hpp"
#include "core/error.hpp"

using namespace myo;

namespace {

std::string fixture(const std::string& name) {
  return std::string(MYO_FIXTURES_DIR) + "/" + name;
}

}  // namespace

TEST_CASE("picking selects the muscle under the cursor") {
  app::Viewer viewer;
  viewer.loadInitial(std::string(MYO_SOURCE_DIR) + "/tests/gl/data/muscle_quads.gltf");
  viewer.camera().setTransitionSeconds(0.0f);
  viewer.camera().setViewport(320, 240);
  viewer.setPreset(view::Preset::Back);
  viewer.pickAt(viewer.camera().project({-0.15f, 1.30f, -0.10f}), false);
  CHECK(viewer.panelInput().selectedMesh == 1);
  viewer.pickAt({2.0f, 2.0f}, false);
  CHECK(viewer.panelInput().selectedMesh == -1);
}

TEST_CASE("a model that fails to load leaves the previous one in place, with the error shown") {
  app::Viewer viewer;
  viewer.loadInitial(fixture("box.gltf"));
  const size_t meshes = viewer.model().meshes.size();
  const std::string bad = std::string(MYO_TEST_DATA_DIR) + "/malformed/node_cycle.gltf";
  REQUIRE(std::filesystem::exists(bad));
  CHECK_FALSE(viewer.tryLoad(bad));
  CHECK(viewer.model().meshes.size() == meshes);
  REQUIRE(viewer.error().has_value());
  CHECK(viewer.error()->rfind("myorelease: error: " + bad + ": ", 0) == 0);
  CHECK(viewer.panelInput().error == viewer.error());
  CHECK(viewer.tryLoad(fixture("textured_figure.gltf")));
  CHECK_FALSE(viewer.error().has_value());
}

TEST_CASE("the viewer's timer runs a whole protocol, moving the tool as it goes") {
  app::Viewer viewer;
  viewer.loadInitial(std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb");
  viewer.loadExercises(std::string(MYO_SOURCE_DIR) + "/assets/exercises.json");
  viewer.selectExercise("trapezius-foam-roller");
  CHECK(viewer.exerciseState().phase == exercise::Phase::LeadIn);
  CHECK_FALSE(viewer.exerciseState().running);
  viewer.startPauseTimer();
  std::vector<exercise::Phase> seen;
  std::vector<glm::mat4> pelvisWorld;
  for (int frame = 0; frame < 200 * 60 && viewer.exerciseState().phase != exercise::Phase::Done; ++frame) {
    viewer.update(1.0f / 60.0f);
    const auto phase = viewer.exerciseState().phase;
    if (seen.empty() || seen.back() != phase) seen.push_back(phase);
    if (frame % 60 == 0) pelvisWorld.push_back(viewer.world().front());
  }
  const auto st = viewer.exerciseState();
  CHECK(st.phase == exercise::Phase::Done);
  CHECK(st.elapsed == doctest::Approx(st.total));
  using P = exercise::Phase;
  const std::vector<P> expected{P::LeadIn, P::Work, P::Stretch, P::Work, P::Stretch, P::Work, P::Done};
  CHECK(seen == expected);
  // The body moved over the roller: its root transform changed during the run.
  bool moved = false;
  for (const auto& m : pelvisWorld) moved = moved || m != pelvisWorld.front();
  CHECK(moved);
}
