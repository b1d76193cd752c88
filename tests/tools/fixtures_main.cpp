// tests/tools/fixtures_main.cpp: writes the glTF files the tests load, so that the suite needs nothing from
// outside the repository. Together they cover what a viewer meets in other tools' files:
//
//   box.gltf            a root node with a matrix over a child with TRS; 16-bit indices; base64 buffer
//   box_animated.gltf   a four-node hierarchy, two meshes (8- and 16-bit indices), an external PNG texture,
//                       one animation with a LINEAR rotation, a LINEAR translation, a STEP scale and a
//                       CUBICSPLINE translation
//   rigged_simple.gltf  a cylinder skinned to a chain of three joints, an embedded (data: URI) JPEG texture,
//                       a LINEAR rotation animation
//   rigged_figure.glb   a figure skinned to eleven joints, 32-bit indices, a PNG texture in a buffer view,
//                       weights that do not sum to one, LINEAR rotations and translation, a STEP scale
//   textured_figure.gltf (+ .bin, .jpg)  the same figure with an external buffer and an external JPEG
//                       texture, no NORMAL attribute, a second primitive without indices, non-normalised
//                       weights, CUBICSPLINE rotations
//
// Usage: myorelease-fixtures --out DIR. The bytes depend on nothing but this file.
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace {

using nlohmann::json;
using Bytes = std::vector<std::uint8_t>;

constexpr float kPi = 3.14159265358979f;

struct V3 {
  float x, y, z;
};
V3 operator+(V3 a, V3 b) {
  return {a.x + b.x, a.y + b.y, a.z + b.z};
}
V3 operator-(V3 a, V3 b) {
  return {a.x - b.x, a.y - b.y, a.z - b.z};
}
V3 operator*(float s, V3 a) {
  return {s * a.x, s * a.y, s * a.z};
}

/// Quaternion (x, y, z, w) of a rotation by `angle` radians about a unit axis.
std::array<float, 4> quat(V3 axis, float angle) {
  const float s = std::sin(0.5f * angle);
  return {axis.x * s, axis.y * s, axis.z * s, std::cos(0.5f * angle)};
}

// ---- images ----------------------------------------------------------------------------------------------

/// A 64x64 RGB picture: a checker of two colours with a diagonal band, so a decode can be told from a blank.
std::vector<std::uint8_t> checker(std::array<std::uint8_t, 3> a, std::array<std::uint8_t, 3> b) {
  std::vector<std::uint8_t> rgb(64 * 64 * 3);
  for (int y = 0; y < 64; ++y)
    for (int x = 0; x < 64; ++x) {
      const bool band = std::abs(x - y) < 4;
      const auto& c = band ? std::array<std::uint8_t, 3>{240, 240, 230} : (((x / 16) + (y / 16)) % 2 ? a : b);
      for (int k = 0; k < 3; ++k) rgb[std::size_t((y * 64 + x) * 3 + k)] = c[std::size_t(k)];
    }
  return rgb;
}

void appendTo(void* context, void* data, int size) {
  auto* out = static_cast<Bytes*>(context);
  const auto* p = static_cast<const std::uint8_t*>(data);
  out->insert(out->end(), p, p + size);
}

Bytes png(const std::vector<std::uint8_t>& rgb) {
  Bytes out;
  if (!stbi_write_png_to_func(appendTo, &out, 64, 64, 3, rgb.data(), 64 * 3)) throw std::runtime_error("png");
  return out;
}

Bytes jpeg(const std::vector<std::uint8_t>& rgb) {
  Bytes out;
  if (!stbi_write_jpg_to_func(appendTo, &out, 64, 64, 3, rgb.data(), 90)) throw std::runtime_error("jpeg");
  return out;
}

std::string base64(const Bytes& in) {
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    const unsigned v = unsigned(in[i]) << 16 | unsigned(in[i + 1]) << 8 | in[i + 2];
    for (int s = 18; s >= 0; s -= 6) out += table[(v >> s) & 63];
  }
  if (i < in.size()) {
    const unsigned v = unsigned(in[i]) << 16 | (i + 1 < in.size() ? unsigned(in[i + 1]) << 8 : 0u);
    out += table[(v >> 18) & 63];
    out += table[(v >> 12) & 63];
    out += i + 1 < in.size() ? table[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

// ---- geometry --------------------------------------------------------------------------------------------

struct Geometry {
  std::vector<V3> positions;
  std::vector<V3> normals;
  std::vector<std::array<float, 2>> uvs;
  std::vector<std::array<std::uint8_t, 4>> joints;
  std::vector<std::array<float, 4>> weights;
  std::vector<std::uint32_t> indices;

  void append(const Geometry& g) {
    const auto base = std::uint32_t(positions.size());
    positions.insert(positions.end(), g.positions.begin(), g.positions.end());
    normals.insert(normals.end(), g.normals.begin(), g.normals.end());
    uvs.insert(uvs.end(), g.uvs.begin(), g.uvs.end());
    joints.insert(joints.end(), g.joints.begin(), g.joints.end());
    weights.insert(weights.end(), g.weights.begin(), g.weights.end());
    for (std::uint32_t i : g.indices) indices.push_back(base + i);
  }
};

/// An axis-aligned box of half sizes h around c: 24 vertices (flat faces), 12 counter-clockwise triangles.
Geometry box(V3 c, V3 h) {
  Geometry g;
  const V3 axes[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  for (int a = 0; a < 3; ++a)
    for (float sign : {1.0f, -1.0f}) {
      const V3 n = sign * axes[a];
      const V3 u = axes[(a + 1) % 3], v = axes[(a + 2) % 3];
      const V3 hn{n.x * h.x, n.y * h.y, n.z * h.z};
      const V3 hu{u.x * h.x, u.y * h.y, u.z * h.z};
      const V3 hv{v.x * h.x, v.y * h.y, v.z * h.z};
      const auto base = std::uint32_t(g.positions.size());
      const float corners[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
      for (const auto& k : corners) {
        g.positions.push_back(c + hn + k[0] * hu + k[1] * hv);
        g.normals.push_back(n);
        g.uvs.push_back({0.5f + 0.5f * k[0], 0.5f - 0.5f * k[1]});
      }
      // u x v = n for the + side: keep the winding counter-clockwise seen from outside.
      if (sign > 0)
        for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) g.indices.push_back(base + i);
      else
        for (std::uint32_t i : {0u, 2u, 1u, 0u, 3u, 2u}) g.indices.push_back(base + i);
    }
  return g;
}

/// A closed tube from a to b (any direction) with `rings` x `segments` vertices plus two caps; weights are
/// left for the caller. Ring r sits at a + (b - a) * r / (rings - 1).
Geometry tube(V3 a, V3 b, float radius, int rings, int segments) {
  Geometry g;
  const V3 d = b - a;
  const float len = std::sqrt(d.x * d.x + d.y * d.y + d.z * d.z);
  const V3 axis = (1.0f / len) * d;
  // Two unit vectors across the axis.
  V3 side = std::abs(axis.y) < 0.9f ? V3{0, 1, 0} : V3{1, 0, 0};
  V3 p{axis.y * side.z - axis.z * side.y, axis.z * side.x - axis.x * side.z, axis.x * side.y - axis.y * side.x};
  const float pl = std::sqrt(p.x * p.x + p.y * p.y + p.z * p.z);
  p = (1.0f / pl) * p;
  const V3 q{axis.y * p.z - axis.z * p.y, axis.z * p.x - axis.x * p.z, axis.x * p.y - axis.y * p.x};
  for (int r = 0; r < rings; ++r) {
    const float t = float(r) / float(rings - 1);
    for (int s = 0; s < segments; ++s) {
      const float phi = 2.0f * kPi * float(s) / float(segments);
      const V3 n = std::cos(phi) * p + std::sin(phi) * q;
      g.positions.push_back(a + t * d + radius * n);
      g.normals.push_back(n);
      g.uvs.push_back({float(s) / float(segments), t});
    }
  }
  for (int r = 0; r + 1 < rings; ++r)
    for (int s = 0; s < segments; ++s) {
      const auto i0 = std::uint32_t(r * segments + s), i1 = std::uint32_t(r * segments + (s + 1) % segments);
      const auto j0 = i0 + std::uint32_t(segments), j1 = i1 + std::uint32_t(segments);
      for (std::uint32_t i : {i0, i1, j1, i0, j1, j0}) g.indices.push_back(i);
    }
  // Caps: a centre vertex each, facing along -axis and +axis.
  for (int end = 0; end < 2; ++end) {
    const auto centre = std::uint32_t(g.positions.size());
    g.positions.push_back(end ? b : a);
    g.normals.push_back(end ? axis : -1.0f * axis);
    g.uvs.push_back({0.5f, float(end)});
    const auto ring = std::uint32_t(end ? (rings - 1) * segments : 0);
    for (int s = 0; s < segments; ++s) {
      const auto i0 = ring + std::uint32_t(s), i1 = ring + std::uint32_t((s + 1) % segments);
      if (end)
        for (std::uint32_t i : {centre, i0, i1}) g.indices.push_back(i);
      else
        for (std::uint32_t i : {centre, i1, i0}) g.indices.push_back(i);
    }
  }
  return g;
}

// ---- the glTF writer --------------------------------------------------------------------------------------

enum class Container { Embedded, External, Glb };

class Gltf {
 public:
  explicit Gltf(std::string generatorNote) {
    doc_["asset"] = {{"version", "2.0"},
                     {"generator", "MyoRelease tests/tools/fixtures_main.cpp"},
                     {"extras", {{"note", std::move(generatorNote)}}}};
  }

  json& doc() { return doc_; }

  int view(const void* data, std::size_t size, int target = 0, int stride = 0) {
    while (blob_.size() % 4) blob_.push_back(0);
    json v = {{"buffer", 0}, {"byteOffset", blob_.size()}, {"byteLength", size}};
    if (target) v["target"] = target;
    if (stride) v["byteStride"] = stride;
    const auto* p = static_cast<const std::uint8_t*>(data);
    blob_.insert(blob_.end(), p, p + size);
    return push("bufferViews", v);
  }

  int accessor(int view, int componentType, std::size_t count, const char* type) {
    return push("accessors",
                {{"bufferView", view}, {"componentType", componentType}, {"count", count}, {"type", type}});
  }

  int floats(const std::vector<float>& v, const char* type, int comps, int target = 0, bool minMax = false) {
    const int a = accessor(view(v.data(), v.size() * 4, target), 5126, v.size() / std::size_t(comps), type);
    if (minMax) {
      std::vector<float> lo(std::size_t(comps), 1e30f), hi(std::size_t(comps), -1e30f);
      for (std::size_t i = 0; i < v.size(); ++i) {
        lo[i % std::size_t(comps)] = std::min(lo[i % std::size_t(comps)], v[i]);
        hi[i % std::size_t(comps)] = std::max(hi[i % std::size_t(comps)], v[i]);
      }
      doc_["accessors"][std::size_t(a)]["min"] = lo;
      doc_["accessors"][std::size_t(a)]["max"] = hi;
    }
    return a;
  }

  /// Indices as unsigned bytes (5121), shorts (5123) or ints (5125).
  int indices(const std::vector<std::uint32_t>& idx, int componentType) {
    Bytes bytes;
    for (std::uint32_t i : idx) {
      const int width = componentType == 5121 ? 1 : componentType == 5123 ? 2 : 4;
      if (width < 4 && i >= (1u << (8 * width))) throw std::runtime_error("index too large for its type");
      for (int k = 0; k < width; ++k) bytes.push_back(std::uint8_t(i >> (8 * k)));
    }
    return accessor(view(bytes.data(), bytes.size(), 34963), componentType, idx.size(), "SCALAR");
  }

  /// A primitive's attributes (POSITION always; NORMAL, TEXCOORD_0, JOINTS_0, WEIGHTS_0 where present).
  json attributes(const Geometry& g, bool withNormals = true) {
    std::vector<float> pos, nrm, uv, w;
    for (const V3& p : g.positions) pos.insert(pos.end(), {p.x, p.y, p.z});
    json attr = {{"POSITION", floats(pos, "VEC3", 3, 34962, true)}};
    if (withNormals && !g.normals.empty()) {
      for (const V3& n : g.normals) nrm.insert(nrm.end(), {n.x, n.y, n.z});
      attr["NORMAL"] = floats(nrm, "VEC3", 3, 34962);
    }
    if (!g.uvs.empty()) {
      for (const auto& t : g.uvs) uv.insert(uv.end(), {t[0], t[1]});
      attr["TEXCOORD_0"] = floats(uv, "VEC2", 2, 34962);
    }
    if (!g.joints.empty()) {
      Bytes j;
      for (const auto& q : g.joints) j.insert(j.end(), q.begin(), q.end());
      attr["JOINTS_0"] = accessor(view(j.data(), j.size(), 34962), 5121, g.joints.size(), "VEC4");
      for (const auto& q : g.weights) w.insert(w.end(), q.begin(), q.end());
      attr["WEIGHTS_0"] = floats(w, "VEC4", 4, 34962);
    }
    return attr;
  }

  /// An image: in a buffer view (GLB), as a data: URI, or as a file next to the model.
  int image(const Bytes& bytes, const char* mime, const std::string& externalName = "") {
    json img;
    if (!externalName.empty()) {
      files_.push_back({externalName, bytes});
      img = {{"uri", externalName}};
    } else if (container_ == Container::Glb) {
      img = {{"bufferView", view(bytes.data(), bytes.size())}, {"mimeType", mime}};
    } else {
      img = {{"uri", std::string("data:") + mime + ";base64," + base64(bytes)}};
    }
    const int i = push("images", img);
    if (!doc_.contains("samplers")) push("samplers", {{"magFilter", 9729}, {"minFilter", 9987}});
    return push("textures", {{"sampler", 0}, {"source", i}});
  }

  int push(const char* key, json value) {
    doc_[key].push_back(std::move(value));
    return int(doc_[key].size()) - 1;
  }

  /// Sets how the buffer is stored; call before adding images (a GLB keeps them in its binary chunk).
  void setContainer(Container c) { container_ = c; }

  void write(const std::filesystem::path& path) {
    while (blob_.size() % 4) blob_.push_back(0);
    json buffer = {{"byteLength", blob_.size()}};
    if (container_ == Container::Embedded) {
      buffer["uri"] = "data:application/octet-stream;base64," + base64(blob_);
    } else if (container_ == Container::External) {
      const std::string bin = path.stem().string() + ".bin";
      buffer["uri"] = bin;
      files_.push_back({bin, blob_});
    }
    doc_["buffers"] = json::array({buffer});
    for (const auto& [name, bytes] : files_) save(path.parent_path() / name, bytes);
    std::string text = doc_.dump(container_ == Container::Glb ? -1 : 1);
    if (container_ != Container::Glb) {
      text += "\n";
      save(path, Bytes(text.begin(), text.end()));
      return;
    }
    while (text.size() % 4) text += ' ';
    Bytes out;
    auto u32 = [&out](std::uint32_t v) {
      for (int i = 0; i < 4; ++i) out.push_back(std::uint8_t(v >> (8 * i)));
    };
    u32(0x46546C67u);  // "glTF"
    u32(2);
    u32(std::uint32_t(12 + 8 + text.size() + 8 + blob_.size()));
    u32(std::uint32_t(text.size()));
    u32(0x4E4F534Au);  // "JSON"
    out.insert(out.end(), text.begin(), text.end());
    u32(std::uint32_t(blob_.size()));
    u32(0x004E4942u);  // "BIN\0"
    out.insert(out.end(), blob_.begin(), blob_.end());
    save(path, out);
  }

 private:
  static void save(const std::filesystem::path& path, const Bytes& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), std::streamsize(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
  }

  json doc_;
  Bytes blob_;
  Container container_ = Container::Embedded;
  std::vector<std::pair<std::string, Bytes>> files_;
};

json material(const char* name, std::array<float, 4> colour, int texture = -1) {
  json pbr = {{"baseColorFactor", colour}, {"metallicFactor", 0.0}, {"roughnessFactor", 0.7}};
  if (texture >= 0) pbr["baseColorTexture"] = {{"index", texture}};
  return {{"name", name}, {"pbrMetallicRoughness", pbr}};
}

/// A sampler of keyframes: times and values as accessors, as the animation's next sampler.
int sampler(Gltf& g, json& anim, const std::vector<float>& times, const std::vector<float>& values, const char* type,
            int comps, const char* interpolation) {
  const int in = g.floats(times, "SCALAR", 1, 0, true);
  const int out = g.floats(values, type, comps);
  anim["samplers"].push_back({{"input", in}, {"output", out}, {"interpolation", interpolation}});
  return int(anim["samplers"].size()) - 1;
}

void channel(json& anim, int samplerIndex, int node, const char* path) {
  anim["channels"].push_back({{"sampler", samplerIndex}, {"target", {{"node", node}, {"path", path}}}});
}

// ---- the files --------------------------------------------------------------------------------------------

void writeBox(const std::filesystem::path& dir) {
  Gltf g("a box under a root node with a matrix");
  const Geometry b = box({0, 0, 0}, {0.25f, 0.25f, 0.25f});
  g.push("materials", material("box_red", {0.8f, 0.1f, 0.1f, 1.0f}));
  g.push(
      "meshes",
      {{"name", "box_mesh"},
       {"primitives",
        json::array({{{"attributes", g.attributes(b)}, {"indices", g.indices(b.indices, 5123)}, {"material", 0}}})}});
  // The root turns the box 30 degrees about +Y and lifts it to 1 m (column-major matrix).
  const float c = std::cos(kPi / 6.0f), s = std::sin(kPi / 6.0f);
  g.push("nodes",
         {{"name", "box_root"}, {"children", {1}}, {"matrix", {c, 0, -s, 0, 0, 1, 0, 0, s, 0, c, 0, 0, 1.0f, 0, 1}}});
  g.push("nodes", {{"name", "box_body"}, {"mesh", 0}, {"rotation", quat({1, 0, 0}, 0.3f)}});
  g.push("scenes", {{"nodes", {0}}});
  g.doc()["scene"] = 0;
  g.write(dir / "box.gltf");
}

void writeBoxAnimated(const std::filesystem::path& dir) {
  Gltf g("a hierarchy of two boxes, one animation of every interpolation");
  const Geometry base = box({0, 0.15f, 0}, {0.3f, 0.15f, 0.3f});
  const Geometry lid = box({0, 0.1f, 0}, {0.2f, 0.1f, 0.2f});
  const int tex = g.image(png(checker({30, 110, 200}, {250, 200, 40})), "image/png", "box_animated.png");
  g.push("materials", material("base_grey", {0.6f, 0.6f, 0.65f, 1.0f}));
  g.push("materials", material("lid_checker", {1, 1, 1, 1}, tex));
  g.push("meshes",
         {{"name", "base_mesh"},
          {"primitives",
           json::array(
               {{{"attributes", g.attributes(base)}, {"indices", g.indices(base.indices, 5121)}, {"material", 0}}})}});
  g.push("meshes",
         {{"name", "lid_mesh"},
          {"primitives",
           json::array(
               {{{"attributes", g.attributes(lid)}, {"indices", g.indices(lid.indices, 5123)}, {"material", 1}}})}});
  g.push("nodes", {{"name", "stand"}, {"children", {1, 2}}, {"translation", {0, 0.7f, 0}}});
  g.push("nodes", {{"name", "base"}, {"mesh", 0}});
  g.push("nodes", {{"name", "spinner"}, {"children", {3}}, {"translation", {0, 0.3f, 0}}});
  g.push("nodes", {{"name", "lid"}, {"mesh", 1}, {"translation", {0, 0.05f, 0}}});
  g.push("scenes", {{"nodes", {0}}});
  g.doc()["scene"] = 0;

  json anim = {{"name", "open_and_turn"}};
  // The spinner turns about +Y: a quarter turn a second (LINEAR).
  std::vector<float> rot;
  for (int k = 0; k < 4; ++k) {
    const auto q = quat({0, 1, 0}, 0.5f * kPi * float(k));
    rot.insert(rot.end(), q.begin(), q.end());
  }
  channel(anim, sampler(g, anim, {0, 1, 2, 3}, rot, "VEC4", 4, "LINEAR"), 2, "rotation");
  // The stand bobs up and down (LINEAR).
  channel(anim, sampler(g, anim, {0, 1.5f, 3}, {0, 0.7f, 0, 0, 0.9f, 0, 0, 0.7f, 0}, "VEC3", 3, "LINEAR"), 0,
          "translation");
  // The lid jumps in size (STEP).
  channel(anim, sampler(g, anim, {0, 0.8f, 2.2f}, {1, 1, 1, 1.4f, 0.6f, 1.4f, 1, 1, 1}, "VEC3", 3, "STEP"), 3, "scale");
  // The base slides sideways along a cubic spline: in-tangent, value, out-tangent per key.
  channel(anim,
          sampler(g, anim, {0, 1.5f, 3}, {0,     0, 0, 0,     0, 0, 0.2f, 0, 0,  //
                                          0,     0, 0, 0.15f, 0, 0, 0,    0, 0,  //
                                          -0.2f, 0, 0, 0,     0, 0, 0,    0, 0},
                  "VEC3", 3, "CUBICSPLINE"),
          1, "translation");
  g.push("animations", anim);
  g.write(dir / "box_animated.gltf");
}

/// Rigid-with-blend weights along a chain: vertex at height fraction t over `joints` equal segments.
void chainWeights(Geometry& g, float y0, float y1, int joints) {
  for (const V3& p : g.positions) {
    const float t = std::clamp((p.y - y0) / (y1 - y0), 0.0f, 1.0f) * float(joints);
    const int j = std::min(joints - 1, int(t));
    const float f = t - float(j);
    // Blend with the next joint over the last fifth of each segment.
    const float blend = j + 1 < joints && f > 0.8f ? (f - 0.8f) / 0.4f : 0.0f;
    // Unused slots name joint 0 with weight 0, as glTF asks.
    g.joints.push_back({std::uint8_t(j), std::uint8_t(blend > 0.0f ? j + 1 : 0), 0, 0});
    g.weights.push_back({1.0f - blend, blend, 0, 0});
  }
}

void writeRiggedSimple(const std::filesystem::path& dir) {
  Gltf g("a cylinder skinned to a chain of three joints");
  Geometry c = tube({0, 0.6f, 0}, {0, 1.5f, 0}, 0.12f, 19, 16);
  chainWeights(c, 0.6f, 1.5f, 3);
  const int tex = g.image(jpeg(checker({200, 60, 40}, {60, 160, 90})), "image/jpeg");
  g.push("materials", material("cylinder_checker", {1, 1, 1, 1}, tex));
  g.push(
      "meshes",
      {{"name", "cylinder"},
       {"primitives",
        json::array({{{"attributes", g.attributes(c)}, {"indices", g.indices(c.indices, 5123)}, {"material", 0}}})}});
  // Nodes: 0 the skinned mesh, 1..3 the joint chain (world heights 0.6, 0.9, 1.2 m).
  g.push("nodes", {{"name", "cylinder_node"}, {"mesh", 0}, {"skin", 0}});
  g.push("nodes", {{"name", "joint_base"}, {"translation", {0, 0.6f, 0}}, {"children", {2}}});
  g.push("nodes", {{"name", "joint_middle"}, {"translation", {0, 0.3f, 0}}, {"children", {3}}});
  g.push("nodes", {{"name", "joint_top"}, {"translation", {0, 0.3f, 0}}});
  std::vector<float> ibm;
  for (float y : {0.6f, 0.9f, 1.2f}) ibm.insert(ibm.end(), {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, -y, 0, 1});
  g.push("skins", {{"joints", {1, 2, 3}}, {"skeleton", 1}, {"inverseBindMatrices", g.floats(ibm, "MAT4", 16)}});
  g.push("scenes", {{"nodes", {0, 1}}});
  g.doc()["scene"] = 0;

  json anim = {{"name", "bend"}};
  std::vector<float> mid, top;
  for (float a : {0.0f, 0.6f, 0.0f}) {
    const auto q = quat({0, 0, 1}, a), r = quat({1, 0, 0}, 0.8f * a);
    mid.insert(mid.end(), q.begin(), q.end());
    top.insert(top.end(), r.begin(), r.end());
  }
  channel(anim, sampler(g, anim, {0, 1, 2}, mid, "VEC4", 4, "LINEAR"), 2, "rotation");
  channel(anim, sampler(g, anim, {0, 1, 2}, top, "VEC4", 4, "LINEAR"), 3, "rotation");
  g.push("animations", anim);
  g.write(dir / "rigged_simple.gltf");
}

/// The figure's skeleton: name, parent, world position of the joint (metres; +Y up, the figure faces +Z,
/// its left is +X).
struct Joint {
  const char* name;
  int parent;
  V3 at;
};
const Joint kFigure[] = {{"hips", -1, {0, 0.95f, 0}},
                         {"spine", 0, {0, 1.15f, 0}},
                         {"head", 1, {0, 1.50f, 0}},
                         {"upper_limb_L", 1, {0.20f, 1.42f, 0}},
                         {"lower_limb_L", 3, {0.28f, 1.15f, 0}},
                         {"upper_limb_R", 1, {-0.20f, 1.42f, 0}},
                         {"lower_limb_R", 5, {-0.28f, 1.15f, 0}},
                         {"thigh_L", 0, {0.10f, 0.90f, 0}},
                         {"shank_L", 7, {0.11f, 0.48f, 0}},
                         {"thigh_R", 0, {-0.10f, 0.90f, 0}},
                         {"shank_R", 9, {-0.11f, 0.48f, 0}}};
constexpr int kFigureJoints = int(std::size(kFigure));

/// The figure's body: a tube per bone (to the child joint or a stated end), each vertex weighted to its bone
/// and, near the bone's start, to the parent. `skew` scales some weights so that their sum is not one.
Geometry figure(bool skew) {
  struct Part {
    int joint;
    V3 end;
    float radius;
  };
  const Part parts[] = {
      {0, {0, 1.15f, 0}, 0.13f},      {1, {0, 1.45f, 0}, 0.15f},       {2, {0, 1.72f, 0}, 0.09f},
      {3, {0.28f, 1.15f, 0}, 0.045f}, {4, {0.33f, 0.90f, 0}, 0.04f},   {5, {-0.28f, 1.15f, 0}, 0.045f},
      {6, {-0.33f, 0.90f, 0}, 0.04f}, {7, {0.11f, 0.48f, 0}, 0.07f},   {8, {0.12f, 0.06f, 0}, 0.055f},
      {9, {-0.11f, 0.48f, 0}, 0.07f}, {10, {-0.12f, 0.06f, 0}, 0.055f}};
  Geometry body;
  for (const Part& part : parts) {
    const Joint& j = kFigure[part.joint];
    Geometry t = tube(j.at, part.end, part.radius, 9, 12);
    const int rings = 9, segments = 12;
    for (std::size_t v = 0; v < t.positions.size(); ++v) {
      const int ring =
          v < std::size_t(rings * segments) ? int(v) / segments : (v == t.positions.size() - 2 ? 0 : rings - 1);
      const float toParent = j.parent >= 0 && ring < 2 ? 0.5f - 0.25f * float(ring) : 0.0f;
      t.joints.push_back({std::uint8_t(part.joint), std::uint8_t(toParent > 0.0f ? j.parent : 0), 0, 0});
      float w0 = 1.0f - toParent, w1 = toParent;
      if (skew && v % 3 == 0) {  // as some exporters write them: off by a few per cent
        w0 *= 0.94f;
        w1 *= 0.94f;
      }
      t.weights.push_back({w0, w1, 0, 0});
    }
    body.append(t);
  }
  return body;
}

/// The figure's skeleton as nodes from `first` on, a skin over them, and the mesh node; returns the skin.
int figureSkeleton(Gltf& g, int mesh) {
  const int first = int(g.doc().contains("nodes") ? g.doc()["nodes"].size() : 0) + 1;
  g.push("nodes", {{"name", "figure"}, {"mesh", mesh}, {"skin", 0}});
  for (int j = 0; j < kFigureJoints; ++j) {
    const Joint& joint = kFigure[j];
    const V3 local = joint.parent < 0 ? joint.at : joint.at - kFigure[joint.parent].at;
    json node = {{"name", joint.name}, {"translation", {local.x, local.y, local.z}}};
    json children = json::array();
    for (int c = 0; c < kFigureJoints; ++c)
      if (kFigure[c].parent == j) children.push_back(first + c);
    if (!children.empty()) node["children"] = children;
    g.push("nodes", node);
  }
  std::vector<float> ibm;
  std::vector<int> joints;
  for (int j = 0; j < kFigureJoints; ++j) {
    const V3 p = kFigure[j].at;
    ibm.insert(ibm.end(), {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -p.x, -p.y, -p.z, 1});
    joints.push_back(first + j);
  }
  g.push("skins", {{"name", "figure_skin"},
                   {"joints", joints},
                   {"skeleton", first},
                   {"inverseBindMatrices", g.floats(ibm, "MAT4", 16)}});
  g.push("scenes", {{"nodes", {first - 1, first}}});
  g.doc()["scene"] = 0;
  return first;
}

/// Keyframes of a swing about `axis` by +-amplitude over 2 s, `keys` keys (the last equal to the first).
std::vector<float> swing(V3 axis, float amplitude, int keys, float phase) {
  std::vector<float> out;
  for (int k = 0; k < keys; ++k) {
    const auto q = quat(axis, amplitude * std::sin(2.0f * kPi * float(k) / float(keys - 1) + phase));
    out.insert(out.end(), q.begin(), q.end());
  }
  return out;
}

std::vector<float> keyTimes(int keys, float duration) {
  std::vector<float> t;
  for (int k = 0; k < keys; ++k) t.push_back(duration * float(k) / float(keys - 1));
  return t;
}

void writeRiggedFigure(const std::filesystem::path& dir) {
  Gltf g("a walking figure skinned to eleven joints, in one GLB");
  g.setContainer(Container::Glb);
  const Geometry body = figure(true);
  const int tex = g.image(png(checker({70, 130, 180}, {220, 220, 200})), "image/png");
  g.push("materials", material("figure_checker", {1, 1, 1, 1}, tex));
  g.push("meshes",
         {{"name", "figure_body"},
          {"primitives",
           json::array(
               {{{"attributes", g.attributes(body)}, {"indices", g.indices(body.indices, 5125)}, {"material", 0}}})}});
  const int first = figureSkeleton(g, 0);
  json anim = {{"name", "walk"}};
  const auto t = keyTimes(9, 2.0f);
  // Legs and arms swing in opposition, at their furthest at 0.5 s and 1.5 s.
  const float q1 = 0.5f * kPi, q3 = 1.5f * kPi;
  channel(anim, sampler(g, anim, t, swing({1, 0, 0}, 0.5f, 9, q1), "VEC4", 4, "LINEAR"), first + 7, "rotation");
  channel(anim, sampler(g, anim, t, swing({1, 0, 0}, 0.5f, 9, q3), "VEC4", 4, "LINEAR"), first + 9, "rotation");
  channel(anim, sampler(g, anim, t, swing({1, 0, 0}, 0.4f, 9, q3), "VEC4", 4, "LINEAR"), first + 3, "rotation");
  channel(anim, sampler(g, anim, t, swing({1, 0, 0}, 0.4f, 9, q1), "VEC4", 4, "LINEAR"), first + 5, "rotation");
  channel(anim,
          sampler(g, anim, {0, 0.5f, 1, 1.5f, 2}, {0, 0.95f, 0, 0, 0.92f, 0, 0, 0.95f, 0, 0, 0.92f, 0, 0, 0.95f, 0},
                  "VEC3", 3, "LINEAR"),
          first, "translation");
  channel(anim, sampler(g, anim, {0, 1}, {1, 1, 1, 1.1f, 1.1f, 1.1f}, "VEC3", 3, "STEP"), first + 2, "scale");
  g.push("animations", anim);
  g.write(dir / "rigged_figure.glb");
}

void writeTexturedFigure(const std::filesystem::path& dir) {
  Gltf g("the figure with an external buffer and texture, no normals, a primitive without indices");
  g.setContainer(Container::External);
  const Geometry body = figure(true);
  // A flat hat over the head: separate triangles, no index accessor, weighted to the head.
  Geometry hat = box({0, 1.76f, 0}, {0.12f, 0.03f, 0.12f});
  Geometry flat;
  for (std::uint32_t i : hat.indices) {
    flat.positions.push_back(hat.positions[i]);
    flat.uvs.push_back(hat.uvs[i]);
    flat.joints.push_back({2, 0, 0, 0});
    flat.weights.push_back({1, 0, 0, 0});
  }
  const int tex = g.image(jpeg(checker({150, 90, 50}, {240, 210, 170})), "image/jpeg", "textured_figure.jpg");
  g.push("materials", material("figure_jpeg", {1, 1, 1, 1}, tex));
  g.push("materials", material("hat_green", {0.1f, 0.5f, 0.2f, 1}));
  g.push("meshes", {{"name", "figure_body"},
                    {"primitives", json::array({{{"attributes", g.attributes(body, false)},
                                                 {"indices", g.indices(body.indices, 5123)},
                                                 {"material", 0}},
                                                {{"attributes", g.attributes(flat, false)}, {"material", 1}}})}});
  const int first = figureSkeleton(g, 0);
  // Cubic spline rotations: in-tangent, value, out-tangent per key, the tangents zero (ease in and out).
  auto cubic = [](const std::vector<float>& values) {
    std::vector<float> out;
    for (std::size_t k = 0; k < values.size(); k += 4) {
      out.insert(out.end(), {0, 0, 0, 0});
      out.insert(out.end(), values.begin() + long(k), values.begin() + long(k) + 4);
      out.insert(out.end(), {0, 0, 0, 0});
    }
    return out;
  };
  json anim = {{"name", "wave"}};
  const auto t = keyTimes(5, 2.0f);
  // The left arm waves out to the side (furthest at 1 s), the trunk turns; keys every 0.5 s.
  const float q1 = 0.5f * kPi, q3 = 1.5f * kPi;
  channel(anim, sampler(g, anim, t, cubic(swing({0, 0, 1}, 0.9f, 5, q3)), "VEC4", 4, "CUBICSPLINE"), first + 3,
          "rotation");
  channel(anim, sampler(g, anim, t, cubic(swing({0, 0, 1}, 0.6f, 5, 1.2f * kPi)), "VEC4", 4, "CUBICSPLINE"), first + 4,
          "rotation");
  channel(anim, sampler(g, anim, t, cubic(swing({0, 1, 0}, 0.4f, 5, q1)), "VEC4", 4, "CUBICSPLINE"), first + 1,
          "rotation");
  g.push("animations", anim);
  g.write(dir / "textured_figure.gltf");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3 || std::string(argv[1]) != "--out") {
    std::fprintf(stderr, "usage: myorelease-fixtures --out DIR\n");
    return 2;
  }
  try {
    const std::filesystem::path dir = argv[2];
    std::filesystem::create_directories(dir);
    writeBox(dir);
    writeBoxAnimated(dir);
    writeRiggedSimple(dir);
    writeRiggedFigure(dir);
    writeTexturedFigure(dir);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "myorelease-fixtures: error: %s\n", e.what());
    return 1;
  }
  return 0;
}
