// ui/layout.hpp: where the panels' controls were drawn, as plain rectangles (no Dear ImGui types), so the
// layout can be checked and compared from one frame or phase to the next.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

namespace myo::ui {

/// A rectangle of the window in ImGui units (points), top-left origin, y down.
struct UiRect {
  glm::vec2 min{0.0f};
  glm::vec2 max{0.0f};
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
  /// Whether r lies inside this rectangle (within `slack` points).
  bool contains(const UiRect& r, float slack = 0.5f) const {
    return r.min.x >= min.x - slack && r.min.y >= min.y - slack && r.max.x <= max.x + slack &&
           r.max.y <= max.y + slack;
  }
  bool operator==(const UiRect&) const = default;
};

/// Named rectangles of the controls of one frame ("play", "speed", "steps box" ...), in drawing order.
struct ControlRects {
  std::vector<std::pair<std::string, UiRect>> items;

  void clear() { items.clear(); }
  void add(std::string name, UiRect rect) { items.emplace_back(std::move(name), rect); }
  /// The rectangle recorded under `name`, or nullptr.
  const UiRect* find(std::string_view name) const {
    for (const auto& [n, r] : items)
      if (n == name) return &r;
    return nullptr;
  }
};

}  // namespace myo::ui
