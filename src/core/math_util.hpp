// core/math_util.hpp: small numeric helpers shared by the pure modules.
#pragma once

#include <cmath>

namespace myo::core {

inline constexpr float kPi = 3.14159265358979323846f;

inline bool allFinite(float a) { return std::isfinite(a); }
template <typename... T>
bool allFinite(float a, T... rest) {
  return std::isfinite(a) && allFinite(rest...);
}

}  // namespace myo::core
