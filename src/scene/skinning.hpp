// scene/skinning.hpp: joint matrices of a skin and CPU skinning (linear blend, dual quaternions at the knees and,
// below a wide turn, at the shoulder girdle), for
// bounds, picking and tests (the renderer skins on the GPU with the same joint matrices and the same blend).
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

#include "scene/model.hpp"

namespace myo::scene {

/// One matrix per joint of skin `skin`: inverse(meshNodeWorld) * world[joint] * inverseBind[joint], i.e.
/// from bind space to the mesh node's local space. `world` holds every node's world transform (possibly
/// animated). An invalid skin index gives an empty vector.
std::vector<glm::mat4> jointMatrices(const Model& model, int skin, const std::vector<glm::mat4>& world,
                                     const glm::mat4& meshNodeWorld);

/// The joints of skin `skin` (bit k: the skin's joint k, the first 32) around which vertices blend as dual
/// quaternions rather than linearly: the knees, whose bend collapses a linear blend onto the bones. Zero for an
/// invalid skin or a model without such joints.
std::uint32_t dualQuaternionJoints(const Model& model, int skin);

/// The joints of skin `skin` (as dualQuaternionJoints) around which a vertex blends as dual quaternions while its
/// influences turn apart by less than kGirdleDualQuaternionTurnDeg[0], linearly from [1] on, and by a smooth mix
/// of the two between: the shoulder girdle's (clavicle, shoulder). A linear blend collapses the skin over the
/// crossed or raised arm onto the rigid humerus and clavicle; a dual-quaternion one keeps it out, but over wider
/// turns it swings the armpit's skin out into a fin (the crossed arms, from about 100 degrees) and bulges the
/// side-lying shoulder into the floor and the roller (the arm overhead, near 170 degrees).
std::uint32_t girdleDualQuaternionJoints(const Model& model, int skin);
/// The joints whose weight keeps a girdle vertex linear all the same: the elbows and wrists (round the bent
/// elbow a dual-quaternion blend folds the skin of the crease out into a fin).
std::uint32_t girdleLinearJoints(const Model& model, int skin);
inline constexpr float kGirdleDualQuaternionTurnDeg[2] = {90.0f, 120.0f};

/// Skinned positions of a primitive in its mesh node's local space: linear blend, or a dual-quaternion blend for
/// a vertex with any weight on a joint in `dualQuaternion` (a dualQuaternionJoints mask; the joint matrices must
/// then be rigid), or, for a vertex with weight on a joint in `girdle` (a girdleDualQuaternionJoints mask) and
/// none in `dualQuaternion` or `girdleLinear` (a girdleLinearJoints mask), the mix of the two that the widest turn
/// between its influences gives. Without
/// JOINTS_0/WEIGHTS_0 (or without joint matrices) the positions come back unchanged. Joint indices are clamped
/// to the matrices given.
std::vector<glm::vec3> skinPositions(const Primitive& primitive, const std::vector<glm::mat4>& joints,
                                     std::uint32_t dualQuaternion = 0, std::uint32_t girdle = 0,
                                     std::uint32_t girdleLinear = 0);

/// Positions of primitive `primitive` of the mesh on node `node` in world space under the pose `world`
/// (skinned when the node has a skin). Metres, +Y up, as the file.
std::vector<glm::vec3> posedWorldPositions(const Model& model, int node, int primitive,
                                           const std::vector<glm::mat4>& world);

}  // namespace myo::scene
