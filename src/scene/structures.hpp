// scene/structures.hpp: the model's meshes as an atlas sees them: each structure's system (skin, muscles,
// bones, other) and layer from the skin inward (from the muscle catalogue's one table), the peel of a layer
// depth, and a search over the names users and other atlases use.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "scene/model.hpp"

namespace myo::scene {

/// Layers from the outside in; a depth control peels them in this order.
enum class Layer : int { Skin = 0, Superficial = 1, Intermediate = 2, Deep = 3, Bone = 4, Other = 5 };

/// The deepest peel: skin, the three muscle layers and the bones.
constexpr int kMaxLayerDepth = 4;

/// Skin, the catalogue's layer of a muscle (its row's `layer`), Bone, or Other (equipment, unknown meshes; a
/// muscle-like mesh the catalogue does not know counts as Superficial).
Layer layerOf(const MeshRole& role);

/// Whether a layer depth (0: everything, 1: the skin peeled, ... 4: only bones left) peels this layer.
/// Other is never peeled.
bool peeled(Layer layer, int depth);

/// "Skin", "Superficial muscles", "Muscles under the trapezius", "Deep muscles", "Bones", "Other".
std::string_view layerName(Layer layer);

/// What a structure tree groups by: "Skin", "Muscles" (tendons, ligaments and fasciae with them), "Bones",
/// "Other".
std::string_view systemName(TissueKind tissue);

/// The name of a mesh as shown: the recognised muscle's display name with its side ("Teres major (left)"), else
/// the mesh's "display_name" extra, else the mesh name.
std::string structureName(const Model& model, int mesh);

struct SearchHit {
  int mesh = -1;
  std::string name;  ///< structureName
  int rank = 0;      ///< lower is better: 0 a word of the name starts with the text, 1 the name contains it,
                     ///< 2 a recognition word of the catalogue (other atlases' names) or the mesh name does
};

/// Meshes whose name matches `text` (case-insensitive; spaces, '_' and '-' alike), best first: rank, then
/// muscles before other tissues, then the name. Empty or blank text matches nothing.
std::vector<SearchHit> searchStructures(const Model& model, std::string_view text);

}  // namespace myo::scene
