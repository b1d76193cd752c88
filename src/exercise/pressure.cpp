// exercise/pressure.cpp: force fractions by exercise, contact areas, and the pressure estimate.
#include "exercise/pressure.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "exercise/tool_path.hpp"

namespace myo::exercise {

namespace {

/// Linear interpolation through (x, y) points sorted by x, held flat beyond the ends.
double interpolate(std::initializer_list<std::pair<double, double>> table, double x) {
  const auto* first = table.begin();
  const auto* last = table.end() - 1;
  if (x <= first->first) return first->second;
  if (x >= last->first) return last->second;
  for (const auto* p = first; p != last; ++p) {
    const auto* q = p + 1;
    if (x <= q->first) return p->second + (q->second - p->second) * (x - p->first) / (q->first - p->first);
  }
  return last->second;
}

// Contact sizes (ours): how far the tissue gives under the tool, and how much of the body lies on a roller.
constexpr Span kRollerIndentation{0.006, 0.010, 0.015};
constexpr Span kBallIndentation{0.005, 0.008, 0.012};
constexpr Span kBackOnRoller{0.15, 0.20, 0.25};  // across the upper back, both sides of the spine
constexpr Span kSideOnRoller{0.08, 0.10, 0.14};  // the side of the chest, side-lying

}  // namespace

std::string_view pressureBandName(PressureBand band) {
  switch (band) {
    case PressureBand::Gentle:
      return "gentle";
    case PressureBand::Firm:
      return "firm";
    case PressureBand::TooMuch:
      return "too much";
  }
  return "";
}

PressureBand pressureBand(double kpa) {
  if (kpa <= kGentleMaxKpa) return PressureBand::Gentle;
  if (kpa <= kFirmMaxKpa) return PressureBand::Firm;
  return PressureBand::TooMuch;
}

double chordHalfWidth(double r, double d) {
  d = std::clamp(d, 0.0, r);
  return std::sqrt(std::max(0.0, 2.0 * r * d - d * d));
}

double contactArea(ContactShape shape, double r, double length, double d) {
  const double a = chordHalfWidth(r, d);
  return shape == ContactShape::Band ? length * 2.0 * a : 3.14159265358979323846 * a * a;
}

PressureEstimate estimatePressure(const PressureInput& in) {
  const double weightN = in.bodyWeightKg * kGravity;
  const auto area = [&](double length, double d) { return contactArea(in.shape, in.toolRadiusM, length, d); };
  const double nominalArea = area(in.bandLengthM.nominal, in.indentationM.nominal);
  const double largest = area(in.bandLengthM.high, in.indentationM.high);
  const double smallest = area(in.bandLengthM.low, in.indentationM.low);
  PressureEstimate e;
  e.forceN = in.forceFraction.nominal * weightN;
  e.areaM2 = nominalArea;
  const auto kpa = [](double force, double a) { return a > 0.0 ? force / a / 1000.0 : 0.0; };
  e.kpa = kpa(e.forceN, nominalArea);
  e.lowKpa = kpa(in.forceFraction.low * weightN, largest);
  e.highKpa = kpa(in.forceFraction.high * weightN, smallest);
  e.band = pressureBand(e.kpa);
  e.source = in.source;
  return e;
}

std::optional<PressureInput> pressureInput(const Exercise& exercise, double refY, double bodyWeightKg) {
  PressureInput in;
  in.bodyWeightKg = bodyWeightKg;
  in.toolRadiusM = 0.5 * exercise.equipment.diameterM;
  const std::string& motion = exercise.motion;
  if (motion == "midline-roller") {
    // Ex1 by level (the bone heights of SP_T12 ... SP_T2): bridged, the pose shown; pelvis-down as the low end.
    const double t12 = referenceHeight("SP_T12"), t10 = referenceHeight("SP_T10"), t8 = referenceHeight("SP_T8");
    const double t6 = referenceHeight("SP_T6"), t4 = referenceHeight("SP_T4"), t2 = referenceHeight("SP_T2");
    const double bridged =
        interpolate({{t12, 0.70}, {t10, 0.64}, {t8, 0.60}, {t6, 0.56}, {t4, 0.53}, {t2, 0.50}}, refY);
    const double down = interpolate({{t12, 0.52}, {t10, 0.44}, {t8, 0.39}, {t6, 0.34}, {t4, 0.31}, {t2, 0.28}}, refY);
    in.forceFraction = {down, bridged, bridged};
    in.shape = ContactShape::Band;
    in.bandLengthM = kBackOnRoller;
    in.indentationM = kRollerIndentation;
    in.source = "anatomy.md 7, Ex1 (DERIVED; BAUMGART2019 for comparison)";
  } else if (motion == "side-roller") {
    // Ex3: 0.52 BW at the armpit (RIB6_LAT), 0.77 BW at the lower ribs (RIB9_LAT), less 10-30 %.
    const double statics = interpolate({{referenceHeight("RIB9_LAT_L"), 0.77}, {referenceHeight("RIB6_LAT_L"), 0.52}}, refY);
    in.forceFraction = {0.7 * statics, 0.8 * statics, 0.9 * statics};
    in.shape = ContactShape::Band;
    in.bandLengthM = kSideOnRoller;
    in.indentationM = kRollerIndentation;
    in.source = "anatomy.md 7, Ex3 (DERIVED)";
  } else if (motion == "wall-ball") {
    // Ex2 by the lean back from vertical (heels 0.25 / 0.35 / 0.45 m from the wall); +-30 % for the squat (ours).
    const double lean = std::abs(double(exercise.pose.root.rotationDeg.x));
    const double f = interpolate({{4.8, 0.024}, {9.1, 0.081}, {13.3, 0.138}}, lean);
    in.forceFraction = {0.7 * f, f, 1.3 * f};
    in.shape = ContactShape::Disc;
    in.indentationM = kBallIndentation;
    in.source = "anatomy.md 7, Ex2 (DERIVED)";
  } else if (motion == "chair-programme") {
    // Ex4: the backrest carries 0.19 BW at 25 deg of recline, 0.37 BW at 55 deg; the two nodes carry most of
    // it (ours: half to all, three quarters nominal), shared equally.
    const auto it = exercise.pose.root.figures.find("backrest_recline_deg");
    const double recline = it != exercise.pose.root.figures.end() ? it->second : 25.0;
    const double load = interpolate({{25.0, 0.19}, {55.0, 0.37}}, recline);
    in.forceFraction = {0.5 * load / 2.0, 0.75 * load / 2.0, load / 2.0};
    in.shape = ContactShape::Disc;
    in.indentationM = kBallIndentation;
    in.source = "anatomy.md 7, Ex4 (DERIVED; CHAIR, low confidence)";
  } else {
    return std::nullopt;
  }
  return in;
}

std::optional<PressureEstimate> pressureAt(const Exercise& exercise, const BodyFrame& frame, const MotionFrame& motion,
                                           double bodyWeightKg) {
  if (!motion.contact || !motion.contact->pressed) return std::nullopt;
  const auto in = pressureInput(exercise, frame.refY(motion.contact->restPoint.y), bodyWeightKg);
  if (!in) return std::nullopt;
  return estimatePressure(*in);
}

}  // namespace myo::exercise
