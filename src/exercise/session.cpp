// exercise/session.cpp: the exercise session: timer, playback and the user's intents.
#include "exercise/session.hpp"

namespace myo::exercise {

Session::Session(const scene::Model& model, const Exercise& exercise)
    : exercise_(exercise), model_(&model), playback_(model, exercise_), timer_(makePlan(exercise_)) {}

double Session::workS() const { return overrides_.workS.value_or(exercise_.protocol.workS); }
int Session::sets() const { return overrides_.sets.value_or(exercise_.protocol.sets); }

void Session::startPause() {
  if (timer_.running()) {
    timer_.pause();
  } else if (timer_.done() || timer_.elapsed() <= 0.0) {
    timer_.restart();
    timer_.start();
  } else {
    timer_.resume();
  }
}

void Session::skip() { timer_.skip(); }
void Session::restart() { timer_.restart(); }
void Session::scrub(double seconds) { timer_.scrub(seconds); }
double Session::setSpeed(double speed) { return timer_.setSpeed(speed); }

void Session::setWorkS(double seconds) {
  overrides_.workS = seconds;
  rebuild();
}

void Session::setSets(int sets) {
  overrides_.sets = sets;
  rebuild();
}

void Session::rebuild() {
  overrides_ = clampOverrides(exercise_.protocol, overrides_);
  timer_.setPlan(makePlan(exercise_, overrides_));
  const auto trigger = playback_.triggerPoint();
  playback_ = Playback(*model_, exercise_, overrides_);
  if (trigger) playback_.setTriggerPoint(*trigger);
  frameTime_ = -1.0;
}

std::optional<glm::vec3> Session::setTriggerPoint(const glm::vec3& restPoint) {
  const auto snapped = playback_.setTriggerPoint(restPoint);
  if (snapped) frameTime_ = -1.0;
  return snapped;
}

std::vector<Cue> Session::advance(double dtSeconds) { return timer_.advance(dtSeconds); }

const MotionFrame& Session::frame() {
  if (timer_.elapsed() != frameTime_) {
    frameTime_ = timer_.elapsed();
    frame_ = playback_.at(frameTime_);
    ++version_;
  }
  return frame_;
}

std::uint64_t Session::frameVersion() {
  frame();
  return version_;
}

}  // namespace myo::exercise
