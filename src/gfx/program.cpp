// gfx/program.cpp: shader compilation and linking.
#include "gfx/program.hpp"

#include <stdexcept>
#include <vector>

#include "gfx/shader_interface.hpp"

namespace myo::gfx {
namespace {

std::string infoLog(GLuint object, bool isProgram) {
  GLint length = 0;
  if (isProgram) glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
  else glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<size_t>(std::max(length, 1)));
  if (isProgram) glGetProgramInfoLog(object, length, nullptr, log.data());
  else glGetShaderInfoLog(object, length, nullptr, log.data());
  return std::string(log.data());
}

GlObject<ShaderDeleter> compile(GLenum stage, std::string_view name, std::string_view source,
                                std::string_view defines = {}) {
  GlObject<ShaderDeleter> shader(glCreateShader(stage));
  // The shared prelude (version line, attribute locations, array sizes), the variant's own #defines, then the
  // file itself (its line numbers restarted after the defines).
  static const std::string prelude = shaderPrelude();
  const std::string variant = defines.empty() ? std::string() : std::string(defines) + "\n#line 1\n";
  const char* texts[3] = {prelude.data(), variant.data(), source.data()};
  const GLint lengths[3] = {static_cast<GLint>(prelude.size()), static_cast<GLint>(variant.size()),
                            static_cast<GLint>(source.size())};
  glShaderSource(shader.get(), 3, texts, lengths);
  glCompileShader(shader.get());
  GLint ok = GL_FALSE;
  glGetShaderiv(shader.get(), GL_COMPILE_STATUS, &ok);
  if (!ok) throw std::runtime_error("shaders/" + std::string(name) + ": " + infoLog(shader.get(), false));
  return shader;
}

}  // namespace

Program::Program(std::string_view vertexName, std::string_view vertexSource, std::string_view fragmentName,
                 std::string_view fragmentSource, std::string_view defines) {
  auto vs = compile(GL_VERTEX_SHADER, vertexName, vertexSource, defines);
  auto fs = compile(GL_FRAGMENT_SHADER, fragmentName, fragmentSource, defines);
  program_ = GlObject<ProgramDeleter>(glCreateProgram());
  glAttachShader(program_.get(), vs.get());
  glAttachShader(program_.get(), fs.get());
  glLinkProgram(program_.get());
  GLint ok = GL_FALSE;
  glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
  if (!ok)
    throw std::runtime_error("shaders/" + std::string(vertexName) + " + " + std::string(fragmentName) +
                             ": link failed: " + infoLog(program_.get(), true));
  glDetachShader(program_.get(), vs.get());
  glDetachShader(program_.get(), fs.get());
}

Program::Program(std::string_view vertexName, std::string_view vertexSource,
                 const std::vector<const char*>& varyings) {
  auto vs = compile(GL_VERTEX_SHADER, vertexName, vertexSource);
  program_ = GlObject<ProgramDeleter>(glCreateProgram());
  glAttachShader(program_.get(), vs.get());
  glTransformFeedbackVaryings(program_.get(), GLsizei(varyings.size()), varyings.data(), GL_INTERLEAVED_ATTRIBS);
  glLinkProgram(program_.get());
  GLint ok = GL_FALSE;
  glGetProgramiv(program_.get(), GL_LINK_STATUS, &ok);
  if (!ok)
    throw std::runtime_error("shaders/" + std::string(vertexName) + ": link failed: " + infoLog(program_.get(), true));
  glDetachShader(program_.get(), vs.get());
}

GLint Program::location(const char* name) const {
  // Looked up by the name's address first (the callers pass literals), without building a string.
  for (const auto& [address, loc] : byAddress_)
    if (address == name) return loc;
  auto it = locations_.find(name);
  const GLint loc = it != locations_.end() ? it->second : glGetUniformLocation(program_.get(), name);
  if (it == locations_.end()) locations_.emplace(name, loc);
  byAddress_.emplace_back(name, loc);
  return loc;
}

void Program::bindBlock(const char* name, GLuint binding) const {
  const GLuint index = glGetUniformBlockIndex(program_.get(), name);
  if (index != GL_INVALID_INDEX) glUniformBlockBinding(program_.get(), index, binding);
}

void checkGl(const char* where) {
  std::string codes;
  for (GLenum e = glGetError(); e != GL_NO_ERROR; e = glGetError()) {
    if (!codes.empty()) codes += ", ";
    switch (e) {
      case GL_INVALID_ENUM: codes += "GL_INVALID_ENUM"; break;
      case GL_INVALID_VALUE: codes += "GL_INVALID_VALUE"; break;
      case GL_INVALID_OPERATION: codes += "GL_INVALID_OPERATION"; break;
      case GL_INVALID_FRAMEBUFFER_OPERATION: codes += "GL_INVALID_FRAMEBUFFER_OPERATION"; break;
      case GL_OUT_OF_MEMORY: codes += "GL_OUT_OF_MEMORY"; break;
      default: codes += std::to_string(e);
    }
    if (codes.size() > 200) break;
  }
  if (!codes.empty()) throw std::runtime_error(std::string("OpenGL error in ") + where + ": " + codes);
}

}  // namespace myo::gfx

namespace myo::gfx {
void finish() { glFinish(); }
}  // namespace myo::gfx
