// anatomy/bones.hpp: the bones shown for orientation (vertebral column, scapulae, clavicles, humeri, ribs,
// sternum, pelvis), built as implicit shapes from the landmarks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/anatomy_model.hpp"

namespace myo::anatomy {

/// Bone meshes in the rest pose (metres). `cell` is the polygonising grid step.
std::vector<TissueMesh> buildBones(float cell);

/// The joint a bone mesh moves with rigidly ("shoulder_L" for "bone_humerus_L"), or empty for the axial
/// bones, which follow the spine chain.
std::string boneJoint(std::string_view mesh);

/// One section of a left rib as drawn: centre on the rib's curve, unit tangent, the unit direction of its
/// width (the other axis of the section is their cross product), half-width and half-thickness (metres).
struct RibSection {
  glm::vec3 centre, tangent, wide;
  float halfWidth, halfThickness;
};

/// Sections along left rib `rib` (1..12), from its head to its front end.
std::vector<RibSection> ribSections(int rib);

/// The vertebral canal of one level ("T6") as drawn: centre, unit axis up the column, unit forward
/// direction, drawn body height, canal sagittal and transverse diameters (metres).
struct CanalProbe {
  glm::vec3 centre, up, forward;
  float bodyHeight, sagittal, transverse;
};
CanalProbe vertebralCanal(std::string_view level);

}  // namespace myo::anatomy
