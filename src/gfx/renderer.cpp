// gfx/renderer.cpp: the render passes. Order: floor height map (seen from below), background, floor, opaque
// tissues and shapes, outline mask, skin depth pre-pass and blended skin, target outlines
// (bright where visible, dim where hidden), then the multisampled image is resolved into the output.
#include "gfx/renderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

#include <glm/gtc/matrix_transform.hpp>

#include "gfx/gl.hpp"
#include "gfx/gl_object.hpp"
#include "gfx/program.hpp"
#include "gfx/shader_sources.hpp"

namespace myo::gfx {
namespace {

constexpr int kMaxJoints = 128;
constexpr int kHeightMapSize = 512;
constexpr GLuint kJointsBinding = 0;

// Attribute locations, shared with shaders/mesh.vert.
enum Attribute : GLuint {
  kPosition = 0, kNormal = 1, kUv = 2, kColor = 3, kFibre = 4, kTendon = 5, kJoints = 6, kWeights = 7
};

struct GpuPrimitive {
  VertexArray vao;
  Buffer vertices;
  Buffer indices;
  GLsizei indexCount = 0;
  int material = -1;
  bool skinned = false;
};

struct GpuMesh {
  std::vector<GpuPrimitive> primitives;
};

template <typename T>
void appendBlock(std::vector<unsigned char>& bytes, const std::vector<T>& values, size_t& offset) {
  offset = bytes.size();
  const auto* p = reinterpret_cast<const unsigned char*>(values.data());
  bytes.insert(bytes.end(), p, p + values.size() * sizeof(T));
}

GpuPrimitive upload(const scene::Primitive& prim) {
  GpuPrimitive gpu;
  gpu.vao = makeVertexArray();
  gpu.vertices = makeBuffer();
  gpu.indices = makeBuffer();
  gpu.material = prim.material;
  gpu.indexCount = static_cast<GLsizei>(prim.indices.size());
  const size_t n = prim.positions.size();

  std::vector<unsigned char> bytes;
  size_t oPos = 0, oNrm = 0, oUv = 0, oCol = 0, oFib = 0, oTen = 0, oJnt = 0, oWgt = 0;
  appendBlock(bytes, prim.positions, oPos);
  appendBlock(bytes, prim.normals, oNrm);
  const bool hasUv = prim.uvs.size() == n, hasCol = prim.colors.size() == n, hasFib = prim.fibres.size() == n,
             hasTen = prim.tendon.size() == n;
  const bool skinned = prim.joints.size() == n && prim.weights.size() == n && n > 0;
  if (hasUv) appendBlock(bytes, prim.uvs, oUv);
  if (hasCol) appendBlock(bytes, prim.colors, oCol);
  if (hasFib) appendBlock(bytes, prim.fibres, oFib);
  if (hasTen) appendBlock(bytes, prim.tendon, oTen);
  if (skinned) {
    appendBlock(bytes, prim.joints, oJnt);
    appendBlock(bytes, prim.weights, oWgt);
  }
  gpu.skinned = skinned;

  glBindVertexArray(gpu.vao.get());
  glBindBuffer(GL_ARRAY_BUFFER, gpu.vertices.get());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(bytes.size()), bytes.data(), GL_STATIC_DRAW);
  auto floatAttr = [](GLuint loc, int comps, size_t offset) {
    glEnableVertexAttribArray(loc);
    glVertexAttribPointer(loc, comps, GL_FLOAT, GL_FALSE, 0, reinterpret_cast<const void*>(offset));
  };
  floatAttr(kPosition, 3, oPos);
  floatAttr(kNormal, 3, oNrm);
  if (hasUv) floatAttr(kUv, 2, oUv); else glVertexAttrib2f(kUv, 0.0f, 0.0f);
  if (hasCol) floatAttr(kColor, 4, oCol); else glVertexAttrib4f(kColor, 1.0f, 1.0f, 1.0f, 1.0f);
  if (hasFib) floatAttr(kFibre, 3, oFib); else glVertexAttrib3f(kFibre, 0.0f, 0.0f, 0.0f);
  if (hasTen) floatAttr(kTendon, 1, oTen); else glVertexAttrib1f(kTendon, 0.0f);
  if (skinned) {
    glEnableVertexAttribArray(kJoints);
    glVertexAttribIPointer(kJoints, 4, GL_UNSIGNED_SHORT, 0, reinterpret_cast<const void*>(oJnt));
    floatAttr(kWeights, 4, oWgt);
  } else {
    glVertexAttribI4ui(kJoints, 0, 0, 0, 0);
    glVertexAttrib4f(kWeights, 1.0f, 0.0f, 0.0f, 0.0f);
  }
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, gpu.indices.get());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(prim.indices.size() * sizeof(std::uint32_t)),
               prim.indices.data(), GL_STATIC_DRAW);
  glBindVertexArray(0);
  return gpu;
}

// Unit solids for equipment and markers.
scene::Primitive makeCylinder(int segments) {
  scene::Primitive p;
  for (int ring = 0; ring < 2; ++ring) {
    for (int i = 0; i <= segments; ++i) {
      const float a = 2.0f * 3.14159265f * float(i) / float(segments);
      const float y = ring == 0 ? -1.0f : 1.0f;
      p.positions.push_back({std::cos(a), y, std::sin(a)});
      p.normals.push_back({std::cos(a), 0.0f, std::sin(a)});
      // Eight bands around the circumference make the roll visible.
      const float band = ((i * 8 / segments) % 2 == 0) ? 1.0f : 0.82f;
      p.colors.push_back({band, band, band, 1.0f});
    }
  }
  const auto row = static_cast<std::uint32_t>(segments + 1);
  for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(segments); ++i) {
    p.indices.insert(p.indices.end(), {i, i + row, i + 1, i + 1, i + row, i + row + 1});
  }
  for (int cap = 0; cap < 2; ++cap) {
    const float y = cap == 0 ? -1.0f : 1.0f;
    const auto center = static_cast<std::uint32_t>(p.positions.size());
    p.positions.push_back({0.0f, y, 0.0f});
    p.normals.push_back({0.0f, y, 0.0f});
    p.colors.push_back({0.9f, 0.9f, 0.9f, 1.0f});
    for (int i = 0; i <= segments; ++i) {
      const float a = 2.0f * 3.14159265f * float(i) / float(segments);
      p.positions.push_back({std::cos(a), y, std::sin(a)});
      p.normals.push_back({0.0f, y, 0.0f});
      p.colors.push_back({0.9f, 0.9f, 0.9f, 1.0f});
    }
    for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(segments); ++i) {
      if (cap == 0) p.indices.insert(p.indices.end(), {center, center + 1 + i, center + 2 + i});
      else p.indices.insert(p.indices.end(), {center, center + 2 + i, center + 1 + i});
    }
  }
  return p;
}

scene::Primitive makeSphere(int rings, int segments) {
  scene::Primitive p;
  for (int r = 0; r <= rings; ++r) {
    const float v = 3.14159265f * float(r) / float(rings);
    for (int s = 0; s <= segments; ++s) {
      const float u = 2.0f * 3.14159265f * float(s) / float(segments);
      const glm::vec3 n{std::sin(v) * std::cos(u), std::cos(v), std::sin(v) * std::sin(u)};
      p.positions.push_back(n);
      p.normals.push_back(n);
    }
  }
  const auto row = static_cast<std::uint32_t>(segments + 1);
  for (std::uint32_t r = 0; r < static_cast<std::uint32_t>(rings); ++r)
    for (std::uint32_t s = 0; s < static_cast<std::uint32_t>(segments); ++s) {
      const std::uint32_t a = r * row + s, b = a + row;
      p.indices.insert(p.indices.end(), {a, a + 1, b, a + 1, b + 1, b});
    }
  return p;
}

scene::Primitive makeBox() {
  scene::Primitive p;
  const glm::vec3 axes[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  for (int f = 0; f < 6; ++f) {
    const glm::vec3 n = axes[f / 2] * (f % 2 == 0 ? 1.0f : -1.0f);
    const glm::vec3 u = axes[(f / 2 + 1) % 3], v = glm::cross(n, u);
    const auto base = static_cast<std::uint32_t>(p.positions.size());
    for (int c = 0; c < 4; ++c) {
      const float su = (c == 0 || c == 3) ? -1.0f : 1.0f, sv = (c < 2) ? -1.0f : 1.0f;
      p.positions.push_back(n + u * su + v * sv);
      p.normals.push_back(n);
    }
    p.indices.insert(p.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
  }
  return p;
}

}  // namespace

// === Offscreen target

struct OffscreenTarget::Impl {
  Framebuffer fbo;
  Texture color;
  Renderbuffer depth;
};

OffscreenTarget::OffscreenTarget() : impl_(std::make_unique<Impl>()) {}
OffscreenTarget::~OffscreenTarget() = default;

void OffscreenTarget::resize(glm::ivec2 size) {
  if (size == size_ && impl_->fbo) return;
  size_ = size;
  impl_->fbo = makeFramebuffer();
  impl_->color = makeTexture();
  impl_->depth = makeRenderbuffer();
  glBindTexture(GL_TEXTURE_2D, impl_->color.get());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.x, size.y, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glBindRenderbuffer(GL_RENDERBUFFER, impl_->depth.get());
  glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, size.x, size.y);
  glBindFramebuffer(GL_FRAMEBUFFER, impl_->fbo.get());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, impl_->color.get(), 0);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, impl_->depth.get());
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
    throw std::runtime_error("offscreen framebuffer incomplete");
}

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, impl_->fbo.get());
  glViewport(0, 0, size_.x, size_.y);
}

std::vector<unsigned char> OffscreenTarget::read() const {
  std::vector<unsigned char> pixels(static_cast<size_t>(size_.x) * static_cast<size_t>(size_.y) * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, impl_->fbo.get());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, size_.x, size_.y, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
  // GL rows run bottom to top; images run top to bottom.
  const size_t stride = static_cast<size_t>(size_.x) * 4;
  std::vector<unsigned char> row(stride);
  for (int y = 0; y < size_.y / 2; ++y) {
    auto* a = pixels.data() + static_cast<size_t>(y) * stride;
    auto* b = pixels.data() + static_cast<size_t>(size_.y - 1 - y) * stride;
    std::copy(a, a + stride, row.data());
    std::copy(b, b + stride, a);
    std::copy(row.data(), row.data() + stride, b);
  }
  return pixels;
}

// === Renderer

struct Renderer::Impl {
  Program mesh{"mesh.vert", shaders::mesh_vert, "mesh.frag", shaders::mesh_frag};
  Program depth{"mesh.vert", shaders::mesh_vert, "depth.frag", shaders::depth_frag};
  Program background{"background.vert", shaders::background_vert, "background.frag", shaders::background_frag};
  Program floor{"floor.vert", shaders::floor_vert, "floor.frag", shaders::floor_frag};
  Program outline{"background.vert", shaders::background_vert, "outline.frag", shaders::outline_frag};
  VertexArray emptyVao = makeVertexArray();
  Buffer jointsUbo = makeBuffer();

  std::vector<GpuMesh> meshes;
  std::vector<Texture> images;
  std::vector<scene::Material> materials;
  GpuPrimitive cylinder, sphere, box;

  // Multisampled scene target, resized on demand.
  Framebuffer msFbo;
  Renderbuffer msColor, msDepth;
  glm::ivec2 msSize{0, 0};
  int msSamples = 0;

  // Outline mask (single-sampled): colour + depth copied from the scene.
  Framebuffer maskFbo;
  Texture maskTex;
  Renderbuffer maskDepth;
  glm::ivec2 maskSize{0, 0};

  // Floor height map, seen from below.
  Framebuffer heightFbo;
  Texture heightTex;

  Impl() {
    mesh.bindBlock("Joints", kJointsBinding);
    depth.bindBlock("Joints", kJointsBinding);
    glBindBuffer(GL_UNIFORM_BUFFER, jointsUbo.get());
    glBufferData(GL_UNIFORM_BUFFER, kMaxJoints * sizeof(glm::mat4), nullptr, GL_DYNAMIC_DRAW);
    glBindBufferBase(GL_UNIFORM_BUFFER, kJointsBinding, jointsUbo.get());
    cylinder = upload(makeCylinder(48));
    sphere = upload(makeSphere(24, 48));
    box = upload(makeBox());

    heightFbo = makeFramebuffer();
    heightTex = makeTexture();
    glBindTexture(GL_TEXTURE_2D, heightTex.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_DEPTH_COMPONENT24, kHeightMapSize, kHeightMapSize, 0, GL_DEPTH_COMPONENT,
                 GL_UNSIGNED_INT, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindFramebuffer(GL_FRAMEBUFFER, heightFbo.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_ATTACHMENT, GL_TEXTURE_2D, heightTex.get(), 0);
    glDrawBuffer(GL_NONE);
    glReadBuffer(GL_NONE);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    checkGl("renderer setup");
  }

  void ensureMsTarget(glm::ivec2 size, int samples) {
    GLint maxSamples = 1;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    samples = std::clamp(samples, 1, std::max(1, int(maxSamples)));
    if (size == msSize && samples == msSamples && msFbo) return;
    msSize = size;
    msSamples = samples;
    msFbo = makeFramebuffer();
    msColor = makeRenderbuffer();
    msDepth = makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, msColor.get());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, size.x, size.y);
    glBindRenderbuffer(GL_RENDERBUFFER, msDepth.get());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_DEPTH24_STENCIL8, size.x, size.y);
    glBindFramebuffer(GL_FRAMEBUFFER, msFbo.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msColor.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, msDepth.get());
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
      throw std::runtime_error("multisampled framebuffer incomplete");
  }

  void ensureMask(glm::ivec2 size) {
    if (size == maskSize && maskFbo) return;
    maskSize = size;
    maskFbo = makeFramebuffer();
    maskTex = makeTexture();
    maskDepth = makeRenderbuffer();
    glBindTexture(GL_TEXTURE_2D, maskTex.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.x, size.y, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindRenderbuffer(GL_RENDERBUFFER, maskDepth.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, size.x, size.y);
    glBindFramebuffer(GL_FRAMEBUFFER, maskFbo.get());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, maskTex.get(), 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, maskDepth.get());
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
      throw std::runtime_error("outline mask framebuffer incomplete");
  }

  void drawPrimitive(const GpuPrimitive& p) {
    glBindVertexArray(p.vao.get());
    glDrawElements(GL_TRIANGLES, p.indexCount, GL_UNSIGNED_INT, nullptr);
  }

  // Calls fn(nodeIndex, meshIndex, skinned) for every visible mesh node, after setting u_model, u_skinned and
  // the joint matrices on `program`.
  template <typename Fn>
  void forEachMeshNode(const FrameView& f, const Program& program, Fn&& fn) {
    const auto& model = *f.model;
    const auto& world = *f.world;
    for (size_t n = 0; n < model.nodes.size(); ++n) {
      const auto& node = model.nodes[n];
      if (node.mesh < 0 || node.mesh >= int(meshes.size())) continue;
      if (node.mesh >= int(f.meshes.size()) || !f.meshes[size_t(node.mesh)].visible) continue;
      bool skinned = false;
      if (node.skin >= 0 && node.skin < int(model.skins.size())) {
        const auto& skin = model.skins[size_t(node.skin)];
        std::array<glm::mat4, kMaxJoints> joints;
        const size_t count = std::min(skin.joints.size(), size_t(kMaxJoints));
        for (size_t j = 0; j < count; ++j) {
          const glm::mat4 ibm = j < skin.inverseBind.size() ? skin.inverseBind[j] : glm::mat4(1.0f);
          joints[j] = world[size_t(skin.joints[j])] * ibm;
        }
        glBindBuffer(GL_UNIFORM_BUFFER, jointsUbo.get());
        glBufferSubData(GL_UNIFORM_BUFFER, 0, GLsizeiptr(count * sizeof(glm::mat4)), joints.data());
        skinned = true;
      }
      program.set("u_model", skinned ? glm::mat4(1.0f) : world[n]);
      fn(n, size_t(node.mesh), skinned);
    }
  }

  void setSkinnedFor(const Program& program, const GpuPrimitive& p, bool nodeSkinned) {
    program.set("u_skinned", int(nodeSkinned && p.skinned));
  }

  void renderHeightMap(const FrameView& f, glm::mat4& heightViewProj, float& range) {
    const float r = f.floorRadius;
    const float below = 0.01f;
    range = 3.0f;
    const glm::vec3 c = f.floorCenter;
    const glm::mat4 view = glm::lookAt(glm::vec3(c.x, c.y - below, c.z), glm::vec3(c.x, c.y + 1.0f, c.z),
                                       glm::vec3(0.0f, 0.0f, 1.0f));
    const glm::mat4 proj = glm::ortho(-r, r, -r, r, 0.0f, range);
    heightViewProj = proj * view;
    glBindFramebuffer(GL_FRAMEBUFFER, heightFbo.get());
    glViewport(0, 0, kHeightMapSize, kHeightMapSize);
    glClearDepth(1.0);
    glClear(GL_DEPTH_BUFFER_BIT);
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDisable(GL_CULL_FACE);
    depth.use();
    depth.set("u_viewProj", heightViewProj);
    forEachMeshNode(f, depth, [&](size_t, size_t m, bool skinned) {
      for (const auto& p : meshes[m].primitives) {
        setSkinnedFor(depth, p, skinned);
        drawPrimitive(p);
      }
    });
    depth.set("u_skinned", 0);
    for (const auto& s : f.shapes) {
      depth.set("u_model", s.transform);
      drawPrimitive(shapePrimitive(s.kind));
    }
  }

  const GpuPrimitive& shapePrimitive(ShapeDraw::Kind k) const {
    switch (k) {
      case ShapeDraw::Kind::Cylinder: return cylinder;
      case ShapeDraw::Kind::Sphere: return sphere;
      default: return box;
    }
  }

  void setMaterial(const MeshDraw& d, const GpuPrimitive& p) {
    glm::vec4 color = d.color;
    bool hasTexture = false;
    if (d.look == Look::Material && p.material >= 0 && p.material < int(materials.size())) {
      const auto& mat = materials[size_t(p.material)];
      color *= mat.baseColorFactor;
      if (mat.baseColorImage >= 0 && mat.baseColorImage < int(images.size()) && images[size_t(mat.baseColorImage)]) {
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, images[size_t(mat.baseColorImage)].get());
        hasTexture = true;
      }
    }
    mesh.set("u_look", int(d.look));
    mesh.set("u_baseColor", color);
    mesh.set("u_hasTexture", int(hasTexture));
    mesh.set("u_highlight", d.highlight);
    mesh.set("u_glowColor", d.glowColor);
  }
};

Renderer::Renderer() : impl_(std::make_unique<Impl>()) {}
Renderer::~Renderer() = default;

void Renderer::setModel(const scene::Model& model) {
  auto& im = *impl_;
  im.meshes.clear();
  im.images.clear();
  im.materials = model.materials;
  for (const auto& m : model.meshes) {
    GpuMesh gm;
    for (const auto& p : m.primitives)
      if (!p.indices.empty()) gm.primitives.push_back(upload(p));
    im.meshes.push_back(std::move(gm));
  }
  for (const auto& img : model.images) {
    if (img.width <= 0 || img.height <= 0 || img.rgba.size() != size_t(img.width) * size_t(img.height) * 4) {
      im.images.emplace_back();
      continue;
    }
    Texture t = makeTexture();
    glBindTexture(GL_TEXTURE_2D, t.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, img.width, img.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, img.rgba.data());
    glGenerateMipmap(GL_TEXTURE_2D);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    im.images.push_back(std::move(t));
  }
  checkGl("model upload");
}

void Renderer::render(const FrameView& f, OffscreenTarget* target) {
  auto& im = *impl_;
  const glm::ivec2 size = glm::max(f.size, glm::ivec2(1));
  const bool haveModel = f.model != nullptr && f.world != nullptr && f.world->size() == f.model->nodes.size();
  const glm::mat4 viewProj = f.projection * f.view;
  const glm::mat3 viewRot = glm::mat3(f.view);

  glm::mat4 heightViewProj(1.0f);
  float heightRange = 1.0f;
  if (haveModel && f.floor) im.renderHeightMap(f, heightViewProj, heightRange);

  im.ensureMsTarget(size, f.samples);
  glBindFramebuffer(GL_FRAMEBUFFER, im.msFbo.get());
  glViewport(0, 0, size.x, size.y);
  glClearColor(0.0f, 0.0f, 0.0f, 1.0f);
  glClearDepth(1.0);
  glClearStencil(0);
  glStencilMask(0xFF);
  glDepthMask(GL_TRUE);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
  glDisable(GL_STENCIL_TEST);

  // Background.
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
  im.background.use();
  im.background.set("u_top", glm::vec3(0.86f, 0.88f, 0.90f));
  im.background.set("u_bottom", glm::vec3(0.55f, 0.57f, 0.60f));
  glBindVertexArray(im.emptyVao.get());
  glDrawArrays(GL_TRIANGLES, 0, 3);

  // Floor, blended into the background, writing no depth so it never hides the body.
  if (haveModel && f.floor) {
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glEnable(GL_DEPTH_TEST);
    glDepthMask(GL_FALSE);
    im.floor.use();
    im.floor.set("u_viewProj", viewProj);
    im.floor.set("u_center", f.floorCenter);
    im.floor.set("u_radius", f.floorRadius);
    im.floor.set("u_color", glm::vec3(0.80f, 0.81f, 0.82f));
    im.floor.set("u_heightViewProj", heightViewProj);
    im.floor.set("u_heightRange", heightRange);
    im.floor.set("u_shadow", 1.0f);
    im.floor.set("t_height", 1);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, im.heightTex.get());
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(im.emptyVao.get());
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
  }

  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  im.mesh.use();
  im.mesh.set("u_viewProj", viewProj);
  im.mesh.set("u_eye", f.eye);
  im.mesh.set("u_viewRot", viewRot);
  im.mesh.set("u_fibres", f.fibres ? 1.0f : 0.0f);
  im.mesh.set("u_fresnelAlpha", 0.55f);
  im.mesh.set("t_baseColor", 0);

  auto isTranslucent = [&](const MeshDraw& d) { return d.color.w < 0.999f; };
  bool anyOutline = false;
  bool anyTranslucent = false;

  if (haveModel) {
    // Opaque tissues.
    im.forEachMeshNode(f, im.mesh, [&](size_t, size_t m, bool skinned) {
      const MeshDraw& d = f.meshes[m];
      if (isTranslucent(d)) {
        anyTranslucent = true;
        return;
      }
      anyOutline = anyOutline || d.outline;
      for (const auto& p : im.meshes[m].primitives) {
        im.setSkinnedFor(im.mesh, p, skinned);
        im.setMaterial(d, p);
        im.drawPrimitive(p);
      }
    });
  }

  // Equipment and markers.
  im.mesh.set("u_skinned", 0);
  for (const auto& s : f.shapes) {
    im.mesh.set("u_model", s.transform);
    im.mesh.set("u_look", int(Look::Material));
    im.mesh.set("u_baseColor", s.color);
    im.mesh.set("u_hasTexture", 0);
    im.mesh.set("u_highlight", 0.0f);
    im.drawPrimitive(im.shapePrimitive(s.kind));
  }

  // Outline mask: the highlighted meshes drawn flat, first everywhere (hidden, alpha 0.5), then depth-tested
  // against the opaque scene (seen, alpha 1). The faded skin is not in the depth yet, so what shows through it
  // counts as seen.
  if (haveModel && anyOutline) {
    im.ensureMask(size);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, im.msFbo.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, im.maskFbo.get());
    glBlitFramebuffer(0, 0, size.x, size.y, 0, 0, size.x, size.y, GL_DEPTH_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, im.maskFbo.get());
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDepthMask(GL_FALSE);
    im.mesh.set("u_look", 4);
    for (int seen = 0; seen < 2; ++seen) {
      glDepthFunc(seen ? GL_LEQUAL : GL_ALWAYS);
      im.forEachMeshNode(f, im.mesh, [&](size_t, size_t m, bool skinned) {
        const MeshDraw& d = f.meshes[m];
        if (!d.outline) return;
        im.mesh.set("u_baseColor", glm::vec4(d.outlineColor, seen ? 1.0f : 0.5f));
        for (const auto& p : im.meshes[m].primitives) {
          im.setSkinnedFor(im.mesh, p, skinned);
          im.drawPrimitive(p);
        }
      });
    }
    glDepthFunc(GL_LEQUAL);
    glDepthMask(GL_TRUE);
    glBindFramebuffer(GL_FRAMEBUFFER, im.msFbo.get());
  }

  // Translucent meshes (the faded skin): depth pre-pass so only the nearest layer blends.
  if (haveModel && anyTranslucent) {
    glColorMask(GL_FALSE, GL_FALSE, GL_FALSE, GL_FALSE);
    im.depth.use();
    im.depth.set("u_viewProj", viewProj);
    im.forEachMeshNode(f, im.depth, [&](size_t, size_t m, bool skinned) {
      if (!isTranslucent(f.meshes[m]) || f.meshes[m].color.w <= 0.0f) return;
      for (const auto& p : im.meshes[m].primitives) {
        im.setSkinnedFor(im.depth, p, skinned);
        im.drawPrimitive(p);
      }
    });
    glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDepthMask(GL_FALSE);
    im.mesh.use();
    im.forEachMeshNode(f, im.mesh, [&](size_t, size_t m, bool skinned) {
      const MeshDraw& d = f.meshes[m];
      if (!isTranslucent(d) || d.color.w <= 0.0f) return;
      for (const auto& p : im.meshes[m].primitives) {
        im.setSkinnedFor(im.mesh, p, skinned);
        im.setMaterial(d, p);
        im.drawPrimitive(p);
      }
    });
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
  }

  // Outlines around the highlighted meshes, from the mask.
  if (haveModel && anyOutline) {
    glDisable(GL_DEPTH_TEST);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    im.outline.use();
    im.outline.set("t_mask", 2);
    im.outline.set("u_texel", 1.0f / glm::vec2(size));
    im.outline.set("u_radius", std::max(2.0f, float(size.y) / 300.0f));
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D, im.maskTex.get());
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(im.emptyVao.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glDisable(GL_BLEND);
    glEnable(GL_DEPTH_TEST);
  }
  glBindVertexArray(0);

  // Resolve into the output.
  GLuint out = 0;
  if (target != nullptr) {
    target->resize(size);  // binds the target: set the read framebuffer afterwards
    out = target->impl_->fbo.get();
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, im.msFbo.get());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, out);
  glBlitFramebuffer(0, 0, size.x, size.y, 0, 0, size.x, size.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, out);
  glViewport(0, 0, size.x, size.y);
  checkGl("render");
}

}  // namespace myo::gfx
