// ui/safety_panel.hpp: the pressure bar with its bands, the safety-zone warning and the settings they use (show
// the zones, body weight), drawn inside the exercise panel; and the zone warning over the 3D view.
#pragma once

#include <optional>

#include "exercise/exercise_data.hpp"
#include "exercise/pressure.hpp"
#include "exercise/safety_zones.hpp"

namespace myo::ui {

/// Plain values a settings file may keep.
struct SafetySettings {
  bool zones = false;                                    ///< draw the safety zones on the body
  double bodyWeightKg = exercise::kDefaultBodyWeightKg;  ///< for the pressure estimate
  bool operator==(const SafetySettings&) const = default;
};

/// What the exercise shows now.
struct SafetyReadout {
  bool exercise = false;  ///< an exercise is selected
  exercise::EquipmentKind tool = exercise::EquipmentKind::FoamRoller;
  std::optional<exercise::PressureEstimate> pressure;  ///< while the tool presses
  exercise::Zone zone = exercise::Zone::None;          ///< the zone a pressing contact is in
};

/// The settings, the pressure bar and a warning line; returns the changed settings, if any.
std::optional<SafetySettings> drawSafetySection(const SafetyReadout& readout, const SafetySettings& settings);

/// A red banner at the top of the 3D view while a contact is in a zone (nothing otherwise).
void drawZoneBanner(const SafetyReadout& readout);

}  // namespace myo::ui
