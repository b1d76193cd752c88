// exercise/state_json.cpp: TimerState -> the --state JSON fields.
#include "exercise/state_json.hpp"

namespace myo::exercise {

nlohmann::json timerStateJson(std::string_view exerciseId, const TimerState& state) {
  nlohmann::json j;
  j["exercise"] = std::string(exerciseId);
  j["time"] = state.elapsed;
  j["phase"] = std::string(phaseName(state.phase));
  j["set"] = state.set;
  j["sets"] = state.sets;
  if (const auto side = sideName(state.side))
    j["side"] = std::string(*side);
  else
    j["side"] = nullptr;
  j["phase_remaining"] = state.phaseRemaining;
  j["total"] = state.total;
  j["progress"] = state.progress;
  if (state.step >= 0)
    j["step"] = state.step;
  else
    j["step"] = nullptr;
  j["running"] = state.running;
  return j;
}

}  // namespace myo::exercise
