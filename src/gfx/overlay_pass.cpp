// gfx/overlay_pass.cpp: uploads an overlay layer when its version changes and draws it.
#include "gfx/overlay_pass.hpp"

#include <map>

#include "gfx/gl.hpp"
#include "gfx/gl_object.hpp"
#include "gfx/pass_state.hpp"
#include "gfx/program.hpp"
#include "gfx/shader_interface.hpp"
#include "gfx/shader_sources.hpp"

namespace myo::gfx {

namespace {

// One uploaded layer: its buffer and the version it holds.
struct Uploaded {
  Buffer vertices;
  VertexArray vao;
  std::uint64_t version = ~std::uint64_t(0);
  const OverlayTriangles* source = nullptr;
  GLsizei count = 0;
};

}  // namespace

struct OverlayPass::Impl {
  Program program{"overlay.vert", shaders::overlay_vert, "overlay.frag", shaders::overlay_frag};
  // Keyed by the triangles' address: a frame's two layers and the inset's keep their own buffers.
  std::map<const OverlayTriangles*, Uploaded> uploads;

  Uploaded& upload(const OverlayLayer& layer) {
    const OverlayTriangles* key = layer.triangles.get();
    Uploaded& u = uploads[key];
    if (u.version == layer.version && u.source == key) return u;
    if (uploads.size() > 8) {
      // Layers come and go with the exercise; keep only this one's and the newest others.
      for (auto it = uploads.begin(); it != uploads.end() && uploads.size() > 4;)
        it = it->first != key ? uploads.erase(it) : std::next(it);
    }
    Uploaded& v = uploads[key];
    if (v.vertices.get() == 0) {
      v.vertices = makeBuffer();
      v.vao = makeVertexArray();
    }
    const auto& t = *layer.triangles;
    const std::size_t n = std::min(t.positions.size(), t.colors.size());
    std::vector<float> data;
    data.reserve(n * 7);
    for (std::size_t i = 0; i < n; ++i) {
      const glm::vec3& p = t.positions[i];
      const glm::vec4& c = t.colors[i];
      data.insert(data.end(), {p.x, p.y, p.z, c.x, c.y, c.z, c.w});
    }
    glBindVertexArray(v.vao.get());
    glBindBuffer(GL_ARRAY_BUFFER, v.vertices.get());
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(data.size() * sizeof(float)), data.data(), GL_DYNAMIC_DRAW);
    glEnableVertexAttribArray(kPosition);
    glVertexAttribPointer(kPosition, 3, GL_FLOAT, GL_FALSE, 7 * sizeof(float), nullptr);
    glEnableVertexAttribArray(kColor);
    glVertexAttribPointer(kColor, 4, GL_FLOAT, GL_FALSE, 7 * sizeof(float),
                          reinterpret_cast<const void*>(3 * sizeof(float)));
    glBindVertexArray(0);
    v.version = layer.version;
    v.source = key;
    v.count = GLsizei(n);
    return v;
  }
};

OverlayPass::OverlayPass() : impl_(std::make_unique<Impl>()) {}
OverlayPass::~OverlayPass() = default;

void OverlayPass::draw(const OverlayLayer& layer, const glm::mat4& viewProj, const glm::vec3& eye) {
  if (layer.empty()) return;
  Uploaded& u = impl_->upload(layer);
  if (u.count == 0) return;
  apply({.depthTest = true, .depthWrite = false, .depthFunc = GL_LEQUAL, .blend = PassState::Blend::Alpha});
  // The triangles are the surface's own, posed on the CPU: an offset toward the eye settles the depth ties.
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonOffset(-2.0f, -4.0f);
  impl_->program.use();
  impl_->program.set("u_viewProj", viewProj);
  impl_->program.set("u_eye", eye);
  glBindVertexArray(u.vao.get());
  glDrawArrays(GL_TRIANGLES, 0, u.count);
  glBindVertexArray(0);
  glPolygonOffset(0.0f, 0.0f);
  glDisable(GL_POLYGON_OFFSET_FILL);
}

}  // namespace myo::gfx
