// scene/gltf_guard.cpp: pre-parse checks of GLB framing, JSON nesting, URIs and image headers.
#include "scene/gltf_guard.hpp"

#include <array>
#include <cstring>

#include "core/error.hpp"

namespace myo::scene::guard {
namespace {

std::uint32_t readLe32(const std::uint8_t* p) {
  return std::uint32_t(p[0]) | (std::uint32_t(p[1]) << 8) | (std::uint32_t(p[2]) << 16) |
         (std::uint32_t(p[3]) << 24);
}

constexpr std::uint32_t kGlbMagic = 0x46546C67;  // "glTF"
constexpr std::uint32_t kChunkJson = 0x4E4F534A;
constexpr std::uint32_t kChunkBin = 0x004E4942;

int hexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool isBase64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}

}  // namespace

void checkJsonDepth(std::string_view json, int maxDepth, const std::string& where) {
  int depth = 0;
  bool inString = false;
  bool escaped = false;
  for (char c : json) {
    if (inString) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        inString = false;
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > maxDepth)
        throw core::Error(where, "JSON is nested deeper than " + std::to_string(maxDepth) + " levels");
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
}

GlbChunks checkGlb(std::span<const std::uint8_t> bytes, const std::string& where) {
  if (bytes.size() < 12) throw core::Error(where, "GLB file is truncated: shorter than its 12-byte header");
  if (readLe32(bytes.data()) != kGlbMagic) throw core::Error(where, "not a GLB file: bad magic");
  const std::uint32_t version = readLe32(bytes.data() + 4);
  if (version != 2)
    throw core::Error(where, "GLB version " + std::to_string(version) + " is not supported, only 2");
  const std::uint32_t total = readLe32(bytes.data() + 8);
  if (total != bytes.size())
    throw core::Error(where, "GLB header gives a length of " + std::to_string(total) +
                                 " bytes but the file has " + std::to_string(bytes.size()));
  GlbChunks out;
  std::uint64_t offset = 12;
  int index = 0;
  bool haveBin = false;
  while (offset < total) {
    const std::string chunk = "GLB chunk " + std::to_string(index);
    if (offset + 8 > total) throw core::Error(where, chunk + " header is truncated");
    const std::uint32_t length = readLe32(bytes.data() + offset);
    const std::uint32_t type = readLe32(bytes.data() + offset + 4);
    if (length % 4 != 0)
      throw core::Error(where, chunk + " length " + std::to_string(length) + " is not a multiple of 4");
    const std::uint64_t begin = offset + 8;
    if (begin + length > total)
      throw core::Error(where,
                        chunk + " length " + std::to_string(length) + " runs past the end of the file");
    if (index == 0) {
      if (type != kChunkJson) throw core::Error(where, "GLB first chunk is not of type JSON");
      if (length == 0) throw core::Error(where, "GLB JSON chunk is empty");
      out.json = std::string_view(reinterpret_cast<const char*>(bytes.data() + begin), length);
    } else if (type == kChunkJson) {
      throw core::Error(where, chunk + " is a second JSON chunk");
    } else if (type == kChunkBin) {
      if (index != 1 || haveBin)
        throw core::Error(where, chunk + ": the BIN chunk must directly follow JSON");
      haveBin = true;
      out.bin = bytes.subspan(begin, length);
    }
    // Chunks of other types are allowed by the format and skipped.
    offset = begin + length;
    ++index;
  }
  if (index == 0) throw core::Error(where, "GLB file has no JSON chunk");
  return out;
}

std::string checkRelativeUri(std::string_view uri, const std::string& what, const std::string& where) {
  if (uri.empty()) throw core::Error(where, what + " has an empty uri");
  std::string path;
  path.reserve(uri.size());
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '%') {
      const int hi = i + 2 < uri.size() ? hexValue(uri[i + 1]) : -1;
      const int lo = i + 2 < uri.size() ? hexValue(uri[i + 2]) : -1;
      if (hi < 0 || lo < 0) throw core::Error(where, what + " uri has a broken percent escape");
      path.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (uri[i] == '+') {
      // The parser decodes '+' as a space (form encoding); agree with it so we check the same path.
      path.push_back(' ');
    } else {
      path.push_back(uri[i]);
    }
  }
  if (path.find('\0') != std::string::npos) throw core::Error(where, what + " uri contains a NUL byte");
  if (path.find('\\') != std::string::npos) throw core::Error(where, what + " uri contains a backslash");
  if (path.front() == '/' || path.front() == '~')
    throw core::Error(where, what + " uri is an absolute path, only files beside the model are read");
  if (path.find(':') != std::string::npos)
    throw core::Error(where, what + " uri names a scheme or drive, only files beside the model are read");
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    if (path.compare(start, end - start, "..") == 0)
      throw core::Error(where, what + " uri leaves the model's folder ('..')");
    start = end + 1;
  }
  return path;
}

std::size_t checkDataUri(std::string_view uri, const std::string& what, const std::string& where) {
  const std::size_t comma = uri.find(',');
  if (comma == std::string_view::npos) throw core::Error(where, what + " data URI has no ',' separator");
  const std::string_view header = uri.substr(0, comma);
  // Only the media types the parser decodes itself; others would be mistaken for file names.
  static constexpr std::array<std::string_view, 4> kAccepted{
      "data:application/octet-stream", "data:application/gltf-buffer", "data:image/png", "data:image/jpeg"};
  constexpr std::string_view kBase64 = ";base64";
  if (header.size() < kBase64.size() || header.substr(header.size() - kBase64.size()) != kBase64)
    throw core::Error(where, what + " data URI is not base64 encoded");
  const std::string_view mime = header.substr(0, header.size() - kBase64.size());
  bool known = false;
  for (std::string_view accepted : kAccepted) known = known || mime == accepted;
  if (!known)
    throw core::Error(where,
                      what + " data URI has an unsupported media type '" + std::string(mime.substr(5)) + "'");
  const std::string_view body = uri.substr(comma + 1);
  if (body.size() % 4 != 0)
    throw core::Error(where, what + " data URI has a base64 length not a multiple of 4");
  std::size_t padding = 0;
  while (padding < 2 && padding < body.size() && body[body.size() - 1 - padding] == '=') ++padding;
  for (std::size_t i = 0; i + padding < body.size(); ++i) {
    if (!isBase64Char(body[i]))
      throw core::Error(
          where, what + " data URI contains a character that is not base64 at offset " + std::to_string(i));
  }
  return body.size() / 4 * 3 - padding;
}

ImageHeader readImageHeader(std::span<const std::uint8_t> b, const std::string& what,
                            const std::string& where) {
  static constexpr std::array<std::uint8_t, 8> kPng{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  auto be16 = [&](std::size_t at) { return int(b[at]) << 8 | int(b[at + 1]); };
  auto be32 = [&](std::size_t at) {
    return std::uint32_t(b[at]) << 24 | std::uint32_t(b[at + 1]) << 16 | std::uint32_t(b[at + 2]) << 8 |
           std::uint32_t(b[at + 3]);
  };
  if (b.size() >= 8 && std::memcmp(b.data(), kPng.data(), 8) == 0) {
    if (b.size() < 24 || std::memcmp(b.data() + 12, "IHDR", 4) != 0)
      throw core::Error(where, what + " is a PNG without an IHDR header");
    const std::uint32_t w = be32(16), h = be32(20);
    if (w == 0 || h == 0 || w > 0x7fffffffu || h > 0x7fffffffu)
      throw core::Error(where, what + " PNG header gives an invalid size");
    return {ImageFormat::Png, int(w), int(h)};
  }
  if (b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) {
    std::size_t at = 2;
    while (at + 4 <= b.size()) {
      if (b[at] != 0xFF) throw core::Error(where, what + " JPEG has a broken marker before its size");
      const std::uint8_t marker = b[at + 1];
      if (marker == 0xFF) {  // fill byte
        ++at;
        continue;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // markers without a length
        at += 2;
        continue;
      }
      if (marker == 0xD9 || marker == 0xDA) break;  // end of image or scan data before any frame header
      const int length = be16(at + 2);
      if (length < 2) throw core::Error(where, what + " JPEG has a segment shorter than its length field");
      const bool isSof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (isSof) {
        if (at + 9 > b.size() || length < 7) break;
        const int h = be16(at + 5), w = be16(at + 7);
        if (w == 0 || h == 0) throw core::Error(where, what + " JPEG header gives a size of zero");
        return {ImageFormat::Jpeg, w, h};
      }
      at += 2 + static_cast<std::size_t>(length);
    }
    throw core::Error(where, what + " JPEG has no frame header giving its size");
  }
  throw core::Error(where, what + " is neither PNG nor JPEG");
}

}  // namespace myo::scene::guard
