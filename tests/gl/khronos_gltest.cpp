// tests/gl/khronos_gltest.cpp: the khronos tier of the GL tests: the Khronos glTF samples (third-party files,
// read from MYO_SAMPLES_DIR) rendered offscreen through EGL against their golden images, and a skinned sample
// posed by its animation. Reported as skipped where the samples folder does not exist.
#include <doctest/doctest.h>

#include "app/runs.hpp"
#include "image_compare.hpp"
#include "shot_options.hpp"

using namespace myo;

namespace {

using test::shot;

std::string sample(const char* name) {
  return std::string(MYO_SAMPLES_DIR) + "/" + name;
}

}  // namespace

TEST_CASE("Khronos samples match their golden images") {
  // Tolerance: llvmpipe is deterministic on one machine; 24/255 per channel on up to 0.5 % of the pixels allows
  // for rasterisation differences between Mesa versions along edges.
  const test::Tolerance tol;
  for (const char* name : {"Box", "BoxAnimated", "CesiumMan", "RiggedFigure", "RiggedSimple"}) {
    auto o = shot(sample((std::string(name) + ".gltf").c_str()), 160, 120);
    o.time = 1.0;
    const auto pic = app::renderScreenshot(o);
    const auto result = test::compareToGolden(pic, std::string("khronos_") + name + "_t1_back", tol);
    INFO(result.message);
    CHECK(result.ok);
  }
}
