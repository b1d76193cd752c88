// app/paths.cpp: assets found relative to the executable, pictures written to the user's folder.
#include "app/paths.hpp"

#include <cstdlib>
#include <fstream>
#include <system_error>

#include "core/error.hpp"

namespace myo::app {

namespace fs = std::filesystem;

fs::path assetsDir() {
  std::error_code ec;
  if (const char* env = std::getenv("MYO_ASSETS"); env && *env) return env;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path bin = exe.parent_path();
    for (const fs::path& candidate : {bin.parent_path() / "share" / "myorelease", bin / "assets"}) {
      // Canonical: the build tree's share/myorelease is a link to the source assets, named as such.
      if (fs::is_regular_file(candidate / "upper_body.glb", ec)) {
        const fs::path canonical = fs::weakly_canonical(candidate, ec);
        return ec ? candidate : canonical;
      }
    }
  }
  return "assets";
}

namespace {

std::optional<fs::path> xdgBase(const char* variable, const fs::path& belowHome) {
  if (const char* value = std::getenv(variable); value && *value == '/') return fs::path(value);
  if (const char* home = std::getenv("HOME"); home && *home == '/') return fs::path(home) / belowHome;
  return std::nullopt;
}

}  // namespace

std::optional<fs::path> xdgConfigHome() { return xdgBase("XDG_CONFIG_HOME", ".config"); }
std::optional<fs::path> xdgDataHome() { return xdgBase("XDG_DATA_HOME", fs::path(".local") / "share"); }

std::optional<fs::path> historyPath() {
  const auto base = xdgDataHome();
  if (!base) return std::nullopt;
  return *base / "myorelease" / "history.json";
}

std::string shownPath(const fs::path& path) {
  const std::string text = path.string();
  const char* home = std::getenv("HOME");
  if (!home || *home != '/') return text;
  std::string base = home;
  while (base.size() > 1 && base.back() == '/') base.pop_back();
  if (base.size() > 1 && text.size() > base.size() + 1 && text.compare(0, base.size(), base) == 0 &&
      text[base.size()] == '/')
    return "~" + text.substr(base.size());
  return text;
}

std::optional<fs::path> xdgPicturesDir() {
  const char* home = std::getenv("HOME");
  const char* config = std::getenv("XDG_CONFIG_HOME");
  fs::path file;
  if (config && *config == '/') file = fs::path(config) / "user-dirs.dirs";
  else if (home && *home) file = fs::path(home) / ".config" / "user-dirs.dirs";
  else return std::nullopt;
  std::ifstream in(file);
  std::string line;
  std::optional<fs::path> found;
  // Lines look like XDG_PICTURES_DIR="$HOME/Pictures" (xdg-user-dirs' own format: $HOME or an absolute path).
  while (in && std::getline(in, line) && line.size() < 4096) {
    const std::string key = "XDG_PICTURES_DIR=\"";
    if (line.rfind(key, 0) != 0) continue;
    const auto end = line.find('"', key.size());
    if (end == std::string::npos) continue;
    std::string value = line.substr(key.size(), end - key.size());
    if (value.rfind("$HOME", 0) == 0) {
      if (!home || !*home) continue;
      value = std::string(home) + value.substr(5);
    }
    if (value.empty() || value.front() != '/') continue;
    found = fs::path(value);
  }
  std::error_code ec;
  // xdg-user-dirs sets a folder to $HOME/ to say "disabled": that is no pictures folder.
  if (found && home && fs::equivalent(*found, fs::path(home), ec)) return std::nullopt;
  if (found && fs::is_directory(*found, ec)) return found;
  return std::nullopt;
}

fs::path picturesDir(const std::optional<std::string>& outputDir) {
  if (outputDir) return fs::path(*outputDir);
  if (auto xdg = xdgPicturesDir()) return *xdg;
  return fs::path(".");
}

void checkOutputDir(const std::optional<std::string>& outputDir) {
  if (!outputDir) return;
  std::error_code ec;
  const fs::file_status st = fs::status(*outputDir, ec);
  if (!fs::exists(st)) throw core::Error("--output-dir", "no such folder '" + *outputDir + "'");
  if (!fs::is_directory(st)) throw core::Error("--output-dir", "'" + *outputDir + "' is not a folder");
}

fs::path picturePath(const std::optional<std::string>& outputDir, const std::string& file) {
  const fs::path path(file);
  if (outputDir && path.is_relative()) return fs::path(*outputDir) / path;
  return path;
}

}  // namespace myo::app
