// core/error.hpp: the one error type of MyoRelease: a file (or option) and what is wrong with it.
#pragma once

#include <stdexcept>
#include <string>

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

/// The one-line form used on stderr and in the UI.
inline std::string errorLine(const Error& e) { return "myorelease: error: " + e.where() + ": " + e.message(); }

}  // namespace myo::core
