// tests/unit/exercise_test_support.hpp: small helpers shared by the exercise tests.
#pragma once

#include <algorithm>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>
#include <glm/glm.hpp>

#include "exercise/exercise_data.hpp"
#include "exercise/timer.hpp"
#include "scene/gltf_loader.hpp"
#include "scene/model.hpp"
#include "scene/picking.hpp"

namespace myo::exercise::test {

/// The shipped exercise file, loaded once.
inline const ExerciseSet& shippedExercises() {
  static const ExerciseSet set = loadExercises(std::string(MYO_SOURCE_DIR) + "/assets/exercises.json");
  return set;
}

/// The shipped model's path.
inline const std::string kShippedModel = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";

/// The shipped model, loaded once; a test that needs it fails when it is missing.
inline const scene::Model& shippedModel() {
  REQUIRE(std::filesystem::exists(kShippedModel));
  static const scene::Model model = scene::loadGltf(kShippedModel);
  return model;
}

/// Indices of the meshes whose names start with one of the prefixes.
inline std::vector<int> meshesNamed(const scene::Model& m, std::initializer_list<std::string_view> prefixes) {
  std::vector<int> out;
  for (std::size_t i = 0; i < m.meshes.size(); ++i)
    for (auto p : prefixes)
      if (m.meshes[i].name.rfind(p, 0) == 0) out.push_back(int(i));
  return out;
}

/// The plan's work segments in order.
inline std::vector<const Segment*> workSegments(const TimerPlan& plan) {
  std::vector<const Segment*> out;
  for (const Segment& s : plan.segments)
    if (s.phase == Phase::Work) out.push_back(&s);
  return out;
}

/// The model's node transforms as loaded.
inline std::vector<glm::mat4> restWorld(const scene::Model& m) {
  return scene::worldTransforms(m, scene::localTransforms(m));
}

/// Outward normal of the outer surface at `p`, from the triangle that a ray from `outside` meets there (which
/// must be at `p`: the point is on the outer surface).
inline glm::vec3 surfaceNormal(const scene::Model& m, const std::vector<glm::mat4>& rest, const glm::vec3& p,
                               const glm::vec3& outside) {
  const auto hit = scene::pick(m, rest, {outside, p - outside});
  REQUIRE(hit);
  CHECK(glm::distance(hit->point, p) < 0.005f);
  const auto& prim = m.meshes[std::size_t(hit->mesh)].primitives[std::size_t(hit->primitive)];
  const auto i = std::size_t(hit->triangle) * 3;
  const glm::vec3 a = prim.positions[prim.indices[i]], b = prim.positions[prim.indices[i + 1]],
                  c = prim.positions[prim.indices[i + 2]];
  glm::vec3 n = glm::normalize(glm::cross(b - a, c - a));
  return glm::dot(n, outside - p) < 0.0f ? -n : n;
}

/// Whether a ray from just outside `p` going along -normal meets one of `meshes` within 8 cm.
inline bool over(const scene::Model& m, const std::vector<glm::mat4>& rest, const glm::vec3& p,
                 const glm::vec3& normal, const std::vector<int>& meshes) {
  const auto hidden = [&](int mesh) { return std::find(meshes.begin(), meshes.end(), mesh) == meshes.end(); };
  const auto hit = scene::pick(m, rest, {p + 0.005f * normal, -normal}, hidden);
  return hit && hit->distance < 0.08f;
}

}  // namespace myo::exercise::test
