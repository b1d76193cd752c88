// tests/support/raw_gltf.hpp: a second, minimal reading of a glTF file (.gltf with data: URIs or files beside
// it, or .glb), independent of the loader, so that tests compare what the loader gives with what the file says.
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace myo::test {

inline std::vector<std::uint8_t> base64Decode(const std::string& s) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::vector<std::uint8_t> out;
  unsigned bits = 0;
  int count = 0;
  for (char c : s) {
    const int v = value(c);
    if (v < 0) break;
    bits = (bits << 6) | unsigned(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push_back(std::uint8_t((bits >> count) & 0xFF));
    }
  }
  return out;
}

inline std::vector<std::uint8_t> readBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  return {s.begin(), s.end()};
}

struct RawGltf {
  nlohmann::json doc;
  std::vector<std::vector<std::uint8_t>> buffers;
  std::filesystem::path dir;

  explicit RawGltf(const std::string& path) : dir(std::filesystem::path(path).parent_path()) {
    const auto bytes = readBytes(path);
    std::vector<std::uint8_t> glbBin;
    if (bytes.size() >= 20 && std::memcmp(bytes.data(), "glTF", 4) == 0) {
      const std::uint32_t jsonLength = u32(bytes, 12);
      doc = nlohmann::json::parse(bytes.begin() + 20, bytes.begin() + 20 + jsonLength);
      const std::size_t bin = 20 + jsonLength;
      if (bin + 8 <= bytes.size())
        glbBin.assign(bytes.begin() + long(bin + 8), bytes.begin() + long(bin + 8 + u32(bytes, bin)));
    } else {
      doc = nlohmann::json::parse(bytes.begin(), bytes.end());
    }
    for (const auto& b : doc["buffers"]) {
      if (!b.contains("uri")) {
        buffers.push_back(glbBin);
        continue;
      }
      buffers.push_back(uriBytes(b["uri"]));
    }
  }

  /// The bytes a URI names: a data: URI decoded, or a file beside the model.
  std::vector<std::uint8_t> uriBytes(const std::string& uri) const {
    if (uri.rfind("data:", 0) == 0) return base64Decode(uri.substr(uri.find(',') + 1));
    return readBytes(dir / uri);
  }

  /// The encoded bytes of image i, wherever the file keeps them.
  std::vector<std::uint8_t> imageBytes(int i) const {
    const auto& img = doc["images"][std::size_t(i)];
    if (img.contains("uri")) return uriBytes(img["uri"]);
    const auto& view = doc["bufferViews"][img["bufferView"].get<std::size_t>()];
    const auto& buf = buffers[view["buffer"].get<std::size_t>()];
    const std::size_t offset = view.value("byteOffset", std::size_t(0));
    return {buf.begin() + long(offset), buf.begin() + long(offset + view["byteLength"].get<std::size_t>())};
  }

  std::size_t count(const char* key) const { return doc.contains(key) ? doc[key].size() : 0; }
  std::size_t accessorCount(int a) const { return doc["accessors"][std::size_t(a)]["count"]; }

  /// Float accessor as a flat array (components per element from its type).
  std::vector<float> floats(int a) const {
    const auto& acc = doc["accessors"][std::size_t(a)];
    if (acc["componentType"] != 5126) throw std::runtime_error("not a float accessor");
    const int comps = components(acc["type"]);
    std::vector<float> out;
    forEach(acc, comps * 4, [&](const std::uint8_t* p) {
      for (int c = 0; c < comps; ++c) {
        float f;
        std::memcpy(&f, p + c * 4, 4);
        out.push_back(f);
      }
    });
    return out;
  }

  /// Unsigned integer accessor (8, 16 or 32 bits) as 32-bit values.
  std::vector<std::uint32_t> uints(int a) const {
    const auto& acc = doc["accessors"][std::size_t(a)];
    const int type = acc["componentType"];
    const int width = type == 5121 ? 1 : type == 5123 ? 2 : type == 5125 ? 4 : 0;
    if (!width) throw std::runtime_error("not an unsigned integer accessor");
    const int comps = components(acc["type"]);
    std::vector<std::uint32_t> out;
    forEach(acc, comps * width, [&](const std::uint8_t* p) {
      for (int c = 0; c < comps; ++c) {
        std::uint32_t v = 0;
        for (int k = 0; k < width; ++k) v |= std::uint32_t(p[c * width + k]) << (8 * k);
        out.push_back(v);
      }
    });
    return out;
  }

 private:
  static std::uint32_t u32(const std::vector<std::uint8_t>& b, std::size_t at) {
    return std::uint32_t(b[at]) | std::uint32_t(b[at + 1]) << 8 | std::uint32_t(b[at + 2]) << 16 |
           std::uint32_t(b[at + 3]) << 24;
  }

  static int components(const std::string& type) {
    return type == "SCALAR" ? 1 : type == "VEC2" ? 2 : type == "VEC3" ? 3 : type == "VEC4" ? 4 : 16;
  }

  template <class F>
  void forEach(const nlohmann::json& acc, int elementBytes, F&& f) const {
    const auto& view = doc["bufferViews"][acc["bufferView"].get<std::size_t>()];
    const std::size_t stride =
        view.value("byteStride", std::size_t(0)) ? view["byteStride"].get<std::size_t>() : std::size_t(elementBytes);
    const std::size_t base = view.value("byteOffset", std::size_t(0)) + acc.value("byteOffset", std::size_t(0));
    const auto& buf = buffers[view["buffer"].get<std::size_t>()];
    for (std::size_t i = 0; i < acc["count"].get<std::size_t>(); ++i) f(buf.data() + base + i * stride);
  }
};

}  // namespace myo::test
