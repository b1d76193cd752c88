// The viewer's settings, history and keys without a GL context: every bound key changes what it says it changes,
// settings go in and come out unchanged (and reach a new exercise's timer), and the timer's runs reach the
// history file as completed or stopped sessions.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "app/input_bindings.hpp"
#include "app/paths.hpp"
#include "app/settings.hpp"
#include "app/viewer.hpp"
#include "exercise/history.hpp"
#include "temp_xdg.hpp"

using namespace myo;
namespace fs = std::filesystem;

namespace {

const std::string kModel = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";
const std::string kExercises = std::string(MYO_SOURCE_DIR) + "/assets/exercises.json";

/// What a key may change.
struct Snapshot {
  view::CameraPose goal;
  bool help;
  ui::SkinMode skin;
  int selected;
  bool running;
  bool quit;
};

Snapshot snapshot(app::Viewer& v) {
  return {v.camera().goal(),           v.prefs().windows.help,    v.display().skin,
          v.panelInput().selectedMesh, v.exerciseState().running, v.quitRequested()};
}

bool samePose(const view::CameraPose& a, const view::CameraPose& b) {
  return a.target == b.target && a.distance == b.distance && a.yaw == b.yaw && a.pitch == b.pitch;
}

}  // namespace

TEST_CASE("every key of the table changes what it says, through the same apply() the window calls") {
  app::Viewer viewer;
  viewer.loadInitial(kModel);
  viewer.loadExercises(kExercises);
  viewer.camera().setTransitionSeconds(0.0f);
  viewer.camera().setViewport(640, 480);
  for (const app::KeyBinding& b : app::keyBindings()) {
    CAPTURE(b.keys);
    // Each key starts from a view turned and zoomed by hand, a muscle selected and the help closed; the timer
    // exists only for the key that starts it (presets during an exercise frame the posed body instead).
    const bool timed = b.action == app::Action::StartPause || b.action == app::Action::ToggleCoach;
    viewer.selectExercise(timed ? "trapezius-foam-roller" : "");
    viewer.setCoachView(false);
    viewer.camera().orbit(37.0f, 11.0f);
    viewer.camera().zoomToward(-3.0f, {320.0f, 240.0f});
    viewer.select(1);
    if (viewer.prefs().windows.help) viewer.apply(app::Action::ToggleHelp);
    viewer.update(0.0f);
    const Snapshot before = snapshot(viewer);
    viewer.apply(b.action);
    viewer.update(0.0f);
    const Snapshot after = snapshot(viewer);
    switch (b.action) {
      case app::Action::ToggleHelp:
        CHECK(after.help != before.help);
        break;
      case app::Action::CloseOrClear:
        CHECK(before.selected == 1);
        CHECK(after.selected == -1);
        break;
      case app::Action::CycleSkin:
        CHECK(after.skin != before.skin);
        break;
      case app::Action::StartPause:
        CHECK(after.running != before.running);
        break;
      case app::Action::ToggleCoach:
        CHECK(viewer.coachView());
        viewer.setCoachView(false);
        break;
      case app::Action::Quit:
        CHECK(after.quit);
        break;
      default:  // the views and framing move the camera
        INFO("yaw " << before.goal.yaw << " -> " << after.goal.yaw << ", distance " << before.goal.distance << " -> "
                    << after.goal.distance);
        CHECK_FALSE(samePose(after.goal, before.goal));
        break;
    }
  }
  // Esc closes the help before it clears the selection.
  viewer.select(1);
  viewer.apply(app::Action::ToggleHelp);
  viewer.apply(app::Action::CloseOrClear);
  CHECK_FALSE(viewer.prefs().windows.help);
  CHECK(viewer.panelInput().selectedMesh == 1);
}

TEST_CASE("the default settings are the viewer's defaults, and settings come back out as they went in") {
  app::Viewer viewer;
  const ui::DisplaySettings d = viewer.display();
  viewer.applySettings(app::Settings{});
  CHECK(viewer.currentSettings() == app::Settings{});
  const ui::DisplaySettings e = viewer.display();
  CHECK(e.skin == d.skin);
  CHECK(e.skinOpacity == doctest::Approx(d.skinOpacity));
  CHECK(e.bones == d.bones);
  CHECK(e.fibres == d.fibres);
  CHECK(e.floor == d.floor);
  CHECK(e.contextMuscles == d.contextMuscles);
  CHECK(e.outlines == d.outlines);
  CHECK(e.labels == d.labels);
  CHECK(e.coarseWhileMoving == d.coarseWhileMoving);

  app::Settings s;
  s.skin = "opaque";
  s.skinOpacity = 0.6;
  s.labels = false;
  s.floor = false;
  s.speed = 0.5;
  s.exercises["trapezius-foam-roller"] = {.workS = 40.0, .sets = 4};
  s.bodyWeightKg = 70.0;
  viewer.applySettings(s);
  CHECK(viewer.display().skin == ui::SkinMode::Opaque);
  CHECK_FALSE(viewer.display().labels);
  CHECK(viewer.currentSettings() == s);
  CHECK(viewer.bodyWeightKg() == 70.0);
}

TEST_CASE("Reset all settings puts every setting back to its default and says so") {
  app::Viewer viewer;
  app::Settings s;
  s.skin = "hidden";
  s.skinOpacity = 0.7;
  s.bones = false;
  s.labels = false;
  s.speed = 2.0;
  s.exercises["rhomboid-ball"] = {.workS = 50.0, .sets = 5};
  s.bodyWeightKg = 95.0;
  viewer.applySettings(s);
  REQUIRE(viewer.currentSettings() == s);
  CHECK_FALSE(viewer.takeSettingsReset());

  viewer.resetSettings();
  CHECK(viewer.currentSettings() == app::Settings{});
  CHECK(viewer.display().skin == app::Viewer().display().skin);
  CHECK(viewer.display().bones);
  CHECK(viewer.bodyWeightKg() == app::Settings{}.bodyWeightKg);
  CHECK(viewer.prefs().status.find("reset") != std::string::npos);
  CHECK_FALSE(viewer.prefs().statusProblem);
  CHECK(viewer.takeSettingsReset());  // the window takes its first size once
  CHECK_FALSE(viewer.takeSettingsReset());
}

TEST_CASE("a new exercise's timer takes the remembered speed, work time and sets, pulled into its ranges") {
  app::Viewer viewer;
  viewer.loadInitial(kModel);
  viewer.loadExercises(kExercises);
  app::Settings s;
  s.speed = 2.0;
  s.exercises["trapezius-foam-roller"] = {.workS = 40.0, .sets = 4};
  s.exercises["latissimus-foam-roller"] = {.workS = 500.0, .sets = 1};  // outside the protocol's 40-50 s, 3-4 sets
  viewer.applySettings(s);
  viewer.selectExercise("trapezius-foam-roller");
  CHECK(viewer.exerciseState().sets == 4);
  viewer.startPauseTimer();
  viewer.update(1.0f);
  CHECK(viewer.exerciseState().elapsed == doctest::Approx(2.0));  // speed x2
  viewer.selectExercise("latissimus-foam-roller");
  CHECK(viewer.exerciseState().sets == 3);
  // The plan: 5 s lead-in, then 50 s of left work (the range's top).
  viewer.setExerciseTime(5.0 + 49.0);
  CHECK(viewer.exerciseState().phase == exercise::Phase::Work);
  viewer.setExerciseTime(5.0 + 51.0);
  CHECK(viewer.exerciseState().phase != exercise::Phase::Work);
  // An exercise without a remembered choice keeps its protocol.
  viewer.selectExercise("rhomboid-massage-ball");
  CHECK(viewer.exerciseState().sets == 3);
}

TEST_CASE("a completed and a stopped run of the timer are appended to the history file") {
  test::TempXdg xdg;
  const fs::path file = *app::historyPath();
  CHECK(file == xdg.data / "myorelease" / "history.json");
  app::Viewer viewer;
  viewer.loadInitial(kModel);
  viewer.loadExercises(kExercises);
  viewer.useHistory(file, true);
  viewer.selectExercise("trapezius-foam-roller");
  viewer.startPauseTimer();
  for (int i = 0; i < 4000 && viewer.exerciseState().phase != exercise::Phase::Done; ++i) viewer.update(0.25f);
  REQUIRE(viewer.exerciseState().phase == exercise::Phase::Done);
  exercise::HistoryRead read = exercise::loadHistory(file);
  REQUIRE(read.entries.size() == 1);
  const exercise::HistoryEntry& done = read.entries[0];
  CHECK(done.exercise == "trapezius-foam-roller");
  CHECK(done.completed);
  CHECK(done.setsDone == 3);
  CHECK(done.sets == 3);
  CHECK(done.workS == doctest::Approx(3 * 35.0).epsilon(0.01));
  CHECK(done.sides == std::vector<std::string>{"both"});
  CHECK(done.date == exercise::localDate(std::time(nullptr)));
  CHECK(viewer.prefs().status.find("Saved to your history") != std::string::npos);

  // Started again, stopped in the second set by choosing another exercise.
  viewer.selectExercise("trapezius-foam-roller");
  viewer.startPauseTimer();
  for (int i = 0; i < 4 * 80; ++i) viewer.update(0.25f);  // 80 s: the first set (5-40 s) and part of the second
  viewer.selectExercise(-1);
  // Nothing run: no entry (choosing, starting and stopping at once).
  viewer.selectExercise("rhomboid-massage-ball");
  viewer.startPauseTimer();
  viewer.finishRun();
  read = exercise::loadHistory(file);
  REQUIRE(read.entries.size() == 2);
  CHECK_FALSE(read.entries[1].completed);
  CHECK(read.entries[1].setsDone == 1);
  CHECK(read.entries[1].workS == doctest::Approx(35.0 + 10.0).epsilon(0.02));
  CHECK(viewer.prefs().history.size() == 2);

  // A viewer that only reads (pictures) shows the file's sessions and adds none.
  app::Viewer reader;
  reader.loadInitial(kModel);
  reader.loadExercises(kExercises);
  reader.useHistory(file, false);
  CHECK(reader.prefs().history.size() == 2);
  reader.selectExercise("trapezius-foam-roller");
  reader.startPauseTimer();
  for (int i = 0; i < 4 * 60; ++i) reader.update(0.25f);
  reader.finishRun();
  CHECK(exercise::loadHistory(file).entries.size() == 2);
}
