// exercise/safety_zones.hpp: the places on the back where a tool does not belong (the spinous processes'
// line, the neck, the lumbar spine, the kidney area), set from the reference landmarks scaled onto the loaded
// model, and which of them apply to which tool.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

#include "exercise/contact.hpp"
#include "exercise/exercise_data.hpp"
#include "scene/model.hpp"

namespace myo::exercise {

enum class Zone : std::uint8_t { None, Neck, Spine, Lumbar, Kidney };

/// "neck", "spine", "lumbar", "kidney"; empty for Zone::None (printed as JSON null).
std::string_view zoneName(Zone zone);
/// What the panel says when a contact enters the zone, e.g. "On the spine: move the ball beside it".
std::string_view zoneWarning(Zone zone, EquipmentKind tool);

/// Whether a tool must stay out of a zone. A foam roller lies across the back and crosses the spinous line by
/// design (the trapezius exercise rolls the middle of the back), so the spine zone applies to the ball and the
/// chair's nodes only; the neck, the lumbar spine and the kidney area apply to every tool.
bool zoneApplies(Zone zone, EquipmentKind tool);

/// The reference subject's standing frame (anatomy.md, landmarks.json: metres, +Y up, left +X, faces +Z)
/// mapped onto a model's rest frame: heights through the trapezius' C7 and T12 levels, widths by the same
/// factor about the model's midline.
struct BodyFrame {
  float midX = 0.0f;     ///< model x of the midline
  float trunkZ = 0.0f;   ///< model z of the trunk's middle (the back lies behind it)
  double yAtRef0 = 0.0;  ///< model y = yAtRef0 + scale * reference y
  double scale = 1.0;

  double modelY(double refY) const { return yAtRef0 + scale * refY; }
  double refY(double modelY) const { return (modelY - yAtRef0) / scale; }
  /// Distance from the midline in reference metres.
  double refLateral(float modelX) const { return std::abs(double(modelX - midX)) / scale; }

  /// The frame of the shipped model's own reference (identity), for tests.
  static BodyFrame reference() { return {}; }
  /// The frame of a model: from its trapezius (C7 and T12 levels) and muscles; nothing without a trapezius.
  static std::optional<BodyFrame> of(const scene::Model& model, const RestSurface& rest);
};

/// One zone as a region of the back, in reference coordinates: |x| from the midline within
/// [lateralMin, lateralMax], y within [yMin, yMax], behind the trunk's middle.
struct ZoneRegion {
  Zone zone = Zone::None;
  double lateralMin = 0.0, lateralMax = 0.0;  ///< metres from the midline
  double yMin = 0.0, yMax = 0.0;              ///< metres above the floor (reference standing subject)
  const char* basis = "";                     ///< where the limits come from
};

/// The four regions, in the order they are checked: neck, spine, lumbar, kidney.
const std::vector<ZoneRegion>& zoneRegions();

/// The zones on one model.
class SafetyZones {
public:
  explicit SafetyZones(BodyFrame frame) : frame_(frame) {}

  /// The first zone (in zoneRegions() order) that holds the rest-frame point `rest`, applies or not.
  Zone at(const glm::vec3& rest) const;
  /// The first zone that holds `rest` and applies to `tool`, or Zone::None.
  Zone forTool(const glm::vec3& rest, EquipmentKind tool) const;
  const BodyFrame& frame() const { return frame_; }

private:
  BodyFrame frame_;
};

/// The zone the pressed contacts of a frame are in (the first found, main contact first), or Zone::None.
/// `contactPoints` are rest-frame points of the contacts that press now.
Zone contactZone(const SafetyZones& zones, EquipmentKind tool, const std::vector<glm::vec3>& contactPoints);

/// The rest-frame triangles (indices into rest.triangles) of the body's outermost surface (the skin, or the
/// muscles for a model without skin), facing back, that lie in a zone that applies to `tool` (every zone
/// when `tool` is nothing), with their zone: for drawing the zones on the body.
struct ZoneTriangles {
  std::vector<std::size_t> triangles;
  std::vector<Zone> zones;  ///< one per triangle
};
ZoneTriangles zoneTriangles(const scene::Model& model, const RestSurface& rest, const SafetyZones& zones,
                            std::optional<EquipmentKind> tool);

}  // namespace myo::exercise
