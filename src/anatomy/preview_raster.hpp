// anatomy/preview_raster.hpp: a small CPU orthographic rasteriser for checking the generated geometry
// without OpenGL (atlas-style preview images, coverage tests).
#pragma once

#include <cstdint>
#include <vector>

#include <glm/glm.hpp>

namespace myo::anatomy {

/// One mesh to draw. Pointers must stay valid during the call; tendon may be null.
struct PreviewItem {
  const std::vector<glm::vec3>* positions = nullptr;
  const std::vector<glm::vec3>* normals = nullptr;
  const std::vector<std::uint32_t>* indices = nullptr;
  const std::vector<float>* tendon = nullptr;
  const std::vector<glm::vec3>* fibres = nullptr;
  glm::vec3 colour{0.8f};
  float alpha = 1.0f;  ///< below 1: drawn as a translucent shell over the opaque items
  int id = 0;          ///< written to the id buffer where this item is the nearest opaque surface
};

/// Orthographic camera: looks along `forward` at `centre`; `halfHeight` metres fill half the image height.
struct PreviewView {
  glm::vec3 centre{0.0f, 1.0f, 0.0f};
  glm::vec3 forward{0.0f, 0.0f, 1.0f};
  glm::vec3 up{0.0f, 1.0f, 0.0f};
  float halfHeight = 1.0f;
  int width = 400;
  int height = 800;
};

struct PreviewImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgb;  ///< rows top to bottom
  std::vector<int> id;            ///< nearest opaque item id per pixel, -1 for background
};

/// Draws the items with a z-buffer and simple two-light shading.
PreviewImage renderPreview(const std::vector<PreviewItem>& items, const PreviewView& view);

}  // namespace myo::anatomy
