// exercise/pose.cpp: rig lookup, Euler angles, mirroring and posed node transforms.
#include "exercise/pose.hpp"

#include <algorithm>
#include <cctype>

#include <glm/gtc/matrix_transform.hpp>

#include "scene/axilla.hpp"

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

}  // namespace

bool Rig::usable() const {
  // A few stray names ("head", "neck") are common in other files; a posable rig has the trunk chain.
  return joints.count("pelvis") && joints.size() >= 8;
}

int Rig::node(const std::string& name) const {
  const auto it = joints.find(name);
  return it == joints.end() ? -1 : it->second;
}

namespace {

int nodeNamed(const scene::Model& model, std::string_view name) {
  const std::string want = lower(name);
  for (std::size_t n = 0; n < model.nodes.size(); ++n)
    if (lower(model.nodes[n].name) == want) return int(n);
  return -1;
}

glm::quat rotationOf(const glm::mat4& m) { return glm::normalize(glm::quat_cast(glm::mat3(m))); }

}  // namespace

Rig findRig(const scene::Model& model) {
  Rig rig;
  for (std::string_view joint : kJointNames)
    if (const int n = nodeNamed(model, joint); n >= 0) rig.joints.emplace(std::string(joint), n);
  // The helpers between the arm and the trunk, each at its shoulder's pivot with half its turn.
  const std::vector<glm::mat4> rest = scene::localTransforms(model);
  for (const char* side : {"_L", "_R"}) {
    const int helper = nodeNamed(model, std::string("axilla") + side), driver = rig.node(std::string("shoulder") + side);
    if (helper < 0 || driver < 0) continue;
    rig.followers.push_back({helper, driver, rest[std::size_t(helper)], rotationOf(rest[std::size_t(driver)])});
  }
  return rig;
}

std::vector<glm::mat4> posedWorld(const scene::Model& model, const Rig& rig, std::vector<glm::mat4> local) {
  for (const Follower& f : rig.followers) {
    if (std::size_t(std::max(f.node, f.driver)) >= local.size()) continue;
    const glm::quat turn = glm::inverse(f.driverRest) * rotationOf(local[std::size_t(f.driver)]);
    local[std::size_t(f.node)] = f.restLocal * glm::mat4_cast(scene::axillaTurn(turn));
  }
  return scene::worldTransforms(model, local);
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
  JointAngles full(exercise.stretchPose.joints.begin(), exercise.stretchPose.joints.end());
  if (side == scene::Side::Right) full = mirrorAngles(full);
  return blendAngles({}, full, std::clamp(amount, 0.0, 1.0));
}

}  // namespace myo::exercise
