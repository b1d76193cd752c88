// exercise/timer.hpp: the set/stretch timer as a pure state machine; the caller passes time in.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exercise/exercise_data.hpp"

namespace myo::exercise {

/// One stretch of the plan's clock: lead-in, a work phase of one set (and side), a switch or a stretch.
struct Segment {
  Phase phase = Phase::Work;
  int set = 0;  ///< 0-based set this segment belongs to (a stretch: the set it follows)
  scene::Side side = scene::Side::None;  ///< Left/Right for one-sided work and the switch toward it
  double start = 0.0;                    ///< seconds from the start of the plan
  double duration = 0.0;                 ///< seconds
  double end() const { return start + duration; }
};

/// User choices that replace the protocol's defaults; each must lie in the protocol's own range.
struct PlanOverrides {
  std::optional<double> workS;
  std::optional<int> sets;
};

/// The ordered segments of one exercise run, ending with a zero-length Done segment at `total`.
struct TimerPlan {
  std::string exercise;  ///< the exercise id
  int sets = 0;
  double workS = 0.0;
  std::vector<Segment> segments;
  std::vector<Phase> stepPhases;  ///< the exercise's steps' phases, to pick the highlighted step
  double total = 0.0;             ///< seconds, the start of the Done segment
};

/// Builds the plan: lead-in, then per set the work (left, switch, right when sides alternate) and a
/// stretch between sets; after the last set a stretch only when the protocol says so. Throws
/// core::Error("exercise '<id>'", ...) when an override lies outside the protocol's range.
TimerPlan makePlan(const Exercise& exercise, const PlanOverrides& overrides = {});

/// The same from a bare protocol (steps optional).
TimerPlan makePlan(const std::string& id, const Protocol& protocol, const std::vector<Phase>& stepPhases,
                   const PlanOverrides& overrides = {});

/// Overrides pulled into the protocol's ranges (for UI sliders, which must not throw).
PlanOverrides clampOverrides(const Protocol& protocol, const PlanOverrides& overrides);

/// What the panel and --state show at one moment.
struct TimerState {
  Phase phase = Phase::LeadIn;
  int segment = 0;  ///< index into TimerPlan::segments
  int set = 1;      ///< 1-based
  int sets = 0;
  scene::Side side = scene::Side::None;
  double phaseElapsed = 0.0;    ///< seconds into the current segment
  double phaseRemaining = 0.0;  ///< seconds left in it
  double elapsed = 0.0;         ///< seconds from the plan start
  double total = 0.0;
  bool running = false;
  double progress = 0.0;  ///< elapsed / total, 0..1
  int step = -1;          ///< highlighted step index, -1 when no step belongs to this phase
};

/// The state at plan time t (clamped to [0, total]), not running: what --time shows.
TimerState stateAt(const TimerPlan& plan, double t);

enum class CueKind : std::uint8_t {
  Tick,      ///< short tone: 3, 2, 1 seconds before a phase ends
  PhaseEnd,  ///< distinct tone: a phase has ended
};

struct Cue {
  CueKind kind = CueKind::Tick;
  double time = 0.0;          ///< plan time of the tone, seconds
  Phase phase = Phase::Work;  ///< the phase counting down or ending
  int secondsLeft = 0;        ///< 3, 2 or 1 for ticks; 0 for a phase end
};

inline constexpr double kMinSpeed = 0.25;
inline constexpr double kMaxSpeed = 4.0;

/// The running timer. Time only moves through advance(); every cue time c is reported by exactly one
/// advance() whose interval (before, after] contains it, so no tone is lost or repeated whatever dt is.
class Timer {
public:
  explicit Timer(TimerPlan plan);

  /// Starts running (from the beginning when the plan has already finished).
  void start();
  void pause();
  /// Continues after pause(); does nothing before start() or once done.
  void resume();
  /// Moves the clock by dtSeconds of wall time times the speed; returns the tones crossed, in order.
  /// Negative or non-finite dt moves nothing.
  std::vector<Cue> advance(double dtSeconds);
  /// Jumps to the start of the next segment, silently.
  void skip();
  /// Back to 0 and running.
  void restart();
  /// Puts the clock at plan time `seconds` (clamped to [0, total]), silently; running or not is kept.
  void scrub(double seconds);
  /// Playback speed, clamped to [kMinSpeed, kMaxSpeed]; a non-finite value is ignored. Returns the speed
  /// used.
  double setSpeed(double speed);
  double speed() const { return speed_; }
  /// Replaces the plan (new work time or set count); the clock keeps its time, clamped to the new total.
  void setPlan(TimerPlan plan);

  const TimerPlan& plan() const { return plan_; }
  double elapsed() const { return t_; }
  bool running() const { return running_; }
  bool done() const { return t_ >= plan_.total; }
  TimerState state() const;

private:
  TimerPlan plan_;
  double t_ = 0.0;
  double speed_ = 1.0;
  bool running_ = false;
  bool started_ = false;
};

}  // namespace myo::exercise
