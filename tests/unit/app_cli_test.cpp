// Command line: the DESIGN.md contract, defaults, every option, and each error's where and what.
#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "app/cli.hpp"
#include "core/error.hpp"

using myo::app::CliOptions;
using myo::app::CliResult;
using myo::view::Preset;

namespace {

CliResult parse(const std::vector<const char*>& args) {
  std::vector<const char*> argv{"myorelease"};
  argv.insert(argv.end(), args.begin(), args.end());
  return myo::app::parseCommandLine(static_cast<int>(argv.size()), argv.data());
}

CliOptions options(const std::vector<const char*>& args) {
  CliResult result = parse(args);
  REQUIRE_FALSE(result.printAndExit.has_value());
  return result.options;
}

struct Failure {
  std::string where;
  std::string what;
};

/// The error a command line fails with; fails the test when it parses.
Failure failure(const std::vector<const char*>& args) {
  try {
    parse(args);
  } catch (const myo::core::Error& e) {
    return {e.where(), e.message()};
  }
  FAIL("the command line was accepted");
  return {};
}

/// Option names ("--x") at the start of the help's option lines.
std::vector<std::string> optionsInHelp(const std::string& help) {
  std::vector<std::string> names;
  std::istringstream lines(help);
  for (std::string line; std::getline(lines, line);) {
    if (!line.starts_with("  --")) continue;
    names.push_back(line.substr(2, line.find(' ', 2) - 2));
  }
  return names;
}

}  // namespace

TEST_CASE("no arguments give the contract's defaults") {
  const CliOptions o = options({});
  CHECK_FALSE(o.model.has_value());
  CHECK_FALSE(o.exercise.has_value());
  CHECK_FALSE(o.exercisesFile.has_value());
  CHECK_FALSE(o.time.has_value());
  CHECK_FALSE(o.state);
  CHECK((o.view == Preset::Back));
  CHECK_FALSE(o.viewGiven);
  CHECK_FALSE(o.headless);
  CHECK_FALSE(o.screenshot.has_value());
  CHECK(o.width == 1280);
  CHECK(o.height == 720);
  CHECK_FALSE(o.sizeGiven);
  CHECK_FALSE(o.noUi);
  CHECK_FALSE(o.listExercises);
  CHECK_FALSE(o.listMuscles);
  CHECK_FALSE(o.validate);
  CHECK_FALSE(o.bench);
  CHECK(o.frames == 120);
  CHECK(o.skin == "faded");
}

TEST_CASE("every option reaches CliOptions") {
  SUBCASE("an atlas picture") {
    const CliOptions o = options({"--select", "rhomboid major", "--search", "ter", "--layer-depth", "3", "--xray",
                                  "--fade-others", "--headless", "--screenshot", "a.png"});
    CHECK(o.select == "rhomboid major");
    CHECK(o.search == "ter");
    CHECK(o.layerDepth == 3);
    CHECK(o.xray);
    CHECK(o.fadeOthers);
    const CliOptions d = options({});
    CHECK(d.layerDepth == 0);
    CHECK_FALSE(d.xray);
    CHECK_FALSE(d.fadeOthers);
    CHECK_FALSE(d.select.has_value());
    CHECK_FALSE(d.search.has_value());
  }
  SUBCASE("the pressure estimate's body weight and the safety zones") {
    const CliOptions o = options({"--exercise", "rhomboid-massage-ball", "--body-weight", "72.5", "--zones",
                                  "--headless", "--screenshot", "zones.png"});
    CHECK(o.bodyWeightKg == doctest::Approx(72.5));
    CHECK(o.zones);
    CHECK_FALSE(options({}).bodyWeightKg.has_value());
    CHECK_FALSE(options({}).zones);
    for (const char* bad : {"29.9", "251", "heavy", "80kg", "", "nan"}) {
      CAPTURE(bad);
      const Failure f = failure({"--body-weight", bad});
      CHECK(f.where == "--body-weight");
      CHECK(f.what == std::string("expected a number of kilograms between 30 and 250, got '") + bad + "'");
    }
  }
  SUBCASE("a video export") {
    const CliOptions o = options({"--exercise", "massage-chair", "--video", "out/chair.WEBM", "--from", "5",
                                  "--to", "12.5", "--fps", "24", "--size", "640x360", "--headless"});
    CHECK(o.video == "out/chair.WEBM");
    CHECK(o.from == doctest::Approx(5.0));
    CHECK(o.to == doctest::Approx(12.5));
    CHECK(o.fps == 24);
    CHECK(o.width == 640);
    CHECK(!o.noUi);
    CHECK(options({}).fps == 30);
    CHECK(!options({}).from.has_value());
  }
  SUBCASE("a golden-image run") {
    const CliOptions o = options({"assets/upper_body.glb", "--exercise", "trapezius-foam-roller", "--time",
                                  "12.5", "--view", "left", "--headless", "--screenshot", "out/shot.png",
                                  "--size", "320x240", "--no-ui", "--skin", "faded", "--exercises",
                                  "tests/data/exercises.json"});
    CHECK(o.model == "assets/upper_body.glb");
    CHECK(o.exercise == "trapezius-foam-roller");
    CHECK(o.exercisesFile == "tests/data/exercises.json");
    REQUIRE(o.time.has_value());
    CHECK(*o.time == doctest::Approx(12.5));
    CHECK((o.view == Preset::Left));
    CHECK(o.viewGiven);
    CHECK(o.headless);
    CHECK(o.screenshot == "out/shot.png");
    CHECK(o.width == 320);
    CHECK(o.height == 240);
    CHECK(o.sizeGiven);
    CHECK(o.noUi);
    CHECK(o.skin == "faded");
  }
  SUBCASE("state at a time, with --name=value spelling") {
    const CliOptions o = options({"--exercise=rhomboid-massage-ball", "--time=0", "--state"});
    CHECK(o.exercise == "rhomboid-massage-ball");
    CHECK(o.time == 0.0);
    CHECK(o.state);
  }
  SUBCASE("list and validate actions") {
    CHECK(options({"--list-exercises"}).listExercises);
    CHECK(options({"m.GLTF", "--list-muscles"}).listMuscles);
    CHECK(options({"m.GLTF", "--list-muscles"}).model == "m.GLTF");
    CHECK(options({"--validate", "--exercises", "x.json"}).validate);
  }
  SUBCASE("bench with a frame count") {
    const CliOptions o = options({"--headless", "--bench", "--frames", "7"});
    CHECK(o.bench);
    CHECK(o.headless);
    CHECK(o.frames == 7);
    CHECK(options({"--bench", "--frames", "100000"}).frames == 100000);
    CHECK(options({"--bench", "--frames", "1"}).frames == 1);
  }
  SUBCASE("every view and skin name") {
    for (const char* name : {"back", "front", "left", "right", "top", "target", "oblique"}) {
      CAPTURE(name);
      const CliOptions o = options({"--view", name});
      CHECK(std::string(myo::view::toString(o.view)) == name);
    }
    CHECK(options({"--skin", "hidden"}).skin == "hidden");
    CHECK(options({"--skin", "opaque"}).skin == "opaque");
  }
  SUBCASE("size limits are inclusive and the cross may be upper case") {
    const CliOptions small = options({"--size", "16x16384"});
    CHECK(small.width == 16);
    CHECK(small.height == 16384);
    CHECK(options({"--size", "640X480"}).width == 640);
  }
  SUBCASE("windowed screenshot is allowed") {
    const CliOptions o = options({"--screenshot", "a.PNG"});
    CHECK(o.screenshot == "a.PNG");
    CHECK_FALSE(o.headless);
  }
  SUBCASE("time without an exercise drives the model's own animation") {
    CHECK(options({"--time", "1e1"}).time == 10.0);
  }
}

TEST_CASE("--help and --version print and exit, from the same table") {
  const CliResult help = parse({"--help"});
  REQUIRE(help.printAndExit.has_value());
  const std::string& text = *help.printAndExit;
  CHECK(text == myo::app::helpText());
  CHECK(text.find("myorelease [MODEL.glb|MODEL.gltf] [options]") != std::string::npos);
  for (const char* option : {"--exercise ID", "--exercises FILE", "--time SECONDS", "--state", "--view NAME",
                             "--headless", "--screenshot FILE", "--size WxH", "--no-ui", "--list-exercises",
                             "--list-muscles", "--validate", "--bench", "--help", "--version", "--frames N",
                             "--skin MODE", "--video FILE", "--from SECONDS", "--to SECONDS", "--fps N",
                             "--export FILE.glb", "--output-dir DIR", "--select NAME", "--search TEXT",
                             "--layer-depth N", "--xray", "--fade-others", "--show PANEL", "--coach",
                             "--scale FACTOR", "--body-weight KG", "--zones"}) {
    CAPTURE(option);
    CHECK(text.find(std::string("  ") + option + " ") != std::string::npos);
  }
  CHECK(text.find("myorelease: error: <file or option>: <what is wrong>") != std::string::npos);
  CHECK(text.find("--headless needs --screenshot, --bench or --video") != std::string::npos);
  CHECK(text.back() == '\n');

  // Everything the help lists is an option the parser knows (one table for both).
  const std::vector<std::string> listed = optionsInHelp(text);
  CHECK(listed.size() == 33);
  for (const std::string& name : listed) {
    CAPTURE(name);
    try {
      parse({name.c_str()});
    } catch (const myo::core::Error& e) {
      CHECK(e.message() != "unknown option");
    }
  }

  // --help wins over anything else on the line.
  CHECK(parse({"--bogus", "--help"}).printAndExit == text);

  const CliResult version = parse({"--version"});
  REQUIRE(version.printAndExit.has_value());
  CHECK(*version.printAndExit == myo::app::versionString() + "\n");
  const std::string v = myo::app::versionString();
  REQUIRE(v.starts_with("myorelease "));
  const std::string number = v.substr(11);
  CHECK(std::count(number.begin(), number.end(), '.') == 2);
  CHECK(number.find_first_not_of("0123456789.") == std::string::npos);
}

TEST_CASE("usage errors name the option and say what is wrong") {
  struct Case {
    std::vector<const char*> args;
    const char* where;
    const char* what;
  };
  const std::vector<Case> cases{
      {{"--bogus"}, "--bogus", "unknown option"},
      {{"-x"}, "-x", "unknown option"},
      {{"-5"}, "-5", "unknown option"},
      {{"a.glb", "--frames=2", "--bench", "--nope=3"}, "--nope=3", "unknown option"},
      {{"a.glb", "b.glb"}, "b.glb", "unexpected second argument: only one MODEL.glb|MODEL.gltf is accepted"},
      {{"notes.txt"}, "notes.txt", "expected a .glb or .gltf model file"},
      {{"--layer-depth", "5"}, "--layer-depth", "expected a whole number between 0 and 4, got '5'"},
      {{"--layer-depth", "two"}, "--layer-depth", "expected a whole number between 0 and 4, got 'two'"},
      {{"--select", ""}, "--select", "needs a non-empty NAME"},
      {{"--time"}, "--time", "missing value SECONDS"},
      {{"--exercise"}, "--exercise", "missing value ID"},
      {{"--exercise="}, "--exercise", "missing value ID"},
      {{"--exercise", "--state"}, "--exercise", "missing value ID (found --state)"},
      {{"--exercise", ""}, "--exercise", "needs a non-empty ID"},
      {{"--exercises", ""}, "--exercises", "needs a non-empty FILE"},
      {{"--view", "top", "--view", "left"}, "--view", "given more than once"},
      {{"--time", "-5"}, "--time", "must not be negative, got '-5'"},
      {{"--time", "inf"}, "--time", "must be a finite number of seconds, got 'inf'"},
      {{"--time", "nan"}, "--time", "must be a finite number of seconds, got 'nan'"},
      {{"--time", "1e999"}, "--time", "must be a finite number of seconds, got '1e999'"},
      {{"--time", "12s"}, "--time", "expected a number of seconds, got '12s'"},
      {{"--size", "12x"}, "--size", "expected WxH with both between 16 and 16384, got '12x'"},
      {{"--size", "15x100"}, "--size", "expected WxH with both between 16 and 16384, got '15x100'"},
      {{"--size", "100x16385"}, "--size", "expected WxH with both between 16 and 16384, got '100x16385'"},
      {{"--size", "1280*720"}, "--size", "expected WxH with both between 16 and 16384, got '1280*720'"},
      {{"--size", "64x64x64"}, "--size", "expected WxH with both between 16 and 16384, got '64x64x64'"},
      {{"--bench", "--frames", "0"}, "--frames", "expected a whole number between 1 and 100000, got '0'"},
      {{"--bench", "--frames", "100001"}, "--frames",
       "expected a whole number between 1 and 100000, got '100001'"},
      {{"--bench", "--frames", "2.5"}, "--frames", "expected a whole number between 1 and 100000, got '2.5'"},
      {{"--view", "side"}, "--view",
       "unknown view 'side'; expected one of back, front, left, right, top, target, oblique"},
      {{"--skin", "glass"}, "--skin", "unknown skin mode 'glass'; expected one of opaque, faded, hidden"},
      {{"--screenshot", "shot.jpg"}, "--screenshot", "expected a file name ending in .png, got 'shot.jpg'"},
      {{"--state=false"}, "--state", "takes no value, got 'false'"},
  };
  for (const Case& c : cases) {
    std::string line;
    for (const char* arg : c.args) line += std::string(arg) + " ";
    CAPTURE(line);
    const Failure f = failure(c.args);
    CHECK(f.where == c.where);
    CHECK(f.what == c.what);
  }
}

TEST_CASE("combinations are checked after parsing") {
  Failure f = failure({"--state"});
  CHECK(f.where == "--state");
  CHECK(f.what == "needs --exercise ID");

  f = failure({"--headless"});
  CHECK(f.where == "--headless");
  CHECK(f.what == "needs --screenshot, --bench or --video");

  f = failure({"--video", "clip.mp4"});
  CHECK(f.where == "--video");
  CHECK(f.what == "needs --exercise ID");
  f = failure({"--exercise", "x", "--video", "clip.mp4", "--time", "3"});
  CHECK(f.where == "--time");
  f = failure({"--exercise", "x", "--video", "clip.mp4", "--from", "5", "--to", "5"});
  CHECK(f.where == "--to");
  f = failure({"--exercise", "x", "--video", "clip.mp4", "--screenshot", "a.png"});
  CHECK(f.where == "--screenshot");
  f = failure({"--exercise", "x", "--video", "clip.mov"});
  CHECK(f.where == "--video");
  f = failure({"--exercise", "x", "--video", "clip.mp4", "--fps", "121"});
  CHECK(f.where == "--fps");
  f = failure({"--fps", "30"});
  CHECK(f.what == "needs --video");
  f = failure({"--exercise", "x", "--video", "clip.webm", "--from", "-1"});
  CHECK(f.where == "--from");

  f = failure({"--frames", "10"});
  CHECK(f.where == "--frames");
  CHECK(f.what == "needs --bench");

  // Exit-now actions go one at a time; the later one is named.
  f = failure({"--validate", "--list-muscles"});
  CHECK(f.where == "--list-muscles");
  CHECK(f.what == "cannot be combined with --validate");
  f = failure({"--screenshot", "a.png", "--exercise", "x", "--state"});
  CHECK(f.where == "--state");
  CHECK(f.what == "cannot be combined with --screenshot");
  f = failure({"--bench", "--list-exercises"});
  CHECK(f.where == "--list-exercises");
  CHECK(f.what == "cannot be combined with --bench");

  // A repeated switch is the same request, not a conflict.
  CHECK(options({"--validate", "--validate"}).validate);
}

TEST_CASE("--coach needs an exercise and the panels; --scale takes a factor from 0.5 to 4") {
  const CliOptions coach = options({"--exercise", "x", "--coach", "--headless", "--screenshot", "c.png"});
  CHECK(coach.coach);
  CHECK_FALSE(options({}).coach);
  CHECK_FALSE(options({}).scale.has_value());
  CHECK(options({"--scale", "1.5"}).scale == doctest::Approx(1.5f));
  CHECK(options({"--scale", "0.5"}).scale == doctest::Approx(0.5f));
  CHECK(options({"--scale", "4"}).scale == doctest::Approx(4.0f));

  Failure f = failure({"--coach"});
  CHECK(f.where == "--coach");
  CHECK(f.what == "needs --exercise ID");
  f = failure({"--exercise", "x", "--coach", "--no-ui", "--headless", "--screenshot", "c.png"});
  CHECK(f.where == "--coach");
  CHECK(f.what == "cannot be combined with --no-ui");
  f = failure({"--exercise", "x", "--coach", "--video", "v.mp4"});
  CHECK(f.what == "cannot be combined with --video");
  for (const char* bad : {"0", "0.49", "4.5", "abc", "-1", "nan", "inf", "1,5", "2x", ""}) {
    CAPTURE(bad);
    f = failure({"--scale", bad});
    CHECK(f.where == "--scale");
  }
  CHECK(failure({"--scale", "2", "--scale", "3"}).what == "given more than once");
}

TEST_CASE("every error prints as the contract's one line") {
  try {
    parse({"--size", "12x"});
    FAIL("accepted");
  } catch (const myo::core::Error& e) {
    CHECK(myo::core::errorLine(e) ==
          "myorelease: error: --size: expected WxH with both between 16 and 16384, got '12x'");
  }
}

TEST_CASE("--show names a window to open, for a picture or the window, and --skin is known to be given") {
  CHECK_FALSE(options({}).show.has_value());
  CHECK_FALSE(options({}).skinGiven);
  CHECK(options({"--skin", "faded"}).skinGiven);
  using myo::app::ShowPanel;
  CHECK(options({"--show", "help"}).show == ShowPanel::Help);
  CHECK(options({"--show", "about", "--headless", "--screenshot", "a.png"}).show == ShowPanel::About);
  CHECK(options({"--show", "history"}).show == ShowPanel::History);
  CHECK(options({"--show", "settings"}).show == ShowPanel::Settings);
  for (const char* bad : {"Help", "keys", "", "history,about"}) {
    CAPTURE(bad);
    const Failure f = failure({"--show", bad});
    CHECK(f.where == "--show");
  }
  CHECK(failure({"--show", "help", "--show", "about"}).what == "given more than once");
  const Failure noUi = failure({"--show", "help", "--headless", "--screenshot", "a.png", "--no-ui"});
  CHECK(noUi.where == "--show");
  CHECK(noUi.what == "cannot be combined with --no-ui");
  CHECK(failure({"--show", "about", "--list-exercises"}).what == "cannot be combined with --list-exercises");
  CHECK(failure({"--show", "about", "--exercise", "massage-chair", "--video", "a.mp4"}).what ==
        "cannot be combined with --video");
}
