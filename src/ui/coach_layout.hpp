// ui/coach_layout.hpp: where the coach view's panels sit and how large its text is, from the window's size;
// pure arithmetic, no Dear ImGui, so the fonts (built by the ImGui host) and the panels agree on the sizes.
#pragma once

#include <glm/glm.hpp>

#include "ui/layout.hpp"

namespace myo::ui {

/// The coach view of a `display` window: the timer panel at the right, the current step in a strip along the
/// bottom, the 3D view in what is left (top left). Text heights are shares of the window's height (of the
/// height a 16:9 picture of the window's width would have, when the window is narrower than that), so the
/// countdown is about a quarter of the picture's height whatever its resolution: on a 27-inch screen at
/// 2-3 m the countdown's digits are about 6 cm tall and the phase, set and step lines 1.5-2.5 cm, well
/// above the 1 cm at which text reads from 3 m.
struct CoachLayout {
  float unit = 0.0f;          ///< min(height, width * 9 / 16), points
  float countdownPx = 0.0f;   ///< font size of the countdown (digits and colon)
  float headingPx = 0.0f;     ///< phase, set and side
  float stepPx = 0.0f;        ///< the current step and the buttons
  UiRect panel;               ///< the timer panel
  UiRect strip;               ///< the current step
};

/// Share of `unit` for each font, and of the window for the regions.
inline constexpr float kCoachCountdownShare = 0.24f;
inline constexpr float kCoachHeadingShare = 0.072f;
inline constexpr float kCoachStepShare = 0.046f;
inline constexpr float kCoachPanelWidthShare = 0.72f;  ///< of unit

/// The layout for a window of `display` points. Font sizes are whole pixels of `pixelsPerPoint`, in steps of
/// about 3 %, so a window being resized rebuilds its fonts only now and then.
CoachLayout coachLayout(glm::vec2 display, float pixelsPerPoint = 1.0f);

}  // namespace myo::ui
