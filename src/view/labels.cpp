// view/labels.cpp: label visibility and placement (no GL, no ImGui).
#include "view/labels.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace myo::view {

bool labelVisible(const SightLine& line, float tolerance, float maxUnderSkin) {
  if (!line.structure) return false;
  const bool first = !line.seen || line.seenIsStructure || *line.seen >= *line.structure - tolerance;
  if (!first) return false;
  return !line.skin || *line.structure - *line.skin <= maxUnderSkin;
}

namespace {

PixelRect inflate(const PixelRect& r, float by) { return {r.min - glm::vec2(by), r.max + glm::vec2(by)}; }

bool inside(const PixelRect& box, const PixelRect& area) {
  return box.min.x >= area.min.x && box.min.y >= area.min.y && box.max.x <= area.max.x && box.max.y <= area.max.y;
}

}  // namespace

std::vector<PlacedLabel> placeLabels(std::span<const LabelRequest> requests, const LabelLayout& layout) {
  std::vector<int> order(requests.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](int a, int b) { return requests[size_t(a)].anchor.y < requests[size_t(b)].anchor.y; });
  std::vector<PlacedLabel> placed;
  const float gap = std::max(layout.gap, 0.0f);
  for (const int r : order) {
    const LabelRequest& req = requests[size_t(r)];
    const glm::vec2 size = glm::max(req.size, glm::vec2(1.0f));
    if (size.x > layout.area.width() || size.y > layout.area.height()) continue;
    const bool rightFirst = req.anchor.x >= layout.modelCenterX;
    float bestCost = INFINITY;
    PixelRect best;
    for (int k = 0; k < 2; ++k) {
      const bool right = (k == 0) == rightFirst;
      // Where the column would be, then beside each obstacle, kept in the area.
      const float preferred = right ? layout.modelCenterX + layout.modelHalfWidth + gap
                                    : layout.modelCenterX - layout.modelHalfWidth - gap - size.x;
      std::vector<float> xs{preferred};
      for (const PixelRect& o : layout.obstacles) {
        xs.push_back(o.max.x + gap);
        xs.push_back(o.min.x - gap - size.x);
      }
      for (float& x : xs) x = std::clamp(x, layout.area.min.x, layout.area.max.x - size.x);
      for (const float x : xs) {
        const float step = std::max(size.y * 0.25f, 1.0f);
        const int steps = int(layout.area.height() / step) + 1;
        for (int i = 0; i <= 2 * steps; ++i) {
          const float dy = (i % 2 == 0 ? 1.0f : -1.0f) * float((i + 1) / 2) * step;
          const float cost = std::abs(dy) + 0.5f * std::abs(x - preferred) + (k == 0 ? 0.0f : 400.0f);
          if (std::abs(dy) >= bestCost) break;  // farther rows only cost more
          if (cost >= bestCost) continue;
          const glm::vec2 min(x, req.anchor.y - size.y * 0.5f + dy);
          const PixelRect box{min, min + size};
          if (!inside(box, layout.area)) continue;
          const PixelRect spaced = inflate(box, gap * 0.5f);
          if (std::any_of(layout.obstacles.begin(), layout.obstacles.end(),
                          [&](const PixelRect& o) { return box.overlaps(o); }))
            continue;
          if (std::any_of(placed.begin(), placed.end(),
                          [&](const PlacedLabel& p) { return spaced.overlaps(inflate(p.box, gap * 0.5f)); }))
            continue;
          bestCost = cost;
          best = box;
        }
      }
    }
    if (!std::isfinite(bestCost)) continue;
    const float edge = req.anchor.x <= best.center().x ? best.min.x : best.max.x;
    placed.push_back({r, best, glm::vec2(edge, best.center().y)});
  }
  return placed;
}

}  // namespace myo::view
