// exercise/state_json.hpp: the --state JSON object: timer fields, the tool and the contact.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "exercise/playback.hpp"
#include "exercise/timer.hpp"
#include "scene/model.hpp"

namespace myo::exercise {

/// The timer fields of `--state`: {"exercise", "time" (plan seconds, clamped to [0, total]), "phase"
/// ("lead-in", "work", "switch", "stretch", "done"), "set" (1-based), "sets", "side" ("left", "right" or
/// null), "phase_remaining" (s), "total" (s), "progress" (0..1), "step" (index, null when none), "running"}.
/// The tool position and the contact are added by the code that computes them.
nlohmann::json timerStateJson(std::string_view exerciseId, const TimerState& state);

/// The timer fields plus "tool": {"kind" (equipment kind), "position": [x, y, z] (world, metres),
/// "roll_angle" (radians)} and "contact": {"point": [x, y, z] (model standing frame, metres) or null when the
/// tool does not touch the body, "world_point" (or null), "pressed", "muscles" (mesh names under the tool,
/// outermost first), "coverage" (0..1 of the target muscles worked this set/side), "targets" (mesh names)}.
nlohmann::json stateJson(const scene::Model& model, const Playback& playback, const MotionFrame& frame);

/// Everything for `--state`: plays `exercise` on `model` and describes plan time `t` seconds.
nlohmann::json exerciseStateJson(const scene::Model& model, const Exercise& exercise, double t);

}  // namespace myo::exercise
