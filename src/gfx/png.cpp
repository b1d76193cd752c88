// gfx/png.cpp: PNG output through stb_image_write (libstb-dev).
#include <stb/stb_image_write.h>

#include "core/error.hpp"
#include "gfx/renderer.hpp"

namespace myo::gfx {

void writePng(const std::string& path, glm::ivec2 size, const std::vector<unsigned char>& rgba) {
  if (size.x <= 0 || size.y <= 0 || rgba.size() != size_t(size.x) * size_t(size.y) * 4)
    throw core::Error(path, "no image to write");
  // Light compression: a 1920x1080 picture is written several times faster, at a slightly larger size.
  stbi_write_png_compression_level = 2;
  if (!stbi_write_png(path.c_str(), size.x, size.y, 4, rgba.data(), size.x * 4))
    throw core::Error(path, "cannot write the PNG file");
}

}  // namespace myo::gfx
