// anatomy/bones.hpp: the bones shown for orientation (vertebral column, scapulae, clavicles, humeri, ribs,
// sternum, pelvis), built as implicit shapes from the landmarks.
#pragma once

#include <vector>

#include "anatomy/anatomy_model.hpp"

namespace myo::anatomy {

/// Bone meshes in the rest pose (metres). `cell` is the polygonising grid step.
std::vector<TissueMesh> buildBones(float cell);

}  // namespace myo::anatomy
