// The pressure estimate (exercise/pressure.hpp) on hand-computed cases, the force fractions of anatomy.md
// section 7 by exercise, the bands, and the estimate under the shipped exercises.
#include <doctest/doctest.h>

#include <cmath>

#include "exercise/playback.hpp"
#include "exercise/pressure.hpp"
#include "exercise/safety_zones.hpp"
#include "exercise_test_support.hpp"

using namespace myo;
using namespace myo::exercise;

TEST_CASE("pressure: chord, areas and the estimate, computed by hand") {
  // A 6 in roller (r = 0.0762 m) sunk 10 mm: half-chord sqrt(2 * 0.0762 * 0.01 - 0.01^2) = sqrt(0.001424).
  CHECK(chordHalfWidth(0.0762, 0.01) == doctest::Approx(0.0377359).epsilon(1e-5));
  CHECK(chordHalfWidth(0.05, 0.0) == 0.0);
  CHECK(chordHalfWidth(0.05, 0.2) == doctest::Approx(0.05));  // deeper than the radius: the full width
  // A band 0.2 m long: 0.2 * 2 * 0.0377359 = 0.0150944 m^2.
  CHECK(contactArea(ContactShape::Band, 0.0762, 0.2, 0.01) == doctest::Approx(0.0150944).epsilon(1e-5));
  // A lacrosse ball (r = 0.03175 m) sunk 8 mm: a^2 = 0.000508 - 0.000064 = 0.000444; pi a^2 = 0.00139487 m^2.
  CHECK(contactArea(ContactShape::Disc, 0.03175, 0.0, 0.008) == doctest::Approx(0.00139487).epsilon(1e-5));

  PressureInput in;
  in.bodyWeightKg = 80.0;
  in.forceFraction = {0.25, 0.5, 0.75};
  in.shape = ContactShape::Band;
  in.toolRadiusM = 0.0762;
  in.bandLengthM = {0.2, 0.2, 0.2};
  in.indentationM = {0.01, 0.01, 0.01};
  const PressureEstimate e = estimatePressure(in);
  // 0.5 * 80 kg * 9.81 = 392.4 N over 0.0150944 m^2 = 25.997 kPa; a quarter and three quarters: 13.0 and 39.0.
  CHECK(e.forceN == doctest::Approx(392.4));
  CHECK(e.areaM2 == doctest::Approx(0.0150944).epsilon(1e-5));
  CHECK(e.kpa == doctest::Approx(25.997).epsilon(1e-4));
  CHECK(e.lowKpa == doctest::Approx(12.998).epsilon(1e-4));
  CHECK(e.highKpa == doctest::Approx(38.995).epsilon(1e-4));
  CHECK(e.band == PressureBand::Gentle);

  // The ball: 0.081 BW of 84.9 kg = 67.463 N on 0.00139487 m^2 = 48.37 kPa, firm.
  PressureInput ball;
  ball.bodyWeightKg = 84.9;
  ball.forceFraction = {0.081, 0.081, 0.081};
  ball.toolRadiusM = 0.03175;
  ball.indentationM = {0.008, 0.008, 0.008};
  const PressureEstimate b = estimatePressure(ball);
  CHECK(b.forceN == doctest::Approx(67.463).epsilon(1e-4));
  CHECK(b.kpa == doctest::Approx(48.365).epsilon(1e-3));
  CHECK(b.band == PressureBand::Firm);
  // Twice the weight, twice the pressure.
  ball.bodyWeightKg = 169.8;
  CHECK(estimatePressure(ball).kpa == doctest::Approx(2.0 * b.kpa));
}

TEST_CASE("pressure: the bands are gentle up to 30 kPa, firm up to 75, too much beyond") {
  CHECK(pressureBand(10.0) == PressureBand::Gentle);
  CHECK(pressureBand(30.0) == PressureBand::Gentle);
  CHECK(pressureBand(30.1) == PressureBand::Firm);
  CHECK(pressureBand(75.0) == PressureBand::Firm);
  CHECK(pressureBand(75.1) == PressureBand::TooMuch);
  CHECK(pressureBandName(PressureBand::TooMuch) == "too much");
}

TEST_CASE("pressure: the reference's force fractions by exercise") {
  const ExerciseSet& set = test::shippedExercises();
  // Ex1: bridged 0.50 at T2 (1.4576) and 0.70 at T12 (1.1833), pelvis-down 0.28 and 0.52 as the low end;
  // halfway between T6 (0.56) and T8 (0.60) by height, 0.58.
  const Exercise& trap = set.find("trapezius-foam-roller");
  auto f = pressureInput(trap, 1.4576, 84.9)->forceFraction;
  CHECK(f.nominal == doctest::Approx(0.50));
  CHECK(f.low == doctest::Approx(0.28));
  f = pressureInput(trap, 1.1833, 84.9)->forceFraction;
  CHECK(f.nominal == doctest::Approx(0.70));
  CHECK(f.low == doctest::Approx(0.52));
  CHECK(pressureInput(trap, 0.5 * (1.3452 + 1.2887), 84.9)->forceFraction.nominal == doctest::Approx(0.58));
  CHECK(pressureInput(trap, 1.4576, 84.9)->shape == ContactShape::Band);
  // Ex2: heels 0.35 m from the wall, a lean of 9.1 deg: 0.081 BW.
  const Exercise& ball = set.find("rhomboid-massage-ball");
  CHECK(pressureInput(ball, 1.40, 84.9)->forceFraction.nominal == doctest::Approx(0.081));
  CHECK(pressureInput(ball, 1.40, 84.9)->shape == ContactShape::Disc);
  // Ex3: 0.52 BW at the armpit (RIB6_LAT 1.2902), 0.77 at the lower ribs (RIB9_LAT 1.1714), times 0.7 to 0.9.
  const Exercise& lat = set.find("latissimus-foam-roller");
  f = pressureInput(lat, 1.2902, 84.9)->forceFraction;
  CHECK(f.nominal == doctest::Approx(0.8 * 0.52));
  CHECK(f.low == doctest::Approx(0.7 * 0.52));
  CHECK(pressureInput(lat, 1.1714, 84.9)->forceFraction.high == doctest::Approx(0.9 * 0.77));
  // Ex4: 0.19 BW on the backrest at 25 deg of recline, three quarters of it on two nodes.
  const Exercise& chair = set.find("massage-chair");
  CHECK(pressureInput(chair, 1.40, 84.9)->forceFraction.nominal == doctest::Approx(0.75 * 0.19 / 2.0));
  Exercise unknown = trap;
  unknown.motion = "no-such-motion";
  CHECK_FALSE(pressureInput(unknown, 1.40, 84.9));
}

TEST_CASE("pressure: every shipped exercise has an estimate while it works, and none outside the work") {
  const scene::Model& m = test::shippedModel();
  for (const Exercise& ex : test::shippedExercises().exercises) {
    CAPTURE(ex.id);
    const Playback pb(m, ex);
    const auto body = BodyFrame::of(m, pb.restSurface());
    REQUIRE(body);
    const Segment& work = *test::workSegments(pb.plan()).front();
    const auto during = pressureAt(ex, *body, pb.at(work.start + 0.5 * work.duration), 84.9);
    REQUIRE(during);
    CHECK(during->lowKpa <= during->kpa);
    CHECK(during->kpa <= during->highKpa);
    CHECK(during->kpa > 5.0);
    CHECK(during->kpa < 100.0);
    CHECK_FALSE(pressureAt(ex, *body, pb.at(1.0), 84.9));  // lead-in: the tool does not press yet
  }
}
