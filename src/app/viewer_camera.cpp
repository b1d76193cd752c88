// app/viewer_camera.cpp: the camera during an exercise: each timer segment (lead-in, work, switch, stretch)
// framed on the posed body and its tools over the whole segment, from a preset relative to the body, inside
// the part of the picture the panels leave free; gliding from one segment's view to the next.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "app/viewer.hpp"
#include "scene/skinning.hpp"

namespace myo::app {
namespace {

// Instants of a segment sampled for its framing, and how far inside its edges (seconds), where the body may
// still hold the previous segment's pose.
constexpr int kSegmentSamples = 9;
constexpr double kEdgeInset = 0.5;
// Posed vertices kept per sample (every n-th vertex of each body mesh).
constexpr std::size_t kPointsPerSample = 3000;
// Directions along which each sample also keeps the body's farthest vertex (a Fibonacci sphere): every n-th
// vertex missed the top of the head and the tips of the toes by up to a few centimetres, so a fit on them let
// the head touch the picture's edge. 64 directions keep the extremes within about 2 mm of a 10 cm curve (the head).
constexpr int kExtremeDirections = 64;

std::vector<glm::vec3> extremeDirections() {
  std::vector<glm::vec3> out;
  out.reserve(kExtremeDirections);
  const float golden = 3.14159265f * (3.0f - std::sqrt(5.0f));
  for (int i = 0; i < kExtremeDirections; ++i) {
    const float y = 1.0f - 2.0f * (float(i) + 0.5f) / float(kExtremeDirections);
    const float r = std::sqrt(std::max(0.0f, 1.0f - y * y));
    out.push_back({r * std::cos(golden * float(i)), y, r * std::sin(golden * float(i))});
  }
  return out;
}
// The glide between two segments' views in the window, seconds.
constexpr float kSegmentGlideS = 1.2f;

bool samePose(const view::CameraPose& a, const view::CameraPose& b) {
  return glm::length(a.target - b.target) < 1e-4f && std::abs(a.distance - b.distance) < 1e-4f &&
         std::abs(a.yaw - b.yaw) < 1e-4f && std::abs(a.pitch - b.pitch) < 1e-4f &&
         glm::length(a.shift - b.shift) < 1e-4f;
}

bool sameRect(const view::PixelRect& a, const view::PixelRect& b) {
  return glm::length(a.min - b.min) < 0.5f && glm::length(a.max - b.max) < 0.5f;
}

}  // namespace

int Viewer::segmentAt(double t) const {
  if (!session_) return -1;
  const auto& segments = session_->playback().plan().segments;
  int index = -1;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    // The zero-length Done segment keeps the last real segment's view.
    if (segments[i].duration <= 0.0) continue;
    if (segments[i].start <= t || index < 0) index = int(i);
  }
  return index;
}

const Viewer::SegmentFrame& Viewer::segmentFrame(int segment) {
  const exercise::Playback& playback = session_->playback();
  if (segmentFrames_.size() != playback.plan().segments.size()) segmentFrames_.assign(playback.plan().segments.size(), {});
  auto& cached = segmentFrames_[std::size_t(segment)];
  if (cached) return *cached;
  SegmentFrame frame;
  const exercise::Segment& s = playback.plan().segments[std::size_t(segment)];
  // The body's tissues, or every mesh of a model without recognised anatomy.
  const bool anatomy = std::any_of(model_.roles.begin(), model_.roles.end(),
                                   [](const scene::MeshRole& r) { return r.tissue != scene::TissueKind::Other; });
  std::size_t vertices = 0;
  for (int node : scene::meshNodes(model_)) {
    const int mesh = model_.nodes[std::size_t(node)].mesh;
    if (anatomy && model_.roles[std::size_t(mesh)].tissue == scene::TissueKind::Other) continue;
    for (const auto& p : model_.meshes[std::size_t(mesh)].primitives) vertices += p.positions.size();
  }
  const std::size_t stride = std::max<std::size_t>(1, vertices / kPointsPerSample);
  const double inset = std::min(kEdgeInset, 0.25 * s.duration);
  int pelvis = -1;
  for (std::size_t n = 0; n < model_.nodes.size(); ++n)
    if (model_.nodes[n].name == "pelvis") pelvis = int(n);
  static const std::vector<glm::vec3> directions = extremeDirections();
  for (int i = 0; i < kSegmentSamples; ++i) {
    const double t = s.start + inset + (s.duration - 2.0 * inset) * double(i) / double(kSegmentSamples - 1);
    const exercise::MotionFrame sample = playback.at(t);
    std::vector<float> reach(directions.size(), std::numeric_limits<float>::lowest());
    std::vector<glm::vec3> farthest(directions.size());
    for (int node : scene::meshNodes(model_)) {
      const int mesh = model_.nodes[std::size_t(node)].mesh;
      if (anatomy && model_.roles[std::size_t(mesh)].tissue == scene::TissueKind::Other) continue;
      for (std::size_t p = 0; p < model_.meshes[std::size_t(mesh)].primitives.size(); ++p) {
        const std::vector<glm::vec3> posed = scene::posedWorldPositions(model_, node, int(p), sample.world);
        for (std::size_t v = 0; v < posed.size(); v += stride) frame.points.push_back(posed[v]);
        for (const glm::vec3& q : posed)
          for (std::size_t d = 0; d < directions.size(); ++d)
            if (const float r = glm::dot(q, directions[d]); r > reach[d]) {
              reach[d] = r;
              farthest[d] = q;
            }
      }
    }
    for (std::size_t d = 0; d < directions.size(); ++d)
      if (reach[d] > std::numeric_limits<float>::lowest()) frame.points.push_back(farthest[d]);
    // The tools and the chair, by the corners of their unit boxes; the wall stands far wider than the body.
    for (const auto& tool : sample.tools) {
      if (tool.role == "wall") continue;
      for (int c = 0; c < 8; ++c) {
        const glm::vec4 corner(c & 1 ? 1.0f : -1.0f, c & 2 ? 1.0f : -1.0f, c & 4 ? 1.0f : -1.0f, 1.0f);
        frame.points.push_back(glm::vec3(tool.transform * corner));
      }
    }
    if (i == kSegmentSamples / 2) {
      // In front of a wall behind the body; behind a see-through backrest, where the rollers work.
      for (const auto& tool : sample.tools) {
        if (tool.role == "wall") frame.towardBack = -view::kTargetTowardBack;
        if (tool.role == "chair-back") frame.towardBack = 1.0f;
      }
      if (pelvis >= 0) {
        const glm::mat3 r(sample.world[std::size_t(pelvis)]);
        frame.axes.left = glm::normalize(r * glm::vec3(1.0f, 0.0f, 0.0f));
        frame.axes.up = glm::normalize(r * glm::vec3(0.0f, 1.0f, 0.0f));
        frame.axes.back = glm::normalize(r * glm::vec3(0.0f, 0.0f, -1.0f));
      }
    }
  }
  cached = std::move(frame);
  return *cached;
}

view::PixelRect Viewer::freePictureArea() const {
  return view::freeArea(glm::vec2(camera_.viewportWidth(), camera_.viewportHeight()), panelRects_);
}

view::CameraPose Viewer::exerciseFraming(int segment, std::optional<view::ViewAngles> angles) {
  const SegmentFrame& frame = segmentFrame(segment);
  const view::ViewAngles a = angles.value_or(view::bodyPresetAngles(exercisePreset_, frame.axes, frame.towardBack));
  const view::Lens lens{camera_.fovY(), camera_.orthographic(),
                        glm::vec2(camera_.viewportWidth(), camera_.viewportHeight())};
  return view::fitPoints(frame.points, a, lens, freePictureArea());
}

void Viewer::followExercise(bool reframe) {
  if (!motion_ || !session_) return;
  const int segment = segmentAt(session_->elapsed());
  if (segment < 0) return;
  const glm::ivec2 viewport(camera_.viewportWidth(), camera_.viewportHeight());
  const view::PixelRect area = freePictureArea();
  const bool moved = framedGoal_ && !samePose(camera_.goal(), *framedGoal_);
  const bool newSegment = segment != framedSegment_;
  const bool newPicture = viewport != framedViewport_ || !sameRect(area, framedArea_);
  if (!reframe && !newSegment && (!newPicture || moved)) return;
  // Once the user has turned the view, a new segment keeps their direction and frames the body again.
  std::optional<view::ViewAngles> angles;
  if (moved && !reframe) angles = view::ViewAngles{camera_.goal().yaw, camera_.goal().pitch};
  const bool first = !framedGoal_;
  const view::CameraPose goal = exerciseFraming(segment, angles);
  // The depth range holds everything framed.
  scene::Bounds b;
  for (const glm::vec3& p : segmentFrame(segment).points) b.add(p);
  camera_.setSceneBounds(b.center(), std::max(b.radius(), 0.5f) * 3.0f);
  if (first) camera_.setPose(goal);
  else camera_.glideTo(goal, newSegment ? kSegmentGlideS : 0.0f);
  framedGoal_ = camera_.goal();
  framedSegment_ = segment;
  framedViewport_ = viewport;
  framedArea_ = area;
}

void Viewer::resetExerciseFraming() {
  segmentFrames_.clear();
  framedSegment_ = -1;
}

void Viewer::frameExercise() {
  resetExerciseFraming();
  framedGoal_.reset();
  exercisePreset_ = view::Preset::Target;
  followExercise(true);
}

void Viewer::readPanelRects(float pixelsPerPoint) {
  // The windows of ui/panels.cpp and ui/exercise_panel.cpp (the panels, or the coach view's two), by the titles
  // they are begun with; called once they are drawn, so a window left out of this frame (the panels in the
  // coach view) does not count.
  panelRects_.clear();
  for (const char* name : {"MyoRelease", "Exercise", "Coach", "Coach step"}) {
    const ImGuiWindow* w = ImGui::FindWindowByName(name);
    if (!w || !w->Active || w->Hidden) continue;
    panelRects_.push_back({glm::vec2(w->Pos.x, w->Pos.y) * pixelsPerPoint,
                           glm::vec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y) * pixelsPerPoint});
  }
  followExercise(false);
}

}  // namespace myo::app
