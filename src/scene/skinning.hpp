// scene/skinning.hpp: joint matrices of a skin and CPU skinning (linear blend, dual quaternions at the knees), for
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

/// Skinned positions of a primitive in its mesh node's local space: linear blend, or a dual-quaternion blend for
/// a vertex with any weight on a joint in `dualQuaternion` (a dualQuaternionJoints mask; the joint matrices must
/// then be rigid). Without JOINTS_0/WEIGHTS_0 (or without joint matrices) the positions come back unchanged.
/// Joint indices are clamped to the matrices given.
std::vector<glm::vec3> skinPositions(const Primitive& primitive, const std::vector<glm::mat4>& joints,
                                     std::uint32_t dualQuaternion = 0);

/// Positions of primitive `primitive` of the mesh on node `node` in world space under the pose `world`
/// (skinned when the node has a skin). Metres, +Y up, as the file.
std::vector<glm::vec3> posedWorldPositions(const Model& model, int node, int primitive,
                                           const std::vector<glm::mat4>& world);

}  // namespace myo::scene
