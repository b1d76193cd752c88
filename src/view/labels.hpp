// view/labels.hpp: which structures may be labelled from where the eye is, and where the labels go on the
// picture: beside the model, inside the part of the picture the panels leave free, never over each other.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include <glm/glm.hpp>

#include "view/framing.hpp"

namespace myo::view {

/// What the line of sight from the eye toward a structure meets, as distances from the eye (metres).
struct SightLine {
  std::optional<float> structure;  ///< the structure's first surface, if the line meets it
  std::optional<float> seen;       ///< the first surface drawn opaque enough to be seen (any structure)
  bool seenIsStructure = false;    ///< that surface belongs to the structure
  std::optional<float> skin;       ///< where the line enters the skin (drawn or not), if the model has one
};

/// A structure may be labelled when its surface is the first thing seen along the line (within `tolerance`)
/// and, where the body has a skin, lies no deeper than `maxUnderSkin` under it: a back muscle seen from the
/// front through the faded neck is behind the whole body, not on the side facing the viewer.
bool labelVisible(const SightLine& line, float tolerance = 0.004f, float maxUnderSkin = 0.04f);

struct LabelRequest {
  glm::vec2 anchor{0.0f};  ///< the point the leader ends on, pixels (top-left origin)
  glm::vec2 size{0.0f};    ///< the text box, pixels
};

struct PlacedLabel {
  int request = -1;  ///< index into the requests
  PixelRect box;     ///< where the text box goes
  glm::vec2 leaderStart{0.0f};  ///< on the box's edge facing the anchor
  glm::vec2 anchor{0.0f};       ///< the request's anchor, where the leader ends
};

struct LabelLayout {
  /// Where the labels may go (the free picture area) and what they must stay clear of (panels, a card).
  PixelRect area;
  std::vector<PixelRect> obstacles;  ///< no box on them, and no leader across them (panels, the card)
  std::vector<PixelRect> keepOff;    ///< no box on them; leaders may cross (the model, whose leaders start on it)
  float modelCenterX = 0.0f;  ///< labels of anchors left of it go left of the model, the others right
  float modelHalfWidth = 0.0f;  ///< the columns start this far from modelCenterX (plus `gap`)
  float gap = 12.0f;            ///< between the model's side and a column, and between labels
};

/// Places one box per request, in two columns beside the model, each as near its anchor's height as the
/// others allow; a column that leaves the area or meets an obstacle moves inward or to the other side. Boxes
/// lie inside `area`, clear of every obstacle, of `keepOff` and of each other (by `gap` / 2), and no leader
/// (anchor to leaderStart) crosses an obstacle or another label's box; a request that cannot be placed so is
/// left out.
std::vector<PlacedLabel> placeLabels(std::span<const LabelRequest> requests, const LabelLayout& layout);

/// Where a set of projected points lies on the picture, as horizontal strips `bandHeight` high, each as wide
/// as the points in it (grown by `margin` on every side); strips without a point are left out. Labels and the
/// card take these as obstacles to stay off the model (or off the selected structure) rather than off its
/// whole bounding box. Points outside `clip` are ignored.
/// Whether the segment from a to b passes through the rectangle's inside.
bool crosses(glm::vec2 a, glm::vec2 b, const PixelRect& r);

std::vector<PixelRect> footprint(std::span<const glm::vec2> points, const PixelRect& clip, float bandHeight,
                                 float margin = 0.0f);

}  // namespace myo::view
