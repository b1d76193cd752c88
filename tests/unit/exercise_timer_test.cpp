// The set/stretch timer as a state machine: plans, boundaries, controls and tones.
#include <doctest/doctest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "core/error.hpp"
#include "exercise/state_json.hpp"
#include "exercise/timer.hpp"

using namespace myo::exercise;
using myo::scene::Side;

namespace {

/// The protocols the tests plan, written here (the article's figures, as the shipped exercise file also has
/// them) so that an edit of assets/exercises.json changes no expectation of the timer's.
struct InlineExercise {
  const char* id;
  Protocol protocol;
  std::vector<Phase> stepPhases;
};

const std::vector<InlineExercise>& inlineExercises() {
  using P = Phase;
  static const std::vector<InlineExercise> all{
      {"trapezius-foam-roller",
       {.workS = 35, .workMinS = 30, .workMaxS = 40, .sets = 3, .setsMin = 3, .setsMax = 4, .stretchS = 30},
       {P::LeadIn, P::LeadIn, P::LeadIn, P::Work, P::Work, P::Stretch}},
      {"rhomboid-massage-ball",
       {.workS = 30, .workMinS = 25, .workMaxS = 35, .sets = 3, .setsMin = 3, .setsMax = 4, .stretchS = 30},
       {P::LeadIn, P::LeadIn, P::LeadIn, P::Work, P::Work, P::Stretch}},
      {"latissimus-foam-roller",
       {.workS = 45,
        .workMinS = 40,
        .workMaxS = 50,
        .sets = 3,
        .setsMin = 3,
        .setsMax = 4,
        .stretchS = 30,
        .sides = Sides::Alternate,
        .switchS = 5},
       {P::LeadIn, P::LeadIn, P::LeadIn, P::LeadIn, P::Work, P::Work, P::Work, P::Switch, P::Stretch}},
      {"massage-chair",
       {.workS = 180,
        .workMinS = 60,
        .workMaxS = 600,
        .sets = 1,
        .setsMin = 1,
        .setsMax = 1,
        .stretchS = 30,
        .stretchAfter = true},
       {P::LeadIn, P::LeadIn, P::Work, P::Stretch}}};
  return all;
}

const InlineExercise& inlineExercise(const std::string& id) {
  for (const InlineExercise& e : inlineExercises())
    if (e.id == id) return e;
  FAIL("no inline exercise " << id);
  throw std::logic_error("unreachable");
}

TimerPlan planFor(const char* id, const PlanOverrides& o = {}) {
  const InlineExercise& e = inlineExercise(id);
  return makePlan(e.id, e.protocol, e.stepPhases, o);
}

struct Expected {
  Phase phase;
  int set;
  Side side;
  double start;
  double duration;
};

void checkSegments(const TimerPlan& plan, const std::vector<Expected>& want) {
  REQUIRE(plan.segments.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    const Segment& s = plan.segments[i];
    CHECK(s.phase == want[i].phase);
    CHECK(s.set == want[i].set);
    CHECK(s.side == want[i].side);
    CHECK(s.start == want[i].start);
    CHECK(s.duration == want[i].duration);
  }
}

/// Runs a started timer to the end in steps of dt, checking that each cue lies in its own step.
std::vector<Cue> runToEnd(Timer& timer, double dt) {
  std::vector<Cue> all;
  for (int guard = 0; !timer.done() && guard < 10'000'000; ++guard) {
    const double before = timer.elapsed();
    for (const Cue& c : timer.advance(dt)) {
      CHECK(c.time > before);
      CHECK(c.time <= timer.elapsed());
      all.push_back(c);
    }
  }
  return all;
}

/// The tones a plan must give: 3, 2, 1 s before each phase boundary, then the end tone.
std::vector<Cue> expectedCues(const std::vector<std::pair<double, Phase>>& ends) {
  std::vector<Cue> out;
  for (const auto& [end, phase] : ends) {
    for (int left = 3; left >= 1; --left) out.push_back(Cue{CueKind::Tick, end - left, phase, left});
    out.push_back(Cue{CueKind::PhaseEnd, end, phase, 0});
  }
  return out;
}

void checkCues(const std::vector<Cue>& got, const std::vector<Cue>& want) {
  REQUIRE(got.size() == want.size());
  for (std::size_t i = 0; i < want.size(); ++i) {
    CAPTURE(i);
    CHECK(got[i].kind == want[i].kind);
    CHECK(got[i].time == want[i].time);
    CHECK(got[i].phase == want[i].phase);
    CHECK(got[i].secondsLeft == want[i].secondsLeft);
  }
}

const std::vector<std::pair<double, Phase>> kTrapeziusEnds = {{5, Phase::LeadIn},    {40, Phase::Work},
                                                              {70, Phase::Stretch},  {105, Phase::Work},
                                                              {135, Phase::Stretch}, {170, Phase::Work}};

}  // namespace

TEST_CASE("plans of the four protocols") {
  SUBCASE("trapezius: 5 s lead-in, 3 x 35 s, 30 s stretches between sets") {
    const TimerPlan plan = planFor("trapezius-foam-roller");
    CHECK(plan.total == 5 + 3 * 35 + 2 * 30);
    CHECK(plan.total == 170.0);
    checkSegments(plan, {{Phase::LeadIn, 0, Side::None, 0, 5},
                         {Phase::Work, 0, Side::None, 5, 35},
                         {Phase::Stretch, 0, Side::None, 40, 30},
                         {Phase::Work, 1, Side::None, 70, 35},
                         {Phase::Stretch, 1, Side::None, 105, 30},
                         {Phase::Work, 2, Side::None, 135, 35},
                         {Phase::Done, 2, Side::None, 170, 0}});
  }
  SUBCASE("rhomboids: 3 x 30 s") {
    const TimerPlan plan = planFor("rhomboid-massage-ball");
    CHECK(plan.total == 5 + 3 * 30 + 2 * 30);
    CHECK(plan.sets == 3);
    CHECK(plan.workS == 30.0);
  }
  SUBCASE("latissimus: left, switch, right within each set") {
    const TimerPlan plan = planFor("latissimus-foam-roller");
    CHECK(plan.total == 5 + 3 * (45 + 5 + 45) + 2 * 30);
    checkSegments(plan, {{Phase::LeadIn, 0, Side::Left, 0, 5},
                         {Phase::Work, 0, Side::Left, 5, 45},
                         {Phase::Switch, 0, Side::Right, 50, 5},
                         {Phase::Work, 0, Side::Right, 55, 45},
                         {Phase::Stretch, 0, Side::None, 100, 30},
                         {Phase::Work, 1, Side::Left, 130, 45},
                         {Phase::Switch, 1, Side::Right, 175, 5},
                         {Phase::Work, 1, Side::Right, 180, 45},
                         {Phase::Stretch, 1, Side::None, 225, 30},
                         {Phase::Work, 2, Side::Left, 255, 45},
                         {Phase::Switch, 2, Side::Right, 300, 5},
                         {Phase::Work, 2, Side::Right, 305, 45},
                         {Phase::Done, 2, Side::None, 350, 0}});
  }
  SUBCASE("massage chair: one 180 s programme, then a 30 s stretch") {
    const TimerPlan plan = planFor("massage-chair");
    checkSegments(plan, {{Phase::LeadIn, 0, Side::None, 0, 5},
                         {Phase::Work, 0, Side::None, 5, 180},
                         {Phase::Stretch, 0, Side::None, 185, 30},
                         {Phase::Done, 0, Side::None, 215, 0}});
  }
}

TEST_CASE("overrides within the article's ranges, and errors outside them") {
  const TimerPlan plan = planFor("trapezius-foam-roller", {.workS = 40.0, .sets = 4});
  CHECK(plan.total == 5 + 4 * 40 + 3 * 30);
  CHECK(plan.segments.size() == 1 + 4 + 3 + 1);

  CHECK_THROWS_WITH_AS(planFor("trapezius-foam-roller", {.workS = 45.0}),
                       "exercise 'trapezius-foam-roller': work time 45 s is outside the allowed 30-40 s",
                       myo::core::Error);
  CHECK_THROWS_WITH_AS(planFor("massage-chair", {.sets = 2}),
                       "exercise 'massage-chair': 2 sets is outside the allowed 1-1", myo::core::Error);
  CHECK_THROWS_AS(planFor("rhomboid-massage-ball", {.workS = NAN}), myo::core::Error);

  const Protocol& p = inlineExercise("latissimus-foam-roller").protocol;
  const PlanOverrides c = clampOverrides(p, {.workS = 100.0, .sets = 0});
  CHECK(c.workS == 50.0);
  CHECK(c.sets == 3);
  CHECK_FALSE(clampOverrides(p, {}).workS.has_value());
}

TEST_CASE("state at exact boundaries") {
  const TimerPlan plan = planFor("trapezius-foam-roller");
  auto at = [&](double t) { return stateAt(plan, t); };

  TimerState s = at(0);
  CHECK(s.phase == Phase::LeadIn);
  CHECK(s.set == 1);
  CHECK(s.sets == 3);
  CHECK(s.phaseRemaining == 5.0);
  CHECK(s.progress == 0.0);
  CHECK_FALSE(s.running);

  CHECK(at(4.999).phase == Phase::LeadIn);
  s = at(5);
  CHECK(s.phase == Phase::Work);
  CHECK(s.phaseElapsed == 0.0);
  CHECK(s.phaseRemaining == 35.0);
  CHECK(at(39.999).phase == Phase::Work);
  s = at(40);
  CHECK(s.phase == Phase::Stretch);
  CHECK(s.set == 1);
  CHECK(s.phaseRemaining == 30.0);
  s = at(70);
  CHECK(s.phase == Phase::Work);
  CHECK(s.set == 2);
  s = at(150);
  CHECK(s.set == 3);
  CHECK(s.phaseRemaining == 20.0);
  CHECK(s.elapsed == 150.0);
  CHECK(s.progress == doctest::Approx(150.0 / 170.0));
  s = at(170);
  CHECK(s.phase == Phase::Done);
  CHECK(s.set == 3);
  CHECK(s.phaseRemaining == 0.0);
  CHECK(s.progress == 1.0);
  CHECK(at(1e9).phase == Phase::Done);
  CHECK(at(1e9).elapsed == 170.0);
  CHECK(at(-3).phase == Phase::LeadIn);
  CHECK(at(NAN).elapsed == 0.0);

  const TimerPlan lat = planFor("latissimus-foam-roller");
  CHECK(stateAt(lat, 0).side == Side::Left);
  CHECK(stateAt(lat, 49.9).side == Side::Left);
  CHECK(stateAt(lat, 50).phase == Phase::Switch);
  CHECK(stateAt(lat, 50).side == Side::Right);
  CHECK(stateAt(lat, 55).phase == Phase::Work);
  CHECK(stateAt(lat, 55).side == Side::Right);
  CHECK(stateAt(lat, 100).phase == Phase::Stretch);
  CHECK(stateAt(lat, 100).side == Side::None);
  CHECK(stateAt(lat, 130).set == 2);
  CHECK(stateAt(lat, 130).side == Side::Left);

  const TimerPlan chair = planFor("massage-chair");
  CHECK(stateAt(chair, 185).phase == Phase::Stretch);
  CHECK(stateAt(chair, 185).set == 1);
  CHECK(stateAt(chair, 215).phase == Phase::Done);
}

TEST_CASE("the highlighted step follows the phase") {
  // Trapezius steps: 0-2 set-up (lead-in), 3-4 work, 5 stretch.
  const TimerPlan plan = planFor("trapezius-foam-roller");
  CHECK(stateAt(plan, 0).step == 0);
  CHECK(stateAt(plan, 2).step == 1);
  CHECK(stateAt(plan, 4).step == 2);
  CHECK(stateAt(plan, 5).step == 3);
  CHECK(stateAt(plan, 25).step == 4);
  CHECK(stateAt(plan, 45).step == 5);
  CHECK(stateAt(plan, 170).step == -1);

  const TimerPlan lat = planFor("latissimus-foam-roller");
  CHECK(lat.stepPhases[7] == Phase::Switch);
  CHECK(stateAt(lat, 52).step == 7);
}

TEST_CASE("start, pause, resume") {
  Timer timer(planFor("trapezius-foam-roller"));
  CHECK(timer.advance(10).empty());
  CHECK(timer.elapsed() == 0.0);
  timer.resume();  // nothing to resume before start
  CHECK_FALSE(timer.running());

  timer.start();
  CHECK(timer.running());
  timer.advance(10);
  CHECK(timer.elapsed() == 10.0);
  CHECK(timer.state().phase == Phase::Work);
  CHECK(timer.state().running);

  timer.pause();
  CHECK(timer.advance(20).empty());
  CHECK(timer.elapsed() == 10.0);
  CHECK_FALSE(timer.state().running);
  timer.resume();
  timer.advance(30);
  CHECK(timer.elapsed() == 40.0);
  CHECK(timer.state().phase == Phase::Stretch);

  CHECK(timer.advance(-1).empty());
  CHECK(timer.advance(INFINITY).empty());
  CHECK(timer.elapsed() == 40.0);

  timer.advance(1000);
  CHECK(timer.done());
  CHECK_FALSE(timer.running());
  CHECK(timer.state().phase == Phase::Done);
  timer.resume();
  CHECK_FALSE(timer.running());
  timer.start();  // a finished timer starts over
  CHECK(timer.running());
  CHECK(timer.elapsed() == 0.0);
}

TEST_CASE("speed scales the clock, within x0.25 .. x4") {
  Timer timer(planFor("trapezius-foam-roller"));
  timer.start();
  CHECK(timer.setSpeed(2.0) == 2.0);
  timer.advance(1.0);
  CHECK(timer.elapsed() == 2.0);
  CHECK(timer.setSpeed(10.0) == 4.0);
  timer.advance(1.0);
  CHECK(timer.elapsed() == 6.0);
  CHECK(timer.setSpeed(0.1) == 0.25);
  timer.advance(2.0);
  CHECK(timer.elapsed() == 6.5);
  CHECK(timer.setSpeed(NAN) == 0.25);
}

TEST_CASE("skip, scrub and restart") {
  Timer timer(planFor("trapezius-foam-roller"));
  timer.start();
  timer.advance(2);
  timer.skip();
  CHECK(timer.elapsed() == 5.0);
  CHECK(timer.state().phase == Phase::Work);
  timer.skip();
  CHECK(timer.elapsed() == 40.0);
  CHECK(timer.state().phase == Phase::Stretch);
  CHECK(timer.running());

  timer.scrub(100);
  CHECK(timer.elapsed() == 100.0);
  CHECK(timer.state().set == 2);
  CHECK(timer.running());
  timer.scrub(-5);
  CHECK(timer.elapsed() == 0.0);
  timer.scrub(NAN);
  CHECK(timer.elapsed() == 0.0);

  timer.scrub(150);
  timer.skip();  // last work phase -> done
  CHECK(timer.done());
  CHECK_FALSE(timer.running());
  timer.skip();
  CHECK(timer.elapsed() == 170.0);

  timer.restart();
  CHECK(timer.elapsed() == 0.0);
  CHECK(timer.running());
  CHECK(timer.state().phase == Phase::LeadIn);

  timer.scrub(1e6);
  CHECK(timer.done());
  CHECK_FALSE(timer.running());
}

TEST_CASE("a new plan keeps the clock where it was") {
  Timer timer(planFor("trapezius-foam-roller"));
  timer.start();
  timer.advance(60);
  timer.setPlan(planFor("trapezius-foam-roller", {.workS = 30.0}));
  CHECK(timer.elapsed() == 60.0);
  // With 30 s sets, 35..65 is the stretch after set 1 (it was set 2's work with 35 s sets).
  CHECK(timer.state().phase == Phase::Stretch);
  CHECK(timer.state().set == 1);
  timer.scrub(200);
  CHECK(timer.elapsed() == timer.plan().total);
}

TEST_CASE("tones are neither missed nor doubled, whatever the step") {
  const std::vector<Cue> want = expectedCues(kTrapeziusEnds);
  CHECK(want.size() == 24);
  for (double dt : {0.016, 7.0, 0.5, 1.0, 1000.0}) {
    CAPTURE(dt);
    Timer timer(planFor("trapezius-foam-roller"));
    timer.start();
    checkCues(runToEnd(timer, dt), want);
  }
  SUBCASE("at x4 and x0.25") {
    for (double speed : {4.0, 0.25}) {
      Timer timer(planFor("trapezius-foam-roller"));
      timer.setSpeed(speed);
      timer.start();
      checkCues(runToEnd(timer, 0.016), want);
    }
  }
}

TEST_CASE("tones of the one-sided plan include the switch") {
  Timer timer(planFor("latissimus-foam-roller"));
  timer.start();
  const std::vector<Cue> got = runToEnd(timer, 0.016);
  const std::vector<Cue> want = expectedCues({{5, Phase::LeadIn},
                                              {50, Phase::Work},
                                              {55, Phase::Switch},
                                              {100, Phase::Work},
                                              {130, Phase::Stretch},
                                              {175, Phase::Work},
                                              {180, Phase::Switch},
                                              {225, Phase::Work},
                                              {255, Phase::Stretch},
                                              {300, Phase::Work},
                                              {305, Phase::Switch},
                                              {350, Phase::Work}});
  checkCues(got, want);
}

TEST_CASE("no tones while paused or when scrubbing") {
  Timer timer(planFor("trapezius-foam-roller"));
  timer.start();
  timer.pause();
  CHECK(timer.advance(100).empty());
  timer.resume();
  timer.scrub(38.5);  // jumps over the lead-in's tones silently
  const std::vector<Cue> cues = timer.advance(1.0);
  REQUIRE(cues.size() == 1);
  CHECK(cues[0].time == 39.0);
  CHECK(cues[0].secondsLeft == 1);
  timer.scrub(0);  // scrubbing back does not replay anything either
  CHECK(timer.advance(0.5).empty());
  const std::vector<Cue> next = timer.advance(1.6);
  REQUIRE(next.size() == 1);
  CHECK(next[0].time == 2.0);
  CHECK(next[0].secondsLeft == 3);
}

TEST_CASE("a phase shorter than the countdown gets no tone on its first instant") {
  Protocol p;
  p.workS = 10;
  p.workMinS = 5;
  p.workMaxS = 20;
  p.sets = 1;
  p.setsMin = 1;
  p.setsMax = 1;
  p.sides = Sides::Alternate;
  p.switchS = 2;
  p.leadInS = 0;  // no lead-in segment at all
  p.stretchS = 30;
  const TimerPlan plan = makePlan("short", p, {});
  REQUIRE(plan.segments.size() == 4);
  CHECK(plan.segments[0].phase == Phase::Work);
  CHECK(plan.total == 22.0);
  Timer timer(plan);
  timer.start();
  const std::vector<Cue> got = runToEnd(timer, 0.016);
  std::vector<Cue> want = expectedCues({{10, Phase::Work}});
  want.push_back(
      Cue{CueKind::Tick, 11, Phase::Switch, 1});  // 2 s switch: the "2" would sit on the end of work
  want.push_back(Cue{CueKind::PhaseEnd, 12, Phase::Switch, 0});
  for (const Cue& c : expectedCues({{22, Phase::Work}})) want.push_back(c);
  checkCues(got, want);
}

TEST_CASE("the --state fields of the timer") {
  const TimerPlan lat = planFor("latissimus-foam-roller");
  const nlohmann::json j = timerStateJson(lat.exercise, stateAt(lat, 52.5));
  CHECK(j.at("exercise") == "latissimus-foam-roller");
  CHECK(j.at("time") == 52.5);
  CHECK(j.at("phase") == "switch");
  CHECK(j.at("set") == 1);
  CHECK(j.at("sets") == 3);
  CHECK(j.at("side") == "right");
  CHECK(j.at("phase_remaining") == 2.5);
  CHECK(j.at("total") == 350.0);
  CHECK(j.at("step") == 7);
  CHECK(j.at("running") == false);

  const nlohmann::json done = timerStateJson(lat.exercise, stateAt(lat, 400));
  CHECK(done.at("phase") == "done");
  CHECK(done.at("time") == 350.0);
  CHECK(done.at("side").is_null());
  CHECK(done.at("step").is_null());
  CHECK(done.at("progress") == 1.0);
}
