// scene/model.hpp: the CPU-side model every other module reads: plain C++ values, no tinygltf types,
// no GL names. Units are the file's (glTF: metres, +Y up).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <glm/glm.hpp>
#include <glm/gtc/quaternion.hpp>

namespace myo::scene {

// === Muscle identity (recognised from mesh or node names, see muscle_names.hpp; one row per kind in
// muscle_catalog.cpp)

enum class MuscleKind : std::uint8_t {
  None,
  Trapezius,
  RhomboidMajor,
  RhomboidMinor,
  LatissimusDorsi,
  Deltoid,
  PectoralisMajor,
  Supraspinatus,
  Infraspinatus,
  TeresMinor,
  TeresMajor,
  LevatorScapulae,
  SerratusAnterior,
  ErectorSpinae,
  SpleniusCapitis,
  ExternalOblique,
  NuchalLigament,
  ThoracolumbarFascia,
};

enum class Side : std::uint8_t { None, Left, Right };

/// Part of the trapezius or column of the erector spinae; None for other muscles or a whole muscle.
enum class MusclePart : std::uint8_t { None, Descending, Transverse, Ascending, Iliocostalis, Longissimus, Spinalis };

struct MuscleId {
  MuscleKind kind = MuscleKind::None;
  Side side = Side::None;
  MusclePart part = MusclePart::None;

  bool valid() const { return kind != MuscleKind::None; }
  friend bool operator==(const MuscleId&, const MuscleId&) = default;
};

/// What a mesh is in the anatomy: skin, bone, muscle, equipment or unknown (anything else).
enum class TissueKind : std::uint8_t { Other, Skin, Bone, Muscle, Tendon };

// === Geometry

/// One drawable piece: triangles only (strips and fans are converted on load), always indexed.
struct Primitive {
  std::vector<glm::vec3> positions;
  std::vector<glm::vec3> normals;        ///< same count as positions (generated when the file has none)
  std::vector<glm::vec2> uvs;            ///< empty or same count
  std::vector<glm::vec4> colors;         ///< empty or same count (COLOR_0, RGBA)
  std::vector<glm::vec3> fibres;         ///< empty or same count: muscle fibre direction (_FIBRE)
  std::vector<float> tendon;             ///< empty or same count: 0 muscle belly .. 1 tendon (_TENDON)
  std::vector<glm::u16vec4> joints;      ///< empty or same count (JOINTS_0, indices into Skin::joints)
  std::vector<glm::vec4> weights;        ///< empty or same count (WEIGHTS_0, normalised on load)
  std::vector<std::uint32_t> indices;    ///< triangle list, every value < positions.size()
  int material = -1;                     ///< index into Model::materials or -1
};

struct Mesh {
  std::string name;
  std::vector<Primitive> primitives;
  std::map<std::string, std::string> extras;  ///< string-valued glTF extras (muscle facts)
};

/// RGBA8 pixels, rows top to bottom.
struct Image {
  std::string name;
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
};

struct Material {
  std::string name;
  glm::vec4 baseColorFactor{1.0f};
  int baseColorImage = -1;      ///< index into Model::images or -1
  float metallic = 0.0f;
  float roughness = 1.0f;
  bool doubleSided = false;
  bool blend = false;           ///< alphaMode BLEND
};

struct Node {
  std::string name;
  int parent = -1;
  std::vector<int> children;
  int mesh = -1;
  int skin = -1;
  glm::vec3 translation{0.0f};
  glm::quat rotation{1.0f, 0.0f, 0.0f, 0.0f};  ///< glm order: w, x, y, z
  glm::vec3 scale{1.0f};
  std::optional<glm::mat4> matrix;             ///< when the file gives a matrix instead of TRS
  std::map<std::string, std::string> extras;

  glm::mat4 localMatrix() const;
};

struct Skin {
  std::string name;
  std::vector<int> joints;                 ///< node indices
  std::vector<glm::mat4> inverseBind;      ///< one per joint (identity when absent in the file)
  int skeleton = -1;
};

enum class AnimPath : std::uint8_t { Translation, Rotation, Scale };
enum class Interpolation : std::uint8_t { Step, Linear, CubicSpline };

struct AnimChannel {
  int node = -1;
  AnimPath path = AnimPath::Translation;
  Interpolation interpolation = Interpolation::Linear;
  std::vector<float> times;        ///< strictly increasing seconds
  std::vector<glm::vec4> values;   ///< xyz(w); CubicSpline: 3 per key (in-tangent, value, out-tangent)
};

struct Animation {
  std::string name;
  std::vector<AnimChannel> channels;
  float duration = 0.0f;
};

/// A mesh recognised as anatomy, with what the name rules found.
struct MeshRole {
  TissueKind tissue = TissueKind::Other;
  MuscleId muscle;
};

struct Model {
  std::string source;                      ///< file it came from (for messages)
  std::vector<Mesh> meshes;
  std::vector<MeshRole> roles;             ///< one per mesh
  std::vector<Node> nodes;
  std::vector<int> roots;                  ///< root nodes of the displayed scene
  std::vector<Skin> skins;
  std::vector<Animation> animations;
  std::vector<Material> materials;
  std::vector<Image> images;
};

/// Local transforms of every node (TRS or matrix), before animation.
std::vector<glm::mat4> localTransforms(const Model& model);

/// World transforms from local ones, following the (validated, acyclic) hierarchy.
std::vector<glm::mat4> worldTransforms(const Model& model, const std::vector<glm::mat4>& local);

/// Nodes of the displayed scene (reachable from Model::roots) that carry a mesh, parents before children.
std::vector<int> meshNodes(const Model& model);

}  // namespace myo::scene
