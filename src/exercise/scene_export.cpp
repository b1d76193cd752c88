// exercise/scene_export.cpp: the posed scene as GLB, encoded by hand (JSON chunk + binary chunk) so that the
// output is deterministic and the loader stays the only tinygltf user.
#include "exercise/scene_export.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <glm/gtc/constants.hpp>
#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/file_io.hpp"
#include "scene/rounded_box.hpp"
#include "scene/skinning.hpp"

namespace myo::exercise {

namespace {

using json = nlohmann::ordered_json;

constexpr int kFloat = 5126;
constexpr int kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962;
constexpr int kElementArrayBuffer = 34963;
constexpr float kFloorHalf = 2.0f;  // the floor square: 4 m across

struct Geometry {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;
  std::vector<std::uint32_t> indices;
  int material = -1;
};

/// Area-weighted vertex normals of a triangle list; a vertex on no triangle gets +Y.
std::vector<glm::vec3> vertexNormals(const std::vector<glm::vec3>& p, const std::vector<std::uint32_t>& idx) {
  std::vector<glm::vec3> n(p.size(), glm::vec3(0.0f));
  for (std::size_t i = 0; i + 2 < idx.size(); i += 3) {
    const glm::vec3 a = p[idx[i]], b = p[idx[i + 1]], c = p[idx[i + 2]];
    const glm::vec3 f = glm::cross(b - a, c - a);
    for (std::size_t k = 0; k < 3; ++k) n[idx[i + k]] += f;
  }
  for (glm::vec3& v : n) {
    const float len = glm::length(v);
    v = len > 1e-12f && std::isfinite(len) ? v / len : glm::vec3(0.0f, 1.0f, 0.0f);
  }
  return n;
}

/// A unit shape (ToolShape conventions) as triangles, placed by `transform`.
Geometry shapeGeometry(const ToolShape& shape) {
  Geometry g;
  auto add = [&](const glm::vec3& p) {
    g.positions.push_back(glm::vec3(shape.transform * glm::vec4(p, 1.0f)));
    return std::uint32_t(g.positions.size() - 1);
  };
  auto quad = [&](std::uint32_t a, std::uint32_t b, std::uint32_t c, std::uint32_t d) {
    g.indices.insert(g.indices.end(), {a, b, c, a, c, d});
  };
  switch (shape.kind) {
    case ToolShape::Kind::Cylinder: {
      constexpr int kSides = 32;
      const std::uint32_t top = add({0, 1, 0}), bottom = add({0, -1, 0});
      std::vector<std::uint32_t> up, down;
      for (int i = 0; i < kSides; ++i) {
        const float a = 2.0f * glm::pi<float>() * float(i) / kSides;
        up.push_back(add({std::cos(a), 1, -std::sin(a)}));
        down.push_back(add({std::cos(a), -1, -std::sin(a)}));
      }
      for (int i = 0; i < kSides; ++i) {
        const int j = (i + 1) % kSides;
        quad(down[std::size_t(i)], down[std::size_t(j)], up[std::size_t(j)], up[std::size_t(i)]);
        g.indices.insert(g.indices.end(), {top, up[std::size_t(i)], up[std::size_t(j)]});
        g.indices.insert(g.indices.end(), {bottom, down[std::size_t(j)], down[std::size_t(i)]});
      }
      break;
    }
    case ToolShape::Kind::Sphere: {
      constexpr int kRings = 16, kSegments = 24;
      std::vector<std::uint32_t> v;
      for (int r = 0; r <= kRings; ++r) {
        const float t = glm::pi<float>() * float(r) / kRings;
        for (int s = 0; s <= kSegments; ++s) {
          const float a = 2.0f * glm::pi<float>() * float(s) / kSegments;
          v.push_back(add({std::sin(t) * std::cos(a), std::cos(t), -std::sin(t) * std::sin(a)}));
        }
      }
      for (int r = 0; r < kRings; ++r)
        for (int s = 0; s < kSegments; ++s) {
          const auto at = [&](int rr, int ss) { return v[std::size_t(rr * (kSegments + 1) + ss)]; };
          quad(at(r, s), at(r + 1, s), at(r + 1, s + 1), at(r, s + 1));
        }
      break;
    }
    case ToolShape::Kind::Box: {
      if (shape.rounding > 0.0f) {
        const glm::mat3 m(shape.transform);
        const scene::Primitive box =
            scene::unitRoundedBox(glm::vec3(glm::length(m[0]), glm::length(m[1]), glm::length(m[2])), shape.rounding);
        const glm::mat3 toWorld = glm::transpose(glm::inverse(m));
        for (std::size_t i = 0; i < box.positions.size(); ++i) {
          add(box.positions[i]);
          g.normals.push_back(glm::normalize(toWorld * box.normals[i]));
        }
        g.indices = box.indices;
        break;
      }
      static const glm::vec3 kAxes[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
      for (int a = 0; a < 3; ++a)
        for (float sign : {1.0f, -1.0f}) {
          const glm::vec3 n = sign * kAxes[a], u = kAxes[(a + 1) % 3], w = sign * kAxes[(a + 2) % 3];
          quad(add(n - u - w), add(n + u - w), add(n + u + w), add(n - u + w));
        }
      break;
    }
  }
  // A mirroring transform would turn the triangles inside out.
  if (glm::determinant(glm::mat3(shape.transform)) < 0.0f)
    for (std::size_t i = 0; i + 2 < g.indices.size(); i += 3) std::swap(g.indices[i + 1], g.indices[i + 2]);
  if (g.normals.empty()) g.normals = vertexNormals(g.positions, g.indices);
  return g;
}

/// The GLB being built: the JSON document and the binary chunk.
class Writer {
public:
  json doc;
  std::vector<std::uint8_t> bin;

  int view(const void* data, std::size_t bytes, int target) {
    while (bin.size() % 4 != 0) bin.push_back(0);
    const std::size_t offset = bin.size();
    bin.resize(offset + bytes);
    if (bytes > 0) std::memcpy(bin.data() + offset, data, bytes);
    doc["bufferViews"].push_back({{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}, {"target", target}});
    return int(doc["bufferViews"].size()) - 1;
  }

  int vec3Accessor(const std::vector<glm::vec3>& v, bool bounds) {
    json a = {{"bufferView", view(v.data(), v.size() * sizeof(glm::vec3), kArrayBuffer)},
              {"componentType", kFloat},
              {"count", v.size()},
              {"type", "VEC3"}};
    if (bounds) {
      glm::vec3 lo = v.front(), hi = v.front();
      for (const glm::vec3& p : v) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
      }
      a["min"] = {lo.x, lo.y, lo.z};
      a["max"] = {hi.x, hi.y, hi.z};
    }
    doc["accessors"].push_back(a);
    return int(doc["accessors"].size()) - 1;
  }

  int indexAccessor(const std::vector<std::uint32_t>& idx) {
    doc["accessors"].push_back({{"bufferView", view(idx.data(), idx.size() * 4, kElementArrayBuffer)},
                                {"componentType", kUnsignedInt},
                                {"count", idx.size()},
                                {"type", "SCALAR"}});
    return int(doc["accessors"].size()) - 1;
  }

  json primitive(const Geometry& g) {
    json p = {
        {"attributes", {{"POSITION", vec3Accessor(g.positions, true)}, {"NORMAL", vec3Accessor(g.normals, false)}}},
        {"indices", indexAccessor(g.indices)},
        {"mode", 4}};
    if (g.material >= 0) p["material"] = g.material;
    return p;
  }

  int material(const std::string& name, const glm::vec4& colour, float metallic, float roughness, bool doubleSided,
               bool blend) {
    json m = {{"name", name},
              {"pbrMetallicRoughness",
               {{"baseColorFactor", {colour.x, colour.y, colour.z, colour.w}},
                {"metallicFactor", metallic},
                {"roughnessFactor", roughness}}}};
    if (doubleSided) m["doubleSided"] = true;
    if (blend) m["alphaMode"] = "BLEND";
    doc["materials"].push_back(m);
    return int(doc["materials"].size()) - 1;
  }

  /// A node with a mesh of these primitives, added to the scene.
  void node(const std::string& name, const std::vector<Geometry>& geometry) {
    json mesh = {{"name", name}, {"primitives", json::array()}};
    for (const Geometry& g : geometry)
      if (!g.positions.empty() && !g.indices.empty()) mesh["primitives"].push_back(primitive(g));
    if (mesh["primitives"].empty()) return;
    doc["meshes"].push_back(mesh);
    doc["nodes"].push_back({{"name", name}, {"mesh", int(doc["meshes"].size()) - 1}});
    doc["scenes"][0]["nodes"].push_back(int(doc["nodes"].size()) - 1);
  }
};

bool isTool(const ToolShape& s) { return s.role == "roller" || s.role == "ball" || s.role == "chair-roller"; }

std::string equipmentName(const std::string& role) {
  std::string out = "equipment_";
  for (char c : role) out += (std::isalnum(static_cast<unsigned char>(c)) != 0) ? c : '_';
  return out;
}

}  // namespace

std::vector<std::uint8_t> encodePosedGlb(const scene::Model& model, const std::vector<glm::mat4>& world,
                                         const SceneExtras& extras) {
  Writer w;
  w.doc["asset"] = {{"version", "2.0"}, {"generator", "MyoRelease --export"}};
  w.doc["scene"] = 0;
  w.doc["scenes"] = json::array({{{"nodes", json::array()}}});
  if (!extras.facts.empty()) w.doc["scenes"][0]["extras"] = extras.facts;
  w.doc["materials"] = json::array();
  for (const scene::Material& m : model.materials)
    w.material(m.name.empty() ? "material" : m.name, m.baseColorFactor, m.metallic, m.roughness, m.doubleSided,
               m.blend);

  // The first node drawing each mesh gives its pose.
  std::vector<int> drawnBy(model.meshes.size(), -1);
  for (int node : scene::meshNodes(model)) {
    const int mesh = model.nodes[std::size_t(node)].mesh;
    if (mesh >= 0 && std::size_t(mesh) < drawnBy.size() && drawnBy[std::size_t(mesh)] < 0)
      drawnBy[std::size_t(mesh)] = node;
  }
  glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
  for (std::size_t mi = 0; mi < model.meshes.size(); ++mi) {
    const scene::Mesh& mesh = model.meshes[mi];
    std::vector<Geometry> geometry;
    for (std::size_t pi = 0; pi < mesh.primitives.size(); ++pi) {
      const scene::Primitive& prim = mesh.primitives[pi];
      Geometry g;
      g.positions = drawnBy[mi] >= 0 && world.size() == model.nodes.size()
                        ? scene::posedWorldPositions(model, drawnBy[mi], int(pi), world)
                        : prim.positions;
      g.indices = prim.indices;
      g.normals = vertexNormals(g.positions, g.indices);
      g.material = prim.material >= 0 && std::size_t(prim.material) < model.materials.size() ? prim.material : -1;
      for (const glm::vec3& p : g.positions) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
      }
      geometry.push_back(std::move(g));
    }
    w.node(mesh.name.empty() ? "mesh_" + std::to_string(mi) : mesh.name, geometry);
  }

  // The tool: one node, one primitive per working shape; every other shape is a piece of equipment.
  std::vector<Geometry> tool;
  std::map<std::string, int> seen;
  std::vector<std::pair<std::string, Geometry>> equipment;
  for (const ToolShape& s : extras.tools) {
    Geometry g = shapeGeometry(s);
    g.material = w.material(s.role, s.colour, 0.0f, 0.8f, false, s.colour.w < 1.0f);
    if (isTool(s)) {
      tool.push_back(std::move(g));
    } else {
      std::string name = equipmentName(s.role);
      if (const int n = ++seen[name]; n > 1) name += "_" + std::to_string(n);
      equipment.emplace_back(name, std::move(g));
    }
  }
  if (!tool.empty()) w.node("tool", tool);
  for (const auto& [name, g] : equipment) w.node(name, {g});

  // The floor at y = 0 under the body.
  const glm::vec3 c = lo.x <= hi.x ? 0.5f * (lo + hi) : glm::vec3(0.0f);
  Geometry floor;
  floor.positions = {{c.x - kFloorHalf, 0, c.z - kFloorHalf},
                     {c.x - kFloorHalf, 0, c.z + kFloorHalf},
                     {c.x + kFloorHalf, 0, c.z + kFloorHalf},
                     {c.x + kFloorHalf, 0, c.z - kFloorHalf}};
  floor.indices = {0, 1, 2, 0, 2, 3};
  floor.normals.assign(4, glm::vec3(0, 1, 0));
  floor.material = w.material("floor", glm::vec4(0.62f, 0.62f, 0.64f, 1.0f), 0.0f, 1.0f, false, false);
  w.node("floor", {floor});

  if (w.doc["materials"].empty()) w.doc.erase("materials");
  while (w.bin.size() % 4 != 0) w.bin.push_back(0);
  w.doc["buffers"] = json::array({{{"byteLength", w.bin.size()}}});

  std::string text = w.doc.dump();
  while (text.size() % 4 != 0) text.push_back(' ');
  std::vector<std::uint8_t> out;
  auto u32 = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(std::uint8_t(v >> (8 * i)));
  };
  u32(0x46546C67);  // "glTF"
  u32(2);
  u32(std::uint32_t(12 + 8 + text.size() + 8 + w.bin.size()));
  u32(std::uint32_t(text.size()));
  u32(0x4E4F534A);  // "JSON"
  out.insert(out.end(), text.begin(), text.end());
  u32(std::uint32_t(w.bin.size()));
  u32(0x004E4942);  // "BIN\0"
  out.insert(out.end(), w.bin.begin(), w.bin.end());
  return out;
}

void writePosedGlb(const std::filesystem::path& path, const scene::Model& model, const std::vector<glm::mat4>& world,
                   const SceneExtras& extras) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char ch) { return char(std::tolower(ch)); });
  if (ext != ".glb") throw core::Error(path.string(), "--export writes binary glTF: the name must end in .glb");
  const std::vector<std::uint8_t> bytes = encodePosedGlb(model, world, extras);
  core::writeFile(path, bytes.data(), bytes.size());
}

}  // namespace myo::exercise
