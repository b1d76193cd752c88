// exercise/tool_path.hpp: tool paths computed from the loaded model's own muscle geometry: tracks of
// surface points along which a contact moves, the vertebral levels they span, and the time profiles
// (strokes, turns) that move a contact along them.
#pragma once

#include <optional>
#include <vector>

#include <glm/glm.hpp>

#include "exercise/contact.hpp"
#include "scene/model.hpp"

namespace myo::exercise {

/// A point of a track on the body's outer surface.
struct TrackPoint {
  glm::vec3 rest{0.0f};      ///< model standing frame, metres
  glm::vec3 posed{0.0f};     ///< posed body frame, metres
  std::vector<int> muscles;  ///< muscle meshes under the tool here, outermost first
};

/// The contact's position on a track at one arc length.
struct TrackSample {
  glm::vec3 rest{0.0f};
  glm::vec3 posed{0.0f};
  const std::vector<int>* muscles = nullptr;  ///< of the nearest track point (never null when the track has points)
};

/// A polyline of surface points, parameterised by its arc length in the rest frame (metres).
struct Track {
  std::vector<TrackPoint> points;
  std::vector<double> arc;  ///< cumulative rest-frame length at each point, arc[0] = 0

  bool empty() const { return points.empty(); }
  double length() const { return arc.empty() ? 0.0 : arc.back(); }
  /// The point at arc length `s` metres from the first point (clamped to the track).
  TrackSample at(double s) const;
};

/// What the ray casting needs: the posed surface and which meshes count as muscle.
struct SurfaceQuery {
  const PosedSurface* surface = nullptr;
  const scene::Model* model = nullptr;

  /// The outer surface point met by a ray through `guide` travelling along `inward` (unit, posed frame),
  /// with the muscles under the tool: rays at `spread` offsets (metres along `spreadAxis`) each list the
  /// muscle meshes within 12 cm under the surface; the union is ordered by depth, outermost first.
  std::optional<TrackPoint> touch(const glm::vec3& guide, const glm::vec3& inward, const glm::vec3& spreadAxis,
                                  const std::vector<float>& spread) const;
  bool isMuscle(int mesh) const;

  /// `guide` moved sideways (horizontally, across `inward`) by up to `halfRange` metres to where the body
  /// bulges furthest toward the tool: the point a flat support (floor, roller) under the body touches.
  glm::vec3 support(const glm::vec3& guide, const glm::vec3& inward, float halfRange) const;
};

/// A track through the outer surface points met by rays through `guides` (in order) along `inward`.
/// Guides whose ray meets nothing are left out. With `supportRange` > 0 each guide first moves to the
/// body's furthest point toward the tool (SurfaceQuery::support).
Track castTrack(const SurfaceQuery& query, const std::vector<glm::vec3>& guides, const glm::vec3& inward,
                const glm::vec3& spreadAxis, const std::vector<float>& spread, float supportRange = 0.0f);

/// Heights (rest frame, metres) of two vertebral levels on the model.
struct Levels {
  double top = 0.0;
  double bottom = 0.0;
};

/// Rest-frame bounds of the vertices of `meshes`; nothing when they have no vertices.
std::optional<std::pair<glm::vec3, glm::vec3>> meshBounds(const RestSurface& rest, const std::vector<int>& meshes);

/// The T2 and T12 spinous-process levels (or T1 and T8 with `upperProgramme`) on a model, from the height
/// range of its trapezius along the midline: the reference puts the trapezius' lowest midline origin at
/// T12 and its highest at the inion, and the levels at fixed fractions of that range (landmarks.json:
/// SP_T12 y 1.1833, INION 1.635, SP_T2 1.4576, SP_T1 1.4835, SP_T8 1.2887). Scaling keeps them on a model of
/// another size. Nothing when the meshes have no vertices near the midline `midX`.
std::optional<Levels> trapeziusLevels(const RestSurface& rest, const std::vector<int>& trapezius, float midX,
                                      bool upperProgramme = false);

/// The latissimus roller's range on one side: from just below the armpit down to the lower ribs, at the
/// reference's fractions of the muscle's height range (landmarks.json: the latissimus spans y 1.0013 to
/// 1.36; the roller runs from 1.30 below the posterior axillary fold to 1.17 at the lower ribs).
std::optional<Levels> latissimusLevels(const RestSurface& rest, const std::vector<int>& latissimus);

/// 0 -> 1 -> 0 `passes` times over `duration` seconds, with smooth reversals (1 - cos)/2: the contact sweeps
/// the whole range and back within each pass. `tau` is clamped to [0, duration].
double sweep(double tau, double duration, int passes);

/// Whole passes of a sweep that fit `duration` seconds at `speed` m/s over a range of `length` metres (at
/// least one).
int passesFor(double duration, double speed, double length);

}  // namespace myo::exercise
