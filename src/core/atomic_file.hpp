// core/atomic_file.hpp: replacing a small file so that readers see the old or the new content, never half.
#pragma once

#include <filesystem>
#include <string_view>

namespace myo::core {

/// Writes `text` to `path` through a temporary file in the same folder (flushed to disk) that is then renamed
/// over `path`. Creates the missing folders above it (mode 0700, as the XDG base directory rules ask). Throws
/// core::Error{path, ...} on failure; the previous file is then left as it was and no temporary file remains.
void writeFileAtomically(const std::filesystem::path& path, std::string_view text);

/// Appends `line` (which must end with '\n') to `path` in one write(2) of an O_APPEND descriptor, so that lines
/// of several programs appending at once do not interleave. Creates the file (mode 0600) and its folders (0700)
/// when missing. A file whose last line was cut short (no final '\n') gets one first, so the new line stands
/// alone. Throws core::Error{path, ...} on failure.
void appendLine(const std::filesystem::path& path, std::string_view line);

}  // namespace myo::core
