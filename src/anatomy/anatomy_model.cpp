// anatomy/anatomy_model.cpp: small queries on the generated model.
#include "anatomy/anatomy_model.hpp"

namespace myo::anatomy {

std::size_t AnatomyModel::triangleCount() const {
  std::size_t n = 0;
  for (const TissueMesh& m : meshes) n += m.triangleCount();
  return n;
}

const TissueMesh* AnatomyModel::find(const std::string& name) const {
  for (const TissueMesh& m : meshes) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace myo::anatomy
