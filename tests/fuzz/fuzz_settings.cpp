// tests/fuzz/fuzz_settings.cpp: libFuzzer target for the settings file parser (app/settings.cpp). It must never
// throw or crash: any text gives settings within their ranges and at most one short warning line; what it gives
// must survive being written and read again unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "app/settings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace myo::app;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const SettingsRead read = parseSettings(text, "fuzz.json");
  const Settings& s = read.settings;
  if (read.warning && (read.warning->size() > 1024 || read.warning->find('\n') != std::string::npos)) std::abort();
  if (s.skinOpacity < kMinSkinOpacity || s.skinOpacity > kMaxSkinOpacity) std::abort();
  if (s.speed < kMinSpeedSetting || s.speed > kMaxSpeedSetting) std::abort();
  if (s.windowWidth < kMinWindowSide || s.windowWidth > kMaxWindowSide) std::abort();
  if (s.bodyWeightKg < kMinBodyWeightKg || s.bodyWeightKg > kMaxBodyWeightKg) std::abort();
  if (s.exercises.size() > kMaxExerciseChoices || s.panelLayout.size() > kMaxPanelLayoutBytes) std::abort();
  // Text that is not UTF-8 is written with replacement characters, so compare a second round trip.
  const SettingsRead again = parseSettings(settingsJson(s), "again.json");
  if (again.warning) std::abort();
  const SettingsRead third = parseSettings(settingsJson(again.settings), "third.json");
  if (!(third.settings == again.settings)) std::abort();
  return 0;
}
