// view_labels_test.cpp: which structures may be labelled, and label boxes inside the free area, clear of the
// panels and of each other.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "view/labels.hpp"

using namespace myo;

TEST_CASE("labels: only what is seen first, on the side facing the viewer") {
  using view::SightLine;
  // The structure is the first surface seen, 6 mm under the skin (a back muscle from behind).
  CHECK(view::labelVisible(SightLine{.structure = 1.006f, .seen = 1.006f, .seenIsStructure = true, .skin = 1.0f}));
  // Nothing seen but the structure: no other surface, no skin in the model.
  CHECK(view::labelVisible(SightLine{.structure = 2.0f}));
  // Another surface 2 cm in front hides it (the trapezius over the rhomboid).
  CHECK_FALSE(view::labelVisible(SightLine{.structure = 1.02f, .seen = 1.0f, .skin = 0.99f}));
  // Within the tolerance the other surface touches it: still seen.
  CHECK(view::labelVisible(SightLine{.structure = 1.003f, .seen = 1.0f, .skin = 0.99f}));
  // Seen through the faded neck from the front, but 11 cm under the skin: behind the body, not labelled.
  CHECK_FALSE(view::labelVisible(SightLine{.structure = 1.11f, .seen = 1.11f, .seenIsStructure = true, .skin = 1.0f}));
  // Not on the line at all.
  CHECK_FALSE(view::labelVisible(SightLine{.seen = 1.0f, .skin = 0.9f}));
}

TEST_CASE("labels: columns beside the model, in the free area, clear of the panels and of each other") {
  view::LabelLayout layout;
  layout.area = {{0, 0}, {1280, 720}};
  layout.obstacles = {{{0, 0}, {330, 720}}, {{1000, 0}, {1280, 400}}};  // a side panel, an exercise panel
  layout.modelCenterX = 700;
  layout.modelHalfWidth = 150;
  layout.gap = 10;
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> x(450, 950), y(100, 650), w(60, 220);
  for (int round = 0; round < 40; ++round) {
    std::vector<view::LabelRequest> requests;
    const int n = 1 + round % 9;
    for (int i = 0; i < n; ++i) requests.push_back({{x(rng), y(rng)}, {w(rng), 20}});
    const auto placed = view::placeLabels(requests, layout);
    CHECK(placed.size() <= requests.size());
    // A handful of labels always fits in the free space.
    if (n <= 6) CHECK(placed.size() == requests.size());
    for (std::size_t i = 0; i < placed.size(); ++i) {
      const auto& b = placed[i].box;
      CHECK(b.min.x >= layout.area.min.x);
      CHECK(b.max.x <= layout.area.max.x);
      CHECK(b.min.y >= layout.area.min.y);
      CHECK(b.max.y <= layout.area.max.y);
      CHECK(b.width() == doctest::Approx(requests[size_t(placed[i].request)].size.x));
      for (const auto& o : layout.obstacles) CHECK_FALSE(b.overlaps(o));
      for (const auto& o : layout.obstacles) CHECK_FALSE(view::crosses(placed[i].anchor, placed[i].leaderStart, o));
      for (std::size_t j = i + 1; j < placed.size(); ++j) {
        CHECK_FALSE(b.overlaps(placed[j].box));
        CHECK_FALSE(view::crosses(placed[i].anchor, placed[i].leaderStart, placed[j].box));
        CHECK_FALSE(view::crosses(placed[j].anchor, placed[j].leaderStart, b));
      }
      // The leader starts on the box's edge that faces the anchor.
      const glm::vec2 s = placed[i].leaderStart;
      CHECK((s.x == b.min.x || s.x == b.max.x));
      CHECK(s.y == doctest::Approx(b.center().y));
    }
  }
}

TEST_CASE("labels: each on its anchor's side and height when there is room") {
  view::LabelLayout layout;
  layout.area = {{0, 0}, {1000, 600}};
  layout.modelCenterX = 500;
  layout.modelHalfWidth = 100;
  layout.gap = 10;
  const std::vector<view::LabelRequest> requests{{{450, 300}, {80, 20}}, {{560, 200}, {90, 20}}};
  const auto placed = view::placeLabels(requests, layout);
  REQUIRE(placed.size() == 2);
  for (const auto& p : placed) {
    const auto& r = requests[size_t(p.request)];
    CHECK(p.box.center().y == doctest::Approx(r.anchor.y));
    if (r.anchor.x < 500) CHECK(p.box.max.x == doctest::Approx(390.0f));  // left column
    else CHECK(p.box.min.x == doctest::Approx(610.0f));                   // right column
  }
  // Two anchors at one height: the second label moves off the first.
  const std::vector<view::LabelRequest> same{{{560, 300}, {90, 20}}, {{570, 300}, {90, 20}}};
  const auto two = view::placeLabels(same, layout);
  REQUIRE(two.size() == 2);
  CHECK_FALSE(two[0].box.overlaps(two[1].box));
  // A box wider than the area cannot be placed.
  const std::vector<view::LabelRequest> wide{{{500, 300}, {1200, 20}}};
  CHECK(view::placeLabels(wide, layout).empty());
}

TEST_CASE("labels: a footprint is one strip per band of the points, as wide as the points in it") {
  const std::vector<glm::vec2> points{{100, 5}, {140, 8}, {120, 25}, {300, 28}, {50, 75}, {2000, 10}};
  const view::PixelRect clip{{0, 0}, {1000, 100}};
  const auto bands = view::footprint(points, clip, 20.0f, 2.0f);
  REQUIRE(bands.size() == 3);  // 0-20, 20-40, 60-80; the point outside the clip is left out
  CHECK(bands[0].min.x == doctest::Approx(98.0f));
  CHECK(bands[0].max.x == doctest::Approx(142.0f));
  CHECK(bands[0].min.y == doctest::Approx(-2.0f));
  CHECK(bands[0].max.y == doctest::Approx(22.0f));
  CHECK(bands[1].min.x == doctest::Approx(118.0f));
  CHECK(bands[1].max.x == doctest::Approx(302.0f));
  CHECK(bands[2].min.y == doctest::Approx(58.0f));
  for (const glm::vec2& p : points)
    if (clip.contains(p))
      CHECK(std::any_of(bands.begin(), bands.end(), [&](const view::PixelRect& b) { return b.contains(p); }));
  CHECK(view::footprint({}, clip, 20.0f).empty());
}

TEST_CASE("labels: kept off the model's footprint, a label moves beside it, never on it, and no leader crosses the card") {
  view::LabelLayout layout;
  layout.area = {{0, 0}, {1000, 600}};
  layout.modelCenterX = 500;
  layout.modelHalfWidth = 100;
  layout.gap = 10;
  // A card blocks the right column at the anchor's height; the model is wider below than the column guess.
  const view::PixelRect card{{600, 150}, {900, 450}};
  std::vector<glm::vec2> body;
  for (int y = 0; y < 600; y += 4) body.push_back({380.0f, float(y)}), body.push_back({y > 300 ? 720.0f : 620.0f, float(y)});
  const auto shape = view::footprint(body, layout.area, 30.0f, 2.0f);
  layout.obstacles = {card};
  layout.keepOff = shape;
  const std::vector<view::LabelRequest> requests{{{560, 300}, {90, 20}}, {{450, 500}, {90, 20}}, {{560, 100}, {90, 20}}};
  const auto placed = view::placeLabels(requests, layout);
  CHECK(placed.size() == 3);
  for (const auto& p : placed) {
    CHECK_FALSE(p.box.overlaps(card));
    CHECK_FALSE(view::crosses(p.anchor, p.leaderStart, card));  // no leader through the card
    for (const auto& s : shape) CHECK_FALSE(p.box.overlaps(s));
  }
}

TEST_CASE("labels: a segment crosses a rectangle only through its inside") {
  const view::PixelRect r{{10, 10}, {20, 20}};
  CHECK(view::crosses({0, 15}, {30, 15}, r));
  CHECK(view::crosses({15, 15}, {40, 40}, r));  // starts inside
  CHECK(view::crosses({0, 0}, {30, 30}, r));    // the diagonal
  CHECK_FALSE(view::crosses({0, 15}, {9, 15}, r));
  CHECK_FALSE(view::crosses({0, 25}, {30, 25}, r));
  CHECK_FALSE(view::crosses({0, 12}, {12, 0}, r));  // passes the corner outside
  CHECK_FALSE(view::crosses({0, 10}, {30, 10}, r));  // along an edge
}
