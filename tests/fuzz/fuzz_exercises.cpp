// tests/fuzz/fuzz_exercises.cpp: libFuzzer target for the exercise file parser (assets/exercises.json's
// format). A core::Error is the expected answer to bad input; anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "exercise/exercise_data.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace myo;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    const exercise::ExerciseSet set = exercise::loadExercisesFromString(text, "fuzz.json");
    (void)set;
  } catch (const core::Error& e) {
    if (core::errorLine(e).size() > 1024) std::abort();  // error lines stay short, whatever the input
  }
  return 0;
}
