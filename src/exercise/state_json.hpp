// exercise/state_json.hpp: the timer's share of the --state JSON object.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "exercise/timer.hpp"

namespace myo::exercise {

/// The timer fields of `--state`: {"exercise", "time" (plan seconds, clamped to [0, total]), "phase"
/// ("lead-in", "work", "switch", "stretch", "done"), "set" (1-based), "sets", "side" ("left", "right" or
/// null), "phase_remaining" (s), "total" (s), "progress" (0..1), "step" (index, null when none), "running"}.
/// The tool position and the contact are added by the code that computes them.
nlohmann::json timerStateJson(std::string_view exerciseId, const TimerState& state);

}  // namespace myo::exercise
