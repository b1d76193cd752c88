// gfx/renderer.cpp: the render passes. Vertices are posed once per pose change (pose.vert, transform
// feedback), so every later pass is a cheap draw of world-space geometry. The passes, each a function that starts
// from one declared PassState: pose, floor height map (seen from below, cached per pose), opaque tissues and
// shapes, background and floor (on the far plane: only where nothing opaque is), outline mask, translucent skin
// and equipment (front faces only), resolve of the multisampled image into the kept picture, outlines on it
// (bright where seen, faint where hidden), copy to the output. Fragment work is what a software rasteriser
// spends most on, so each pass shades only what shows, and mesh.frag is compiled per look (useMesh).
// While things move on a slow renderer (FrameView::interaction) the same passes draw a coarse picture: coarse
// triangle lists, one sample, fewer pixels, stretched to the output; a full picture follows once the view rests.
#include "gfx/renderer.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <tuple>

#include <glm/gtc/matrix_transform.hpp>

#include "gfx/gl.hpp"
#include "gfx/gl_object.hpp"
#include "gfx/pass_state.hpp"
#include "gfx/program.hpp"
#include "gfx/render_target.hpp"
#include "gfx/shader_interface.hpp"
#include "gfx/shader_sources.hpp"
#include "gfx/unit_shapes.hpp"
#include "scene/draw_limits.hpp"
#include "scene/rounded_box.hpp"
#include "scene/skinning.hpp"

namespace myo::gfx {
namespace {

static_assert(kMaxJoints == int(scene::kMaxDrawnJoints), "shaders/pose.vert u_joints holds the drawn joints");
constexpr int kHeightMapSize = 512;
// The soft shadow is drawn from the height map at half its grid and read back filtered: it is blurred by design,
// and this pass (48 height taps a texel) is redone whenever the pose moves, so at 512 it cost more than the rest
// of a small picture's frame on llvmpipe.
constexpr int kShadowMapSize = 256;
// The tissue looks are lit per vertex while a triangle of the shipped model (about the skin's 5.5 mm grid) comes
// out at most kVertexLightPixels across where the view turns about; nearer, per pixel. On a software rasteriser a
// fragment shader runs for every pixel of each 4x4 block a triangle touches, so with triangles a few pixels
// across the lighting costs far more per pixel than per vertex, for the same picture (docs/rendering.md).
constexpr float kTriangleSize = 0.0055f;
constexpr float kVertexLightPixels = 8.0f;

// The outlines' width in pixels.
float outlineRadius(glm::ivec2 size) { return std::max(2.0f, float(size.y) / 300.0f); }

bool vertexLightFor(const FrameView& f) {
  if (!(f.focusDistance > 0.0f)) return false;
  const bool orthographic = f.projection[3][3] == 1.0f;
  const float pixelsPerMetre =
      0.5f * float(f.size.y) * f.projection[1][1] / (orthographic ? 1.0f : f.focusDistance);
  return kTriangleSize * pixelsPerMetre <= kVertexLightPixels;
}

// How far a coarse skin is drawn nearer the eye, as a share of the model's radius.
constexpr float kCoarseSkinLift = 0.02f;
// How thick a cover an outline shows through (faint), as a share of the model's radius: about 3.5 cm on the
// body, a muscle layer or two, not the trunk.
constexpr float kOutlineCover = 0.04f;

// Byte offsets of each attribute block in a source vertex buffer (blocks, not interleaved).
struct Layout {
  size_t pos = 0, nrm = 0, uv = 0, col = 0, fib = 0, ten = 0, jnt = 0, wgt = 0;
  bool hasUv = false, hasCol = false, hasFib = false, hasTen = false, skinned = false;
};

// A primitive as loaded: its attributes on the GPU, and a VAO for posing it.
struct SourcePrimitive {
  Buffer vertices;
  Buffer indices;
  VertexArray poseVao;
  Layout layout;
  GLsizei vertexCount = 0;
  GLsizei indexCount = 0;
  GLsizei coarseCount = 0;    // the coarse list, stored after the full one in `indices` (0: none)
  int material = -1;
};

// A primitive as drawn by one node: world-space positions and normals, plus a VAO that reads them together
// with the source's other attributes.
struct PosedPrimitive {
  Buffer posed;          // empty while the pose leaves the primitive where it was loaded
  VertexArray drawVao;
};

bool nearIdentity(const glm::mat4& m) {
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r)
      if (std::abs(m[c][r] - (c == r ? 1.0f : 0.0f)) > 1e-6f) return false;
  return true;
}

template <typename T>
void appendBlock(std::vector<unsigned char>& bytes, const std::vector<T>& values, size_t& offset) {
  offset = bytes.size();
  const auto* p = reinterpret_cast<const unsigned char*>(values.data());
  bytes.insert(bytes.end(), p, p + values.size() * sizeof(T));
}

void floatAttr(GLuint loc, int comps, size_t offset, GLsizei stride = 0) {
  glEnableVertexAttribArray(loc);
  glVertexAttribPointer(loc, comps, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offset));
}

SourcePrimitive upload(const scene::Primitive& prim) {
  SourcePrimitive s;
  s.vertices = makeBuffer();
  s.indices = makeBuffer();
  s.poseVao = makeVertexArray();
  s.material = prim.material;
  s.vertexCount = GLsizei(prim.positions.size());
  s.indexCount = GLsizei(prim.indices.size());
  const size_t n = prim.positions.size();
  Layout& l = s.layout;
  std::vector<unsigned char> bytes;
  appendBlock(bytes, prim.positions, l.pos);
  appendBlock(bytes, prim.normals, l.nrm);
  l.hasUv = prim.uvs.size() == n;
  l.hasCol = prim.colors.size() == n;
  l.hasFib = prim.fibres.size() == n;
  l.hasTen = prim.tendon.size() == n;
  l.skinned = n > 0 && prim.joints.size() == n && prim.weights.size() == n;
  if (l.hasUv) appendBlock(bytes, prim.uvs, l.uv);
  if (l.hasCol) appendBlock(bytes, prim.colors, l.col);
  if (l.hasFib) appendBlock(bytes, prim.fibres, l.fib);
  if (l.hasTen) appendBlock(bytes, prim.tendon, l.ten);
  if (l.skinned) {
    appendBlock(bytes, prim.joints, l.jnt);
    appendBlock(bytes, prim.weights, l.wgt);
  }
  glBindVertexArray(s.poseVao.get());
  glBindBuffer(GL_ARRAY_BUFFER, s.vertices.get());
  glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(bytes.size()), bytes.data(), GL_STATIC_DRAW);
  floatAttr(kPosition, 3, l.pos);
  floatAttr(kNormal, 3, l.nrm);
  if (l.skinned) {
    glEnableVertexAttribArray(kJoints);
    glVertexAttribIPointer(kJoints, 4, GL_UNSIGNED_SHORT, 0, reinterpret_cast<const void*>(l.jnt));
    floatAttr(kWeights, 4, l.wgt);
  } else {
    glVertexAttribI4ui(kJoints, 0, 0, 0, 0);
    glVertexAttrib4f(kWeights, 1.0f, 0.0f, 0.0f, 0.0f);
  }
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, s.indices.get());
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(prim.indices.size() * sizeof(std::uint32_t)),
               prim.indices.data(), GL_STATIC_DRAW);
  glBindVertexArray(0);
  return s;
}

// The draw VAO: positions and normals from `posed` (interleaved, or the source's own blocks when posed is 0),
// everything else from the source.
VertexArray makeDrawVao(const SourcePrimitive& s, GLuint posed) {
  VertexArray vao = makeVertexArray();
  const Layout& l = s.layout;
  glBindVertexArray(vao.get());
  if (posed != 0) {
    glBindBuffer(GL_ARRAY_BUFFER, posed);
    floatAttr(kPosition, 3, 0, 6 * sizeof(float));
    floatAttr(kNormal, 3, 3 * sizeof(float), 6 * sizeof(float));
  }
  glBindBuffer(GL_ARRAY_BUFFER, s.vertices.get());
  if (posed == 0) {
    floatAttr(kPosition, 3, l.pos);
    floatAttr(kNormal, 3, l.nrm);
  }
  floatAttr(kRestPosition, 3, l.pos);
  floatAttr(kRestNormal, 3, l.nrm);
  if (l.hasUv) floatAttr(kUv, 2, l.uv); else glVertexAttrib2f(kUv, 0.0f, 0.0f);
  if (l.hasCol) floatAttr(kColor, 4, l.col); else glVertexAttrib4f(kColor, 1.0f, 1.0f, 1.0f, 1.0f);
  if (l.hasFib) floatAttr(kFibre, 3, l.fib); else glVertexAttrib3f(kFibre, 0.0f, 0.0f, 0.0f);
  if (l.hasTen) floatAttr(kTendon, 1, l.ten); else glVertexAttrib1f(kTendon, 0.0f);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, s.indices.get());
  glBindVertexArray(0);
  return vao;
}

struct Shape {
  SourcePrimitive source;
  VertexArray vao;
};

Shape makeShape(const scene::Primitive& p) {
  Shape s{upload(p), {}};
  s.vao = makeDrawVao(s.source, 0);
  return s;
}

glm::mat3 normalMatrix(const glm::mat4& m) { return glm::transpose(glm::inverse(glm::mat3(m))); }

}  // namespace

// === Offscreen target

struct OffscreenTarget::Impl {
  RenderTarget target;
};

OffscreenTarget::OffscreenTarget() : impl_(std::make_unique<Impl>()) {}
OffscreenTarget::~OffscreenTarget() = default;

void OffscreenTarget::resize(glm::ivec2 size) {
  if (size == size_ && impl_->target) return;
  size_ = size;
  impl_->target = makeTarget({.name = "offscreen", .size = size});
}

unsigned OffscreenTarget::textureId() const { return impl_->target.colorTexture.get(); }

void OffscreenTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, impl_->target.id());
  glViewport(0, 0, size_.x, size_.y);
}

std::vector<unsigned char> OffscreenTarget::read() const {
  std::vector<unsigned char> pixels(static_cast<size_t>(size_.x) * static_cast<size_t>(size_.y) * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, impl_->target.id());
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

namespace {

// The scene's multisampled target and the outline mask (single-sampled, colour + depth copied from the scene).
struct PassTargets {
  RenderTarget scene;
  RenderTarget mask;

  void ensureScene(glm::ivec2 size, int samples) {
    GLint maxSamples = 1;
    glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
    samples = std::clamp(samples, 1, std::max(1, int(maxSamples)));
    ensureTarget(scene, {.name = "multisampled scene", .size = size, .samples = samples,
                         .color = TargetDesc::Color::Rgba8Buffer});
  }
  void ensureMask(glm::ivec2 size) {
    ensureTarget(mask, {.name = "outline mask", .size = size, .filter = GL_NEAREST, .clampToEdge = true});
  }
};

// What the kept picture was drawn from: equal inputs give an equal picture.
struct FrameInputs {
  const void* target = nullptr;
  std::uint64_t modelVersion = 0;
  FrameView frame;
  bool operator==(const FrameInputs&) const = default;
};

// What the floor's height map was drawn from.
struct HeightInputs {
  std::uint64_t poseVersion = 0;
  std::uint64_t modelVersion = 0;
  glm::vec4 floor{0.0f};
  std::vector<std::tuple<ShapeDraw::Kind, glm::mat4, float>> shapes;
  bool operator==(const HeightInputs&) const = default;
};

}  // namespace

struct Renderer::Impl {
  Program pose{"pose.vert", shaders::pose_vert, {"tf_position", "tf_normal"}};
  Program depth{"mesh.vert", shaders::mesh_vert, "depth.frag", shaders::depth_frag};
  Program flat{"mesh.vert", shaders::mesh_vert, "flat.frag", shaders::flat_frag};
  Program background{"background.vert", shaders::background_vert, "background.frag", shaders::background_frag};
  Program floor{"floor.vert", shaders::floor_vert, "floor.frag", shaders::floor_frag};
  Program outline{"background.vert", shaders::background_vert, "outline.frag", shaders::outline_frag};
  Program shadow{"background.vert", shaders::background_vert, "shadow.frag", shaders::shadow_frag};
  OverlayPass overlay;
  VertexArray emptyVao = makeVertexArray();
  Buffer jointsUbo = makeBuffer();

  // mesh.frag's variants (look x lit per vertex x marked x textured), each compiled when first drawn with. The
  // uniforms every variant shares within a frame are set on a variant when the frame first uses it.
  struct MeshShared {
    glm::mat4 viewProj{1.0f};
    glm::vec3 eye{0.0f};
    glm::vec3 keyDir{0.0f}, fillDir{0.0f};  // the lights' world directions (Frame::meshUniforms)
    float fibres = 0.0f;
    const PaintView* paint = nullptr;
    bool vertexLight = false;  // the tissue looks lit per vertex (vertexLightFor)
  };
  struct MeshVariant {
    std::unique_ptr<Program> program;
    std::uint64_t frame = 0;
  };
  std::array<MeshVariant, 32> meshVariants;
  MeshShared meshShared;
  std::uint64_t meshFrame = 0;
  Program* mesh = nullptr;  // the variant in use

  std::vector<std::vector<SourcePrimitive>> meshes;   // per mesh
  std::vector<std::vector<PosedPrimitive>> posedNodes;  // per node (empty for nodes without a mesh)
  std::vector<Texture> images;
  std::vector<scene::Material> materials;
  std::uint64_t posedVersion = ~std::uint64_t(0);
  std::uint64_t modelVersion = 0;  // counts setModel calls
  bool modelChanged = true;
  Shape cylinder, sphere, box;
  // Rounded boxes, one mesh per half size and radius (a chair has a handful; kept while they are in use).
  // Keyed to 0.01 mm, so that the last bits of a transform's column lengths do not make a new mesh.
  std::map<std::array<long, 4>, Shape> roundedBoxes;

  // Full pictures and coarse ones (drawn while things move) keep their own targets, so switching between them
  // reallocates nothing.
  PassTargets fullTargets, coarseTargets;
  PassTargets flatTargets;  // renderFlat's

  // The last picture, kept single-sampled so that a frame where nothing changed is one copy.
  RenderTarget cache;
  glm::ivec2 cacheUsed{0, 0};  // the picture's size (smaller for a coarse one)
  GLuint kept = 0;             // where the picture is: the cache, or the coarse pass's own target
  FrameInputs cacheInputs;
  bool cacheValid = false;

  void ensureCache(glm::ivec2 size) {
    if (ensureTarget(cache, {.name = "picture cache", .size = size, .depth = TargetDesc::Depth::None}))
      cacheValid = false;
  }

  // Floor height map, seen from below, and the soft shadow made from it; kept while nothing moves.
  RenderTarget heightMap;
  RenderTarget shadowMap;
  HeightInputs heightInputs;
  bool heightValid = false;
  glm::mat4 heightViewProj{1.0f};
  float heightRange = 3.0f;
  bool heightCoarse = false;

  // Quality while things move (FrameView::interaction).
  double fullFrameMs = 0.0;                 // a recent full picture's cost, measured when interaction is allowed
  std::chrono::steady_clock::time_point lastTimed{};
  bool cacheFull = true;                    // the kept picture is a full one
  std::chrono::steady_clock::time_point lastChange{};

  // Per-pass timing (Renderer::setPassTiming): the GPU is waited for after every pass.
  bool timing = false;
  std::vector<PassTime> passTimes;
  std::chrono::steady_clock::time_point passStart{};

  Impl() {
    pose.bindBlock("Joints", kJointsBinding);
    glBindBuffer(GL_UNIFORM_BUFFER, jointsUbo.get());
    glBufferData(GL_UNIFORM_BUFFER, kMaxJoints * sizeof(glm::mat4), nullptr, GL_DYNAMIC_DRAW);
    glBindBufferBase(GL_UNIFORM_BUFFER, kJointsBinding, jointsUbo.get());
    cylinder = makeShape(unitCylinder(48));
    sphere = makeShape(unitSphere(24, 48));
    box = makeShape(unitBox());
    const glm::ivec2 mapSize{kHeightMapSize, kHeightMapSize};
    heightMap = makeTarget({.name = "floor height map", .size = mapSize, .color = TargetDesc::Color::None,
                            .depth = TargetDesc::Depth::DepthTexture, .clampToEdge = true});
    shadowMap = makeTarget({.name = "floor shadow", .size = glm::ivec2{kShadowMapSize, kShadowMapSize},
                            .color = TargetDesc::Color::R8Texture,
                            .depth = TargetDesc::Depth::None, .clampToEdge = true});
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    checkGl("renderer setup");
  }

  // Marks the end of one pass: with timing on, waits for the GPU and records the pass's time.
  void passDone(const char* name) {
    if (!timing) return;
    glFinish();
    const auto now = std::chrono::steady_clock::now();
    passTimes.push_back({name, std::chrono::duration<double, std::milli>(now - passStart).count()});
    passStart = now;
  }

  // Re-poses every mesh node's vertices into its posed buffers (transform feedback, no rasterisation).
  void poseAll(const FrameView& f) {
    const auto& model = *f.model;
    const auto& world = *f.world;
    if (modelChanged) {
      posedNodes.clear();
      posedNodes.resize(model.nodes.size());
      for (size_t n = 0; n < model.nodes.size(); ++n) {
        const int m = model.nodes[n].mesh;
        if (m < 0 || m >= int(meshes.size())) continue;
        for (const auto& src : meshes[size_t(m)]) {
          PosedPrimitive pp;
          pp.drawVao = makeDrawVao(src, 0);
          posedNodes[n].push_back(std::move(pp));
        }
      }
      modelChanged = false;
    }
    pose.use();
    // The binding point is context state shared by every renderer: claim it for this one's joints.
    glBindBufferBase(GL_UNIFORM_BUFFER, kJointsBinding, jointsUbo.get());
    // Draws need a complete framebuffer even with rasterisation off (an EGL context may have none).
    glBindFramebuffer(GL_FRAMEBUFFER, heightMap.id());
    glEnable(GL_RASTERIZER_DISCARD);
    std::array<glm::mat4, kMaxJoints> joints;
    for (size_t n = 0; n < model.nodes.size(); ++n) {
      const auto& node = model.nodes[n];
      if (posedNodes[n].empty()) continue;
      bool skinned = false;
      if (node.skin >= 0 && node.skin < int(model.skins.size())) {
        const auto& skin = model.skins[size_t(node.skin)];
        const size_t count = std::min(skin.joints.size(), size_t(kMaxJoints));
        for (size_t j = 0; j < count; ++j) {
          const glm::mat4 ibm = j < skin.inverseBind.size() ? skin.inverseBind[j] : glm::mat4(1.0f);
          joints[j] = world[size_t(skin.joints[j])] * ibm;
        }
        glBindBuffer(GL_UNIFORM_BUFFER, jointsUbo.get());
        glBufferSubData(GL_UNIFORM_BUFFER, 0, GLsizeiptr(count * sizeof(glm::mat4)), joints.data());
        skinned = true;
      }
      const glm::mat4 m = skinned ? glm::mat4(1.0f) : world[n];
      // A primitive the pose leaves where it was loaded (a model at rest) is drawn from its own vertices.
      bool unmoved = nearIdentity(m);
      if (skinned)
        for (size_t j = 0; j < std::min(model.skins[size_t(node.skin)].joints.size(), size_t(kMaxJoints)); ++j)
          unmoved = unmoved && nearIdentity(joints[j]);
      pose.set("u_model", m);
      pose.set("u_normalMatrix", normalMatrix(m));
      const auto& sources = meshes[size_t(node.mesh)];
      for (size_t p = 0; p < sources.size(); ++p) {
        const auto& src = sources[p];
        PosedPrimitive& pp = posedNodes[n][p];
        if (unmoved) {
          if (pp.posed) {
            pp.posed = {};
            pp.drawVao = makeDrawVao(src, 0);
          }
          continue;
        }
        if (!pp.posed) {
          pp.posed = makeBuffer();
          glBindBuffer(GL_ARRAY_BUFFER, pp.posed.get());
          glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(size_t(src.vertexCount) * 6 * sizeof(float)), nullptr,
                       GL_DYNAMIC_COPY);
          pp.drawVao = makeDrawVao(src, pp.posed.get());
        }
        pose.set("u_skinned", int(skinned && src.layout.skinned));
        pose.set("u_dqJoints", skinned ? int(scene::dualQuaternionJoints(model, node.skin)) : 0);
        pose.set("u_dqGirdleJoints", skinned ? int(scene::girdleDualQuaternionJoints(model, node.skin)) : 0);
        pose.set("u_dqGirdleLinear", skinned ? int(scene::girdleLinearJoints(model, node.skin)) : 0);
        pose.set("u_dqGirdleTurn", glm::vec2(glm::radians(scene::kGirdleDualQuaternionTurnDeg[0]),
                                             glm::radians(scene::kGirdleDualQuaternionTurnDeg[1])));
        glBindVertexArray(src.poseVao.get());
        glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, posedNodes[n][p].posed.get());
        glBeginTransformFeedback(GL_POINTS);
        glDrawArrays(GL_POINTS, 0, src.vertexCount);
        glEndTransformFeedback();
      }
    }
    glBindBufferBase(GL_TRANSFORM_FEEDBACK_BUFFER, 0, 0);
    glDisable(GL_RASTERIZER_DISCARD);
    glBindVertexArray(0);
  }

  // Calls fn(meshIndex, posedPrimitive, sourcePrimitive) for every visible posed primitive.
  template <typename Fn>
  void forEachVisible(const FrameView& f, Fn&& fn) {
    const auto& model = *f.model;
    for (size_t n = 0; n < model.nodes.size() && n < posedNodes.size(); ++n) {
      const int m = model.nodes[n].mesh;
      if (posedNodes[n].empty() || m >= int(f.meshes.size()) || !f.meshes[size_t(m)].visible) continue;
      const auto& sources = meshes[size_t(m)];
      for (size_t p = 0; p < sources.size(); ++p) fn(size_t(m), posedNodes[n][p], sources[p]);
    }
  }

  static void draw(GLuint vao, GLsizei indexCount) {
    glBindVertexArray(vao);
    glDrawElements(GL_TRIANGLES, indexCount, GL_UNSIGNED_INT, nullptr);
  }

  // A posed primitive, with its coarse triangle list when asked for and present.
  static void drawPosed(const PosedPrimitive& pp, const SourcePrimitive& src, bool coarse) {
    glBindVertexArray(pp.drawVao.get());
    if (coarse && src.coarseCount > 0)
      glDrawElements(GL_TRIANGLES, src.coarseCount, GL_UNSIGNED_INT,
                     reinterpret_cast<const void*>(size_t(src.indexCount) * sizeof(std::uint32_t)));
    else
      glDrawElements(GL_TRIANGLES, src.indexCount, GL_UNSIGNED_INT, nullptr);
  }

  const Shape& shapeOf(const ShapeDraw& s) {
    switch (s.kind) {
      case ShapeDraw::Kind::Cylinder: return cylinder;
      case ShapeDraw::Kind::Sphere: return sphere;
      default: break;
    }
    if (s.rounding <= 0.0f) return box;
    const glm::vec3 half(glm::length(glm::vec3(s.transform[0])), glm::length(glm::vec3(s.transform[1])),
                         glm::length(glm::vec3(s.transform[2])));
    const auto mm100 = [](float metres) { return std::lround(double(metres) * 1e5); };
    const std::array<long, 4> key{mm100(half.x), mm100(half.y), mm100(half.z), mm100(s.rounding)};
    auto it = roundedBoxes.find(key);
    if (it == roundedBoxes.end()) {
      if (roundedBoxes.size() >= 64) roundedBoxes.clear();  // equipment that keeps changing size: start afresh
      it = roundedBoxes.emplace(key, makeShape(scene::unitRoundedBox(half, s.rounding))).first;
    }
    return it->second;
  }

  void renderHeightMap(const FrameView& f, bool coarse) {
    const float r = f.floorRadius;
    const glm::vec3 c = f.floorCenter;
    HeightInputs inputs{f.poseVersion, modelVersion, glm::vec4(c, r), {}};
    for (const auto& s : f.shapes) inputs.shapes.emplace_back(s.kind, s.transform, s.rounding);
    // Cached while the pose, the floor and the equipment stay put (a coarse one until a full picture is drawn).
    if (heightValid && inputs == heightInputs && (coarse || !heightCoarse)) return;
    heightInputs = std::move(inputs);
    heightValid = true;
    heightCoarse = coarse;
    const float below = 0.01f;
    heightRange = 3.0f;
    const glm::mat4 view = glm::lookAt(glm::vec3(c.x, c.y - below, c.z), glm::vec3(c.x, c.y + 1.0f, c.z),
                                       glm::vec3(0.0f, 0.0f, 1.0f));
    heightViewProj = glm::ortho(-r, r, -r, r, 0.0f, heightRange) * view;
    glBindFramebuffer(GL_FRAMEBUFFER, heightMap.id());
    glViewport(0, 0, kHeightMapSize, kHeightMapSize);
    apply({.depthTest = true, .depthFunc = GL_LESS});
    glClearDepth(1.0);
    glClear(GL_DEPTH_BUFFER_BIT);
    depth.use();
    depth.set("u_viewProj", heightViewProj);
    depth.set("u_model", glm::mat4(1.0f));
    depth.set("u_normalMatrix", glm::mat3(1.0f));
    // Seen from below, the skin hides the muscles, tendons and bones it encloses: while it is drawn they are left
    // out (on the shipped model, 63 % of the triangles; the shadows of the four exercises at 5 s and 20 s are
    // within 1/255 of those with every mesh). This pass is redrawn on every frame of a running exercise.
    const auto& roles = f.model->roles;
    auto tissue = [&](size_t m) { return m < roles.size() ? roles[m].tissue : scene::TissueKind::Other; };
    bool skinDrawn = false;
    forEachVisible(f, [&](size_t m, const PosedPrimitive&, const SourcePrimitive&) {
      skinDrawn = skinDrawn || tissue(m) == scene::TissueKind::Skin;
    });
    forEachVisible(f, [&](size_t m, const PosedPrimitive& pp, const SourcePrimitive& src) {
      const scene::TissueKind t = tissue(m);
      if (skinDrawn && (t == scene::TissueKind::Muscle || t == scene::TissueKind::Tendon ||
                        t == scene::TissueKind::Bone))
        return;
      drawPosed(pp, src, coarse);
    });
    for (const auto& s : f.shapes) {
      depth.set("u_model", s.transform);
      const Shape& shape = shapeOf(s);
      draw(shape.vao.get(), shape.source.indexCount);
    }
    // The soft shadow, computed once here rather than per floor pixel.
    glBindFramebuffer(GL_FRAMEBUFFER, shadowMap.id());
    glViewport(0, 0, kShadowMapSize, kShadowMapSize);
    apply({});
    shadow.use();
    shadow.set("t_height", 1);
    shadow.set("u_heightRange", heightRange);
    shadow.set("u_metresPerUv", 2.0f * r);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, heightMap.depthTexture.get());
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(emptyVao.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
  }

  // Starts a frame of mesh draws: the shared uniforms are set again on each variant it uses.
  void beginMeshFrame(const MeshShared& shared) {
    meshShared = shared;
    ++meshFrame;
  }

  // Uses mesh.frag's variant for a look (a texture only on the material look, lit per vertex only the tissue
  // looks when the frame asks for it) and returns it.
  Program& useMesh(Look look, bool marked, bool textured) {
    textured = textured && look == Look::Material;
    const bool vertexLight = meshShared.vertexLight && look != Look::Material;
    MeshVariant& v =
        meshVariants[size_t(int(look) * 8 + (vertexLight ? 4 : 0) + (marked ? 2 : 0) + (textured ? 1 : 0))];
    if (!v.program) {
      // The defines, then the studio lights both stages may use.
      const std::string defines = "#define MYO_LOOK " + std::to_string(int(look)) + "\n#define MYO_MARKED " +
                                  std::to_string(int(marked)) + "\n#define MYO_TEXTURED " +
                                  std::to_string(int(textured)) + "\n#define MYO_VERTEX_LIGHT " +
                                  std::to_string(int(vertexLight)) + "\n" + std::string(shaders::lighting_glsl);
      v.program = std::make_unique<Program>("mesh.vert", shaders::mesh_vert, "mesh.frag", shaders::mesh_frag,
                                            defines);
    }
    Program& p = *v.program;
    p.use();
    mesh = &p;
    if (v.frame == meshFrame) return p;
    v.frame = meshFrame;
    const MeshShared& s = meshShared;
    p.set("u_viewProj", s.viewProj);
    p.set("u_model", glm::mat4(1.0f));
    p.set("u_normalMatrix", glm::mat3(1.0f));
    p.set("u_eye", s.eye);
    p.set("u_towardEye", 0.0f);
    p.set("u_stripes", 0);
    p.set("u_keyDir", s.keyDir);
    p.set("u_fillDir", s.fillDir);
    p.set("u_fibres", s.fibres);
    p.set("u_fresnelAlpha", 0.55f);
    p.set("t_baseColor", 0);
    if (marked && s.paint != nullptr) setPaint(p, *s.paint);
    return p;
  }

  // Chooses and uses the variant for a mesh's look and marks, and sets its material; returns the variant.
  Program& setMaterial(const MeshDraw& d, int material) {
    glm::vec4 color = d.color;
    bool hasTexture = false;
    if (d.look == Look::Material && material >= 0 && material < int(materials.size())) {
      const auto& mat = materials[size_t(material)];
      color *= mat.baseColorFactor;
      if (mat.baseColorImage >= 0 && mat.baseColorImage < int(images.size()) && images[size_t(mat.baseColorImage)]) {
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, images[size_t(mat.baseColorImage)].get());
        hasTexture = true;
      }
    }
    const bool marked = d.paint || d.highlight > 0.0f;
    Program& mesh = useMesh(d.look, marked, hasTexture);
    mesh.set("u_baseColor", color);
    if (marked) {
      mesh.set("u_highlight", d.highlight);
      mesh.set("u_glowColor", d.glowColor);
      mesh.set("u_paint", int(d.paint));
    }
    return mesh;
  }

  static void setPaint(const Program& mesh, const PaintView& p) {
    std::array<glm::vec4, kMaxCoverPoints> path{};
    const size_t n = std::min(p.coveredPath.size(), size_t(kMaxCoverPoints));
    // Keep the newest points when the path is longer than the shader holds.
    const size_t first = p.coveredPath.size() - n;
    // The box around the path, grown by the radius, lets the shader skip the path where nothing is covered.
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (size_t i = 0; i < n; ++i) {
      path[i] = glm::vec4(p.coveredPath[first + i], 0.0f);
      lo = glm::min(lo, p.coveredPath[first + i]);
      hi = glm::max(hi, p.coveredPath[first + i]);
    }
    mesh.set("u_coverMin", lo - glm::vec3(p.coverRadius));
    mesh.set("u_coverMax", hi + glm::vec3(p.coverRadius));
    glUniform4fv(mesh.location("u_coverPath"), GLsizei(kMaxCoverPoints), &path[0][0]);
    mesh.set("u_coverCount", int(n));
    mesh.set("u_coverRadius", p.coverRadius);
    mesh.set("u_contact", p.contact ? glm::vec4(*p.contact, p.contactRadius) : glm::vec4(0.0f));
  }

  // Pixel rectangle (x, y, w, h) covering a world box, or the whole target when it reaches behind the eye.
  static glm::ivec4 screenRect(const std::pair<glm::vec3, glm::vec3>& box, const glm::mat4& viewProj,
                               glm::ivec2 size, float marginPx) {
    glm::vec2 lo(1e9f), hi(-1e9f);
    for (int i = 0; i < 8; ++i) {
      const glm::vec3 p((i & 1) ? box.second.x : box.first.x, (i & 2) ? box.second.y : box.first.y,
                        (i & 4) ? box.second.z : box.first.z);
      const glm::vec4 c = viewProj * glm::vec4(p, 1.0f);
      if (c.w <= 1e-4f) return {0, 0, size.x, size.y};
      const glm::vec2 s = (glm::vec2(c) / c.w * 0.5f + 0.5f) * glm::vec2(size);
      lo = glm::min(lo, s);
      hi = glm::max(hi, s);
    }
    lo = glm::clamp(lo - marginPx, glm::vec2(0.0f), glm::vec2(size));
    hi = glm::clamp(hi + marginPx, glm::vec2(0.0f), glm::vec2(size));
    return {int(lo.x), int(lo.y), std::max(0, int(std::ceil(hi.x - lo.x))), std::max(0, int(std::ceil(hi.y - lo.y)))};
  }
};

Renderer::Renderer() : impl_(std::make_unique<Impl>()) {}
Renderer::~Renderer() = default;

void Renderer::setModel(const scene::Model& model) {
  auto& im = *impl_;
  im.meshes.clear();
  im.posedNodes.clear();
  im.images.clear();
  im.materials = model.materials;
  im.modelChanged = true;
  im.cacheValid = false;
  ++im.modelVersion;
  im.posedVersion = ~std::uint64_t(0);
  im.heightValid = false;
  for (const auto& m : model.meshes) {
    std::vector<SourcePrimitive> prims;
    for (const auto& p : m.primitives) prims.push_back(upload(p));
    im.meshes.push_back(std::move(prims));
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

void Renderer::setCoarseLists(const scene::ModelLod& lod) {
  auto& im = *impl_;
  if (lod.indices.size() != im.meshes.size()) return;
  // Each primitive's element buffer becomes its full list followed by its coarse one.
  glBindVertexArray(0);
  std::vector<std::uint32_t> both;
  for (size_t m = 0; m < im.meshes.size(); ++m) {
    if (lod.indices[m].size() != im.meshes[m].size()) continue;
    for (size_t p = 0; p < im.meshes[m].size(); ++p) {
      SourcePrimitive& src = im.meshes[m][p];
      const auto& coarse = lod.indices[m][p];
      const bool valid = !coarse.empty() && coarse.size() % 3 == 0 &&
                         std::all_of(coarse.begin(), coarse.end(),
                                     [&](std::uint32_t i) { return i < std::uint32_t(src.vertexCount); });
      if (!valid || GLsizei(coarse.size()) >= src.indexCount) continue;
      both.resize(size_t(src.indexCount) + coarse.size());
      glBindBuffer(GL_COPY_READ_BUFFER, src.indices.get());
      glGetBufferSubData(GL_COPY_READ_BUFFER, 0, GLsizeiptr(size_t(src.indexCount) * sizeof(std::uint32_t)),
                         both.data());
      std::copy(coarse.begin(), coarse.end(), both.begin() + src.indexCount);
      glBufferData(GL_COPY_READ_BUFFER, GLsizeiptr(both.size() * sizeof(std::uint32_t)), both.data(), GL_STATIC_DRAW);
      src.coarseCount = GLsizei(coarse.size());
    }
  }
  glBindBuffer(GL_COPY_READ_BUFFER, 0);
  checkGl("coarse lists");
}

bool Renderer::lastFrameCoarse() const { return !impl_->cacheFull; }

void Renderer::setPassTiming(bool on) { impl_->timing = on; }

const std::vector<PassTime>& Renderer::passTimes() const { return impl_->passTimes; }

// One frame's passes. Each starts from a declared state (apply), draws into the bound scene target, and leaves
// the state for the next one to declare again.
struct Renderer::Frame {
  Impl& im;
  const FrameView& f;
  bool coarse;
  glm::ivec2 size;           // the scene target's size (smaller than the output when coarse)
  PassTargets& targets;
  glm::mat4 viewProj;
  bool haveModel;
  bool anyOutline = false;
  bool anyTranslucent = false;
  glm::ivec4 outlineRect{0};

  static bool translucent(const MeshDraw& d) { return d.color.w < 0.999f; }

  // Back faces are culled unless a material says the surface is double-sided: closed surfaces lose nothing,
  // and a software rasteriser spends most of its time on triangle set-up.
  void cullFor(int material) const {
    const bool twoSided = material >= 0 && material < int(im.materials.size()) &&
                          im.materials[size_t(material)].doubleSided;
    if (twoSided) glDisable(GL_CULL_FACE);
    else glEnable(GL_CULL_FACE);
  }

  // The scene target cleared to transparent: its alpha is what the body covers, so that the floor and the
  // background can be blended under the resolved picture.
  void begin() {
    glBindFramebuffer(GL_FRAMEBUFFER, targets.scene.id());
    glViewport(0, 0, size.x, size.y);
    apply({});
    glClearDepth(1.0);
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_DEPTH_BUFFER_BIT | GL_COLOR_BUFFER_BIT);
  }

  // Under the resolved (single-sampled) picture, where it leaves the background open: the same as drawing the
  // background first into every sample, shaded once per pixel instead of tested per sample. The floor is
  // blended under before it, so it lies over the background.
  void bindKept() {
    glBindFramebuffer(GL_FRAMEBUFFER, im.kept);
    glViewport(0, 0, size.x, size.y);
  }
  void background() {
    bindKept();
    apply({.blend = PassState::Blend::Under});
    im.background.use();
    im.background.set("u_top", glm::vec3(0.86f, 0.88f, 0.90f));
    im.background.set("u_bottom", glm::vec3(0.55f, 0.57f, 0.60f));
    glBindVertexArray(im.emptyVao.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
  }

  // Under the picture, over the background still to come: the picture of a floor drawn before the body.
  void floor() {
    bindKept();
    apply({.blend = PassState::Blend::Under});
    im.floor.use();
    im.floor.set("u_viewProj", viewProj);
    im.floor.set("u_center", f.floorCenter);
    im.floor.set("u_radius", f.floorRadius);
    im.floor.set("u_color", glm::vec3(0.80f, 0.81f, 0.82f));
    im.floor.set("u_heightViewProj", im.heightViewProj);
    im.floor.set("u_shadow", 1.0f);
    im.floor.set("t_shadow", 1);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_2D, im.shadowMap.colorTexture.get());
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(im.emptyVao.get());
    glDrawArrays(GL_TRIANGLES, 0, 6);
  }

  void meshUniforms() {
    // The lights are fixed to the camera (key upper left, fill right): their view-space directions turned into
    // world space once a frame.
    const glm::mat3 viewToWorld = glm::transpose(glm::mat3(f.view));
    im.beginMeshFrame({.viewProj = viewProj, .eye = f.eye,
                       .keyDir = viewToWorld * glm::normalize(glm::vec3(-0.45f, 0.65f, 0.62f)),
                       .fillDir = viewToWorld * glm::normalize(glm::vec3(0.75f, 0.05f, 0.55f)),
                       .fibres = f.fibres ? 1.0f : 0.0f, .paint = &f.paint, .vertexLight = vertexLightFor(f)});
  }

  // Equipment: the plain material look, placed by u_model.
  void drawShapes(bool translucentPass) {
    bool any = false;
    for (const auto& s : f.shapes) {
      if ((s.color.w < 0.999f) != translucentPass) continue;
      Program& mesh = im.useMesh(Look::Material, false, false);
      any = true;
      mesh.set("u_model", s.transform);
      mesh.set("u_normalMatrix", normalMatrix(s.transform));
      mesh.set("u_baseColor", s.color);
      mesh.set("u_opaque", int(!translucentPass));
      mesh.set("u_towardEye", 0.0f);
      mesh.set("u_stripes", int(s.stripes && s.kind == ShapeDraw::Kind::Cylinder));
      const Shape& shape = im.shapeOf(s);
      Impl::draw(shape.vao.get(), shape.source.indexCount);
    }
    if (!any) return;
    im.mesh->set("u_model", glm::mat4(1.0f));
    im.mesh->set("u_normalMatrix", glm::mat3(1.0f));
    im.mesh->set("u_stripes", 0);
  }

  // Opaque tissues, outer layers first (muscles, then everything else, bones last), so that the depth test
  // spares the shading of what they hide; then the opaque equipment.
  void opaque() {
    apply({.depthTest = true});
    meshUniforms();
    if (haveModel) {
      const Look order[] = {Look::Muscle, Look::Material, Look::Skin, Look::Bone};
      for (const Look look : order) {
        im.forEachVisible(f, [&](size_t m, const PosedPrimitive& pp, const SourcePrimitive& src) {
          const MeshDraw& d = f.meshes[m];
          if (d.look != look) return;
          anyOutline = anyOutline || d.outline;
          if (translucent(d)) {
            anyTranslucent = anyTranslucent || d.color.w > 0.0f;
            return;
          }
          cullFor(src.material);
          Program& mesh = im.setMaterial(d, src.material);
          mesh.set("u_fibreUv", int(src.layout.hasUv && src.layout.hasFib));
          mesh.set("u_opaque", 1);
          Impl::drawPosed(pp, src, coarse);
        });
      }
    }
    apply({.depthTest = true});
    drawShapes(false);
    outlineRect = {0, 0, size.x, size.y};
    if (f.outlineBounds) outlineRect = Impl::screenRect(*f.outlineBounds, viewProj, size, float(size.y) / 60.0f);
    anyOutline = haveModel && anyOutline && outlineRect.z > 0 && outlineRect.w > 0;
  }

  // The highlighted meshes drawn flat into the mask, first everywhere (hidden, alpha 0.5), then depth-tested
  // against the opaque scene (seen, alpha 1). The faded skin is not in the depth yet, so what shows through it
  // counts as seen.
  void outlineMask() {
    targets.ensureMask(size);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, targets.scene.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, targets.mask.id());
    // Only the outlined meshes' screen box needs the scene's depth and their draws (every pixel they cover is in
    // it); the colour is cleared over the box and the outline's reach beyond it, which the outline pass reads.
    const glm::ivec4 r = outlineRect;
    glBlitFramebuffer(r.x, r.y, r.x + r.z, r.y + r.w, r.x, r.y, r.x + r.z, r.y + r.w, GL_DEPTH_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, targets.mask.id());
    const int reach = int(std::ceil(outlineRadius(size))) + 1;
    const glm::ivec2 lo = glm::max(glm::ivec2(r.x, r.y) - reach, glm::ivec2(0));
    const glm::ivec2 hi = glm::min(glm::ivec2(r.x + r.z, r.y + r.w) + reach, size);
    apply({.scissor = glm::ivec4(lo, hi - lo)});
    glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    apply({.depthTest = true, .depthWrite = false, .scissor = outlineRect});
    im.flat.use();
    im.flat.set("u_viewProj", viewProj);
    im.flat.set("u_model", glm::mat4(1.0f));
    im.flat.set("u_normalMatrix", glm::mat3(1.0f));
    // Hidden parts count only under a thin cover (a muscle over a muscle): drawn moved toward the eye by
    // kOutlineCover of the model's size and depth-tested, so a back muscle seen from the front, behind the whole
    // body, leaves no outline on the chest.
    im.flat.set("u_eye", f.eye);
    for (int seen = 0; seen < 2; ++seen) {
      glDepthFunc(GL_LEQUAL);
      im.flat.set("u_towardEye", seen ? 0.0f : kOutlineCover * f.modelRadius);
      im.forEachVisible(f, [&](size_t m, const PosedPrimitive& pp, const SourcePrimitive& src) {
        const MeshDraw& d = f.meshes[m];
        if (!d.outline) return;
        im.flat.set("u_baseColor", glm::vec4(d.outlineColor, seen ? 1.0f : 0.5f));
        cullFor(src.material);
        Impl::drawPosed(pp, src, coarse);
      });
    }
    im.flat.set("u_towardEye", 0.0f);
    glBindFramebuffer(GL_FRAMEBUFFER, targets.scene.id());
  }

  // The faded skin, front faces only (a closed surface: each pixel blends one layer), then see-through
  // equipment (a wall or a backrest in front of the worked muscle).
  void translucentLayers() {
    const PassState blended{.depthTest = true, .depthWrite = false, .blend = PassState::Blend::Alpha,
                            .cull = PassState::Cull::Back};
    if (haveModel && anyTranslucent) {
      apply(blended);
      im.forEachVisible(f, [&](size_t m, const PosedPrimitive& pp, const SourcePrimitive& src) {
        const MeshDraw& d = f.meshes[m];
        if (!translucent(d) || d.color.w <= 0.0f) return;
        Program& mesh = im.setMaterial(d, src.material);
        mesh.set("u_fibreUv", int(src.layout.hasUv && src.layout.hasFib));
        mesh.set("u_opaque", 0);
        // A coarse skin cuts corners under the true surface, below the muscles just beneath it: it is drawn as
        // if nearer the eye, which decides the depth test for it but does not move it on screen.
        mesh.set("u_towardEye", coarse && src.coarseCount > 0 ? kCoarseSkinLift * f.modelRadius : 0.0f);
        Impl::drawPosed(pp, src, coarse);
      });
    }
    if (std::any_of(f.shapes.begin(), f.shapes.end(), [](const ShapeDraw& s) { return s.color.w < 0.999f; })) {
      apply(blended);
      drawShapes(true);
    }
  }

  // Outlines around the highlighted meshes, from the mask, only where they can be. Drawn into the kept
  // (resolved, single-sampled) picture: a blend of one colour over every sample of a pixel equals the blend over
  // their average, so this gives the same picture as drawing before the resolve, at a quarter of the writes.
  void outlines() {
    glBindFramebuffer(GL_FRAMEBUFFER, im.kept);
    glViewport(0, 0, size.x, size.y);
    apply({.blend = PassState::Blend::Alpha, .scissor = outlineRect});
    im.outline.use();
    im.outline.set("t_mask", 2);
    // Two rings of taps (a solid line without gaps) at half and the whole radius, the second turned by half a
    // step, both about 1.4 pixels apart round their ring at full detail: the inner ring, half as long, has half
    // the taps.
    const float radius = outlineRadius(size);
    const int outerTaps = coarse ? 8 : 16;
    std::array<glm::vec2, 32> offsets{};
    int taps = 0;
    for (int ring = 1; ring <= 2; ++ring) {
      const int perRing = ring == 1 ? std::max(outerTaps / 2, 6) : outerTaps;
      for (int i = 0; i < perRing; ++i) {
        const float a = 6.2831853f * (float(i) + 0.5f * float(ring - 1)) / float(perRing);
        offsets[size_t(taps++)] = glm::vec2(std::cos(a), std::sin(a)) * radius * float(ring) * 0.5f / glm::vec2(size);
      }
    }
    glUniform2fv(im.outline.location("u_offsets"), taps, &offsets[0][0]);
    im.outline.set("u_taps", taps);
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D, targets.mask.colorTexture.get());
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(im.emptyVao.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    apply({});
  }

  // The multisampled picture into the cache (a coarse picture is single-sampled: its own target is kept).
  void resolve() {
    apply({});
    glBindVertexArray(0);
    if (coarse) {
      im.kept = targets.scene.id();
      return;
    }
    glBindFramebuffer(GL_READ_FRAMEBUFFER, targets.scene.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, im.cache.id());
    glBlitFramebuffer(0, 0, size.x, size.y, 0, 0, size.x, size.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    im.kept = im.cache.id();
  }
};

// The kept picture, scaled to the output when it is smaller.
static void copyKept(GLuint kept, glm::ivec2 used, GLuint out, glm::ivec2 outSize) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, kept);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, out);
  glBlitFramebuffer(0, 0, used.x, used.y, 0, 0, outSize.x, outSize.y, GL_COLOR_BUFFER_BIT,
                    used == outSize ? GL_NEAREST : GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, out);
  glViewport(0, 0, outSize.x, outSize.y);
}

void Renderer::render(const FrameView& f, OffscreenTarget* target) {
  auto& im = *impl_;
  using Clock = std::chrono::steady_clock;
  const glm::ivec2 outSize = glm::max(f.size, glm::ivec2(1));
  GLuint out = 0;
  if (target != nullptr) {
    target->resize(outSize);
    out = target->impl_->target.id();
  }
  im.passTimes.clear();
  im.passStart = Clock::now();
  // Nothing changed since the last picture: copy it (the window redraws its panels every frame). While things
  // move on a slow renderer the pictures are coarse; once the view has rested a moment a full one replaces them.
  const Interaction& ia = f.interaction;
  const auto now = Clock::now();
  im.ensureCache(outSize);
  // Whether coarse pictures are allowed decides how a changed picture is drawn, not what it shows.
  FrameInputs inputs{target, im.modelVersion, f};
  inputs.frame.interaction.allowed = false;
  const bool same = im.cacheValid && inputs == im.cacheInputs;
  if (!same) im.lastChange = now;
  const bool rested = std::chrono::duration<double>(now - im.lastChange).count() >= ia.restSeconds;
  if (same && (im.cacheFull || (ia.allowed && !rested))) {
    copyKept(im.kept, im.cacheUsed, out, outSize);
    im.passDone("kept picture");
    return;
  }
  const bool coarse = ia.allowed && !same && im.fullFrameMs > ia.budgetMs;
  const auto started = Clock::now();
  const float scale =
      coarse ? std::clamp(std::max(ia.scale, float(ia.leastRows) / float(outSize.y)), 0.05f, 1.0f) : 1.0f;
  // Every pass draws at this size; the picture is scaled to the output at the end.
  const glm::ivec2 size = glm::max(glm::ivec2(glm::round(glm::vec2(outSize) * scale)), glm::ivec2(1));
  const bool haveModel = f.model != nullptr && f.world != nullptr && f.world->size() == f.model->nodes.size() &&
                         im.meshes.size() == f.model->meshes.size();

  if (haveModel && (im.modelChanged || im.posedVersion != f.poseVersion)) {
    im.poseAll(f);
    im.posedVersion = f.poseVersion;
    im.passDone("pose");
  }
  if (haveModel && f.floor) {
    im.renderHeightMap(f, coarse);
    im.passDone("floor height map");
  }
  PassTargets& targets = coarse ? im.coarseTargets : im.fullTargets;
  targets.ensureScene(size, coarse ? 1 : f.samples);
  Frame frame{im, f, coarse, size, targets, f.projection * f.view, haveModel};
  frame.begin();
  frame.opaque();
  im.passDone("opaque");
  im.overlay.draw(f.overlay.onMuscles, frame.viewProj, f.eye);  // overlay_pass.hpp
  if (frame.anyOutline) {
    frame.outlineMask();
    im.passDone("outline mask");
  }
  frame.translucentLayers();
  im.passDone("translucent");
  im.overlay.draw(f.overlay.onSkin, frame.viewProj, f.eye);
  frame.resolve();
  im.passDone("resolve");
  if (haveModel && f.floor) {
    frame.floor();
    im.passDone("floor");
  }
  frame.background();
  im.passDone("background");
  if (frame.anyOutline) {
    frame.outlines();
    im.passDone("outlines");
  }
  im.cacheInputs = std::move(inputs);
  im.cacheValid = true;
  im.cacheFull = !coarse;
  im.cacheUsed = size;
  copyKept(im.kept, size, out, outSize);
  im.passDone("copy");
  checkGl("render");
  // What a full picture costs decides whether moving pictures are coarse (a fast GPU never needs them). Timing
  // it waits for the GPU, so it is done about once a second.
  if (ia.allowed && !coarse && (im.fullFrameMs <= 0.0 || started - im.lastTimed > std::chrono::seconds(1))) {
    glFinish();
    im.lastTimed = Clock::now();
    im.fullFrameMs = std::chrono::duration<double, std::milli>(im.lastTimed - started).count();
  }
}

void Renderer::renderFlat(const FrameView& f, OffscreenTarget* target) {
  auto& im = *impl_;
  const glm::ivec2 size = glm::max(f.size, glm::ivec2(1));
  const bool haveModel = f.model != nullptr && f.world != nullptr && f.world->size() == f.model->nodes.size() &&
                         im.meshes.size() == f.model->meshes.size();
  if (haveModel && (im.modelChanged || im.posedVersion != f.poseVersion)) {
    im.poseAll(f);
    im.posedVersion = f.poseVersion;
  }
  // Its own targets of the same size and samples, so that the kept picture stays valid.
  PassTargets& targets = im.flatTargets;
  targets.ensureScene(size, f.samples);
  glBindFramebuffer(GL_FRAMEBUFFER, targets.scene.id());
  glViewport(0, 0, size.x, size.y);
  apply({.depthTest = true, .cull = PassState::Cull::Back});
  glClearColor(0.7f, 0.7f, 0.7f, 1.0f);
  glClearDepth(1.0);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  im.flat.use();
  im.flat.set("u_viewProj", f.projection * f.view);
  im.flat.set("u_model", glm::mat4(1.0f));
  im.flat.set("u_normalMatrix", glm::mat3(1.0f));
  im.flat.set("u_baseColor", glm::vec4(0.6f, 0.3f, 0.3f, 1.0f));
  if (haveModel)
    im.forEachVisible(f, [&](size_t m, const PosedPrimitive& pp, const SourcePrimitive& src) {
      if (f.meshes[m].color.w <= 0.0f) return;
      Impl::drawPosed(pp, src, false);
    });
  apply({});
  GLuint out = 0;
  if (target != nullptr) {
    target->resize(size);
    out = target->impl_->target.id();
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, targets.scene.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, out);
  glBlitFramebuffer(0, 0, size.x, size.y, 0, 0, size.x, size.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, out);
  glBindVertexArray(0);
  checkGl("flat render");
}

}  // namespace myo::gfx
