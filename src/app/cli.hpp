// app/cli.hpp: the command line (DESIGN.md contract) parsed into a plain CliOptions value.
#pragma once

#include <optional>
#include <string>

#include "view/camera.hpp"

namespace myo::app {

/// A window --show opens: the help overlay, About and sources, History, Settings.
enum class ShowPanel { Help, About, History, Settings };

/// Everything the command line can say; members keep the defaults of the contract.
struct CliOptions {
  std::optional<std::string> model;          ///< MODEL.glb|MODEL.gltf; unset: the shipped model
  std::optional<std::string> exercise;       ///< --exercise ID
  std::optional<std::string> exercisesFile;  ///< --exercises FILE; unset: assets/exercises.json
  std::optional<double> time;                ///< --time SECONDS (finite, >= 0)
  bool state = false;                        ///< --state
  view::Preset view = view::Preset::Back;    ///< --view NAME
  bool viewGiven = false;
  bool headless = false;                     ///< --headless
  std::optional<std::string> screenshot;     ///< --screenshot FILE (PNG)
  std::optional<std::string> exportFile;     ///< --export FILE.glb
  int width = 1280;                          ///< --size WxH, pixels
  int height = 720;
  bool sizeGiven = false;
  bool noUi = false;                         ///< --no-ui
  bool listExercises = false;                ///< --list-exercises
  bool listMuscles = false;                  ///< --list-muscles
  bool validate = false;                     ///< --validate
  bool bench = false;                        ///< --bench
  int frames = 120;                          ///< --frames N, frames timed by --bench
  std::string skin = "faded";                ///< --skin opaque|faded|hidden
  bool skinGiven = false;
  std::optional<ShowPanel> show;             ///< --show help|about|history|settings
  std::optional<std::string> video;          ///< --video FILE (.mp4 or .webm), needs --exercise
  std::optional<double> from;                ///< --from SECONDS, the video's first frame (default 0)
  std::optional<double> to;                  ///< --to SECONDS, its end (default: the end of the exercise)
  int fps = 30;                              ///< --fps N, video frames per second
  std::optional<std::string> outputDir;      ///< --output-dir DIR: where pictures are written
  // The atlas (pictures and the window open on them):
  std::optional<std::string> select;         ///< --select NAME: select the first structure NAME matches
  std::optional<std::string> search;         ///< --search TEXT: the search field's text
  int layerDepth = 0;                        ///< --layer-depth N: outer layers peeled, 0..4
  bool xray = false;                         ///< --xray
  bool fadeOthers = false;                   ///< --fade-others
  bool coach = false;                        ///< --coach: the coach view (needs --exercise)
  std::optional<float> scale;                ///< --scale FACTOR: the panels' text size (1: 15 px)
  std::optional<double> bodyWeightKg;        ///< --body-weight KG (30..250) for the pressure estimate
  bool zones = false;                        ///< --zones: draw the safety zones on the body
};

/// The parsed options, or the text to print on stdout before exiting 0 (--help, --version).
struct CliResult {
  CliOptions options;
  std::optional<std::string> printAndExit;
};

/// Parses argv (argv[0] is the program and is ignored). Throws core::Error(where, what) for any problem:
/// `where` is the option as typed (or the positional argument), `what` says precisely what is wrong.
CliResult parseCommandLine(int argc, const char* const* argv);

/// "myorelease <version>" (the CMake project version).
std::string versionString();

/// The --help text (the same table that parses the command line produces it).
std::string helpText();

}  // namespace myo::app
