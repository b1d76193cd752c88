// ui/panels.hpp: the Dear ImGui panels. They read a snapshot of the viewer's state, edit the display settings
// in place and report everything else as intents; they own no model, timer or GL object.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ui/atlas_panel.hpp"
#include "ui/layout.hpp"
#include "view/camera.hpp"

namespace myo::ui {

enum class SkinMode { Opaque = 0, Faded = 1, Hidden = 2 };

/// How the model is shown; edited directly by the panel.
struct DisplaySettings {
  SkinMode skin = SkinMode::Faded;
  float skinOpacity = 0.28f;     ///< opacity of the faded skin
  bool bones = true;
  bool fibres = true;
  bool floor = true;
  bool contextMuscles = true;    ///< muscles that are not targets (deltoid, pectoralis major ...)
  bool outlines = true;
  bool labels = true;
  bool isolate = false;          ///< show only the selected muscle (plus bones for orientation)
  bool playAnimation = true;     ///< the model's own animation, when it has one
  bool coarseWhileMoving = true; ///< on a slow renderer, coarse pictures while the view or the body moves
};

struct MuscleRow {
  int mesh = -1;
  std::string label;             ///< "Trapezius, transverse part (left)"
  bool target = false;
  bool visible = true;
};

/// A read-only snapshot for the panels.
struct PanelInput {
  std::string modelPath;
  std::string modelSummary;      ///< "12 meshes, 240,118 triangles, 1 skin"
  std::optional<std::string> error;  ///< the last load failure, shown until dismissed
  std::optional<std::string> notice; ///< where the last picture was saved
  std::vector<MuscleRow> muscles;
  int selectedMesh = -1;
  std::string selectedTitle;
  std::vector<std::pair<std::string, std::string>> selectedFacts;  ///< (heading, text) for the info card (atlas card)
  bool hasAnimation = false;
  std::string rendererInfo;
  float fps = 0.0f;
  const AtlasInput* atlas = nullptr;       ///< search, layers and structure tree (ui/atlas_panel.hpp)
  AtlasSettings* atlasSettings = nullptr;
};

/// What the user asked for this frame; applied by the viewer on the next frame.
struct UiIntents {
  std::optional<view::Preset> preset;
  bool frame = false;
  std::optional<std::string> openPath;
  std::optional<int> select;          ///< mesh index, -1 clears
  std::optional<std::pair<int, bool>> setVisible;
  bool showAll = false;
  bool dismissError = false;
  bool screenshot = false;
  AtlasIntents atlas;
};

/// The main side panel: model, view, display, the atlas tools and muscles in a region that scrolls, and under
/// it, always in view, "Save picture" and where the last picture went. `rects` gets "save picture" and
/// "panel" (the window).
void drawMainPanel(const PanelInput& input, DisplaySettings& display, UiIntents& intents,
                   ControlRects* rects = nullptr);

}  // namespace myo::ui
