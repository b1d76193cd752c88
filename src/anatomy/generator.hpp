// anatomy/generator.hpp: builds the whole procedural model (skin, bones, muscles, rig) from the landmarks.
#pragma once

#include "anatomy/anatomy_model.hpp"

namespace myo::anatomy {

struct GeneratorOptions {
  float skinCell = 0.0055f;  ///< grid step of the skin surface (metres)
  float boneCell = 0.0042f;   ///< grid step of the bones (metres)
  bool bones = true;
  bool muscles = true;
};

/// Generates the model in the rest pose (metres, +Y up, subject facing +Z, left = +X, feet on y = 0).
/// Deterministic: the same options give the same model, bit for bit.
AnatomyModel generateModel(const GeneratorOptions& options = {});

}  // namespace myo::anatomy
