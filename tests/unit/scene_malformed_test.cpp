// scene_malformed_test.cpp: every file of tests/data/malformed/ (made by tests/data/make_malformed.py) must
// fail with one core::Error naming the file, and never crash; files escaping the model's folder through
// symlinks, devices and fifos are made at run time.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "scene/gltf_guard.hpp"
#include "scene/gltf_loader.hpp"

using namespace myo;
namespace fs = std::filesystem;

namespace {

const fs::path kCorpus = fs::path(MYO_TEST_DATA_DIR) / "malformed";

/// The error loadGltf throws for `path`, checked for the contract every failure keeps.
std::string loadError(const fs::path& path) {
  try {
    scene::loadGltf(path);
  } catch (const core::Error& e) {
    CHECK(e.where() == path.string());
    CHECK(!e.message().empty());
    CHECK(e.message().find('\n') == std::string::npos);
    CHECK(e.message().find('\r') == std::string::npos);
    return e.message();
  } catch (const std::exception& e) {
    FAIL("not a core::Error: " << e.what());
  }
  FAIL("loaded without an error");
  return {};
}

std::string readText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A scratch folder removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "myo_scene_XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_CASE("malformed: the corpus is there and large enough") {
  std::size_t gltf = 0, glb = 0;
  for (const auto& entry : fs::directory_iterator(kCorpus)) {
    if (!entry.is_regular_file()) continue;
    gltf += entry.path().extension() == ".gltf";
    glb += entry.path().extension() == ".glb";
  }
  CHECK(gltf >= 30);
  CHECK(glb >= 10);
}

TEST_CASE("malformed: the controls the corpus is derived from load") {
  for (const char* name : {"valid.gltf", "valid.glb"}) {
    CAPTURE(name);
    const scene::Model model = scene::loadGltf(kCorpus / "control" / name);
    REQUIRE(model.meshes.size() == 1);
    CHECK(model.meshes[0].primitives[0].indices.size() == 3);
    CHECK(model.skins.size() == 1);
    CHECK(model.animations.size() == 1);
    CHECK(model.roles[0].muscle ==
          scene::MuscleId{scene::MuscleKind::Trapezius, scene::Side::Left, scene::MusclePart::Descending});
  }
}

TEST_CASE("malformed: every file fails with one clear line naming it") {
  // The reasons that matter most, by file; every other file must still fail cleanly.
  const std::map<std::string, std::string> expected = {
      {"glb_empty.glb", "file is empty"},
      {"glb_truncated_header.glb", "truncated"},
      {"glb_truncated_body.glb", "GLB header gives a length"},
      {"glb_bad_magic.glb", "bad magic"},
      {"glb_wrong_version.glb", "GLB version 1 is not supported"},
      {"glb_wrong_total_length.glb", "GLB header gives a length"},
      {"glb_json_chunk_too_long.glb", "GLB chunk 0 length"},
      {"glb_bin_chunk_too_long.glb", "GLB chunk 1 length"},
      {"glb_first_chunk_not_json.glb", "first chunk is not of type JSON"},
      {"glb_misaligned_chunk.glb", "not a multiple of 4"},
      {"glb_truncated_chunk_header.glb", "header is truncated"},
      {"glb_image_view_past_buffer.glb", "image 0 buffer view reaches past the end of buffer 0"},
      {"glb_deep_nesting.glb", "nested deeper than 64 levels"},
      {"empty.gltf", "file is empty"},
      {"invalid_json.gltf", "invalid JSON"},
      {"deep_nesting.gltf", "nested deeper than 64 levels"},
      {"root_not_object.gltf", "root is not an object"},
      {"wrong_type_nodes.gltf", "'nodes' is not an array"},
      {"missing_asset.gltf", "'asset' is missing"},
      {"required_extension_draco.gltf",
       "requires the extension KHR_draco_mesh_compression, which is not supported"},
      {"accessor_past_view.gltf", "accessor 0 reads past the end of buffer view 0"},
      {"view_past_buffer.gltf", "buffer view 0 reaches past the end of buffer 0"},
      {"accessor_offset_overflow.gltf", "accessor 0 reads past the end of buffer view 0"},
      {"view_offset_overflow.gltf", "buffer view 0 reaches past the end of buffer 0"},
      {"huge_accessor_count.gltf", "accessor 0 has 4000000000 elements"},
      {"huge_accessor_count_no_view.gltf", "accessor 0 has 3000000000 elements"},
      {"mesh_out_of_range.gltf", "node 0 refers to mesh 5, which does not exist"},
      {"scene_node_out_of_range.gltf", "scene 0 refers to node 7"},
      {"material_out_of_range.gltf", "refers to material 3"},
      {"accessor_out_of_range.gltf", "refers to accessor 9"},
      {"buffer_out_of_range.gltf", "buffer view 0 refers to buffer 3"},
      {"skin_out_of_range.gltf", "node 0 refers to skin 2"},
      {"texture_out_of_range.gltf", "material 0 refers to texture 4"},
      {"index_value_too_large.gltf", "has index 7 at position 2, not below its vertex count 3"},
      {"nan_position.gltf", "position that is not a finite number (vertex 1)"},
      {"inf_position.gltf", "position that is not a finite number (vertex 0)"},
      {"node_cycle.gltf", "node 2 is its own ancestor"},
      {"two_parents.gltf", "node 1 has two parents (nodes 0 and 2)"},
      {"self_child.gltf", "node 1 is its own child"},
      {"escape_dotdot.gltf", "buffer 0 uri leaves the model's folder"},
      {"escape_absolute.gltf", "buffer 0 uri is an absolute path"},
      {"escape_percent.gltf", "buffer 0 uri leaves the model's folder"},
      {"escape_backslash.gltf", "buffer 0 uri contains a backslash"},
      {"escape_dev_zero.gltf", "buffer 0 uri is an absolute path"},
      {"uri_directory.gltf", "is a directory"},
      {"uri_missing_file.gltf", "external file 'not_here.bin' does not exist"},
      {"data_uri_not_base64.gltf", "buffer 0 data URI is not base64 encoded"},
      {"data_uri_bad_chars.gltf", "not base64 at offset 3"},
      {"image_gif.gltf", "image 0 is neither PNG nor JPEG"},
      {"image_garbage.gltf", "image 0 is neither PNG nor JPEG"},
      {"image_huge_png.gltf", "image 0 is 100000x100000 pixels, limit 8192"},
      {"image_huge_jpeg.gltf", "image 0 is 40000x40000 pixels, limit 8192"},
      {"image_escape.gltf", "image 0 uri leaves the model's folder"},
      {"animation_sampler_count_mismatch.gltf", "has 3 output values for 2 key times"},
      {"animation_times_decreasing.gltf", "key times do not increase"},
      {"joints_out_of_range.gltf", "mesh 0 uses joint 3 but skin 0 has 1 joints"},
      {"sparse_index_out_of_range.gltf", "sparse part of accessor 0 has index 16256"},
  };
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(kCorpus))
    if (entry.is_regular_file()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::size_t matched = 0;
  for (const fs::path& file : files) {
    CAPTURE(file.filename().string());
    const std::string message = loadError(file);
    MESSAGE(file.filename().string() << ": " << message);
    auto it = expected.find(file.filename().string());
    if (it != expected.end()) {
      CHECK_MESSAGE(message.find(it->second) != std::string::npos, "expected '" << it->second << "'");
      ++matched;
    }
  }
  CHECK(matched == expected.size());  // the table names no file the corpus lacks
}

TEST_CASE("malformed: external files through symlinks, devices and fifos are refused") {
  TempDir tmp;
  const fs::path folder = tmp.path / "model";
  fs::create_directories(folder / "sub");
  const nlohmann::json control = nlohmann::json::parse(readText(kCorpus / "control" / "valid.gltf"));
  const std::string uri = control["buffers"][0]["uri"];
  // The buffer bytes, written as a sibling file, to test external buffers.
  const std::string b64 = uri.substr(uri.find(',') + 1);
  std::string bytes;
  {
    unsigned bits = 0;
    int count = 0;
    for (char c : b64) {
      const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
      const char* at = std::strchr(table, c);
      if (c == '=' || at == nullptr) break;
      bits = (bits << 6) | unsigned(at - table);
      count += 6;
      if (count >= 8) bytes.push_back(char((bits >> (count -= 8)) & 0xFF));
    }
  }
  auto writeBytes = [](const fs::path& p, const std::string& data) {
    std::ofstream(p, std::ios::binary) << data;
  };
  writeBytes(folder / "ok.bin", bytes);
  writeBytes(folder / "sub" / "nested.bin", bytes);
  writeBytes(tmp.path / "outside.bin", bytes);
  fs::create_symlink(tmp.path / "outside.bin", folder / "out_link.bin");
  fs::create_symlink("../outside.bin", folder / "out_relative_link.bin");
  fs::create_symlink("/dev/zero", folder / "zero.bin");
  fs::create_symlink("ok.bin", folder / "in_link.bin");
  REQUIRE(mkfifo((folder / "pipe.bin").c_str(), 0600) == 0);

  auto withUri = [&](const std::string& name, const std::string& bufferUri) {
    nlohmann::json doc = control;
    doc["buffers"][0]["uri"] = bufferUri;
    const fs::path p = folder / name;
    writeBytes(p, doc.dump());
    return p;
  };

  SUBCASE("files inside the folder load, also percent-encoded, in subfolders and through inner links") {
    for (const std::string u : {"ok.bin", "o%6B.bin", "sub/nested.bin", "./ok.bin", "in_link.bin"}) {
      CAPTURE(u);
      const scene::Model model = scene::loadGltf(withUri("inside.gltf", u));
      CHECK(model.meshes[0].primitives[0].positions.size() == 3);
    }
  }
  SUBCASE("links leading out are refused") {
    CHECK(loadError(withUri("a.gltf", "out_link.bin")).find("leads outside the model's folder") !=
          std::string::npos);
    CHECK(loadError(withUri("b.gltf", "out_relative_link.bin")).find("leads outside") != std::string::npos);
    CHECK(loadError(withUri("c.gltf", "zero.bin")).find("leads outside") != std::string::npos);
  }
  SUBCASE("a fifo and a directory are refused without being opened") {
    CHECK(loadError(withUri("d.gltf", "pipe.bin")).find("is not a regular file") != std::string::npos);
    CHECK(loadError(withUri("e.gltf", "sub")).find("is a directory") != std::string::npos);
  }
  SUBCASE("the model itself must be a regular file") {
    CHECK(loadError(folder / "pipe.bin").find("not a regular file") != std::string::npos);
    CHECK(loadError(folder / "sub").find("directory") != std::string::npos);
  }
  SUBCASE("size limits apply to the model and to external files") {
    scene::LoadLimits tight;
    tight.maxExternalBytes = 16;
    try {
      scene::loadGltf(withUri("f.gltf", "ok.bin"), tight);
      FAIL("no error");
    } catch (const core::Error& e) {
      CHECK(e.message().find("too large") != std::string::npos);
    }
    tight.maxFileBytes = 64;
    CHECK_THROWS_AS(scene::loadGltf(withUri("g.gltf", "ok.bin"), tight), core::Error);
  }
}

TEST_CASE("guard: JSON depth scan ignores brackets inside strings") {
  CHECK_NOTHROW(scene::guard::checkJsonDepth(R"({"a":"[[[[[[[[[[\"[[[["})", 2, "x"));
  CHECK_NOTHROW(scene::guard::checkJsonDepth("[[1]]", 2, "x"));
  CHECK_THROWS_AS(scene::guard::checkJsonDepth("[[[1]]]", 2, "x"), core::Error);
}

TEST_CASE("guard: relative URIs") {
  CHECK(scene::guard::checkRelativeUri("a%20b.bin", "buffer 0", "x") == "a b.bin");
  CHECK(scene::guard::checkRelativeUri("dir/..a.bin", "buffer 0", "x") == "dir/..a.bin");
  for (const char* bad :
       {"..", "a/../../b", "%2E%2e/b", "/abs", "c:/x", "a\\b", "%00x", "%zz", "http://h/x"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(scene::guard::checkRelativeUri(bad, "buffer 0", "x"), core::Error);
  }
}

TEST_CASE("malformed: random mutations of the controls give a model or a core::Error, nothing else") {
  TempDir tmp;
  std::uint64_t state = 0x9E3779B97F4A7C15ull;  // fixed seed: the same mutations every run
  auto next = [&]() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  std::size_t loaded = 0, rejected = 0;
  // MYO_FUZZ_ROUNDS raises the count for a longer run under a sanitizer.
  const char* env = std::getenv("MYO_FUZZ_ROUNDS");
  const int rounds = env ? std::max(1, std::atoi(env)) : 600;
  for (const char* name : {"valid.glb", "valid.gltf", "features.gltf"}) {
    const std::string original = readText(kCorpus / "control" / name);
    const fs::path target = tmp.path / name;
    for (int round = 0; round < rounds; ++round) {
      std::string bytes = original;
      const int edits = 1 + int(next() % 4);
      for (int e = 0; e < edits; ++e) {
        const std::size_t at = std::size_t(next() % bytes.size());
        switch (next() % 4) {
          case 0:
            bytes[at] = char(next() & 0xFF);
            break;  // random byte
          case 1:
            bytes[at] = char(bytes[at] ^ (1 << (next() % 8)));
            break;  // bit flip
          case 2:
            bytes.resize(std::max<std::size_t>(at, 1));
            break;  // truncation
          default:
            bytes[at] = "0123456789-.e[]{}\",:"[next() % 20];
            break;  // JSON-ish byte
        }
      }
      std::ofstream(target, std::ios::binary | std::ios::trunc) << bytes;
      try {
        const scene::Model model = scene::loadGltf(target);
        for (const scene::Mesh& mesh : model.meshes)
          for (const scene::Primitive& p : mesh.primitives)
            for (std::uint32_t i : p.indices) REQUIRE(i < p.positions.size());
        ++loaded;
      } catch (const core::Error& e) {
        REQUIRE(e.where() == target.string());
        REQUIRE(!e.message().empty());
        REQUIRE(e.message().find('\n') == std::string::npos);
        ++rejected;
      }
    }
  }
  MESSAGE(loaded << " mutated files loaded, " << rejected << " rejected");
  CHECK(rejected > 0);
}

TEST_CASE("gltfProblems reports every broken part, each once, and the loader the first of them") {
  std::ifstream in(kCorpus / "control" / "valid.gltf");
  std::stringstream text;
  text << in.rdbuf();
  auto doc = nlohmann::json::parse(text.str());
  // Four independent problems: a buffer view past its buffer's list, a material naming a missing texture, a
  // second mesh whose positions name a missing accessor, and a node naming a missing mesh.
  doc["bufferViews"].push_back({{"buffer", 7}, {"byteOffset", 0}, {"byteLength", 4}});
  doc["materials"].push_back({{"pbrMetallicRoughness", {{"baseColorTexture", {{"index", 5}}}}}});
  doc["meshes"].push_back({{"name", "broken"}, {"primitives", {{{"attributes", {{"POSITION", 99}}}}}}});
  doc["nodes"].push_back({{"name", "lost"}, {"mesh", 9}});
  const fs::path dir = fs::temp_directory_path() / "myorelease_problems";
  fs::create_directories(dir);
  const fs::path file = dir / "four_problems.gltf";
  std::ofstream(file) << doc.dump();

  const std::vector<core::Error> problems = scene::gltfProblems(file);
  REQUIRE(problems.size() == 4);
  for (const auto& p : problems) CHECK(p.where() == file.string());
  CHECK(problems[0].message().find("buffer view 7") != std::string::npos);
  CHECK(problems[1].message().find("material 1") != std::string::npos);
  CHECK(problems[2].message().find("mesh 1") != std::string::npos);
  CHECK(problems[3].message().find("node 2") != std::string::npos);
  CHECK(loadError(file) == problems[0].message());

  // A view that is broken is reported once, not again by each accessor that reads it.
  doc = nlohmann::json::parse(text.str());
  doc["bufferViews"][0]["byteLength"] = 1000;
  std::ofstream(file) << doc.dump();
  const auto once = scene::gltfProblems(file);
  REQUIRE(once.size() == 1);
  CHECK(once[0].message().find("buffer view 0") != std::string::npos);

  // A sound file has none, and the check hands back the same model loadGltf gives.
  scene::Model checked;
  CHECK(scene::gltfProblems(kCorpus / "control" / "features.gltf", {}, &checked).empty());
  const scene::Model loaded = scene::loadGltf(kCorpus / "control" / "features.gltf");
  CHECK(checked.meshes.size() == loaded.meshes.size());
  CHECK(checked.nodes.size() == loaded.nodes.size());
  CHECK(checked.roles.size() == loaded.roles.size());
  CHECK(scene::gltfProblems(kCorpus / "invalid_json.gltf").size() == 1);
  fs::remove_all(dir);
}
