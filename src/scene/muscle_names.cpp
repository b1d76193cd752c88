// scene/muscle_names.cpp: word-based name rules for muscles, sides, trapezius parts and tissues.
#include "scene/muscle_names.hpp"

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

constexpr std::array<std::string_view, 3> kTrapezius{"trapezius", "trapezii", "trapezio"};
constexpr std::array<std::string_view, 6> kRhomboid{"rhomboid",   "rhomboids",  "rhomboideus",
                                                    "rhomboidei", "rhomboidus", "rhomboides"};
constexpr std::array<std::string_view, 4> kMajor{"major", "majoris", "maior", "maj"};
constexpr std::array<std::string_view, 4> kMinor{"minor", "minoris", "min", "minimus"};
constexpr std::array<std::string_view, 3> kLatissimus{"latissimus", "latissimi", "lats"};
constexpr std::array<std::string_view, 4> kDeltoid{"deltoid", "deltoideus", "deltoidei", "deltoids"};
constexpr std::array<std::string_view, 4> kPectoralis{"pectoralis", "pectoral", "pec", "pecs"};
// Words that mark the name as something other than the muscle itself ("deltoid ligament", "pectoral fascia").
constexpr std::array<std::string_view, 4> kNotMuscle{"ligament", "nerve", "artery", "vein"};

constexpr std::array<std::string_view, 7> kLeft{"left",     "l",         "lt", "sinister",
                                                "sinistra", "sinistrum", "sin"};
constexpr std::array<std::string_view, 7> kRight{"right", "r", "rt", "dexter", "dextra", "dextrum", "dex"};

constexpr std::array<std::string_view, 5> kDescending{"descending", "descendens", "upper", "superior",
                                                      "descendentes"};
constexpr std::array<std::string_view, 5> kTransverse{"transverse", "transversa", "middle", "medius",
                                                      "transversus"};
constexpr std::array<std::string_view, 5> kAscending{"ascending", "ascendens", "lower", "inferior",
                                                     "ascendentes"};

constexpr std::array<std::string_view, 3> kSkin{"skin", "integument", "epidermis"};
constexpr std::array<std::string_view, 5> kTendon{"tendon", "tendons", "aponeurosis", "aponeuroses", "tendo"};
constexpr std::array<std::string_view, 4> kMuscleWord{"muscle", "muscles", "musculus", "musculi"};
constexpr std::array<std::string_view, 40> kBone{
    "bone",    "bones",      "os",        "ossa",      "skeleton", "scapula",  "clavicle",  "clavicula",
    "humerus", "vertebra",   "vertebrae", "spine",     "rib",      "ribs",     "costa",     "sternum",
    "pelvis",  "skull",      "cranium",   "femur",     "tibia",    "fibula",   "radius",    "ulna",
    "sacrum",  "coccyx",     "mandible",  "patella",   "ilium",    "ischium",  "pubis",     "carpal",
    "carpals", "metacarpal", "phalanx",   "phalanges", "hipbone",  "acromion", "manubrium", "xiphoid"};

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
  if (hasAny(ws, kNotMuscle) || hasAny(ws, kTendon)) return id;
  if (hasAny(ws, kTrapezius)) {
    id.kind = MuscleKind::Trapezius;
  } else if (hasAny(ws, kRhomboid)) {
    id.kind = hasAny(ws, kMinor) ? MuscleKind::RhomboidMinor : MuscleKind::RhomboidMajor;
  } else if (hasAny(ws, kLatissimus) || (has(ws, "lat") && has(ws, "dorsi"))) {
    id.kind = MuscleKind::LatissimusDorsi;
  } else if (hasAny(ws, kDeltoid)) {
    id.kind = MuscleKind::Deltoid;
  } else if (hasAny(ws, kPectoralis) && hasAny(ws, kMajor)) {
    id.kind = MuscleKind::PectoralisMajor;
  } else {
    return id;
  }
  // "Lower" or "superior" can also describe a side or region of other muscles; only the trapezius has parts.
  if (id.kind == MuscleKind::Trapezius) {
    if (hasAny(ws, kDescending))
      id.part = MusclePart::Descending;
    else if (hasAny(ws, kTransverse))
      id.part = MusclePart::Transverse;
    else if (hasAny(ws, kAscending))
      id.part = MusclePart::Ascending;
  }
  id.side = recognizeSide(name);
  return id;
}

TissueKind recognizeTissue(std::string_view name) {
  const auto ws = words(name);
  if (hasAny(ws, kSkin) || (has(ws, "body") && has(ws, "surface"))) return TissueKind::Skin;
  if (hasAny(ws, kTendon)) return TissueKind::Tendon;
  if (recognizeMuscle(name).valid() || hasAny(ws, kMuscleWord)) return TissueKind::Muscle;
  if (hasAny(ws, kBone)) return TissueKind::Bone;
  return TissueKind::Other;
}

std::string_view toString(MuscleKind kind) {
  switch (kind) {
    case MuscleKind::Trapezius:
      return "trapezius";
    case MuscleKind::RhomboidMajor:
      return "rhomboid-major";
    case MuscleKind::RhomboidMinor:
      return "rhomboid-minor";
    case MuscleKind::LatissimusDorsi:
      return "latissimus-dorsi";
    case MuscleKind::Deltoid:
      return "deltoid";
    case MuscleKind::PectoralisMajor:
      return "pectoralis-major";
    case MuscleKind::None:
      break;
  }
  return "none";
}

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
  switch (part) {
    case MusclePart::Descending:
      return "descending";
    case MusclePart::Transverse:
      return "transverse";
    case MusclePart::Ascending:
      return "ascending";
    case MusclePart::None:
      break;
  }
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
  std::string out;
  switch (id.kind) {
    case MuscleKind::Trapezius:
      out = "Trapezius";
      break;
    case MuscleKind::RhomboidMajor:
      out = "Rhomboid major";
      break;
    case MuscleKind::RhomboidMinor:
      out = "Rhomboid minor";
      break;
    case MuscleKind::LatissimusDorsi:
      out = "Latissimus dorsi";
      break;
    case MuscleKind::Deltoid:
      out = "Deltoid";
      break;
    case MuscleKind::PectoralisMajor:
      out = "Pectoralis major";
      break;
    case MuscleKind::None:
      return "Unknown";
  }
  if (id.part != MusclePart::None) out += ", " + std::string(toString(id.part)) + " part";
  if (id.side != Side::None) out += " (" + std::string(toString(id.side)) + ")";
  return out;
}

}  // namespace myo::scene
