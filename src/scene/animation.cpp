// scene/animation.cpp: keyframe interpolation and the animated local transforms of a model.
#include "scene/animation.hpp"

#include <algorithm>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtx/matrix_decompose.hpp>

namespace myo::scene {
namespace {

glm::quat toQuat(const glm::vec4& v) {
  return glm::quat(v.w, v.x, v.y, v.z);
}
glm::vec4 toVec(const glm::quat& q) {
  return glm::vec4(q.x, q.y, q.z, q.w);
}

glm::vec4 normalizedRotation(const glm::vec4& v) {
  const float len = glm::length(v);
  return len > 0.0f ? v / len : glm::vec4(0.0f, 0.0f, 0.0f, 1.0f);
}

}  // namespace

glm::vec4 sampleChannel(const AnimChannel& ch, float seconds) {
  const std::size_t keys = ch.times.size();
  if (keys == 0) return ch.path == AnimPath::Rotation ? glm::vec4(0, 0, 0, 1) : glm::vec4(0.0f);
  const bool cubic = ch.interpolation == Interpolation::CubicSpline;
  const bool rotation = ch.path == AnimPath::Rotation;
  // Cubic spline keys are stored as (in-tangent, value, out-tangent).
  auto value = [&](std::size_t k) { return cubic ? ch.values[3 * k + 1] : ch.values[k]; };
  if (keys == 1 || seconds <= ch.times.front()) return rotation ? normalizedRotation(value(0)) : value(0);
  if (seconds >= ch.times.back()) return rotation ? normalizedRotation(value(keys - 1)) : value(keys - 1);

  const auto upper = std::upper_bound(ch.times.begin(), ch.times.end(), seconds);
  const std::size_t k1 = std::size_t(upper - ch.times.begin());
  const std::size_t k0 = k1 - 1;
  const float t0 = ch.times[k0], t1 = ch.times[k1];
  const float dt = t1 - t0;
  const float s = (seconds - t0) / dt;

  switch (ch.interpolation) {
    case Interpolation::Step:
      return rotation ? normalizedRotation(value(k0)) : value(k0);
    case Interpolation::Linear: {
      if (!rotation) return glm::mix(value(k0), value(k1), s);
      glm::quat a = toQuat(normalizedRotation(value(k0)));
      glm::quat b = toQuat(normalizedRotation(value(k1)));
      // Take the short way round: q and -q are the same rotation.
      if (glm::dot(a, b) < 0.0f) b = -b;
      return toVec(glm::normalize(glm::slerp(a, b, s)));
    }
    case Interpolation::CubicSpline: {
      const glm::vec4 p0 = ch.values[3 * k0 + 1];
      const glm::vec4 m0 = ch.values[3 * k0 + 2] * dt;  // out-tangent of k0
      const glm::vec4 p1 = ch.values[3 * k1 + 1];
      const glm::vec4 m1 = ch.values[3 * k1] * dt;  // in-tangent of k1
      const float s2 = s * s, s3 = s2 * s;
      const glm::vec4 v =
          (2 * s3 - 3 * s2 + 1) * p0 + (s3 - 2 * s2 + s) * m0 + (-2 * s3 + 3 * s2) * p1 + (s3 - s2) * m1;
      return rotation ? normalizedRotation(v) : v;
    }
  }
  return value(k0);
}

std::vector<glm::mat4> animatedLocalTransforms(const Model& model, int animation, float seconds) {
  if (animation < 0 || std::size_t(animation) >= model.animations.size()) return localTransforms(model);
  const std::size_t count = model.nodes.size();
  std::vector<glm::vec3> t(count), s(count);
  std::vector<glm::quat> r(count);
  std::vector<char> animated(count, 0);
  for (std::size_t i = 0; i < count; ++i) {
    const Node& n = model.nodes[i];
    if (n.matrix) {
      // The format forbids animating matrix nodes; if a file does it anyway, animate the decomposed matrix.
      glm::vec3 skew;
      glm::vec4 perspective;
      glm::decompose(*n.matrix, s[i], r[i], t[i], skew, perspective);
    } else {
      t[i] = n.translation;
      r[i] = n.rotation;
      s[i] = n.scale;
    }
  }
  for (const AnimChannel& ch : model.animations[std::size_t(animation)].channels) {
    if (ch.node < 0 || std::size_t(ch.node) >= count) continue;
    const auto n = std::size_t(ch.node);
    const glm::vec4 v = sampleChannel(ch, seconds);
    animated[n] = 1;
    switch (ch.path) {
      case AnimPath::Translation:
        t[n] = glm::vec3(v);
        break;
      case AnimPath::Rotation:
        r[n] = toQuat(v);
        break;
      case AnimPath::Scale:
        s[n] = glm::vec3(v);
        break;
    }
  }
  std::vector<glm::mat4> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const Node& n = model.nodes[i];
    if (n.matrix && !animated[i]) {
      out.push_back(*n.matrix);
    } else {
      out.push_back(glm::translate(glm::mat4(1.0f), t[i]) * glm::mat4_cast(r[i]) *
                    glm::scale(glm::mat4(1.0f), s[i]));
    }
  }
  return out;
}

}  // namespace myo::scene
