// scene/muscle_catalog.hpp: the one table of the muscles (and the muscle-like connective sheets) the project
// knows: kind, identifier, contract mesh name, display name, the words that recognise it in other atlases'
// names, its parts, its shade on a plate and whether an exercise may name it as a target. The generator, the
// name rules, the exercise validation and the viewer all read it, so a new muscle is one row here.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "scene/model.hpp"

namespace myo::scene {

/// One part of a muscle (the trapezius' three parts, the erector spinae's three columns).
struct MusclePartInfo {
  MusclePart part = MusclePart::None;
  std::string_view id;        ///< lower-case identifier: "descending", "iliocostalis"
  std::string_view label;     ///< what follows the muscle's display name: "descending part", "iliocostalis"
  std::string_view meshName;  ///< contract mesh name without the side suffix: "trapezius_descending"
  std::string_view words;     ///< recognition words, '|' between alternatives: "descending|upper|superior"
  float shade = 1.0f;         ///< multiplies the muscle's plate shade
};

struct MuscleInfo {
  MuscleKind kind = MuscleKind::None;
  std::string_view id;           ///< files, command line and logs: "rhomboid-major"
  std::string_view meshName;     ///< contract mesh name without side suffix (muscles without parts)
  std::string_view displayName;  ///< "Rhomboid major"
  /// Name patterns, ';' between patterns: a name matches a pattern when it has, for each space-separated
  /// term, one of the term's '|'-separated words. The pattern with the most terms over all rows wins, so
  /// "teres minor" beats a bare "teres", "rhomboid minor" a bare "rhomboid".
  std::string_view patterns;
  std::span<const MusclePartInfo> parts;  ///< empty when the muscle has no named parts
  TissueKind tissue = TissueKind::Muscle;  ///< Tendon for ligaments and fasciae
  float shade = 1.0f;                      ///< plate shade: multiplies the muscle colour so neighbours read apart
  bool paired = true;                      ///< left and right meshes (false: one midline mesh)
  bool target = false;                     ///< an exercise may name it as a target
  /// Layer from the skin inward (anatomy.md 5.1, anatomy-deep.md): 1 superficial (trapezius, latissimus,
  /// deltoid, pectoralis major, external oblique), 2 under the trapezius (rhomboids, levator scapulae),
  /// 3 on bone and ribs (rotator cuff, teres major, serratus anterior, splenius, erector spinae).
  int layer = 1;
};

/// Every row, in plate order (superficial back muscles first).
std::span<const MuscleInfo> muscleCatalog();

/// The row of a kind; the row of MuscleKind::None (id "none", display "Unknown") for None.
const MuscleInfo& muscleInfo(MuscleKind kind);

/// The part's row within its muscle, or nullptr when the muscle has no such part.
const MusclePartInfo* musclePartInfo(MuscleKind kind, MusclePart part);

/// The row with this identifier ("latissimus-dorsi"), or nullptr.
const MuscleInfo* findMuscle(std::string_view id);

/// Contract mesh name of a muscle or part, with "_L"/"_R" for a side: "trapezius_ascending_L".
std::string meshNameOf(const MuscleId& id);

/// Plate shade of a muscle (its row's shade times its part's).
float muscleShade(const MuscleId& id);

}  // namespace myo::scene
