// exercise/pressure.hpp: an estimate of the pressure under the tool, in kPa, from body weight, the posture's
// share of it on the tool (anatomy.md section 7) and the tool's contact area, with its uncertainty.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "exercise/exercise_data.hpp"
#include "exercise/playback.hpp"
#include "exercise/safety_zones.hpp"

namespace myo::exercise {

/// The reference subject's mass (anatomy.md section 1, ANSUR2 regression at 1.75 m), the default body weight.
inline constexpr double kDefaultBodyWeightKg = 84.9;
/// The body weights the setting accepts, kilograms.
inline constexpr double kMinBodyWeightKg = 30.0;
inline constexpr double kMaxBodyWeightKg = 250.0;
inline constexpr double kGravity = 9.81;  ///< m/s^2

/// The bands of the panel's bar, in kPa. Our own limits, not from a study: "gentle" up to 30 kPa (the
/// trapezius roll with the pelvis down), "firm" up to 75 kPa, "too much" beyond.
inline constexpr double kGentleMaxKpa = 30.0;
inline constexpr double kFirmMaxKpa = 75.0;

enum class PressureBand : std::uint8_t { Gentle, Firm, TooMuch };
/// "gentle", "firm", "too much".
std::string_view pressureBandName(PressureBand band);
PressureBand pressureBand(double kpa);

/// A quantity with its plausible range.
struct Span {
  double low = 0.0;
  double nominal = 0.0;
  double high = 0.0;
};

/// A roller presses along a band across the body; a ball or a chair's node presses a disc.
enum class ContactShape : std::uint8_t { Band, Disc };

/// What the estimate is computed from.
struct PressureInput {
  double bodyWeightKg = kDefaultBodyWeightKg;
  Span forceFraction;  ///< share of body weight on the tool (on each node for the chair)
  ContactShape shape = ContactShape::Disc;
  double toolRadiusM = 0.0;
  Span bandLengthM;         ///< Band: length of the body in contact along the roller, metres
  Span indentationM;        ///< how deep the tool sinks into the soft tissue, metres
  const char* source = "";  ///< where the force fraction comes from
};

struct PressureEstimate {
  double kpa = 0.0;      ///< nominal pressure: nominal force over nominal area
  double lowKpa = 0.0;   ///< least force over the largest area
  double highKpa = 0.0;  ///< most force over the smallest area
  double forceN = 0.0;   ///< nominal force on the tool (per node for the chair), newtons
  double areaM2 = 0.0;   ///< nominal contact area, square metres
  PressureBand band = PressureBand::Gentle;
  const char* source = "";
};

/// Half the chord a circle of radius `r` cuts at depth `d` below its lowest point: sqrt(2 r d - d^2) (d <= r).
double chordHalfWidth(double r, double d);
/// Contact area in m^2: a band of `length` by the chord at depth `d` across a roller of radius `r`, or the
/// disc the chord at depth `d` cuts from a ball of radius `r`.
double contactArea(ContactShape shape, double r, double length, double d);

/// The estimate: pressure = fraction * body weight * g / area.
PressureEstimate estimatePressure(const PressureInput& in);

/// The input for an exercise at a contact height (`refY`, metres on the reference subject): by the exercise's
/// motion kind, the force fractions of anatomy.md section 7 (Ex1 by level, bridged, down to the pelvis-down
/// variant; Ex2 by the lean; Ex3 at the armpit to the lower ribs, less 10-30 % carried by the top foot and hand;
/// Ex4 by the backrest's recline, shared by the two nodes) and contact sizes of our own (indentations of
/// 5-15 mm; the band of back on a roller 0.15-0.25 m across the back, 0.08-0.14 m of side chest). Nothing for a
/// motion kind it does not know.
std::optional<PressureInput> pressureInput(const Exercise& exercise, double refY, double bodyWeightKg);

/// The estimate under the main contact of `frame` while it presses (a work phase), else nothing.
std::optional<PressureEstimate> pressureAt(const Exercise& exercise, const BodyFrame& frame, const MotionFrame& motion,
                                           double bodyWeightKg);

}  // namespace myo::exercise
