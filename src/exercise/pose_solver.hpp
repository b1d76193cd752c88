// exercise/pose_solver.hpp: exercise poses from constraints: limbs placed by two-bone IK (planted feet and
// hands, arms crossed on the chest) within joint limits, and the trunk settled onto its supports.
//
// Inputs: the model with its rig, a starting pose (node-local transforms from the exercise's joint angles),
// the body's placement in the world and the goals of the limbs in world coordinates. Outputs: the solved
// node-local transforms (joint rotations) and how well each goal was met. No OpenGL.
#pragma once

#include <optional>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "exercise/ik.hpp"
#include "exercise/pose.hpp"
#include "scene/model.hpp"

namespace myo::exercise {

/// One limb of the rig with its hinge limits: knees flex 0..150 degrees about +X, elbows 0..150 about -X
/// (the exercise file's conventions). A foot's chain is hip-knee-ankle, a hand's shoulder-elbow-wrist.
struct LimbChain {
  ik::Chain chain;
  ik::HingeLimits limits;
};

/// The limb's chain in the rig, or nothing when the rig lacks one of its joints.
std::optional<LimbChain> limbOf(const scene::Model& model, const Rig& rig, Limb id);

/// One limb's goal, world frame: where its end joint goes, toward where its hinge points and, when given,
/// the end joint's world rotation (a foot set flat on the floor, a hand flat on the chest).
struct LimbGoal {
  Limb limb = Limb::FootL;
  ik::Goal goal;
  std::optional<glm::quat> endRotation;
  /// A hand only: the shoulder girdle may turn (ik::reachWithGirdle) where the arm alone falls short.
  bool girdle = false;
};

/// A foot or hand set down on the floor for a work phase: its end joint stays at `target` (world) while the
/// trunk moves, the hinge toward `poleBody` (body frame), the sole or palm flat with the toes or fingers
/// along `forward` (world, horizontal).
struct Plant {
  Limb limb = Limb::FootL;
  glm::vec3 target{0.0f};
  glm::vec3 poleBody{0.0f, 0.0f, 1.0f};
  glm::vec3 forward{0.0f, 0.0f, 1.0f};
  bool girdle = false;  ///< a hand whose shoulder girdle helps it reach (LimbGoal::girdle)
};

/// The goal that holds a plant for a body placed by `body`: a foot keeps its up axis up with the toes along
/// `forward`; a hand (at rest hanging with the palm toward the thigh) turns its palm down, fingers forward.
LimbGoal plantGoal(const Plant& plant, const glm::mat4& body);

struct SolvedPose {
  std::vector<glm::mat4> local;     ///< node-local transforms with the limbs solved
  std::vector<ik::Result> results;  ///< one per goal, in order (unreached when the rig lacks the limb)
};

/// Solves the goals in order on top of `start` (node-local transforms), for the body placed in the world
/// by `body` (world = body * model frame).
SolvedPose solvePose(const scene::Model& model, const Rig& rig, const std::vector<glm::mat4>& start,
                     const glm::mat4& body, const std::vector<LimbGoal>& goals);

/// Standing feet: turns both ankles so the soles lie flat as at rest and returns the translation that
/// puts the ankle joints back at their rest height (bent knees lower the body). Zero without legs.
glm::vec3 groundFeet(const scene::Model& model, const Rig& rig, std::vector<glm::mat4>& local);

/// A flat support (floor, wall): points on its front side have a positive distance.
struct Plane {
  glm::vec3 point{0.0f};
  glm::vec3 normal{0.0f, 1.0f, 0.0f};
  float distance(const glm::vec3& p) const { return glm::dot(p - point, normal); }
};

/// The trunk settled onto a second support: the angle (radians, within [lo, hi]) of a rotation about the
/// line through `pivot` along `axis` (the first support's contact, say the roller under the armpit) that
/// brings the lowest of `points` (world) down onto `plane` (the floor). When no angle in the range makes
/// them touch, the end of the range that comes closest.
double settleAbout(const std::vector<glm::vec3>& points, const glm::vec3& pivot, const glm::vec3& axis,
                   const Plane& plane, double lo, double hi);

/// Rotation of `angle` radians about the line through `pivot` along `axis`, as a world transform.
glm::mat4 rotationAbout(const glm::vec3& pivot, const glm::vec3& axis, double angle);

}  // namespace myo::exercise
