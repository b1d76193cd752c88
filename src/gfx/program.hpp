// gfx/program.hpp: a linked GLSL program built from embedded shader files, with cached uniform locations.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

#include "gfx/gl_object.hpp"

namespace myo::gfx {

class Program {
public:
  Program() = default;
  /// Compiles and links; throws std::runtime_error with the file name and the driver's log on failure.
  /// `defines` (lines of `#define NAME VALUE`) are placed after the shared prelude in both stages: a variant
  /// of the same files, its branches on them folded away by the compiler.
  Program(std::string_view vertexName, std::string_view vertexSource, std::string_view fragmentName,
          std::string_view fragmentSource, std::string_view defines = {});
  /// A vertex-only program whose outputs `varyings` are captured interleaved by transform feedback.
  Program(std::string_view vertexName, std::string_view vertexSource, const std::vector<const char*>& varyings);

  void use() const { glUseProgram(program_.get()); }
  GLuint id() const { return program_.get(); }

  /// Location of a uniform, -1 when the driver optimised it away (setting it is then a no-op). Cached per
  /// program: by the name's address (so `name` must be a string literal, or live as long as the program: no
  /// string is built per call), then by its text.
  GLint location(const char* name) const;

  void set(const char* name, int v) const { glUniform1i(location(name), v); }
  void set(const char* name, float v) const { glUniform1f(location(name), v); }
  void set(const char* name, const glm::vec2& v) const { glUniform2fv(location(name), 1, &v[0]); }
  void set(const char* name, const glm::vec3& v) const { glUniform3fv(location(name), 1, &v[0]); }
  void set(const char* name, const glm::vec4& v) const { glUniform4fv(location(name), 1, &v[0]); }
  void set(const char* name, const glm::mat3& m) const { glUniformMatrix3fv(location(name), 1, GL_FALSE, &m[0][0]); }
  void set(const char* name, const glm::mat4& m) const { glUniformMatrix4fv(location(name), 1, GL_FALSE, &m[0][0]); }
  /// Binds a named uniform block to a binding point (no-op if the block is unused).
  void bindBlock(const char* name, GLuint binding) const;

private:
  GlObject<ProgramDeleter> program_;
  mutable std::unordered_map<std::string, GLint> locations_;
  mutable std::vector<std::pair<const char*, GLint>> byAddress_;
};

}  // namespace myo::gfx
