// anatomy/bone_forms.cpp: bone-form landmarks of the reference subject (scapular fossae and spine base,
// humeral necks and tubercles, elbow, forearm ends, transverse-process tips, skull and mandible, pelvis),
// re-expressed from the deep-landmark figures with their source keys.
#include "anatomy/bone_forms.hpp"

#include <cmath>
#include <string>

#include "anatomy/body_field.hpp"
#include "anatomy/landmarks.hpp"
#include "core/error.hpp"

namespace myo::anatomy {

namespace {

const BoneLandmark kBoneLandmarks[] = {
    {"GLENOID_SUP_L", {0.1697f, 1.4104f, 0.0294f}, "DERIVED, SCAP_MORPH"},
    {"GLENOID_INF_L", {0.1668f, 1.3756f, 0.0212f}, "DERIVED, SCAP_MORPH"},
    {"GLENOID_ANT_L", {0.1608f, 1.3908f, 0.0359f}, "DERIVED, SCAP_MORPH"},
    {"GLENOID_POST_L", {0.1774f, 1.3952f, 0.0147f}, "DERIVED, SCAP_MORPH"},
    {"ACROMION_UNDERSURFACE_L", {0.1940f, 1.4277f, 0.0380f}, "DERIVED from the acromion outline points, ACROMION_MORPH"},
    {"CORACOID_BASE_L", {0.1495f, 1.4113f, 0.0292f}, "DERIVED"},
    {"CORACOID_KNEE_L", {0.1466f, 1.4229f, 0.0500f}, "DERIVED"},
    {"ACROMION_AC_FACET_L", {0.1745f, 1.4422f, 0.0396f}, "DERIVED, AC_GAP"},
    {"SPINE_BASE_08_L", {0.0943f, 1.4072f, -0.0303f}, "DERIVED from SPINE_SUP/INF_08_L"},
    {"SPINE_BASE_15_L", {0.0997f, 1.4080f, -0.0259f}, "DERIVED from SPINE_SUP/INF_15_L"},
    {"SPINE_BASE_30_L", {0.1120f, 1.4100f, -0.0159f}, "DERIVED from SPINE_SUP/INF_30_L"},
    {"SPINE_BASE_50_L", {0.1285f, 1.4126f, -0.0024f}, "DERIVED from SPINE_SUP/INF_50_L"},
    {"SPINOGLENOID_NOTCH_L", {0.1542f, 1.4071f, 0.0114f}, "DERIVED"},
    {"SSP_FOSSA_MED_L", {0.0966f, 1.4328f, -0.0194f}, "DERIVED"},
    {"SSP_FOSSA_MID_L", {0.1141f, 1.4269f, -0.0056f}, "DERIVED"},
    {"SSP_FOSSA_LAT_L", {0.1367f, 1.4208f, 0.0083f}, "DERIVED"},
    {"ISP_FOSSA_SUP_L", {0.1203f, 1.3862f, -0.0169f}, "DERIVED"},
    {"ISP_FOSSA_MID_L", {0.1159f, 1.3560f, -0.0280f}, "DERIVED"},
    {"ISP_FOSSA_INF_L", {0.1061f, 1.3235f, -0.0411f}, "DERIVED"},
    {"GT_TOP_L", {0.2157f, 1.4113f, 0.0401f}, "DERIVED, HUMERUS_MORPH"},
    {"GT_SS_FACET_ANT_L", {0.2110f, 1.4079f, 0.0531f}, "DERIVED, HUMERUS_MORPH"},
    {"GT_IS_FACET_SUP_L", {0.2192f, 1.4033f, 0.0268f}, "DERIVED, HUMERUS_MORPH"},
    {"GT_IS_FACET_INF_L", {0.2136f, 1.3961f, 0.0162f}, "DERIVED, HUMERUS_MORPH"},
    {"GT_TM_FACET_SUP_L", {0.2081f, 1.3877f, 0.0132f}, "DERIVED, HUMERUS_MORPH"},
    {"GT_TM_FACET_INF_L", {0.2034f, 1.3797f, 0.0159f}, "DERIVED, HUMERUS_MORPH"},
    {"LT_SUP_L", {0.1924f, 1.3894f, 0.0642f}, "DERIVED, HUMERUS_MORPH"},
    {"LT_INF_L", {0.1912f, 1.3762f, 0.0563f}, "DERIVED, HUMERUS_MORPH"},
    {"HUMERAL_HEAD_POLE_L", {0.1784f, 1.4099f, 0.0311f}, "DERIVED, HUMERUS_MORPH"},
    {"ANAT_NECK_SUP_L", {0.2046f, 1.4140f, 0.0448f}, "DERIVED, HUMERUS_MORPH"},
    {"ANAT_NECK_POST_L", {0.2009f, 1.3985f, 0.0152f}, "DERIVED, HUMERUS_MORPH"},
    {"ANAT_NECK_INF_L", {0.1757f, 1.3803f, 0.0278f}, "DERIVED, HUMERUS_MORPH"},
    {"ANAT_NECK_ANT_L", {0.1794f, 1.3958f, 0.0575f}, "DERIVED, HUMERUS_MORPH"},
    {"SURG_NECK_L", {0.1975f, 1.3451f, 0.0367f}, "DERIVED, HUMERUS_MORPH"},
    {"HUM_MIDSHAFT_L", {0.2045f, 1.2490f, 0.0340f}, "DERIVED, HUMERUS_MORPH"},
    {"MED_EPICONDYLE_L", {0.1790f, 1.1110f, 0.0240f}, "DERIVED, HUMERUS_MORPH"},
    {"LAT_EPICONDYLE_L", {0.2430f, 1.1110f, 0.0300f}, "DERIVED, HUMERUS_MORPH"},
    {"CAPITULUM_L", {0.2290f, 1.1010f, 0.0360f}, "DERIVED, HUMERUS_MORPH"},
    {"TROCHLEA_L", {0.2050f, 1.0990f, 0.0320f}, "DERIVED, HUMERUS_MORPH"},
    {"OLECRANON_TIP_L", {0.2110f, 1.1170f, 0.0060f}, "DERIVED, HUMERUS_MORPH"},
    {"RADIAL_HEAD_L", {0.2310f, 1.0830f, 0.0360f}, "DERIVED, FOREARM_MORPH"},
    {"RADIAL_STYLOID_L", {0.2290f, 0.8320f, 0.0610f}, "DERIVED, FOREARM_MORPH"},
    {"ULNAR_STYLOID_L", {0.2270f, 0.8380f, 0.0130f}, "DERIVED, FOREARM_MORPH"},
    {"TP_C1_L", {0.0390f, 1.6200f, 0.0631f}, "DERIVED from VB_C1, VERT_MORPH"},
    {"TP_C2_L", {0.0290f, 1.6060f, 0.0478f}, "DERIVED from VB_C2, VERT_MORPH"},
    {"TP_C3_L", {0.0270f, 1.5880f, 0.0624f}, "DERIVED from VB_C3, VERT_MORPH"},
    {"TP_C4_L", {0.0270f, 1.5700f, 0.0670f}, "DERIVED from VB_C4, VERT_MORPH"},
    {"TP_C5_L", {0.0280f, 1.5520f, 0.0615f}, "DERIVED from VB_C5, VERT_MORPH"},
    {"TP_C6_L", {0.0300f, 1.5350f, 0.0383f}, "DERIVED from VB_C6, VERT_MORPH"},
    {"TP_C7_L", {0.0350f, 1.5237f, 0.0334f}, "DERIVED from VB_C7, VERT_MORPH"},
    {"TP_T1_L", {0.0309f, 1.5058f, 0.0128f}, "DERIVED from RIB1_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_T2_L", {0.0309f, 1.4799f, 0.0033f}, "DERIVED from RIB2_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_T3_L", {0.0354f, 1.4513f, -0.0053f}, "DERIVED from RIB3_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_T4_L", {0.0354f, 1.4251f, -0.0127f}, "DERIVED from RIB4_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_T5_L", {0.0354f, 1.4120f, -0.0155f}, "DERIVED from RIB5_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_T6_L", {0.0354f, 1.3816f, -0.0228f}, "DERIVED from RIB6_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_T7_L", {0.0354f, 1.3506f, -0.0261f}, "DERIVED from RIB7_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_T8_L", {0.0354f, 1.3192f, -0.0287f}, "DERIVED from RIB8_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_T9_L", {0.0354f, 1.2928f, -0.0279f}, "DERIVED from RIB9_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_T10_L", {0.0354f, 1.2533f, -0.0228f}, "DERIVED from RIB10_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_T11_L", {0.0354f, 1.2260f, -0.0161f}, "DERIVED from RIB11_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_T12_L", {0.0354f, 1.1978f, -0.0058f}, "DERIVED from RIB12_TUB_L (rib k articulates with TP of Tk)"},
    {"TP_L1_L", {0.0350f, 1.1572f, 0.0172f}, "DERIVED from VB_L1, VERT_MORPH"},
    {"TP_L2_L", {0.0390f, 1.1317f, 0.0288f}, "DERIVED from VB_L2, VERT_MORPH"},
    {"TP_L3_L", {0.0440f, 1.1053f, 0.0347f}, "DERIVED from VB_L3, VERT_MORPH"},
    {"TP_L4_L", {0.0430f, 1.0788f, 0.0339f}, "DERIVED from VB_L4, VERT_MORPH"},
    {"TP_L5_L", {0.0460f, 1.0551f, 0.0269f}, "DERIVED from VB_L5, VERT_MORPH"},
    {"CRANIUM_VERTEX_BONE", {0.0000f, 1.7445f, 0.0500f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"GLABELLA_BONE", {0.0000f, 1.6510f, 0.1485f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"OPISTHOCRANION_BONE", {0.0000f, 1.6550f, -0.0390f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"EURYON_L", {0.0735f, 1.6760f, 0.0350f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"FRONTOTEMPORALE_L", {0.0530f, 1.6720f, 0.1220f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"PORION_L", {0.0660f, 1.6220f, 0.0530f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"ORBITALE_L", {0.0330f, 1.6200f, 0.1300f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"SNL_3_L", {0.0440f, 1.6260f, -0.0115f}, "DERIVED from INION, SNL_1_L, SNL_2_L"},
    {"SNL_4_L", {0.0560f, 1.6200f, 0.0040f}, "DERIVED from INION, SNL_1_L, SNL_2_L"},
    {"SNL_5_L", {0.0620f, 1.6130f, 0.0160f}, "DERIVED from INION, SNL_1_L, SNL_2_L"},
    {"MASTOID_BASE_L", {0.0600f, 1.6100f, 0.0300f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"MASTOID_TIP_L", {0.0500f, 1.5940f, 0.0360f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"EXT_OCC_CREST_MID", {0.0000f, 1.6120f, -0.0120f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"OPISTHION", {0.0000f, 1.5990f, 0.0400f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"BASION", {0.0000f, 1.6030f, 0.0770f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"OCC_CONDYLE_L", {0.0210f, 1.6000f, 0.0620f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"ZYGION_L", {0.0660f, 1.6120f, 0.0850f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"ZYG_ARCH_POST_L", {0.0640f, 1.6170f, 0.0680f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"ZYG_ARCH_ANT_L", {0.0580f, 1.6100f, 0.1100f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"CONDYLION_L", {0.0590f, 1.6130f, 0.0690f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"CORONOID_TIP_L", {0.0500f, 1.6060f, 0.0980f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"GONION_L", {0.0490f, 1.5600f, 0.0750f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"MENTON_BONE", {0.0000f, 1.5210f, 0.1420f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"POGONION", {0.0000f, 1.5300f, 0.1480f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"NASION", {0.0000f, 1.6380f, 0.1410f}, "DERIVED, HEAD_MORPH, SOFT_TISSUE"},
    {"ACETAB_RIM_SUP_L", {0.1058f, 0.9187f, 0.0678f}, "DERIVED, PELVIS_MORPH"},
    {"ACETAB_RIM_ANT_L", {0.0798f, 0.9000f, 0.0872f}, "DERIVED, PELVIS_MORPH"},
    {"ACETAB_RIM_INF_L", {0.0702f, 0.8813f, 0.0562f}, "DERIVED, PELVIS_MORPH"},
    {"ACETAB_RIM_POST_L", {0.0962f, 0.9000f, 0.0368f}, "DERIVED, PELVIS_MORPH"},
    {"PUBIC_SYMPHYSIS_SUP", {0.0000f, 0.8840f, 0.1080f}, "DERIVED, PELVIS_MORPH"},
    {"PUBIC_SYMPHYSIS_INF", {0.0000f, 0.8460f, 0.0940f}, "DERIVED, PELVIS_MORPH"},
    {"PUBIC_TUBERCLE_L", {0.0240f, 0.8840f, 0.1060f}, "DERIVED, PELVIS_MORPH"},
    {"ISCHIAL_TUBEROSITY_L", {0.0580f, 0.8150f, 0.0100f}, "DERIVED, PELVIS_MORPH"},
    {"OBTURATOR_FORAMEN_L", {0.0500f, 0.8520f, 0.0750f}, "DERIVED, PELVIS_MORPH"},
    {"SACRAL_PROMONTORY", {0.0000f, 1.0280f, 0.0700f}, "DERIVED, PELVIS_MORPH"},
    {"SACRAL_ALA_L", {0.0500f, 1.0300f, 0.0550f}, "DERIVED, PELVIS_MORPH"},
    {"SACRUM_APEX", {0.0000f, 0.9500f, 0.0020f}, "DERIVED, PELVIS_MORPH"},
    {"COCCYX_TIP", {0.0000f, 0.9160f, 0.0140f}, "DERIVED, PELVIS_MORPH"},
    {"SI_JOINT_L", {0.0400f, 1.0000f, -0.0180f}, "DERIVED, PELVIS_MORPH"},
    {"ILIAC_FOSSA_L", {0.0860f, 1.0000f, 0.0550f}, "DERIVED, PELVIS_MORPH"},
};

}  // namespace

std::span<const BoneLandmark> boneLandmarkTable() { return kBoneLandmarks; }

glm::vec3 boneLandmark(std::string_view id) {
  bool right = id.ends_with("_R");
  std::string key(id);
  if (right) key.back() = 'L';
  for (const BoneLandmark& l : kBoneLandmarks) {
    if (l.id == key) return right ? mirrorX(l.pos) : l.pos;
  }
  return landmark(id);
}

glm::vec3 restBoneLandmark(std::string_view id) {
  static const std::string_view kArm[] = {"GT_", "LT_", "HUMERAL_HEAD", "ANAT_NECK", "SURG_NECK", "HUM_MIDSHAFT",
                                          "MED_EPICONDYLE", "LAT_EPICONDYLE", "CAPITULUM", "TROCHLEA",
                                          "OLECRANON", "RADIAL_", "ULNAR_"};
  for (std::string_view prefix : kArm) {
    if (id.starts_with(prefix)) {
      bool right = id.ends_with("_R");
      glm::vec3 p = boneLandmark(id);
      glm::vec3 l = abductLeftArm(right ? mirrorX(p) : p);
      return right ? mirrorX(l) : l;
    }
  }
  bool table = false;
  for (const BoneLandmark& l : kBoneLandmarks) table = table || l.id == id;
  return table ? boneLandmark(id) : restLandmark(id);
}

glm::vec3 drawnBonePoint(std::string_view id) {
  if (id == "CORACOID_TIP_L") {
    // The figure's tip is 60 mm from the acromion's tip; dry bones give 31-39 mm (CORACOID_ASIA2017). The
    // drawn tip lies on the same line from the acromion, 35 mm from it.
    glm::vec3 acromion = boneLandmark("ACROMION_ANT_TIP_L"), tip = boneLandmark("CORACOID_TIP_L");
    return acromion + (tip - acromion) * (0.035f / glm::length(tip - acromion));
  }
  if (id == "CLAV_85_L") {
    // The figure's axis has only 3 mm of lateral concavity; the published S (CLAV_BACHOURA) needs about
    // 10 mm, so the drawn axis passes 6 mm further back at 85 % of the length.
    return boneLandmark(id) + glm::vec3(0.0f, 0.0f, -0.006f);
  }
  // The skull base sits 17-20 mm under the tragion (HEAD_MORPH) while the figure's atlas is above it: the
  // upper cervical vertebrae are drawn lower, C1 by 20 mm, C2 by 12 mm, C3 by 6 mm.
  for (auto [level, drop] : {std::pair{"C1", 0.020f}, std::pair{"C2", 0.012f}, std::pair{"C3", 0.006f}}) {
    std::string_view s = id;
    if ((s.starts_with("VB_") || s.starts_with("SP_")) && s.substr(3) == level) return boneLandmark(id) - glm::vec3(0, drop, 0);
    if (s.starts_with("TP_") && s.substr(3, s.size() - 5) == level) return boneLandmark(id) - glm::vec3(0, drop, 0);
  }
  return restBoneLandmark(id);
}

HandFrame leftHandFrame() {
  glm::vec3 wrist = restLandmark("WRIST_CENTRE_L"), tip = restLandmark("FINGERTIP_L");
  HandFrame f;
  f.origin = wrist;
  f.y = glm::normalize(tip - wrist);
  f.z = {0.0f, 0.0f, 1.0f};
  f.x = glm::normalize(glm::cross(f.y, f.z));
  return f;
}

std::vector<Digit> handDigits() {
  // Millimetres along the hand axis from the wrist centre: knuckle, offset to the thumb side, knuckle-to-tip
  // length (the tips 10, 0, 11 and 36 mm behind the middle one), width; relaxed spread and curl (MCP 8,
  // PIP 18, DIP 8 degrees); segments 0.45 : 0.30 : 0.25.
  struct Finger {
    float knuckle, offset, length, width, spread;
  };
  const Finger fingers[] = {{100, 24, 82, 19, 6}, {109, 6, 83, 20, 0}, {104, -12, 77, 18, -5}, {94, -30, 62, 16, -10}};
  const float mm = 0.001f;
  std::vector<Digit> out;
  {
    // Thumb: 58 mm from its knuckle, resting 35 degrees from the index and a little toward the palm.
    Digit t;
    t.base = glm::vec3(-1, 16, 18) * mm;
    glm::vec3 k = glm::vec3(2, 40, 36) * mm;
    glm::vec3 dir = glm::normalize(glm::vec3(0.22f, 0.82f, 0.53f));
    glm::vec3 dir2 = glm::normalize(glm::vec3(0.32f, 0.82f, 0.47f));
    t.joints = {k, k + dir * (32 * mm), k + dir * (32 * mm) + dir2 * (26 * mm)};
    t.width = 22 * mm;
    out.push_back(t);
  }
  const float curl[] = {8, 26, 34};
  const float split[] = {0.45f, 0.30f, 0.25f};
  for (const Finger& f : fingers) {
    Digit d;
    d.base = glm::vec3(-2, 32, f.offset * 0.55f) * mm;
    glm::vec3 p = glm::vec3(-2, f.knuckle, f.offset) * mm;
    d.joints = {p};
    float s = glm::radians(f.spread);
    for (int k = 0; k < 3; ++k) {
      float c = glm::radians(curl[k]);
      glm::vec3 dir = glm::normalize(glm::vec3(std::sin(c), std::cos(c) * std::cos(s), std::cos(c) * std::sin(s)));
      p += dir * (f.length * split[k] * mm);
      d.joints.push_back(p);
    }
    d.width = f.width * mm;
    out.push_back(d);
  }
  return out;
}

}  // namespace myo::anatomy
