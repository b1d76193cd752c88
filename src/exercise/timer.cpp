// exercise/timer.cpp: plan building, state lookup and cue detection for the set/stretch timer.
#include "exercise/timer.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"

namespace myo::exercise {

namespace {

// Tones count down the last whole seconds of a phase.
constexpr int kCountdownTicks = 3;

void addSegment(TimerPlan& plan, Phase phase, int set, scene::Side side, double duration) {
  // A zero-length phase (no lead-in, no switch pause) would only produce a stray tone.
  if (duration <= 0.0) return;
  plan.segments.push_back(Segment{phase, set, side, plan.total, duration});
  plan.total += duration;
}

int segmentAt(const TimerPlan& plan, double t) {
  // The last segment is the zero-length Done one; every earlier segment is half-open [start, end).
  const auto n = static_cast<int>(plan.segments.size());
  for (int i = 0; i + 1 < n; ++i)
    if (t < plan.segments[static_cast<std::size_t>(i)].end()) return i;
  return n - 1;
}

int stepFor(const TimerPlan& plan, const Segment& seg, double phaseElapsed) {
  std::vector<int> candidates;
  for (std::size_t i = 0; i < plan.stepPhases.size(); ++i)
    if (plan.stepPhases[i] == seg.phase) candidates.push_back(static_cast<int>(i));
  if (candidates.empty()) return -1;
  // Several steps of one phase (the set-up steps in the lead-in) share its time in order.
  const double fraction = seg.duration > 0.0 ? phaseElapsed / seg.duration : 0.0;
  const auto n = static_cast<int>(candidates.size());
  const int k = std::clamp(static_cast<int>(std::floor(fraction * n)), 0, n - 1);
  return candidates[static_cast<std::size_t>(k)];
}

/// Appends the cues with time in (t0, t1], in time order.
void collectCues(const TimerPlan& plan, double t0, double t1, std::vector<Cue>& out) {
  if (!(t1 > t0)) return;
  for (const Segment& seg : plan.segments) {
    if (seg.phase == Phase::Done || seg.end() <= t0) continue;
    if (seg.start >= t1) break;
    for (int left = kCountdownTicks; left >= 1; --left) {
      const double c = seg.end() - left;
      // A tick on the very start of a short phase would land on the previous phase's end tone.
      if (c > seg.start && c > t0 && c <= t1) out.push_back(Cue{CueKind::Tick, c, seg.phase, left});
    }
    if (seg.end() > t0 && seg.end() <= t1) out.push_back(Cue{CueKind::PhaseEnd, seg.end(), seg.phase, 0});
  }
}

}  // namespace

PlanOverrides clampOverrides(const Protocol& protocol, const PlanOverrides& overrides) {
  PlanOverrides out;
  if (overrides.workS && std::isfinite(*overrides.workS))
    out.workS = std::clamp(*overrides.workS, protocol.workMinS, protocol.workMaxS);
  if (overrides.sets) out.sets = std::clamp(*overrides.sets, protocol.setsMin, protocol.setsMax);
  return out;
}

TimerPlan makePlan(const std::string& id, const Protocol& protocol, const std::vector<Phase>& stepPhases,
                   const PlanOverrides& overrides) {
  const std::string where = "exercise '" + id + "'";
  TimerPlan plan;
  plan.exercise = id;
  plan.stepPhases = stepPhases;
  plan.workS = protocol.workS;
  plan.sets = protocol.sets;
  if (overrides.workS) {
    const double w = *overrides.workS;
    if (!std::isfinite(w) || w < protocol.workMinS || w > protocol.workMaxS)
      throw core::Error(where, fmt::format("work time {} s is outside the allowed {}-{} s", w,
                                           protocol.workMinS, protocol.workMaxS));
    plan.workS = w;
  }
  if (overrides.sets) {
    const int s = *overrides.sets;
    if (s < protocol.setsMin || s > protocol.setsMax)
      throw core::Error(
          where, fmt::format("{} sets is outside the allowed {}-{}", s, protocol.setsMin, protocol.setsMax));
    plan.sets = s;
  }

  const bool alternate = protocol.sides == Sides::Alternate;
  const scene::Side first = alternate ? scene::Side::Left : scene::Side::None;
  addSegment(plan, Phase::LeadIn, 0, first, protocol.leadInS);
  for (int set = 0; set < plan.sets; ++set) {
    if (alternate) {
      addSegment(plan, Phase::Work, set, scene::Side::Left, plan.workS);
      addSegment(plan, Phase::Switch, set, scene::Side::Right, protocol.switchS);
      addSegment(plan, Phase::Work, set, scene::Side::Right, plan.workS);
    } else {
      addSegment(plan, Phase::Work, set, scene::Side::None, plan.workS);
    }
    const bool last = set + 1 == plan.sets;
    if (!last || protocol.stretchAfter)
      addSegment(plan, Phase::Stretch, set, scene::Side::None, protocol.stretchS);
  }
  plan.segments.push_back(Segment{Phase::Done, plan.sets - 1, scene::Side::None, plan.total, 0.0});
  return plan;
}

TimerPlan makePlan(const Exercise& exercise, const PlanOverrides& overrides) {
  std::vector<Phase> phases;
  for (const Step& s : exercise.steps) phases.push_back(s.phase);
  return makePlan(exercise.id, exercise.protocol, phases, overrides);
}

TimerState stateAt(const TimerPlan& plan, double t) {
  TimerState s;
  s.total = plan.total;
  s.sets = plan.sets;
  s.elapsed = std::isfinite(t) ? std::clamp(t, 0.0, plan.total) : 0.0;
  s.segment = segmentAt(plan, s.elapsed);
  const Segment& seg = plan.segments[static_cast<std::size_t>(s.segment)];
  s.phase = seg.phase;
  s.set = seg.set + 1;
  s.side = seg.side;
  s.phaseElapsed = s.elapsed - seg.start;
  s.phaseRemaining = std::max(0.0, seg.end() - s.elapsed);
  s.progress = plan.total > 0.0 ? s.elapsed / plan.total : 1.0;
  s.step = stepFor(plan, seg, s.phaseElapsed);
  return s;
}

Timer::Timer(TimerPlan plan) : plan_(std::move(plan)) {}

void Timer::start() {
  if (done()) t_ = 0.0;
  running_ = true;
  started_ = true;
}

void Timer::pause() { running_ = false; }

void Timer::resume() {
  if (started_ && !done()) running_ = true;
}

std::vector<Cue> Timer::advance(double dtSeconds) {
  std::vector<Cue> cues;
  if (!running_ || !std::isfinite(dtSeconds) || dtSeconds <= 0.0) return cues;
  const double t0 = t_;
  const double t1 = std::min(plan_.total, t_ + dtSeconds * speed_);
  collectCues(plan_, t0, t1, cues);
  t_ = t1;
  if (done()) running_ = false;
  return cues;
}

void Timer::skip() {
  const auto i = static_cast<std::size_t>(segmentAt(plan_, t_));
  t_ = i + 1 < plan_.segments.size() ? plan_.segments[i + 1].start : plan_.total;
  if (done()) running_ = false;
}

void Timer::restart() {
  t_ = 0.0;
  running_ = true;
  started_ = true;
}

void Timer::scrub(double seconds) {
  if (!std::isfinite(seconds)) return;
  t_ = std::clamp(seconds, 0.0, plan_.total);
  if (done()) running_ = false;
}

double Timer::setSpeed(double speed) {
  if (std::isfinite(speed)) speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
  return speed_;
}

void Timer::setPlan(TimerPlan plan) {
  plan_ = std::move(plan);
  t_ = std::clamp(t_, 0.0, plan_.total);
  if (done()) running_ = false;
}

TimerState Timer::state() const {
  TimerState s = stateAt(plan_, t_);
  s.running = running_;
  return s;
}

}  // namespace myo::exercise
