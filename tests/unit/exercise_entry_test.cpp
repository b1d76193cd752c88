// A new exercise added by a JSON entry alone: a massage ball on the upper trapezius against the wall
// (tests/data/exercises_extra/upper_trapezius_wall_ball.json, an existing motion kind with new landmarks,
// targets and stretch) runs through the timer and the motion on the shipped model, with the ball on the upper
// trapezius.
#include <doctest/doctest.h>

#include <filesystem>

#include "exercise/playback.hpp"
#include "exercise_test_support.hpp"
#include "scene/gltf_loader.hpp"

using namespace myo;
using namespace myo::exercise;

namespace {

const std::string kEntry = std::string(MYO_TEST_DATA_DIR) + "/exercises_extra/upper_trapezius_wall_ball.json";

}  // namespace

TEST_CASE("an exercise added as a JSON entry alone: the ball on the upper trapezius against the wall") {
  const ExerciseSet set = loadExercises(kEntry);
  const Exercise& ex = set.find("upper-trapezius-wall-ball");
  CHECK(ex.motion == "wall-ball");
  CHECK(ex.targets == std::vector<scene::MuscleKind>{scene::MuscleKind::Trapezius});
  const scene::Model& m = test::shippedModel();
  const Playback pb(m, ex);
  REQUIRE(pb.triggerPoint());
  const std::vector<int> upper = test::meshesNamed(m, {"trapezius_descending_L"});
  REQUIRE(!upper.empty());

  // The timer: the entry's protocol, run through with the running clock (cues included).
  Timer timer(pb.plan());
  CHECK(timer.plan().total == doctest::Approx(5.0 + 3 * 30.0 + 2 * 30.0));
  timer.start();
  int works = 0, stretches = 0, phaseEnds = 0;
  Phase last = Phase::LeadIn;
  double worked = 0.0;
  while (!timer.done()) {
    for (const Cue& cue : timer.advance(0.5)) phaseEnds += cue.kind == CueKind::PhaseEnd;
    const TimerState s = timer.state();
    const MotionFrame f = pb.at(timer.elapsed());
    if (s.phase != last) {
      works += s.phase == Phase::Work;
      stretches += s.phase == Phase::Stretch;
      last = s.phase;
    }
    if (s.phase == Phase::Work) {
      REQUIRE(f.contact);
      CHECK(f.contact->pressed);
      const glm::vec3 p = f.contact->restPoint;
      CAPTURE(p.x);
      CAPTURE(p.y);
      CAPTURE(p.z);
      // On the upper (descending) trapezius, beside the neck above the shoulder blade: among the muscles under
      // the ball (at the low end of a stroke the transverse part's upper edge lies over it).
      const auto& under = f.contact->meshes;
      CHECK(std::any_of(under.begin(), under.end(),
                        [&](int mesh) { return std::find(upper.begin(), upper.end(), mesh) != upper.end(); }));
      CHECK(p.x > 0.03f);
      CHECK(p.y > 1.44f);
      // The ball presses between the body and the wall.
      REQUIRE(!f.tools.empty());
      CHECK(f.tools.front().role == "ball");
      worked = std::max(worked, f.coverage);
    } else if (s.phase == Phase::Stretch) {
      CHECK(f.stretching);
      CHECK_FALSE(f.contact);
    }
  }
  CHECK(works == 3);
  CHECK(stretches == 2);
  CHECK(phaseEnds >= 5);
  MESSAGE("upper trapezius worked per set: " << worked);
  CHECK(worked > 0.02);
}
