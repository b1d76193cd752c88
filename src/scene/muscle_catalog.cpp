// scene/muscle_catalog.cpp: the muscle table. Recognition words cover English, Latin (Terminologia Anatomica)
// and the abbreviations atlases use; shades are the small colour differences that let neighbours read apart.
#include "scene/muscle_catalog.hpp"

#include <algorithm>

namespace myo::scene {
namespace {

constexpr MusclePartInfo kTrapeziusParts[] = {
    {.part = MusclePart::Descending,
     .id = "descending",
     .label = "descending part",
     .meshName = "trapezius_descending",
     .words = "descending|descendens|descendentes|upper|superior"},
    {.part = MusclePart::Transverse,
     .id = "transverse",
     .label = "transverse part",
     .meshName = "trapezius_transverse",
     .words = "transverse|transversa|transversus|middle|medius",
     .shade = 0.94f},
    {.part = MusclePart::Ascending,
     .id = "ascending",
     .label = "ascending part",
     .meshName = "trapezius_ascending",
     .words = "ascending|ascendens|ascendentes|lower|inferior"},
};

constexpr MusclePartInfo kErectorColumns[] = {
    {.part = MusclePart::Iliocostalis,
     .id = "iliocostalis",
     .label = "iliocostalis",
     .meshName = "erector_spinae_iliocostalis",
     .words = "iliocostalis|iliocostales|iliocostal"},
    {.part = MusclePart::Longissimus,
     .id = "longissimus",
     .label = "longissimus",
     .meshName = "erector_spinae_longissimus",
     .words = "longissimus|longissimi",
     .shade = 0.94f},
    {.part = MusclePart::Spinalis,
     .id = "spinalis",
     .label = "spinalis",
     .meshName = "erector_spinae_spinalis",
     .words = "spinalis|spinales",
     .shade = 0.88f},
};

constexpr MuscleInfo kNone{.id = "none", .displayName = "Unknown"};

constexpr MuscleInfo kCatalog[] = {
    {.kind = MuscleKind::Trapezius,
     .id = "trapezius",
     .meshName = "trapezius",
     .displayName = "Trapezius",
     .patterns = "trapezius|trapezii|trapezio",
     .parts = kTrapeziusParts,
     .target = true},
    {.kind = MuscleKind::RhomboidMajor,
     .id = "rhomboid-major",
     .meshName = "rhomboid_major",
     .displayName = "Rhomboid major",
     // A bare "rhomboid" counts as the major.
     .patterns = "rhomboid|rhomboids|rhomboideus|rhomboidei|rhomboidus|rhomboides;"
                 "rhomboid|rhomboids|rhomboideus|rhomboidei|rhomboidus|rhomboides major|majoris|maior|maj",
     .target = true,
     .layer = 2},
    {.kind = MuscleKind::RhomboidMinor,
     .id = "rhomboid-minor",
     .meshName = "rhomboid_minor",
     .displayName = "Rhomboid minor",
     .patterns = "rhomboid|rhomboids|rhomboideus|rhomboidei|rhomboidus|rhomboides minor|minoris|min|minimus",
     .shade = 0.90f,
     .target = true,
     .layer = 2},
    {.kind = MuscleKind::LatissimusDorsi,
     .id = "latissimus-dorsi",
     .meshName = "latissimus_dorsi",
     .displayName = "Latissimus dorsi",
     .patterns = "latissimus|latissimi|lats;lat dorsi",
     .shade = 1.04f,
     .target = true},
    {.kind = MuscleKind::Deltoid,
     .id = "deltoid",
     .meshName = "deltoid",
     .displayName = "Deltoid",
     .patterns = "deltoid|deltoideus|deltoidei|deltoids"},
    {.kind = MuscleKind::PectoralisMajor,
     .id = "pectoralis-major",
     .meshName = "pectoralis_major",
     .displayName = "Pectoralis major",
     .patterns = "pectoralis|pectoral|pec|pecs major|majoris|maior|maj"},
    {.kind = MuscleKind::Supraspinatus,
     .id = "supraspinatus",
     .meshName = "supraspinatus",
     .displayName = "Supraspinatus",
     .patterns = "supraspinatus|supraspinati",
     .shade = 0.95f,
     .layer = 3},
    {.kind = MuscleKind::Infraspinatus,
     .id = "infraspinatus",
     .meshName = "infraspinatus",
     .displayName = "Infraspinatus",
     .patterns = "infraspinatus|infraspinati",
     .shade = 1.02f,
     .layer = 3},
    {.kind = MuscleKind::TeresMinor,
     .id = "teres-minor",
     .meshName = "teres_minor",
     .displayName = "Teres minor",
     .patterns = "teres|teretis minor|minoris|min",
     .shade = 0.91f,
     .layer = 3},
    {.kind = MuscleKind::TeresMajor,
     .id = "teres-major",
     .meshName = "teres_major",
     .displayName = "Teres major",
     .patterns = "teres|teretis major|majoris|maior|maj",
     .shade = 0.97f,
     .layer = 3},
    {.kind = MuscleKind::LevatorScapulae,
     .id = "levator-scapulae",
     .meshName = "levator_scapulae",
     .displayName = "Levator scapulae",
     .patterns = "levator scapulae|scapula",
     .shade = 0.93f,
     .layer = 2},
    {.kind = MuscleKind::SerratusAnterior,
     .id = "serratus-anterior",
     .meshName = "serratus_anterior",
     .displayName = "Serratus anterior",
     .patterns = "serratus|serrati anterior|anterioris|ant",
     .shade = 1.03f,
     .layer = 3},
    {.kind = MuscleKind::ErectorSpinae,
     .id = "erector-spinae",
     .meshName = "erector_spinae",
     .displayName = "Erector spinae",
     // Its columns are recognised on their own as well ("Spinalis thoracis muscle.l").
     .patterns = "erector|erectores spinae;sacrospinalis;iliocostalis|iliocostales;longissimus|longissimi;"
                 "spinalis|spinales",
     .parts = kErectorColumns,
     .shade = 0.97f,
     .layer = 3},
    {.kind = MuscleKind::SpleniusCapitis,
     .id = "splenius-capitis",
     .meshName = "splenius_capitis",
     .displayName = "Splenius capitis",
     .patterns = "splenius|splenii capitis",
     .shade = 0.95f,
     .layer = 3},
    {.kind = MuscleKind::ExternalOblique,
     .id = "external-oblique",
     .meshName = "external_oblique",
     .displayName = "External oblique",
     .patterns = "external|externus|externi|ext oblique|obliquus|obliqui|obliques",
     .shade = 1.05f},
    {.kind = MuscleKind::NuchalLigament,
     .id = "nuchal-ligament",
     .meshName = "nuchal_ligament",
     .displayName = "Nuchal ligament",
     .patterns = "nuchal|nuchae ligament|ligamentum|lig",
     .tissue = TissueKind::Tendon,
     .paired = false,
     .layer = 3},
    {.kind = MuscleKind::ThoracolumbarFascia,
     .id = "thoracolumbar-fascia",
     .meshName = "thoracolumbar_fascia",
     .displayName = "Thoracolumbar fascia",
     .patterns = "thoracolumbar|lumbodorsal fascia|fasciae|aponeurosis",
     .tissue = TissueKind::Tendon,
     .layer = 2},
};

}  // namespace

std::span<const MuscleInfo> muscleCatalog() { return kCatalog; }

const MuscleInfo& muscleInfo(MuscleKind kind) {
  for (const MuscleInfo& m : kCatalog)
    if (m.kind == kind) return m;
  return kNone;
}

const MusclePartInfo* musclePartInfo(MuscleKind kind, MusclePart part) {
  for (const MusclePartInfo& p : muscleInfo(kind).parts)
    if (p.part == part) return &p;
  return nullptr;
}

const MuscleInfo* findMuscle(std::string_view id) {
  for (const MuscleInfo& m : kCatalog)
    if (m.id == id) return &m;
  return nullptr;
}

std::string meshNameOf(const MuscleId& id) {
  const MusclePartInfo* part = musclePartInfo(id.kind, id.part);
  std::string name(part ? part->meshName : muscleInfo(id.kind).meshName);
  if (id.side == Side::Left) name += "_L";
  if (id.side == Side::Right) name += "_R";
  return name;
}

float muscleShade(const MuscleId& id) {
  const MusclePartInfo* part = musclePartInfo(id.kind, id.part);
  return muscleInfo(id.kind).shade * (part ? part->shade : 1.0f);
}

}  // namespace myo::scene
