// anatomy/generator.cpp: assembles skin, bones and muscles, and weights every vertex to the rig.
#include "anatomy/generator.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <string>
#include <thread>

#include "anatomy/body_field.hpp"
#include "anatomy/bones.hpp"
#include "anatomy/muscles.hpp"
#include "anatomy/rig.hpp"
#include "anatomy/sdf_util.hpp"
#include "anatomy/surface_nets.hpp"
#include "anatomy/timing.hpp"

namespace myo::anatomy {

namespace {

TissueMesh buildSkin(const BodyField& body, float cell) {
  GridSpec grid;
  grid.lo = {-0.43f, -0.006f, -0.135f};
  grid.hi = {0.43f, 1.765f, 0.245f};
  grid.cell = cell;
  grid.lipschitz = 1.6f;
  ImplicitMesh m;
  {
    ScopedStage stage("skin polygonise");
    m = polygonize([&](glm::vec3 p) { return body.distance(p); }, grid);
  }
  TissueMesh skin;
  skin.name = "skin";
  skin.tissue = Tissue::Skin;
  skin.positions = std::move(m.positions);
  skin.normals = std::move(m.normals);
  skin.indices = std::move(m.indices);
  skin.extras = {{"display_name", "Skin"}, {"side", ""}, {"part", ""}};
  return skin;
}

/// The tendons that insert on the humerus (deltoid, pectoralis major, latissimus dorsi) move with the arm
/// near their insertion, fading back to the skin's weights over a few centimetres.
void followHumerus(const BodyField& body, TissueMesh& m) {
  if (m.tissue != Tissue::Muscle) return;
  for (const MuscleSpec& spec : muscleSpecs()) {
    if (!m.name.starts_with(spec.name)) continue;
    bool right = m.name.ends_with("_R");
    std::vector<glm::vec3> ends;
    for (const std::string& id : spec.insertion) {
      glm::vec3 p = restLandmark(id);
      ends.push_back(right ? glm::vec3(-p.x, p.y, p.z) : p);
    }
    if (!(ends[0].y < 1.40f && std::abs(ends[0].x) > 0.18f)) return;
    int shoulder = jointIndex(right ? "shoulder_R" : "shoulder_L");
    if (spec.name == "deltoid") {
      // The deltoid is thick and its inner face lies nearer the armpit folds than the cap's skin: each
      // inner vertex takes the weights of the outer vertex with the same fibre coordinates, so the muscle
      // follows the skin over it without being torn between arm and chest. Along its fibres it then hands
      // over to the humerus (fully from v = 0.6): the skin over the cap blends trunk and arm, which would
      // stretch the muscle's edges far more than the skin's when the arm goes overhead. The hand-over fades out
      // toward the midline (from 19 cm to 13 cm out): the back part's fibres start on the scapular spine, and
      // there they stay with the skin over them instead of swinging out through it with the arm.
      std::map<std::pair<float, float>, std::size_t> outer;
      for (std::size_t i = 0; i < m.positions.size(); ++i) {
        auto key = std::make_pair(m.texcoords[i].x, m.texcoords[i].y);
        auto [it, fresh] = outer.try_emplace(key, i);
        if (!fresh && body.distance(m.positions[i]) > body.distance(m.positions[it->second])) it->second = i;
      }
      for (std::size_t i = 0; i < m.positions.size(); ++i) {
        std::size_t o = outer[std::make_pair(m.texcoords[i].x, m.texcoords[i].y)];
        m.joints[i] = m.joints[o];
        m.weights[i] = m.weights[o];
      }
      for (std::size_t i = 0; i < m.positions.size(); ++i) {
        float t = sdf::smoothstep(0.1f, 0.6f, m.texcoords[i].y) *
                  sdf::smoothstep(0.13f, 0.19f, std::abs(m.positions[i].x));
        SkinInfluence s = blendToward({m.joints[i], m.weights[i]}, shoulder, t);
        m.joints[i] = s.joints;
        m.weights[i] = s.weights;
      }
      return;
    }
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
      float d = 1e9f;
      for (std::size_t k = 0; k + 1 < ends.size(); ++k) d = std::min(d, sdf::segmentDistance(m.positions[i], ends[k], ends[k + 1]));
      // The latissimus reaches its insertion from under the armpit crease rather than over the shoulder cap;
      // a shorter hand-over to the arm keeps the twist of its tendon to a few rows of faces.
      float t = sdf::smoothstep(spec.name == "latissimus_dorsi" ? 0.05f : 0.08f, 0.025f, d);
      if (t <= 0.0f) continue;
      SkinInfluence s = blendToward({m.joints[i], m.weights[i]}, shoulder, t);
      m.joints[i] = s.joints;
      m.weights[i] = s.weights;
    }
  }
}

}  // namespace

AnatomyModel generateModel(const GeneratorOptions& options) {
  AnatomyModel model;
  model.joints = buildSkeleton();
  BodyField body;
  // Skin, bones and muscles do not depend on one another: they are built side by side (each into its own
  // slot, joined in this order), so the model does not depend on the threads.
  TissueMesh skin;
  std::vector<TissueMesh> bones, muscles;
  {
    std::exception_ptr failure[2];
    std::thread skinThread([&] {
      try {
        skin = buildSkin(body, options.skinCell);
      } catch (...) {
        failure[0] = std::current_exception();
      }
    });
    std::thread muscleThread([&] {
      try {
        if (!options.muscles) return;
        ScopedStage stage("muscles (all)");
        muscles = buildMuscles(body);
      } catch (...) {
        failure[1] = std::current_exception();
      }
    });
    std::exception_ptr boneFailure;
    try {
      if (options.bones) {
        ScopedStage stage("bones (all)");
        bones = buildBones(options.boneCell);
      }
    } catch (...) {
      boneFailure = std::current_exception();
    }
    skinThread.join();
    muscleThread.join();
    for (const std::exception_ptr& e : {failure[0], boneFailure, failure[1]})
      if (e) std::rethrow_exception(e);
  }
  model.meshes.push_back(std::move(skin));
  for (TissueMesh& m : bones) model.meshes.push_back(std::move(m));
  for (TissueMesh& m : muscles) model.meshes.push_back(std::move(m));
  ScopedStage weightStage("weights (all)");
  for (TissueMesh& m : model.meshes) {
    ScopedStage stage("weights " + m.name);
    // The patella glides over the knee as it bends: it takes the skin's blend there rather than the shank's
    // rigid move, which carried it out through the skin over a bent knee.
    if (m.tissue != Tissue::Bone || m.name.starts_with("bone_patella")) {
      assignSkinWeights(body, m);
      if (!bindDeepMuscle(m)) followHumerus(body, m);
    } else if (std::string joint = boneJoint(m.name); !joint.empty()) {
      // Limb bones, the shoulder girdle (one piece with the clavicle joint) and the skull move rigidly.
      assignRigid(m, jointIndex(joint));
    } else {
      m.joints.resize(m.positions.size());
      m.weights.resize(m.positions.size());
      for (std::size_t i = 0; i < m.positions.size(); ++i) {
        SkinInfluence s = axialWeights(m.positions[i]);
        m.joints[i] = s.joints;
        m.weights[i] = s.weights;
      }
    }
  }
  std::vector<const TissueMesh*> inner;
  // The muscles and the bones of the shoulder girdle and arm; the head, neck, trunk and leg skin keeps the
  // field's weights (the throat would follow the mandible into the neck as the head bends).
  auto armBone = [](const std::string& n) {
    for (const char* b : {"bone_scapula", "bone_clavicle", "bone_humerus", "bone_radius", "bone_ulna", "bone_hand"})
      if (n.starts_with(b)) return true;
    return false;
  };
  for (const TissueMesh& m : model.meshes)
    if (m.tissue == Tissue::Muscle || (m.tissue == Tissue::Bone && armBone(m.name))) inner.push_back(&m);
  {
    ScopedStage stage("weights, skin over the girdle and arms from the tissue under it");
    skinFollowsTissue(model.meshes.front(), inner, options.coverFull, options.coverReach, options.coverBand);
  }
  std::vector<TissueMesh*> sheets;
  for (TissueMesh& m : model.meshes)
    if (m.tissue == Tissue::Muscle) sheets.push_back(&m);
  {
    ScopedStage stage("weights, the armpit's skin shared with the axilla helpers");
    shareArmTurnWithAxilla(model.meshes.front());
  }
  ScopedStage stage("weights, muscles near the skin from the skin");
  musclesFollowSkin(model.meshes.front(), sheets, options.muscleFull, options.muscleReach);
  return model;
}

}  // namespace myo::anatomy
