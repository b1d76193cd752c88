// gfx/renderer.hpp: draws a posed model as an anatomy atlas plate: gradient background, floor with a soft
// contact shadow, tissues with their own materials, target muscles saturated and outlined, translucent skin.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "gfx/overlay_pass.hpp"
#include "scene/lod.hpp"
#include "scene/model.hpp"

namespace myo::gfx {

/// How a mesh is shaded.
enum class Look : int { Material = 0, Skin = 1, Bone = 2, Muscle = 3 };

/// Per-mesh drawing instructions (index = mesh index in the model).
struct MeshDraw {
  bool visible = true;
  Look look = Look::Material;
  glm::vec4 color{1.0f};          ///< tissue colour (Material: multiplies the material), alpha = opacity
  float highlight = 0.0f;         ///< 0..1 target emphasis (saturation and rim glow)
  glm::vec3 glowColor{1.0f, 0.85f, 0.35f};
  bool outline = false;           ///< draw an outline, also seen dimmed through what hides it
  glm::vec3 outlineColor{1.0f, 0.82f, 0.25f};
  bool paint = false;             ///< show the exercise's coverage map and contact glow (FrameView::paint)
  bool operator==(const MeshDraw&) const = default;
};

/// The exercise's marks on the target muscles, in the meshes' rest (standing) frame, metres.
struct PaintView {
  std::vector<glm::vec3> coveredPath;  ///< where the tool has worked this set (at most 64 points used)
  float coverRadius = 0.04f;
  std::optional<glm::vec3> contact;    ///< where the tool presses now
  float contactRadius = 0.05f;
  bool operator==(const PaintView&) const = default;
};

/// A simple solid drawn with the model (equipment, markers), in world space.
struct ShapeDraw {
  enum class Kind { Cylinder, Sphere, Box } kind = Kind::Box;
  glm::mat4 transform{1.0f};      ///< unit shape (cylinder: radius 1, y from -1 to 1; sphere radius 1; box +-1)
  glm::vec4 color{0.5f, 0.5f, 0.5f, 1.0f};
  bool stripes = false;           ///< bands along the cylinder so rolling reads
  float rounding = 0.0f;          ///< a box's edges and corners rounded with this radius (world units); 0: sharp
  bool operator==(const ShapeDraw&) const = default;
};

/// How pictures may lose detail while things move, so that a slow renderer (a software one) keeps up with the
/// hand. When allowed, and a full picture has cost more than budgetMs, a picture that differs from the last one
/// is drawn coarse: the coarse triangle lists (Renderer::setCoarseLists), no multisampling, and `scale` times
/// the rows and columns (but at least `leastRows` rows), stretched to the output. Once nothing has changed for
/// restSeconds, a full picture replaces it: three frames of a 60 Hz window without a change (a drag sends one
/// every frame while the hand moves), so that the full picture's own time is most of the wait once the view rests.
struct Interaction {
  bool allowed = false;
  double budgetMs = 40.0;
  float scale = 0.35f;
  int leastRows = 378;
  double restSeconds = 0.05;
  bool operator==(const Interaction&) const = default;
};

/// Everything the renderer reads for one frame. It never writes scene state.
struct FrameView {
  glm::ivec2 size{1280, 720};
  glm::mat4 view{1.0f};
  glm::mat4 projection{1.0f};
  glm::vec3 eye{0.0f};
  const scene::Model* model = nullptr;
  const std::vector<glm::mat4>* world = nullptr;  ///< posed world transform of every node
  std::uint64_t poseVersion = 0;  ///< changes whenever `world` does: the renderer re-poses vertices only then
  std::vector<MeshDraw> meshes;
  std::vector<ShapeDraw> shapes;
  bool fibres = true;
  bool floor = true;
  glm::vec3 floorCenter{0.0f};
  float floorRadius = 2.0f;
  float modelRadius = 1.0f;       ///< the model's bounding radius (scales depth biases)
  /// Distance from the eye to the point the view turns about (0: unknown): how large the model's triangles come
  /// out there decides whether its tissues are lit per vertex or per pixel.
  float focusDistance = 0.0f;
  int samples = 4;                ///< MSAA samples
  PaintView paint;
  OverlayView overlay;  ///< coverage and safety zones painted over the body (overlay_pass.hpp)
  /// World-space box around the outlined meshes (limits the outline pass), when known.
  std::optional<std::pair<glm::vec3, glm::vec3>> outlineBounds;
  Interaction interaction;
  /// Equal frames give equal pictures: the renderer keeps the last picture and compares the next frame with it.
  bool operator==(const FrameView&) const = default;
};

/// How long one pass of a frame took, with the GPU waited for after each (Renderer::setPassTiming).
struct PassTime {
  const char* pass = "";
  double ms = 0.0;
};

class OffscreenTarget;

class Renderer {
public:
  /// Compiles the shaders; needs a current GL 3.3 context. Throws std::runtime_error.
  Renderer();
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  /// Uploads the model's meshes and images (replacing the previous model's).
  void setModel(const scene::Model& model);

  /// Coarse triangle lists for the current model's primitives (scene::buildLod on the same model), drawn while
  /// things move (FrameView::interaction). Lists that do not fit their primitive are ignored.
  void setCoarseLists(const scene::ModelLod& lod);

  /// Whether the last rendered picture was a coarse one.
  bool lastFrameCoarse() const;

  /// Renders into `target`, or into the default framebuffer when target is nullptr. Leaves that framebuffer bound
  /// so that the UI can draw on top.
  void render(const FrameView& frame, OffscreenTarget* target);

  /// The driver's floor for a frame (--bench): the same visible triangles in one flat-colour pass, depth test on,
  /// back faces culled, at the same size and samples, resolved into `target`. Leaves the kept picture alone.
  void renderFlat(const FrameView& frame, OffscreenTarget* target);

  /// With timing on, render() waits for the GPU after every pass and records what each took (passTimes(), for
  /// the last frame); the waits cost time of their own, so the sum exceeds an untimed frame.
  void setPassTiming(bool on);
  const std::vector<PassTime>& passTimes() const;

private:
  struct Impl;
  struct Frame;
  std::unique_ptr<Impl> impl_;
};

/// A single-sampled RGBA8 colour target that can be read back.
class OffscreenTarget {
public:
  OffscreenTarget();
  ~OffscreenTarget();
  OffscreenTarget(const OffscreenTarget&) = delete;
  OffscreenTarget& operator=(const OffscreenTarget&) = delete;
  void resize(glm::ivec2 size);
  glm::ivec2 size() const { return size_; }
  void bind() const;
  /// The colour texture's name, as an opaque handle for the UI to show the picture (ImGui::Image).
  unsigned textureId() const;
  /// RGBA8 pixels, rows top to bottom.
  std::vector<unsigned char> read() const;

private:
  friend class Renderer;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  glm::ivec2 size_{0, 0};
};

/// Writes RGBA8 pixels (rows top to bottom) to a PNG. Throws core::Error(path, ...) when it cannot.
void writePng(const std::string& path, glm::ivec2 size, const std::vector<unsigned char>& rgba);

}  // namespace myo::gfx
