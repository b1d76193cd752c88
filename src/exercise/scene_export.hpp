// exercise/scene_export.hpp: the posed scene at one moment as a binary glTF 2.0 file (--export): every mesh of
// the model in its posed position (same mesh names, vertex order and counts as the model, so a posed vertex can
// be matched with its rest one), the tool and the equipment as their own named nodes, and the floor at y = 0.
#pragma once

#include <cstdint>
#include <filesystem>
#include <glm/glm.hpp>
#include <map>
#include <string>
#include <vector>

#include "exercise/equipment.hpp"
#include "scene/model.hpp"

namespace myo::exercise {

/// What goes into an export besides the model.
struct SceneExtras {
  std::vector<ToolShape> tools;              ///< the exercise's shapes (none at rest)
  std::map<std::string, std::string> facts;  ///< written as the scene's extras (exercise, time, phase ...)
};

/// The GLB bytes. One node per model mesh, named after the mesh, holding world-space posed positions and
/// normals (the first node that draws the mesh gives its pose; a mesh no node draws keeps its own positions);
/// a node `tool` whose mesh has one primitive per working shape (roller, ball, chair roller); one node
/// `equipment_<role>` per other shape (wall, chair parts); a node `floor`, a 4 m square at y = 0 under the body.
/// Identical input gives identical bytes.
std::vector<std::uint8_t> encodePosedGlb(const scene::Model& model, const std::vector<glm::mat4>& world,
                                         const SceneExtras& extras);

/// Writes encodePosedGlb to `path` (a .glb). Throws core::Error{path, ...} when the name does not end in .glb or
/// the file cannot be written.
void writePosedGlb(const std::filesystem::path& path, const scene::Model& model, const std::vector<glm::mat4>& world,
                   const SceneExtras& extras);

}  // namespace myo::exercise
