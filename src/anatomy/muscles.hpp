// anatomy/muscles.hpp: the muscles of the model as closed sheets lofted from origin to insertion, lying in
// layers under the skin, with fibre directions, tendon weights and the facts shown on the info cards.
#pragma once

#include <string>
#include <vector>

#include "anatomy/anatomy_model.hpp"
#include "anatomy/body_field.hpp"

namespace myo::anatomy {

/// Depth range of a muscle under the skin (metres): outer and inner surface at full thickness.
struct MuscleLayer {
  float outer = 0.0f;
  float inner = 0.0f;
};

/// The anatomical description a muscle is built from (left side; the right is mirrored).
struct MuscleSpec {
  std::string name;                     ///< contract name without the side suffix, e.g. "rhomboid_major"
  std::string displayName;
  std::string part;                     ///< "descending", "transverse", "ascending" or ""
  std::vector<std::string> origin;      ///< ordered landmark ids (left side)
  std::vector<std::string> insertion;   ///< ordered landmark ids, paired by normalised arc length
  std::vector<std::string> guides;      ///< landmarks the sheet passes over (mid-fibre)
  float thickness = 0.005f;             ///< nominal belly thickness (metres)
  MuscleLayer layer;
  /// Depth of the mid-surface under the skin at the insertion (metres); 0 keeps the layer's depth. A muscle
  /// whose tendon dives onto a bone deep in a limb (the deltoid) sinks toward it over the distal half.
  float insertionDepth = 0.0f;
  std::string originText, insertionText, action, innervation, bloodSupply;
};

/// The eight muscles of the left side.
const std::vector<MuscleSpec>& muscleSpecs();

/// All muscle meshes, left and right, in the rest pose.
std::vector<TissueMesh> buildMuscles(const BodyField& body);

}  // namespace myo::anatomy
