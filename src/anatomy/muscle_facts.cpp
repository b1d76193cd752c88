// anatomy/muscle_facts.cpp: what each muscle is made of and what the info cards say about it. Attachments
// and depths follow the reference figures (ultrasound thicknesses where measured); the text is our own.
#include "anatomy/muscles.hpp"

namespace myo::anatomy {

namespace {

// Depth under the skin surface (metres) of each layer's outer face: the subcutaneous fat comes first, then
// the trapezius, deltoid and pectoralis; the latissimus slides under the lower trapezius; the rhomboids lie
// under both.
constexpr float kSuperficial = 0.003f;
constexpr float kUnderTrapezius = 0.0085f;
constexpr float kDeep = 0.0145f;

const char* const kTrapeziusNerve =
    "Accessory nerve (cranial nerve XI) for movement; branches of the third and fourth cervical nerves carry "
    "its sense of position and pain.";

}  // namespace

const std::vector<MuscleSpec>& muscleSpecs() {
  static const std::vector<MuscleSpec> kSpecs = [] {
    std::vector<MuscleSpec> s;
    MuscleSpec m;

    m = {};
    m.name = "trapezius_descending";
    m.displayName = "Trapezius, descending (upper) part";
    m.part = "descending";
    m.origin = {"SNL_2_L", "SNL_1_L", "INION", "NUCHAL_C1", "NUCHAL_C2", "NUCHAL_C3", "NUCHAL_C4", "NUCHAL_C5",
                "NUCHAL_C6", "MID:NUCHAL_C6:SP_C7"};
    // Its lowest fibres reach the acromion's medial edge, where the transverse part begins, so the two
    // parts meet over the top of the shoulder without a gap.
    m.insertion = {"CLAV_POST_67_L", "CLAV_POST_85_L", "CLAV_POST_100_L", "ACROMION_MED_POST_L"};
    m.guides = {"NECK_BASE_LAT_L"};
    m.thickness = 0.008f;
    m.layer = {kSuperficial, kSuperficial + 0.008f};
    m.originText = "Inner third of the superior nuchal line, the external occipital protuberance and the nuchal "
                   "ligament down to the sixth cervical vertebra.";
    m.insertionText = "Back edge of the outer third of the clavicle; its lowest fibres reach the inner edge "
                      "of the acromion.";
    m.action = "Lifts the shoulder girdle (elevates the scapula) and, together with the lower part, swings the "
               "socket of the shoulder upward. With the shoulder fixed it draws the head back, tilts it to the "
               "same side and turns the face away.";
    m.innervation = kTrapeziusNerve;
    m.bloodSupply = "Branches of the occipital artery and the superficial branch of the transverse cervical "
                    "artery.";
    s.push_back(m);

    m = {};
    m.name = "trapezius_transverse";
    m.displayName = "Trapezius, transverse (middle) part";
    m.part = "transverse";
    m.origin = {"MID:NUCHAL_C6:SP_C7", "SP_C7", "SP_T1", "SP_T2", "SP_T3", "MID:SP_T3:SP_T4"};
    m.insertion = {"ACROMION_MED_POST_L", "SPINE_SUP_80_L", "SPINE_SUP_50_L", "SPINE_SUP_30_L"};
    m.thickness = 0.007f;
    m.layer = {kSuperficial, kSuperficial + 0.007f};
    m.originText = "Spinous processes of the seventh cervical to the third thoracic vertebra and the ligament "
                   "joining their tips.";
    m.insertionText = "Inner edge of the acromion and the upper lip of the spine of the scapula.";
    m.action = "Draws the shoulder blades together toward the spine (retraction) and holds them flat on the "
               "chest wall, balancing the forward pull of the chest muscles.";
    m.innervation = kTrapeziusNerve;
    m.bloodSupply = "Superficial branch of the transverse cervical artery, helped by the dorsal scapular "
                    "artery.";
    s.push_back(m);

    m = {};
    m.name = "trapezius_ascending";
    m.displayName = "Trapezius, ascending (lower) part";
    m.part = "ascending";
    m.origin = {"MID:SP_T3:SP_T4", "SP_T4", "SP_T5", "SP_T6", "SP_T7", "SP_T8", "SP_T9", "SP_T10", "SP_T11",
                "SP_T12"};
    m.insertion = {"SPINE_SUP_30_L", "SPINE_SUP_15_L", "SPINE_SUP_08_L"};
    m.thickness = 0.005f;
    m.layer = {kSuperficial, kSuperficial + 0.005f};
    m.originText = "Spinous processes of the fourth to the twelfth thoracic vertebra.";
    m.insertionText = "Through a short flat tendon onto the tubercle at the root of the spine of the scapula.";
    m.action = "Pulls the shoulder blade down (depression) and, by lowering its inner end, turns the shoulder "
               "socket upward together with the upper part; it also helps retraction when the arm reaches "
               "overhead.";
    m.innervation = kTrapeziusNerve;
    m.bloodSupply = "Dorsal scapular artery (deep branch of the transverse cervical artery) and back branches "
                    "of the posterior intercostal arteries.";
    s.push_back(m);

    m = {};
    m.name = "rhomboid_minor";
    m.displayName = "Rhomboid minor";
    m.origin = {"NUCHAL_C6", "SP_C7", "SP_T1"};
    m.insertion = {"SCAP_MB_RM_L", "SCAP_ROOT_SPINE_L"};
    m.thickness = 0.005f;
    m.layer = {kDeep, kDeep + 0.005f};
    m.originText = "Lower nuchal ligament and the spinous processes of the seventh cervical and first thoracic "
                   "vertebrae.";
    m.insertionText = "Inner (medial) border of the scapula level with the root of its spine.";
    m.action = "Lies under the trapezius and pulls the shoulder blade toward the spine (retraction) and "
               "slightly up, turning the shoulder socket downward; keeps the inner border against the ribs.";
    m.innervation = "Dorsal scapular nerve (fourth and mainly fifth cervical nerves).";
    m.bloodSupply = "Dorsal scapular artery and back branches of the upper posterior intercostal arteries.";
    s.push_back(m);

    m = {};
    m.name = "rhomboid_major";
    m.displayName = "Rhomboid major";
    m.origin = {"SP_T2", "SP_T3", "SP_T4", "SP_T5"};
    m.insertion = {"SCAP_MB_TSB_L", "SCAP_MB_2_L", "SCAP_MB_3_L", "SCAP_INF_ANGLE_L"};
    m.thickness = 0.0063f;
    m.layer = {kDeep, kDeep + 0.0063f};
    m.originText = "Spinous processes of the second to the fifth thoracic vertebra and the ligament over them.";
    m.insertionText = "Inner (medial) border of the scapula from the root of the spine down to the inferior "
                      "angle.";
    m.action = "Lies under the middle trapezius and pulls the shoulder blade toward the spine (retraction), "
               "turning the shoulder socket downward; with serratus anterior it keeps the inner border flat "
               "on the ribs.";
    m.innervation = "Dorsal scapular nerve (fourth and mainly fifth cervical nerves).";
    m.bloodSupply = "Dorsal scapular artery and back branches of the posterior intercostal arteries of the "
                    "second to fifth spaces.";
    s.push_back(m);

    m = {};
    m.name = "latissimus_dorsi";
    m.displayName = "Latissimus dorsi";
    m.origin = {"SP_T7", "SP_T8", "SP_T9", "SP_T10", "SP_T11", "SP_T12", "SP_L1", "SP_L2", "SP_L3", "SP_L4",
                "SP_L5", "SP_S1", "SP_S2", "PSIS_L", "ILIAC_CREST_POST2_L", "ILIAC_CREST_POST1_L", "RIB12_LAT_L",
                "RIB11_LAT_L", "RIB10_LAT_L", "RIB9_LAT_L"};
    m.insertion = {"ITG_LD_INF_L", "ITG_LD_MID_L", "ITG_LD_SUP_L"};
    m.guides = {"SCAP_INF_ANGLE_L", "AXILLA_POST_FOLD_L"};
    m.thickness = 0.005f;
    m.layer = {kUnderTrapezius, kUnderTrapezius + 0.005f};
    m.originText = "Spinous processes of the seventh thoracic vertebra down to the sacrum through the broad "
                   "thoracolumbar fascia, the back of the iliac crest and the lowest three or four ribs; a slip "
                   "often comes from the inferior angle of the scapula.";
    m.insertionText = "Floor of the intertubercular (bicipital) groove of the humerus, by a flat tendon that "
                      "twists so the highest fibres insert lowest.";
    m.action = "Moves the arm: adducts it, brings it back from the front (horizontal extension) and pulls it "
               "down from overhead (vertical adduction), turning it inward; draws the shoulder down and back "
               "and, with the hands fixed, lifts the trunk as in a pull-up.";
    m.innervation = "Thoracodorsal nerve (sixth to eighth cervical nerves) from the posterior cord of the "
                    "brachial plexus.";
    m.bloodSupply = "Thoracodorsal artery from the subscapular artery; segmental branches of the posterior "
                    "intercostal, subcostal and lumbar arteries near the spine.";
    s.push_back(m);

    m = {};
    m.name = "pectoralis_major";
    m.displayName = "Pectoralis major";
    m.origin = {"CLAV_ANT_50_L", "CLAV_ANT_25_L", "CLAV_ANT_0_L", "STERNUM_MANUBRIUM_L", "STERNUM_ANGLE_LAT_L",
                "STERNUM_BODY_MID_L", "STERNUM_XS_LAT_L", "COSTAL_CART_6_L", "EXT_OBLIQUE_APONEUROSIS_L"};
    m.insertion = {"PM_INS_INF_L", "PM_INS_MID_L", "PM_INS_SUP_L"};
    m.guides = {"AXILLA_ANT_FOLD_L", "NIPPLE_L"};
    m.thickness = 0.013f;
    m.layer = {kSuperficial, kSuperficial + 0.013f};
    m.originText = "Inner half of the clavicle, the front of the sternum, the upper six costal cartilages and "
                   "the aponeurosis of the external oblique.";
    m.insertionText = "Outer lip of the intertubercular groove of the humerus; the clavicular fibres insert "
                      "lowest, the lowest fibres highest.";
    m.action = "Brings the arm across the chest (adduction, horizontal flexion) and turns it inward; the "
               "clavicular head lifts the arm forward. It works against the rhomboids and middle trapezius.";
    m.innervation = "Lateral and medial pectoral nerves (fifth cervical to first thoracic nerves).";
    m.bloodSupply = "Pectoral branches of the thoracoacromial artery, perforating branches of the internal "
                    "thoracic artery and the lateral thoracic artery.";
    s.push_back(m);

    m = {};
    m.name = "deltoid";
    m.displayName = "Deltoid";
    m.origin = {"CLAV_ANT_67_L", "CLAV_ANT_85_L", "CLAV_ANT_100_L", "ACROMION_ANT_TIP_L", "ACROMION_L",
                "ACROMIAL_ANGLE_L", "SPINE_INF_80_L", "SPINE_INF_50_L", "SPINE_INF_30_L"};
    m.insertion = {"DT_ANT_L", "DT_APEX_L", "DT_POST_L"};
    m.thickness = 0.022f;
    m.layer = {kSuperficial, kSuperficial + 0.022f};
    m.insertionDepth = 0.019f;
    m.originText = "Outer third of the clavicle, the acromion and the lower lip of the spine of the scapula.";
    m.insertionText = "Deltoid tuberosity on the outer side of the humeral shaft.";
    m.action = "Its middle part lifts the arm sideways (abduction); the front part lifts it forward and turns "
               "it inward, the back part takes it backward and turns it outward.";
    m.innervation = "Axillary nerve (fifth and sixth cervical nerves).";
    m.bloodSupply = "Posterior circumflex humeral artery, the deltoid branch of the thoracoacromial artery and "
                    "a branch of the deep brachial artery.";
    s.push_back(m);
    return s;
  }();
  return kSpecs;
}

}  // namespace myo::anatomy
