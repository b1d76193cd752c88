// tests/support/temp_xdg.hpp: a fresh HOME with its own XDG config and data folders for one test, so that no
// test reads or writes the user's real settings or history. Everything is restored and removed at the end.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace myo::test {

class TempXdg {
 public:
  TempXdg() {
    for (const char* name : {"HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"}) {
      const char* v = std::getenv(name);
      saved_.emplace_back(name, v ? std::optional<std::string>(v) : std::nullopt);
    }
    std::string pattern = (std::filesystem::temp_directory_path() / "myo-xdg-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    root = pattern;
    home = root / "home";
    config = root / "config";
    data = root / "data";
    std::filesystem::create_directories(home);
    setenv("HOME", home.c_str(), 1);
    setenv("XDG_CONFIG_HOME", config.c_str(), 1);
    setenv("XDG_DATA_HOME", data.c_str(), 1);
  }
  ~TempXdg() {
    for (const auto& [name, value] : saved_) {
      if (value)
        setenv(name, value->c_str(), 1);
      else
        unsetenv(name);
    }
    std::error_code ec;
    std::filesystem::remove_all(root, ec);
  }
  TempXdg(const TempXdg&) = delete;
  TempXdg& operator=(const TempXdg&) = delete;

  std::filesystem::path root, home, config, data;

 private:
  std::vector<std::pair<const char*, std::optional<std::string>>> saved_;
};

}  // namespace myo::test
