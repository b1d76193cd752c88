// exercise/ik.hpp: analytic two-bone inverse kinematics on a model's node hierarchy (hip-knee-ankle,
// shoulder-elbow-wrist): the middle joint is a hinge with limits, a pole direction picks the plane the
// limb bends in, and the end joint can be turned to a given world orientation (a foot set flat).
//
// Poses are node-local transforms (scene::localTransforms layout). The solver replaces the rotations of
// the chain's joints and keeps their translations, so bone lengths never change.
#pragma once

#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "scene/model.hpp"

namespace myo::exercise::ik {

/// Three joints of one limb: root (hip, shoulder), hinge (knee, elbow) and end (ankle, wrist). The hinge
/// is a child of the root and the end a child of the hinge.
struct Chain {
  int root = -1, hinge = -1, end = -1;
  bool valid(const scene::Model& model) const;
};

/// The hinge's axis in its own rest frame and its range, degrees of rotation about that axis from rest.
struct HingeLimits {
  glm::vec3 axis{1.0f, 0.0f, 0.0f};
  float minDeg = -180.0f, maxDeg = 180.0f;
};

/// What the limb should do: put the end joint's origin at `target` (world) with the hinge toward `pole`
/// (a world direction, measured across the root-to-target line).
struct Goal {
  glm::vec3 target{0.0f};
  glm::vec3 pole{0.0f, 0.0f, 1.0f};
};

struct Result {
  bool reached = false;   ///< the end lies within 1 mm of the target
  float errorM = 0.0f;    ///< distance of the end from the target, metres
  float hingeDeg = 0.0f;  ///< the hinge angle chosen, degrees about the hinge axis
};

/// The shoulder girdle's share of a reach: the clavicle (and the scapula, which moves with it) turns about the
/// sternoclavicular joint, carrying the shoulder forward (protraction), down or up by a few centimetres.
struct GirdleLimits {
  float maxDeg = 30.0f;       ///< the most it turns beyond the pose's own clavicle angles, degrees
  float minHingeDeg = 10.0f;  ///< the elbow bend the arm keeps when the girdle helps, degrees
};

/// Turns `girdle` (the parent of the chain's root) about its own origin toward `target` (model frame) by the
/// smallest angle, within the limits, that brings the root within reach of the target with the hinge bent
/// `minHingeDeg`; nothing when it is already within reach. The turn is a swing (its axis square to the line
/// from the girdle to the root), so the clavicle never twists about itself. Returns the angle turned, degrees.
float reachWithGirdle(const scene::Model& model, const std::vector<glm::mat4>& rest, std::vector<glm::mat4>& local,
                      int girdle, const Chain& chain, const GirdleLimits& limits, const glm::vec3& target);

/// World transform of node `n` under the local transforms `local` (walks up the parents).
glm::mat4 nodeWorld(const scene::Model& model, const std::vector<glm::mat4>& local, int n);

/// Solves one limb in place: the root's rotation turns the limb toward the target about the root, the
/// hinge bends (within its limits) to the distance that reaches it. `rest` gives the chain's rest local
/// transforms (their translations and rest rotations). Out of reach the limb points straight at the target,
/// as far as the hinge limits allow.
Result solveTwoBone(const scene::Model& model, const std::vector<glm::mat4>& rest, std::vector<glm::mat4>& local,
                    const Chain& chain, const HingeLimits& limits, const Goal& goal);

/// Turns node `n` so that its world rotation becomes `worldRotation` (keeps its translation).
void setWorldRotation(const scene::Model& model, std::vector<glm::mat4>& local, int n, const glm::quat& worldRotation);

/// Signed angle (radians) from `a` to `b` about `axis`, both taken across the axis; 0 when either is parallel.
float angleAbout(const glm::vec3& a, const glm::vec3& b, const glm::vec3& axis);

/// The shortest rotation taking direction `from` onto direction `to`.
glm::quat fromTo(const glm::vec3& from, const glm::vec3& to);

}  // namespace myo::exercise::ik
