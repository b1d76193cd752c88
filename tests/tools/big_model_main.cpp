// tests/tools/big_model_main.cpp: writes a deterministic GLB of one finely tessellated, bumpy sphere
// (positions, normals, 32-bit indices) with a requested number of triangles, for load and frame-time
// measurements.
#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr float kRadius = 0.3f;   // metres: about a torso's width, so default framing looks usual
constexpr float kCentreY = 1.0f;  // metres above the floor, +Y up
constexpr long kMinTriangles = 16;
constexpr long kMaxTriangles = 50'000'000;  // keeps the GLB well under the loader's 512 MiB limit

struct Mesh {
  std::vector<float> positions;  // xyz per vertex, metres
  std::vector<float> normals;    // unit xyz per vertex
  std::vector<std::uint32_t> indices;
  std::array<float, 3> min{};
  std::array<float, 3> max{};
};

/// Radius (metres) of the bumpy sphere in the direction of polar angle theta and azimuth phi (radians).
/// Two bump frequencies give the shading and the depth test real work without self-intersection.
float radiusAt(double theta, double phi) {
  const double bumps = 0.05 * std::sin(9.0 * theta) * std::sin(8.0 * phi) +
                       0.015 * std::sin(41.0 * theta + 1.0) * std::cos(37.0 * phi);
  return float(kRadius * (1.0 + bumps));
}

/// A latitude/longitude sphere with triangle fans at the poles (no degenerate triangles):
/// 2 * segments * (rings - 1) triangles, the seam closed by index wrap-around (no duplicated vertices).
Mesh buildSphere(long rings, long segments) {
  Mesh mesh;
  const long vertexCount = 2 + (rings - 1) * segments;
  mesh.positions.reserve(size_t(vertexCount) * 3);
  auto push = [&mesh](double theta, double phi) {
    const float r = radiusAt(theta, phi);
    mesh.positions.push_back(float(r * std::sin(theta) * std::cos(phi)));
    mesh.positions.push_back(float(kCentreY + r * std::cos(theta)));
    mesh.positions.push_back(float(r * std::sin(theta) * std::sin(phi)));
  };
  push(0.0, 0.0);  // north pole: vertex 0
  for (long i = 1; i < rings; ++i)
    for (long j = 0; j < segments; ++j)
      push(kPi * double(i) / double(rings), 2.0 * kPi * double(j) / double(segments));
  push(kPi, 0.0);  // south pole: the last vertex

  const auto ring = [segments](long i, long j) {
    return std::uint32_t(1 + (i - 1) * segments + j % segments);
  };
  const std::uint32_t south = std::uint32_t(vertexCount - 1);
  mesh.indices.reserve(size_t(2 * segments * (rings - 1)) * 3);
  // Counter-clockwise seen from outside, as glTF expects for front faces.
  for (long j = 0; j < segments; ++j)
    mesh.indices.insert(mesh.indices.end(), {0u, ring(1, j + 1), ring(1, j)});
  for (long i = 1; i + 1 < rings; ++i)
    for (long j = 0; j < segments; ++j) {
      const std::uint32_t a = ring(i, j), b = ring(i, j + 1), c = ring(i + 1, j), d = ring(i + 1, j + 1);
      mesh.indices.insert(mesh.indices.end(), {a, b, c, b, d, c});
    }
  for (long j = 0; j < segments; ++j)
    mesh.indices.insert(mesh.indices.end(), {south, ring(rings - 1, j), ring(rings - 1, j + 1)});

  // Area-weighted face normals summed per vertex: smooth and consistent with the bumps.
  std::vector<double> sum(mesh.positions.size(), 0.0);
  const float* p = mesh.positions.data();
  for (size_t t = 0; t < mesh.indices.size(); t += 3) {
    const std::uint32_t i0 = mesh.indices[t], i1 = mesh.indices[t + 1], i2 = mesh.indices[t + 2];
    const double e1[3] = {p[3 * i1] - p[3 * i0], p[3 * i1 + 1] - p[3 * i0 + 1],
                          p[3 * i1 + 2] - p[3 * i0 + 2]};
    const double e2[3] = {p[3 * i2] - p[3 * i0], p[3 * i2 + 1] - p[3 * i0 + 1],
                          p[3 * i2 + 2] - p[3 * i0 + 2]};
    const double n[3] = {e1[1] * e2[2] - e1[2] * e2[1], e1[2] * e2[0] - e1[0] * e2[2],
                         e1[0] * e2[1] - e1[1] * e2[0]};
    for (std::uint32_t v : {i0, i1, i2})
      for (int k = 0; k < 3; ++k) sum[3 * v + k] += n[k];
  }
  mesh.normals.resize(mesh.positions.size());
  for (size_t v = 0; v < sum.size(); v += 3) {
    const double len = std::sqrt(sum[v] * sum[v] + sum[v + 1] * sum[v + 1] + sum[v + 2] * sum[v + 2]);
    for (int k = 0; k < 3; ++k)
      mesh.normals[v + k] = float(len > 0.0 ? sum[v + k] / len : (k == 1 ? 1.0 : 0.0));
  }

  mesh.min.fill(std::numeric_limits<float>::max());
  mesh.max.fill(std::numeric_limits<float>::lowest());
  for (size_t v = 0; v < mesh.positions.size(); v += 3)
    for (int k = 0; k < 3; ++k) {
      mesh.min[k] = std::min(mesh.min[k], mesh.positions[v + k]);
      mesh.max[k] = std::max(mesh.max[k], mesh.positions[v + k]);
    }
  return mesh;
}

template <typename T>
void append(std::vector<std::uint8_t>& out, const std::vector<T>& values) {
  const size_t at = out.size();
  out.resize(at + values.size() * sizeof(T));
  std::memcpy(out.data() + at, values.data(), values.size() * sizeof(T));
}

void appendU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(std::uint8_t(v >> (8 * i)));  // GLB is little-endian
}

/// The GLB bytes: a 12-byte header, the JSON chunk padded with spaces, the BIN chunk padded with zeros.
std::vector<std::uint8_t> toGlb(const Mesh& mesh) {
  std::vector<std::uint8_t> bin;
  append(bin, mesh.positions);
  append(bin, mesh.normals);
  append(bin, mesh.indices);
  const size_t positionBytes = mesh.positions.size() * sizeof(float);
  const size_t normalBytes = mesh.normals.size() * sizeof(float);
  const size_t indexBytes = mesh.indices.size() * sizeof(std::uint32_t);
  const size_t vertexCount = mesh.positions.size() / 3;

  using nlohmann::json;
  json doc = {
      {"asset", {{"version", "2.0"}, {"generator", "MyoRelease test big-model generator"}}},
      {"scene", 0},
      {"scenes", json::array({{{"name", "big"}, {"nodes", {0}}}})},
      {"nodes", json::array({{{"name", "bumpy_sphere"}, {"mesh", 0}}})},
      {"materials", json::array({{{"name", "clay"},
                                  {"pbrMetallicRoughness",
                                   {{"baseColorFactor", {0.8, 0.7, 0.6, 1.0}},
                                    {"metallicFactor", 0.0},
                                    {"roughnessFactor", 0.7}}}}})},
      {"meshes", json::array({{{"name", "bumpy_sphere"},
                               {"primitives", json::array({{{"attributes", {{"POSITION", 0}, {"NORMAL", 1}}},
                                                            {"indices", 2},
                                                            {"material", 0},
                                                            {"mode", 4}}})}}})},
      {"buffers", json::array({{{"byteLength", bin.size()}}})},
      {"bufferViews",
       json::array(
           {{{"buffer", 0}, {"byteOffset", 0}, {"byteLength", positionBytes}, {"target", 34962}},
            {{"buffer", 0}, {"byteOffset", positionBytes}, {"byteLength", normalBytes}, {"target", 34962}},
            {{"buffer", 0},
             {"byteOffset", positionBytes + normalBytes},
             {"byteLength", indexBytes},
             {"target", 34963}}})},
      {"accessors",
       json::array({{{"bufferView", 0},
                     {"componentType", 5126},
                     {"count", vertexCount},
                     {"type", "VEC3"},
                     {"min", mesh.min},
                     {"max", mesh.max}},
                    {{"bufferView", 1}, {"componentType", 5126}, {"count", vertexCount}, {"type", "VEC3"}},
                    {{"bufferView", 2},
                     {"componentType", 5125},
                     {"count", mesh.indices.size()},
                     {"type", "SCALAR"}}})},
  };
  std::string text = doc.dump();
  while (text.size() % 4 != 0) text.push_back(' ');
  while (bin.size() % 4 != 0) bin.push_back(0);

  std::vector<std::uint8_t> out;
  out.reserve(12 + 8 + text.size() + 8 + bin.size());
  appendU32(out, 0x46546C67u);  // "glTF"
  appendU32(out, 2);
  appendU32(out, std::uint32_t(12 + 8 + text.size() + 8 + bin.size()));
  appendU32(out, std::uint32_t(text.size()));
  appendU32(out, 0x4E4F534Au);  // "JSON"
  out.insert(out.end(), text.begin(), text.end());
  appendU32(out, std::uint32_t(bin.size()));
  appendU32(out, 0x004E4942u);  // "BIN\0"
  out.insert(out.end(), bin.begin(), bin.end());
  return out;
}

[[noreturn]] void usageError(const std::string& where, const std::string& what) {
  throw std::invalid_argument(where + ": " + what);
}

long parseTriangles(std::string_view text) {
  long value = 0;
  long scale = 1;
  if (!text.empty() && (text.back() == 'M' || text.back() == 'k')) {
    scale = text.back() == 'M' ? 1'000'000 : 1'000;
    text.remove_suffix(1);
  }
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value <= 0 ||
      value > kMaxTriangles / scale || value * scale < kMinTriangles)
    usageError("--triangles", "expected a count between 16 and 50M (suffix k or M allowed), got '" +
                                  std::string(text) + "'");
  return value * scale;
}

constexpr std::string_view kUsage =
    "Usage: myorelease-bigmodel --triangles N[k|M] --out FILE.glb\n"
    "Writes one bumpy sphere (metres, +Y up, centre 1 m above the floor) with about N triangles.\n"
    "The same N always gives the same bytes.\n";

}  // namespace

int main(int argc, char** argv) {
  try {
    long triangles = 0;
    std::string out;
    for (int i = 1; i < argc; ++i) {
      const std::string_view arg = argv[i];
      if (arg == "--help") {
        std::fputs(kUsage.data(), stdout);
        return 0;
      }
      if (arg != "--triangles" && arg != "--out") usageError(std::string(arg), "unknown option");
      if (i + 1 >= argc) usageError(std::string(arg), "missing value");
      if (arg == "--triangles")
        triangles = parseTriangles(argv[++i]);
      else
        out = argv[++i];
    }
    if (triangles == 0) usageError("--triangles", "required");
    if (out.empty()) usageError("--out", "required");

    // 2 * segments * (rings - 1) triangles with about twice as many segments as rings (square-ish quads).
    const long rings = std::max(3L, std::lround(std::sqrt(double(triangles) / 4.0)));
    const long segments = std::max(3L, std::lround(double(triangles) / (2.0 * double(rings - 1))));
    const Mesh mesh = buildSphere(rings, segments);
    const std::vector<std::uint8_t> glb = toGlb(mesh);

    std::ofstream file(out, std::ios::binary | std::ios::trunc);
    if (!file) usageError(out, "cannot open for writing");
    file.write(reinterpret_cast<const char*>(glb.data()), std::streamsize(glb.size()));
    file.close();
    if (!file) usageError(out, "could not write all bytes");
    std::printf("%s: %zu triangles, %zu vertices, %zu bytes\n", out.c_str(), mesh.indices.size() / 3,
                mesh.positions.size() / 3, glb.size());
    return 0;
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "myorelease-bigmodel: error: %s\n", e.what());
    return 2;
  }
}
