// app/cli.cpp: one CLI11 table that both parses the command line and writes --help, then the checks
// CLI11 cannot express (value formats, combinations), each failing with one core::Error.
#include "app/cli.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <memory>
#include <string_view>
#include <system_error>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/error.hpp"

#ifndef MYO_VERSION
#define MYO_VERSION "0.1.0"
#endif

namespace myo::app {

namespace {

constexpr int kMinSize = 16;
constexpr int kMaxSize = 16384;
constexpr int kMinFrames = 1;
constexpr int kMaxFrames = 100000;
constexpr int kMinFps = 1;
constexpr int kMaxFps = 120;
constexpr int kMaxLayerDepth = 4;  // scene::kMaxLayerDepth
constexpr double kMinScale = 0.5;  // said as "0.5" and "4" in the error below
constexpr double kMaxScale = 4.0;
// The body weights the pressure estimate accepts (exercise/pressure.hpp: kMinBodyWeightKg, kMaxBodyWeightKg).
constexpr double kMinBodyWeight = 30.0;
constexpr double kMaxBodyWeight = 250.0;
constexpr std::array<std::string_view, 3> kSkinModes{"opaque", "faded", "hidden"};

constexpr std::string_view kUsage = "Usage: myorelease [MODEL.glb|MODEL.gltf] [options]\n";

constexpr std::string_view kFooter =
    "Without MODEL the shipped assets/upper_body.glb is opened.\n"
    "Actions that print or write something and exit (--state, --screenshot, --export,\n"
    "--list-exercises, --list-muscles, --validate, --bench, --video) are given one at a time.\n"
    "--state and --video need --exercise; --export writes the rest pose without --exercise;\n"
    "--headless needs --screenshot, --bench or --video; --frames needs --bench; --from,\n"
    "--to and --fps need --video. Without --exercise, --time sets the clock of the model's own animation.\n"
    "Exit status: 0 ok; 2 bad input or usage, with one line on stderr:\n"
    "  \"myorelease: error: <file or option>: <what is wrong>\"; 1 internal error.";

/// The usage line of the contract instead of CLI11's generated "[OPTIONS] [MODEL]".
class Formatter : public CLI::Formatter {
public:
  std::string make_usage(const CLI::App*, std::string) const override { return std::string(kUsage); }
};

/// Option handles of the one table; values are read back as strings and checked here so every
/// message names the option and the exact problem.
struct Table {
  CLI::App app{"MyoRelease: a 3D anatomy viewer teaching self-myofascial release of the upper back.",
               "myorelease"};
  CLI::Option* model = nullptr;
  CLI::Option* exercise = nullptr;
  CLI::Option* exercises = nullptr;
  CLI::Option* time = nullptr;
  CLI::Option* state = nullptr;
  CLI::Option* view = nullptr;
  CLI::Option* headless = nullptr;
  CLI::Option* screenshot = nullptr;
  CLI::Option* exportFile = nullptr;
  CLI::Option* size = nullptr;
  CLI::Option* noUi = nullptr;
  CLI::Option* listExercises = nullptr;
  CLI::Option* listMuscles = nullptr;
  CLI::Option* validate = nullptr;
  CLI::Option* bench = nullptr;
  CLI::Option* frames = nullptr;
  CLI::Option* skin = nullptr;
  CLI::Option* video = nullptr;
  CLI::Option* from = nullptr;
  CLI::Option* to = nullptr;
  CLI::Option* fps = nullptr;
  CLI::Option* outputDir = nullptr;
  CLI::Option* select = nullptr;
  CLI::Option* search = nullptr;
  CLI::Option* layerDepth = nullptr;
  CLI::Option* xray = nullptr;
  CLI::Option* fadeOthers = nullptr;
  CLI::Option* show = nullptr;
  CLI::Option* coach = nullptr;
  CLI::Option* scale = nullptr;
  CLI::Option* bodyWeight = nullptr;
  CLI::Option* zones = nullptr;
};

std::unique_ptr<Table> makeTable() {
  auto table = std::make_unique<Table>();
  CLI::App& app = table->app;
  // Unknown arguments are collected instead of thrown so they can be reported as typed.
  app.allow_extras();
  app.formatter(std::make_shared<Formatter>());
  app.get_formatter()->column_width(24);
  app.footer(std::string(kFooter));
  app.set_help_flag("--help", "print this help and exit");
  app.set_version_flag("--version", versionString(), "print the version and exit");

  auto value = [&app](const std::string& name, const std::string& type, const std::string& help) {
    return app.add_option(name, help)
        ->type_name(type)
        ->expected(1)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  };
  auto flag = [&app](const std::string& name, const std::string& help) { return app.add_flag(name, help); };

  table->model = app.add_option("MODEL", "glTF 2.0 model to open (.glb or .gltf)")
                     ->type_name("")
                     ->expected(1)
                     ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  table->exercise = value("--exercise", "ID", "select an exercise (ids from --list-exercises)");
  table->exercises =
      value("--exercises", "FILE", "load exercises from FILE instead of assets/exercises.json");
  table->time = value("--time", "SECONDS", "put the exercise clock at this time");
  table->state = flag("--state", "print the state at --time as one JSON object and exit");
  table->view = value("--view", "NAME", "camera preset: back, front, left, right, top, target, oblique");
  table->headless = flag("--headless", "no window: render offscreen through EGL");
  table->screenshot = value("--screenshot", "FILE", "render one frame to a PNG and exit");
  table->exportFile = value("--export", "FILE.glb",
                            "write the posed scene at --time as glTF (model meshes posed, same names and vertex "
                            "order; nodes tool, equipment_*, floor) and exit");
  table->size = value("--size", "WxH", "framebuffer size, default 1280x720");
  table->noUi = flag("--no-ui", "leave the ImGui panels out of the picture");
  table->listExercises = flag("--list-exercises", "print \"ID<TAB>title\" per exercise and exit");
  table->listMuscles = flag("--list-muscles", "print the muscles recognised in MODEL and exit");
  table->validate = flag("--validate", "load MODEL and the exercises, report every problem, exit");
  table->bench = flag("--bench", "print load and frame-time figures and exit");
  table->frames = value("--frames", "N", "frames timed by --bench, default 120");
  table->skin = value("--skin", "MODE", "how the skin is drawn: opaque, faded, hidden; default faded");
  table->video = value("--video", "FILE", "render --exercise into an .mp4 (H.264) or .webm (VP9) and exit");
  table->from = value("--from", "SECONDS", "the video's start on the exercise clock, default 0");
  table->to = value("--to", "SECONDS", "the video's end, default the end of the exercise");
  table->fps = value("--fps", "N", "video frames per second, default 30");
  table->outputDir = value("--output-dir", "DIR",
                           "folder for saved pictures (default: XDG pictures, else working folder)");
  table->select = value("--select", "NAME", "select the first structure whose name matches NAME (as the search)");
  table->search = value("--search", "TEXT", "put TEXT in the search field (the panel lists the matches)");
  table->layerDepth = value("--layer-depth", "N",
                            "peel N layers: 1 skin, 2 superficial muscles, 3 the muscles under them, 4 deep "
                            "muscles (bones left); default 0");
  table->xray = flag("--xray", "draw everything see-through but the selection (or the target muscles)");
  table->fadeOthers = flag("--fade-others", "draw everything faint but the selection (or the target muscles)");
  table->show = value("--show", "PANEL", "open a window in the picture or at the start: help, about, history, "
                                         "settings");
  table->coach = flag("--coach", "the coach view: the timer large, the current step, the 3D view beside them");
  table->scale = value("--scale", "FACTOR",
                       "size of the panels' text, 1 = 15 px (default: the window's content scale; pictures: "
                       "their height / 900, at least 1)");
  table->bodyWeight = value("--body-weight", "KG", "body weight for the pressure estimate, default 84.9");
  table->zones = flag("--zones", "draw the safety zones (spine, neck, lumbar spine, kidneys) on the body");
  return table;
}

std::string inQuotes(std::string_view text) { return "'" + std::string(text) + "'"; }

/// The single value of an option given at most once; nullopt when absent.
std::optional<std::string> single(const CLI::Option* option) {
  const std::vector<std::string>& results = option->results();
  if (results.empty()) return std::nullopt;
  if (results.size() > 1) throw core::Error(option->get_name(), "given more than once");
  return results.front();
}

std::string nonEmpty(const CLI::Option* option, std::string value) {
  if (value.empty()) throw core::Error(option->get_name(), "needs a non-empty " + option->get_type_name());
  return value;
}

/// Whole-string integer parse; nullopt when anything but digits (and a leading '-') is present.
std::optional<int> parseInt(std::string_view text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

double parseTime(const std::string& text, const std::string& option = "--time") {
  double seconds = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size())
    throw core::Error(option, "expected a number of seconds, got " + inQuotes(text));
  if (ec == std::errc::result_out_of_range || !std::isfinite(seconds))
    throw core::Error(option, "must be a finite number of seconds, got " + inQuotes(text));
  if (seconds < 0.0) throw core::Error(option, "must not be negative, got " + inQuotes(text));
  return seconds;
}

void parseSize(const std::string& text, CliOptions& options) {
  const std::size_t cross = text.find_first_of("xX");
  std::optional<int> width;
  std::optional<int> height;
  if (cross != std::string::npos) {
    width = parseInt(std::string_view(text).substr(0, cross));
    height = parseInt(std::string_view(text).substr(cross + 1));
  }
  auto inRange = [](std::optional<int> v) { return v && *v >= kMinSize && *v <= kMaxSize; };
  if (!inRange(width) || !inRange(height))
    throw core::Error("--size", "expected WxH with both between " + std::to_string(kMinSize) + " and " +
                                    std::to_string(kMaxSize) + ", got " + inQuotes(text));
  options.width = *width;
  options.height = *height;
  options.sizeGiven = true;
}

double parseBodyWeight(const std::string& text) {
  double kg = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), kg);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(kg) ||
      kg < kMinBodyWeight || kg > kMaxBodyWeight)
    throw core::Error("--body-weight", "expected a number of kilograms between 30 and 250, got " + inQuotes(text));
  return kg;
}

int parseFrames(const std::string& text) {
  const std::optional<int> frames = parseInt(text);
  if (!frames || *frames < kMinFrames || *frames > kMaxFrames)
    throw core::Error("--frames", "expected a whole number between " + std::to_string(kMinFrames) + " and " +
                                      std::to_string(kMaxFrames) + ", got " + inQuotes(text));
  return *frames;
}

int parseFps(const std::string& text) {
  const std::optional<int> fps = parseInt(text);
  if (!fps || *fps < kMinFps || *fps > kMaxFps)
    throw core::Error("--fps", "expected a whole number between " + std::to_string(kMinFps) + " and " +
                                   std::to_string(kMaxFps) + ", got " + inQuotes(text));
  return *fps;
}

float parseScale(const std::string& text) {
  double scale = 0.0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), scale);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || !(scale >= kMinScale) ||
      !(scale <= kMaxScale))
    throw core::Error("--scale", "expected a number between 0.5 and 4, got " + inQuotes(text));
  return float(scale);
}

bool endsWithNoCase(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  text = text.substr(text.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[i])) != suffix[i]) return false;
  return true;
}

/// CLI11 reports a few problems itself (a value missing at the end of the line); its messages read
/// "NAME: text", which is turned into the same where/what pair as ours.
core::Error fromCli11(const Table& table, const CLI::ParseError& error) {
  const std::string message = error.what();
  const std::size_t colon = message.find(": ");
  if (colon == std::string::npos) return core::Error("command line", message);
  const std::string name = message.substr(0, colon);
  const CLI::Option* option = table.app.get_option_no_throw(name);
  if (option != nullptr && message.find("missing", colon) != std::string::npos)
    return core::Error(name, "missing value " + option->get_type_name());
  return core::Error(name, message.substr(colon + 2));
}

/// CLI11 hands the next word to an option even when that word is another option ("--time --state").
void checkNotAnOption(const CLI::Option* option, const std::string& value) {
  if (value.size() > 2 && value.starts_with("--"))
    throw core::Error(option->get_name(),
                      "missing value " + option->get_type_name() + " (found " + value + ")");
}

void checkCombinations(const Table& table, const CliOptions& options) {
  // Exit-now actions: the later one on the line is the one reported.
  const std::array<const CLI::Option*, 8> actions{table.state,       table.screenshot, table.exportFile,
                                                  table.listExercises, table.listMuscles, table.validate,
                                                  table.bench,         table.video};
  const CLI::Option* firstAction = nullptr;
  for (const CLI::Option* given : table.app.parse_order()) {
    if (std::find(actions.begin(), actions.end(), given) == actions.end() || given == firstAction) continue;
    if (firstAction != nullptr)
      throw core::Error(given->get_name(), "cannot be combined with " + firstAction->get_name());
    firstAction = given;
  }
  if (options.state && !options.exercise) throw core::Error("--state", "needs --exercise ID");
  if (options.headless && !options.screenshot && !options.bench && !options.video)
    throw core::Error("--headless", "needs --screenshot, --bench or --video");
  if (table.frames->count() > 0 && !options.bench) throw core::Error("--frames", "needs --bench");
  for (const CLI::Option* videoOnly : {table.from, table.to, table.fps})
    if (videoOnly->count() > 0 && !options.video) throw core::Error(videoOnly->get_name(), "needs --video");
  if (options.show) {
    for (const CLI::Option* other : {table.state, table.exportFile, table.listExercises, table.listMuscles,
                                     table.validate, table.bench, table.video, table.noUi})
      if (other->count() > 0) throw core::Error("--show", "cannot be combined with " + other->get_name());
  }
  if (options.coach) {
    if (!options.exercise) throw core::Error("--coach", "needs --exercise ID");
    if (options.noUi) throw core::Error("--coach", "cannot be combined with --no-ui");
    if (options.video) throw core::Error("--coach", "cannot be combined with --video");
  }
  if (options.video) {
    if (!options.exercise) throw core::Error("--video", "needs --exercise ID");
    if (options.time) throw core::Error("--time", "cannot be combined with --video (use --from and --to)");
    if (options.width % 2 != 0 || options.height % 2 != 0)
      throw core::Error("--size", "a video needs an even width and height");
    if (options.from && options.to && *options.to <= *options.from)
      throw core::Error("--to", "must be later than --from");
  }
}

}  // namespace

std::string versionString() { return std::string("myorelease ") + MYO_VERSION; }

std::string helpText() { return makeTable()->app.help(); }

CliResult parseCommandLine(int argc, const char* const* argv) {
  const std::unique_ptr<Table> table = makeTable();
  CLI::App& app = table->app;

  // CLI11 reads from the back of a vector; argv[0] (the program) is left out.
  std::vector<std::string> args;
  for (int i = argc - 1; i >= 1; --i) args.emplace_back(argv[i] != nullptr ? argv[i] : "");

  // CLI11 would read "--state=false" as "not given"; a switch takes no value, so say so.
  for (const std::string& arg : args) {
    const std::size_t equals = arg.find('=');
    if (!arg.starts_with("--") || equals == std::string::npos) continue;
    const CLI::Option* option = app.get_option_no_throw(arg.substr(0, equals));
    if (option != nullptr && option->get_expected_max() == 0)
      throw core::Error(arg.substr(0, equals), "takes no value, got " + inQuotes(arg.substr(equals + 1)));
  }

  CliResult result;
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp&) {
    result.printAndExit = app.help();
    return result;
  } catch (const CLI::CallForVersion&) {
    result.printAndExit = versionString() + "\n";
    return result;
  } catch (const CLI::ParseError& error) {
    throw fromCli11(*table, error);
  }

  for (const std::string& extra : app.remaining()) {
    if (extra.starts_with("-")) throw core::Error(extra, "unknown option");
    throw core::Error(extra, "unexpected second argument: only one MODEL.glb|MODEL.gltf is accepted");
  }
  if (table->model->results().size() > 1)
    throw core::Error(table->model->results()[1],
                      "unexpected second argument: only one MODEL.glb|MODEL.gltf is accepted");

  CliOptions& options = result.options;
  for (CLI::Option* option : app.get_options())
    for (const std::string& value : option->results())
      if (option->get_expected_min() > 0) checkNotAnOption(option, value);

  if (auto model = single(table->model)) {
    // A lone "-5" or "-x" lands here because CLI11 reads it as a positional word.
    if (model->starts_with("-")) throw core::Error(*model, "unknown option");
    if (!endsWithNoCase(*model, ".glb") && !endsWithNoCase(*model, ".gltf"))
      throw core::Error(*model, "expected a .glb or .gltf model file");
    options.model = std::move(model);
  }
  if (auto id = single(table->exercise)) options.exercise = nonEmpty(table->exercise, *id);
  if (auto file = single(table->exercises)) options.exercisesFile = nonEmpty(table->exercises, *file);
  if (auto seconds = single(table->time)) options.time = parseTime(*seconds);
  if (auto name = single(table->view)) {
    const std::optional<view::Preset> preset = view::parsePreset(*name);
    if (!preset)
      throw core::Error("--view", "unknown view " + inQuotes(*name) + "; expected one of " +
                                      std::string(view::presetNames()));
    options.view = *preset;
    options.viewGiven = true;
  }
  if (auto file = single(table->screenshot)) {
    nonEmpty(table->screenshot, *file);
    if (!endsWithNoCase(*file, ".png"))
      throw core::Error("--screenshot", "expected a file name ending in .png, got " + inQuotes(*file));
    options.screenshot = std::move(file);
  }
  if (auto file = single(table->exportFile)) {
    nonEmpty(table->exportFile, *file);
    if (!endsWithNoCase(*file, ".glb"))
      throw core::Error("--export", "expected a file name ending in .glb, got " + inQuotes(*file));
    options.exportFile = std::move(file);
  }
  if (auto file = single(table->video)) {
    nonEmpty(table->video, *file);
    if (!endsWithNoCase(*file, ".mp4") && !endsWithNoCase(*file, ".webm"))
      throw core::Error("--video", "expected a file name ending in .mp4 or .webm, got " + inQuotes(*file));
    options.video = std::move(file);
  }
  if (auto seconds = single(table->from)) options.from = parseTime(*seconds, "--from");
  if (auto seconds = single(table->to)) options.to = parseTime(*seconds, "--to");
  if (auto fps = single(table->fps)) options.fps = parseFps(*fps);
  if (auto size = single(table->size)) parseSize(*size, options);
  if (auto frames = single(table->frames)) options.frames = parseFrames(*frames);
  if (auto mode = single(table->skin)) {
    if (std::find(kSkinModes.begin(), kSkinModes.end(), *mode) == kSkinModes.end())
      throw core::Error("--skin",
                        "unknown skin mode " + inQuotes(*mode) + "; expected one of opaque, faded, hidden");
    options.skin = *mode;
    options.skinGiven = true;
  }
  if (auto name = single(table->show)) {
    const std::array<std::pair<std::string_view, ShowPanel>, 4> panels{{{"help", ShowPanel::Help},
                                                                        {"about", ShowPanel::About},
                                                                        {"history", ShowPanel::History},
                                                                        {"settings", ShowPanel::Settings}}};
    for (const auto& [panelName, panel] : panels)
      if (*name == panelName) options.show = panel;
    if (!options.show)
      throw core::Error("--show", "unknown window " + inQuotes(*name) + "; expected one of help, about, history, "
                                                                        "settings");
  }
  if (auto dir = single(table->outputDir)) options.outputDir = nonEmpty(table->outputDir, *dir);
  if (auto name = single(table->select)) options.select = nonEmpty(table->select, *name);
  if (auto text = single(table->search)) options.search = nonEmpty(table->search, *text);
  if (auto depth = single(table->layerDepth)) {
    const std::optional<int> n = parseInt(*depth);
    if (!n || *n < 0 || *n > kMaxLayerDepth)
      throw core::Error("--layer-depth", "expected a whole number between 0 and " + std::to_string(kMaxLayerDepth) +
                                             ", got " + inQuotes(*depth));
    options.layerDepth = *n;
  }
  options.xray = table->xray->count() > 0;
  options.fadeOthers = table->fadeOthers->count() > 0;
  if (auto factor = single(table->scale)) options.scale = parseScale(*factor);
  options.coach = table->coach->count() > 0;
  if (auto kg = single(table->bodyWeight)) options.bodyWeightKg = parseBodyWeight(*kg);
  options.zones = table->zones->count() > 0;
  options.state = table->state->count() > 0;
  options.headless = table->headless->count() > 0;
  options.noUi = table->noUi->count() > 0;
  options.listExercises = table->listExercises->count() > 0;
  options.listMuscles = table->listMuscles->count() > 0;
  options.validate = table->validate->count() > 0;
  options.bench = table->bench->count() > 0;

  checkCombinations(*table, options);
  return result;
}

}  // namespace myo::app
