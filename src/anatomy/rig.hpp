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

/// The share of the overlap of a vertex's shoulder and trunk weights that goes to the axilla helper.
inline constexpr float kAxillaShare = 0.15f;

/// Below the humeral head (the armpit; fading in from 2 to 6 cm under its centre), where a vertex blends its
/// arm's `shoulder` with joints off that arm, part of the two goes to the arm's `axilla` helper instead: weights
/// ws on the shoulder and wt off the arm give m = kAxillaShare * min(ws, wt) less to each and 2m to the helper,
/// which turns half the shoulder's turn (scene::axillaTurn), so small turns move the vertex as before. A linear
/// blend of two turns far apart pulls a point in toward their pivot: under the raised arm the armpit's skin fell
/// in onto the humeral head, and the humerus, teres major and pectoralis came out through it; the helper
/// carries its share round the pivot at the point's own distance. The whole overlap (m = min) spread the
/// armpit's skin into a web between arm and trunk that the roller's contact then met. Latissimus roller, tissue
/// more than 2 mm outside the skin in the worst frame: 0.1 149 vertices, 0.15 96, 0.2 109, 0.3 130, 0.4 138
/// (the farthest 6.6-6.8 mm, 15 mm at 0.4), against 331 (17 mm) without the helper.
void shareArmTurnWithAxilla(TissueMesh& mesh);

/// Per-joint local rotations (in the rest frame, identity when absent) -> world skinning matrices; an axilla
/// helper turns by scene::axillaTurn of its shoulder's rotation whatever is given for it.
std::vector<glm::mat4> skinningMatrices(const std::vector<Joint>& joints, const std::vector<glm::quat>& rotations);

/// The other way round for muscles: a muscle vertex within `full` metres of the skin takes the weights of the
/// skin round its nearest point, fading back to its own by `reach`, so a muscle's outer face moves as the skin
/// over it.
void musclesFollowSkin(const TissueMesh& skin, const std::vector<TissueMesh*>& muscles, float full, float reach);

/// Linear blend skinning of a mesh's positions (and normals) with the given skinning matrices.
void poseMesh(const TissueMesh& mesh, const std::vector<glm::mat4>& skinning, std::vector<glm::vec3>& positions,
              std::vector<glm::vec3>& normals);

}  // namespace myo::anatomy
