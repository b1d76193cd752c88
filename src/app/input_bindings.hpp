// app/input_bindings.hpp: the one table of the viewer's keys and mouse actions. The window's key handling looks
// keys up here and the help overlay lists this table, so what the help says and what the keys do cannot drift.
// No OpenGL; key and modifier values are GLFW's.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace myo::app {

enum class Action : std::uint8_t {
  ToggleHelp,
  CloseOrClear,
  FrameModel,
  ViewBack,
  ViewFront,
  ViewLeft,
  ViewRight,
  ViewTop,
  ViewTarget,
  ViewOblique,
  CycleSkin,
  StartPause,
  ToggleCoach,
  Quit,
};
inline constexpr int kActionCount = int(Action::Quit) + 1;

struct KeyBinding {
  int key = 0;             ///< GLFW key code; 0 for a binding to a typed character
  unsigned codepoint = 0;  ///< a typed character ('?' wherever the keyboard layout puts it); 0 for a key
  int mods = 0;            ///< GLFW modifier bits that must be held (GLFW_MOD_CONTROL ...)
  Action action = Action::ToggleHelp;
  std::string_view keys;  ///< as the help shows it: "F1", "?", "Ctrl+Q"
  std::string_view does;
};

struct MouseBinding {
  std::string_view input;  ///< "left drag"
  std::string_view does;
};

/// Every key binding, in the order the help lists them.
std::span<const KeyBinding> keyBindings();
/// The mouse actions (handled by the window's mouse callbacks), in the order the help lists them.
std::span<const MouseBinding> mouseBindings();

/// The action of a key press with these modifiers. A binding without modifiers answers only while no Ctrl, Alt
/// or Super is held (Shift is allowed), so other programs' shortcuts pass by.
std::optional<Action> actionForKey(int key, int mods);
/// The action of a typed character (the character callback's codepoint).
std::optional<Action> actionForChar(unsigned codepoint);

/// What the help overlay lists: a section of keys (one row per action, its keys joined: "F1 or ?") and one of
/// mouse actions, both made from the tables above.
struct HelpRow {
  std::string keys;
  std::string does;
};
struct HelpSection {
  std::string title;
  std::vector<HelpRow> rows;
};
std::vector<HelpSection> helpSections();

}  // namespace myo::app
