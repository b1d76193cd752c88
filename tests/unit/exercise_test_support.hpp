// tests/unit/exercise_test_support.hpp: small helpers shared by the exercise tests.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "exercise/exercise_data.hpp"
#include "exercise/timer.hpp"
#include "scene/model.hpp"

namespace myo::exercise::test {

/// The shipped exercise file, loaded once.
inline const ExerciseSet& shippedExercises() {
  static const ExerciseSet set = loadExercises(std::string(MYO_SOURCE_DIR) + "/assets/exercises.json");
  return set;
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

}  // namespace myo::exercise::test
