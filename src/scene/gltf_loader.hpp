// scene/gltf_loader.hpp: glTF 2.0 (.gltf and .glb) import into scene::Model, hardened against hostile files.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/error.hpp"

#include "scene/model.hpp"

namespace myo::scene {

/// Ceilings applied while loading; every one is checked before the memory it guards is allocated.
struct LoadLimits {
  std::uint64_t maxFileBytes = 512ull << 20;      ///< the model file itself
  std::uint64_t maxExternalBytes = 512ull << 20;  ///< each external buffer or image file
  int maxJsonDepth = 64;                          ///< nesting of JSON arrays and objects
  int maxImageSide = 8192;                        ///< pixels, width and height each
  std::uint64_t maxImagePixels = 64ull << 20;     ///< width * height
  std::uint64_t maxElements = 1ull << 26;         ///< accessor elements, vertices and indices per primitive
  /// What the file may cost: every accessor's elements as 32-bit values (as the loader holds them) plus each
  /// image's decoded RGBA8 pixels, counted once per image however many textures use it. Accessors are
  /// summed from the JSON before the parser runs, images from their PNG/JPEG headers before decoding.
  std::uint64_t maxMemoryBytes = 1ull << 30;
};

/// Loads a glTF 2.0 model (JSON .gltf with embedded or sibling files, or binary .glb).
///
/// Everything in the result is validated: indices are in range, triangles are lists, normals exist (smooth,
/// area-weighted when the file has none), skin weights sum to one, the node graph is a forest, animation
/// times increase. External files are read only from the model's own folder; images must be PNG or JPEG and
/// are decoded to RGBA8. Units and axes are the file's (glTF: metres, +Y up).
///
/// Throws core::Error(file as given, reason) for any file it cannot use; never crashes on bad input.
Model loadGltf(const std::filesystem::path& file, const LoadLimits& limits = {});

/// Every problem loadGltf would find, in file order, each as core::Error(file, reason): problems in one image,
/// material or primitive do not hide those in the next. A file that cannot be read or parsed gives one problem.
/// Empty when loadGltf succeeds; `model`, when given, then receives what loadGltf would have returned.
std::vector<core::Error> gltfProblems(const std::filesystem::path& file, const LoadLimits& limits = {},
                                      Model* model = nullptr);

}  // namespace myo::scene
