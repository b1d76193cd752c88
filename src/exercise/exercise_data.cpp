// exercise/exercise_data.cpp: JSON -> Exercise values, with one precise error per problem.
#include "exercise/exercise_data.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/file_io.hpp"
#include "exercise/motion.hpp"
#include "exercise/tool_path.hpp"

namespace myo::exercise {

namespace {

using json = nlohmann::json;

// Limits that keep a hand-edited file sane; the message quotes them.
constexpr double kMinWorkS = 5.0;
constexpr double kMaxWorkS = 600.0;
constexpr double kMaxPauseS = 600.0;  // stretch
constexpr double kMaxShortS = 60.0;   // switch, lead-in
constexpr int kMaxSets = 10;
constexpr std::size_t kMaxText = 2000;
constexpr std::size_t kMaxList = 40;
constexpr std::size_t kMaxExercises = 64;

/// Names the file and the exercise in every error, so the field path is all a check has to add.
class Ctx {
public:
  Ctx(std::string file, std::string label) : file_(std::move(file)), label_(std::move(label)) {}

  [[noreturn]] void fail(const std::string& field, const std::string& what) const {
    std::string msg = label_.empty() ? "" : label_ + ": ";
    if (!field.empty()) msg += field + ": ";
    throw core::Error(file_, msg + what);
  }
  const std::string& file() const { return file_; }

private:
  std::string file_;
  std::string label_;
};

std::string join(const std::string& path, std::string_view key) {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

std::string index(const std::string& path, std::size_t i) { return fmt::format("{}[{}]", path, i); }

/// "a string", "a number" ...: what a value was, for "got ..." messages.
std::string describe(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
    case json::value_t::string: {
      std::string s = v.get<std::string>();
      if (s.size() > 40) s = s.substr(0, 40) + "...";
      return "the string " + json(s).dump();
    }
    case json::value_t::array: return "an array";
    case json::value_t::object: return "an object";
    case json::value_t::number_float:
      if (!std::isfinite(v.get<double>())) return "a number too large to represent";
      return v.dump();
    default: return v.dump();
  }
}

void checkObject(const Ctx& c, const json& v, const std::string& path) {
  if (!v.is_object()) c.fail(path, "must be an object, got " + describe(v));
}

/// Unknown keys are errors: a misspelt optional field would otherwise be silently ignored.
void checkKeys(const Ctx& c, const json& obj, const std::string& path,
               std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : obj.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      std::string known;
      for (auto a : allowed) known += (known.empty() ? "" : ", ") + std::string(a);
      c.fail(join(path, key), "unknown field (known: " + known + ")");
    }
  }
}

const json& need(const Ctx& c, const json& obj, std::string_view key, const std::string& path) {
  auto it = obj.find(key);
  if (it == obj.end()) c.fail(join(path, key), "missing field");
  return *it;
}

std::string textValue(const Ctx& c, const json& v, const std::string& field) {
  if (!v.is_string()) c.fail(field, "must be a string, got " + describe(v));
  std::string s = v.get<std::string>();
  if (s.find_first_not_of(" \t\r\n") == std::string::npos) c.fail(field, "must not be empty");
  if (s.size() > kMaxText)
    c.fail(field, fmt::format("is too long ({} characters, limit {})", s.size(), kMaxText));
  return s;
}

std::string getText(const Ctx& c, const json& obj, std::string_view key, const std::string& path) {
  return textValue(c, need(c, obj, key, path), join(path, key));
}

std::string getOptText(const Ctx& c, const json& obj, std::string_view key, const std::string& path) {
  return obj.contains(key) ? getText(c, obj, key, path) : std::string();
}

double numberValue(const Ctx& c, const json& v, const std::string& field, double lo, double hi,
                   std::string_view what) {
  const auto range = fmt::format("must be {} between {} and {}", what, lo, hi);
  if (!v.is_number()) c.fail(field, range + ", got " + describe(v));
  const double x = v.get<double>();
  if (!std::isfinite(x)) c.fail(field, "must be a finite number, got " + describe(v));
  if (x < lo || x > hi) c.fail(field, range + ", got " + describe(v));
  return x;
}

double getNumber(const Ctx& c, const json& obj, std::string_view key, const std::string& path, double lo,
                 double hi, std::string_view what) {
  return numberValue(c, need(c, obj, key, path), join(path, key), lo, hi, what);
}

double getOptNumber(const Ctx& c, const json& obj, std::string_view key, const std::string& path, double lo,
                    double hi, std::string_view what, double fallback) {
  return obj.contains(key) ? getNumber(c, obj, key, path, lo, hi, what) : fallback;
}

int intValue(const Ctx& c, const json& v, const std::string& field, int lo, int hi) {
  const auto range = fmt::format("must be a whole number between {} and {}", lo, hi);
  if (!v.is_number_integer()) {
    if (v.is_number_float() && !std::isfinite(v.get<double>()))
      c.fail(field, "must be a finite number, got " + describe(v));
    c.fail(field, range + ", got " + describe(v));
  }
  const auto x = v.get<std::int64_t>();
  if (x < lo || x > hi) c.fail(field, range + ", got " + describe(v));
  return static_cast<int>(x);
}

bool getBool(const Ctx& c, const json& obj, std::string_view key, const std::string& path) {
  const json& v = need(c, obj, key, path);
  if (!v.is_boolean()) c.fail(join(path, key), "must be true or false, got " + describe(v));
  return v.get<bool>();
}

const json& getArray(const Ctx& c, const json& obj, std::string_view key, const std::string& path,
                     std::size_t minCount, std::size_t maxCount) {
  const json& v = need(c, obj, key, path);
  const std::string field = join(path, key);
  if (!v.is_array()) c.fail(field, "must be an array, got " + describe(v));
  if (v.size() < minCount || v.size() > maxCount)
    c.fail(field, fmt::format("must hold {} to {} entries, got {}", minCount, maxCount, v.size()));
  return v;
}

std::vector<std::string> getTextList(const Ctx& c, const json& obj, std::string_view key,
                                     const std::string& path, std::size_t minCount = 1) {
  const json& arr = getArray(c, obj, key, path, minCount, kMaxList);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < arr.size(); ++i) out.push_back(textValue(c, arr[i], index(join(path, key), i)));
  return out;
}

std::pair<double, double> getRange(const Ctx& c, const json& obj, std::string_view key,
                                   const std::string& path, double lo, double hi, std::string_view what) {
  const json& arr = getArray(c, obj, key, path, 2, 2);
  const std::string field = join(path, key);
  const double a = numberValue(c, arr[0], index(field, 0), lo, hi, what);
  const double b = numberValue(c, arr[1], index(field, 1), lo, hi, what);
  if (a > b) c.fail(field, fmt::format("minimum {} is larger than maximum {}", a, b));
  return {a, b};
}

glm::vec3 vec3Value(const Ctx& c, const json& v, const std::string& field, double limit,
                    std::string_view what) {
  if (!v.is_array() || v.size() != 3) c.fail(field, "must be an array of 3 numbers, got " + describe(v));
  glm::vec3 out;
  for (int i = 0; i < 3; ++i)
    out[i] = static_cast<float>(
        numberValue(c, v[static_cast<std::size_t>(i)], index(field, i), -limit, limit, what));
  return out;
}

template <typename E>
E enumValue(const Ctx& c, const json& obj, std::string_view key, const std::string& path,
            std::initializer_list<std::pair<std::string_view, E>> names) {
  const std::string s = getText(c, obj, key, path);
  std::string known;
  for (const auto& [name, value] : names) {
    if (name == s) return value;
    known += (known.empty() ? "'" : ", '") + std::string(name) + "'";
  }
  c.fail(join(path, key), "unknown value '" + s + "'; known: " + known);
}

const std::regex& idPattern() {
  static const std::regex re("^[a-z0-9-]+$");
  return re;
}

const std::regex& landmarkPattern() {
  static const std::regex re("^[A-Z][A-Z0-9_]*$");
  return re;
}

std::initializer_list<std::pair<std::string_view, EquipmentKind>> equipmentNames() {
  static const std::initializer_list<std::pair<std::string_view, EquipmentKind>> names = {
      {"foam-roller", EquipmentKind::FoamRoller},
      {"massage-ball", EquipmentKind::MassageBall},
      {"massage-chair", EquipmentKind::MassageChair}};
  return names;
}

Equipment readEquipment(const Ctx& c, const json& obj, const std::string& path) {
  checkObject(c, obj, path);
  checkKeys(c, obj, path, {"kind", "diameter_m", "length_m", "travel_m", "source", "note"});
  Equipment e;
  e.kind = enumValue(c, obj, "kind", path, equipmentNames());
  e.diameterM = getNumber(c, obj, "diameter_m", path, 0.01, 0.5, "a size in metres");
  if (e.kind == EquipmentKind::FoamRoller)
    e.lengthM = getNumber(c, obj, "length_m", path, 0.1, 2.0, "a length in metres");
  else if (obj.contains("length_m"))
    c.fail(join(path, "length_m"), "only a foam roller has a length");
  if (e.kind == EquipmentKind::MassageChair)
    e.travelM = getNumber(c, obj, "travel_m", path, 0.05, 0.85, "a length in metres (the track runs on a 0.90 m backrest)");
  else if (obj.contains("travel_m"))
    c.fail(join(path, "travel_m"), "only a massage chair has this figure");
  e.source = getText(c, obj, "source", path);
  e.note = getOptText(c, obj, "note", path);
  return e;
}

scene::MuscleKind muscleValue(const Ctx& c, const json& v, const std::string& field) {
  const std::string s = textValue(c, v, field);
  for (auto k : {scene::MuscleKind::Trapezius, scene::MuscleKind::RhomboidMajor,
                 scene::MuscleKind::RhomboidMinor, scene::MuscleKind::LatissimusDorsi})
    if (muscleKindName(k) == s) return k;
  c.fail(field, "unknown muscle '" + s +
                    "'; known: 'trapezius', 'rhomboid-major', 'rhomboid-minor', 'latissimus-dorsi'");
}

Protocol readProtocol(const Ctx& c, const json& obj, const std::string& path) {
  checkObject(c, obj, path);
  checkKeys(c, obj, path,
            {"work_s", "work_range_s", "sets", "sets_range", "stretch_s", "sides", "switch_s", "lead_in_s",
             "stretch_after"});
  constexpr std::string_view kSeconds = "a number of seconds";
  Protocol p;
  p.workS = getNumber(c, obj, "work_s", path, kMinWorkS, kMaxWorkS, kSeconds);
  std::tie(p.workMinS, p.workMaxS) = getRange(c, obj, "work_range_s", path, kMinWorkS, kMaxWorkS, kSeconds);
  if (p.workS < p.workMinS || p.workS > p.workMaxS)
    c.fail(join(path, "work_s"), fmt::format("{} s is outside its own range work_range_s [{}, {}]", p.workS,
                                             p.workMinS, p.workMaxS));
  p.sets = intValue(c, need(c, obj, "sets", path), join(path, "sets"), 1, kMaxSets);
  const json& sr = getArray(c, obj, "sets_range", path, 2, 2);
  p.setsMin = intValue(c, sr[0], join(path, "sets_range[0]"), 1, kMaxSets);
  p.setsMax = intValue(c, sr[1], join(path, "sets_range[1]"), 1, kMaxSets);
  if (p.setsMin > p.setsMax)
    c.fail(join(path, "sets_range"),
           fmt::format("minimum {} is larger than maximum {}", p.setsMin, p.setsMax));
  if (p.sets < p.setsMin || p.sets > p.setsMax)
    c.fail(join(path, "sets"),
           fmt::format("{} is outside its own range sets_range [{}, {}]", p.sets, p.setsMin, p.setsMax));
  p.stretchS = getNumber(c, obj, "stretch_s", path, 0.0, kMaxPauseS, kSeconds);
  p.sides = enumValue<Sides>(c, obj, "sides", path,
                             {{"both-together", Sides::BothTogether}, {"alternate", Sides::Alternate}});
  p.switchS = getNumber(c, obj, "switch_s", path, 0.0, kMaxShortS, kSeconds);
  p.leadInS = getNumber(c, obj, "lead_in_s", path, 0.0, kMaxShortS, kSeconds);
  p.stretchAfter = getBool(c, obj, "stretch_after", path);
  return p;
}

std::vector<Step> readSteps(const Ctx& c, const json& obj, const Protocol& p) {
  const json& arr = getArray(c, obj, "steps", "", 1, kMaxList);
  std::vector<Step> steps;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const std::string path = index("steps", i);
    checkObject(c, arr[i], path);
    checkKeys(c, arr[i], path, {"text", "phase"});
    Step s;
    s.text = getText(c, arr[i], "text", path);
    const std::string phase = getText(c, arr[i], "phase", path);
    const auto parsed = parsePhase(phase);
    if (!parsed)
      c.fail(join(path, "phase"),
             "unknown phase '" + phase + "'; known: 'lead-in', 'work', 'switch', 'stretch', 'done'");
    s.phase = *parsed;
    // A step tied to a phase the protocol never runs could never be highlighted.
    if (s.phase == Phase::Switch && p.sides != Sides::Alternate)
      c.fail(join(path, "phase"), "'switch' needs protocol.sides 'alternate'");
    if (s.phase == Phase::Stretch && (p.stretchS <= 0.0 || (p.setsMax < 2 && !p.stretchAfter)))
      c.fail(join(path, "phase"), "'stretch' but the protocol has no stretch phase");
    steps.push_back(std::move(s));
  }
  if (std::none_of(steps.begin(), steps.end(), [](const Step& s) { return s.phase == Phase::Work; }))
    c.fail("steps", "no step belongs to the 'work' phase");
  return steps;
}

/// Joint angles keyed by rig joint name, each within the joint's range of motion.
std::map<std::string, glm::vec3> readJoints(const Ctx& c, const json& joints, const std::string& jointsPath) {
  checkObject(c, joints, jointsPath);
  std::map<std::string, glm::vec3> out;
  for (const auto& [key, value] : joints.items()) {
    if (std::find(kJointNames.begin(), kJointNames.end(), key) == kJointNames.end()) {
      std::string known;
      for (auto n : kJointNames) known += (known.empty() ? "" : ", ") + std::string(n);
      c.fail(join(jointsPath, key), "unknown joint; known: " + known);
    }
    const std::string field = join(jointsPath, key);
    const glm::vec3 deg = vec3Value(c, value, field, 180.0, "an angle in degrees");
    if (const auto range = jointRange(key)) {
      static const char* const kAxis[] = {"X", "Y", "Z"};
      for (int i = 0; i < 3; ++i)
        if (deg[i] < range->lo[i] || deg[i] > range->hi[i])
          c.fail(index(field, std::size_t(i)),
                 fmt::format("{} degrees about {} is beyond the joint's range of motion [{}, {}]", deg[i], kAxis[i],
                             range->lo[i], range->hi[i]));
    }
    out[key] = deg;
  }
  return out;
}

Pose readPose(const Ctx& c, const json& obj, const std::string& path, const MotionInfo* motion) {
  checkObject(c, obj, path);
  checkKeys(c, obj, path, {"name", "root", "planted", "joints", "note"});
  Pose pose;
  pose.name = getText(c, obj, "name", path);
  pose.note = getOptText(c, obj, "note", path);

  const std::string rootPath = join(path, "root");
  const json& root = need(c, obj, "root", path);
  checkObject(c, root, rootPath);
  checkKeys(c, root, rootPath, {"support", "rotation_deg", "figures"});
  pose.root.support = enumValue<Support>(
      c, root, "support", rootPath, {{"floor", Support::Floor}, {"wall", Support::Wall}, {"chair", Support::Chair}});
  if (motion != nullptr && pose.root.support != motion->support)
    c.fail(join(rootPath, "support"), fmt::format("motion '{}' needs support '{}', got '{}'", motion->name,
                                                  supportName(motion->support), supportName(pose.root.support)));
  pose.root.rotationDeg = vec3Value(c, need(c, root, "rotation_deg", rootPath),
                                    join(rootPath, "rotation_deg"), 180.0, "an angle in degrees");
  if (root.contains("figures")) {
    const std::string figPath = join(rootPath, "figures");
    const json& figs = root["figures"];
    checkObject(c, figs, figPath);
    for (const auto& [key, value] : figs.items()) {
      const FigureSpec* spec = nullptr;
      if (motion != nullptr)
        for (const FigureSpec& f : motion->figures)
          if (f.key == key) spec = &f;
      if (spec == nullptr) {
        std::string known;
        if (motion != nullptr)
          for (const FigureSpec& f : motion->figures) known += (known.empty() ? "" : ", ") + std::string(f.key);
        c.fail(join(figPath, key), fmt::format("not a figure motion '{}' reads (it reads: {})",
                                               motion != nullptr ? motion->name : "", known.empty() ? "none" : known));
      }
      pose.root.figures[key] = numberValue(c, value, join(figPath, key), spec->lo, spec->hi, spec->what);
    }
  }

  if (obj.contains("planted")) {
    const json& arr = getArray(c, obj, "planted", path, 0, 4);
    for (std::size_t i = 0; i < arr.size(); ++i) {
      const std::string field = index(join(path, "planted"), i);
      const std::string s = textValue(c, arr[i], field);
      std::optional<Limb> limb;
      for (Limb l : {Limb::FootL, Limb::FootR, Limb::HandL, Limb::HandR})
        if (limbName(l) == s) limb = l;
      if (!limb) c.fail(field, "unknown limb '" + s + "'; known: 'foot_L', 'foot_R', 'hand_L', 'hand_R'");
      if (std::find(pose.planted.begin(), pose.planted.end(), *limb) != pose.planted.end())
        c.fail(field, "'" + s + "' is listed twice");
      pose.planted.push_back(*limb);
    }
  }

  pose.joints = readJoints(c, need(c, obj, "joints", path), join(path, "joints"));
  return pose;
}

StretchPose readStretchPose(const Ctx& c, const json& obj, const std::string& path) {
  checkObject(c, obj, path);
  checkKeys(c, obj, path, {"name", "joints", "note"});
  StretchPose s;
  s.name = getText(c, obj, "name", path);
  s.note = getOptText(c, obj, "note", path);
  s.joints = readJoints(c, need(c, obj, "joints", path), join(path, "joints"));
  return s;
}

std::string landmarkValue(const Ctx& c, const json& obj, std::string_view key, const std::string& path) {
  std::string s = getText(c, obj, key, path);
  if (!std::regex_match(s, landmarkPattern()))
    c.fail(join(path, key), "'" + s + "' is not a landmark name (upper case, digits and '_', e.g. SP_T2)");
  return s;
}

ToolSpec readTool(const Ctx& c, const json& obj, const std::string& path, const Equipment& equipment,
                  const MotionInfo* motion) {
  checkObject(c, obj, path);
  checkKeys(c, obj, path, {"kind", "path"});
  ToolSpec t;
  t.kind = enumValue(c, obj, "kind", path, equipmentNames());
  if (t.kind != equipment.kind)
    c.fail(join(path, "kind"), "'" + std::string(equipmentKindName(t.kind)) +
                                   "' differs from equipment.kind '" +
                                   std::string(equipmentKindName(equipment.kind)) + "'");
  const std::string pp = join(path, "path");
  const json& p = need(c, obj, "path", path);
  checkObject(c, p, pp);
  checkKeys(c, p, pp, {"from", "to", "lateral_m", "stroke_s", "speed_m_s", "turn_deg", "note"});
  t.path.from = landmarkValue(c, p, "from", pp);
  t.path.to = landmarkValue(c, p, "to", pp);
  if (motion != nullptr) {
    for (const auto& [key, field] : {std::pair{"from", &t.path.from}, std::pair{"to", &t.path.to}}) {
      const auto frame = landmarkFrame(*field);
      if (!frame || *frame != motion->landmarks) {
        std::string known;
        for (auto n : landmarkNames(motion->landmarks)) known += (known.empty() ? "" : ", ") + std::string(n);
        c.fail(join(pp, key), fmt::format("'{}' is not a landmark motion '{}' can place (known: {}{})", *field,
                                          motion->name, known,
                                          motion->landmarks == LevelFrame::Latissimus ? ", each with _L or _R" : ""));
      }
    }
    if (t.path.from == t.path.to) c.fail(join(pp, "to"), "the path starts and ends at '" + t.path.from + "'");
    // The fields the motion reads are required; the others would be ignored, so they are refused.
    for (std::string_view key : {"lateral_m", "stroke_s", "speed_m_s", "turn_deg"}) {
      const bool reads =
          std::find(motion->pathFields.begin(), motion->pathFields.end(), key) != motion->pathFields.end();
      if (!reads && p.contains(key))
        c.fail(join(pp, key), fmt::format("motion '{}' does not read this field", motion->name));
      if (reads && !p.contains(key))
        c.fail(join(pp, key), fmt::format("missing field (motion '{}' reads it)", motion->name));
    }
  }
  t.path.lateralM = getOptNumber(c, p, "lateral_m", pp, -0.3, 0.3, "an offset in metres", 0.0);
  t.path.strokeS = getOptNumber(c, p, "stroke_s", pp, 0.5, 60.0, "a number of seconds", 3.0);
  t.path.speedMS = getOptNumber(c, p, "speed_m_s", pp, 0.001, 1.0, "a speed in m/s", 0.05);
  t.path.turnDeg = getOptNumber(c, p, "turn_deg", pp, 0.0, 90.0, "an angle in degrees", 0.0);
  t.path.note = getOptText(c, p, "note", pp);
  return t;
}

Exercise readExercise(const std::string& file, const json& obj, std::size_t i) {
  const Ctx anon(file, fmt::format("exercise #{}", i + 1));
  checkObject(anon, obj, "");
  const json& idValue = need(anon, obj, "id", "");
  const std::string id = textValue(anon, idValue, "id");
  if (!std::regex_match(id, idPattern()))
    anon.fail("id", "'" + id + "' must use only lower-case letters, digits and '-'");
  const Ctx c(file, "exercise '" + id + "'");
  checkKeys(c, obj, "",
            {"id", "title", "motion", "equipment", "targets", "why", "actions", "steps", "tips", "safety",
             "protocol", "stretch", "stretch_pose", "pose", "tool"});

  Exercise e;
  e.id = id;
  e.title = getText(c, obj, "title", "");
  e.motion = getText(c, obj, "motion", "");
  const Motion* kind = findMotion(e.motion);
  if (kind == nullptr) {
    std::string known;
    for (const Motion* k : motionKinds()) known += (known.empty() ? "'" : ", '") + std::string(k->info().name) + "'";
    c.fail("motion", "unknown motion '" + e.motion + "'; known: " + known);
  }
  const MotionInfo& motion = kind->info();
  e.equipment = readEquipment(c, need(c, obj, "equipment", ""), "equipment");
  if (std::find(motion.equipment.begin(), motion.equipment.end(), e.equipment.kind) == motion.equipment.end())
    c.fail("equipment.kind",
           fmt::format("motion '{}' cannot use a {}", motion.name, equipmentKindName(e.equipment.kind)));

  const json& targets = getArray(c, obj, "targets", "", 1, 4);
  for (std::size_t k = 0; k < targets.size(); ++k) {
    const auto m = muscleValue(c, targets[k], index("targets", k));
    if (std::find(e.targets.begin(), e.targets.end(), m) != e.targets.end())
      c.fail(index("targets", k), "muscle '" + std::string(muscleKindName(m)) + "' is listed twice");
    e.targets.push_back(m);
  }
  e.why = getText(c, obj, "why", "");

  const json& actions = getArray(c, obj, "actions", "", 1, kMaxList);
  for (std::size_t k = 0; k < actions.size(); ++k) {
    const std::string path = index("actions", k);
    checkObject(c, actions[k], path);
    checkKeys(c, actions[k], path, {"muscle", "text"});
    MuscleAction a;
    a.muscle = muscleValue(c, need(c, actions[k], "muscle", path), join(path, "muscle"));
    a.text = getText(c, actions[k], "text", path);
    e.actions.push_back(std::move(a));
  }

  e.protocol = readProtocol(c, need(c, obj, "protocol", ""), "protocol");
  e.steps = readSteps(c, obj, e.protocol);
  e.tips = getTextList(c, obj, "tips", "");
  e.safety = getTextList(c, obj, "safety", "");
  e.stretch = getText(c, obj, "stretch", "");
  e.stretchPose = readStretchPose(c, need(c, obj, "stretch_pose", ""), "stretch_pose");
  e.pose = readPose(c, need(c, obj, "pose", ""), "pose", &motion);
  e.tool = readTool(c, need(c, obj, "tool", ""), "tool", e.equipment, &motion);
  return e;
}

General readGeneral(const Ctx& c, const json& obj) {
  const std::string path = "general";
  checkObject(c, obj, path);
  checkKeys(c, obj, path, {"hold_s", "rule", "purposes", "summary", "disclaimer", "source"});
  General g;
  g.holdS = getNumber(c, obj, "hold_s", path, kMinWorkS, kMaxWorkS, "a number of seconds");
  g.rule = getText(c, obj, "rule", path);
  g.purposes = getTextList(c, obj, "purposes", path);
  g.summary = getTextList(c, obj, "summary", path);
  g.disclaimer = getText(c, obj, "disclaimer", path);

  const std::string sp = join(path, "source");
  const json& s = need(c, obj, "source", path);
  checkObject(c, s, sp);
  checkKeys(c, s, sp, {"title", "author", "reviewer", "date", "author_note", "figure_credits", "references"});
  g.source.title = getText(c, s, "title", sp);
  g.source.author = getText(c, s, "author", sp);
  g.source.reviewer = getOptText(c, s, "reviewer", sp);
  g.source.date = getText(c, s, "date", sp);
  g.source.authorNote = getOptText(c, s, "author_note", sp);
  if (s.contains("figure_credits")) g.source.figureCredits = getTextList(c, s, "figure_credits", sp, 0);
  if (s.contains("references")) g.source.references = getTextList(c, s, "references", sp, 0);
  return g;
}

/// Line and column (1-based) of a byte offset.
std::pair<std::size_t, std::size_t> lineColumn(std::string_view text, std::size_t at) {
  at = std::min(at, text.size());
  std::size_t line = 1, col = 1;
  for (std::size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return {line, col};
}

/// nlohmann reports a byte offset (or, for a number overflow, only the token); people want a line and column.
std::string jsonErrorText(std::string_view text, const json::exception& e) {
  std::string reason = e.what();
  // Drop the library's "[json.exception.parse_error.101] parse error at line 3, column 5: " prefix.
  if (auto p = reason.find("] "); p != std::string::npos) reason = reason.substr(p + 2);
  if (auto p = reason.find(": "); p != std::string::npos && reason.rfind("parse error", 0) == 0)
    reason = reason.substr(p + 2);
  std::optional<std::size_t> at;
  if (const auto* pe = dynamic_cast<const json::parse_error*>(&e)) {
    at = pe->byte == 0 ? 0 : pe->byte - 1;
  } else if (auto q = reason.find('\''); q != std::string::npos) {
    const auto q2 = reason.find('\'', q + 1);
    if (q2 != std::string::npos) {
      const auto token = reason.substr(q + 1, q2 - q - 1);
      if (auto pos = text.find(token); !token.empty() && pos != std::string_view::npos) at = pos;
    }
  }
  if (!at) return "invalid JSON: " + reason;
  const auto [line, col] = lineColumn(text, *at);
  return fmt::format("invalid JSON at line {}, column {}: {}", line, col, reason);
}

}  // namespace

const std::vector<std::string_view> kJointNames = {"pelvis",
                                                   "spine_lumbar",
                                                   "spine_thoracic_lower",
                                                   "spine_thoracic_upper",
                                                   "neck",
                                                   "head",
                                                   "clavicle_L",
                                                   "clavicle_R",
                                                   "shoulder_L",
                                                   "shoulder_R",
                                                   "elbow_L",
                                                   "elbow_R",
                                                   "wrist_L",
                                                   "wrist_R",
                                                   "hip_L",
                                                   "hip_R",
                                                   "knee_L",
                                                   "knee_R",
                                                   "ankle_L",
                                                   "ankle_R"};

std::optional<JointRange> jointRange(std::string_view joint) {
  // Active range of motion of an adult, generous at the ends (degrees about X, Y, Z in the rig's frames, left
  // side): flexion and extension, rotation, abduction and adduction as the rig's axes carry them.
  struct Entry {
    std::string_view name;
    JointRange range;
  };
  static const Entry kRanges[] = {
      {"pelvis", {{-45, -45, -45}, {45, 45, 45}}},
      {"spine_lumbar", {{-40, -45, -40}, {50, 45, 40}}},
      {"spine_thoracic_lower", {{-40, -45, -40}, {50, 45, 40}}},
      {"spine_thoracic_upper", {{-40, -45, -40}, {50, 45, 40}}},
      {"neck", {{-70, -90, -50}, {80, 90, 50}}},
      {"head", {{-40, -45, -40}, {40, 45, 40}}},
      {"clavicle_L", {{-30, -40, -20}, {30, 40, 45}}},
      {"shoulder_L", {{-180, -100, -60}, {70, 100, 180}}},
      {"elbow_L", {{-160, -90, -15}, {10, 90, 15}}},
      {"wrist_L", {{-85, -35, -80}, {85, 35, 80}}},
      {"hip_L", {{-140, -70, -50}, {40, 70, 60}}},
      {"knee_L", {{-5, -40, -15}, {160, 40, 15}}},
      {"ankle_L", {{-50, -40, -40}, {50, 40, 40}}},
  };
  const bool right = joint.size() > 2 && joint.ends_with("_R");
  const std::string key = right ? std::string(joint.substr(0, joint.size() - 2)) + "_L" : std::string(joint);
  for (const Entry& e : kRanges) {
    if (e.name != key) continue;
    JointRange r = e.range;
    if (right) r = {{r.lo.x, -r.hi.y, -r.hi.z}, {r.hi.x, -r.lo.y, -r.lo.z}};
    return r;
  }
  return std::nullopt;
}

std::string_view supportName(Support support) {
  switch (support) {
    case Support::Floor: return "floor";
    case Support::Wall: return "wall";
    case Support::Chair: return "chair";
  }
  return "";
}

std::string_view limbName(Limb limb) {
  switch (limb) {
    case Limb::FootL: return "foot_L";
    case Limb::FootR: return "foot_R";
    case Limb::HandL: return "hand_L";
    case Limb::HandR: return "hand_R";
  }
  return "";
}

std::string_view limbJoint(Limb limb) {
  switch (limb) {
    case Limb::FootL: return "ankle_L";
    case Limb::FootR: return "ankle_R";
    case Limb::HandL: return "wrist_L";
    case Limb::HandR: return "wrist_R";
  }
  return "";
}

std::string_view phaseName(Phase phase) {
  switch (phase) {
    case Phase::LeadIn: return "lead-in";
    case Phase::Work: return "work";
    case Phase::Switch: return "switch";
    case Phase::Stretch: return "stretch";
    case Phase::Done: return "done";
  }
  return "done";
}

std::optional<Phase> parsePhase(std::string_view name) {
  for (auto p : {Phase::LeadIn, Phase::Work, Phase::Switch, Phase::Stretch, Phase::Done})
    if (phaseName(p) == name) return p;
  return std::nullopt;
}

std::optional<std::string_view> sideName(scene::Side side) {
  switch (side) {
    case scene::Side::Left: return "left";
    case scene::Side::Right: return "right";
    case scene::Side::None: break;
  }
  return std::nullopt;
}

std::string_view equipmentKindName(EquipmentKind kind) {
  switch (kind) {
    case EquipmentKind::FoamRoller: return "foam-roller";
    case EquipmentKind::MassageBall: return "massage-ball";
    case EquipmentKind::MassageChair: return "massage-chair";
  }
  return "";
}

std::string_view muscleKindName(scene::MuscleKind kind) {
  switch (kind) {
    case scene::MuscleKind::Trapezius: return "trapezius";
    case scene::MuscleKind::RhomboidMajor: return "rhomboid-major";
    case scene::MuscleKind::RhomboidMinor: return "rhomboid-minor";
    case scene::MuscleKind::LatissimusDorsi: return "latissimus-dorsi";
    default: return "";
  }
}

const Exercise& ExerciseSet::find(std::string_view id) const {
  for (const auto& e : exercises)
    if (e.id == id) return e;
  std::string known;
  for (const auto& e : exercises) known += (known.empty() ? "" : ", ") + e.id;
  throw core::Error("--exercise", "unknown exercise '" + std::string(id) + "'; known: " + known);
}

std::vector<std::string> ExerciseSet::ids() const {
  std::vector<std::string> out;
  for (const auto& e : exercises) out.push_back(e.id);
  return out;
}

namespace {

// Reads the file's text; with `problems`, every broken part (a section, an exercise) is recorded there and the
// next one read, otherwise the first problem is thrown.
ExerciseSet parseExercises(std::string_view text, const std::string& where, std::vector<core::Error>* problems) {
  const Ctx top(where, "");
  json doc;
  try {
    doc = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    top.fail("", jsonErrorText(text, e));
  }
  if (!doc.is_object()) top.fail("", "the top level must be an object, got " + describe(doc));
  core::collectError(problems,
                     [&] { checkKeys(top, doc, "", {"version", "conventions", "general", "exercises"}); });

  ExerciseSet set;
  set.file = where;
  core::collectError(problems, [&] {
    const json& version = need(top, doc, "version", "");
    if (!version.is_number_integer() || version.get<std::int64_t>() != kExercisesVersion)
      top.fail("version", fmt::format("must be {}, got {}", kExercisesVersion, describe(version)));
  });
  set.version = kExercisesVersion;
  core::collectError(problems, [&] {
    if (doc.contains("conventions")) {
      checkObject(top, doc["conventions"], "conventions");
      for (const auto& [key, value] : doc["conventions"].items())
        textValue(top, value, join("conventions", key));
    }
  });
  core::collectError(problems, [&] { set.general = readGeneral(top, need(top, doc, "general", "")); });

  const json* list = nullptr;
  core::collectError(problems, [&] { list = &getArray(top, doc, "exercises", "", 1, kMaxExercises); });
  std::set<std::string> seen;
  for (std::size_t i = 0; list != nullptr && i < list->size(); ++i) {
    core::collectError(problems, [&] {
      Exercise e = readExercise(where, (*list)[i], i);
      if (!seen.insert(e.id).second)
        Ctx(where, "exercise '" + e.id + "'")
            .fail("id", fmt::format("duplicate id (exercise #{} repeats it)", i + 1));
      set.exercises.push_back(std::move(e));
    });
  }
  return set;
}

}  // namespace

ExerciseSet loadExercisesFromString(std::string_view text, const std::string& where) {
  return parseExercises(text, where, nullptr);
}

std::vector<core::Error> exerciseProblems(const std::filesystem::path& path, ExerciseSet* set) {
  std::vector<core::Error> problems;
  try {
    const std::string text = core::readTextFile(path, kMaxExercisesFileBytes);
    ExerciseSet parsed = parseExercises(text, path.string(), &problems);
    if (problems.empty() && set != nullptr) *set = std::move(parsed);
  } catch (const core::Error& e) {
    problems.push_back(e);  // unreadable, or not JSON: nothing further to check
  }
  return problems;
}

ExerciseSet loadExercises(const std::filesystem::path& path) {
  const std::string text = core::readTextFile(path, kMaxExercisesFileBytes);
  return loadExercisesFromString(text, path.string());
}

}  // namespace myo::exercise
