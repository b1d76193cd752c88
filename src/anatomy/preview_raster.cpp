// anatomy/preview_raster.cpp: z-buffered triangle rasteriser with Lambert shading and fibre striation.
#include "anatomy/preview_raster.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace myo::anatomy {

namespace {

struct Target {
  std::vector<float> depth;
  std::vector<glm::vec3> colour;
  std::vector<int> id;
};

void drawItem(const PreviewItem& item, const PreviewView& v, glm::vec3 right, Target& t) {
  const auto& P = *item.positions;
  const auto& N = *item.normals;
  const auto& I = *item.indices;
  const float scale = 0.5f * static_cast<float>(v.height) / v.halfHeight;
  auto project = [&](glm::vec3 p) {
    glm::vec3 d = p - v.centre;
    return glm::vec3(0.5f * v.width + glm::dot(d, right) * scale, 0.5f * v.height - glm::dot(d, v.up) * scale,
                     glm::dot(d, v.forward));
  };
  const glm::vec3 key = glm::normalize(-v.forward + 0.6f * v.up + 0.4f * right);
  const glm::vec3 fill = glm::normalize(-v.forward - 0.3f * right);
  for (std::size_t f = 0; f + 2 < I.size(); f += 3) {
    std::uint32_t ia = I[f], ib = I[f + 1], ic = I[f + 2];
    glm::vec3 a = project(P[ia]), b = project(P[ib]), c = project(P[ic]);
    float area = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    if (std::abs(area) < 1e-12f) continue;
    int x0 = std::max(0, static_cast<int>(std::floor(std::min({a.x, b.x, c.x}))));
    int x1 = std::min(v.width - 1, static_cast<int>(std::ceil(std::max({a.x, b.x, c.x}))));
    int y0 = std::max(0, static_cast<int>(std::floor(std::min({a.y, b.y, c.y}))));
    int y1 = std::min(v.height - 1, static_cast<int>(std::ceil(std::max({a.y, b.y, c.y}))));
    for (int y = y0; y <= y1; ++y) {
      for (int x = x0; x <= x1; ++x) {
        float px = x + 0.5f, py = y + 0.5f;
        float w0 = ((b.x - px) * (c.y - py) - (b.y - py) * (c.x - px)) / area;
        float w1 = ((c.x - px) * (a.y - py) - (c.y - py) * (a.x - px)) / area;
        float w2 = 1.0f - w0 - w1;
        if (w0 < 0.0f || w1 < 0.0f || w2 < 0.0f) continue;
        float z = w0 * a.z + w1 * b.z + w2 * c.z;
        std::size_t k = static_cast<std::size_t>(y) * v.width + x;
        if (z >= t.depth[k]) continue;
        glm::vec3 n = w0 * N[ia] + w1 * N[ib] + w2 * N[ic];
        float nl = glm::length(n);
        n = nl > 1e-9f ? n / nl : -v.forward;
        if (glm::dot(n, v.forward) > 0.0f) n = -n;
        float light = 0.25f + 0.6f * std::max(0.0f, glm::dot(n, key)) + 0.25f * std::max(0.0f, glm::dot(n, fill));
        glm::vec3 col = item.colour;
        if (item.tendon) {
          float tw = w0 * (*item.tendon)[ia] + w1 * (*item.tendon)[ib] + w2 * (*item.tendon)[ic];
          col = glm::mix(col, glm::vec3(0.86f, 0.84f, 0.78f), std::clamp(tw, 0.0f, 1.0f));
        }
        if (item.fibres) {
          // Striation: a ripple across the fibres, as drawn on atlas plates.
          glm::vec3 fd = w0 * (*item.fibres)[ia] + w1 * (*item.fibres)[ib] + w2 * (*item.fibres)[ic];
          glm::vec3 pos = w0 * P[ia] + w1 * P[ib] + w2 * P[ic];
          glm::vec3 across = glm::cross(fd, n);
          float al = glm::length(across);
          float s = al > 1e-9f ? std::sin(glm::dot(pos, across / al) * 1300.0f) : 0.0f;
          col *= 0.92f + 0.08f * s;
        }
        t.depth[k] = z;
        t.colour[k] = col * light;
        t.id[k] = item.id;
      }
    }
  }
}

}  // namespace

PreviewImage renderPreview(const std::vector<PreviewItem>& items, const PreviewView& view) {
  PreviewView v = view;
  v.forward = glm::normalize(v.forward);
  v.up = glm::normalize(v.up - v.forward * glm::dot(v.up, v.forward));
  glm::vec3 right = glm::cross(v.forward, v.up);
  const std::size_t n = static_cast<std::size_t>(v.width) * v.height;
  Target opaque{std::vector<float>(n, std::numeric_limits<float>::max()), std::vector<glm::vec3>(n), std::vector<int>(n, -1)};
  for (const PreviewItem& it : items) {
    if (it.alpha >= 1.0f) drawItem(it, v, right, opaque);
  }
  PreviewImage img;
  img.width = v.width;
  img.height = v.height;
  img.rgb.resize(n * 3);
  img.id = opaque.id;
  for (std::size_t k = 0; k < n; ++k) {
    float yy = static_cast<float>(k / v.width) / v.height;
    glm::vec3 bg = glm::mix(glm::vec3(0.93f, 0.94f, 0.96f), glm::vec3(0.72f, 0.75f, 0.80f), yy);
    opaque.colour[k] = opaque.id[k] < 0 ? bg : opaque.colour[k];
  }
  for (const PreviewItem& it : items) {
    if (it.alpha >= 1.0f) continue;
    Target shell{std::vector<float>(n, std::numeric_limits<float>::max()), std::vector<glm::vec3>(n), std::vector<int>(n, -1)};
    drawItem(it, v, right, shell);
    for (std::size_t k = 0; k < n; ++k) {
      if (shell.id[k] >= 0 && shell.depth[k] < opaque.depth[k]) {
        opaque.colour[k] = glm::mix(opaque.colour[k], shell.colour[k], it.alpha);
      }
    }
  }
  for (std::size_t k = 0; k < n; ++k) {
    for (int c = 0; c < 3; ++c) {
      img.rgb[k * 3 + c] = static_cast<std::uint8_t>(std::clamp(opaque.colour[k][c], 0.0f, 1.0f) * 255.0f + 0.5f);
    }
  }
  return img;
}

}  // namespace myo::anatomy
