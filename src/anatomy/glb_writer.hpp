// anatomy/glb_writer.hpp: encodes the generated model as a binary glTF 2.0 file (GLB), byte-identical for
// identical input.
#pragma once

#include <cstdint>
#include <filesystem>
#include <vector>

#include "anatomy/anatomy_model.hpp"

namespace myo::anatomy {

/// The GLB bytes: one skin over every joint, used by every mesh node; one material per tissue; muscle
/// primitives carry _FIBRE (VEC3) and _TENDON (SCALAR); mesh extras hold the facts as strings.
std::vector<std::uint8_t> encodeGlb(const AnatomyModel& model);

/// Writes encodeGlb(model) to `path`. Throws core::Error{path, ...} when the file cannot be written.
void writeGlb(const AnatomyModel& model, const std::filesystem::path& path);

}  // namespace myo::anatomy
