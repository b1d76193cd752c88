// scene/muscle_names.hpp: naming rules that recognise the target muscles, their side and trapezius part, and
// the tissue kind of a mesh from node or mesh names written in different atlases' conventions.
#pragma once

#include <string>
#include <string_view>

#include "scene/muscle_catalog.hpp"
#include "scene/model.hpp"

namespace myo::scene {

/// Recognises a muscle from a name, case-insensitively; ' ', '_', '-', '.', '(' and ')' all separate words.
/// Accepts English, Latin and abbreviated forms ("Trapezius muscle.l", "rhomboideus_major_R",
/// "Pars transversa musculi trapezii sinistra", "lat dorsi (L)"). A bare "rhomboid" counts as the major.
/// Returns an invalid id (kind None) when the name is not one of the muscles in MuscleKind.
MuscleId recognizeMuscle(std::string_view name);

/// What tissue a name denotes: Skin ("skin", "body surface"), Tendon ("tendon", "aponeurosis"), Muscle
/// (a recognised muscle or any name with the word "muscle"), Bone (bone words: "bone_", scapula, vertebra,
/// rib ...), otherwise Other.
TissueKind recognizeTissue(std::string_view name);

/// The side of the body a name gives: words left/right, sinister/dexter (and their Latin endings), or a
/// single-letter word l/r (".l", "_R", "(L)", "l_"). Conflicting or no side: Side::None.
Side recognizeSide(std::string_view name);

/// Name shown to users, e.g. "Trapezius, transverse part (left)", "Rhomboid major (right)", "Deltoid".
std::string muscleDisplayName(const MuscleId& id);

/// Lower-case identifiers for files, command line and logs: "trapezius", "rhomboid-major", "left",
/// "transverse"; None gives "none".
std::string_view toString(MuscleKind kind);
std::string_view toString(Side side);
std::string_view toString(MusclePart part);
std::string_view toString(TissueKind tissue);

}  // namespace myo::scene
