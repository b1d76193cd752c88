// exercise/tool_path.hpp: tool paths computed from the loaded model's own muscle geometry: tracks of
// surface points along which a contact moves, the vertebral levels they span, and the time profiles
// (strokes, turns) that move a contact along them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
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

/// Which muscle's height range scales a landmark onto a model: the spinous levels scale with the trapezius'
/// midline (its lowest origin at T12, its highest at the inion), the side landmarks (ribs, axillary fold) with
/// the latissimus dorsi.
enum class LevelFrame : std::uint8_t { Trapezius, Latissimus };

/// The frame of a landmark a path may start or end at ("SP_C6", "SP_C7", "SP_T1" ... "SP_T12"; "AXILLA_POST_FOLD_L",
/// "RIB5_LAT_L" ... "RIB10_LAT_L", sided names with _L or _R), or nothing for a name the program does not know.
std::optional<LevelFrame> landmarkFrame(std::string_view name);
/// The landmark names of one frame (side landmarks without their _L/_R).
std::vector<std::string_view> landmarkNames(LevelFrame frame);

/// The height (metres) of a landmark of the 1.75 m reference subject the model is built from
/// (anatomy::landmark: spinous-process tips "SP_C6" ... "SP_S5", "INION", sided "RIB6_LAT_L" ...). Any landmark
/// of the table, not only those a path may end at. Throws core::Error for an unknown id.
double referenceHeight(std::string_view landmarkId);

/// Heights (rest frame, metres) of two landmarks on a model, from the height range of `meshes` (the trapezius
/// or the latissimus, as the landmarks' frame says) at the reference's fractions of it (referenceHeight of the
/// two landmarks within SP_T12 to INION, or within SP_S2 to ITG_LD_SUP for the latissimus). Scaling keeps them on a model of another size. Nothing for unknown landmarks, two
/// frames, or meshes with no vertices (near the midline `midX`, for the trapezius).
std::optional<Levels> pathLevels(const RestSurface& rest, const std::vector<int>& meshes, float midX,
                                 std::string_view from, std::string_view to);

/// pathLevels from SP_T2 to SP_T12 (or SP_T1 to SP_T8 with `upperProgramme`).
std::optional<Levels> trapeziusLevels(const RestSurface& rest, const std::vector<int>& trapezius, float midX,
                                      bool upperProgramme = false);

/// 0 -> 1 -> 0 `passes` times over `duration` seconds, with smooth reversals (1 - cos)/2: the contact sweeps
/// the whole range and back within each pass. `tau` is clamped to [0, duration].
double sweep(double tau, double duration, int passes);

/// Whole passes of a sweep that fit `duration` seconds at `speed` m/s over a range of `length` metres (at
/// least one).
int passesFor(double duration, double speed, double length);

}  // namespace myo::exercise
