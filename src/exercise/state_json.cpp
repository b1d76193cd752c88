// exercise/state_json.cpp: TimerState and MotionFrame -> the --state JSON fields.
#include "exercise/state_json.hpp"

namespace myo::exercise {

namespace {

nlohmann::json vec(const glm::vec3& v) { return nlohmann::json::array({v.x, v.y, v.z}); }

nlohmann::json meshNames(const scene::Model& model, const std::vector<int>& meshes) {
  nlohmann::json out = nlohmann::json::array();
  for (int m : meshes)
    if (m >= 0 && std::size_t(m) < model.meshes.size()) out.push_back(model.meshes[std::size_t(m)].name);
  return out;
}

}  // namespace

nlohmann::json timerStateJson(std::string_view exerciseId, const TimerState& state) {
  nlohmann::json j;
  j["exercise"] = std::string(exerciseId);
  j["time"] = state.elapsed;
  j["phase"] = std::string(phaseName(state.phase));
  j["set"] = state.set;
  j["sets"] = state.sets;
  if (const auto side = sideName(state.side))
    j["side"] = std::string(*side);
  else
    j["side"] = nullptr;
  j["phase_remaining"] = state.phaseRemaining;
  j["total"] = state.total;
  j["progress"] = state.progress;
  if (state.step >= 0)
    j["step"] = state.step;
  else
    j["step"] = nullptr;
  j["running"] = state.running;
  return j;
}

std::vector<glm::vec3> pressingPoints(const MotionFrame& frame) {
  std::vector<glm::vec3> out;
  for (const Contact& c : frame.contacts)
    if (c.pressed) out.push_back(c.restPoint);
  return out;
}

nlohmann::json stateJson(const scene::Model& model, const Playback& playback, const MotionFrame& frame,
                         double bodyWeightKg) {
  nlohmann::json j = timerStateJson(playback.exercise().id, frame.timer);
  j["tool"] = {{"kind", std::string(equipmentKindName(playback.exercise().equipment.kind))},
               {"position", vec(frame.toolPosition)},
               {"roll_angle", frame.rollAngle}};
  nlohmann::json contact;
  if (frame.contact) {
    contact["point"] = vec(frame.contact->restPoint);
    contact["world_point"] = vec(frame.contact->worldPoint);
    contact["pressed"] = frame.contact->pressed;
    contact["muscles"] = meshNames(model, frame.contact->meshes);
  } else {
    contact["point"] = nullptr;
    contact["world_point"] = nullptr;
    contact["pressed"] = false;
    contact["muscles"] = nlohmann::json::array();
  }
  contact["coverage"] = frame.coverage;
  contact["targets"] = meshNames(model, frame.targetMeshes);
  j["contact"] = std::move(contact);

  const Exercise& ex = playback.exercise();
  const auto body = BodyFrame::of(model, playback.restSurface());
  j["zone"] = nullptr;
  if (body) {
    const Zone zone = contactZone(SafetyZones(*body), ex.equipment.kind, pressingPoints(frame));
    if (zone != Zone::None) j["zone"] = std::string(zoneName(zone));
  }
  j["body_weight_kg"] = bodyWeightKg;
  const auto pressure = pressureAt(ex, body.value_or(BodyFrame::reference()), frame, bodyWeightKg);
  if (pressure) {
    j["pressure_kpa"] = pressure->kpa;
    j["pressure_range_kpa"] = nlohmann::json::array({pressure->lowKpa, pressure->highKpa});
    j["pressure_band"] = std::string(pressureBandName(pressure->band));
  } else {
    j["pressure_kpa"] = nullptr;
    j["pressure_range_kpa"] = nullptr;
    j["pressure_band"] = nullptr;
  }
  return j;
}

nlohmann::json exerciseStateJson(const scene::Model& model, const Exercise& exercise, double t, double bodyWeightKg) {
  const Playback playback(model, exercise);
  return stateJson(model, playback, playback.at(t), bodyWeightKg);
}

}  // namespace myo::exercise
