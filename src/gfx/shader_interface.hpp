// gfx/shader_interface.hpp: what the C++ side and the shaders must agree on (GLSL version, attribute
// locations, array sizes), written once. Every shader is compiled after shaderPrelude(), which states these
// values as #defines, so a shader names MYO_ATTR_POSITION or MYO_MAX_JOINTS instead of repeating a number.
#pragma once

#include <string>

namespace myo::gfx {

/// The GLSL version line every shader starts with (OpenGL 3.3 core).
inline constexpr const char* kGlslVersion = "#version 330 core";

/// Vertex attribute locations (pose.vert, mesh.vert).
enum Attribute : unsigned {
  kPosition = 0, kNormal = 1, kUv = 2, kColor = 3, kFibre = 4, kTendon = 5, kJoints = 6, kWeights = 7,
  kRestPosition = 8, kRestNormal = 9
};

/// Joint matrices in pose.vert's Joints block.
inline constexpr int kMaxJoints = 128;
/// Points of the covered path in mesh.frag.
inline constexpr int kMaxCoverPoints = 64;
/// Uniform block binding of the joints.
inline constexpr unsigned kJointsBinding = 0;

/// The text placed before every shader's own source: the version line and the values above.
inline std::string shaderPrelude() {
  std::string s = std::string(kGlslVersion) + "\n";
  auto define = [&s](const char* name, long value) { s += "#define " + std::string(name) + " " + std::to_string(value) + "\n"; };
  define("MYO_ATTR_POSITION", kPosition);
  define("MYO_ATTR_NORMAL", kNormal);
  define("MYO_ATTR_UV", kUv);
  define("MYO_ATTR_COLOR", kColor);
  define("MYO_ATTR_FIBRE", kFibre);
  define("MYO_ATTR_TENDON", kTendon);
  define("MYO_ATTR_JOINTS", kJoints);
  define("MYO_ATTR_WEIGHTS", kWeights);
  define("MYO_ATTR_REST_POSITION", kRestPosition);
  define("MYO_ATTR_REST_NORMAL", kRestNormal);
  define("MYO_MAX_JOINTS", kMaxJoints);
  define("MYO_MAX_COVER_POINTS", kMaxCoverPoints);
  // The shader's own line numbers in driver messages.
  s += "#line 1\n";
  return s;
}

}  // namespace myo::gfx
