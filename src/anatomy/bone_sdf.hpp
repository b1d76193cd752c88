// anatomy/bone_sdf.hpp: shapes the bones are drawn from: flat bands swept along curves (ribs, clavicle,
// processes), plates over polygons (scapular blade, acromion, iliac wing), tubes, and shapes placed in a
// local frame. Metres; negative inside.
#pragma once

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <span>
#include <vector>

#include <glm/glm.hpp>

#include "anatomy/sdf_util.hpp"

namespace myo::anatomy::bonesdf {

/// A station of a band: centre, the direction of its width, half-width w (>= t) and half-thickness t.
struct Station {
  glm::vec3 p;
  glm::vec3 wide;
  float w;
  float t;
};

/// Distance to a band swept from a to b: a stadium section (width 2w, thickness 2t, rounded edges) whose
/// size and width direction blend linearly along the segment; the ends are rounded with radius t.
inline float bandSegment(glm::vec3 p, const Station& a, const Station& b) {
  glm::vec3 ba = b.p - a.p;
  float l2 = glm::dot(ba, ba);
  if (l2 < 1e-12f) return glm::length(p - a.p) - a.t;
  float len = std::sqrt(l2);
  glm::vec3 dir = ba / len;
  float s = glm::dot(p - a.p, dir);
  float h = std::clamp(s / len, 0.0f, 1.0f);
  glm::vec3 r = p - (a.p + ba * h);
  float along = glm::dot(r, dir);
  glm::vec3 wide = a.wide + (b.wide - a.wide) * h;
  wide -= dir * glm::dot(wide, dir);
  float wl = glm::length(wide);
  wide = wl > 1e-9f ? wide / wl : glm::vec3(0.0f);
  glm::vec3 thick = glm::cross(dir, wide);
  float w = a.w + (b.w - a.w) * h, t = a.t + (b.t - a.t) * h;
  float u = std::max(std::abs(glm::dot(r, wide)) - (w - t), 0.0f);
  float v = glm::dot(r, thick);
  return std::sqrt(along * along + u * u + v * v) - t;
}

/// A band along a chain of stations. (The span and list forms let a field written with a braced list of
/// stations run without building a vector at every evaluation.)
inline float band(glm::vec3 p, std::span<const Station> s) {
  float d = 1e9f;
  for (std::size_t i = 0; i + 1 < s.size(); ++i) {
    // A segment whose bounding sphere is further than the best distance so far cannot be the nearest.
    glm::vec3 mid = 0.5f * (s[i].p + s[i + 1].p);
    float reach = 0.5f * glm::length(s[i + 1].p - s[i].p) + std::max(s[i].w, s[i + 1].w);
    if (glm::length(p - mid) - reach > d) continue;
    d = std::min(d, bandSegment(p, s[i], s[i + 1]));
  }
  return d;
}
inline float band(glm::vec3 p, std::initializer_list<Station> s) { return band(p, std::span<const Station>(s.begin(), s.size())); }

/// Distance to a tube through the points, radius varying linearly from r0 to r1 along the chain.
inline float tube(glm::vec3 p, std::span<const glm::vec3> pts, float r0, float r1) {
  float d = 1e9f;
  const float n = static_cast<float>(pts.size() - 1);
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    float ta = static_cast<float>(i) / n, tb = static_cast<float>(i + 1) / n;
    d = std::min(d, sdf::roundCone(p, pts[i], pts[i + 1], r0 + (r1 - r0) * ta, r0 + (r1 - r0) * tb));
  }
  return d;
}
inline float tube(glm::vec3 p, std::initializer_list<glm::vec3> pts, float r0, float r1) {
  return tube(p, std::span<const glm::vec3>(pts.begin(), pts.size()), r0, r1);
}

/// A plate of half-thickness t over the fan of triangles from `centre` to each edge of the closed outline.
inline float fanPlate(glm::vec3 p, glm::vec3 centre, const std::vector<glm::vec3>& outline, float t) {
  float d = 1e9f;
  for (std::size_t i = 0; i < outline.size(); ++i) {
    d = std::min(d, sdf::triangleDistance(p, centre, outline[i], outline[(i + 1) % outline.size()]));
  }
  return d - t;
}

/// A plate over the strip of quads between two polylines of equal length.
inline float stripPlate(glm::vec3 p, const std::vector<glm::vec3>& a, const std::vector<glm::vec3>& b, float t) {
  float d = 1e9f;
  for (std::size_t i = 0; i + 1 < a.size(); ++i) {
    d = std::min({d, sdf::triangleDistance(p, a[i], b[i], b[i + 1]), sdf::triangleDistance(p, a[i], b[i + 1], a[i + 1])});
  }
  return d - t;
}

/// An orthonormal frame: local coordinates of a point along (x, y, z) axes about an origin.
struct Frame {
  glm::vec3 origin{0.0f};
  glm::vec3 x{1, 0, 0}, y{0, 1, 0}, z{0, 0, 1};
  glm::vec3 local(glm::vec3 p) const {
    glm::vec3 d = p - origin;
    return {glm::dot(d, x), glm::dot(d, y), glm::dot(d, z)};
  }
  glm::vec3 world(glm::vec3 l) const { return origin + x * l.x + y * l.y + z * l.z; }
};

/// Frame with y along `up` and z as near `forward` as the orthogonality allows.
inline Frame frameFrom(glm::vec3 origin, glm::vec3 up, glm::vec3 forward) {
  Frame f;
  f.origin = origin;
  f.y = glm::normalize(up);
  f.z = glm::normalize(forward - f.y * glm::dot(forward, f.y));
  f.x = glm::cross(f.y, f.z);
  return f;
}

/// Rounded elliptic cylinder along y (radii rx, rz, half-height hy, edge radius e) at the origin.
inline float ellipticCylinder(glm::vec3 q, float rx, float rz, float hy, float e) {
  float ax = rx - e, az = rz - e, hh = hy - e;
  glm::vec2 s{q.x / ax, q.z / az};
  float k = glm::length(s);
  float radial = (k - 1.0f) * std::min(ax, az);
  float dy = std::abs(q.y) - hh;
  glm::vec2 m{std::max(radial, 0.0f), std::max(dy, 0.0f)};
  return glm::length(m) + std::min(std::max(radial, dy), 0.0f) - e;
}

/// Axis-aligned box test: is p within `margin` of the box [lo, hi]?
inline bool nearBox(glm::vec3 p, glm::vec3 lo, glm::vec3 hi, float margin) {
  return p.x > lo.x - margin && p.y > lo.y - margin && p.z > lo.z - margin && p.x < hi.x + margin &&
         p.y < hi.y + margin && p.z < hi.z + margin;
}

/// Catmull-Rom resampling, so bands and tubes follow smooth curves rather than the polyline corners.
inline std::vector<glm::vec3> smoothCurve(const std::vector<glm::vec3>& p, int perSegment) {
  std::vector<glm::vec3> out;
  for (std::size_t i = 0; i + 1 < p.size(); ++i) {
    glm::vec3 p0 = p[i == 0 ? 0 : i - 1], p1 = p[i], p2 = p[i + 1], p3 = p[std::min(i + 2, p.size() - 1)];
    for (int k = 0; k < perSegment; ++k) {
      float t = static_cast<float>(k) / static_cast<float>(perSegment), t2 = t * t, t3 = t2 * t;
      out.push_back(0.5f * (2.0f * p1 + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                            (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3));
    }
  }
  out.push_back(p.back());
  return out;
}

}  // namespace myo::anatomy::bonesdf
