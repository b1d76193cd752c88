// gfx/pass_state.cpp: PassState into OpenGL.
#include "gfx/pass_state.hpp"

namespace myo::gfx {

void apply(const PassState& s) {
  auto enable = [](GLenum cap, bool on) { on ? glEnable(cap) : glDisable(cap); };
  enable(GL_DEPTH_TEST, s.depthTest);
  glDepthMask(s.depthWrite ? GL_TRUE : GL_FALSE);
  glDepthFunc(s.depthFunc);
  glDepthRange(s.atFarPlane ? 1.0 : 0.0, 1.0);
  enable(GL_BLEND, s.blend != PassState::Blend::None);
  if (s.blend == PassState::Blend::Alpha)
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  if (s.blend == PassState::Blend::Under) glBlendFunc(GL_ONE_MINUS_DST_ALPHA, GL_ONE);
  enable(GL_CULL_FACE, s.cull != PassState::Cull::None);
  glCullFace(GL_BACK);
  enable(GL_SCISSOR_TEST, s.scissor.has_value());
  if (s.scissor) glScissor(s.scissor->x, s.scissor->y, s.scissor->z, s.scissor->w);
  glDisable(GL_STENCIL_TEST);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
}

}  // namespace myo::gfx
