// ui/atlas_panel.hpp: the atlas tools: search, layers (peel depth, fade others, x-ray), the structure tree with
// show/hide per structure, and the info card of the selected structure beside it on the picture. Like the other
// panels they read a snapshot, edit their settings in place and report the rest as intents.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "ui/layout.hpp"
#include "view/framing.hpp"

namespace myo::ui {

/// How the atlas shows the model; edited by the panel (and set by --search, --layer-depth, --xray ...).
struct AtlasSettings {
  int layerDepth = 0;           ///< layers peeled from the outside: 0 none ... 4 (scene::kMaxLayerDepth)
  bool fadeOthers = false;      ///< everything but the selection (or the targets) drawn faint
  bool xray = false;            ///< everything see-through but the selection (or the targets)
  bool cardPinned = false;      ///< the info card in the picture's top-right corner instead of beside the muscle
  bool cardOpen = true;         ///< closed with the card's close button; opens again with the next selection
  bool cardUnfolded = false;    ///< the facts shown over the body where no room off it is left ("Facts")
  std::array<char, 96> search{};  ///< the search field
};

struct StructureRow {
  int mesh = -1;
  std::string name;
  int system = 0;   ///< index into AtlasInput::systems
  int layer = 0;    ///< index into AtlasInput::layers
  bool visible = true;
  bool target = false;
};

struct AtlasInput {
  std::vector<std::pair<int, std::string>> results;  ///< search results (mesh, name), best first
  std::vector<std::string> systems;                  ///< "Skin", "Muscles", "Bones", "Other"
  std::vector<std::string> layers;                   ///< "Skin", "Superficial muscles" ...
  std::vector<StructureRow> tree;                    ///< sorted by system, then layer, then name
  int selected = -1;
  int maxDepth = 4;
};

struct AtlasIntents {
  std::optional<int> select;        ///< mesh (-1 clears)
  bool frameSelected = false;       ///< frame the view on what `select` (or the current selection) names
  std::optional<std::pair<int, bool>> setVisible;
  std::optional<std::pair<std::vector<int>, bool>> setGroupVisible;  ///< a whole branch of the tree
};

/// Search, layers and the structure tree, as sections of the main panel; `rects`, when given, receives where
/// the search field and the layer controls were drawn.
void drawAtlasSections(const AtlasInput& input, AtlasSettings& settings, AtlasIntents& intents,
                       ControlRects* rects = nullptr);

struct InfoCard {
  std::string title;
  std::string layer;                                       ///< "Muscles under the trapezius"
  std::vector<std::pair<std::string, std::string>> facts;  ///< (heading, text)
  std::optional<glm::vec2> anchor;   ///< the selected point on the picture (ImGui units), when in front
  glm::vec2 display{0.0f};           ///< the picture, ImGui units
  std::vector<view::PixelRect> avoid;  ///< the panels (ImGui units)
  std::optional<view::PixelRect> selection;  ///< the selected structure's box on the picture
  std::vector<view::PixelRect> selectionShape;  ///< where the selected structure is drawn (view::footprint)
  std::vector<view::PixelRect> bodyShape;       ///< where the whole model and the tool are drawn (view::footprint)
  /// With an exercise: the card folds rather than cover the posed body (the person on the equipment is what the
  /// view is for). Without one (the atlas), it gives its facts, off the selection, over the body if need be.
  bool foldOffBody = false;
};

/// The card window at the anchor's height with a leader to the anchor, always on the picture and clear of the
/// panels and of the selected structure, in the first of these places that is free: beside the structure off
/// the body (narrowed down to 13 em where the room beside the body is narrow), a corner off the body, folded to
/// its title and the structure's name beside the structure or in a corner off the body. Only when the user
/// asks for the facts there ("Facts": settings.cardUnfolded), or even the folded card finds no room, it goes
/// on the body off the selected structure. Pinned, it sits in the first free corner. Its close button sets
/// settings.cardOpen = false, "Clear" asks for select = -1. Returns the card's rectangle (ImGui
/// units) when drawn.
std::optional<view::PixelRect> drawInfoCard(const InfoCard& card, AtlasSettings& settings, AtlasIntents& intents);

}  // namespace myo::ui
