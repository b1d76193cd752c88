// ui/coach_layout.cpp: the coach view's regions and text sizes.
#include "ui/coach_layout.hpp"

#include <algorithm>
#include <cmath>

namespace myo::ui {

CoachLayout coachLayout(glm::vec2 display, float pixelsPerPoint) {
  CoachLayout l;
  const float w = std::max(display.x, 1.0f), h = std::max(display.y, 1.0f);
  const float ppp = std::max(pixelsPerPoint, 1e-3f);
  l.unit = std::min(h, w * 9.0f / 16.0f);
  // Whole pixels, in steps of about 3 % (a window being resized rebuilds its fonts only now and then).
  auto font = [&](float share) {
    const float px = l.unit * share * ppp;
    const float step = std::max(1.0f, std::round(px / 32.0f));
    return std::max(8.0f, std::round(px / step) * step) / ppp;
  };
  l.countdownPx = font(kCoachCountdownShare);
  l.headingPx = font(kCoachHeadingShare);
  l.stepPx = font(kCoachStepShare);
  const float margin = std::round(l.unit * 0.012f);
  // The strip holds two lines of the step's text with some padding.
  const float stripHeight = std::round(l.stepPx * 2.9f + margin);
  l.strip = {{margin, h - margin - stripHeight}, {w - margin, h - margin}};
  const float panelWidth = std::min(std::round(l.unit * kCoachPanelWidthShare), w * 0.6f);
  l.panel = {{w - margin - panelWidth, margin}, {w - margin, l.strip.min.y - margin}};
  return l;
}

}  // namespace myo::ui
