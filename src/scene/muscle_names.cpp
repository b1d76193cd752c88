// scene/muscle_names.cpp: word-based name rules for muscles, sides, muscle parts and tissues; the muscles
// and their words come from the catalogue (muscle_catalog.cpp).
#include "scene/muscle_names.hpp"

#include "scene/muscle_catalog.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace myo::scene {
namespace {

/// Lower-case words of a name. Any character that is not a letter or digit separates words, so the 'l' of
/// "lat" or the last letter of "trapeziusl" never becomes a side on its own.
std::vector<std::string> words(std::string_view name) {
  std::vector<std::string> out;
  std::string current;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      current.push_back(static_cast<char>(std::tolower(c)));
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

template <std::size_t N>
bool isOneOf(const std::string& word, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

template <std::size_t N>
bool hasAny(const std::vector<std::string>& ws, const std::array<std::string_view, N>& list) {
  return std::any_of(ws.begin(), ws.end(), [&](const std::string& w) { return isOneOf(w, list); });
}

bool has(const std::vector<std::string>& ws, std::string_view word) {
  return std::find(ws.begin(), ws.end(), word) != ws.end();
}

// Words that mark the name as something other than the muscle itself ("deltoid ligament", "pectoral fascia").
constexpr std::array<std::string_view, 8> kNotMuscle{"ligament", "ligaments", "ligamentum", "fascia",
                                                   "fasciae",  "nerve",     "artery",     "vein"};

constexpr std::array<std::string_view, 7> kLeft{"left",     "l",         "lt", "sinister",
                                                "sinistra", "sinistrum", "sin"};
constexpr std::array<std::string_view, 7> kRight{"right", "r", "rt", "dexter", "dextra", "dextrum", "dex"};

constexpr std::array<std::string_view, 3> kSkin{"skin", "integument", "epidermis"};
constexpr std::array<std::string_view, 5> kTendon{"tendon", "tendons", "aponeurosis", "aponeuroses", "tendo"};
constexpr std::array<std::string_view, 4> kMuscleWord{"muscle", "muscles", "musculus", "musculi"};
constexpr std::array<std::string_view, 40> kBone{
    "bone",    "bones",      "os",        "ossa",      "skeleton", "scapula",  "clavicle",  "clavicula",
    "humerus", "vertebra",   "vertebrae", "spine",     "rib",      "ribs",     "costa",     "sternum",
    "pelvis",  "skull",      "cranium",   "femur",     "tibia",    "fibula",   "radius",    "ulna",
    "sacrum",  "coccyx",     "mandible",  "patella",   "ilium",    "ischium",  "pubis",     "carpal",
    "carpals", "metacarpal", "phalanx",   "phalanges", "hipbone",  "acromion", "manubrium", "xiphoid"};

/// True when one of the words is one of the '|'-separated alternatives of a term.
bool hasTerm(const std::vector<std::string>& ws, std::string_view term) {
  while (!term.empty()) {
    const std::size_t bar = term.find('|');
    if (has(ws, term.substr(0, bar))) return true;
    if (bar == std::string_view::npos) break;
    term.remove_prefix(bar + 1);
  }
  return false;
}

/// Calls f on each piece of text split at a separator.
template <typename F>
void forEachPiece(std::string_view text, char sep, F&& f) {
  while (!text.empty()) {
    const std::size_t at = text.find(sep);
    f(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 1);
  }
}

/// Number of terms of the longest pattern of a catalogue row that the words match; 0 when none does.
int matchLength(const std::vector<std::string>& ws, std::string_view patterns) {
  int best = 0;
  forEachPiece(patterns, ';', [&](std::string_view pattern) {
    int terms = 0;
    bool all = true;
    forEachPiece(pattern, ' ', [&](std::string_view term) {
      if (term.empty()) return;
      ++terms;
      all = all && hasTerm(ws, term);
    });
    if (all) best = std::max(best, terms);
  });
  return best;
}

}  // namespace

Side recognizeSide(std::string_view name) {
  const auto ws = words(name);
  const bool left = hasAny(ws, kLeft);
  const bool right = hasAny(ws, kRight);
  if (left == right) return Side::None;
  return left ? Side::Left : Side::Right;
}

MuscleId recognizeMuscle(std::string_view name) {
  const auto ws = words(name);
  MuscleId id;
  // A tendon, ligament, nerve or vessel named after a muscle is not the muscle; the catalogue's own ligaments
  // and fasciae are looked for among the connective rows only.
  const bool notMuscle = hasAny(ws, kNotMuscle) || hasAny(ws, kTendon);
  int best = 0;
  const MuscleInfo* found = nullptr;
  for (const MuscleInfo& m : muscleCatalog()) {
    if (notMuscle && m.tissue == TissueKind::Muscle) continue;
    const int length = matchLength(ws, m.patterns);
    if (length > best) {
      best = length;
      found = &m;
    }
  }
  if (found == nullptr) return id;
  id.kind = found->kind;
  // "Lower" or "superior" can also describe a side or region of other muscles; only parts of this muscle count.
  for (const MusclePartInfo& part : found->parts) {
    if (hasTerm(ws, part.words)) {
      id.part = part.part;
      break;
    }
  }
  id.side = found->paired ? recognizeSide(name) : Side::None;
  return id;
}

TissueKind recognizeTissue(std::string_view name) {
  const auto ws = words(name);
  if (hasAny(ws, kSkin) || (has(ws, "body") && has(ws, "surface"))) return TissueKind::Skin;
  if (const MuscleId id = recognizeMuscle(name); id.valid()) return muscleInfo(id.kind).tissue;
  if (hasAny(ws, kTendon)) return TissueKind::Tendon;
  if (hasAny(ws, kMuscleWord)) return TissueKind::Muscle;
  if (hasAny(ws, kBone)) return TissueKind::Bone;
  return TissueKind::Other;
}

std::string_view toString(MuscleKind kind) { return muscleInfo(kind).id; }

std::string_view toString(Side side) {
  switch (side) {
    case Side::Left:
      return "left";
    case Side::Right:
      return "right";
    case Side::None:
      break;
  }
  return "none";
}

std::string_view toString(MusclePart part) {
  for (const MuscleInfo& m : muscleCatalog())
    for (const MusclePartInfo& p : m.parts)
      if (p.part == part) return p.id;
  return "none";
}

std::string_view toString(TissueKind tissue) {
  switch (tissue) {
    case TissueKind::Skin:
      return "skin";
    case TissueKind::Bone:
      return "bone";
    case TissueKind::Muscle:
      return "muscle";
    case TissueKind::Tendon:
      return "tendon";
    case TissueKind::Other:
      break;
  }
  return "other";
}

std::string muscleDisplayName(const MuscleId& id) {
  std::string out(muscleInfo(id.kind).displayName);
  if (!id.valid()) return out;
  if (const MusclePartInfo* part = musclePartInfo(id.kind, id.part)) out += ", " + std::string(part->label);
  if (id.side != Side::None) out += " (" + std::string(toString(id.side)) + ")";
  return out;
}

}  // namespace myo::scene
