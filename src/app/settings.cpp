// app/settings.cpp: the settings file read field by field (a bad field costs only itself) and written atomically.
#include "app/settings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <system_error>

#include "app/paths.hpp"
#include "core/atomic_file.hpp"
#include "core/error.hpp"
#include "core/file_io.hpp"

namespace myo::app {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr int kVersion = 1;

/// Collects the bad fields: the first is named in the warning, the others counted.
struct Problems {
  std::optional<std::string> first;
  int count = 0;
  void add(const std::string& field, const std::string& what) {
    if (!first) first = field + ": " + what;
    ++count;
  }
};

std::string rangeText(double lo, double hi) {
  return "expected a number from " + json(lo).dump() + " to " + json(hi).dump();
}

void readBool(const json& obj, const char* key, const std::string& path, bool& out, Problems& p) {
  const auto it = obj.find(key);
  if (it == obj.end()) return;
  if (it->is_boolean())
    out = it->get<bool>();
  else
    p.add(path + key, "expected true or false");
}

void readNumber(const json& obj, const char* key, const std::string& path, double lo, double hi, double& out,
                Problems& p) {
  const auto it = obj.find(key);
  if (it == obj.end()) return;
  if (!it->is_number()) return p.add(path + key, rangeText(lo, hi));
  const double v = it->get<double>();
  if (!std::isfinite(v) || v < lo || v > hi) return p.add(path + key, rangeText(lo, hi));
  out = v;
}

void readInt(const json& obj, const char* key, const std::string& path, int lo, int hi, int& out, Problems& p) {
  const auto it = obj.find(key);
  if (it == obj.end()) return;
  const std::string want = "expected a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
  if (!it->is_number_integer()) return p.add(path + key, want);
  // Read as a wide integer: a huge value must not wrap into the range.
  std::int64_t v = 0;
  if (it->is_number_unsigned())
    v = std::int64_t(std::min<std::uint64_t>(it->get<std::uint64_t>(), 1ull << 40));
  else
    v = it->get<std::int64_t>();
  if (v < lo || v > hi) return p.add(path + key, want);
  out = int(v);
}

/// Is the object at `key` there, and an object? (Absent: nothing to read; another type: a problem.)
const json* section(const json& obj, const char* key, Problems& p) {
  const auto it = obj.find(key);
  if (it == obj.end()) return nullptr;
  if (!it->is_object()) {
    p.add(key, "expected an object");
    return nullptr;
  }
  return &*it;
}

bool validExerciseId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) return false;
  return true;
}

void readDisplay(const json& d, Settings& s, Problems& p) {
  const std::string path = "display.";
  if (const auto it = d.find("skin"); it != d.end()) {
    const std::string skin = it->is_string() ? it->get<std::string>() : std::string();
    if (skin == "opaque" || skin == "faded" || skin == "hidden")
      s.skin = skin;
    else
      p.add(path + "skin", "expected \"opaque\", \"faded\" or \"hidden\"");
  }
  readNumber(d, "skin_opacity", path, kMinSkinOpacity, kMaxSkinOpacity, s.skinOpacity, p);
  readBool(d, "bones", path, s.bones, p);
  readBool(d, "fibres", path, s.fibres, p);
  readBool(d, "floor", path, s.floor, p);
  readBool(d, "other_muscles", path, s.contextMuscles, p);
  readBool(d, "outlines", path, s.outlines, p);
  readBool(d, "labels", path, s.labels, p);
  readBool(d, "coarse_while_moving", path, s.coarseWhileMoving, p);
}

void readTimer(const json& t, Settings& s, Problems& p) {
  readNumber(t, "speed", "timer.", kMinSpeedSetting, kMaxSpeedSetting, s.speed, p);
  const auto ex = t.find("exercises");
  if (ex == t.end()) return;
  if (!ex->is_object()) return p.add("timer.exercises", "expected an object");
  for (const auto& [id, choice] : ex->items()) {
    const std::string path = "timer.exercises." + core::oneLineReason(id.substr(0, 64));
    if (!validExerciseId(id)) {
      p.add(path, "not an exercise id (a-z, 0-9 and '-')");
      continue;
    }
    if (!choice.is_object()) {
      p.add(path, "expected an object");
      continue;
    }
    if (s.exercises.size() >= kMaxExerciseChoices) {
      p.add(path, "more than " + std::to_string(kMaxExerciseChoices) + " exercises");
      break;
    }
    ExerciseChoice c;
    double work = -1.0;
    readNumber(choice, "work_s", path + ".", 1.0, kMaxWorkSetting, work, p);
    if (work > 0.0) c.workS = work;
    int sets = 0;
    readInt(choice, "sets", path + ".", 1, kMaxSetsSetting, sets, p);
    if (sets > 0) c.sets = sets;
    if (c.workS || c.sets) s.exercises[id] = c;
  }
}

}  // namespace

std::string warningLine(const std::string& where, const std::string& what) {
  return "myorelease: warning: " + core::oneLineReason(where) + ": " + core::oneLineReason(what);
}

SettingsRead parseSettings(std::string_view text, const std::string& where) {
  SettingsRead out;
  if (text.size() > kMaxSettingsFileBytes) {
    out.warning = warningLine(
        where, "larger than " + std::to_string(kMaxSettingsFileBytes) + " bytes; the default settings are used");
    return out;
  }
  json root;
  try {
    root = json::parse(text.begin(), text.end());
  } catch (const json::exception&) {
    out.warning = warningLine(where, "not valid JSON; the default settings are used");
    return out;
  }
  if (!root.is_object()) {
    out.warning = warningLine(where, "expected a JSON object; the default settings are used");
    return out;
  }
  Settings& s = out.settings;
  Problems p;
  if (const auto v = root.find("version"); v != root.end() && !(v->is_number_integer() && *v == kVersion))
    p.add("version", "expected " + std::to_string(kVersion));
  if (const json* d = section(root, "display", p)) readDisplay(*d, s, p);
  if (const auto it = root.find("panels"); it != root.end()) {
    if (it->is_string() && it->get_ref<const std::string&>().size() <= kMaxPanelLayoutBytes)
      s.panelLayout = it->get<std::string>();
    else
      p.add("panels", "expected the text of the panels' layout (at most 64 KiB)");
  }
  if (const json* t = section(root, "timer", p)) readTimer(*t, s, p);
  if (const json* w = section(root, "window", p)) {
    readInt(*w, "width", "window.", kMinWindowSide, kMaxWindowSide, s.windowWidth, p);
    readInt(*w, "height", "window.", kMinWindowSide, kMaxWindowSide, s.windowHeight, p);
  }
  readNumber(root, "body_weight_kg", "", kMinBodyWeightKg, kMaxBodyWeightKg, s.bodyWeightKg, p);
  if (p.first) {
    std::string what = *p.first;
    if (p.count > 1) what += " (and " + std::to_string(p.count - 1) + " more)";
    out.warning = warningLine(where, what + "; the defaults are used for " + (p.count > 1 ? "those" : "it"));
  }
  return out;
}

std::string settingsJson(const Settings& s) {
  json root = json::object();
  root["version"] = kVersion;
  root["display"] = {{"skin", s.skin},
                     {"skin_opacity", s.skinOpacity},
                     {"bones", s.bones},
                     {"fibres", s.fibres},
                     {"floor", s.floor},
                     {"other_muscles", s.contextMuscles},
                     {"outlines", s.outlines},
                     {"labels", s.labels},
                     {"coarse_while_moving", s.coarseWhileMoving}};
  root["panels"] = s.panelLayout;
  json exercises = json::object();
  for (const auto& [id, c] : s.exercises) {
    json e = json::object();
    if (c.workS) e["work_s"] = *c.workS;
    if (c.sets) e["sets"] = *c.sets;
    exercises[id] = e;
  }
  root["timer"] = {{"speed", s.speed}, {"exercises", exercises}};
  root["window"] = {{"width", s.windowWidth}, {"height", s.windowHeight}};
  root["body_weight_kg"] = s.bodyWeightKg;
  // Replacement characters instead of an exception for text that is not UTF-8 (a panel title, say).
  return root.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::optional<fs::path> settingsPath() {
  const auto base = xdgConfigHome();
  if (!base) return std::nullopt;
  return *base / "myorelease" / "settings.json";
}

SettingsRead loadSettings(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) return {};
  try {
    return parseSettings(core::readTextFile(path, kMaxSettingsFileBytes), path.string());
  } catch (const core::Error& e) {
    return {Settings{}, warningLine(e.where(), e.message() + "; the default settings are used")};
  } catch (const std::exception& e) {
    return {Settings{}, warningLine(path.string(), std::string(e.what()) + "; the default settings are used")};
  }
}

void saveSettings(const fs::path& path, const Settings& settings) {
  core::writeFileAtomically(path, settingsJson(settings));
}

}  // namespace myo::app
