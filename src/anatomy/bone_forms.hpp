// anatomy/bone_forms.hpp: the bony landmarks the bone forms are drawn through (fossae, necks, tubercles,
// skull, pelvis, vertebral processes) and the few points the drawing moves on published dimensions.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

namespace myo::anatomy {

/// One bony landmark of the left side or the midline (metres, reference frame, arms hanging).
struct BoneLandmark {
  std::string_view id;
  glm::vec3 pos;
  std::string_view source;  ///< source keys of the figure (see docs/model.md)
};

/// The bone-form landmarks (left side and midline).
std::span<const BoneLandmark> boneLandmarkTable();

/// Bony position of a bone-form landmark, or of any landmark of `landmark()` when the id is not in the
/// bone-form table. `_R` ids are mirrored from their `_L` twin. Throws core::Error when the id is unknown.
glm::vec3 boneLandmark(std::string_view id);

/// The same in the model's rest pose: arm landmarks (humerus and below) carry the rest abduction.
glm::vec3 restBoneLandmark(std::string_view id);

/// Where the drawn bone puts a point that the drawing moves from the figure (weak points of the reference:
/// coracoid tip, the clavicle's lateral curve, the acromial facet, the upper cervical column). Left side.
/// Other ids give restBoneLandmark(id).
glm::vec3 drawnBonePoint(std::string_view id);

/// The hand's frame as the skin and the hand bones draw it (rest pose, left): x toward the palm, y from the
/// wrist centre toward the fingertips, z toward the thumb.
struct HandFrame {
  glm::vec3 origin, x, y, z;
  glm::vec3 world(glm::vec3 local) const { return origin + x * local.x + y * local.y + z * local.z; }
};
HandFrame leftHandFrame();

/// One digit of the left hand in hand-frame metres: the metacarpal base, then the knuckle (MCP), the next
/// joints and the tip (the thumb has one joint less: its last two points are the IP joint and the tip).
struct Digit {
  glm::vec3 base;
  std::vector<glm::vec3> joints;  ///< knuckle ... tip
  float width;                    ///< finger width at the knuckle (metres)
};

/// Thumb, index, middle, ring and little finger (HAND_2024, TASKINALP: knuckle positions, lengths, widths,
/// relaxed spread and curl).
std::vector<Digit> handDigits();

}  // namespace myo::anatomy
