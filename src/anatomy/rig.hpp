// anatomy/rig.hpp: the skeleton of the model (joint names, hierarchy, rest positions), smooth skin weights
// and linear blend skinning on the CPU for checking poses.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "anatomy/anatomy_model.hpp"
#include "anatomy/body_field.hpp"

namespace myo::anatomy {

/// Joints in hierarchy order (a parent always comes before its children); pelvis is the root.
std::vector<Joint> buildSkeleton();

/// Index of a joint by name in buildSkeleton() order, or -1.
int jointIndex(std::string_view name);

/// Up to four influences, strongest first, weights summing to 1.
struct SkinInfluence {
  glm::u8vec4 joints{0};
  glm::vec4 weights{0.0f};
};

/// Smooth skin weights for a rest-pose point (metres), blended over a few centimetres around each joint.
/// The same field serves skin, muscles and bones so that layers move together.
SkinInfluence skinWeights(const BodyField& body, glm::vec3 p);

/// Weights along the spine chain only (pelvis .. neck), for the axial bones that must not follow the limbs.
SkinInfluence axialWeights(glm::vec3 p);

/// Moves a share t (0..1) of an influence onto one joint, keeping four influences at most.
SkinInfluence blendToward(const SkinInfluence& s, int joint, float t);

/// Every vertex bound to one joint, for bones that move rigidly (scapula, clavicle, humerus).
void assignRigid(TissueMesh& mesh, int joint);

/// Fills joints/weights of a mesh from skinWeights.
void assignSkinWeights(const BodyField& body, TissueMesh& mesh);

/// The skin takes the weights of the tissue just under it: each skin vertex blends its own weights toward the
/// weights of the muscle and bone vertices within `reach` metres of it (nearer ones counting more), fully where
/// one lies within `full` metres. Skin and the tissue under it then move by (nearly) the same blended transform,
/// so bony points (clavicle, acromion, olecranon, patella) and the deltoid stay covered where linear blending
/// of the smooth field alone would pull the skin in under them.
void skinFollowsTissue(TissueMesh& skin, const std::vector<const TissueMesh*>& inner, float full, float reach,
                       float band);

/// Per-joint local rotations (in the rest frame, identity when absent) -> world skinning matrices.
/// The other way round for muscles: a muscle vertex within `full` metres of the skin takes the weights of the
/// skin round its nearest point, fading back to its own by `reach`, so a muscle's outer face moves as the skin
/// over it.
void musclesFollowSkin(const TissueMesh& skin, const std::vector<TissueMesh*>& muscles, float full, float reach);

std::vector<glm::mat4> skinningMatrices(const std::vector<Joint>& joints, const std::vector<glm::quat>& rotations);

/// Linear blend skinning of a mesh's positions (and normals) with the given skinning matrices.
void poseMesh(const TissueMesh& mesh, const std::vector<glm::mat4>& skinning, std::vector<glm::vec3>& positions,
              std::vector<glm::vec3>& normals);

}  // namespace myo::anatomy
