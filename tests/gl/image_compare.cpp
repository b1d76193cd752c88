// tests/gl/image_compare.cpp: golden-image comparison.
#include "image_compare.hpp"

#include <stb/stb_image.h>

#include <cstdlib>
#include <filesystem>

#include "gfx/renderer.hpp"

namespace myo::test {

Rgba pixelAt(const app::Picture& p, int x, int y) {
  const size_t i = (size_t(y) * size_t(p.width) + size_t(x)) * 4;
  return {p.rgba[i], p.rgba[i + 1], p.rgba[i + 2], p.rgba[i + 3]};
}

CompareResult compareToGolden(const app::Picture& picture, const std::string& name, const Tolerance& tol) {
  namespace fs = std::filesystem;
  const fs::path golden = fs::path(MYO_GOLDEN_DIR) / (name + ".png");
  const fs::path temp = MYO_TEMP_DIR;
  fs::create_directories(temp);
  if (!fs::exists(golden)) {
    gfx::writePng((temp / (name + ".png")).string(), {picture.width, picture.height}, picture.rgba);
    return {false, "no golden image " + golden.string() + "; wrote " + (temp / (name + ".png")).string() +
                       " for review"};
  }
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load(golden.c_str(), &w, &h, &n, 4);
  if (!data) return {false, "cannot read " + golden.string()};
  if (w != picture.width || h != picture.height) {
    stbi_image_free(data);
    return {false, "size differs from the golden image"};
  }
  size_t differing = 0;
  std::vector<unsigned char> diff(picture.rgba.size(), 0);
  for (size_t i = 0; i < size_t(w) * size_t(h); ++i) {
    int worst = 0;
    for (int c = 0; c < 3; ++c) worst = std::max(worst, std::abs(int(data[i * 4 + c]) - int(picture.rgba[i * 4 + c])));
    if (worst > tol.maxChannelDelta) ++differing;
    diff[i * 4] = static_cast<unsigned char>(std::min(255, worst * 4));
    diff[i * 4 + 1] = diff[i * 4 + 2] = 0;
    diff[i * 4 + 3] = 255;
  }
  stbi_image_free(data);
  const double share = double(differing) / double(size_t(w) * size_t(h));
  if (share <= tol.maxDifferingShare) return {true, ""};
  gfx::writePng((temp / (name + ".actual.png")).string(), {w, h}, picture.rgba);
  gfx::writePng((temp / (name + ".diff.png")).string(), {w, h}, diff);
  return {false, name + ": " + std::to_string(share * 100.0) + "% of pixels differ by more than " +
                     std::to_string(tol.maxChannelDelta) + "; see " + temp.string()};
}

}  // namespace myo::test
