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
// The deep and middle layers: under the trapezius (levator scapulae, supraspinatus, splenius capitis), under
// the latissimus (the rest of the rotator cuff, teres major, serratus anterior, external oblique), the
// thoracolumbar fascia just under the latissimus' aponeurosis, the erector spinae under it and, where they
// cross, under the rhomboids.
constexpr float kUnderTrapeziusDeep = 0.0115f;
constexpr float kUnderTransverseTrapezius = 0.0105f;
constexpr float kUnderLatissimus = 0.0140f;
constexpr float kUnderFascia = 0.0160f;
constexpr float kUnderRhomboids = 0.0214f;

// The erector spinae's borders on its posterior surface (ES_MED/ES_LI/ES_LAT, sacrum to T1); the spinalis
// occupies the medial quarter between the medial border and the longissimus' border from T11 to T3.
#define SPIN_LAT(level) "MID:ES_MED_" level "_L:MID:ES_MED_" level "_L:ES_LI_" level "_L"

const char* const kErectorNerve = "Dorsal rami of the spinal nerves of the levels it spans, segment by segment.";
const char* const kErectorBlood = "Dorsal branches of the posterior intercostal, subcostal and lumbar arteries, "
                                  "with the deep cervical artery in the neck.";

const char* const kTrapeziusNerve =
    "Accessory nerve (cranial nerve XI) for movement; branches of the third and fourth cervical nerves carry "
    "its sense of position and pain.";

}  // namespace

const std::vector<MuscleSpec>& muscleSpecs() {
  static const std::vector<MuscleSpec> kSpecs = [] {
    std::vector<MuscleSpec> s = {
    {.kind = scene::MuscleKind::Trapezius,
     .part = scene::MusclePart::Descending,
     .origin = {"SNL_2_L", "SNL_1_L", "INION", "NUCHAL_C1", "NUCHAL_C2", "NUCHAL_C3", "NUCHAL_C4", "NUCHAL_C5",
               "NUCHAL_C6", "MID:NUCHAL_C6:SP_C7"},
     // Its lowest fibres reach the acromion's medial edge, where the transverse part begins, so the two
     // parts meet over the top of the shoulder without a gap.
     .insertion = {"CLAV_POST_67_L", "CLAV_POST_85_L", "CLAV_POST_100_L", "ACROMION_MED_POST_L"},
     .guides = {"NECK_BASE_LAT_L"},
     .thickness = 0.008f,
     .layer = {kSuperficial, kSuperficial + 0.008f},
     // Its origin lies on the superior nuchal line, the protuberance and the ligament.
     .originReach = 0.0015f,
     .originText = "Inner third of the superior nuchal line, the external occipital protuberance and the nuchal "
                   "ligament down to the sixth cervical vertebra.",
     .insertionText = "Back edge of the outer third of the clavicle; its lowest fibres reach the inner edge "
                      "of the acromion.",
     .action = "Lifts the shoulder girdle (elevates the scapula) and, together with the lower part, swings the "
               "socket of the shoulder upward. With the shoulder fixed it draws the head back, tilts it to the "
               "same side and turns the face away.",
     .innervation = kTrapeziusNerve,
     .bloodSupply = "Branches of the occipital artery and the superficial branch of the transverse cervical "
                    "artery."},
    {.kind = scene::MuscleKind::Trapezius,
     .part = scene::MusclePart::Transverse,
     .origin = {"MID:NUCHAL_C6:SP_C7", "SP_C7", "SP_T1", "SP_T2", "SP_T3", "MID:SP_T3:SP_T4"},
     .insertion = {"ACROMION_MED_POST_L", "SPINE_SUP_80_L", "SPINE_SUP_50_L", "SPINE_SUP_30_L"},
     .thickness = 0.007f,
     .layer = {kSuperficial, kSuperficial + 0.007f},
     .originText = "Spinous processes of the seventh cervical to the third thoracic vertebra and the ligament "
                   "joining their tips.",
     .insertionText = "Inner edge of the acromion and the upper lip of the spine of the scapula.",
     .action = "Draws the shoulder blades together toward the spine (retraction) and holds them flat on the "
               "chest wall, balancing the forward pull of the chest muscles.",
     .innervation = kTrapeziusNerve,
     .bloodSupply = "Superficial branch of the transverse cervical artery, helped by the dorsal scapular "
                    "artery."},
    {.kind = scene::MuscleKind::Trapezius,
     .part = scene::MusclePart::Ascending,
     .origin = {"MID:SP_T3:SP_T4", "SP_T4", "SP_T5", "SP_T6", "SP_T7", "SP_T8", "SP_T9", "SP_T10", "SP_T11",
               "SP_T12"},
     .insertion = {"SPINE_SUP_30_L", "SPINE_SUP_15_L", "SPINE_SUP_08_L"},
     .thickness = 0.005f,
     .layer = {kSuperficial, kSuperficial + 0.005f},
     .originText = "Spinous processes of the fourth to the twelfth thoracic vertebra.",
     .insertionText = "Through a short flat tendon onto the tubercle at the root of the spine of the scapula.",
     .action = "Pulls the shoulder blade down (depression) and, by lowering its inner end, turns the shoulder "
               "socket upward together with the upper part; it also helps retraction when the arm reaches "
               "overhead.",
     .innervation = kTrapeziusNerve,
     .bloodSupply = "Dorsal scapular artery (deep branch of the transverse cervical artery) and back branches "
                    "of the posterior intercostal arteries."},
    {.kind = scene::MuscleKind::RhomboidMinor,
     .origin = {"NUCHAL_C6", "SP_C7", "SP_T1"},
     .insertion = {"SCAP_MB_RM_L", "SCAP_ROOT_SPINE_L"},
     .thickness = 0.005f,
     .layer = {kDeep, kDeep + 0.005f},
     .originText = "Lower nuchal ligament and the spinous processes of the seventh cervical and first thoracic "
                   "vertebrae.",
     .insertionText = "Inner (medial) border of the scapula level with the root of its spine.",
     .action = "Lies under the trapezius and pulls the shoulder blade toward the spine (retraction) and "
               "slightly up, turning the shoulder socket downward; keeps the inner border against the ribs.",
     .innervation = "Dorsal scapular nerve (fourth and mainly fifth cervical nerves).",
     .bloodSupply = "Dorsal scapular artery and back branches of the upper posterior intercostal arteries."},
    {.kind = scene::MuscleKind::RhomboidMajor,
     .origin = {"SP_T2", "SP_T3", "SP_T4", "SP_T5"},
     .insertion = {"SCAP_MB_TSB_L", "SCAP_MB_2_L", "SCAP_MB_3_L", "SCAP_INF_ANGLE_L"},
     .thickness = 0.0063f,
     .layer = {kDeep, kDeep + 0.0063f},
     .originText = "Spinous processes of the second to the fifth thoracic vertebra and the ligament over them.",
     .insertionText = "Inner (medial) border of the scapula from the root of the spine down to the inferior "
                      "angle.",
     .action = "Lies under the middle trapezius and pulls the shoulder blade toward the spine (retraction), "
               "turning the shoulder socket downward; with serratus anterior it keeps the inner border flat "
               "on the ribs.",
     .innervation = "Dorsal scapular nerve (fourth and mainly fifth cervical nerves).",
     .bloodSupply = "Dorsal scapular artery and back branches of the posterior intercostal arteries of the "
                    "second to fifth spaces."},
    {.kind = scene::MuscleKind::LatissimusDorsi,
     .origin = {"SP_T7", "SP_T8", "SP_T9", "SP_T10", "SP_T11", "SP_T12", "SP_L1", "SP_L2", "SP_L3", "SP_L4",
               "SP_L5", "SP_S1", "SP_S2", "PSIS_L", "ILIAC_CREST_POST2_L", "ILIAC_CREST_POST1_L", "RIB12_LAT_L",
               "RIB11_LAT_L", "RIB10_LAT_L", "RIB9_LAT_L"},
     .insertion = {"ITG_LD_INF_L", "ITG_LD_MID_L", "ITG_LD_SUP_L"},
     .guides = {"SCAP_INF_ANGLE_L", "AXILLA_POST_FOLD_L"},
     .thickness = 0.005f,
     .layer = {kUnderTrapezius, kUnderTrapezius + 0.005f},
     // 4-8 mm in the belly, about 10 mm where it rolls round teres major in the posterior axillary fold.
     .swells = {{.landmark = "AXILLA_POST_FOLD_L", .radius = 0.05f, .thickness = 0.017f}},
     .over = {"teres_major", "teres_minor", "infraspinatus"},
     .freeFrom = 0.9f,
     .twisted = true,
     .originText = "Spinous processes of the seventh thoracic vertebra down to the sacrum through the broad "
                   "thoracolumbar fascia, the back of the iliac crest and the lowest three or four ribs; a slip "
                   "often comes from the inferior angle of the scapula.",
     .insertionText = "Floor of the intertubercular (bicipital) groove of the humerus, by a flat tendon that "
                      "twists so the highest fibres insert lowest.",
     .action = "Moves the arm: adducts it, brings it back from the front (horizontal extension) and pulls it "
               "down from overhead (vertical adduction), turning it inward; draws the shoulder down and back "
               "and, with the hands fixed, lifts the trunk as in a pull-up.",
     .innervation = "Thoracodorsal nerve (sixth to eighth cervical nerves) from the posterior cord of the "
                    "brachial plexus.",
     .bloodSupply = "Thoracodorsal artery from the subscapular artery; segmental branches of the posterior "
                    "intercostal, subcostal and lumbar arteries near the spine."},
    {.kind = scene::MuscleKind::PectoralisMajor,
     .origin = {"CLAV_ANT_50_L", "CLAV_ANT_25_L", "CLAV_ANT_0_L", "STERNUM_MANUBRIUM_L", "STERNUM_ANGLE_LAT_L",
               "STERNUM_BODY_MID_L", "STERNUM_XS_LAT_L", "COSTAL_CART_6_L", "EXT_OBLIQUE_APONEUROSIS_L"},
     .insertion = {"PM_INS_INF_L", "PM_INS_MID_L", "PM_INS_SUP_L"},
     .guides = {"AXILLA_ANT_FOLD_L", "NIPPLE_L"},
     // 15-25 mm in an adult man.
     .thickness = 0.020f,
     .layer = {kSuperficial, kSuperficial + 0.020f},
     .freeFrom = 0.68f,
     .twisted = true,
     .originText = "Inner half of the clavicle, the front of the sternum, the upper six costal cartilages and "
                   "the aponeurosis of the external oblique.",
     .insertionText = "Outer lip of the intertubercular groove of the humerus; the clavicular fibres insert "
                      "lowest, the lowest fibres highest.",
     .action = "Brings the arm across the chest (adduction, horizontal flexion) and turns it inward; the "
               "clavicular head lifts the arm forward. It works against the rhomboids and middle trapezius.",
     .innervation = "Lateral and medial pectoral nerves (fifth cervical to first thoracic nerves).",
     .bloodSupply = "Pectoral branches of the thoracoacromial artery, perforating branches of the internal "
                    "thoracic artery and the lateral thoracic artery."},
    {.kind = scene::MuscleKind::Deltoid,
     .origin = {"CLAV_ANT_67_L", "CLAV_ANT_85_L", "CLAV_ANT_100_L", "ACROMION_ANT_TIP_L", "ACROMION_L",
               "ACROMIAL_ANGLE_L", "SPINE_INF_80_L", "SPINE_INF_50_L", "SPINE_INF_30_L"},
     .insertion = {"DT_ANT_L", "DT_APEX_L", "DT_POST_L"},
     .thickness = 0.022f,
     .layer = {kSuperficial, kSuperficial + 0.022f},
     .insertionDepth = 0.019f,
     // Over the rotator cuff, which crosses under it to the greater tubercle.
     .over = {"supraspinatus", "infraspinatus", "teres_minor"},
     .originText = "Outer third of the clavicle, the acromion and the lower lip of the spine of the scapula.",
     .insertionText = "Deltoid tuberosity on the outer side of the humeral shaft.",
     .action = "Its middle part lifts the arm sideways (abduction); the front part lifts it forward and turns "
               "it inward, the back part takes it backward and turns it outward.",
     .innervation = "Axillary nerve (fifth and sixth cervical nerves).",
     .bloodSupply = "Posterior circumflex humeral artery, the deltoid branch of the thoracoacromial artery and "
                    "a branch of the deep brachial artery."},
    {.kind = scene::MuscleKind::Supraspinatus,
     .origin = {"SCAP_SUP_ANGLE_L", "SCAP_MB_1_L", "SCAP_MB_RM_L"},
     .insertion = {"GT_SS_FACET_ANT_L", "GT_SS_FACET_POST_L"},
     .guides = {"SSP_FOSSA_MED_L", "SSP_FOSSA_MID_L", "SSP_FOSSA_LAT_L", "SSP_TENDON_GUIDE_L"},
     .thickness = 0.017f,
     .layer = {kUnderTransverseTrapezius, kUnderTransverseTrapezius + 0.017f},
     .bed = MuscleBed::Chord,
     .bias = {0.0f, 0.02f, -0.01f},
     .originText = "The supraspinous fossa above the spine of the scapula and the fascia over it.",
     .insertionText = "Upper facet of the greater tubercle of the humerus; the tendon runs over the top of the "
                      "shoulder joint, under the acromion.",
     .action = "Starts lifting the arm sideways (abduction) and keeps the head of the humerus pressed into its "
               "socket as the arm rises; one of the four rotator cuff muscles.",
     .innervation = "Suprascapular nerve (fifth and sixth cervical nerves).",
     .bloodSupply = "Suprascapular artery, with branches of the dorsal scapular artery."},
    {.kind = scene::MuscleKind::Infraspinatus,
     .origin = {"SPINE_BASE_50_L", "SPINE_BASE_30_L", "SPINE_BASE_15_L", "SCAP_MB_TSB_L", "SCAP_MB_2_L",
                "SCAP_MB_3_L", "ISP_ORIG_INF_L"},
     .insertion = {"GT_IS_FACET_SUP_L", "GT_IS_FACET_INF_L"},
     .guides = {"ISP_FOSSA_SUP_L", "ISP_FOSSA_MID_L", "ISP_FOSSA_INF_L", "GREATER_TUBERCLE_L"},
     .thickness = 0.016f,
     .layer = {kUnderLatissimus, kUnderLatissimus + 0.016f},
     .bed = MuscleBed::Chord,
     .originText = "The infraspinous fossa below the spine of the scapula and the dense fascia that covers it.",
     .insertionText = "Middle facet of the greater tubercle of the humerus, just behind the supraspinatus.",
     .action = "Turns the arm outward (external rotation) and holds the head of the humerus in its socket; part "
               "of the rotator cuff. Its exposed middle, between trapezius, deltoid and latissimus, is where a "
               "massage ball on the shoulder blade presses.",
     .innervation = "Suprascapular nerve (fifth and sixth cervical nerves).",
     .bloodSupply = "Suprascapular artery and the circumflex scapular artery."},
    {.kind = scene::MuscleKind::TeresMinor,
     .origin = {"TMIN_ORIG_SUP_L", "TMIN_ORIG_MID_L", "TMIN_ORIG_INF_L"},
     .insertion = {"GT_TM_FACET_SUP_L", "GT_TM_FACET_INF_L", "TMIN_INS_SHAFT_L"},
     .thickness = 0.014f,
     .layer = {kUnderLatissimus, kUnderLatissimus + 0.014f},
     .bed = MuscleBed::Chord,
     .originText = "Upper two thirds of the back of the lateral border of the scapula.",
     .insertionText = "Lowest facet of the greater tubercle of the humerus and the shaft just below it.",
     .action = "Turns the arm outward and helps hold it against the body; the smallest rotator cuff muscle, "
               "lying between infraspinatus and teres major.",
     .innervation = "Axillary nerve (fifth and sixth cervical nerves).",
     .bloodSupply = "Circumflex scapular artery and the posterior circumflex humeral artery."},
    {.kind = scene::MuscleKind::TeresMajor,
     .origin = {"TMAJ_ORIG_SUP_L", "TMAJ_ORIG_MID_L", "TMAJ_ORIG_INF_L"},
     .insertion = {"TMAJ_INS_SUP_L", "TMAJ_INS_MID_L", "TMAJ_INS_INF_L"},
     .guides = {"AXILLA_POST_FOLD_L"},
     .thickness = 0.015f,
     .layer = {kUnderLatissimus, kUnderLatissimus + 0.015f},
     .bed = MuscleBed::Chord,
     .bias = {0.0f, 0.0f, -0.04f},
     .freeFrom = 0.55f,
     .originText = "Back of the inferior angle of the scapula and the lowest part of its lateral border.",
     .insertionText = "Medial lip of the intertubercular groove of the humerus, beside the tendon of latissimus "
                      "dorsi.",
     .action = "Draws the arm down and back (adduction, extension) and turns it inward, together with "
               "latissimus dorsi, which wraps round its lower edge; the two make the back fold of the armpit.",
     .innervation = "Lower subscapular nerve (fifth to seventh cervical nerves).",
     .bloodSupply = "Circumflex scapular and thoracodorsal arteries."},
    {.kind = scene::MuscleKind::LevatorScapulae,
     .origin = {"TP_C1_L", "TP_C2_L", "TP_C3_L", "TP_C4_L"},
     // Twisted: the atlas slip inserts lowest, the C4 slip at the superior angle.
     .insertion = {"SCAP_MB_RM_L", "SCAP_MB_1_L", "SCAP_SUP_ANGLE_L"},
     .thickness = 0.012f,  // 6-14 mm (estimate); clamped to half where the superior angle lies near the skin
     .layer = {kUnderTrapeziusDeep, kUnderTrapeziusDeep + 0.010f},
     .bed = MuscleBed::Chord,
     .spacing = 0.004f,
     .originText = "Transverse processes of the first four cervical vertebrae.",
     .insertionText = "Medial border of the scapula from the superior angle down to the root of the spine.",
     .action = "Lifts the shoulder blade and turns its socket downward; with the shoulder fixed it bends the "
               "neck to its own side. Under the upper trapezius, a common seat of a stiff, sore neck.",
     .innervation = "Dorsal scapular nerve (fifth cervical nerve) and branches of the third and fourth cervical "
                    "nerves.",
     .bloodSupply = "Dorsal scapular and transverse cervical arteries, with the ascending cervical artery."},
    {.kind = scene::MuscleKind::SerratusAnterior,
     .origin = {"RIB1_SA_L", "RIB2_SA_L", "RIB3_SA_L", "RIB4_SA_L", "RIB5_SA_L", "RIB6_SA_L", "RIB7_SA_L",
                "RIB8_SA_L", "RIB9_SA_L"},
     .insertion = {"SA_INS_SUP_L", "SA_INS_MB1_L", "SA_INS_MB2_L", "SA_INS_MB3_L", "SA_INS_MB4_L",
                   "SA_INS_INF_L"},
     .guides = {"RIB4_ANGLE_L", "RIB6_ANGLE_L"},
     .thickness = 0.007f,
     .layer = {kUnderLatissimus, kUnderLatissimus + 0.007f},
     .bed = MuscleBed::OnBone,
     .bias = {0.05f, 0.0f, 0.0f},
     .originText = "Outer surfaces of the upper eight or nine ribs by finger-like slips; the lower ones interlock "
                   "with the external oblique.",
     .insertionText = "Front (costal) lip of the medial border of the scapula, from the superior to the inferior "
                      "angle, most of it onto the inferior angle.",
     .action = "Pulls the shoulder blade forward round the chest (protraction), as in a punch, and with the "
               "trapezius turns its socket upward; it keeps the medial border on the ribs (a weak serratus "
               "lets the scapula wing).",
     .innervation = "Long thoracic nerve (fifth to seventh cervical nerves).",
     .bloodSupply = "Lateral thoracic and thoracodorsal arteries, with the superior thoracic artery."},
    {.kind = scene::MuscleKind::ErectorSpinae,
     .part = scene::MusclePart::Iliocostalis,
     .origin = {"ES_LI_S1_L", "ES_LI_L5_L", "ES_LI_L3_L", "ES_LI_L1_L", "ES_LI_T11_L", "ES_LI_T9_L", "ES_LI_T7_L",
                "ES_LI_T5_L", "ES_LI_T3_L", "ES_LI_T1_L"},
     .insertion = {"ES_LAT_S1_L", "ES_LAT_L5_L", "ES_LAT_L3_L", "ES_LAT_L1_L", "ES_LAT_T11_L", "ES_LAT_T9_L",
                   "ES_LAT_T7_L", "ES_LAT_T5_L", "ES_LAT_T3_L", "ES_LAT_T1_L"},
     .thickness = 0.020f,
     .layer = {kUnderFascia, kUnderFascia + 0.020f},
     .bed = MuscleBed::Surface,
     .column = true,
     .thicknessAlong = {0.016f, 0.024f, 0.030f, 0.028f, 0.022f, 0.018f, 0.014f, 0.012f, 0.009f, 0.006f},
     .underRhomboids = kUnderRhomboids,
     .originText = "Iliac crest, the back of the sacrum and the thoracolumbar fascia; its upper parts from the "
                   "angles of the lower ribs.",
     .insertionText = "Angles of the ribs and the transverse processes of the fourth to seventh cervical "
                      "vertebrae.",
     .action = "The lateral column of the erector spinae: straightens the spine and bends it to its own side; "
               "its lumbar part also draws the lower ribs down.",
     .innervation = kErectorNerve,
     .bloodSupply = kErectorBlood},
    {.kind = scene::MuscleKind::ErectorSpinae,
     .part = scene::MusclePart::Longissimus,
     .origin = {"ES_MED_S1_L", "ES_MED_L5_L", "ES_MED_L3_L", "ES_MED_L1_L", SPIN_LAT("T11"), SPIN_LAT("T9"),
                SPIN_LAT("T7"), SPIN_LAT("T5"), SPIN_LAT("T3"), "ES_MED_T1_L"},
     .insertion = {"ES_LI_S1_L", "ES_LI_L5_L", "ES_LI_L3_L", "ES_LI_L1_L", "ES_LI_T11_L", "ES_LI_T9_L",
                   "ES_LI_T7_L", "ES_LI_T5_L", "ES_LI_T3_L", "ES_LI_T1_L"},
     .thickness = 0.022f,
     .layer = {kUnderFascia, kUnderFascia + 0.022f},
     .bed = MuscleBed::Surface,
     .column = true,
     .thicknessAlong = {0.020f, 0.030f, 0.038f, 0.035f, 0.028f, 0.022f, 0.018f, 0.015f, 0.012f, 0.010f},
     .underRhomboids = kUnderRhomboids,
     .originText = "The common tendon of the erector spinae on the sacrum and iliac crest, and the transverse "
                   "processes of the lumbar and upper thoracic vertebrae.",
     .insertionText = "Transverse processes of the thoracic and cervical vertebrae, the lower ribs beside their "
                      "tubercles and, by its head part, the mastoid process.",
     .action = "The middle and longest column: straightens the spine and the head and bends them to its own "
               "side; the thick lumbar ridge beside the spine is mostly longissimus.",
     .innervation = kErectorNerve,
     .bloodSupply = kErectorBlood},
    {.kind = scene::MuscleKind::ErectorSpinae,
     .part = scene::MusclePart::Spinalis,
     .origin = {"ES_MED_T11_L", "ES_MED_T9_L", "ES_MED_T7_L", "ES_MED_T5_L", "ES_MED_T3_L"},
     .insertion = {SPIN_LAT("T11"), SPIN_LAT("T9"), SPIN_LAT("T7"), SPIN_LAT("T5"), SPIN_LAT("T3")},
     .thickness = 0.007f,
     .layer = {kUnderFascia, kUnderFascia + 0.007f},
     .bed = MuscleBed::Surface,
     .column = true,
     .underRhomboids = kUnderRhomboids,
     .originText = "Spinous processes of the eleventh thoracic to the second lumbar vertebra.",
     .insertionText = "Spinous processes of the first to eighth thoracic vertebrae.",
     .action = "The smallest, most medial column, lying against the spinous processes: straightens the "
               "thoracic spine.",
     .innervation = "Dorsal rami of the thoracic nerves.",
     .bloodSupply = "Dorsal branches of the posterior intercostal arteries."},
    {.kind = scene::MuscleKind::SpleniusCapitis,
     .origin = {"NUCHAL_C3", "NUCHAL_C4", "NUCHAL_C5", "NUCHAL_C6", "SP_C7", "SP_T1", "SP_T2", "SP_T3"},
     .insertion = {"SNL_3_L", "SNL_4_L", "SNL_5_L", "MASTOID_TIP_L"},
     .thickness = 0.007f,
     .layer = {kUnderTrapeziusDeep, kUnderTrapeziusDeep + 0.007f},
     .underRhomboids = kUnderRhomboids,
     .underRhomboidsY = {0.0f, 1.545f},
     .bias = {0.0f, 0.0f, -0.02f},
     // Onto the bone of the mastoid and the superior nuchal line.
     .insertionReach = 0.0015f,
     .originText = "Lower half of the nuchal ligament and the spinous processes of the seventh cervical to the "
                   "third thoracic vertebra.",
     .insertionText = "Mastoid process and the outer third of the superior nuchal line, under the "
                      "sternocleidomastoid.",
     .action = "Draws the head and neck back (extension) and turns the face toward its own side; the two sides "
               "together hold the head up. It forms the floor of the back of the neck under the trapezius.",
     .innervation = "Dorsal rami of the middle cervical nerves (second to fourth).",
     .bloodSupply = "Muscular branches of the occipital artery and the transverse cervical artery."},
    {.kind = scene::MuscleKind::ExternalOblique,
     .origin = {"RIB5_EO_L", "RIB6_EO_L", "RIB7_EO_L", "RIB8_EO_L", "RIB9_EO_L", "RIB10_EO_L", "RIB11_EO_L",
                "RIB12_EO_L"},
     .insertion = {"EXT_OBLIQUE_APONEUROSIS_L", "EO_APO_MID_L", "EO_APO_LOW_L", "ASIS_L", "ILIAC_TUBERCLE_L",
                   "ILIAC_CREST_TOP_L"},
     .thickness = 0.007f,
     .layer = {kUnderLatissimus + 0.0005f, kUnderLatissimus + 0.0075f},
     .bed = MuscleBed::OnBone,
     .bias = {0.03f, 0.0f, 0.02f},
     .originText = "Outer surfaces of the fifth to twelfth ribs by fleshy slips that interlock with serratus "
                   "anterior and latissimus dorsi.",
     .insertionText = "Front half of the iliac crest and, through its broad aponeurosis, the midline of the "
                      "abdomen (linea alba) and the pubis.",
     .action = "Bends the trunk forward, turns it to the other side and tilts it to its own, and tightens the "
               "belly wall; shown as the neighbour in front of the latissimus.",
     .innervation = "Lower intercostal nerves (seventh to eleventh) and the subcostal nerve.",
     .bloodSupply = "Lower posterior intercostal and subcostal arteries, the epigastric arteries and the deep "
                    "circumflex iliac artery."},
    {.kind = scene::MuscleKind::NuchalLigament,
     // Raphe and septum meet at C7; the raphe's last point stops just short so no fibre has zero length.
     .origin = {"INION", "NUCHAL_C1", "NUCHAL_C2", "NUCHAL_C3", "NUCHAL_C4", "NUCHAL_C5", "NUCHAL_C6",
                "MID:NUCHAL_C6:SP_C7"},
     .insertion = {"EXT_OCC_CREST_MID", "OPISTHION", "SP_C1", "SP_C2", "SP_C3", "SP_C4", "SP_C5", "SP_C6",
                   "SP_C7"},
     .thickness = 0.003f,
     .originText = "Its free back edge runs from the external occipital protuberance to the spinous process of "
                   "the seventh cervical vertebra; the tendons of the trapezius, splenius capitis and rhomboid "
                   "minor interlace in it.",
     .insertionText = "A thin midline septum joins it to the external occipital crest, the back of the foramen "
                      "magnum and the tips of the cervical spinous processes.",
     .action = "Checks bending of the head and neck forward and gives the neck and shoulder muscles a midline "
               "anchor; it is firmly fixed only at the skull and at C7.",
     .innervation = "Sensory twigs of the dorsal rami of the cervical nerves.",
     .bloodSupply = "Small branches of the occipital and deep cervical arteries."},
    {.kind = scene::MuscleKind::ThoracolumbarFascia,
     .origin = {"SP_T7", "SP_T8", "SP_T9", "SP_T10", "SP_T11", "SP_T12", "SP_L1", "SP_L2", "SP_L3", "SP_L4",
                "SP_L5", "SP_S1", "SP_S2"},
     .insertion = {"ES_LAT_T9_L", "TLF_LAT_T10_L", "ES_LAT_T11_L", "TLF_LAT_T12_L", "ES_LAT_L1_L", "TLF_LAT_L2_L",
                   "ES_LAT_L3_L", "TLF_LAT_L4_L", "ILIAC_CREST_POST2_L"},
     .thickness = 0.0014f,
     .layer = {kUnderLatissimus, kUnderLatissimus + 0.0014f},
     .originText = "Tips of the spinous processes from the seventh thoracic vertebra down to the sacrum, and "
                   "the ligament joining them.",
     .insertionText = "The lateral raphe beside the erector spinae, where the latissimus dorsi and the deep "
                      "abdominal muscles take hold of it, and the back of the iliac crest.",
     .action = "Wraps the erector spinae and carries the pull of latissimus dorsi, gluteus maximus and the "
               "abdominal muscles across the lower back; dense and diamond-shaped from T7-T9 down. Shown is "
               "its posterior layer, 1-2 mm thick.",
     .innervation = "Sensory branches of the dorsal rami of the lower thoracic and lumbar nerves; it is rich in "
                    "pain endings.",
     .bloodSupply = "Dorsal branches of the lumbar and lower posterior intercostal arteries."},
    };
    // Names, display names and part identifiers come from the catalogue.
    for (MuscleSpec& m : s) fillNames(m);
    return s;
  }();
  return kSpecs;
}

}  // namespace myo::anatomy
