// gfx/overlay_pass.hpp: triangles painted over the body in their own pass: the exercise's coverage on the target
// muscles (drawn after the opaque tissues, so the faded skin lies over it) and the safety zones on the skin
// (drawn after the translucent layers). Each triangle keeps to the surface it was taken from by a depth offset.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <glm/glm.hpp>

namespace myo::gfx {

/// Triangles in world space with a colour per vertex (straight alpha), three vertices per triangle.
struct OverlayTriangles {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec4> colors;
};

/// One overlay layer of a frame. Frames compare by `version` (the renderer keeps its picture while it is the
/// same), so whoever changes the triangles gives them a new version.
struct OverlayLayer {
  std::shared_ptr<const OverlayTriangles> triangles;
  std::uint64_t version = 0;
  bool empty() const { return !triangles || triangles->positions.empty(); }
  bool operator==(const OverlayLayer& o) const { return version == o.version && triangles == o.triangles; }
};

struct OverlayView {
  OverlayLayer onMuscles;  ///< after the opaque tissues: seen through the faded skin and faded muscles
  OverlayLayer onSkin;     ///< after the translucent layers: over the skin
  bool operator==(const OverlayView&) const = default;
};

/// The pass; needs a current GL 3.3 context.
class OverlayPass {
public:
  OverlayPass();
  ~OverlayPass();
  OverlayPass(const OverlayPass&) = delete;
  OverlayPass& operator=(const OverlayPass&) = delete;

  /// Draws `layer` into the bound framebuffer, blended, depth-tested against what is drawn (no depth written),
  /// pulled toward the eye by a small offset so that it wins over the surface it lies on.
  void draw(const OverlayLayer& layer, const glm::mat4& viewProj, const glm::vec3& eye);

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace myo::gfx
