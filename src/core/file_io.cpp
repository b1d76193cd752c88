// core/file_io.cpp: reading whole files with size limits.
#include "core/file_io.hpp"

#include <cstdio>
#include <fstream>
#include <system_error>

#include "core/error.hpp"

namespace myo::core {

std::vector<std::uint8_t> readFile(const std::filesystem::path& path, std::size_t maxBytes) {
  namespace fs = std::filesystem;
  const std::string where = path.string();
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) throw Error(where, "no such file");
  if (fs::is_directory(st)) throw Error(where, "is a directory, not a file");
  if (!fs::is_regular_file(st)) throw Error(where, "is not a regular file");
  const auto size = fs::file_size(path, ec);
  if (ec) throw Error(where, "cannot read its size: " + ec.message());
  if (size > maxBytes)
    throw Error(where, "file is too large (" + std::to_string(size) + " bytes, limit " +
                           std::to_string(maxBytes) + ")");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(where, "cannot open for reading");
  std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
  if (size > 0 && !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
    throw Error(where, "read failed");
  return bytes;
}

std::string readTextFile(const std::filesystem::path& path, std::size_t maxBytes) {
  auto bytes = readFile(path, maxBytes);
  return std::string(bytes.begin(), bytes.end());
}

void writeFile(const std::filesystem::path& path, const void* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) throw Error(path.string(), "cannot open for writing");
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) throw Error(path.string(), "write failed");
}

}  // namespace myo::core
