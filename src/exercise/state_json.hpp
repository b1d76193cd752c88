// exercise/state_json.hpp: the --state JSON object: timer fields, the tool and the contact.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "exercise/playback.hpp"
#include "exercise/pressure.hpp"
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
/// outermost first), "coverage" (0..1 of the target muscles worked this set/side), "targets" (mesh names)};
/// then "zone" (safety_zones.hpp: "neck", "spine", "lumbar" or "kidney" when a pressing contact is in a zone
/// that applies to the tool, else null), "body_weight_kg", and while the tool presses "pressure_kpa" (the
/// estimate, pressure.hpp), "pressure_range_kpa" ([low, high]) and "pressure_band" ("gentle", "firm",
/// "too much"), each null otherwise.
nlohmann::json stateJson(const scene::Model& model, const Playback& playback, const MotionFrame& frame,
                         double bodyWeightKg = kDefaultBodyWeightKg);

/// Everything for `--state`: plays `exercise` on `model` and describes plan time `t` seconds.
nlohmann::json exerciseStateJson(const scene::Model& model, const Exercise& exercise, double t,
                                 double bodyWeightKg = kDefaultBodyWeightKg);

/// The pressing contacts' rest-frame points of a frame (none outside the work phases).
std::vector<glm::vec3> pressingPoints(const MotionFrame& frame);

}  // namespace myo::exercise
