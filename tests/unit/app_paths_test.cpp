// Where pictures go (--output-dir, the XDG pictures folder, the working folder) and where assets are found.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "app/cli.hpp"
#include "app/paths.hpp"
#include "core/error.hpp"

namespace fs = std::filesystem;
using myo::app::picturePath;
using myo::app::picturesDir;
using myo::app::xdgPicturesDir;

namespace {

/// A fresh HOME with an empty .config, restored (with XDG_CONFIG_HOME) when the test ends.
struct FakeHome {
  fs::path home;
  std::optional<std::string> oldHome, oldConfig;
  FakeHome() {
    if (const char* h = std::getenv("HOME")) oldHome = h;
    if (const char* c = std::getenv("XDG_CONFIG_HOME")) oldConfig = c;
    std::string pattern = (fs::temp_directory_path() / "myo-paths-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    home = pattern;
    fs::create_directories(home / ".config");
    setenv("HOME", home.c_str(), 1);
    unsetenv("XDG_CONFIG_HOME");
  }
  ~FakeHome() {
    if (oldHome) setenv("HOME", oldHome->c_str(), 1);
    else unsetenv("HOME");
    if (oldConfig) setenv("XDG_CONFIG_HOME", oldConfig->c_str(), 1);
    std::error_code ec;
    fs::remove_all(home, ec);
  }
  void userDirs(const fs::path& config, const std::string& text) const {
    std::ofstream(config / "user-dirs.dirs") << text;
  }
};

}  // namespace

TEST_CASE("the XDG pictures folder is read from user-dirs.dirs, $HOME expanded, only when it exists") {
  FakeHome fake;
  CHECK_FALSE(xdgPicturesDir().has_value());  // no user-dirs.dirs
  CHECK(picturesDir(std::nullopt) == fs::path("."));

  fake.userDirs(fake.home / ".config", "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
                                       "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n");
  CHECK_FALSE(xdgPicturesDir().has_value());  // named, but the folder is not there
  fs::create_directories(fake.home / "Bilder");
  REQUIRE(xdgPicturesDir().has_value());
  CHECK(*xdgPicturesDir() == fake.home / "Bilder");
  CHECK(picturesDir(std::nullopt) == fake.home / "Bilder");
  CHECK(picturesDir(std::string("/tmp/elsewhere")) == fs::path("/tmp/elsewhere"));  // --output-dir wins

  // "$HOME/" means the folder is disabled; an absolute path is taken as it is.
  fake.userDirs(fake.home / ".config", "XDG_PICTURES_DIR=\"$HOME/\"\n");
  CHECK_FALSE(xdgPicturesDir().has_value());
  fs::create_directories(fake.home / "abs");
  fake.userDirs(fake.home / ".config", "XDG_PICTURES_DIR=\"" + (fake.home / "abs").string() + "\"\n");
  CHECK(xdgPicturesDir() == fake.home / "abs");

  // XDG_CONFIG_HOME, when set, is where user-dirs.dirs is read.
  fs::create_directories(fake.home / "cfg");
  fs::create_directories(fake.home / "Pics");
  fake.userDirs(fake.home / "cfg", "XDG_PICTURES_DIR=\"$HOME/Pics\"\n");
  setenv("XDG_CONFIG_HOME", (fake.home / "cfg").c_str(), 1);
  CHECK(xdgPicturesDir() == fake.home / "Pics");
}

TEST_CASE("a relative --screenshot goes into --output-dir, an absolute one where typed") {
  CHECK(picturePath(std::nullopt, "a.png") == fs::path("a.png"));
  CHECK(picturePath(std::string("/out"), "a.png") == fs::path("/out/a.png"));
  CHECK(picturePath(std::string("/out"), "sub/a.png") == fs::path("/out/sub/a.png"));
  CHECK(picturePath(std::string("/out"), "/abs/a.png") == fs::path("/abs/a.png"));
}

TEST_CASE("--output-dir must be an existing folder") {
  FakeHome fake;
  CHECK_NOTHROW(myo::app::checkOutputDir(std::nullopt));
  CHECK_NOTHROW(myo::app::checkOutputDir(fake.home.string()));
  std::ofstream(fake.home / "file") << "x";
  for (const fs::path& bad : {fake.home / "missing", fake.home / "file"}) {
    try {
      myo::app::checkOutputDir(bad.string());
      FAIL("accepted " << bad);
    } catch (const myo::core::Error& e) {
      CHECK(e.where() == "--output-dir");
      CHECK(e.message().find(bad.string()) != std::string::npos);
    }
  }
}

TEST_CASE("MYO_ASSETS overrides where the assets are found") {
  const char* old = std::getenv("MYO_ASSETS");
  const std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
  setenv("MYO_ASSETS", "/some/assets", 1);
  CHECK(myo::app::assetsDir() == fs::path("/some/assets"));
  if (saved) setenv("MYO_ASSETS", saved->c_str(), 1);
  else unsetenv("MYO_ASSETS");
}

TEST_CASE("--output-dir on the command line") {
  const auto parse = [](std::vector<const char*> args) {
    args.insert(args.begin(), "myorelease");
    return myo::app::parseCommandLine(int(args.size()), args.data());
  };
  CHECK_FALSE(parse({}).options.outputDir.has_value());
  CHECK(parse({"--output-dir", "/tmp/pictures"}).options.outputDir == std::string("/tmp/pictures"));
  for (const std::vector<const char*>& bad : {std::vector<const char*>{"--output-dir", ""},
                                               std::vector<const char*>{"--output-dir", "a", "--output-dir", "b"}}) {
    try {
      parse(bad);
      FAIL("accepted");
    } catch (const myo::core::Error& e) {
      CHECK(e.where() == "--output-dir");
    }
  }
}

TEST_CASE("paths under $HOME are shown from ~/, others as they are") {
  FakeHome fake;
  const fs::path history = fake.home / ".local" / "share" / "myorelease" / "history.json";
  CHECK(myo::app::shownPath(history) == "~/.local/share/myorelease/history.json");
  CHECK(myo::app::shownPath("/var/lib/history.json") == "/var/lib/history.json");
  // A folder whose name only starts like the home folder's is not under it.
  CHECK(myo::app::shownPath(fake.home.string() + "-other/history.json") == fake.home.string() + "-other/history.json");
  CHECK(myo::app::shownPath(fake.home) == fake.home.string());
  setenv("HOME", (fake.home.string() + "/").c_str(), 1);  // a trailing slash in $HOME
  CHECK(myo::app::shownPath(history) == "~/.local/share/myorelease/history.json");
}
