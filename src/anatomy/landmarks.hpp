// anatomy/landmarks.hpp: the anatomical landmarks of the 1.75 m reference subject the model is built from.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include <glm/glm.hpp>

namespace myo::anatomy {

/// One landmark of the standing reference subject (metres, +Y up, +Z anterior, +X the subject's left).
struct Landmark {
  std::string_view id;  ///< midline ids have no suffix, left ids end in `_L`
  glm::vec3 pos;        ///< bony point (or surface point for surface landmarks)
  bool hasSkin = false;
  glm::vec3 skin{0.0f};  ///< palpable skin point over the bone, when known
};

/// Every landmark of the left side and the midline, in the reference frame.
std::span<const Landmark> landmarkTable();

/// The landmarks of the deep layers, bone forms and face (landmarks_deep.cpp), same frame; looked up by the
/// same functions.
std::span<const Landmark> deepLandmarkTable();

/// Bony position of a landmark (metres). `_R` ids are mirrored from their `_L` twin (x negated).
/// Throws core::Error when the id is unknown.
glm::vec3 landmark(std::string_view id);

/// Skin point over a landmark when one is tabulated, otherwise the bony position.
glm::vec3 landmarkSkin(std::string_view id);

/// Schematic left ribs 1..12 as polylines from the head to the anterior end (metres).
const std::vector<std::vector<glm::vec3>>& ribPolylines();

/// Mirrors a point to the other side of the body (x negated).
inline glm::vec3 mirrorX(glm::vec3 p) { return {-p.x, p.y, p.z}; }

}  // namespace myo::anatomy
