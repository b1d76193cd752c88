// anatomy/muscles.hpp: the muscles of the model as closed sheets lofted from origin to insertion, lying in
// layers under the skin, with fibre directions, tendon weights and the facts shown on the info cards.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "anatomy/anatomy_model.hpp"
#include "anatomy/body_field.hpp"
#include "scene/model.hpp"

namespace myo::anatomy {

/// Depth range of a muscle under the skin (metres): outer and inner surface at full thickness.
struct MuscleLayer {
  float outer = 0.0f;
  float inner = 0.0f;
};

/// What a sheet's depth under the skin follows.
enum class MuscleBed : std::uint8_t {
  Layer,    ///< its layer's depth everywhere (the superficial sheets)
  OnBone,   ///< its inner face on the bony attachments: their depth under the skin, interpolated along the
            ///< fibres; the outer face no shallower than the layer's outer depth (the rotator cuff, teres major)
  Chord,    ///< as OnBone, but the inner face follows the straight line between the attachments instead of a
            ///< level of the skin: muscles spanning the flat blade of the scapula to the humerus (rotator cuff,
            ///< teres major), which a level under the curved back would bend round the shoulder
  Surface,  ///< the landmarks mark its outer face (the erector spinae's posterior surface); the layer's outer
            ///< depth is the shallowest it may lie
};

/// The anatomical description a muscle is built from (left side; the right is mirrored). Which muscle it is
/// comes from the scene catalogue (scene/muscle_catalog.hpp); the names are filled from it.
struct MuscleSpec {
  scene::MuscleKind kind = scene::MuscleKind::None;
  scene::MusclePart part = scene::MusclePart::None;
  std::vector<std::string> origin;      ///< ordered landmark ids (left side)
  std::vector<std::string> insertion;   ///< ordered landmark ids, paired by normalised arc length
  std::vector<std::string> guides;      ///< landmarks the sheet passes over (mid-fibre)
  float thickness = 0.005f;             ///< nominal belly thickness (metres)
  MuscleLayer layer;
  /// Depth of the mid-surface under the skin at the insertion (metres); 0 keeps the layer's depth. A muscle
  /// whose tendon dives onto a bone deep in a limb (the deltoid) sinks toward it over the distal half.
  float insertionDepth = 0.0f;
  MuscleBed bed = MuscleBed::Layer;
  /// Column loft: origin and insertion are the sheet's medial and lateral borders, both listed from the
  /// origin end to the insertion end, and the fibres run along them (the erector spinae's columns).
  bool column = false;
  /// Belly thickness at each origin landmark (metres), interpolated by arc length; empty: `thickness`.
  std::vector<float> thicknessAlong;
  /// Shallowest outer face where the rhomboids lie over the sheet (metres; 0: none), between the heights
  /// `underRhomboidsY` (lowest, highest; metres, blended over 2 cm).
  float underRhomboids = 0.0f;
  glm::vec2 underRhomboidsY{1.33f, 9.0f};
  /// Distance between sheet vertices (metres); 0: the default 6.8 mm. The long, twisted levator is sampled
  /// finer so a coarser list keeps its ends.
  float spacing = 0.0f;
  /// Push (metres) of the straight fibre line off the body before it is laid on its depth; 0 keeps the default
  /// (backward), so the sheet lands on the face of the body its attachments lie under.
  glm::vec3 bias{0.0f};
  /// How close (metres) the sheet's ends are pulled to their origin and insertion lines; 0: the default
  /// 1.7 cm. Attachments on bone that the sheet must reach (the skull, the humeral tuberosity) use ~1.5 mm.
  float originReach = 0.0f;
  float insertionReach = 0.0f;
  /// A local thickening round a landmark (the latissimus in the posterior axillary fold): within `radius` of
  /// it the sheet grows toward `thickness`, its outer face rising to no less than 3 mm under the skin.
  struct Swell {
    std::string landmark;
    float radius = 0.0f;
    float thickness = 0.0f;
  };
  std::vector<Swell> swells;
  /// Sheets (contract names without the side) this one lies over: its inner face is kept 4 mm above them,
  /// measured along its own normal (the deltoid over the rotator cuff). They are built first.
  std::vector<std::string> over;
  /// From this fraction of the fibre length on (0: never) the sheet leaves its bed and runs free to its
  /// insertion, each fibre a smooth curve from where it leaves the bed, its thickness laid along the sheet's own
  /// normal: a twisted sheet (the latissimus, pectoralis major, levator scapulae), or one whose fibres converge
  /// steeply on a small insertion, pressed onto a depth surface folds through itself.
  float freeFrom = 0.0f;
  /// The sheet inserts upside down (its first origin fibre at its last insertion landmark): it lies untwisted in
  /// its bed and turns over in its free end (`freeFrom`).
  bool twisted = false;
  std::string originText, insertionText, action, innervation, bloodSupply;
  // From the catalogue (fillNames):
  std::string name;                     ///< contract name without the side suffix, e.g. "rhomboid_major"
  std::string displayName;              ///< "Trapezius, descending part"
  std::string partId;                   ///< "descending", "iliocostalis" or ""
};

/// Fills a spec's names from the catalogue row of its kind and part.
void fillNames(MuscleSpec& spec);

/// The muscles of the left side (and the midline sheets).
const std::vector<MuscleSpec>& muscleSpecs();

/// Rig weights of the deep muscles that run from the trunk or scapula to the arm, which the skin over them
/// cannot give (the skin of the armpit follows the arm): the rotator cuff and teres major move with the scapula
/// (the clavicle joint) and hand over to the humerus along their fibres (v 0.4 to 0.95); serratus anterior
/// follows the spine at the ribs and the scapula at its insertion. Returns false (and leaves the mesh alone)
/// for every other mesh. Call after the mesh has its skin weights.
bool bindDeepMuscle(TissueMesh& mesh);

/// All muscle meshes, left and right, in the rest pose.
std::vector<TissueMesh> buildMuscles(const BodyField& body);

}  // namespace myo::anatomy
