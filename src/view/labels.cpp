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

/// The leader starts on the box's side that faces the anchor, at the box's middle height.
glm::vec2 leaderStartOf(glm::vec2 anchor, const PixelRect& box) {
  return {anchor.x <= box.center().x ? box.min.x : box.max.x, box.center().y};
}

bool inside(const PixelRect& box, const PixelRect& area) {
  return box.min.x >= area.min.x && box.min.y >= area.min.y && box.max.x <= area.max.x && box.max.y <= area.max.y;
}

}  // namespace

bool crosses(glm::vec2 a, glm::vec2 b, const PixelRect& r) {
  // Liang-Barsky: clip the segment's parameter range to the rectangle's slabs.
  float t0 = 0.0f, t1 = 1.0f;
  const glm::vec2 d = b - a;
  for (int axis = 0; axis < 2; ++axis) {
    if (std::abs(d[axis]) < 1e-6f) {
      if (a[axis] <= r.min[axis] || a[axis] >= r.max[axis]) return false;
      continue;
    }
    float lo = (r.min[axis] - a[axis]) / d[axis], hi = (r.max[axis] - a[axis]) / d[axis];
    if (lo > hi) std::swap(lo, hi);
    t0 = std::max(t0, lo);
    t1 = std::min(t1, hi);
    if (t0 >= t1) return false;
  }
  return true;
}

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
      for (const auto* list : {&layout.obstacles, &layout.keepOff})
        for (const PixelRect& o : *list) {
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
          auto onIt = [&](const PixelRect& o) { return box.overlaps(o); };
          if (std::any_of(layout.obstacles.begin(), layout.obstacles.end(), onIt) ||
              std::any_of(layout.keepOff.begin(), layout.keepOff.end(), onIt))
            continue;
          if (std::any_of(placed.begin(), placed.end(),
                          [&](const PlacedLabel& p) { return spaced.overlaps(inflate(p.box, gap * 0.5f)); }))
            continue;
          const glm::vec2 start = leaderStartOf(req.anchor, box);
          if (std::any_of(layout.obstacles.begin(), layout.obstacles.end(),
                          [&](const PixelRect& o) { return crosses(req.anchor, start, o); }))
            continue;
          if (std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& p) {
                return crosses(req.anchor, start, p.box) || crosses(p.anchor, p.leaderStart, box);
              }))
            continue;
          bestCost = cost;
          best = box;
        }
      }
    }
    if (!std::isfinite(bestCost)) continue;
    placed.push_back({r, best, leaderStartOf(req.anchor, best), req.anchor});
  }
  return placed;
}

std::vector<PixelRect> footprint(std::span<const glm::vec2> points, const PixelRect& clip, float bandHeight,
                                 float margin) {
  const float h = std::max(bandHeight, 1.0f);
  const int bands = std::max(1, int(std::ceil(clip.height() / h)));
  std::vector<glm::vec2> xs(size_t(bands), glm::vec2(INFINITY, -INFINITY));  // (min x, max x) per strip
  for (const glm::vec2& p : points) {
    if (!clip.contains(p)) continue;
    const int band = std::clamp(int((p.y - clip.min.y) / h), 0, bands - 1);
    xs[size_t(band)] = {std::min(xs[size_t(band)].x, p.x), std::max(xs[size_t(band)].y, p.x)};
  }
  std::vector<PixelRect> out;
  for (int b = 0; b < bands; ++b) {
    const glm::vec2 x = xs[size_t(b)];
    if (!(x.x <= x.y)) continue;
    const float y0 = clip.min.y + float(b) * h;
    out.push_back({glm::vec2(x.x, y0) - glm::vec2(margin), glm::vec2(x.y, std::min(y0 + h, clip.max.y)) + glm::vec2(margin)});
  }
  return out;
}

}  // namespace myo::view
