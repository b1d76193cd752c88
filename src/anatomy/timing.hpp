// anatomy/timing.hpp: opt-in wall-clock timings of the generator's stages (`myorelease-model --timings`).
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace myo::anatomy {

struct StageTime {
  std::string stage;  ///< e.g. "skin polygonise", "bone vertebrae", "muscle trapezius_upper"
  double seconds = 0.0;
};

/// Starts collecting stage times (off by default: the stages then only test a flag).
void enableStageTimings(bool on);
bool stageTimingsEnabled();
/// The stages recorded so far, in the order they finished (threads add theirs under a lock).
std::vector<StageTime> stageTimings();
void recordStage(std::string stage, double seconds);

/// Records the time from its construction to its destruction as one stage, when timings are on.
class ScopedStage {
 public:
  explicit ScopedStage(std::string stage);
  ~ScopedStage();
  ScopedStage(const ScopedStage&) = delete;
  ScopedStage& operator=(const ScopedStage&) = delete;

 private:
  std::string stage_;
  std::chrono::steady_clock::time_point start_;
  bool on_;
};

}  // namespace myo::anatomy
