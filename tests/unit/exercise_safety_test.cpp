// The safety zones (exercise/safety_zones.hpp): the regions on the reference subject, which tools they apply to,
// the model's frame, no zone entered by the shipped exercises over their whole work phases, and moved paths
// (the ball on the midline, on the neck) reported, also in --state.
#include <doctest/doctest.h>

#include "exercise/overlay_geometry.hpp"
#include "exercise/playback.hpp"
#include "exercise/safety_zones.hpp"
#include "exercise/state_json.hpp"
#include "exercise_test_support.hpp"

using namespace myo;
using namespace myo::exercise;

namespace {

/// Every zone a pressing contact enters over the work phases of `ex`, sampled every 0.25 s.
std::vector<Zone> zonesDuringWork(const scene::Model& m, const Playback& pb) {
  const auto body = BodyFrame::of(m, pb.restSurface());
  REQUIRE(body);
  const SafetyZones zones(*body);
  std::vector<Zone> seen;
  for (const Segment* seg : test::workSegments(pb.plan()))
    for (double t = seg->start; t <= seg->end(); t += 0.25) {
      const MotionFrame f = pb.at(t);
      const Zone z = contactZone(zones, pb.exercise().equipment.kind, pressingPoints(f));
      if (z != Zone::None && std::find(seen.begin(), seen.end(), z) == seen.end()) seen.push_back(z);
    }
  return seen;
}

}  // namespace

TEST_CASE("safety zones: the regions on the reference subject (landmarks.json)") {
  const SafetyZones zones(BodyFrame::reference());
  // On the skin over the spinous processes: T7 (1.315, -0.073), T2 (1.460, -0.038).
  CHECK(zones.at({0.0f, 1.315f, -0.073f}) == Zone::Spine);
  CHECK(zones.at({0.01f, 1.460f, -0.038f}) == Zone::Spine);
  // The rhomboid ball's contact 55 mm beside them (Ex2 table) is clear.
  CHECK(zones.at({0.055f, 1.377f, -0.060f}) == Zone::None);
  // The back of the neck between C7 and the inion, and beside it at C6.
  CHECK(zones.at({0.0f, 1.546f, -0.006f}) == Zone::Neck);
  CHECK(zones.at({-0.06f, 1.529f, -0.012f}) == Zone::Neck);
  // The lumbar spine (L3 skin 1.100, -0.028) and the kidney area beside L1-L2.
  CHECK(zones.at({0.0f, 1.100f, -0.028f}) == Zone::Lumbar);
  CHECK(zones.at({-0.07f, 1.14f, -0.04f}) == Zone::Kidney);
  // The side of the chest (the latissimus roll) and the front of the body are in no zone.
  CHECK(zones.at({0.15f, 1.17f, -0.005f}) == Zone::None);
  CHECK(zones.at({0.0f, 1.315f, 0.10f}) == Zone::None);
  CHECK(zoneName(Zone::Spine) == "spine");
  CHECK(zoneName(Zone::None).empty());
}

TEST_CASE("safety zones: a roller may cross the spinous line, a ball or a chair node may not") {
  const SafetyZones zones(BodyFrame::reference());
  const glm::vec3 onSpine{0.0f, 1.315f, -0.073f}, onNeck{0.0f, 1.55f, -0.006f}, onLumbar{0.0f, 1.10f, -0.028f};
  CHECK(zones.forTool(onSpine, EquipmentKind::FoamRoller) == Zone::None);
  CHECK(zones.forTool(onSpine, EquipmentKind::MassageBall) == Zone::Spine);
  CHECK(zones.forTool(onSpine, EquipmentKind::MassageChair) == Zone::Spine);
  for (EquipmentKind tool : {EquipmentKind::FoamRoller, EquipmentKind::MassageBall, EquipmentKind::MassageChair}) {
    CHECK(zones.forTool(onNeck, tool) == Zone::Neck);
    CHECK(zones.forTool(onLumbar, tool) == Zone::Lumbar);
  }
  CHECK(contactZone(zones, EquipmentKind::MassageChair, {{0.06f, 1.40f, -0.05f}, {-0.06f, 1.40f, -0.05f}}) ==
        Zone::None);
  CHECK(contactZone(zones, EquipmentKind::MassageChair, {{0.06f, 1.40f, -0.05f}, onSpine}) == Zone::Spine);
}

TEST_CASE("safety zones: the shipped model's frame is the reference's within a few per cent") {
  const scene::Model& m = test::shippedModel();
  const RestSurface rest = buildRestSurface(m);
  const auto body = BodyFrame::of(m, rest);
  REQUIRE(body);
  CHECK(body->scale == doctest::Approx(1.0).epsilon(0.04));
  CHECK(std::abs(body->midX) < 0.005f);
  CHECK(body->refY(body->modelY(1.3)) == doctest::Approx(1.3));
  // The zones drawn on the skin lie where the zones are, facing back.
  const ZoneTriangles drawn = zoneTriangles(m, rest, SafetyZones(*body), std::nullopt);
  REQUIRE(!drawn.triangles.empty());
  for (Zone z : {Zone::Neck, Zone::Spine, Zone::Lumbar, Zone::Kidney})
    CHECK(std::count(drawn.zones.begin(), drawn.zones.end(), z) > 20);
  const std::vector<glm::vec3> points = restTriangles(rest, drawn.triangles);
  REQUIRE(points.size() == 3 * drawn.triangles.size());
  for (std::size_t i = 0; i < drawn.triangles.size(); i += 97) {
    const glm::vec3 c = (points[3 * i] + points[3 * i + 1] + points[3 * i + 2]) / 3.0f;
    CHECK(SafetyZones(*body).at(c) == drawn.zones[i]);
  }
  // A roller's zones leave the spinous line out.
  const ZoneTriangles roller = zoneTriangles(m, rest, SafetyZones(*body), EquipmentKind::FoamRoller);
  CHECK(std::count(roller.zones.begin(), roller.zones.end(), Zone::Spine) == 0);
  CHECK(roller.triangles.size() < drawn.triangles.size());
}

TEST_CASE("safety zones: no shipped exercise enters a zone during its work phases") {
  const scene::Model& m = test::shippedModel();
  for (const Exercise& ex : test::shippedExercises().exercises) {
    CAPTURE(ex.id);
    const Playback pb(m, ex);
    const std::vector<Zone> seen = zonesDuringWork(m, pb);
    for (Zone z : seen) CHECK_MESSAGE(false, "entered ", std::string(zoneName(z)));
    CHECK(seen.empty());
  }
}

TEST_CASE("safety zones: moved paths are reported, in --state too") {
  const scene::Model& m = test::shippedModel();
  // The rhomboid ball moved onto the midline.
  const ExerciseSet spine = loadExercises(std::string(MYO_TEST_DATA_DIR) + "/exercises_zones/ball_on_spine.json");
  const Playback onSpine(m, spine.find("ball-on-spine"));
  CHECK(zonesDuringWork(m, onSpine) == std::vector<Zone>{Zone::Spine});
  const nlohmann::json j = exerciseStateJson(m, spine.find("ball-on-spine"), 20.0);
  CHECK(j["phase"] == "work");
  CHECK(j["zone"] == "spine");
  // The fifth exercise (tests/data/exercises_extra): the ball on the upper trapezius at C6-C7, beside the neck.
  const ExerciseSet extra =
      loadExercises(std::string(MYO_TEST_DATA_DIR) + "/exercises_extra/upper_trapezius_wall_ball.json");
  const Playback neck(m, extra.find("upper-trapezius-wall-ball"));
  CHECK(zonesDuringWork(m, neck) == std::vector<Zone>{Zone::Neck});
  // The shipped ball's trigger point clicked onto the spinous processes.
  Playback moved(m, test::shippedExercises().find("rhomboid-massage-ball"));
  REQUIRE(moved.setTriggerPoint({0.0f, 1.40f, -0.06f}));
  CHECK(!zonesDuringWork(m, moved).empty());
  // The shipped exercises at the same moment: clear.
  for (const Exercise& ex : test::shippedExercises().exercises) {
    CAPTURE(ex.id);
    CHECK(exerciseStateJson(m, ex, 20.0)["zone"].is_null());
  }
}
