// exercise/pose.cpp: rig lookup, Euler angles, mirroring and posed node transforms.
#include "exercise/pose.hpp"

#include <algorithm>
#include <cctype>

#include <glm/gtc/matrix_transform.hpp>

namespace myo::exercise {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return out;
}

std::string otherSide(const std::string& name) {
  if (name.size() > 2 && name.compare(name.size() - 2, 2, "_L") == 0) return name.substr(0, name.size() - 2) + "_R";
  if (name.size() > 2 && name.compare(name.size() - 2, 2, "_R") == 0) return name.substr(0, name.size() - 2) + "_L";
  return name;
}

bool hasTarget(const Exercise& exercise, scene::MuscleKind kind) {
  return std::find(exercise.targets.begin(), exercise.targets.end(), kind) != exercise.targets.end();
}

}  // namespace

bool Rig::usable() const {
  // A few stray names ("head", "neck") are common in other files; a posable rig has the trunk chain.
  return joints.count("pelvis") && joints.size() >= 8;
}

int Rig::node(const std::string& name) const {
  const auto it = joints.find(name);
  return it == joints.end() ? -1 : it->second;
}

Rig findRig(const scene::Model& model) {
  Rig rig;
  for (std::string_view joint : kJointNames) {
    const std::string want = lower(joint);
    for (std::size_t n = 0; n < model.nodes.size(); ++n) {
      if (lower(model.nodes[n].name) == want) {
        rig.joints.emplace(std::string(joint), int(n));
        break;
      }
    }
  }
  return rig;
}

glm::quat eulerDegrees(const glm::vec3& degrees) {
  const glm::vec3 r = glm::radians(degrees);
  const glm::quat qx = glm::angleAxis(r.x, glm::vec3(1, 0, 0));
  const glm::quat qy = glm::angleAxis(r.y, glm::vec3(0, 1, 0));
  const glm::quat qz = glm::angleAxis(r.z, glm::vec3(0, 0, 1));
  return qz * qy * qx;
}

glm::vec3 mirrorDegrees(const glm::vec3& degrees) { return {degrees.x, -degrees.y, -degrees.z}; }

JointAngles mirrorAngles(const JointAngles& angles) {
  JointAngles out;
  for (const auto& [name, deg] : angles) out[otherSide(name)] = mirrorDegrees(deg);
  return out;
}

std::vector<glm::mat4> posedLocals(const scene::Model& model, const Rig& rig, const JointAngles& angles) {
  std::vector<glm::mat4> local = scene::localTransforms(model);
  if (!rig.usable()) return local;
  for (const auto& [name, deg] : angles) {
    const int n = rig.node(name);
    if (n < 0) continue;
    local[std::size_t(n)] = local[std::size_t(n)] * glm::mat4_cast(eulerDegrees(deg));
  }
  return local;
}

JointAngles blendAngles(const JointAngles& a, const JointAngles& b, double t) {
  JointAngles out = a;
  for (auto& [name, deg] : out) {
    const auto it = b.find(name);
    const glm::vec3 target = it == b.end() ? glm::vec3(0.0f) : it->second;
    deg = glm::mix(deg, target, float(t));
  }
  for (const auto& [name, deg] : b)
    if (!a.count(name)) out[name] = deg * float(t);
  return out;
}

JointAngles stretchAngles(const Exercise& exercise, scene::Side side, double amount) {
  // Reference stretch poses (anatomy-deep.md section 8, left side; the right mirrors them).
  JointAngles full;
  if (hasTarget(exercise, scene::MuscleKind::LatissimusDorsi)) {
    // stretch_latissimus_standing_L: the left arm overhead with the shoulder blade raised, the trunk bent
    // to the right (+Z turns +Y toward -X), the hips shifted left with the soles kept flat.
    full = {{"spine_lumbar", {0, 0, 8}},   {"spine_thoracic_lower", {0, 0, 12}}, {"spine_thoracic_upper", {0, 0, 8}},
            {"neck", {0, 0, 5}},           {"clavicle_L", {0, 0, 20}},           {"shoulder_L", {-15, 0, 150}},
            {"elbow_L", {-15, 0, 0}},      {"shoulder_R", {34, 12, 3.5f}},       {"elbow_R", {-73.5f, 0, 0}},
            {"wrist_R", {39.5f, -2, -15}}, {"hip_L", {0, 0, 6}},                 {"ankle_L", {0, 0, -6}},
            {"hip_R", {0, 0, 6}},          {"ankle_R", {0, 0, -6}}};
    if (side == scene::Side::Right) full = mirrorAngles(full);
  } else {
    // stretch_upper_back_hug: arms round a large ball, the shoulder blades drawn forward and apart, the
    // thoracic spine rounded, the chin toward the chest, soft knees. After the chair (stretch_after_chair)
    // the chin tucks further for the upper trapezius and neck extensors.
    const bool chair = exercise.equipment.kind == EquipmentKind::MassageChair;
    full = {{"spine_thoracic_lower", {8, 0, 0}},  {"spine_thoracic_upper", {15, 0, 0}},
            {"neck", {chair ? 20.0f : 12.0f, 0, 0}}, {"head", {chair ? 10.0f : 8.0f, 0, 0}},
            {"clavicle_L", {0, -20, 0}},          {"shoulder_L", {-61.5f, -15, -0.5f}},
            {"elbow_L", {-52, 0, 0}},             {"wrist_L", {25, -2, 4.5f}},
            {"clavicle_R", {0, 20, 0}},           {"shoulder_R", {-61.5f, 15, 0.5f}},
            {"elbow_R", {-52, 0, 0}},             {"wrist_R", {25, 2, -4.5f}},
            {"hip_L", {-8, 0, 0}},                {"knee_L", {10, 0, 0}},
            {"ankle_L", {-2, 0, 0}},              {"hip_R", {-8, 0, 0}},
            {"knee_R", {10, 0, 0}},               {"ankle_R", {-2, 0, 0}}};
  }
  return blendAngles({}, full, std::clamp(amount, 0.0, 1.0));
}

}  // namespace myo::exercise
