// The coach view's layout (ui/coach_layout.hpp): text sizes follow the window's size, the panels leave the
// 3D view most of the window, and nothing overlaps.
#include <doctest/doctest.h>

#include <vector>

#include "ui/coach_layout.hpp"
#include "view/framing.hpp"

using namespace myo;

namespace {

view::PixelRect pixels(const ui::UiRect& r) { return {r.min, r.max}; }

bool overlap(const ui::UiRect& a, const ui::UiRect& b) { return pixels(a).overlaps(pixels(b)); }

}  // namespace

TEST_CASE("the coach view's countdown is a quarter of the window's height, at 720p and at 4K alike") {
  const ui::CoachLayout hd = ui::coachLayout({1280.0f, 720.0f});
  const ui::CoachLayout uhd = ui::coachLayout({3840.0f, 2160.0f});
  CHECK(hd.unit == doctest::Approx(720.0f));
  CHECK(hd.countdownPx == doctest::Approx(720.0f * ui::kCoachCountdownShare).epsilon(0.04));
  CHECK(uhd.countdownPx == doctest::Approx(2160.0f * ui::kCoachCountdownShare).epsilon(0.04));
  // The same share of the picture at both sizes (the sizes are rounded in steps of about 3 %).
  CHECK(uhd.countdownPx / hd.countdownPx == doctest::Approx(3.0f).epsilon(0.04));
  CHECK(uhd.headingPx / hd.headingPx == doctest::Approx(3.0f).epsilon(0.04));
  CHECK(uhd.stepPx / hd.stepPx == doctest::Approx(3.0f).epsilon(0.06));
  // Countdown, then phase and set, then the step: each clearly smaller than the one before.
  for (const auto& l : {hd, uhd}) {
    CHECK(l.countdownPx > 2.5f * l.headingPx);
    CHECK(l.headingPx > 1.3f * l.stepPx);
    CHECK(l.stepPx >= 30.0f);  // a 720p window's step line still reads from a few metres
  }
}

TEST_CASE("font sizes are whole framebuffer pixels and change in steps as the window is resized") {
  const ui::CoachLayout hidpi = ui::coachLayout({1280.0f, 720.0f}, 2.0f);
  for (float px : {hidpi.countdownPx, hidpi.headingPx, hidpi.stepPx})
    CHECK(px * 2.0f == doctest::Approx(float(int(px * 2.0f + 0.5f))));
  // Dragging a window's edge by a few pixels keeps the fonts (and their atlas) as they are.
  int changes = 0;
  ui::CoachLayout last = ui::coachLayout({1280.0f, 720.0f});
  for (int h = 721; h <= 760; ++h) {
    const ui::CoachLayout l = ui::coachLayout({1280.0f * float(h) / 720.0f, float(h)});
    if (l.countdownPx != last.countdownPx) ++changes;
    last = l;
  }
  CHECK(changes > 0);
  CHECK(changes <= 8);
}

TEST_CASE("a narrow window sizes the coach text by its width") {
  const ui::CoachLayout tall = ui::coachLayout({800.0f, 1000.0f});
  CHECK(tall.unit == doctest::Approx(800.0f * 9.0f / 16.0f));
  CHECK(tall.panel.width() <= 800.0f * 0.6f + 0.5f);
}

TEST_CASE("the coach panel and the step strip leave the 3D view most of the window, and do not overlap") {
  for (const glm::vec2 size :
       {glm::vec2(1280, 720), glm::vec2(3840, 2160), glm::vec2(1920, 1200), glm::vec2(800, 1000)}) {
    const ui::CoachLayout l = ui::coachLayout(size);
    INFO("window " << size.x << "x" << size.y);
    const ui::UiRect window{{0.0f, 0.0f}, size};
    CHECK(window.contains(l.panel));
    CHECK(window.contains(l.strip));
    CHECK_FALSE(overlap(l.panel, l.strip));
    // The strip holds two lines of the step font; the panel the countdown's four glyphs ("0:30").
    CHECK(l.strip.height() >= 2.0f * 1.2f * l.stepPx);
    CHECK(l.panel.width() >= 2.2f * l.countdownPx);
    const std::vector<view::PixelRect> panels{pixels(l.panel), pixels(l.strip)};
    const view::PixelRect free = view::freeArea(size, panels);
    CHECK(free.width() >= 0.4f * size.x);
    CHECK(free.height() >= 0.7f * size.y);
  }
}
