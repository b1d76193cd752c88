// anatomy/landmarks_deep.cpp: landmarks of the deep layers, bone forms and face of the same reference subject
// (scapular fossae and borders, humeral facets and crests, rib angles and muscle slips, transverse-process tips,
// skull and face, pelvis, erector spinae and thoracolumbar fascia borders), re-expressed as a lookup table. Each
// row names its source keys and confidence; DERIVED rows were placed from the existing landmarks by a stated
// rule (see docs/model.md).
#include "anatomy/landmarks.hpp"

namespace myo::anatomy {

namespace {

// Left side and midline only; the right side is the mirror image.
const Landmark kDeepLandmarks[] = {
    {"SPINE_BASE_08_L", {0.0943, 1.4072, -0.0303}, false, {}},  // DERIVED from SPINE_SUP/INF_08_L; medium
    {"SPINE_BASE_15_L", {0.0997, 1.4080, -0.0259}, false, {}},  // DERIVED from SPINE_SUP/INF_15_L; medium
    {"SPINE_BASE_30_L", {0.1120, 1.4100, -0.0159}, false, {}},  // DERIVED from SPINE_SUP/INF_30_L; medium
    {"SPINE_BASE_50_L", {0.1285, 1.4126, -0.0024}, false, {}},  // DERIVED from SPINE_SUP/INF_50_L; medium
    {"SPINOGLENOID_NOTCH_L", {0.1542, 1.4071, 0.0114}, false, {}},  // DERIVED; medium
    {"GLENOID_SUP_L", {0.1697, 1.4104, 0.0294}, false, {}},  // DERIVED, SCAP_MORPH; medium
    {"GLENOID_INF_L", {0.1668, 1.3756, 0.0212}, false, {}},  // DERIVED, SCAP_MORPH; medium
    {"GLENOID_ANT_L", {0.1608, 1.3908, 0.0359}, false, {}},  // DERIVED, SCAP_MORPH; medium
    {"GLENOID_POST_L", {0.1774, 1.3952, 0.0147}, false, {}},  // DERIVED, SCAP_MORPH; medium
    {"SSP_FOSSA_MED_L", {0.0966, 1.4328, -0.0194}, false, {}},  // DERIVED; medium
    {"SSP_FOSSA_MID_L", {0.1141, 1.4269, -0.0056}, false, {}},  // DERIVED; medium
    {"SSP_FOSSA_LAT_L", {0.1367, 1.4208, 0.0083}, false, {}},  // DERIVED; medium
    {"SSP_TENDON_GUIDE_L", {0.2008, 1.4201, 0.0366}, false, {}},  // DERIVED; medium
    {"ISP_FOSSA_SUP_L", {0.1203, 1.3862, -0.0169}, false, {}},  // DERIVED; medium
    {"ISP_FOSSA_MID_L", {0.1159, 1.3560, -0.0280}, false, {}},  // DERIVED; medium
    {"ISP_FOSSA_INF_L", {0.1061, 1.3235, -0.0411}, false, {}},  // DERIVED; medium
    {"ISP_ORIG_INF_L", {0.0953, 1.3157, -0.0499}, false, {}},  // DERIVED; medium
    {"TMIN_ORIG_SUP_L", {0.1556, 1.3661, 0.0039}, false, {}},  // DERIVED; medium
    {"TMIN_ORIG_MID_L", {0.1406, 1.3520, -0.0107}, false, {}},  // DERIVED; medium
    {"TMIN_ORIG_INF_L", {0.1251, 1.3363, -0.0262}, false, {}},  // DERIVED; medium
    {"TMAJ_ORIG_SUP_L", {0.1172, 1.3293, -0.0338}, false, {}},  // DERIVED; medium
    {"TMAJ_ORIG_MID_L", {0.1022, 1.3152, -0.0484}, false, {}},  // DERIVED; medium
    {"TMAJ_ORIG_INF_L", {0.1003, 1.3095, -0.0498}, false, {}},  // DERIVED; medium
    {"SA_INS_SUP_L", {0.0851, 1.4542, -0.0227}, false, {}},  // DERIVED from SCAP_SUP_ANGLE_L; medium
    {"SA_INS_MB1_L", {0.0866, 1.4293, -0.0266}, false, {}},  // DERIVED from SCAP_MB_1_L; medium
    {"SA_INS_MB2_L", {0.0879, 1.4089, -0.0298}, false, {}},  // DERIVED from SCAP_ROOT_SPINE_L; medium
    {"SA_INS_MB3_L", {0.0902, 1.3725, -0.0356}, false, {}},  // DERIVED from SCAP_MB_2_L; medium
    {"SA_INS_MB4_L", {0.0926, 1.3351, -0.0415}, false, {}},  // DERIVED from SCAP_MB_3_L; medium
    {"SA_INS_INF_L", {0.1020, 1.3108, -0.0380}, false, {}},  // DERIVED; medium
    {"SSC_ORIG_1_L", {0.0927, 1.4364, -0.0165}, false, {}},  // DERIVED; medium
    {"SSC_ORIG_2_L", {0.0933, 1.4069, -0.0222}, false, {}},  // DERIVED; medium
    {"SSC_ORIG_3_L", {0.0951, 1.3673, -0.0290}, false, {}},  // DERIVED; medium
    {"SSC_ORIG_4_L", {0.0984, 1.3274, -0.0347}, false, {}},  // DERIVED; medium
    // DERIVED from the acromion outline points, ACROMION_MORPH; medium
    {"ACROMION_UNDERSURFACE_L", {0.1940, 1.4277, 0.0380}, false, {}},
    {"CORACOID_BASE_L", {0.1495, 1.4113, 0.0292}, false, {}},  // DERIVED; low
    {"CORACOID_KNEE_L", {0.1466, 1.4229, 0.0500}, false, {}},  // DERIVED; low
    {"ACROMION_AC_FACET_L", {0.1745, 1.4422, 0.0396}, false, {}},  // DERIVED, AC_GAP; medium
    {"GT_TOP_L", {0.2157, 1.4113, 0.0401}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"GT_SS_FACET_ANT_L", {0.2110, 1.4079, 0.0531}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"GT_SS_FACET_POST_L", {0.2169, 1.4091, 0.0393}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"GT_IS_FACET_SUP_L", {0.2192, 1.4033, 0.0268}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"GT_IS_FACET_INF_L", {0.2136, 1.3961, 0.0162}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"GT_TM_FACET_SUP_L", {0.2081, 1.3877, 0.0132}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"GT_TM_FACET_INF_L", {0.2034, 1.3797, 0.0159}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"TMIN_INS_SHAFT_L", {0.2014, 1.3579, 0.0202}, false, {}},  // DERIVED, HUMERUS_MORPH; low
    {"LT_SUP_L", {0.1924, 1.3894, 0.0642}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"LT_INF_L", {0.1912, 1.3762, 0.0563}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"TMAJ_INS_SUP_L", {0.1917, 1.3534, 0.0547}, false, {}},  // DERIVED from ITG_LD_SUP_L, HUMERUS_MORPH; medium
    {"TMAJ_INS_MID_L", {0.1931, 1.3344, 0.0542}, false, {}},  // DERIVED from ITG_LD_MID_L, HUMERUS_MORPH; medium
    {"TMAJ_INS_INF_L", {0.1947, 1.3124, 0.0535}, false, {}},  // DERIVED from ITG_LD_INF_L, HUMERUS_MORPH; medium
    {"HUMERAL_HEAD_POLE_L", {0.1784, 1.4099, 0.0311}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"ANAT_NECK_SUP_L", {0.2046, 1.4140, 0.0448}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"ANAT_NECK_POST_L", {0.2009, 1.3985, 0.0152}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"ANAT_NECK_INF_L", {0.1757, 1.3803, 0.0278}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"ANAT_NECK_ANT_L", {0.1794, 1.3958, 0.0575}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"SURG_NECK_L", {0.1975, 1.3451, 0.0367}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"HUM_MIDSHAFT_L", {0.2045, 1.2490, 0.0340}, false, {}},  // DERIVED, HUMERUS_MORPH; high
    {"MED_EPICONDYLE_L", {0.1790, 1.1110, 0.0240}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"LAT_EPICONDYLE_L", {0.2430, 1.1110, 0.0300}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"CAPITULUM_L", {0.2290, 1.1010, 0.0360}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"TROCHLEA_L", {0.2050, 1.0990, 0.0320}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"OLECRANON_TIP_L", {0.2110, 1.1170, 0.0060}, false, {}},  // DERIVED, HUMERUS_MORPH; medium
    {"RADIAL_HEAD_L", {0.2310, 1.0830, 0.0360}, false, {}},  // DERIVED, FOREARM_MORPH; medium
    {"RADIAL_STYLOID_L", {0.2290, 0.8320, 0.0610}, false, {}},  // DERIVED, FOREARM_MORPH; medium
    {"ULNAR_STYLOID_L", {0.2270, 0.8380, 0.0130}, false, {}},  // DERIVED, FOREARM_MORPH; medium
    {"RIB1_ANGLE_L", {0.0450, 1.4936, -0.0057}, false, {}},  // ribs_schematic rib_1_L[1]; low
    {"RIB1_TUB_L", {0.0289, 1.5028, 0.0188}, false, {}},  // ribs_schematic rib_1_L[0..1]; low
    {"RIB2_ANGLE_L", {0.0450, 1.4677, -0.0151}, false, {}},  // ribs_schematic rib_2_L[1]; low
    {"RIB2_TUB_L", {0.0289, 1.4769, 0.0093}, false, {}},  // ribs_schematic rib_2_L[0..1]; low
    {"RIB3_ANGLE_L", {0.0600, 1.4329, -0.0271}, false, {}},  // ribs_schematic rib_3_L[1]; low
    {"RIB3_TUB_L", {0.0334, 1.4483, 0.0007}, false, {}},  // ribs_schematic rib_3_L[0..1]; low
    {"RIB4_ANGLE_L", {0.0600, 1.4067, -0.0358}, false, {}},  // ribs_schematic rib_4_L[1]; low
    {"RIB4_TUB_L", {0.0334, 1.4221, -0.0067}, false, {}},  // ribs_schematic rib_4_L[0..1]; low
    {"RIB5_ANGLE_L", {0.0600, 1.3936, -0.0397}, false, {}},  // ribs_schematic rib_5_L[1]; low
    {"RIB5_TUB_L", {0.0334, 1.4090, -0.0095}, false, {}},  // ribs_schematic rib_5_L[0..1]; low
    {"RIB6_ANGLE_L", {0.0600, 1.3632, -0.0469}, false, {}},  // ribs_schematic rib_6_L[1]; low
    {"RIB6_TUB_L", {0.0334, 1.3786, -0.0168}, false, {}},  // ribs_schematic rib_6_L[0..1]; low
    {"RIB7_ANGLE_L", {0.0600, 1.3322, -0.0514}, false, {}},  // ribs_schematic rib_7_L[1]; low
    {"RIB7_TUB_L", {0.0334, 1.3476, -0.0201}, false, {}},  // ribs_schematic rib_7_L[0..1]; low
    {"RIB8_ANGLE_L", {0.0600, 1.3008, -0.0531}, false, {}},  // ribs_schematic rib_8_L[1]; low
    {"RIB8_TUB_L", {0.0334, 1.3162, -0.0227}, false, {}},  // ribs_schematic rib_8_L[0..1]; low
    {"RIB9_ANGLE_L", {0.0600, 1.2744, -0.0521}, false, {}},  // ribs_schematic rib_9_L[1]; low
    {"RIB9_TUB_L", {0.0334, 1.2898, -0.0219}, false, {}},  // ribs_schematic rib_9_L[0..1]; low
    {"RIB10_ANGLE_L", {0.0600, 1.2349, -0.0465}, false, {}},  // ribs_schematic rib_10_L[1]; low
    {"RIB10_TUB_L", {0.0334, 1.2503, -0.0168}, false, {}},  // ribs_schematic rib_10_L[0..1]; low
    {"RIB11_ANGLE_L", {0.0600, 1.2076, -0.0396}, false, {}},  // ribs_schematic rib_11_L[1]; low
    {"RIB11_TUB_L", {0.0334, 1.2230, -0.0101}, false, {}},  // ribs_schematic rib_11_L[0..1]; low
    {"RIB12_ANGLE_L", {0.0600, 1.1794, -0.0297}, false, {}},  // ribs_schematic rib_12_L[1]; low
    {"RIB12_TUB_L", {0.0334, 1.1948, 0.0002}, false, {}},  // ribs_schematic rib_12_L[0..1]; low
    {"RIB1_SA_L", {0.0529, 1.4743, 0.0499}, false, {}},  // ribs_schematic rib_1_L, ANAT; low
    {"RIB2_SA_L", {0.0859, 1.4332, 0.0289}, false, {}},  // ribs_schematic rib_2_L, ANAT; low
    {"RIB3_SA_L", {0.0968, 1.3889, 0.0370}, false, {}},  // ribs_schematic rib_3_L, ANAT; low
    {"RIB4_SA_L", {0.1048, 1.3455, 0.0509}, false, {}},  // ribs_schematic rib_4_L, ANAT; low
    {"RIB5_SA_L", {0.1110, 1.3216, 0.0587}, false, {}},  // ribs_schematic rib_5_L, ANAT; low
    {"RIB6_SA_L", {0.1162, 1.2812, 0.0675}, false, {}},  // ribs_schematic rib_6_L, ANAT; low
    {"RIB7_SA_L", {0.1222, 1.2417, 0.0628}, false, {}},  // ribs_schematic rib_7_L, ANAT; low
    {"RIB8_SA_L", {0.1286, 1.2034, 0.0513}, false, {}},  // ribs_schematic rib_8_L, ANAT; low
    {"RIB9_SA_L", {0.1332, 1.1694, 0.0444}, false, {}},  // ribs_schematic rib_9_L, ANAT; low
    {"RIB5_EO_L", {0.1031, 1.3164, 0.0808}, false, {}},  // ribs_schematic rib_5_L, ANAT; low
    {"RIB6_EO_L", {0.1104, 1.2774, 0.0844}, false, {}},  // ribs_schematic rib_6_L, ANAT; low
    {"RIB7_EO_L", {0.1174, 1.2387, 0.0753}, false, {}},  // ribs_schematic rib_7_L, ANAT; low
    {"RIB8_EO_L", {0.1238, 1.2009, 0.0625}, false, {}},  // ribs_schematic rib_8_L, ANAT; low
    {"RIB9_EO_L", {0.1283, 1.1674, 0.0539}, false, {}},  // ribs_schematic rib_9_L, ANAT; low
    {"RIB10_EO_L", {0.1300, 1.1250, 0.0476}, false, {}},  // ribs_schematic rib_10_L, ANAT; low
    {"RIB11_EO_L", {0.1192, 1.1283, 0.0114}, false, {}},  // ribs_schematic rib_11_L, ANAT; low
    {"RIB12_EO_L", {0.0935, 1.1301, 0.0017}, false, {}},  // ribs_schematic rib_12_L, ANAT; low
    {"RIB2_SPS_L", {0.0547, 1.4629, -0.0135}, false, {}},  // ribs_schematic rib_2_L, ANAT; low
    {"RIB3_SPS_L", {0.0685, 1.4248, -0.0265}, false, {}},  // ribs_schematic rib_3_L, ANAT; low
    {"RIB4_SPS_L", {0.0717, 1.3986, -0.0350}, false, {}},  // ribs_schematic rib_4_L, ANAT; low
    {"RIB5_SPS_L", {0.0739, 1.3856, -0.0386}, false, {}},  // ribs_schematic rib_5_L, ANAT; low
    {"RIB9_SPI_L", {0.0760, 1.2592, -0.0473}, false, {}},  // ribs_schematic rib_9_L, ANAT; low
    {"RIB10_SPI_L", {0.0761, 1.2197, -0.0404}, false, {}},  // ribs_schematic rib_10_L, ANAT; low
    {"RIB11_SPI_L", {0.0762, 1.1924, -0.0325}, false, {}},  // ribs_schematic rib_11_L, ANAT; low
    {"RIB12_SPI_L", {0.0679, 1.1642, -0.0219}, false, {}},  // ribs_schematic rib_12_L, ANAT; low
    {"TP_C1_L", {0.0390, 1.6200, 0.0631}, false, {}},  // DERIVED from VB_C1, VERT_MORPH; low
    {"TP_C2_L", {0.0290, 1.6060, 0.0478}, false, {}},  // DERIVED from VB_C2, VERT_MORPH; low
    {"TP_C3_L", {0.0270, 1.5880, 0.0624}, false, {}},  // DERIVED from VB_C3, VERT_MORPH; low
    {"TP_C4_L", {0.0270, 1.5700, 0.0670}, false, {}},  // DERIVED from VB_C4, VERT_MORPH; low
    {"TP_C5_L", {0.0280, 1.5520, 0.0615}, false, {}},  // DERIVED from VB_C5, VERT_MORPH; low
    {"TP_C6_L", {0.0300, 1.5350, 0.0383}, false, {}},  // DERIVED from VB_C6, VERT_MORPH; low
    {"TP_C7_L", {0.0350, 1.5237, 0.0334}, false, {}},  // DERIVED from VB_C7, VERT_MORPH; low
    {"TP_T1_L", {0.0309, 1.5058, 0.0128}, false, {}},  // DERIVED from RIB1_TUB_L (rib k articulates with TP of Tk); low
    {"TP_T2_L", {0.0309, 1.4799, 0.0033}, false, {}},  // DERIVED from RIB2_TUB_L (rib k articulates with TP of Tk); low
    // DERIVED from RIB3_TUB_L (rib k articulates with TP of Tk); low
    {"TP_T3_L", {0.0354, 1.4513, -0.0053}, false, {}},
    // DERIVED from RIB4_TUB_L (rib k articulates with TP of Tk); low
    {"TP_T4_L", {0.0354, 1.4251, -0.0127}, false, {}},
    // DERIVED from RIB5_TUB_L (rib k articulates with TP of Tk); low
    {"TP_T5_L", {0.0354, 1.4120, -0.0155}, false, {}},
    // DERIVED from RIB6_TUB_L (rib k articulates with TP of Tk); low
    {"TP_T6_L", {0.0354, 1.3816, -0.0228}, false, {}},
    // DERIVED from RIB7_TUB_L (rib k articulates with TP of Tk); low
    {"TP_T7_L", {0.0354, 1.3506, -0.0261}, false, {}},
    // DERIVED from RIB8_TUB_L (rib k articulates with TP of Tk); low
    {"TP_T8_L", {0.0354, 1.3192, -0.0287}, false, {}},
    // DERIVED from RIB9_TUB_L (rib k articulates with TP of Tk); low
    {"TP_T9_L", {0.0354, 1.2928, -0.0279}, false, {}},
    // DERIVED from RIB10_TUB_L (rib k articulates with TP of Tk); low
    {"TP_T10_L", {0.0354, 1.2533, -0.0228}, false, {}},
    // DERIVED from RIB11_TUB_L (rib k articulates with TP of Tk); low
    {"TP_T11_L", {0.0354, 1.2260, -0.0161}, false, {}},
    // DERIVED from RIB12_TUB_L (rib k articulates with TP of Tk); low
    {"TP_T12_L", {0.0354, 1.1978, -0.0058}, false, {}},
    {"TP_L1_L", {0.0350, 1.1572, 0.0172}, false, {}},  // DERIVED from VB_L1, VERT_MORPH; low
    {"TP_L2_L", {0.0390, 1.1317, 0.0288}, false, {}},  // DERIVED from VB_L2, VERT_MORPH; low
    {"TP_L3_L", {0.0440, 1.1053, 0.0347}, false, {}},  // DERIVED from VB_L3, VERT_MORPH; low
    {"TP_L4_L", {0.0430, 1.0788, 0.0339}, false, {}},  // DERIVED from VB_L4, VERT_MORPH; low
    {"TP_L5_L", {0.0460, 1.0551, 0.0269}, false, {}},  // DERIVED from VB_L5, VERT_MORPH; low
    // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"CRANIUM_VERTEX_BONE", {0.0000, 1.7445, 0.0500}, true, {0.0000, 1.7500, 0.0500}},
    // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"GLABELLA_BONE", {0.0000, 1.6510, 0.1485}, true, {0.0000, 1.6510, 0.1540}},
    // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"OPISTHOCRANION_BONE", {0.0000, 1.6550, -0.0390}, true, {0.0000, 1.6550, -0.0450}},
    {"EURYON_L", {0.0735, 1.6760, 0.0350}, true, {0.0775, 1.6760, 0.0350}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"FRONTOTEMPORALE_L", {0.0530, 1.6720, 0.1220}, true, {0.0570, 1.6720, 0.1240}},
    {"PORION_L", {0.0660, 1.6220, 0.0530}, false, {}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"ORBITALE_L", {0.0330, 1.6200, 0.1300}, true, {0.0340, 1.6190, 0.1360}},
    {"SNL_3_L", {0.0440, 1.6260, -0.0115}, false, {}},  // DERIVED from INION, SNL_1_L, SNL_2_L; medium
    {"SNL_4_L", {0.0560, 1.6200, 0.0040}, false, {}},  // DERIVED from INION, SNL_1_L, SNL_2_L; medium
    {"SNL_5_L", {0.0620, 1.6130, 0.0160}, false, {}},  // DERIVED from INION, SNL_1_L, SNL_2_L; medium
    {"MASTOID_BASE_L", {0.0600, 1.6100, 0.0300}, false, {}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"MASTOID_TIP_L", {0.0500, 1.5940, 0.0360}, true, {0.0580, 1.5900, 0.0320}},
    {"EXT_OCC_CREST_MID", {0.0000, 1.6120, -0.0120}, false, {}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; low
    {"OPISTHION", {0.0000, 1.5990, 0.0400}, false, {}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; low
    {"BASION", {0.0000, 1.6030, 0.0770}, false, {}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; low
    {"OCC_CONDYLE_L", {0.0210, 1.6000, 0.0620}, false, {}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; low
    {"ZYGION_L", {0.0660, 1.6120, 0.0850}, true, {0.0715, 1.6120, 0.0850}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"ZYG_ARCH_POST_L", {0.0640, 1.6170, 0.0680}, false, {}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"ZYG_ARCH_ANT_L", {0.0580, 1.6100, 0.1100}, false, {}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"CONDYLION_L", {0.0590, 1.6130, 0.0690}, false, {}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"CORONOID_TIP_L", {0.0500, 1.6060, 0.0980}, false, {}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; low
    {"GONION_L", {0.0490, 1.5600, 0.0750}, true, {0.0570, 1.5560, 0.0720}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"MENTON_BONE", {0.0000, 1.5210, 0.1420}, true, {0.0000, 1.5140, 0.1490}},
    {"POGONION", {0.0000, 1.5300, 0.1480}, true, {0.0000, 1.5280, 0.1590}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"NASION", {0.0000, 1.6380, 0.1410}, true, {0.0000, 1.6365, 0.1475}},  // DERIVED, HEAD_MORPH, SOFT_TISSUE; medium
    {"PRONASALE", {0.0000, 1.5960, 0.1760}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"SUBNASALE", {0.0000, 1.5855, 0.1580}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"ALARE_L", {0.0175, 1.5920, 0.1500}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"LABRALE_SUP", {0.0000, 1.5720, 0.1610}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"STOMION", {0.0000, 1.5610, 0.1560}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"LABRALE_INF", {0.0000, 1.5510, 0.1580}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"CHEILION_L", {0.0270, 1.5610, 0.1450}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"ENDOCANTHION_L", {0.0165, 1.6320, 0.1330}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"EXOCANTHION_L", {0.0455, 1.6340, 0.1180}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"PUPIL_L", {0.0320, 1.6340, 0.1380}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"BROW_L", {0.0340, 1.6520, 0.1460}, false, {}},  // DERIVED, FACE_MORPH; low
    {"EAR_SUPERAURALE_L", {0.0780, 1.6500, 0.0400}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"EAR_SUBAURALE_L", {0.0720, 1.5870, 0.0510}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"EAR_POSTAURALE_L", {0.0850, 1.6180, 0.0270}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"EAR_PREAURALE_L", {0.0690, 1.6320, 0.0610}, false, {}},  // DERIVED, FACE_MORPH; medium
    {"LARYNGEAL_PROMINENCE", {0.0000, 1.5480, 0.1210}, false, {}},  // DERIVED, NECK_MORPH; low
    {"SCM_CLAV_L", {0.0537, 1.4365, 0.0838}, false, {}},  // DERIVED from CLAV_25_L; medium
    {"ACETAB_RIM_SUP_L", {0.1058, 0.9187, 0.0678}, false, {}},  // DERIVED, PELVIS_MORPH; medium
    {"ACETAB_RIM_INF_L", {0.0702, 0.8813, 0.0562}, false, {}},  // DERIVED, PELVIS_MORPH; medium
    {"ACETAB_RIM_ANT_L", {0.0798, 0.9000, 0.0872}, false, {}},  // DERIVED, PELVIS_MORPH; medium
    {"ACETAB_RIM_POST_L", {0.0962, 0.9000, 0.0368}, false, {}},  // DERIVED, PELVIS_MORPH; medium
    {"PUBIC_SYMPHYSIS_SUP", {0.0000, 0.8840, 0.1080}, false, {}},  // DERIVED, PELVIS_MORPH; low
    {"PUBIC_SYMPHYSIS_INF", {0.0000, 0.8460, 0.0940}, false, {}},  // DERIVED, PELVIS_MORPH; low
    {"PUBIC_TUBERCLE_L", {0.0240, 0.8840, 0.1060}, false, {}},  // DERIVED, PELVIS_MORPH; low
    {"ISCHIAL_TUBEROSITY_L", {0.0580, 0.8150, 0.0100}, false, {}},  // DERIVED, PELVIS_MORPH; low
    {"OBTURATOR_FORAMEN_L", {0.0500, 0.8520, 0.0750}, false, {}},  // DERIVED, PELVIS_MORPH; low
    {"SACRAL_PROMONTORY", {0.0000, 1.0280, 0.0700}, false, {}},  // DERIVED, PELVIS_MORPH; low
    {"SACRAL_ALA_L", {0.0500, 1.0300, 0.0550}, false, {}},  // DERIVED, PELVIS_MORPH; low
    {"SACRUM_APEX", {0.0000, 0.9500, 0.0020}, false, {}},  // DERIVED, PELVIS_MORPH; low
    {"COCCYX_TIP", {0.0000, 0.9160, 0.0140}, false, {}},  // DERIVED, PELVIS_MORPH; low
    {"SI_JOINT_L", {0.0400, 1.0000, -0.0180}, false, {}},  // DERIVED, PELVIS_MORPH; low
    {"ILIAC_FOSSA_L", {0.0860, 1.0000, 0.0550}, false, {}},  // DERIVED, PELVIS_MORPH; low
    {"EO_APO_MID_L", {0.0800, 1.1100, 0.1620}, false, {}},  // DERIVED, ANAT; low
    {"EO_APO_LOW_L", {0.0850, 1.0000, 0.1400}, false, {}},  // DERIVED, ANAT; low
    {"ES_MED_T1_L", {0.0100, 1.4835, -0.0237}, false, {}},  // DERIVED from SP_T1, ES_MORPH; low
    {"ES_LI_T1_L", {0.0300, 1.4835, -0.0222}, false, {}},  // DERIVED from SP_T1, ES_MORPH; low
    {"ES_LAT_T1_L", {0.0500, 1.4835, -0.0192}, false, {}},  // DERIVED from SP_T1, ES_MORPH; low
    {"ES_MED_T3_L", {0.0100, 1.4316, -0.0420}, false, {}},  // DERIVED from SP_T3, ES_MORPH; low
    {"ES_LI_T3_L", {0.0320, 1.4316, -0.0403}, false, {}},  // DERIVED from SP_T3, ES_MORPH; low
    {"ES_LAT_T3_L", {0.0550, 1.4316, -0.0365}, false, {}},  // DERIVED from SP_T3, ES_MORPH; low
    {"ES_MED_T5_L", {0.0100, 1.3756, -0.0589}, false, {}},  // DERIVED from SP_T5, ES_MORPH; low
    {"ES_LI_T5_L", {0.0340, 1.3756, -0.0569}, false, {}},  // DERIVED from SP_T5, ES_MORPH; low
    {"ES_LAT_T5_L", {0.0600, 1.3756, -0.0524}, false, {}},  // DERIVED from SP_T5, ES_MORPH; low
    {"ES_MED_T7_L", {0.0100, 1.3143, -0.0655}, false, {}},  // DERIVED from SP_T7, ES_MORPH; low
    {"ES_LI_T7_L", {0.0360, 1.3143, -0.0633}, false, {}},  // DERIVED from SP_T7, ES_MORPH; low
    {"ES_LAT_T7_L", {0.0640, 1.3143, -0.0580}, false, {}},  // DERIVED from SP_T7, ES_MORPH; low
    {"ES_MED_T9_L", {0.0110, 1.2630, -0.0644}, false, {}},  // DERIVED from SP_T9, ES_MORPH; low
    {"ES_LI_T9_L", {0.0380, 1.2630, -0.0633}, false, {}},  // DERIVED from SP_T9, ES_MORPH; low
    {"ES_LAT_T9_L", {0.0680, 1.2630, -0.0560}, false, {}},  // DERIVED from SP_T9, ES_MORPH; low
    {"ES_MED_T11_L", {0.0120, 1.2099, -0.0541}, false, {}},  // DERIVED from SP_T11, ES_MORPH; low
    {"ES_LI_T11_L", {0.0400, 1.2099, -0.0539}, false, {}},  // DERIVED from SP_T11, ES_MORPH; low
    {"ES_LAT_T11_L", {0.0740, 1.2099, -0.0429}, false, {}},  // DERIVED from SP_T11, ES_MORPH; low
    {"ES_MED_L1_L", {0.0130, 1.1578, -0.0297}, false, {}},  // DERIVED from SP_L1, ES_MORPH; low
    {"ES_LI_L1_L", {0.0450, 1.1578, -0.0308}, false, {}},  // DERIVED from SP_L1, ES_MORPH; low
    {"ES_LAT_L1_L", {0.0800, 1.1578, -0.0148}, false, {}},  // DERIVED from SP_L1, ES_MORPH; low
    {"ES_MED_L3_L", {0.0150, 1.1007, -0.0186}, false, {}},  // DERIVED from SP_L3, ES_MORPH; low
    {"ES_LI_L3_L", {0.0500, 1.1007, -0.0194}, false, {}},  // DERIVED from SP_L3, ES_MORPH; low
    {"ES_LAT_L3_L", {0.0850, 1.1007, 0.0004}, false, {}},  // DERIVED from SP_L3, ES_MORPH; low
    {"ES_MED_L5_L", {0.0170, 1.0450, -0.0276}, false, {}},  // DERIVED from SP_L5, ES_MORPH; low
    {"ES_LI_L5_L", {0.0480, 1.0450, -0.0277}, false, {}},  // DERIVED from SP_L5, ES_MORPH; low
    {"ES_LAT_L5_L", {0.0750, 1.0450, -0.0120}, false, {}},  // DERIVED from SP_L5, ES_MORPH; low
    {"ES_MED_S1_L", {0.0150, 1.0221, -0.0382}, false, {}},  // DERIVED from SP_S1, ES_MORPH; low
    {"ES_LI_S1_L", {0.0400, 1.0221, -0.0377}, false, {}},  // DERIVED from SP_S1, ES_MORPH; low
    {"ES_LAT_S1_L", {0.0600, 1.0221, -0.0326}, false, {}},  // DERIVED from SP_S1, ES_MORPH; low
    {"TLF_LAT_T10_L", {0.0720, 1.2376, -0.0497}, false, {}},  // DERIVED from SP_T10, TLF; low
    {"TLF_LAT_T12_L", {0.0780, 1.1833, -0.0301}, false, {}},  // DERIVED from SP_T12, TLF; low
    {"TLF_LAT_L2_L", {0.0850, 1.1300, -0.0029}, false, {}},  // DERIVED from SP_L2, TLF; low
    {"TLF_LAT_L4_L", {0.0820, 1.0711, -0.0015}, false, {}},  // DERIVED from SP_L4, TLF; low
};

}  // namespace

std::span<const Landmark> deepLandmarkTable() { return kDeepLandmarks; }

}  // namespace myo::anatomy
