// exercise/safety_zones.cpp: the zones' limits (reference coordinates), the model's frame, and the checks.
#include "exercise/safety_zones.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "exercise/tool_path.hpp"

namespace myo::exercise {

namespace {

// Reference heights (the reference subject's bone tips of the spinous processes and the inion).
double refC7() { return referenceHeight("SP_C7"); }
double refT12() { return referenceHeight("SP_T12"); }
double refL1() { return referenceHeight("SP_L1"); }
double refL3() { return referenceHeight("SP_L3"); }
double refS1() { return referenceHeight("SP_S1"); }
double refInion() { return referenceHeight("INION"); }

}  // namespace

std::string_view zoneName(Zone zone) {
  switch (zone) {
    case Zone::Neck:
      return "neck";
    case Zone::Spine:
      return "spine";
    case Zone::Lumbar:
      return "lumbar";
    case Zone::Kidney:
      return "kidney";
    case Zone::None:
      break;
  }
  return "";
}

std::string_view zoneWarning(Zone zone, EquipmentKind tool) {
  const bool roller = tool == EquipmentKind::FoamRoller;
  switch (zone) {
    case Zone::Neck:
      return roller ? "On the neck: keep the roller below the shoulder line" : "On the neck: keep the tool below C7";
    case Zone::Spine:
      return "On the spinous processes: move the contact beside the spine";
    case Zone::Lumbar:
      return roller ? "On the lumbar spine: stop at the lowest ribs"
                    : "On the lumbar spine: stay above the lowest ribs";
    case Zone::Kidney:
      return "Over the kidneys: stay above the lowest ribs";
    case Zone::None:
      break;
  }
  return "";
}

bool zoneApplies(Zone zone, EquipmentKind tool) {
  if (zone == Zone::None) return false;
  if (zone == Zone::Spine) return tool != EquipmentKind::FoamRoller;
  return true;
}

const std::vector<ZoneRegion>& zoneRegions() {
  static const std::vector<ZoneRegion> regions = {
      {Zone::Neck, 0.0, 0.075, refC7(), refInion(),
       "SP_C7 up to INION; 75 mm either side: the neck's half-breadth at its base (ANSUR2 neck base "
       "circumference 434 mm, about 69 mm of radius), rounded up"},
      {Zone::Spine, 0.0, 0.025, refL1(), refC7(),
       "SP_C7 down to SP_L1; 25 mm either side: a spinous tip about 1 cm wide plus the 2 cm a ball's contact "
       "patch reaches around its centre (ours)"},
      {Zone::Lumbar, 0.0, 0.05, refS1(), refL1(),
       "SP_L1 down to SP_S1; 50 mm either side, as far as the transverse processes reach (ANAT)"},
      {Zone::Kidney, 0.03, 0.10, refL3(), refT12(),
       "beside T12 to L3 below the 12th rib, 30-100 mm from the midline, where the kidneys lie unguarded by the "
       "ribs (ANAT; limits ours)"},
  };
  return regions;
}

std::optional<BodyFrame> BodyFrame::of(const scene::Model& model, const RestSurface& rest) {
  std::vector<int> muscles, trapezius;
  for (std::size_t i = 0; i < model.roles.size(); ++i) {
    if (!model.roles[i].muscle.valid()) continue;
    muscles.push_back(int(i));
    if (model.roles[i].muscle.kind == scene::MuscleKind::Trapezius) trapezius.push_back(int(i));
  }
  const auto bounds = meshBounds(rest, muscles);
  if (!bounds || trapezius.empty()) return std::nullopt;
  BodyFrame f;
  f.midX = 0.5f * (bounds->first.x + bounds->second.x);
  f.trunkZ = 0.5f * (bounds->first.z + bounds->second.z);
  const auto levels = pathLevels(rest, trapezius, f.midX, "SP_C7", "SP_T12");
  if (!levels || !(levels->top > levels->bottom)) return std::nullopt;
  f.scale = (levels->top - levels->bottom) / (refC7() - refT12());
  f.yAtRef0 = levels->bottom - f.scale * refT12();
  return f;
}

Zone SafetyZones::at(const glm::vec3& rest) const {
  if (rest.z > frame_.trunkZ) return Zone::None;  // the zones are on the back
  const double y = frame_.refY(rest.y), lateral = frame_.refLateral(rest.x);
  for (const ZoneRegion& r : zoneRegions())
    if (y >= r.yMin && y <= r.yMax && lateral >= r.lateralMin && lateral <= r.lateralMax) return r.zone;
  return Zone::None;
}

Zone SafetyZones::forTool(const glm::vec3& rest, EquipmentKind tool) const {
  if (rest.z > frame_.trunkZ) return Zone::None;
  const double y = frame_.refY(rest.y), lateral = frame_.refLateral(rest.x);
  for (const ZoneRegion& r : zoneRegions())
    if (zoneApplies(r.zone, tool) && y >= r.yMin && y <= r.yMax && lateral >= r.lateralMin && lateral <= r.lateralMax)
      return r.zone;
  return Zone::None;
}

Zone contactZone(const SafetyZones& zones, EquipmentKind tool, const std::vector<glm::vec3>& contactPoints) {
  for (const glm::vec3& p : contactPoints)
    if (const Zone z = zones.forTool(p, tool); z != Zone::None) return z;
  return Zone::None;
}

ZoneTriangles zoneTriangles(const scene::Model& model, const RestSurface& rest, const SafetyZones& zones,
                            std::optional<EquipmentKind> tool) {
  bool hasSkin = false;
  for (const scene::MeshRole& role : model.roles) hasSkin = hasSkin || role.tissue == scene::TissueKind::Skin;
  ZoneTriangles out;
  for (std::size_t t = 0; t < rest.triangles.size(); ++t) {
    const int mesh = rest.triangleMesh[t];
    if (mesh < 0 || std::size_t(mesh) >= model.roles.size()) continue;
    const scene::MeshRole& role = model.roles[std::size_t(mesh)];
    if (hasSkin ? role.tissue != scene::TissueKind::Skin : !role.muscle.valid()) continue;
    const glm::vec3 n = restFaceNormal(rest, t);
    if (n.z > -0.2f) continue;  // only what faces back
    const glm::uvec3 tri = rest.triangles[t];
    const glm::vec3 c = (rest.positions[tri.x] + rest.positions[tri.y] + rest.positions[tri.z]) / 3.0f;
    const Zone z = tool ? zones.forTool(c, *tool) : zones.at(c);
    if (z == Zone::None) continue;
    out.triangles.push_back(t);
    out.zones.push_back(z);
  }
  return out;
}

}  // namespace myo::exercise
