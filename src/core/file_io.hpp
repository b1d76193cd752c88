// core/file_io.hpp: reading whole files with size limits, and small path helpers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace myo::core {

/// Reads a regular file completely. Throws core::Error{path, ...} when the file is missing, is not a
/// regular file (directory, device, fifo), is larger than maxBytes, or cannot be read.
std::vector<std::uint8_t> readFile(const std::filesystem::path& path, std::size_t maxBytes);

/// Same as readFile, as text.
std::string readTextFile(const std::filesystem::path& path, std::size_t maxBytes);

/// Writes bytes to a file, replacing it. Throws core::Error on failure.
void writeFile(const std::filesystem::path& path, const void* data, std::size_t size);

}  // namespace myo::core
