// anatomy/anatomy_model.hpp: the generated model in memory: tissue meshes, the joint hierarchy, facts.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

namespace myo::anatomy {

enum class Tissue : std::uint8_t { Skin, Muscle, Bone };

/// One mesh of the model, one primitive. Positions in metres in the rest pose (glTF frame).
struct TissueMesh {
  std::string name;
  Tissue tissue = Tissue::Skin;
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;         ///< unit, outward
  std::vector<glm::vec3> fibres;          ///< muscles only: unit fibre direction, origin -> insertion
  std::vector<float> tendon;              ///< muscles only: 0 fleshy belly .. 1 tendon / aponeurosis
  /// Muscles only: (u, v) fibre coordinates. u is the distance across the fibres (metres, 0 at the sheet's
  /// first edge, constant along a fibre); v runs 0..1 along the fibre from origin to insertion.
  std::vector<glm::vec2> texcoords;
  std::vector<glm::u8vec4> joints;        ///< up to four joint indices (into AnatomyModel::joints)
  std::vector<glm::vec4> weights;         ///< matching weights, sum 1, sorted by decreasing weight
  std::vector<std::uint32_t> indices;     ///< triangle list, counter-clockwise seen from outside
  std::vector<std::pair<std::string, std::string>> extras;  ///< ordered string facts (muscles)

  std::size_t triangleCount() const { return indices.size() / 3; }
};

/// A joint of the rig: a node with only a translation; `position` is its rest world position (metres).
struct Joint {
  std::string name;
  int parent = -1;
  glm::vec3 position{0.0f};
};

struct AnatomyModel {
  std::vector<Joint> joints;
  std::vector<TissueMesh> meshes;

  std::size_t triangleCount() const;
  /// The mesh with this name, or nullptr.
  const TissueMesh* find(const std::string& name) const;
};

}  // namespace myo::anatomy
