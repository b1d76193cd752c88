// Exercise file loading: the shipped assets/exercises.json and a corpus of broken files.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "exercise/exercise_data.hpp"

namespace fs = std::filesystem;
using namespace myo::exercise;
using myo::scene::MuscleKind;

namespace {

const fs::path kShipped = fs::path(MYO_SOURCE_DIR) / kDefaultExercisesPath;
const fs::path kBadDir = fs::path(MYO_TEST_DATA_DIR) / "exercises_bad";

/// Every user-facing sentence of the set, to check that the article's facts reached the file.
std::string allText(const ExerciseSet& set) {
  std::string t = set.general.rule + "\n" + set.general.disclaimer + "\n";
  for (const auto& s : set.general.purposes) t += s + "\n";
  for (const auto& s : set.general.summary) t += s + "\n";
  for (const auto& e : set.exercises) {
    t += e.title + "\n" + e.why + "\n" + e.stretch + "\n";
    for (const auto& a : e.actions) t += a.text + "\n";
    for (const auto& s : e.steps) t += s.text + "\n";
    for (const auto& s : e.tips) t += s + "\n";
    for (const auto& s : e.safety) t += s + "\n";
  }
  return t;
}

}  // namespace

TEST_CASE("the shipped exercise file loads with the four exercises of the article") {
  const ExerciseSet set = loadExercises(kShipped);
  CHECK(set.version == 2);
  CHECK(set.file == kShipped.string());
  REQUIRE(set.ids() == std::vector<std::string>{"trapezius-foam-roller", "rhomboid-massage-ball",
                                                "latissimus-foam-roller", "massage-chair"});
  CHECK(set.general.holdS == 30.0);
  CHECK(set.general.source.date == "2021-04-10");
  CHECK(set.general.source.references.size() == 4);

  const Exercise& trap = set.find("trapezius-foam-roller");
  CHECK(trap.equipment.kind == EquipmentKind::FoamRoller);
  CHECK(trap.equipment.diameterM == doctest::Approx(0.1524));
  CHECK(trap.equipment.lengthM == doctest::Approx(0.9144));
  CHECK(trap.targets == std::vector<MuscleKind>{MuscleKind::Trapezius});
  CHECK(trap.protocol.workS == 35.0);
  CHECK(trap.protocol.workMinS == 30.0);
  CHECK(trap.protocol.workMaxS == 40.0);
  CHECK(trap.protocol.sets == 3);
  CHECK(trap.protocol.setsMax == 4);
  CHECK(trap.protocol.stretchS == 30.0);
  CHECK(trap.protocol.leadInS == 5.0);
  CHECK_FALSE(trap.protocol.stretchAfter);
  CHECK(trap.tool.path.from == "SP_T2");
  CHECK(trap.tool.path.to == "SP_T12");
  CHECK(trap.motion == "midline-roller");
  CHECK(trap.pose.root.support == Support::Floor);
  CHECK(trap.pose.planted == std::vector<Limb>{Limb::FootL, Limb::FootR});
  CHECK(trap.stretchPose.joints.at("spine_thoracic_upper").x == doctest::Approx(15.0));
  CHECK(trap.pose.joints.at("knee_L").x == doctest::Approx(90.0));

  const Exercise& rh = set.find("rhomboid-massage-ball");
  CHECK(rh.equipment.diameterM == doctest::Approx(0.0635));
  CHECK(rh.protocol.workS == 30.0);
  CHECK(rh.targets == std::vector<MuscleKind>{MuscleKind::RhomboidMajor, MuscleKind::RhomboidMinor});

  const Exercise& lat = set.find("latissimus-foam-roller");
  CHECK(lat.protocol.sides == Sides::Alternate);
  CHECK(lat.protocol.workS == 45.0);
  CHECK(lat.protocol.switchS == 5.0);
  CHECK(lat.motion == "side-roller");
  CHECK(lat.tool.path.turnDeg == doctest::Approx(12.0));
  CHECK(lat.pose.planted == std::vector<Limb>{Limb::FootR, Limb::HandR});

  const Exercise& chair = set.find("massage-chair");
  CHECK(chair.protocol.workS == 180.0);
  CHECK(chair.protocol.sets == 1);
  CHECK(chair.protocol.stretchAfter);
  CHECK(chair.equipment.kind == EquipmentKind::MassageChair);
  CHECK(chair.pose.root.support == Support::Chair);
  CHECK(chair.pose.root.figures.at("backrest_recline_deg") == doctest::Approx(25.0));

  for (const Exercise& e : set.exercises) {
    CAPTURE(e.id);
    CHECK(e.tool.kind == e.equipment.kind);
    CHECK(!e.safety.empty());
    // Each target muscle is explained.
    for (MuscleKind m : e.targets)
      CHECK(std::any_of(e.actions.begin(), e.actions.end(),
                        [m](const MuscleAction& a) { return a.muscle == m; }));
    for (const auto& [joint, rot] : e.pose.joints)
      CHECK(std::find(kJointNames.begin(), kJointNames.end(), joint) != kJointNames.end());
  }
}

TEST_CASE("the article's facts are in the shipped text") {
  const std::string text = allText(loadExercises(kShipped));
  // Durations, repetitions, breaks and purposes quoted by the article, in the file's wording.
  for (const char* fact : {"30 to 40 seconds",
                           "about 30 seconds",
                           "40 to 50 seconds",
                           "3 to 4 rounds",
                           "30-second stretch",
                           "deeper",
                           "alternating",
                           "turn gradually",
                           "top of the lower back",
                           "shoulder-width",
                           "just below your armpit",
                           "just below your neck",
                           "bench press",
                           "shoulder press",
                           "horizontal flexion",
                           "shoulder abduction",
                           "expensive",
                           "Stretch once the programme is over",
                           "education only",
                           "liable",
                           "30 seconds at a time",
                           "trigger point",
                           "body weight",
                           "depression",
                           "retraction",
                           "elevation",
                           "vertical adduction",
                           "horizontal extension"}) {
    CAPTURE(fact);
    CHECK(text.find(fact) != std::string::npos);
  }
}

TEST_CASE("find() names the unknown id and lists the known ones") {
  const ExerciseSet set = loadExercises(kShipped);
  try {
    set.find("foo");
    FAIL("find(\"foo\") should throw");
  } catch (const myo::core::Error& e) {
    CHECK(e.where() == "--exercise");
    CHECK(e.message() ==
          "unknown exercise 'foo'; known: trapezius-foam-roller, rhomboid-massage-ball, "
          "latissimus-foam-roller, massage-chair");
  }
}

TEST_CASE("phase, side and muscle names are the --state strings") {
  CHECK(phaseName(Phase::LeadIn) == "lead-in");
  CHECK(phaseName(Phase::Work) == "work");
  CHECK(phaseName(Phase::Switch) == "switch");
  CHECK(phaseName(Phase::Stretch) == "stretch");
  CHECK(phaseName(Phase::Done) == "done");
  for (auto p : {Phase::LeadIn, Phase::Work, Phase::Switch, Phase::Stretch, Phase::Done})
    CHECK(parsePhase(phaseName(p)) == p);
  CHECK_FALSE(parsePhase("rest").has_value());
  CHECK(sideName(myo::scene::Side::Left) == std::optional<std::string_view>("left"));
  CHECK(sideName(myo::scene::Side::Right) == std::optional<std::string_view>("right"));
  CHECK_FALSE(sideName(myo::scene::Side::None).has_value());
  CHECK(muscleKindName(MuscleKind::LatissimusDorsi) == "latissimus-dorsi");
}

TEST_CASE("user files may use their own ids") {
  std::ifstream in(kShipped);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string from = "\"id\": \"massage-chair\"";
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), "\"id\": \"my-chair-2\"");
  const ExerciseSet set = loadExercisesFromString(text, "mine.json");
  CHECK(set.file == "mine.json");
  CHECK(set.find("my-chair-2").protocol.workS == 180.0);
}

TEST_CASE("each broken exercise file gives one error naming the file, the exercise and the field") {
  struct Case {
    const char* file;
    const char* fragment;
  };
  const Case cases[] = {
      {"invalid_json.json", "invalid JSON at line 99, column 22: syntax error"},
      {"top_level_array.json", "the top level must be an object, got an array"},
      {"wrong_version.json", "version: must be 2, got 1"},
      {"missing_exercises.json", "exercises: missing field"},
      {"no_exercises.json", "exercises: must hold 1 to 64 entries, got 0"},
      {"missing_disclaimer.json", "general.disclaimer: missing field"},
      {"nonfinite.json", "invalid JSON at line 108, column 22: number overflow parsing '1e999'"},
      {"work_negative.json",
       "exercise 'rhomboid-massage-ball': protocol.work_s: must be a number of seconds between 5 and 600, "
       "got -3"},
      {"work_absurd.json",
       "exercise 'rhomboid-massage-ball': protocol.work_s: must be a number of seconds between 5 and 600, "
       "got 100000"},
      {"work_outside_range.json",
       "exercise 'rhomboid-massage-ball': protocol.work_s: 50 s is outside its own range work_range_s [25, "
       "35]"},
      {"work_string.json",
       "exercise 'rhomboid-massage-ball': protocol.work_s: must be a number of seconds "
       "between 5 and 600, got the string \"30\""},
      {"stretch_negative.json",
       "exercise 'rhomboid-massage-ball': protocol.stretch_s: must be a number of seconds between 0 and 600, "
       "got -30"},
      {"sets_fraction.json",
       "exercise 'rhomboid-massage-ball': protocol.sets: must be a whole number between 1 and 10, got 2.5"},
      {"missing_sets.json", "exercise 'rhomboid-massage-ball': protocol.sets: missing field"},
      {"missing_protocol.json", "exercise 'rhomboid-massage-ball': protocol: missing field"},
      {"stretch_after_string.json",
       "exercise 'rhomboid-massage-ball': protocol.stretch_after: must be true or false, got the string "
       "\"yes\""},
      {"sides_unknown.json", "exercise 'rhomboid-massage-ball': protocol.sides: unknown value 'both'"},
      {"misspelt_field.json", "exercise 'rhomboid-massage-ball': protocol.wrok_s: unknown field"},
      {"unknown_muscle.json", "exercise 'rhomboid-massage-ball': targets[1]: unknown muscle 'deltoid'"},
      {"unknown_joint.json", "exercise 'rhomboid-massage-ball': pose.joints.shoulder_X: unknown joint"},
      {"joint_angle_absurd.json",
       "exercise 'rhomboid-massage-ball': pose.joints.knee_L[0]: must be an angle in "
       "degrees between -180 and 180, got 400"},
      {"joint_beyond_range.json",
       "exercise 'rhomboid-massage-ball': pose.joints.knee_L[0]: -60 degrees about X is beyond the joint's range "
       "of motion [-5, 160]"},
      {"stretch_joint_beyond_range.json",
       "exercise 'rhomboid-massage-ball': stretch_pose.joints.elbow_L[0]: 40 degrees about X is beyond the "
       "joint's range of motion [-160, 10]"},
      {"missing_stretch_pose.json", "exercise 'rhomboid-massage-ball': stretch_pose: missing field"},
      {"diameter_negative.json",
       "exercise 'rhomboid-massage-ball': equipment.diameter_m: must be a size in metres between 0.01 and 0.5, "
       "got -0.0635"},
      {"recline_negative.json",
       "exercise 'massage-chair': pose.root.figures.backrest_recline_deg: must be an angle in degrees between 0 "
       "and 80, got -30"},
      {"motion_unknown.json",
       "exercise 'rhomboid-massage-ball': motion: unknown motion 'pogo-stick'; known: 'midline-roller', "
       "'side-roller', 'wall-ball', 'chair-programme'"},
      {"motion_equipment.json",
       "exercise 'rhomboid-massage-ball': equipment.kind: motion 'midline-roller' cannot use a massage-ball"},
      {"support_mismatch.json",
       "exercise 'rhomboid-massage-ball': pose.root.support: motion 'wall-ball' needs support 'wall', got 'floor'"},
      {"figure_not_read.json",
       "exercise 'rhomboid-massage-ball': pose.root.figures.lean_deg: not a figure motion 'wall-ball' reads (it "
       "reads: none)"},
      {"path_field_not_read.json",
       "exercise 'rhomboid-massage-ball': tool.path.speed_m_s: motion 'wall-ball' does not read this field"},
      {"path_field_missing.json",
       "exercise 'rhomboid-massage-ball': tool.path.stroke_s: missing field (motion 'wall-ball' reads it)"},
      {"planted_unknown.json",
       "exercise 'rhomboid-massage-ball': pose.planted[1]: unknown limb 'foot_X'"},
      {"landmark_wrong_frame.json",
       "exercise 'rhomboid-massage-ball': tool.path.from: 'RIB6_LAT_L' is not a landmark motion 'wall-ball' can "
       "place"},
      {"unknown_phase.json", "exercise 'rhomboid-massage-ball': steps[1].phase: unknown phase 'rest'"},
      {"switch_without_sides.json",
       "exercise 'rhomboid-massage-ball': steps[4].phase: 'switch' needs protocol.sides 'alternate'"},
      {"equipment_unknown.json",
       "exercise 'rhomboid-massage-ball': equipment.kind: unknown value 'kettlebell'"},
      {"tool_kind_mismatch.json",
       "exercise 'rhomboid-massage-ball': tool.kind: 'foam-roller' differs from equipment.kind "
       "'massage-ball'"},
      {"landmark_bad.json",
       "exercise 'rhomboid-massage-ball': tool.path.from: 'sp t2' is not a landmark name"},
      {"turn_not_number.json",
       "exercise 'latissimus-foam-roller': tool.path.turn_deg: must be an angle in degrees between 0 and 90, got "
       "the string \"40\""},
      {"empty_title.json", "exercise 'rhomboid-massage-ball': title: must not be empty"},
      {"bad_id.json", "exercise #1: id: 'Rhomboid Ball' must use only lower-case letters, digits and '-'"},
      {"duplicate_id.json", "exercise 'rhomboid-massage-ball': id: duplicate id (exercise #2 repeats it)"},
  };

  // The table covers the whole corpus, so a new broken file cannot go untested.
  std::set<std::string> listed, present;
  for (const Case& c : cases) listed.insert(c.file);
  for (const auto& entry : fs::directory_iterator(kBadDir)) present.insert(entry.path().filename().string());
  CHECK(listed == present);
  CHECK(present.size() >= 15);

  for (const Case& c : cases) {
    const fs::path path = kBadDir / c.file;
    CAPTURE(path.string());
    bool threw = false;
    try {
      loadExercises(path);
    } catch (const myo::core::Error& e) {
      threw = true;
      CHECK(e.where() == path.string());
      CAPTURE(e.message());
      CHECK(e.message().find(c.fragment) != std::string::npos);
      CHECK(std::string(e.what()).find(path.string()) == 0);
    }
    CHECK(threw);
  }
}

TEST_CASE("a missing or oversized file is refused before parsing") {
  const fs::path missing = kBadDir / "does_not_exist.json";
  CHECK_THROWS_WITH_AS(loadExercises(missing), (missing.string() + ": no such file").c_str(),
                       myo::core::Error);

  const fs::path big = fs::path(MYO_BINARY_DIR) / "exercise_data_test_too_large.json";
  {
    std::ofstream out(big, std::ios::binary | std::ios::trunc);
    out << std::string(kMaxExercisesFileBytes + 1, ' ');
  }
  try {
    loadExercises(big);
    FAIL("an oversized file should be refused");
  } catch (const myo::core::Error& e) {
    CHECK(e.where() == big.string());
    CHECK(e.message().find("too large") != std::string::npos);
  }
  fs::remove(big);
}

TEST_CASE("text errors name the source given") {
  CHECK_THROWS_WITH_AS(loadExercisesFromString("{\"version\": 1,", "inline"),
                       doctest::Contains("inline: invalid JSON at line 1, column"), myo::core::Error);
  CHECK_THROWS_WITH_AS(loadExercisesFromString("", "empty.json"),
                       doctest::Contains("empty.json: invalid JSON"), myo::core::Error);
}

TEST_CASE("exerciseProblems reports a problem in every broken exercise, not just the first") {
  std::ifstream in(kShipped);
  std::stringstream text;
  text << in.rdbuf();
  auto doc = nlohmann::json::parse(text.str());
  doc["exercises"][0]["id"] = "Not An Id";
  doc["exercises"][2]["protocol"]["sets"] = 99;
  doc["exercises"][3]["title"] = "";
  const fs::path file = fs::temp_directory_path() / "myorelease_three_problems.json";
  std::ofstream(file) << doc.dump(2);

  const std::vector<myo::core::Error> problems = exerciseProblems(file);
  REQUIRE(problems.size() == 3);
  for (const auto& p : problems) CHECK(p.where() == file.string());
  CHECK(problems[0].message().find("Not An Id") != std::string::npos);
  CHECK(problems[1].message().find("sets") != std::string::npos);
  CHECK(problems[2].message().find("title") != std::string::npos);
  // The loader stops at the first of them.
  try {
    loadExercises(file);
    FAIL("the broken file loaded");
  } catch (const myo::core::Error& e) {
    CHECK(e.message() == problems[0].message());
  }
  ExerciseSet checked;
  CHECK(exerciseProblems(kShipped, &checked).empty());
  CHECK(checked.ids() == loadExercises(kShipped).ids());
  CHECK(exerciseProblems(fs::temp_directory_path() / "myorelease_no_such_file.json").size() == 1);
  fs::remove(file);
}
