// gfx/png.cpp: PNG output through libspng. Pictures are written as opaque RGB: blending leaves alpha below one
// where the faded skin lies, which is not meant as transparency.
#include <spng.h>

#include <cstdio>
#include <memory>

#include "core/error.hpp"
#include "gfx/renderer.hpp"

namespace myo::gfx {

void writePng(const std::string& path, glm::ivec2 size, const std::vector<unsigned char>& rgba) {
  if (size.x <= 0 || size.y <= 0 || rgba.size() != size_t(size.x) * size_t(size.y) * 4)
    throw core::Error(path, "no image to write");
  std::vector<unsigned char> rgb(size_t(size.x) * size_t(size.y) * 3);
  for (size_t i = 0, n = size_t(size.x) * size_t(size.y); i < n; ++i) {
    rgb[3 * i] = rgba[4 * i];
    rgb[3 * i + 1] = rgba[4 * i + 1];
    rgb[3 * i + 2] = rgba[4 * i + 2];
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "wb"), &std::fclose);
  if (!file) throw core::Error(path, "cannot open the PNG file for writing");
  std::unique_ptr<spng_ctx, void (*)(spng_ctx*)> ctx(spng_ctx_new(SPNG_CTX_ENCODER), &spng_ctx_free);
  if (!ctx) throw core::Error(path, "cannot write the PNG file (out of memory)");
  spng_ihdr ihdr{};
  ihdr.width = std::uint32_t(size.x);
  ihdr.height = std::uint32_t(size.y);
  ihdr.bit_depth = 8;
  ihdr.color_type = SPNG_COLOR_TYPE_TRUECOLOR;
  // Fast settings: one cheap filter and light compression write a 1920x1080 picture several times faster
  // than the defaults, for a file a fifth larger.
  int err = spng_set_png_file(ctx.get(), file.get());
  if (!err) err = spng_set_ihdr(ctx.get(), &ihdr);
  if (!err) err = spng_set_option(ctx.get(), SPNG_FILTER_CHOICE, SPNG_FILTER_CHOICE_SUB);
  if (!err) err = spng_set_option(ctx.get(), SPNG_IMG_COMPRESSION_LEVEL, 1);
  if (!err) err = spng_encode_image(ctx.get(), rgb.data(), rgb.size(), SPNG_FMT_PNG, SPNG_ENCODE_FINALIZE);
  if (err) throw core::Error(path, std::string("cannot write the PNG file: ") + spng_strerror(err));
  ctx.reset();
  if (std::fclose(file.release()) != 0) throw core::Error(path, "cannot write the PNG file (disk full?)");
}

}  // namespace myo::gfx
