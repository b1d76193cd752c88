// scene/structures.cpp: systems, layers and search over the model's structures.
#include "scene/structures.hpp"

#include <algorithm>
#include <cctype>

#include "scene/muscle_catalog.hpp"
#include "scene/muscle_names.hpp"

namespace myo::scene {
namespace {

/// Lower case, with every run of separators (' ', '_', '-', '.', ',', '(', ')') as one space, trimmed.
std::string normalise(std::string_view text) {
  std::string out;
  bool gap = false;
  for (const char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u)) {
      if (gap && !out.empty()) out += ' ';
      gap = false;
      out += char(std::tolower(u));
    } else {
      gap = true;
    }
  }
  return out;
}

/// Whether a word of `name` (normalised) starts with `text` (normalised).
bool wordStartsWith(const std::string& name, const std::string& text) {
  for (std::size_t at = name.find(text); at != std::string::npos; at = name.find(text, at + 1))
    if (at == 0 || name[at - 1] == ' ') return true;
  return false;
}

/// Whether a word among the catalogue's recognition words of this muscle (its patterns and its part's words)
/// starts with the text.
bool catalogueWordMatches(const MuscleId& id, const std::string& text) {
  std::string words(muscleInfo(id.kind).patterns);
  if (const MusclePartInfo* part = musclePartInfo(id.kind, id.part)) words += " " + std::string(part->words);
  std::replace_if(words.begin(), words.end(), [](char c) { return c == '|' || c == ';'; }, ' ');
  return wordStartsWith(normalise(words), text);
}

}  // namespace

Layer layerOf(const MeshRole& role) {
  switch (role.tissue) {
    case TissueKind::Skin: return Layer::Skin;
    case TissueKind::Bone: return Layer::Bone;
    case TissueKind::Muscle:
    case TissueKind::Tendon:
      if (!role.muscle.valid()) return Layer::Superficial;
      return Layer(std::clamp(muscleInfo(role.muscle.kind).layer, 1, 3));
    default: return Layer::Other;
  }
}

bool peeled(Layer layer, int depth) { return layer != Layer::Other && int(layer) < depth; }

std::string_view layerName(Layer layer) {
  switch (layer) {
    case Layer::Skin: return "Skin";
    case Layer::Superficial: return "Superficial muscles";
    case Layer::Intermediate: return "Muscles under the trapezius";
    case Layer::Deep: return "Deep muscles";
    case Layer::Bone: return "Bones";
    default: return "Other";
  }
}

std::string_view systemName(TissueKind tissue) {
  switch (tissue) {
    case TissueKind::Skin: return "Skin";
    case TissueKind::Muscle:
    case TissueKind::Tendon: return "Muscles";
    case TissueKind::Bone: return "Bones";
    default: return "Other";
  }
}

std::string structureName(const Model& model, int mesh) {
  const Mesh& m = model.meshes[std::size_t(mesh)];
  const MeshRole& role = model.roles[std::size_t(mesh)];
  if (role.muscle.valid()) return muscleDisplayName(role.muscle);
  if (auto it = m.extras.find("display_name"); it != m.extras.end() && !it->second.empty()) return it->second;
  return m.name;
}

std::vector<SearchHit> searchStructures(const Model& model, std::string_view text) {
  std::vector<SearchHit> hits;
  const std::string query = normalise(text);
  if (query.empty()) return hits;
  // The whole text read as another atlas' muscle name ("rhomboideus major", "lat dorsi").
  const MuscleId recognised = recognizeMuscle(text);
  for (std::size_t i = 0; i < model.meshes.size() && i < model.roles.size(); ++i) {
    const MeshRole& role = model.roles[i];
    std::string name = structureName(model, int(i));
    const std::string shown = normalise(name);
    int rank = -1;
    if (wordStartsWith(shown, query)) rank = 0;
    else if (shown.find(query) != std::string::npos) rank = 1;
    else if (normalise(model.meshes[i].name).find(query) != std::string::npos) rank = 2;
    else if (role.muscle.valid() && (catalogueWordMatches(role.muscle, query) ||
                                     (recognised.valid() && recognised.kind == role.muscle.kind &&
                                      (recognised.part == MusclePart::None || recognised.part == role.muscle.part))))
      rank = 2;
    if (rank >= 0) hits.push_back({int(i), std::move(name), rank});
  }
  auto isMuscle = [&](const SearchHit& h) { return model.roles[std::size_t(h.mesh)].muscle.valid(); };
  std::stable_sort(hits.begin(), hits.end(), [&](const SearchHit& a, const SearchHit& b) {
    if (a.rank != b.rank) return a.rank < b.rank;
    if (isMuscle(a) != isMuscle(b)) return isMuscle(a);
    return a.name < b.name;
  });
  return hits;
}

}  // namespace myo::scene
