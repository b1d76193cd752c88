// ui/settings_panel.hpp: the Settings window (what is remembered between runs, where, the body weight, a reset),
// the small bar that opens the help, History, About and Settings, and the status line that says for a few seconds
// what just happened (where a picture was saved ...).
#pragma once

#include <optional>
#include <string>

namespace myo::ui {

struct SettingsInput {
  std::string file;                    ///< where the settings are kept ("" when nowhere)
  std::optional<std::string> problem;  ///< the last problem reading or writing it
  double bodyWeightKg = 84.9;
  double minBodyWeightKg = 30.0, maxBodyWeightKg = 250.0;
};

struct SettingsIntents {
  std::optional<double> bodyWeightKg;
  bool reset = false;  ///< every setting back to its default
};

/// Draws the window while `open`; its close button sets `open` false.
void drawSettingsWindow(const SettingsInput& input, SettingsIntents& intents, bool& open);

/// Which windows the bar opens or closes; it flips the flags it is given.
struct ExtraWindows {
  bool help = false;
  bool history = false;
  bool about = false;
  bool settings = false;
};
/// The bar at the bottom of the window: Help (F1), History, About, Settings.
void drawExtrasBar(ExtraWindows& windows);

/// A line at the bottom of the view for `seconds` seconds after it was posted (`age` seconds ago), fading out in
/// its last half second; red when it reports a problem.
void drawStatusLine(const std::string& text, double age, double seconds, bool problem);

}  // namespace myo::ui
