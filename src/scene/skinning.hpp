// scene/skinning.hpp: joint matrices of a skin and CPU linear-blend skinning, for bounds, picking and tests
// (the renderer skins on the GPU with the same joint matrices).
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "scene/model.hpp"

namespace myo::scene {

/// One matrix per joint of skin `skin`: inverse(meshNodeWorld) * world[joint] * inverseBind[joint], i.e.
/// from bind space to the mesh node's local space. `world` holds every node's world transform (possibly
/// animated). An invalid skin index gives an empty vector.
std::vector<glm::mat4> jointMatrices(const Model& model, int skin, const std::vector<glm::mat4>& world,
                                     const glm::mat4& meshNodeWorld);

/// Linear-blend skinned positions of a primitive in its mesh node's local space. Without JOINTS_0/WEIGHTS_0
/// (or without joint matrices) the positions come back unchanged. Joint indices are clamped to the matrices
/// given.
std::vector<glm::vec3> skinPositions(const Primitive& primitive, const std::vector<glm::mat4>& joints);

/// Positions of primitive `primitive` of the mesh on node `node` in world space under the pose `world`
/// (skinned when the node has a skin). Metres, +Y up, as the file.
std::vector<glm::vec3> posedWorldPositions(const Model& model, int node, int primitive,
                                           const std::vector<glm::mat4>& world);

}  // namespace myo::scene
