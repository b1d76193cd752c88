// anatomy/generator.hpp: builds the whole procedural model (skin, bones, muscles, rig) from the landmarks.
#pragma once

#include "anatomy/anatomy_model.hpp"

namespace myo::anatomy {

struct GeneratorOptions {
  float skinCell = 0.0055f;  ///< grid step of the skin surface (metres)
  float boneCell = 0.0042f;   ///< grid step of the bones (metres)
  bool bones = true;
  bool muscles = true;
  // Skin round the shoulder girdle and arms takes the weights of the tissue under it (rig.hpp, skinFollowsTissue):
  float coverFull = 0.012f;   ///< fully where a muscle or arm bone vertex lies this near (metres)
  float coverReach = 0.050f;  ///< ... fading to the smooth weight field at this distance
  float coverBand = 0.025f;   ///< the tissue counted: this far past the nearest vertex
  // ... and then muscles near the skin take the skin's weights (muscleFollowsSkin):
  float muscleFull = 0.020f;
  float muscleReach = 0.050f;
};

/// Generates the model in the rest pose (metres, +Y up, subject facing +Z, left = +X, feet on y = 0).
/// Deterministic: the same options give the same model, bit for bit.
AnatomyModel generateModel(const GeneratorOptions& options = {});

}  // namespace myo::anatomy
