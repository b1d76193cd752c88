// exercise/pose.hpp: binding an exercise pose to a model's skeleton and turning it into node transforms.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

#include "exercise/exercise_data.hpp"
#include "scene/model.hpp"

namespace myo::exercise {

/// A helper joint that turns with another joint (the shipped model's `axilla_L` and `axilla_R`, by
/// scene::axillaTurn of `shoulder_L` and `shoulder_R`); exercise files do not pose it.
struct Follower {
  int node = -1, driver = -1;
  glm::mat4 restLocal{1.0f};
  glm::quat driverRest{1.0f, 0.0f, 0.0f, 0.0f};
};

/// The model's joints that carry the rig names (kJointNames), found by node name, case-insensitively.
struct Rig {
  std::map<std::string, int> joints;  ///< rig joint name -> node index
  std::vector<Follower> followers;    ///< helpers found beside them

  /// True when the model has a skeleton we can pose: a pelvis and most of the other joints.
  bool usable() const;
  /// Node index of a joint, or -1.
  int node(const std::string& name) const;
};

/// Finds the rig joints among the model's nodes.
Rig findRig(const scene::Model& model);

/// Rotation from [x, y, z] degrees applied about X, then Y, then Z (R = Rz * Ry * Rx).
glm::quat eulerDegrees(const glm::vec3& degrees);

/// Joint rotations in degrees keyed by rig joint name.
using JointAngles = std::map<std::string, glm::vec3>;

/// The same angles for the other side of the body: _L and _R swap and the mirror across the sagittal
/// plane (x -> -x) negates the Y and Z rotations.
JointAngles mirrorAngles(const JointAngles& angles);

/// Mirrors [x, y, z] degrees across the sagittal plane: [x, -y, -z].
glm::vec3 mirrorDegrees(const glm::vec3& degrees);

/// Local node transforms with the joint rotations applied on top of each joint's rest transform (in the
/// joint's own frame, which is the parent's frame for joints with an identity rest rotation). Joints the
/// rig lacks are skipped; without a usable rig the rest transforms come back.
std::vector<glm::mat4> posedLocals(const scene::Model& model, const Rig& rig, const JointAngles& angles);

/// World transforms of posed local ones, the rig's followers first turned with their drivers.
std::vector<glm::mat4> posedWorld(const scene::Model& model, const Rig& rig, std::vector<glm::mat4> local);

/// Angles `a` blended toward `b` by `t` in [0, 1] (per component; joints missing on one side count as 0).
JointAngles blendAngles(const JointAngles& a, const JointAngles& b, double t);

/// The exercise's standing stretch (its stretch_pose) at `amount` in [0, 1] (0 = standing at rest); the file
/// gives the left side's, and `side` Right mirrors it.
JointAngles stretchAngles(const Exercise& exercise, scene::Side side, double amount);

}  // namespace myo::exercise
