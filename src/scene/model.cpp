// scene/model.cpp: node transforms of the CPU model (local TRS or matrix, world through the hierarchy).
#include "scene/model.hpp"

#include <glm/gtc/matrix_transform.hpp>

namespace myo::scene {

glm::mat4 Node::localMatrix() const {
  if (matrix) return *matrix;
  // glTF order: T * R * S.
  return glm::translate(glm::mat4(1.0f), translation) * glm::mat4_cast(rotation) *
         glm::scale(glm::mat4(1.0f), scale);
}

std::vector<glm::mat4> localTransforms(const Model& model) {
  std::vector<glm::mat4> out;
  out.reserve(model.nodes.size());
  for (const Node& node : model.nodes) out.push_back(node.localMatrix());
  return out;
}

std::vector<glm::mat4> worldTransforms(const Model& model, const std::vector<glm::mat4>& local) {
  const std::size_t count = model.nodes.size();
  std::vector<glm::mat4> world(count, glm::mat4(1.0f));
  std::vector<char> done(count, 0);
  std::vector<int> stack;
  // Iterative and parent-first from every parentless node, so deep chains cannot overflow the call stack and
  // nodes outside the displayed scene still get a transform (skins may use them as joints).
  for (std::size_t r = 0; r < count; ++r) {
    if (model.nodes[r].parent != -1) continue;
    stack.push_back(int(r));
    while (!stack.empty()) {
      const auto n = std::size_t(stack.back());
      stack.pop_back();
      if (done[n]) continue;
      done[n] = 1;
      const int parent = model.nodes[n].parent;
      const glm::mat4& l = n < local.size() ? local[n] : glm::mat4(1.0f);
      world[n] = parent >= 0 ? world[std::size_t(parent)] * l : l;
      for (int c : model.nodes[n].children)
        if (c >= 0 && std::size_t(c) < count) stack.push_back(c);
    }
  }
  return world;
}

std::vector<int> meshNodes(const Model& model) {
  std::vector<int> out;
  std::vector<char> seen(model.nodes.size(), 0);
  std::vector<int> stack(model.roots.rbegin(), model.roots.rend());
  while (!stack.empty()) {
    const int n = stack.back();
    stack.pop_back();
    if (n < 0 || std::size_t(n) >= model.nodes.size() || seen[std::size_t(n)]) continue;
    seen[std::size_t(n)] = 1;
    const Node& node = model.nodes[std::size_t(n)];
    if (node.mesh >= 0) out.push_back(n);
    for (auto it = node.children.rbegin(); it != node.children.rend(); ++it) stack.push_back(*it);
  }
  return out;
}

}  // namespace myo::scene
