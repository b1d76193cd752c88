// anatomy/timing.cpp: the stage time log.
#include "anatomy/timing.hpp"

#include <atomic>
#include <mutex>

namespace myo::anatomy {

namespace {
std::atomic<bool> gEnabled{false};
std::mutex gMutex;
std::vector<StageTime> gTimes;
}  // namespace

void enableStageTimings(bool on) { gEnabled = on; }
bool stageTimingsEnabled() { return gEnabled; }

std::vector<StageTime> stageTimings() {
  std::lock_guard lock(gMutex);
  return gTimes;
}

void recordStage(std::string stage, double seconds) {
  if (!gEnabled) return;
  std::lock_guard lock(gMutex);
  gTimes.push_back({std::move(stage), seconds});
}

ScopedStage::ScopedStage(std::string stage) : on_(gEnabled) {
  if (!on_) return;
  stage_ = std::move(stage);
  start_ = std::chrono::steady_clock::now();
}

ScopedStage::~ScopedStage() {
  if (!on_) return;
  recordStage(std::move(stage_), std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
}

}  // namespace myo::anatomy
