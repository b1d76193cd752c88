// app/settings.hpp: what the viewer remembers between runs (display, panels, timer, window, body weight), read
// from and written to $XDG_CONFIG_HOME/myorelease/settings.json. No OpenGL and no Dear ImGui: the viewer applies
// a Settings value and gathers one back.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace myo::app {

/// The timer of one exercise as the user left it (within the protocol's ranges when applied).
struct ExerciseChoice {
  std::optional<double> workS;  ///< seconds of work per set (per side for alternating exercises)
  std::optional<int> sets;
  bool operator==(const ExerciseChoice&) const = default;
};

/// Allowed ranges; a value outside them in the file is a bad value (its default is used).
inline constexpr double kMinSkinOpacity = 0.05, kMaxSkinOpacity = 0.9;
inline constexpr double kMinSpeedSetting = 0.25, kMaxSpeedSetting = 4.0;  ///< exercise::kMinSpeed, kMaxSpeed
inline constexpr int kMinWindowSide = 320, kMaxWindowSide = 16384;
inline constexpr double kMinBodyWeightKg = 30.0, kMaxBodyWeightKg = 250.0;
inline constexpr double kMaxWorkSetting = 3600.0;
inline constexpr int kMaxSetsSetting = 20;
inline constexpr std::size_t kMaxExerciseChoices = 64;
inline constexpr std::size_t kMaxPanelLayoutBytes = 64 * 1024;
inline constexpr std::size_t kMaxSettingsFileBytes = 256 * 1024;

struct Settings {
  // === Display (the panel's display section)
  std::string skin = "faded";  ///< opaque, faded or hidden
  double skinOpacity = 0.28;   ///< of the faded skin
  bool bones = true;
  bool fibres = true;
  bool floor = true;
  bool contextMuscles = true;
  bool outlines = true;
  bool labels = true;
  bool coarseWhileMoving = true;
  // === Panels: Dear ImGui's own record of the windows' places, sizes and folding (its .ini text)
  std::string panelLayout;
  // === Timer
  double speed = 1.0;
  std::map<std::string, ExerciseChoice> exercises;  ///< by exercise id
  // === Window, in screen coordinates
  int windowWidth = 1280;
  int windowHeight = 720;
  // === Body weight for the pressure estimate, kg (the reference subject's 84.9 kg: anatomy.md, "subject")
  double bodyWeightKg = 84.9;

  bool operator==(const Settings&) const = default;
};

/// A settings file as read: the values (defaults where the file had none or a bad one) and, when something was
/// wrong, the one warning line to print ("myorelease: warning: <file>: <what>; ...").
struct SettingsRead {
  Settings settings;
  std::optional<std::string> warning;
};

/// Parses the text of a settings file. Never throws: text that is not a JSON object gives the defaults and a
/// warning; a field of the wrong type or out of range takes its default and the warning names the first such
/// field (and how many more). Unknown fields are ignored (a newer version may have written them).
SettingsRead parseSettings(std::string_view text, const std::string& where);

/// The file's text for `settings` (JSON, two-space indented, a final newline).
std::string settingsJson(const Settings& settings);

/// $XDG_CONFIG_HOME/myorelease/settings.json (xdgConfigHome), or nullopt where there is no such folder.
std::optional<std::filesystem::path> settingsPath();

/// Reads the settings file. A missing file gives the defaults without a warning; one that cannot be read (a
/// folder, a device, too large, unreadable) gives the defaults and a warning. Never throws.
SettingsRead loadSettings(const std::filesystem::path& path);

/// Writes the settings file atomically (a temporary file renamed over it). Throws core::Error on failure.
void saveSettings(const std::filesystem::path& path, const Settings& settings);

/// "myorelease: warning: <where>: <what>" on one line (control characters removed, long reasons cut).
std::string warningLine(const std::string& where, const std::string& what);

}  // namespace myo::app
