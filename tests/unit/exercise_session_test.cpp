// exercise::Session: the timer, the motion and the user's intents (start/pause, skip, restart, scrub, speed,
// work time, sets, trigger point) without a window.
#include <doctest/doctest.h>

#include <filesystem>

#include "exercise/session.hpp"
#include "exercise_test_support.hpp"
#include "scene/gltf_loader.hpp"

using namespace myo;
using namespace myo::exercise;

namespace {

const std::string& kModel = test::kShippedModel;
const scene::Model& shipped() { return test::shippedModel(); }

}  // namespace

TEST_CASE("session: start, pause, resume, tones, skip, scrub, speed and restart") {
  REQUIRE(std::filesystem::exists(kModel));
  Session s(shipped(), test::shippedExercises().find("trapezius-foam-roller"));
  CHECK_FALSE(s.timer().running());
  CHECK(s.elapsed() == 0.0);
  CHECK(s.state().phase == Phase::LeadIn);
  CHECK(s.advance(1.0).empty());  // stopped: time stands still
  CHECK(s.elapsed() == 0.0);

  s.startPause();
  CHECK(s.timer().running());
  // Through the 5 s lead-in: three ticks (3, 2, 1 s before its end), then the end-of-phase tone.
  std::vector<Cue> cues;
  for (int i = 0; i < 12; ++i)
    for (const Cue& c : s.advance(0.5)) cues.push_back(c);
  CHECK(s.elapsed() == doctest::Approx(6.0));
  REQUIRE(cues.size() == 4);
  CHECK(cues[0].kind == CueKind::Tick);
  CHECK(cues[0].secondsLeft == 3);
  CHECK(cues[3].kind == CueKind::PhaseEnd);
  CHECK(cues[3].time == doctest::Approx(5.0));
  CHECK(s.state().phase == Phase::Work);

  s.startPause();  // pause
  CHECK_FALSE(s.timer().running());
  s.advance(3.0);
  CHECK(s.elapsed() == doctest::Approx(6.0));
  s.startPause();  // resume where it was
  CHECK(s.timer().running());
  CHECK(s.elapsed() == doctest::Approx(6.0));

  s.skip();  // silently to the stretch after the first set
  CHECK(s.state().phase == Phase::Stretch);
  CHECK(s.elapsed() == doctest::Approx(5.0 + 35.0));

  s.scrub(20.0);
  CHECK(s.elapsed() == doctest::Approx(20.0));
  CHECK(s.timer().running());  // scrubbing keeps it running

  CHECK(s.setSpeed(2.0) == 2.0);
  s.advance(1.0);
  CHECK(s.elapsed() == doctest::Approx(22.0));
  CHECK(s.setSpeed(10.0) == kMaxSpeed);
  CHECK(s.setSpeed(0.01) == kMinSpeed);

  s.restart();
  CHECK(s.elapsed() == 0.0);
  CHECK(s.timer().running());

  // After the end, start begins again from the top.
  s.scrub(1e9);
  CHECK(s.timer().done());
  s.startPause();
  CHECK(s.elapsed() == 0.0);
  CHECK(s.timer().running());
}

TEST_CASE("session: work time and sets within the protocol's ranges, the frame follows the clock") {
  REQUIRE(std::filesystem::exists(kModel));
  Session s(shipped(), test::shippedExercises().find("trapezius-foam-roller"));
  CHECK(s.workS() == 35.0);
  CHECK(s.sets() == 3);
  s.setWorkS(38.0);
  s.setSets(4);
  CHECK(s.workS() == 38.0);
  CHECK(s.sets() == 4);
  CHECK(test::workSegments(s.timer().plan()).size() == 4);
  CHECK(s.timer().plan().total == doctest::Approx(5.0 + 4 * 38.0 + 3 * 30.0));
  s.setWorkS(1000.0);  // pulled into 30-40 s
  CHECK(s.workS() == 40.0);
  s.setSets(0);
  CHECK(s.sets() == 3);

  // The frame is the motion at the clock's time, and moves only when the clock does.
  s.scrub(20.0);
  const std::uint64_t v = s.frameVersion();
  CHECK(s.frame().timer.elapsed == doctest::Approx(20.0));
  CHECK(s.frameVersion() == v);
  const glm::vec3 tool = s.frame().toolPosition;
  s.scrub(26.0);
  CHECK(s.frameVersion() == v + 1);
  CHECK(glm::distance(s.frame().toolPosition, tool) > 0.01f);
  CHECK(s.frame().timer.elapsed == doctest::Approx(26.0));
}

TEST_CASE("session: a moved trigger point stays through a new work time") {
  REQUIRE(std::filesystem::exists(kModel));
  Session s(shipped(), test::shippedExercises().find("rhomboid-massage-ball"));
  const auto first = s.playback().triggerPoint();
  REQUIRE(first);
  const auto moved = s.setTriggerPoint(*first + glm::vec3(0.0f, -0.04f, 0.0f));
  REQUIRE(moved);
  CHECK(glm::distance(*moved, *first) > 0.02f);
  s.setWorkS(33.0);
  REQUIRE(s.playback().triggerPoint());
  CHECK(glm::distance(*s.playback().triggerPoint(), *moved) < 1e-5f);
  s.scrub(10.0);
  REQUIRE(s.frame().contact);
  CHECK(std::abs(s.frame().contact->restPoint.y - moved->y) < 0.03f);
}
