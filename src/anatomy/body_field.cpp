// anatomy/body_field.cpp: the skin as a blend of a lofted torso (superellipse sections fitted to the
// ANSUR breadths and depths), shoulder, neck, head, arm and leg pieces.
#include "anatomy/body_field.hpp"

#include <algorithm>
#include <cmath>

#include "anatomy/landmarks.hpp"
#include "anatomy/sdf_util.hpp"
#include "core/math_util.hpp"

namespace myo::anatomy {

using sdf::smax;
using sdf::smin;
using sdf::smoothstep;

namespace {

const char* const kSpineLevels[] = {"SP_C7", "SP_T1", "SP_T2", "SP_T3", "SP_T4", "SP_T5", "SP_T6",
                                    "SP_T7", "SP_T8", "SP_T9", "SP_T10", "SP_T11", "SP_T12", "SP_L1",
                                    "SP_L2", "SP_L3", "SP_L4", "SP_L5", "SP_S1", "SP_S2"};

float catmull(float p0, float p1, float p2, float p3, float t) {
  float t2 = t * t, t3 = t2 * t;
  return 0.5f * (2.0f * p1 + (-p0 + p2) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 +
                 (-p0 + 3.0f * p1 - 3.0f * p2 + p3) * t3);
}

/// Depth of the furrow between the erector spinae columns (metres) and its half-width, by height.
float furrowDepth(float y) {
  if (y > 1.50f) return 0.0f;
  float lumbar = 0.011f * smoothstep(1.25f, 1.12f, y) * smoothstep(0.90f, 1.0f, y);
  float thoracic = 0.005f * smoothstep(1.50f, 1.42f, y);
  float cleft = 0.012f * smoothstep(0.97f, 0.90f, y) * smoothstep(0.78f, 0.84f, y);
  return std::max({lumbar, thoracic, cleft});
}

float furrowWidth(float y) {
  // Narrow gluteal cleft, broad lumbar furrow between the erector columns, medium over the thorax.
  return 0.012f + 0.012f * smoothstep(0.90f, 1.02f, y) - 0.004f * smoothstep(1.15f, 1.25f, y);
}

glm::vec3 rotateZ(glm::vec3 p, glm::vec3 centre, float deg) {
  float a = deg * core::kPi / 180.0f;
  float c = std::cos(a), s = std::sin(a);
  glm::vec3 d = p - centre;
  return centre + glm::vec3(c * d.x - s * d.y, s * d.x + c * d.y, d.z);
}

}  // namespace

glm::vec3 abductLeftArm(glm::vec3 p) { return rotateZ(p, landmark("GH_CENTRE_L"), kArmAbductionDeg); }

glm::vec3 restLandmark(std::string_view id) {
  if (id.starts_with("MID:")) {
    std::string_view rest = id.substr(4);
    std::size_t colon = rest.find(':');
    return 0.5f * (restLandmark(rest.substr(0, colon)) + restLandmark(rest.substr(colon + 1)));
  }
  static const std::string_view kArmPrefixes[] = {"ITG_", "PM_INS_", "DT_", "GREATER_TUBERCLE", "LESSER_TUBERCLE",
                                                  "HUMERAL_HEAD", "ELBOW_CENTRE", "WRIST_CENTRE", "FINGERTIP",
                                                  // Rotator cuff and teres major insertions on the humerus.
                                                  "GT_", "LT_", "TMAJ_INS_", "TMIN_INS_"};
  glm::vec3 p = landmark(id);
  for (std::string_view prefix : kArmPrefixes) {
    if (id.starts_with(prefix)) {
      bool right = id.ends_with("_R");
      glm::vec3 l = abductLeftArm(right ? mirrorX(p) : p);
      return right ? mirrorX(l) : l;
    }
  }
  return p;
}

BodyField::BodyField() {
  for (const char* id : kSpineLevels) {
    glm::vec3 s = landmarkSkin(id);
    spineSkin_.push_back({s.y, s.z});
  }
  // Torso sections: y, half-width, back (at the erector ridge), front, superellipse exponent. Widths and
  // depths follow the ANSUR sections (waist, chest, hip); the back comes from the spinous skin line.
  const Section keys[] = {
      {0.760f, 0.080f, -0.030f, 0.060f, 2.2f}, {0.820f, 0.142f, -0.070f, 0.115f, 2.6f},
      {0.897f, 0.155f, -0.080f, 0.140f, 3.0f}, {0.960f, 0.158f, 0.0f, 0.160f, 2.9f},
      {1.052f, 0.157f, 0.0f, 0.178f, 2.7f},    {1.120f, 0.158f, 0.0f, 0.176f, 2.8f},
      {1.200f, 0.163f, 0.0f, 0.170f, 3.0f},    {1.286f, 0.167f, 0.0f, 0.162f, 3.2f},
      {1.350f, 0.168f, 0.0f, 0.156f, 3.2f},    {1.393f, 0.163f, 0.0f, 0.146f, 3.0f},
      {1.430f, 0.140f, 0.0f, 0.118f, 2.8f},    {1.460f, 0.105f, 0.0f, 0.104f, 2.5f},
      {1.490f, 0.075f, 0.0f, 0.100f, 2.2f},    {1.530f, 0.062f, 0.0f, 0.098f, 2.0f}};
  for (Section s : keys) {
    if (s.zBack == 0.0f) {
      // Interpolate the spinous skin line, then move out to the erector ridge beside it.
      float z = spineSkin_.back().y;
      for (std::size_t i = 0; i + 1 < spineSkin_.size(); ++i) {
        glm::vec2 a = spineSkin_[i], b = spineSkin_[i + 1];
        if (s.y <= a.x && s.y >= b.x) {
          float t = (a.x - s.y) / (a.x - b.x);
          z = a.y + (b.y - a.y) * t;
        }
      }
      if (s.y > spineSkin_.front().x) z = spineSkin_.front().y + 0.3f * (s.y - spineSkin_.front().x);
      s.zBack = z - furrowDepth(s.y);
    }
    sections_.push_back(s);
  }
  // The sections are smoothed over +-3 sigma (sigma 15 mm): the spline through the keys changes its
  // curvature at each key, which the shading showed as faint horizontal bands across the back.
  for (int i = 0; kSmoothY0 + kSmoothStep * static_cast<float>(i) <= kSmoothY1; ++i) {
    float y = kSmoothY0 + kSmoothStep * static_cast<float>(i);
    Section acc{y, 0.0f, 0.0f, 0.0f, 0.0f};
    float wsum = 0.0f;
    for (int k = -24; k <= 24; ++k) {
      float dy = 0.045f * static_cast<float>(k) / 24.0f;
      float w = std::exp(-0.5f * (dy / 0.015f) * (dy / 0.015f));
      Section s = keySectionAt(y + dy);
      acc.halfWidth += w * s.halfWidth;
      acc.zBack += w * s.zBack;
      acc.zFront += w * s.zFront;
      acc.exponent += w * s.exponent;
      wsum += w;
    }
    acc.halfWidth /= wsum;
    acc.zBack /= wsum;
    acc.zFront /= wsum;
    acc.exponent /= wsum;
    smooth_.push_back(acc);
  }
  scapula_[0] = landmark("SCAP_SUP_ANGLE_L");
  scapula_[1] = landmark("SCAP_INF_ANGLE_L");
  scapula_[2] = landmark("ACROMIAL_ANGLE_L");
  gh_ = landmark("GH_CENTRE_L");
  elbow_ = abductLeftArm(landmark("ELBOW_CENTRE_L"));
  wrist_ = abductLeftArm(landmark("WRIST_CENTRE_L"));
  fingertip_ = abductLeftArm(landmark("FINGERTIP_L"));
  armDir_ = glm::normalize(elbow_ - gh_);
  foreDir_ = glm::normalize(wrist_ - elbow_);
  deltoidApex_ = abductLeftArm(landmark("DT_APEX_L"));
  hip_ = landmark("HIP_CENTRE_L");
  knee_ = landmark("KNEE_CENTRE_L");
  ankle_ = landmark("ANKLE_CENTRE_L");
  hand_ = leftHandFrame();
  digits_ = handDigits();
  // The ear's plane: along it from the lobule to the top of the helix, across it from its front attachment
  // to the back of the helix (FARKAS, ANSUR2).
  const glm::vec3 top{0.078f, 1.650f, 0.040f}, lobule{0.072f, 1.587f, 0.051f}, front{0.069f, 1.632f, 0.061f},
      back{0.085f, 1.618f, 0.027f};
  ear_.origin = {0.0765f, 1.6185f, 0.0435f};
  ear_.y = glm::normalize(top - lobule);
  ear_.x = glm::normalize((back - front) - ear_.y * glm::dot(back - front, ear_.y));
  ear_.z = glm::cross(ear_.x, ear_.y);
}


BodyField::Section BodyField::catmullSection(const Section& p0, const Section& p1, const Section& p2,
                                             const Section& p3, float t, float y) {
  Section r;
  r.y = y;
  r.halfWidth = catmull(p0.halfWidth, p1.halfWidth, p2.halfWidth, p3.halfWidth, t);
  r.zBack = catmull(p0.zBack, p1.zBack, p2.zBack, p3.zBack, t);
  r.zFront = catmull(p0.zFront, p1.zFront, p2.zFront, p3.zFront, t);
  r.exponent = catmull(p0.exponent, p1.exponent, p2.exponent, p3.exponent, t);
  return r;
}

BodyField::Section BodyField::keySectionAt(float y) const {
  const auto& s = sections_;
  if (y <= s.front().y) return s.front();
  if (y >= s.back().y) return s.back();
  std::size_t i = 0;
  while (i + 2 < s.size() && y > s[i + 1].y) ++i;
  float t = (y - s[i].y) / (s[i + 1].y - s[i].y);
  const Section& p0 = s[i == 0 ? 0 : i - 1];
  const Section& p1 = s[i];
  const Section& p2 = s[i + 1];
  const Section& p3 = s[std::min(i + 2, s.size() - 1)];
  return catmullSection(p0, p1, p2, p3, t, y);
}

BodyField::Section BodyField::sectionAt(float y) const {
  // Catmull-Rom over the smoothed table (uniform steps).
  const auto& s = smooth_;
  float f = (y - kSmoothY0) / kSmoothStep;
  if (f <= 0.0f) return s.front();
  if (f >= static_cast<float>(s.size() - 1)) return s.back();
  std::size_t i = static_cast<std::size_t>(f);
  float t = f - static_cast<float>(i);
  const Section& p0 = s[i == 0 ? 0 : i - 1];
  const Section& p1 = s[i];
  const Section& p2 = s[std::min(i + 1, s.size() - 1)];
  const Section& p3 = s[std::min(i + 2, s.size() - 1)];
  return catmullSection(p0, p1, p2, p3, t, y);
}

float BodyField::sectionDistance(float x, float y, float z) const {
  Section s = sectionAt(y);
  float a = s.halfWidth;
  float zc = 0.5f * (s.zBack + s.zFront);
  float b = 0.5f * (s.zFront - s.zBack);
  float n = s.exponent;
  float ux = std::abs(x) / a, uz = std::abs(z - zc) / b;
  float px = std::pow(ux, n), pz = std::pow(uz, n);
  float sum = px + pz;
  if (sum < 1e-12f) return -std::min(a, b);
  float F = std::pow(sum, 1.0f / n);
  // First-order distance: (F - 1) / |grad F| keeps the blend widths in metres; F^(1-n) = F / sum.
  float common = F / sum;
  float gx = common * (ux > 0.0f ? px / ux : 0.0f) / a;
  float gz = common * (uz > 0.0f ? pz / uz : 0.0f) / b;
  float g = std::sqrt(gx * gx + gz * gz);
  return (F - 1.0f) / std::max(g, 1e-6f);
}

float BodyField::torso(glm::vec3 q) const {
  const float dy = 0.003f;
  float d0 = sectionDistance(q.x, q.y, q.z);
  float gy = (sectionDistance(q.x, q.y + dy, q.z) - d0) / dy;
  float d = d0 / std::sqrt(1.0f + gy * gy);
  d = smax(d, std::max(0.76f - q.y, q.y - 1.53f), 0.02f);

  // The back: furrow over the spinous processes, scapular plates, the seventh cervical bump.
  Section s = sectionAt(q.y);
  float backness = smoothstep(0.5f * (s.zBack + s.zFront), s.zBack, q.z);
  float w = furrowWidth(q.y);
  d += furrowDepth(q.y) * std::exp(-(q.x * q.x) / (w * w)) * backness;
  float ds = sdf::triangleDistance(q, scapula_[0], scapula_[1], scapula_[2]);
  float plate = smoothstep(0.038f, 0.016f, ds);
  // The medial border stands out more than the lateral one, which hides under teres and latissimus.
  float medial = smoothstep(0.15f, 0.10f, q.x);
  d -= (0.0035f + 0.003f * medial) * plate * backness;
  // Pectoral bulge and the buttocks.
  d = smin(d, sdf::ellipsoid(q, {0.072f, 1.318f, 0.108f}, {0.078f, 0.058f, 0.058f}), 0.04f);
  d = smin(d, sdf::ellipsoid(q, {0.066f, 0.888f, -0.026f}, {0.074f, 0.095f, 0.060f}), 0.05f);
  return d;
}

float BodyField::shoulder(glm::vec3 q) const {
  // The trapezius ridge from the neck base to the acromion, a little flattened front to back.
  glm::vec3 a{0.035f, 1.452f, 0.018f}, b{0.172f, 1.408f, 0.030f};
  glm::vec3 qs = q;
  float ridge = sdf::roundCone(qs, a, b, 0.036f, 0.034f);
  // The deltoid cap: rounded over the humeral head, tapering to its insertion.
  float cap = sdf::roundCone(q, gh_ + glm::vec3(0.004f, -0.004f, -0.002f), deltoidApex_ + glm::vec3(0.006f, 0.0f, 0.0f),
                             0.055f, 0.030f);
  return smin(ridge, cap, 0.04f);
}

float BodyField::arm(glm::vec3 q) const {
  float upper = sdf::roundCone(q, gh_ - armDir_ * 0.01f, elbow_, 0.045f, 0.036f);
  // Biceps and triceps bellies.
  glm::vec3 mid = gh_ + (elbow_ - gh_) * 0.55f;
  upper = smin(upper, sdf::capsule(q, mid + glm::vec3(0, 0.03f, 0.012f), mid - glm::vec3(0, 0.04f, -0.012f), 0.030f),
               0.04f);
  upper = smin(upper, sdf::capsule(q, mid + glm::vec3(0, 0.06f, -0.012f), mid - glm::vec3(0, 0.03f, 0.012f), 0.030f),
               0.04f);
  // Forearm: the flexor-extensor mass a third of the way down, tapering to the wrist; broad blends at the
  // elbow and along the forearm keep the arm's contour continuous instead of a chain of bulges.
  glm::vec3 bulge = elbow_ + (wrist_ - elbow_) * 0.3f;
  float fore = smin(sdf::roundCone(q, elbow_, bulge, 0.036f, 0.037f),
                    sdf::roundCone(q, bulge, wrist_ - foreDir_ * 0.01f, 0.037f, 0.024f), 0.04f);
  float d = smin(upper, fore, 0.05f);
  // Hand: palm, thenar eminence and five digits through the joints the hand bones use (the palm facing the
  // thigh); the digits meet each other without a blend, so they stay apart where they spread.
  glm::vec3 rel = q - hand_.origin;
  if (glm::dot(rel, rel) < 0.26f * 0.26f) {
    glm::vec3 local{glm::dot(rel, hand_.x), glm::dot(rel, hand_.y), glm::dot(rel, hand_.z)};
    float palm = sdf::ellipsoid(local, {0.0f, 0.056f, 0.001f}, {0.0145f, 0.057f, 0.043f});
    palm = smin(palm, sdf::ellipsoid(local, {0.004f, 0.036f, 0.024f}, {0.0125f, 0.026f, 0.016f}), 0.012f);
    float digits = 1e9f;
    for (std::size_t k = 0; k < digits_.size(); ++k) {
      const Digit& g = digits_[k];
      float r = 0.5f * g.width * (k == 0 ? 0.95f : 0.93f);
      glm::vec3 from = k == 0 ? g.base + (g.joints[0] - g.base) * 0.45f : g.joints[0] - (g.joints[1] - g.joints[0]) * 0.35f;
      float dk = sdf::roundCone(local, from, g.joints[0], r * 1.05f, r);
      for (std::size_t s = 0; s + 1 < g.joints.size(); ++s) {
        float r0 = r * (1.0f - 0.08f * static_cast<float>(s)), r1 = r * (1.0f - 0.08f * static_cast<float>(s + 1));
        if (s + 2 == g.joints.size()) r1 = r0 * 0.88f;
        dk = std::min(dk, sdf::roundCone(local, g.joints[s], g.joints[s + 1], r0, r1));
      }
      digits = std::min(digits, dk);
    }
    d = smin(d, smin(palm, digits, 0.009f), 0.02f);
  }
  return d;
}

float BodyField::leg(glm::vec3 q) const {
  float thigh = sdf::roundCone(q, hip_ + glm::vec3(0.0f, 0.02f, 0.0f), knee_, 0.080f, 0.048f);
  glm::vec3 calf{knee_.x - 0.002f, 0.36f, 0.022f};
  float shank = smin(sdf::roundCone(q, knee_, calf, 0.046f, 0.050f),
                     sdf::roundCone(q, calf, ankle_, 0.050f, 0.029f), 0.03f);
  float heel = sdf::ellipsoid(q, {0.090f, 0.036f, -0.020f}, {0.034f, 0.036f, 0.040f});
  float fore = sdf::ellipsoid(q, {0.102f, 0.027f, 0.108f}, {0.046f, 0.027f, 0.072f});
  float foot = smin(smin(heel, fore, 0.04f), sdf::capsule(q, ankle_, {0.1f, 0.04f, 0.06f}, 0.032f), 0.03f);
  // Toes (FOOT_MORPH): hallux 25 mm wide reaching the foot's tip, the others 17-14 mm wide and 2, 8, 16 and
  // 28 mm behind it, over the toe bones.
  if (q.y < 0.05f && q.z > 0.09f) {
    struct Toe {
      glm::vec3 a, b;
      float r;
    };
    static const Toe kToes[] = {{{0.066f, 0.0135f, 0.150f}, {0.067f, 0.0135f, 0.199f}, 0.0125f},
                                {{0.083f, 0.011f, 0.152f}, {0.083f, 0.0095f, 0.2015f}, 0.0085f},
                                {{0.098f, 0.0105f, 0.146f}, {0.099f, 0.009f, 0.196f}, 0.008f},
                                {{0.114f, 0.010f, 0.136f}, {0.116f, 0.0085f, 0.1885f}, 0.0075f},
                                {{0.132f, 0.0095f, 0.120f}, {0.135f, 0.008f, 0.177f}, 0.007f}};
    float toes = 1e9f;
    for (const Toe& t : kToes) toes = std::min(toes, sdf::roundCone(q, t.a, t.b, t.r, t.r * 0.92f));
    foot = smin(foot, toes, 0.008f);
  }
  return smin(smin(thigh, shank, 0.03f), foot, 0.03f);
}

float BodyField::neck(glm::vec3 q) const {
  glm::vec3 s{q.x / 1.1f, q.y, q.z};
  return sdf::roundCone(s, {0.0f, 1.47f, 0.040f}, {0.0f, 1.61f, 0.052f}, 0.062f, 0.056f);
}

float BodyField::head(glm::vec3 q) const {
  // Cranium over the skull (length 199, breadth 155 mm, ANSUR2), the jaw along the mandible from below the
  // ear to a chin 1 cm ahead of the menton, cheekbones (bizygomatic 143 mm), brow, eyes, nose, lips and ears
  // at the proportions of the face norms (FARKAS).
  float cranium = sdf::ellipsoid(q, {0.0f, 1.655f, 0.055f}, {0.076f, 0.097f, 0.100f});
  float jaw = sdf::ellipsoid(q, {0.0f, 1.574f, 0.090f}, {0.049f, 0.052f, 0.058f});
  jaw = smin(jaw, sdf::roundCone(q, {0.052f, 1.564f, 0.066f}, {0.021f, 1.533f, 0.140f}, 0.0125f, 0.012f), 0.02f);
  jaw = smin(jaw, sdf::ellipsoid(q, {0.0f, 1.531f, 0.145f}, {0.019f, 0.014f, 0.013f}), 0.018f);
  float d = smin(cranium, jaw, 0.035f);
  if (q.z < 0.015f) return d;
  // Cheekbones (low, toward the zygion) and the brow ridge, blended broadly so neither reads as a ball or a bar.
  d = smin(d, sdf::ellipsoid(q, {0.054f, 1.612f, 0.100f}, {0.0135f, 0.010f, 0.021f}), 0.024f);
  d = smin(d, sdf::ellipsoid(q, {0.029f, 1.651f, 0.140f}, {0.023f, 0.0075f, 0.011f}), 0.02f);
  // Eye sockets under the brow, with the eyeballs in them (interpupillary 64 mm).
  d = smax(d, -sdf::sphere(q, {0.033f, 1.633f, 0.156f}, 0.0145f), 0.010f);
  d = smin(d, sdf::sphere(q, {0.032f, 1.633f, 0.127f}, 0.0125f), 0.003f);
  // Nose: bridge from the sellion, tip 20 mm proud of the subnasale, alae 35 mm across.
  d = smin(d, sdf::roundCone(q, {0.0f, 1.635f, 0.144f}, {0.0f, 1.601f, 0.166f}, 0.0055f, 0.0085f), 0.014f);
  d = smin(d, sdf::sphere(q, {0.0f, 1.598f, 0.1665f}, 0.0095f), 0.008f);
  d = smin(d, sdf::sphere(q, {0.011f, 1.592f, 0.150f}, 0.0065f), 0.01f);
  // Lips (mouth 54 mm wide, the vermilion at LABRALE_SUP/INF), rounded and blended into the face.
  d = smin(d, sdf::ellipsoid(q, {0.0f, 1.570f, 0.152f}, {0.022f, 0.006f, 0.0075f}), 0.012f);
  d = smin(d, sdf::ellipsoid(q, {0.0f, 1.553f, 0.150f}, {0.019f, 0.006f, 0.0075f}), 0.012f);
  // Ears: 64 mm long, 35 mm broad, standing out behind (EAR_SUPERAURALE ... EAR_POSTAURALE), tilted back.
  glm::vec3 e = q - ear_.origin;
  if (glm::dot(e, e) < 0.05f * 0.05f) {
    glm::vec3 local{glm::dot(e, ear_.x), glm::dot(e, ear_.y), glm::dot(e, ear_.z)};
    // A rounded auricle (helix rim 6 mm) standing 2 mm out from its plane, with the concha hollowed in its
    // outer face in front of the antihelix.
    float ear = sdf::ellipsoid(local, {0.0f, 0.0f, 0.002f}, {0.0175f, 0.032f, 0.0068f});
    ear = sdf::smax(ear, -sdf::ellipsoid(local, {-0.003f, -0.005f, 0.0095f}, {0.0085f, 0.012f, 0.0055f}), 0.002f);
    // Blended broadly at its root, so no thin slit of air lies between the auricle and the head.
    d = smin(d, ear, 0.010f);
  }
  return d;
}

float BodyField::distance(glm::vec3 p) const {
  glm::vec3 q{std::abs(p.x), p.y, p.z};
  float d = torso(q);
  // Pieces far from the current surface cannot change the blend; their bounds are cheap to test.
  if (q.y > 1.12f) d = smin(d, shoulder(q), 0.035f);
  // The arm blends broadly into the shoulder but only narrowly beside the chest, so no web forms.
  if (q.y > 0.55f && q.y < 1.50f && q.x > 0.10f) d = smin(d, arm(q), 0.014f + 0.026f * smoothstep(1.30f, 1.40f, q.y));
  if (q.y > 1.33f) d = smin(d, neck(q), 0.04f);
  if (q.y > 1.46f) d = smin(d, head(q), 0.03f);
  if (q.y < 1.10f) d = smin(d, leg(q), 0.05f);
  return smax(d, -p.y, 0.004f);
}

float BodyField::trunkDistance(glm::vec3 p) const {
  glm::vec3 q{std::abs(p.x), p.y, p.z};
  float d = torso(q);
  if (q.y > 1.12f) d = smin(d, shoulder(q), 0.035f);
  if (q.y > 1.33f) d = smin(d, neck(q), 0.04f);
  if (q.y > 1.46f) d = smin(d, head(q), 0.03f);
  return d;
}

float BodyField::chestWallDistance(glm::vec3 p) const {
  glm::vec3 q{std::abs(p.x), p.y, p.z};
  return torso(q);
}

BodyParts BodyField::parts(glm::vec3 p) const {
  glm::vec3 q{std::abs(p.x), p.y, p.z};
  BodyParts r;
  r.trunk = smin(torso(q), shoulder(q), 0.035f);
  r.neck = neck(q);
  r.head = head(q);
  r.arm = arm(q);
  r.leg = leg(q);
  return r;
}

}  // namespace myo::anatomy
