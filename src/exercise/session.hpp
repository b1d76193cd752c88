// exercise/session.hpp: one exercise being done: the running set/stretch timer, the motion it drives, the tones
// it calls for and what the user asks of it (start/pause, skip, restart, scrub, speed, work time, sets, the
// trigger point). No OpenGL and no sound device: the app plays the cues advance() returns and draws frame().
#pragma once

#include <cstdint>
#include <glm/glm.hpp>
#include <optional>
#include <vector>

#include "exercise/exercise_data.hpp"
#include "exercise/playback.hpp"
#include "exercise/timer.hpp"
#include "scene/model.hpp"

namespace myo::exercise {

class Session {
public:
  /// Plays `exercise` on `model` (which must outlive the session) with the protocol's work time and sets,
  /// stopped at the start.
  Session(const scene::Model& model, const Exercise& exercise);

  const Exercise& exercise() const { return exercise_; }
  const Playback& playback() const { return playback_; }
  const Timer& timer() const { return timer_; }
  TimerState state() const { return timer_.state(); }
  double elapsed() const { return timer_.elapsed(); }
  double speed() const { return timer_.speed(); }
  /// The work time and set count in use (the user's choice within the protocol's ranges, else the protocol's).
  double workS() const;
  int sets() const;

  // === What the user asks for
  /// Starts, pauses or resumes; after the end (or before the start) starts again from the beginning.
  void startPause();
  /// To the start of the next phase, silently.
  void skip();
  /// Back to the beginning, running.
  void restart();
  /// Puts the clock at plan time `seconds` (clamped to the plan), silently; running or not is kept.
  void scrub(double seconds);
  /// Playback speed within [kMinSpeed, kMaxSpeed]; returns the speed used.
  double setSpeed(double speed);
  /// A new work time or set count, pulled into the protocol's ranges; the clock keeps its time (clamped to
  /// the new plan) and a moved trigger point stays where it was.
  void setWorkS(double seconds);
  void setSets(int sets);
  /// Moves the massage ball's trigger point (Playback::setTriggerPoint).
  std::optional<glm::vec3> setTriggerPoint(const glm::vec3& restPoint);

  /// Moves the clock by `dtSeconds` of wall time (times the speed) and returns the tones crossed, in order.
  std::vector<Cue> advance(double dtSeconds);

  /// The motion at the clock's time, recomputed only when the time or the plan changed.
  const MotionFrame& frame();
  /// Counts the changes of frame(): a new value means the body or the tool moved.
  std::uint64_t frameVersion();

private:
  void rebuild();

  Exercise exercise_;
  const scene::Model* model_;
  PlanOverrides overrides_;
  Playback playback_;
  Timer timer_;
  MotionFrame frame_;
  double frameTime_ = -1.0;
  std::uint64_t version_ = 0;
};

}  // namespace myo::exercise
