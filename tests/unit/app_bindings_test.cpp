// The key table: every bound key is listed in the help, each key does one thing, and the lookups the window's key
// handling uses answer with the table's action.
#include <doctest/doctest.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <set>
#include <string>
#include <utility>

#include "app/input_bindings.hpp"

using namespace myo::app;

namespace {

/// The help's row of an action's keys, found by the binding's own description.
const HelpRow* rowFor(const std::vector<HelpSection>& help, const KeyBinding& b) {
  for (const HelpRow& row : help.front().rows)
    if (row.does == b.does) return &row;
  return nullptr;
}

}  // namespace

TEST_CASE("every bound key is listed in the help, by the label the help shows") {
  const std::vector<HelpSection> help = helpSections();
  REQUIRE(help.size() == 2);
  CHECK(help[0].title == "Keys");
  CHECK(help[1].title == "Mouse");
  for (const KeyBinding& b : keyBindings()) {
    CAPTURE(b.keys);
    const HelpRow* row = rowFor(help, b);
    REQUIRE(row != nullptr);
    // The label stands in the row's keys as a whole word ("1" not found inside "F1").
    const std::string keys = " " + row->keys + " ";
    CHECK(keys.find(" " + std::string(b.keys) + " ") != std::string::npos);
  }
  // And the help lists nothing that is not bound.
  std::size_t labels = 0;
  for (const HelpRow& row : help[0].rows) {
    std::string rest = row.keys;
    for (std::size_t at; (at = rest.find(" or ")) != std::string::npos; rest = rest.substr(at + 4)) ++labels;
    ++labels;
  }
  CHECK(labels == keyBindings().size());
  CHECK(help[1].rows.size() == mouseBindings().size());
}

TEST_CASE("every action has a key, and no key or character is bound twice") {
  std::set<int> actions;
  std::set<std::pair<int, int>> keys;
  std::set<unsigned> chars;
  for (const KeyBinding& b : keyBindings()) {
    CAPTURE(b.keys);
    actions.insert(int(b.action));
    CHECK((b.key != 0) != (b.codepoint != 0));  // a key or a character, not both
    CHECK_FALSE(b.keys.empty());
    CHECK_FALSE(b.does.empty());
    if (b.key != 0) CHECK(keys.insert({b.key, b.mods}).second);
    if (b.codepoint != 0) CHECK(chars.insert(b.codepoint).second);
  }
  CHECK(int(actions.size()) == kActionCount);
}

TEST_CASE("the key handling's lookups give each binding's action") {
  for (const KeyBinding& b : keyBindings()) {
    CAPTURE(b.keys);
    if (b.key != 0) {
      CHECK(actionForKey(b.key, b.mods) == b.action);
      CHECK(actionForKey(b.key, b.mods | GLFW_MOD_SHIFT) == b.action);
    } else {
      CHECK(actionForChar(b.codepoint) == b.action);
    }
  }
  // Shortcuts of other programs pass by: Ctrl+F is not F, and Q alone is not Ctrl+Q.
  CHECK_FALSE(actionForKey(GLFW_KEY_F, GLFW_MOD_CONTROL).has_value());
  CHECK_FALSE(actionForKey(GLFW_KEY_1, GLFW_MOD_ALT).has_value());
  CHECK_FALSE(actionForKey(GLFW_KEY_Q, 0).has_value());
  CHECK(actionForKey(GLFW_KEY_Q, GLFW_MOD_CONTROL) == Action::Quit);
  CHECK_FALSE(actionForKey(GLFW_KEY_Z, 0).has_value());
  CHECK_FALSE(actionForKey(0, 0).has_value());
  CHECK_FALSE(actionForChar('h').has_value());  // letters are keys, typed characters only for '?'
  CHECK(actionForChar('?') == Action::ToggleHelp);
  CHECK(actionForKey(GLFW_KEY_F1, 0) == Action::ToggleHelp);
}
