// tests/gl/image_compare.hpp: golden-image comparison with a stated tolerance, writing actual and diff images
// on failure (STYLE.md 3.3).
#pragma once

#include <string>

#include "app/runs.hpp"

namespace myo::test {

struct Tolerance {
  int maxChannelDelta = 24;        ///< a pixel differs when any channel differs by more than this (0-255)
  double maxDifferingShare = 0.005;  ///< share of pixels allowed to differ
};

struct CompareResult {
  bool ok = false;
  std::string message;
};

/// Compares against tests/golden/<name>.png. A missing golden fails and writes the picture to
/// build/Testing/Temporary/<name>.png for review; a mismatch writes <name>.actual.png and <name>.diff.png there.
CompareResult compareToGolden(const app::Picture& picture, const std::string& name, const Tolerance& tolerance);

/// RGBA of one pixel (x right, y down).
struct Rgba {
  int r, g, b, a;
};
Rgba pixelAt(const app::Picture& picture, int x, int y);

}  // namespace myo::test
