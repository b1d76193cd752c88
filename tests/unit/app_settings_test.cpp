// The settings file: round trip, XDG location, bad files (one warning, defaults, never a refusal), atomic writes.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/paths.hpp"
#include "app/settings.hpp"
#include "core/error.hpp"
#include "temp_xdg.hpp"

namespace fs = std::filesystem;
using namespace myo::app;

namespace {

Settings changed() {
  Settings s;
  s.skin = "hidden";
  s.skinOpacity = 0.5;
  s.bones = false;
  s.fibres = false;
  s.floor = false;
  s.contextMuscles = false;
  s.outlines = false;
  s.labels = false;
  s.coarseWhileMoving = false;
  s.panelLayout = "[Window][MyoRelease]\nPos=10,10\nSize=300,600\nCollapsed=1\n\n";
  s.speed = 2.0;
  s.exercises["trapezius-foam-roller"] = {.workS = 40.0, .sets = 4};
  s.exercises["latissimus-foam-roller"] = {.workS = std::nullopt, .sets = 3};
  s.windowWidth = 1600;
  s.windowHeight = 900;
  s.bodyWeightKg = 72.5;
  return s;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A warning is one line naming the file.
void checkWarning(const std::optional<std::string>& warning, const std::string& where) {
  REQUIRE(warning.has_value());
  CHECK(warning->rfind("myorelease: warning: " + where + ": ", 0) == 0);
  CHECK(warning->find('\n') == std::string::npos);
}

}  // namespace

TEST_CASE("settings survive a write and a read, every field") {
  const Settings s = changed();
  REQUIRE_FALSE(s == Settings{});
  const SettingsRead read = parseSettings(settingsJson(s), "settings.json");
  CHECK_FALSE(read.warning.has_value());
  CHECK(read.settings == s);
  // The defaults too, and the text ends with a newline.
  const std::string text = settingsJson(Settings{});
  CHECK(text.back() == '\n');
  CHECK(parseSettings(text, "x").settings == Settings{});
}

TEST_CASE("the settings file lives in the XDG config folder") {
  myo::test::TempXdg xdg;
  CHECK(settingsPath() == xdg.config / "myorelease" / "settings.json");
  unsetenv("XDG_CONFIG_HOME");
  CHECK(settingsPath() == xdg.home / ".config" / "myorelease" / "settings.json");
  // A relative XDG_CONFIG_HOME is ignored, as the XDG rules say.
  setenv("XDG_CONFIG_HOME", "relative/config", 1);
  CHECK(settingsPath() == xdg.home / ".config" / "myorelease" / "settings.json");
  CHECK(xdgDataHome() == xdg.data);
  unsetenv("XDG_DATA_HOME");
  CHECK(xdgDataHome() == xdg.home / ".local" / "share");
  unsetenv("HOME");
  CHECK_FALSE(settingsPath().has_value());
}

TEST_CASE("a missing settings file gives the defaults without a warning, and creates nothing") {
  myo::test::TempXdg xdg;
  const SettingsRead read = loadSettings(*settingsPath());
  CHECK_FALSE(read.warning.has_value());
  CHECK(read.settings == Settings{});
  CHECK_FALSE(fs::exists(xdg.config));
}

TEST_CASE("saving creates the folders (0700) and replaces the file atomically, leaving no temporary file") {
  myo::test::TempXdg xdg;
  const fs::path path = *settingsPath();
  saveSettings(path, Settings{});
  struct stat st {};
  REQUIRE(::stat(path.parent_path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 0077) == 0);  // not readable by others
  saveSettings(path, changed());
  const SettingsRead read = loadSettings(path);
  CHECK_FALSE(read.warning.has_value());
  CHECK(read.settings == changed());
  int files = 0;
  for (const auto& e : fs::directory_iterator(path.parent_path())) {
    (void)e;
    ++files;
  }
  CHECK(files == 1);
}

TEST_CASE("a failed save throws, keeps the old file and leaves nothing behind") {
  myo::test::TempXdg xdg;
  const fs::path path = *settingsPath();
  saveSettings(path, changed());
  const std::string before = slurp(path);
  // A folder where the file should be: the rename fails.
  const fs::path blocked = path.parent_path() / "blocked.json";
  fs::create_directories(blocked / "inside");
  CHECK_THROWS_AS(saveSettings(blocked, Settings{}), myo::core::Error);
  CHECK(fs::is_directory(blocked / "inside"));
  // A folder that cannot be written to.
  if (::geteuid() != 0) {
    fs::permissions(path.parent_path(), fs::perms::owner_read | fs::perms::owner_exec);
    CHECK_THROWS_AS(saveSettings(path, Settings{}), myo::core::Error);
    fs::permissions(path.parent_path(), fs::perms::owner_all);
  }
  CHECK(slurp(path) == before);
  int files = 0;
  for (const auto& e : fs::directory_iterator(path.parent_path())) files += e.is_regular_file() ? 1 : 0;
  CHECK(files == 1);
}

TEST_CASE("a file that is not JSON, not an object or not a file gives the defaults and one warning line") {
  for (const std::string& text : std::vector<std::string>{"", "{", "not json at all", "[1, 2, 3]", "\"text\"", "null",
                                                          "{\"display\": }", std::string("\xff\xfe{}", 4)}) {
    CAPTURE(text);
    const SettingsRead read = parseSettings(text, "/cfg/settings.json");
    checkWarning(read.warning, "/cfg/settings.json");
    CHECK(read.settings == Settings{});
  }
  myo::test::TempXdg xdg;
  const fs::path path = *settingsPath();
  // A folder, and a FIFO (which must not block the start).
  fs::create_directories(path);
  SettingsRead read = loadSettings(path);
  checkWarning(read.warning, path.string());
  CHECK(read.settings == Settings{});
  fs::remove(path);
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  read = loadSettings(path);
  checkWarning(read.warning, path.string());
  CHECK(read.settings == Settings{});
  fs::remove(path);
  // Too large.
  std::ofstream(path) << "{\"panels\": \"" << std::string(kMaxSettingsFileBytes, 'x') << "\"}";
  read = loadSettings(path);
  checkWarning(read.warning, path.string());
}

TEST_CASE("a bad field takes its default, the others are kept, and the warning names it") {
  Settings expected = changed();
  std::string text = settingsJson(expected);
  auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
  };
  replace("\"skin_opacity\": 0.5", "\"skin_opacity\": 7");
  SettingsRead read = parseSettings(text, "s.json");
  checkWarning(read.warning, "s.json");
  CHECK(read.warning->find("display.skin_opacity") != std::string::npos);
  CHECK(read.warning->find("more") == std::string::npos);
  expected.skinOpacity = Settings{}.skinOpacity;
  CHECK(read.settings == expected);

  replace("\"width\": 1600", "\"width\": 100000000000000000000");
  replace("\"skin\": \"hidden\"", "\"skin\": \"glowing\"");
  replace("\"sets\": 4", "\"sets\": -3");
  read = parseSettings(text, "s.json");
  checkWarning(read.warning, "s.json");
  CHECK(read.warning->find("display.skin:") != std::string::npos);  // the first in the file's order
  CHECK(read.warning->find("(and 3 more)") != std::string::npos);
  expected.skin = Settings{}.skin;
  expected.windowWidth = Settings{}.windowWidth;
  expected.exercises["trapezius-foam-roller"].sets.reset();
  CHECK(read.settings == expected);

  // Types: a whole section of the wrong kind, a number as text, a bad exercise id.
  read = parseSettings(R"({"display": [], "timer": {"speed": "fast", "exercises": {"Bad Id": {"sets": 3}}},
                          "body_weight_kg": 400, "window": {"height": 700.5}})",
                       "s.json");
  checkWarning(read.warning, "s.json");
  CHECK(read.warning->find("(and 4 more)") != std::string::npos);
  CHECK(read.settings == Settings{});
}

TEST_CASE("unknown fields are ignored without a warning") {
  const SettingsRead read = parseSettings(R"({"version": 1, "future": {"a": 1}, "speed_of_light": 3e8,
                                             "timer": {"speed": 0.5, "mode": "x"}})",
                                          "s.json");
  CHECK_FALSE(read.warning.has_value());
  Settings expected;
  expected.speed = 0.5;
  CHECK(read.settings == expected);
}

TEST_CASE("a file of another version is read as far as it goes, with a warning") {
  const SettingsRead read = parseSettings(R"({"version": 7, "timer": {"speed": 2}})", "s.json");
  checkWarning(read.warning, "s.json");
  CHECK(read.warning->find("version") != std::string::npos);
  CHECK(read.settings.speed == 2.0);
}
