// app/paths.hpp: where the program finds its shipped assets and where it writes pictures.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace myo::app {

/// Where the shipped assets are: $MYO_ASSETS, else share/myorelease beside the executable's folder
/// (<prefix>/bin/myorelease -> <prefix>/share/myorelease; the build tree mirrors that layout), else
/// assets/ in the working folder. Found from /proc/self/exe, never from a path fixed at build time.
std::filesystem::path assetsDir();

/// The XDG base folders: $XDG_CONFIG_HOME (else ~/.config) and $XDG_DATA_HOME (else ~/.local/share); a
/// variable that is empty or not an absolute path is ignored, as the XDG base directory rules say. nullopt when
/// neither it nor $HOME gives an absolute folder.
std::optional<std::filesystem::path> xdgConfigHome();
std::optional<std::filesystem::path> xdgDataHome();

/// The session history: $XDG_DATA_HOME/myorelease/history.json (xdgDataHome), or nullopt.
std::optional<std::filesystem::path> historyPath();

/// A path as the windows show it: under $HOME written from "~/" (~/.local/share/myorelease/history.json),
/// else as it is.
std::string shownPath(const std::filesystem::path& path);

/// The XDG pictures folder: XDG_PICTURES_DIR from $XDG_CONFIG_HOME/user-dirs.dirs (default
/// ~/.config/user-dirs.dirs), when that folder exists; nullopt otherwise.
std::optional<std::filesystem::path> xdgPicturesDir();

/// Where pictures go: `outputDir` when given (--output-dir), else the XDG pictures folder, else the
/// working folder.
std::filesystem::path picturesDir(const std::optional<std::string>& outputDir);

/// Throws core::Error("--output-dir", ...) when a given output folder is not an existing folder.
void checkOutputDir(const std::optional<std::string>& outputDir);

/// A --screenshot FILE: inside `outputDir` when that is given and FILE is relative, else FILE as typed.
std::filesystem::path picturePath(const std::optional<std::string>& outputDir, const std::string& file);

}  // namespace myo::app
