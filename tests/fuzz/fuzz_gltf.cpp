// tests/fuzz/fuzz_gltf.cpp: libFuzzer target for the glTF/GLB loader. Each input is written to a file in a
// folder of its own (the loader reads files, and resolves external URIs inside the model's folder) and loaded
// both ways the program does: loadGltf (first problem) and gltfProblems (every problem). A core::Error is the
// expected answer to bad input; anything else (a crash, a sanitizer report, another exception, a leak, a
// hang) is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>

#include "core/error.hpp"
#include "core/file_io.hpp"
#include "scene/gltf_loader.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path& folder() {
  static const fs::path dir = [] {
    std::string pattern = (fs::temp_directory_path() / "myo-fuzz-gltf-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) std::abort();
    return fs::path(pattern);
  }();
  return dir;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace myo;
  // The GLB magic decides the extension, as a user's file name would.
  const bool glb = size >= 4 && std::memcmp(data, "glTF", 4) == 0;
  const fs::path file = folder() / (glb ? "model.glb" : "model.gltf");
  core::writeFile(file, data, size);
  // Small limits keep each run quick; the code paths are the same as under the default limits.
  scene::LoadLimits limits;
  limits.maxElements = 1u << 16;
  limits.maxImageSide = 512;
  limits.maxImagePixels = 1u << 16;
  limits.maxMemoryBytes = 32u << 20;
  try {
    scene::Model model = scene::loadGltf(file, limits);
    (void)model;
  } catch (const core::Error&) {
  }
  const auto problems = scene::gltfProblems(file, limits);
  for (const core::Error& e : problems)
    if (e.where() != file.string() || core::errorLine(e).find('\n') != std::string::npos) std::abort();
  return 0;
}
