// scene_names_test.cpp: the muscle and tissue name rules against names in several atlases' conventions.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "scene/muscle_names.hpp"

using namespace myo::scene;

namespace {

struct Row {
  const char* name;
  MuscleKind kind;
  Side side;
  MusclePart part;
  TissueKind tissue;
};

constexpr auto N = MuscleKind::None;
constexpr auto T = MuscleKind::Trapezius;
constexpr auto RMaj = MuscleKind::RhomboidMajor;
constexpr auto RMin = MuscleKind::RhomboidMinor;
constexpr auto Lat = MuscleKind::LatissimusDorsi;
constexpr auto Del = MuscleKind::Deltoid;
constexpr auto Pec = MuscleKind::PectoralisMajor;
constexpr auto Es = MuscleKind::ErectorSpinae;
constexpr auto L = Side::Left;
constexpr auto R = Side::Right;
constexpr auto NoSide = Side::None;
constexpr auto NoPart = MusclePart::None;
constexpr auto Desc = MusclePart::Descending;
constexpr auto Trans = MusclePart::Transverse;
constexpr auto Asc = MusclePart::Ascending;
constexpr auto Mus = TissueKind::Muscle;
constexpr auto Ten = TissueKind::Tendon;

const Row kTable[] = {
    // The shipped model.
    {"trapezius_descending_L", T, L, Desc, Mus},
    {"trapezius_transverse_R", T, R, Trans, Mus},
    {"trapezius_ascending_L", T, L, Asc, Mus},
    {"rhomboid_major_R", RMaj, R, NoPart, Mus},
    {"rhomboid_minor_L", RMin, L, NoPart, Mus},
    {"latissimus_dorsi_L", Lat, L, NoPart, Mus},
    {"deltoid_L", Del, L, NoPart, Mus},
    {"pectoralis_major_R", Pec, R, NoPart, Mus},
    {"skin", N, NoSide, NoPart, TissueKind::Skin},
    {"bone_scapula_L", N, L, NoPart, TissueKind::Bone},
    {"bone_vertebrae", N, NoSide, NoPart, TissueKind::Bone},
    {"bone_ribs", N, NoSide, NoPart, TissueKind::Bone},
    {"bone_pelvis", N, NoSide, NoPart, TissueKind::Bone},
    // Z-Anatomy / Blender style.
    {"Trapezius muscle.l", T, L, NoPart, Mus},
    {"Trapezius muscle.R", T, R, NoPart, Mus},
    {"Rhomboid major muscle.l", RMaj, L, NoPart, Mus},
    {"Latissimus dorsi muscle.r", Lat, R, NoPart, Mus},
    {"Descending part of trapezius muscle.r", T, R, Desc, Mus},
    {"Deltoid muscle.L.001", Del, L, NoPart, Mus},
    // BodyParts3D / English atlas style.
    {"Left rhomboid major", RMaj, L, NoPart, Mus},
    {"Right rhomboid minor muscle", RMin, R, NoPart, Mus},
    {"left latissimus dorsi", Lat, L, NoPart, Mus},
    {"Upper trapezius (left)", T, L, Desc, Mus},
    {"Middle Trapezius - Right", T, R, Trans, Mus},
    {"lower-trapezius-l", T, L, Asc, Mus},
    {"Rhomboideus major muscle (R)", RMaj, R, NoPart, Mus},
    {"l_pectoralis_major", Pec, L, NoPart, Mus},
    {"LAT DORSI (L)", Lat, L, NoPart, Mus},
    {"latissimus_dorsi_R", Lat, R, NoPart, Mus},
    {"Latissimus-l", Lat, L, NoPart, Mus},
    {"R_Trapezius_Superior", T, R, Desc, Mus},
    {"trapezius inferior fibres right", T, R, Asc, Mus},
    // Latin (Terminologia Anatomica).
    {"Pars transversa musculi trapezii sinistra", T, L, Trans, Mus},
    {"Pars descendens musculi trapezii dextra", T, R, Desc, Mus},
    {"Pars ascendens musculi trapezii", T, NoSide, Asc, Mus},
    {"Musculus rhomboideus minor dexter", RMin, R, NoPart, Mus},
    {"Musculus latissimus dorsi sinister", Lat, L, NoPart, Mus},
    {"Musculus pectoralis major", Pec, NoSide, NoPart, Mus},
    {"Musculus deltoideus", Del, NoSide, NoPart, Mus},
    // The deep and middle layers, in the shipped model's and other atlases' names.
    {"infraspinatus_L", MuscleKind::Infraspinatus, L, NoPart, Mus},
    {"Infraspinatus muscle.l", MuscleKind::Infraspinatus, L, NoPart, Mus},
    {"Supraspinatus_R", MuscleKind::Supraspinatus, R, NoPart, Mus},
    {"Teres major (right)", MuscleKind::TeresMajor, R, NoPart, Mus},
    {"teres minor muscle.L", MuscleKind::TeresMinor, L, NoPart, Mus},
    {"M. levator scapulae", MuscleKind::LevatorScapulae, NoSide, NoPart, Mus},
    {"Levator scapulae muscle.l", MuscleKind::LevatorScapulae, L, NoPart, Mus},
    {"Musculus serratus anterior dexter", MuscleKind::SerratusAnterior, R, NoPart, Mus},
    {"Splenius capitis muscle.r", MuscleKind::SpleniusCapitis, R, NoPart, Mus},
    {"Obliquus externus abdominis (L)", MuscleKind::ExternalOblique, L, NoPart, Mus},
    {"external_oblique_R", MuscleKind::ExternalOblique, R, NoPart, Mus},
    {"Erector spinae", Es, NoSide, NoPart, Mus},
    {"erector_spinae_iliocostalis_L", Es, L, MusclePart::Iliocostalis, Mus},
    {"Longissimus thoracis muscle.r", Es, R, MusclePart::Longissimus, Mus},
    {"spinalis", Es, NoSide, MusclePart::Spinalis, Mus},
    {"Spinalis thoracis muscle.l", Es, L, MusclePart::Spinalis, Mus},
    {"nuchal_ligament", MuscleKind::NuchalLigament, NoSide, NoPart, Ten},
    {"Ligamentum nuchae", MuscleKind::NuchalLigament, NoSide, NoPart, Ten},
    {"thoracolumbar_fascia_L", MuscleKind::ThoracolumbarFascia, L, NoPart, Ten},
    {"Thoracolumbar aponeurosis", MuscleKind::ThoracolumbarFascia, NoSide, NoPart, Ten},
    // Negatives: other muscles and tissues that must not match a target muscle.
    {"Skin", N, NoSide, NoPart, TissueKind::Skin},
    {"Body surface", N, NoSide, NoPart, TissueKind::Skin},
    {"platysma", N, NoSide, NoPart, TissueKind::Other},
    {"Lateral rectus", N, NoSide, NoPart, TissueKind::Other},
    {"Pectoralis minor muscle.r", N, R, NoPart, Mus},
    {"Serratus posterior superior muscle.l", N, L, NoPart, Mus},
    {"Teres major tendon", N, NoSide, NoPart, TissueKind::Tendon},
    {"Superior nuchal line", N, NoSide, NoPart, TissueKind::Other},
    {"Supraspinous ligament", N, NoSide, NoPart, TissueKind::Other},
    {"Pectoral fascia", N, NoSide, NoPart, TissueKind::Other},
    {"Trapezoid ligament.l", N, L, NoPart, TissueKind::Other},
    {"Deltoid ligament", N, NoSide, NoPart, TissueKind::Other},
    {"trapezius tendon", N, NoSide, NoPart, TissueKind::Tendon},
    {"Scapula.r", N, R, NoPart, TissueKind::Bone},
    {"Clavicle (L)", N, L, NoPart, TissueKind::Bone},
    {"Thoracic vertebra T7", N, NoSide, NoPart, TissueKind::Bone},
    {"Spine", N, NoSide, NoPart, TissueKind::Bone},
    {"Humerus_R", N, R, NoPart, TissueKind::Bone},
    {"Lateral", N, NoSide, NoPart, TissueKind::Other},
    {"", N, NoSide, NoPart, TissueKind::Other},
    {"foam_roller", N, NoSide, NoPart, TissueKind::Other},
};

template <typename E>
std::string str(E e) {
  return std::string(toString(e));
}

}  // namespace

TEST_CASE("names: the rule table") {
  static_assert(sizeof(kTable) / sizeof(kTable[0]) >= 30);
  for (const Row& row : kTable) {
    CAPTURE(row.name);
    const MuscleId id = recognizeMuscle(row.name);
    // Compared as strings: doctest would otherwise find scene::toString by argument lookup.
    CHECK(str(id.kind) == str(row.kind));
    if (row.kind != MuscleKind::None) {
      CHECK(str(id.side) == str(row.side));
      CHECK(str(id.part) == str(row.part));
    }
    CHECK(str(recognizeSide(row.name)) == str(row.side));
    CHECK(str(recognizeTissue(row.name)) == str(row.tissue));
  }
}

TEST_CASE("names: a letter inside or at the end of a word is not a side") {
  CHECK(str(recognizeSide("lat dorsi")) == str(Side::None));
  CHECK(str(recognizeSide("trapeziusl")) == str(Side::None));
  CHECK(str(recognizeSide("Pectoral")) == str(Side::None));
  CHECK(str(recognizeSide("left and right")) == str(Side::None));  // contradictory
  CHECK(str(recognizeSide("muscle_l")) == str(Side::Left));
  CHECK(str(recognizeSide("muscle-r")) == str(Side::Right));
}

TEST_CASE("names: display names and identifiers") {
  CHECK(muscleDisplayName({T, L, Trans}) == "Trapezius, transverse part (left)");
  CHECK(muscleDisplayName({T, NoSide, NoPart}) == "Trapezius");
  CHECK(muscleDisplayName({RMaj, R, NoPart}) == "Rhomboid major (right)");
  CHECK(muscleDisplayName({Lat, L, NoPart}) == "Latissimus dorsi (left)");
  CHECK(muscleDisplayName({}) == "Unknown");
  CHECK(std::string(toString(RMin)) == "rhomboid-minor");
  CHECK(std::string(toString(Side::Right)) == "right");
  CHECK(std::string(toString(Asc)) == "ascending");
  CHECK(std::string(toString(TissueKind::Bone)) == "bone");
  CHECK(std::string(toString(MuscleKind::None)) == "none");
  // A recognised name round-trips through its display name.
  for (const Row& row : kTable) {
    const MuscleId id = recognizeMuscle(row.name);
    if (id.valid()) CHECK(recognizeMuscle(muscleDisplayName(id)) == id);
  }
}

TEST_CASE("names: every catalogue row is recognised by its identifier, mesh names and display names") {
  REQUIRE(muscleCatalog().size() >= 17);
  for (const MuscleInfo& row : muscleCatalog()) {
    CAPTURE(std::string(row.id));
    REQUIRE(findMuscle(row.id) != nullptr);
    CHECK((findMuscle(row.id)->kind == row.kind));
    CHECK(str(row.kind) == std::string(row.id));
    CHECK((&muscleInfo(row.kind) == &row));
    CHECK(row.shade > 0.8f);
    CHECK(row.shade < 1.2f);
    std::vector<MusclePart> parts{MusclePart::None};
    for (const MusclePartInfo& p : row.parts) parts.push_back(p.part);
    const std::vector<Side> sides = row.paired ? std::vector<Side>{Side::Left, Side::Right} : std::vector<Side>{Side::None};
    for (MusclePart part : parts) {
      for (Side side : sides) {
        const MuscleId id{row.kind, side, part};
        const std::string mesh = meshNameOf(id), display = muscleDisplayName(id);
        CAPTURE(mesh);
        CAPTURE(display);
        CHECK((recognizeMuscle(mesh) == id));
        CHECK((recognizeMuscle(display) == id));
        CHECK(str(recognizeTissue(mesh)) == str(row.tissue));
      }
    }
  }
  CHECK(findMuscle("no-such-muscle") == nullptr);
  CHECK(std::string(muscleInfo(MuscleKind::None).id) == "none");
  CHECK(meshNameOf({MuscleKind::Trapezius, Side::Right, MusclePart::Ascending}) == "trapezius_ascending_R");
  CHECK(meshNameOf({MuscleKind::ErectorSpinae, Side::Left, MusclePart::Spinalis}) == "erector_spinae_spinalis_L");
  CHECK(muscleShade({MuscleKind::Trapezius, Side::Left, MusclePart::Transverse}) == doctest::Approx(0.94f));
}
