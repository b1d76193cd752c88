// gfx/unit_shapes.cpp: the unit solids as triangle lists (no OpenGL here).
#include "gfx/unit_shapes.hpp"

#include <cmath>
#include <cstdint>

namespace myo::gfx {

scene::Primitive unitCylinder(int segments) {
  scene::Primitive p;
  for (int ring = 0; ring < 2; ++ring) {
    for (int i = 0; i <= segments; ++i) {
      const float a = 2.0f * 3.14159265f * float(i) / float(segments);
      const float y = ring == 0 ? -1.0f : 1.0f;
      p.positions.push_back({std::cos(a), y, std::sin(a)});
      p.normals.push_back({std::cos(a), 0.0f, std::sin(a)});
      // Eight bands around the circumference make the roll visible.
      const float band = ((i * 8 / segments) % 2 == 0) ? 1.0f : 0.82f;
      p.colors.push_back({band, band, band, 1.0f});
    }
  }
  const auto row = static_cast<std::uint32_t>(segments + 1);
  for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(segments); ++i) {
    p.indices.insert(p.indices.end(), {i, i + row, i + 1, i + 1, i + row, i + row + 1});
  }
  for (int cap = 0; cap < 2; ++cap) {
    const float y = cap == 0 ? -1.0f : 1.0f;
    const auto center = static_cast<std::uint32_t>(p.positions.size());
    p.positions.push_back({0.0f, y, 0.0f});
    p.normals.push_back({0.0f, y, 0.0f});
    p.colors.push_back({0.9f, 0.9f, 0.9f, 1.0f});
    for (int i = 0; i <= segments; ++i) {
      const float a = 2.0f * 3.14159265f * float(i) / float(segments);
      p.positions.push_back({std::cos(a), y, std::sin(a)});
      p.normals.push_back({0.0f, y, 0.0f});
      p.colors.push_back({0.9f, 0.9f, 0.9f, 1.0f});
    }
    for (std::uint32_t i = 0; i < static_cast<std::uint32_t>(segments); ++i) {
      if (cap == 0) p.indices.insert(p.indices.end(), {center, center + 1 + i, center + 2 + i});
      else p.indices.insert(p.indices.end(), {center, center + 2 + i, center + 1 + i});
    }
  }
  return p;
}

scene::Primitive unitSphere(int rings, int segments) {
  scene::Primitive p;
  for (int r = 0; r <= rings; ++r) {
    const float v = 3.14159265f * float(r) / float(rings);
    for (int s = 0; s <= segments; ++s) {
      const float u = 2.0f * 3.14159265f * float(s) / float(segments);
      const glm::vec3 n{std::sin(v) * std::cos(u), std::cos(v), std::sin(v) * std::sin(u)};
      p.positions.push_back(n);
      p.normals.push_back(n);
    }
  }
  const auto row = static_cast<std::uint32_t>(segments + 1);
  for (std::uint32_t r = 0; r < static_cast<std::uint32_t>(rings); ++r)
    for (std::uint32_t s = 0; s < static_cast<std::uint32_t>(segments); ++s) {
      const std::uint32_t a = r * row + s, b = a + row;
      p.indices.insert(p.indices.end(), {a, a + 1, b, a + 1, b + 1, b});
    }
  return p;
}

scene::Primitive unitBox() {
  scene::Primitive p;
  const glm::vec3 axes[3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
  for (int f = 0; f < 6; ++f) {
    const glm::vec3 n = axes[f / 2] * (f % 2 == 0 ? 1.0f : -1.0f);
    const glm::vec3 u = axes[(f / 2 + 1) % 3], v = glm::cross(n, u);
    const auto base = static_cast<std::uint32_t>(p.positions.size());
    for (int c = 0; c < 4; ++c) {
      const float su = (c == 0 || c == 3) ? -1.0f : 1.0f, sv = (c < 2) ? -1.0f : 1.0f;
      p.positions.push_back(n + u * su + v * sv);
      p.normals.push_back(n);
    }
    p.indices.insert(p.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
  }
  return p;
}

}  // namespace myo::gfx
