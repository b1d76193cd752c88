// app/input_bindings.cpp: the table itself.
#include "app/input_bindings.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <array>

namespace myo::app {
namespace {

constexpr std::array kKeys{
    KeyBinding{GLFW_KEY_F1, 0, 0, Action::ToggleHelp, "F1", "show or hide this help"},
    KeyBinding{0, '?', 0, Action::ToggleHelp, "?", "show or hide this help"},
    KeyBinding{GLFW_KEY_ESCAPE, 0, 0, Action::CloseOrClear, "Esc", "close this help; else clear the selection"},
    KeyBinding{GLFW_KEY_F, 0, 0, Action::FrameModel, "F",
               "frame the whole model (during an exercise: the posed body and its tools)"},
    KeyBinding{GLFW_KEY_1, 0, 0, Action::ViewBack, "1", "view from the back"},
    KeyBinding{GLFW_KEY_2, 0, 0, Action::ViewFront, "2", "view from the front"},
    KeyBinding{GLFW_KEY_3, 0, 0, Action::ViewLeft, "3", "view from the left"},
    KeyBinding{GLFW_KEY_4, 0, 0, Action::ViewRight, "4", "view from the right"},
    KeyBinding{GLFW_KEY_5, 0, 0, Action::ViewTop, "5", "view from the top"},
    KeyBinding{GLFW_KEY_6, 0, 0, Action::ViewTarget, "6", "view the target muscles (where the tool meets the back)"},
    KeyBinding{GLFW_KEY_7, 0, 0, Action::ViewOblique, "7", "view from between the back and the left"},
    KeyBinding{GLFW_KEY_H, 0, 0, Action::CycleSkin, "H", "skin opaque, faded, hidden"},
    KeyBinding{GLFW_KEY_SPACE, 0, 0, Action::StartPause, "Space", "start, pause or resume the exercise timer"},
    KeyBinding{GLFW_KEY_C, 0, 0, Action::ToggleCoach, "C", "the coach view on and off: the timer large, the current step"},
    KeyBinding{GLFW_KEY_Q, 0, GLFW_MOD_CONTROL, Action::Quit, "Ctrl+Q", "quit"},
};

constexpr std::array kMouse{
    MouseBinding{"left drag", "turn the model"},
    MouseBinding{"right drag, or Shift + left drag", "move the view"},
    MouseBinding{"wheel", "zoom toward the cursor"},
    MouseBinding{"click",
                 "select a structure (its card gives its facts); during the rhomboid exercise, move the "
                 "trigger point"},
    MouseBinding{"double-click", "turn about the point under the cursor"},
    MouseBinding{"drop a file on the window", "open that .glb or .gltf model"},
};

constexpr int kShortcutMods = GLFW_MOD_CONTROL | GLFW_MOD_ALT | GLFW_MOD_SUPER;

}  // namespace

std::span<const KeyBinding> keyBindings() {
  return kKeys;
}
std::span<const MouseBinding> mouseBindings() {
  return kMouse;
}

std::optional<Action> actionForKey(int key, int mods) {
  if (key == 0) return std::nullopt;
  for (const KeyBinding& b : kKeys) {
    if (b.key != key) continue;
    const bool held = b.mods == 0 ? (mods & kShortcutMods) == 0 : (mods & b.mods) == b.mods;
    if (held) return b.action;
  }
  return std::nullopt;
}

std::optional<Action> actionForChar(unsigned codepoint) {
  if (codepoint == 0) return std::nullopt;
  for (const KeyBinding& b : kKeys)
    if (b.codepoint == codepoint) return b.action;
  return std::nullopt;
}

std::vector<HelpSection> helpSections() {
  HelpSection keys{"Keys", {}};
  std::vector<Action> rowAction;
  for (const KeyBinding& b : kKeys) {
    const auto it = std::find(rowAction.begin(), rowAction.end(), b.action);
    if (it != rowAction.end()) {
      keys.rows[std::size_t(it - rowAction.begin())].keys += " or " + std::string(b.keys);
      continue;
    }
    rowAction.push_back(b.action);
    keys.rows.push_back({std::string(b.keys), std::string(b.does)});
  }
  HelpSection mouse{"Mouse", {}};
  for (const MouseBinding& m : kMouse) mouse.rows.push_back({std::string(m.input), std::string(m.does)});
  return {keys, mouse};
}

}  // namespace myo::app
