// ui/help_overlay.hpp: the help overlay (F1 or ?): every key and mouse action, from the table the key handling
// uses (app/input_bindings), dimming the view behind it.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace myo::ui {

struct HelpTable {
  struct Section {
    std::string title;
    std::vector<std::pair<std::string, std::string>> rows;  ///< (keys, what they do)
  };
  std::vector<Section> sections;
};

/// Draws the overlay while `open`; its close button (or a click beside it) sets `open` false.
void drawHelpOverlay(const HelpTable& table, bool& open);

}  // namespace myo::ui
