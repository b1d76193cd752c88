// app/viewer_prefs.hpp: the viewer's part in settings, session history, the help overlay, About and the status
// line: the state it keeps for them (Viewer::prefs_). The methods are in viewer_prefs.cpp.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.hpp"
#include "app/settings.hpp"
#include "exercise/history.hpp"
#include "ui/settings_panel.hpp"

namespace myo::app {

/// How long the status line stays, seconds (a problem a little longer).
inline constexpr double kStatusSeconds = 5.0;
inline constexpr double kStatusProblemSeconds = 9.0;
/// Days the History chart shows.
inline constexpr int kHistoryDays = 28;

struct PrefsState {
  ui::ExtraWindows windows;
  bool quit = false;
  // The status line.
  std::string status;
  bool statusProblem = false;
  double statusAge = 1e9;  ///< seconds since it was posted
  // Session history.
  exercise::SessionRecorder recorder;
  std::optional<std::filesystem::path> historyFile;
  bool historyWrite = false;
  std::vector<exercise::HistoryEntry> history;
  std::optional<std::string> historyProblem;
  // Settings.
  std::optional<std::filesystem::path> settingsFile;
  std::optional<std::string> settingsProblem;
  double speed = Settings{}.speed;                ///< applied to each exercise chosen
  std::map<std::string, ExerciseChoice> choices;  ///< each exercise's work time and sets, by id
  bool resetRequested = false;                    ///< the Settings window's reset, for the window to finish
};

}  // namespace myo::app
