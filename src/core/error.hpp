// core/error.hpp: the one error type of MyoRelease: a file (or option) and what is wrong with it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace myo::core {

/// Bad input: a file, an option or a field that cannot be used. `main` prints it as
/// "myorelease: error: <where>: <what>" and exits with status 2.
class Error : public std::runtime_error {
public:
  Error(std::string where, std::string what)
      : std::runtime_error(where + ": " + what), where_(std::move(where)), what_(std::move(what)) {}

  const std::string& where() const noexcept { return where_; }
  const std::string& message() const noexcept { return what_; }

private:
  std::string where_;
  std::string what_;
};

/// At most this many bytes of a reason reach the error line: a reason that quotes file content (a parser's
/// "last read" token, an exercise file of whitespace) is cut, so the line stays one short line.
inline constexpr std::size_t kMaxReasonBytes = 240;

/// A reason as one short line: line breaks and other control characters become spaces, and anything past
/// kMaxReasonBytes is replaced by "...".
inline std::string oneLineReason(const std::string& reason) {
  std::string out;
  out.reserve(std::min(reason.size(), kMaxReasonBytes + 3));
  for (char c : reason) {
    if (out.size() >= kMaxReasonBytes) {
      // Do not leave half of a UTF-8 sequence behind.
      while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
      if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0) out.pop_back();
      out += "...";
      return out;
    }
    out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;
  }
  return out;
}

/// The one-line form used on stderr and in the UI.
inline std::string errorLine(const Error& e) {
  return "myorelease: error: " + e.where() + ": " + oneLineReason(e.message());
}

/// Runs one independent part of a check. With `problems` (a run that reports every problem), an Error it throws
/// is added there and false returned, so the caller goes on with the next part; without, the Error propagates.
template <typename Fn>
bool collectError(std::vector<Error>* problems, Fn&& fn) {
  if (problems == nullptr) {
    fn();
    return true;
  }
  try {
    fn();
    return true;
  } catch (const Error& e) {
    problems->push_back(e);
    return false;
  }
}

}  // namespace myo::core
