// anatomy/glb_writer.cpp: a small deterministic GLB writer on nlohmann::json (sorted keys, no timestamps,
// zero padding).
#include "anatomy/glb_writer.hpp"

#include <cstring>
#include <string>

#include <nlohmann/json.hpp>

#include "core/file_io.hpp"

namespace myo::anatomy {

namespace {

using nlohmann::json;

constexpr int kFloat = 5126, kUnsignedByte = 5121, kUnsignedShort = 5123, kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962, kElementArrayBuffer = 34963;

class GlbBuilder {
public:
  json doc = json::object();
  std::vector<std::uint8_t> bin;

  /// Appends raw bytes as a new buffer view (4-byte aligned) and returns its index.
  int view(const void* data, std::size_t bytes, int target) {
    while (bin.size() % 4 != 0) bin.push_back(0);
    std::size_t offset = bin.size();
    bin.resize(offset + bytes);
    if (bytes > 0) std::memcpy(bin.data() + offset, data, bytes);
    json v = {{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}};
    if (target != 0) v["target"] = target;
    doc["bufferViews"].push_back(v);
    return static_cast<int>(doc["bufferViews"].size()) - 1;
  }

  int accessor(int bufferView, int componentType, std::size_t count, const char* type, json extra = json::object()) {
    json a = {{"bufferView", bufferView}, {"componentType", componentType}, {"count", count}, {"type", type}};
    for (auto it = extra.begin(); it != extra.end(); ++it) a[it.key()] = it.value();
    doc["accessors"].push_back(a);
    return static_cast<int>(doc["accessors"].size()) - 1;
  }

  int vec3(const std::vector<glm::vec3>& v, bool withBounds) {
    int bv = view(v.data(), v.size() * sizeof(glm::vec3), kArrayBuffer);
    json extra = json::object();
    if (withBounds && !v.empty()) {
      glm::vec3 lo = v[0], hi = v[0];
      for (const glm::vec3& p : v) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
      }
      extra["min"] = {lo.x, lo.y, lo.z};
      extra["max"] = {hi.x, hi.y, hi.z};
    }
    return accessor(bv, kFloat, v.size(), "VEC3", extra);
  }
};

json colour(float r, float g, float b) { return json::array({r, g, b, 1.0f}); }

}  // namespace

std::vector<std::uint8_t> encodeGlb(const AnatomyModel& model) {
  GlbBuilder g;
  json& doc = g.doc;
  doc["asset"] = {{"version", "2.0"}, {"generator", "MyoRelease myorelease-model"}};
  doc["bufferViews"] = json::array();
  doc["accessors"] = json::array();

  // One material per tissue; tendons are told apart by the _TENDON attribute.
  doc["materials"] = json::array();
  doc["materials"].push_back({{"name", "skin"},
                              {"pbrMetallicRoughness",
                               {{"baseColorFactor", colour(0.87f, 0.67f, 0.55f)}, {"metallicFactor", 0.0f},
                                {"roughnessFactor", 0.7f}}}});
  doc["materials"].push_back({{"name", "muscle"},
                              {"pbrMetallicRoughness",
                               {{"baseColorFactor", colour(0.62f, 0.20f, 0.17f)}, {"metallicFactor", 0.0f},
                                {"roughnessFactor", 0.55f}}}});
  doc["materials"].push_back({{"name", "bone"},
                              {"pbrMetallicRoughness",
                               {{"baseColorFactor", colour(0.90f, 0.86f, 0.75f)}, {"metallicFactor", 0.0f},
                                {"roughnessFactor", 0.85f}}}});

  // Joints first, so node index = joint index.
  doc["nodes"] = json::array();
  for (std::size_t i = 0; i < model.joints.size(); ++i) {
    const Joint& j = model.joints[i];
    glm::vec3 t = j.parent < 0 ? j.position : j.position - model.joints[j.parent].position;
    doc["nodes"].push_back({{"name", j.name}, {"translation", {t.x, t.y, t.z}}});
  }
  for (std::size_t i = 0; i < model.joints.size(); ++i) {
    int parent = model.joints[i].parent;
    if (parent >= 0) doc["nodes"][parent]["children"].push_back(i);
  }
  std::vector<float> ibm;
  for (const Joint& j : model.joints) {
    // Column-major inverse of a pure translation.
    float m[16] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -j.position.x, -j.position.y, -j.position.z, 1};
    ibm.insert(ibm.end(), m, m + 16);
  }
  int ibmView = g.view(ibm.data(), ibm.size() * sizeof(float), 0);
  int ibmAccessor = g.accessor(ibmView, kFloat, model.joints.size(), "MAT4");
  json skinJoints = json::array();
  for (std::size_t i = 0; i < model.joints.size(); ++i) skinJoints.push_back(i);
  doc["skins"] = json::array({{{"name", "body"}, {"joints", skinJoints}, {"inverseBindMatrices", ibmAccessor},
                               {"skeleton", 0}}});

  doc["meshes"] = json::array();
  json roots = json::array({0});
  for (const TissueMesh& m : model.meshes) {
    json attributes;
    attributes["POSITION"] = g.vec3(m.positions, true);
    attributes["NORMAL"] = g.vec3(m.normals, false);
    int jv = g.view(m.joints.data(), m.joints.size() * sizeof(glm::u8vec4), kArrayBuffer);
    attributes["JOINTS_0"] = g.accessor(jv, kUnsignedByte, m.joints.size(), "VEC4");
    int wv = g.view(m.weights.data(), m.weights.size() * sizeof(glm::vec4), kArrayBuffer);
    attributes["WEIGHTS_0"] = g.accessor(wv, kFloat, m.weights.size(), "VEC4");
    if (!m.texcoords.empty()) {
      int uv = g.view(m.texcoords.data(), m.texcoords.size() * sizeof(glm::vec2), kArrayBuffer);
      attributes["TEXCOORD_0"] = g.accessor(uv, kFloat, m.texcoords.size(), "VEC2");
    }
    if (!m.fibres.empty()) attributes["_FIBRE"] = g.vec3(m.fibres, false);
    if (!m.tendon.empty()) {
      int tv = g.view(m.tendon.data(), m.tendon.size() * sizeof(float), kArrayBuffer);
      attributes["_TENDON"] = g.accessor(tv, kFloat, m.tendon.size(), "SCALAR");
    }
    int indices;
    if (m.positions.size() < 65536) {
      std::vector<std::uint16_t> small(m.indices.begin(), m.indices.end());
      int iv = g.view(small.data(), small.size() * sizeof(std::uint16_t), kElementArrayBuffer);
      indices = g.accessor(iv, kUnsignedShort, small.size(), "SCALAR");
    } else {
      int iv = g.view(m.indices.data(), m.indices.size() * sizeof(std::uint32_t), kElementArrayBuffer);
      indices = g.accessor(iv, kUnsignedInt, m.indices.size(), "SCALAR");
    }
    int material = m.tissue == Tissue::Skin ? 0 : (m.tissue == Tissue::Muscle ? 1 : 2);
    json mesh = {{"name", m.name},
                 {"primitives", json::array({{{"attributes", attributes}, {"indices", indices},
                                              {"material", material}, {"mode", 4}}})}};
    if (!m.extras.empty()) {
      json extras = json::object();
      for (const auto& [k, v] : m.extras) extras[k] = v;
      mesh["extras"] = extras;
    }
    doc["meshes"].push_back(mesh);
    int meshIndex = static_cast<int>(doc["meshes"].size()) - 1;
    doc["nodes"].push_back({{"name", m.name}, {"mesh", meshIndex}, {"skin", 0}});
    roots.push_back(doc["nodes"].size() - 1);
  }
  doc["scenes"] = json::array({{{"name", "upper_body"}, {"nodes", roots}}});
  doc["scene"] = 0;
  while (g.bin.size() % 4 != 0) g.bin.push_back(0);
  doc["buffers"] = json::array({{{"byteLength", g.bin.size()}}});

  std::string text = doc.dump();
  while (text.size() % 4 != 0) text.push_back(' ');
  std::vector<std::uint8_t> out;
  auto u32 = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
  };
  const std::uint32_t total = 12 + 8 + static_cast<std::uint32_t>(text.size()) + 8 + static_cast<std::uint32_t>(g.bin.size());
  u32(0x46546C67u);  // "glTF"
  u32(2);
  u32(total);
  u32(static_cast<std::uint32_t>(text.size()));
  u32(0x4E4F534Au);  // "JSON"
  out.insert(out.end(), text.begin(), text.end());
  u32(static_cast<std::uint32_t>(g.bin.size()));
  u32(0x004E4942u);  // "BIN\0"
  out.insert(out.end(), g.bin.begin(), g.bin.end());
  return out;
}

void writeGlb(const AnatomyModel& model, const std::filesystem::path& path) {
  std::vector<std::uint8_t> bytes = encodeGlb(model);
  core::writeFile(path, bytes.data(), bytes.size());
}

}  // namespace myo::anatomy
