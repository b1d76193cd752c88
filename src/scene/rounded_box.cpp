// scene/rounded_box.cpp: the rounded box as six gridded faces pushed out onto a shrunken box's offset surface.
#include "scene/rounded_box.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace myo::scene {

Primitive unitRoundedBox(const glm::vec3& halfSize, float radius, int steps) {
  Primitive p;
  const glm::vec3 h = glm::max(halfSize, glm::vec3(1e-6f));
  const float r = std::clamp(radius, 0.0f, std::min({h.x, h.y, h.z}));
  steps = std::max(steps, 1);
  const glm::vec3 inner = h - glm::vec3(r);
  // Along each axis of a face, offsets into the rounded band are spaced by r * tan(angle), so that the
  // facets turn by equal angles up to the cube's edge (45 degrees), where the next face takes over.
  auto samples = [&](float half, float in) {
    std::vector<float> s;
    for (int i = steps; i >= 1; --i)
      s.push_back(-(in + r * std::tan(0.25f * 3.14159265f * float(i) / float(steps))));
    s.push_back(-in);
    if (in > 0.0f) s.push_back(in);
    for (int i = 1; i <= steps; ++i) s.push_back(in + r * std::tan(0.25f * 3.14159265f * float(i) / float(steps)));
    // The outermost samples land on the box's edge exactly (tan 45 = 1, in + r = half).
    s.front() = -half;
    s.back() = half;
    return s;
  };
  for (int axis = 0; axis < 3; ++axis)
    for (const float sign : {1.0f, -1.0f}) {
      const int ua = (axis + 1) % 3, va = (axis + 2) % 3;
      const std::vector<float> us = samples(h[ua], inner[ua]), vs = samples(h[va], inner[va]);
      const auto base = static_cast<std::uint32_t>(p.positions.size());
      for (const float v : vs)
        for (const float u : us) {
          glm::vec3 onBox(0.0f);
          onBox[axis] = sign * h[axis];
          onBox[ua] = u;
          onBox[va] = v;
          const glm::vec3 core = glm::clamp(onBox, -inner, inner);
          const glm::vec3 d = onBox - core;
          const float len = std::sqrt(glm::dot(d, d));
          glm::vec3 n(0.0f);
          n[axis] = sign;
          if (len > 1e-9f) n = d / len;
          const glm::vec3 pos = core + r * n;
          p.positions.push_back(pos / h);
          p.normals.push_back(glm::normalize(n * h));
        }
      const auto nu = static_cast<std::uint32_t>(us.size()), nv = static_cast<std::uint32_t>(vs.size());
      // u x v = +axis direction for (ua, va) in cyclic order, so the winding flips with the face's sign.
      for (std::uint32_t j = 0; j + 1 < nv; ++j)
        for (std::uint32_t i = 0; i + 1 < nu; ++i) {
          const std::uint32_t a = base + j * nu + i, b = a + 1, c = a + nu + 1, d = a + nu;
          if (sign > 0.0f) p.indices.insert(p.indices.end(), {a, b, c, a, c, d});
          else p.indices.insert(p.indices.end(), {a, c, b, a, d, c});
        }
    }
  return p;
}

}  // namespace myo::scene
