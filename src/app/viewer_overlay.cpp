// app/viewer_overlay.cpp: the viewer's overlays (the worked area painted on the target muscles, the safety zones
// on the skin) and the safety readout (pressure under the tool, the zone a contact is in).
#include <memory>

#include "app/viewer.hpp"
#include "exercise/overlay_geometry.hpp"
#include "exercise/pressure.hpp"
#include "exercise/safety_zones.hpp"
#include "exercise/state_json.hpp"

namespace myo::app {

namespace {

constexpr glm::vec4 kCoveredColour{0.12f, 0.55f, 1.0f, 0.75f};

glm::vec4 zoneColour(exercise::Zone zone, bool entered) {
  const float a = entered ? 0.85f : 0.45f;
  switch (zone) {
    case exercise::Zone::Neck:
      return {1.00f, 0.45f, 0.05f, a};
    case exercise::Zone::Spine:
      return {0.92f, 0.06f, 0.10f, a};
    case exercise::Zone::Lumbar:
      return {0.85f, 0.05f, 0.45f, a};
    case exercise::Zone::Kidney:
      return {0.55f, 0.20f, 0.90f, a};
    case exercise::Zone::None:
      break;
  }
  return {0.0f, 0.0f, 0.0f, 0.0f};
}

}  // namespace

/// What the overlays were last computed from, so that they are posed again only when something changed.
struct Viewer::OverlayCache {
  std::unique_ptr<exercise::RestSurface> ownRest;  ///< without an exercise (the zones in the atlas)
  const exercise::RestSurface* rest = nullptr;     ///< the surface the entries below belong to
  std::optional<exercise::BodyFrame> body;
  bool zonesBuilt = false;
  std::optional<exercise::EquipmentKind> zoneTool;
  exercise::ZoneTriangles zoneTriangles;
  std::uint64_t coveragePose = ~std::uint64_t(0);
  std::optional<std::vector<std::size_t>> covered;
  std::uint64_t zonePose = ~std::uint64_t(0);
  int zoneKey = -1;
  std::uint64_t version = 0;
};

ui::SafetyReadout Viewer::safetyReadout() const {
  ui::SafetyReadout r;
  if (!session_ || !motion_) return r;
  r.exercise = true;
  const exercise::Exercise& ex = session_->exercise();
  r.tool = ex.equipment.kind;
  const exercise::BodyFrame body =
      overlayCache_ && overlayCache_->body ? *overlayCache_->body : exercise::BodyFrame::reference();
  r.pressure = exercise::pressureAt(ex, body, *motion_, safety_.bodyWeightKg);
  if (overlayCache_ && overlayCache_->body)
    r.zone = exercise::contactZone(exercise::SafetyZones(body), r.tool, exercise::pressingPoints(*motion_));
  return r;
}

std::vector<unsigned char> Viewer::renderCoverageInset() {
  if (!renderer_ || !motion_) return {};
  if (!uploaded_) {
    gfx::OffscreenTarget first;  // the first picture uploads the model
    render(glm::ivec2(64, 64), &first);
  }
  updateOverlays();
  if (!insetRenderer_) {
    insetRenderer_ = std::make_unique<gfx::Renderer>();
    insetRenderer_->setModel(model_);
  }
  renderInset();
  return inset_.read();
}

void Viewer::updateOverlays() {
  if (!overlayCache_) overlayCache_ = std::make_shared<OverlayCache>();
  OverlayCache& c = *overlayCache_;
  const bool exercising = session_.has_value() && motion_.has_value();
  const exercise::RestSurface* rest = nullptr;
  if (exercising) {
    rest = &session_->playback().restSurface();
  } else if (safety_.zones) {
    if (!c.ownRest) c.ownRest = std::make_unique<exercise::RestSurface>(exercise::buildRestSurface(model_));
    rest = c.ownRest.get();
  }
  if (rest != c.rest) {
    c.rest = rest;
    c.body = rest ? exercise::BodyFrame::of(model_, *rest) : std::nullopt;
    c.zonesBuilt = false;
    c.coveragePose = c.zonePose = ~std::uint64_t(0);
    c.covered.reset();
    c.zoneKey = -1;
  }

  // The worked area: the triangles the coverage counts, posed like the body (and standing, for the inset).
  if (exercising) {
    const std::vector<std::size_t> covered = session_->playback().coveredTriangles(motion_->timer.elapsed);
    const bool grown = !c.covered || covered != *c.covered;
    if (grown || poseVersion_ != c.coveragePose) {
      const std::uint64_t v = ++c.version;
      auto onBody = std::make_shared<gfx::OverlayTriangles>();
      onBody->positions = exercise::posedTriangles(model_, *rest, covered, world_);
      onBody->colors.assign(onBody->positions.size(), kCoveredColour);
      overlayView_.onMuscles = {onBody, v};
      if (grown) {
        auto standing = std::make_shared<gfx::OverlayTriangles>();
        standing->positions = exercise::restTriangles(*rest, covered);
        standing->colors.assign(standing->positions.size(), kCoveredColour);
        insetOverlay_.onMuscles = {standing, v};
      }
      c.covered = covered;
      c.coveragePose = poseVersion_;
    }
  } else {
    overlayView_.onMuscles = {};
    insetOverlay_.onMuscles = {};
  }

  // The zones: all of those that apply to the tool when asked for, and the one a contact is in.
  const ui::SafetyReadout readout = safetyReadout();
  const int key = (safety_.zones ? 16 : 0) + int(readout.zone);
  if (!rest || !c.body || (!safety_.zones && readout.zone == exercise::Zone::None)) {
    overlayView_.onSkin = {};
    c.zoneKey = -1;
    return;
  }
  const std::optional<exercise::EquipmentKind> tool =
      exercising ? std::optional<exercise::EquipmentKind>(session_->exercise().equipment.kind) : std::nullopt;
  if (!c.zonesBuilt || c.zoneTool != tool) {
    c.zoneTriangles = exercise::zoneTriangles(model_, *rest, exercise::SafetyZones(*c.body), tool);
    c.zoneTool = tool;
    c.zonesBuilt = true;
    c.zonePose = ~std::uint64_t(0);
  }
  if (key == c.zoneKey && poseVersion_ == c.zonePose) return;
  std::vector<std::size_t> triangles;
  std::vector<glm::vec4> colours;
  for (std::size_t i = 0; i < c.zoneTriangles.triangles.size(); ++i) {
    const exercise::Zone z = c.zoneTriangles.zones[i];
    if (!safety_.zones && z != readout.zone) continue;
    triangles.push_back(c.zoneTriangles.triangles[i]);
    colours.push_back(zoneColour(z, z == readout.zone));
  }
  auto onSkin = std::make_shared<gfx::OverlayTriangles>();
  onSkin->positions = exercise::posedTriangles(model_, *rest, triangles, world_);
  for (const glm::vec4& colour : colours) onSkin->colors.insert(onSkin->colors.end(), 3, colour);
  overlayView_.onSkin = {onSkin, ++c.version};
  c.zoneKey = key;
  c.zonePose = poseVersion_;
}

}  // namespace myo::app
