// anatomy/body_field.hpp: the implicit body of the reference subject: a smooth signed distance (metres,
// negative inside) whose zero level set is the skin, built from the landmark figures.
#pragma once

#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/bone_forms.hpp"

namespace myo::anatomy {

/// Rest-pose arm abduction (degrees) so the arm and torso skin stay apart.
inline constexpr float kArmAbductionDeg = 12.0f;

/// Applies the rest-pose arm abduction to a left-arm point (rotation about the left shoulder centre).
glm::vec3 abductLeftArm(glm::vec3 p);

/// A landmark in the model's rest pose: arm landmarks (humerus and below) carry the rest abduction;
/// `MID:A:B` names the midpoint of two landmarks. Metres.
glm::vec3 restLandmark(std::string_view id);

/// Distances of a point to the body's pieces, each measured on the side of the point (metres).
struct BodyParts {
  float trunk = 1.0f;  ///< torso, pelvis, shoulders (with the deltoid cap)
  float neck = 1.0f;
  float head = 1.0f;
  float arm = 1.0f;    ///< upper arm, forearm and hand of the point's side
  float leg = 1.0f;    ///< thigh, shank and foot of the point's side
};

class BodyField {
public:
  BodyField();

  /// Signed distance to the skin (approximately Euclidean near the surface), metres; mirror-symmetric in x.
  float distance(glm::vec3 p) const;

  /// The same surface without the arms below the shoulder cap: the trunk muscles are laid on it so that no
  /// sheet can jump across the gap between arm and chest.
  float trunkDistance(glm::vec3 p) const;

  /// The chest wall alone: the trunk surface without the deltoid cap (metres). The latissimus is laid on it,
  /// so its fibres cannot jump onto the cap on their way to the armpit.
  float chestWallDistance(glm::vec3 p) const;

  /// The per-piece distances used to weight the rig.
  BodyParts parts(glm::vec3 p) const;

  /// The scapula plane triangle of the left side (superior angle, inferior angle, acromial angle).
  const glm::vec3* scapulaTriangle() const { return scapula_; }

private:
  struct Section {
    float y, halfWidth, zBack, zFront, exponent;
  };
  /// The section at `t` in [0, 1] between p1 and p2 of a Catmull-Rom run p0..p3, at height y.
  static Section catmullSection(const Section& p0, const Section& p1, const Section& p2, const Section& p3, float t,
                                float y);
  Section keySectionAt(float y) const;  ///< spline through the key sections
  Section sectionAt(float y) const;     ///< the smoothed sections
  static constexpr float kSmoothY0 = 0.70f, kSmoothY1 = 1.60f, kSmoothStep = 0.004f;
  float sectionDistance(float x, float y, float z) const;
  float torso(glm::vec3 q) const;
  float shoulder(glm::vec3 q) const;
  float arm(glm::vec3 q) const;
  float leg(glm::vec3 q) const;
  float neck(glm::vec3 q) const;
  float head(glm::vec3 q) const;

  std::vector<Section> sections_;
  std::vector<Section> smooth_;
  std::vector<glm::vec2> spineSkin_;  ///< (y, z) of the spinous-process skin line, top to bottom
  glm::vec3 scapula_[3];
  glm::vec3 gh_, elbow_, wrist_, fingertip_, armDir_, foreDir_;
  glm::vec3 deltoidApex_;
  glm::vec3 hip_, knee_, ankle_;
  HandFrame hand_;             ///< the left hand's frame
  std::vector<Digit> digits_;  ///< the left hand's digits, in the hand frame
  HandFrame ear_;              ///< the left ear: x across it (front to back), y along it, z its thickness
};

}  // namespace myo::anatomy
