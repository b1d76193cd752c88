// scene/gltf_guard.hpp: checks on untrusted glTF bytes that must pass before the parser or a decoder sees
// them (GLB framing, JSON nesting, URIs, image headers). Each throws core::Error(where, reason).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace myo::scene::guard {

/// Rejects JSON text nested deeper than maxDepth arrays/objects. Brackets inside strings (escapes
/// included) do not count, so the scan agrees with any conforming parser.
void checkJsonDepth(std::string_view json, int maxDepth, const std::string& where);

/// The chunks of a GLB container whose framing has been checked.
struct GlbChunks {
  std::string_view json;
  std::span<const std::uint8_t> bin;  ///< empty when the file has no BIN chunk
};

/// Checks the 12-byte header (magic, version 2, total length equal to the size), then every chunk header:
/// lengths inside the file, multiples of 4, a JSON chunk first, at most one BIN chunk right after it.
GlbChunks checkGlb(std::span<const std::uint8_t> bytes, const std::string& where);

/// Percent-decodes a relative URI and rejects anything that could leave the model's folder: absolute
/// paths, `..` segments, backslashes, schemes and drive letters, NUL bytes. Returns the decoded path.
std::string checkRelativeUri(std::string_view uri, const std::string& what, const std::string& where);

/// For a `data:` URI: accepts only `data:<mime>;base64,<strict base64>`; returns the decoded byte count.
std::size_t checkDataUri(std::string_view uri, const std::string& what, const std::string& where);

enum class ImageFormat { Png, Jpeg };

struct ImageHeader {
  ImageFormat format = ImageFormat::Png;
  int width = 0;
  int height = 0;
};

/// Reads the size of a PNG (IHDR) or JPEG (first SOF marker) from its header without decoding anything.
/// Anything else (GIF, BMP, garbage, truncated headers) is rejected.
ImageHeader readImageHeader(std::span<const std::uint8_t> bytes, const std::string& what,
                            const std::string& where);

}  // namespace myo::scene::guard
