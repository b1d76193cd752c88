// exercise/playback.cpp: exercise motion: poses, tool tracks from the model's muscles, rolling kinematics,
// equipment placement, contact and coverage.
//
// How the paths are found (all in the posed body frame, then mapped back to the rest frame through the
// triangle that was hit):
// - trapezius, foam roller: rays from behind along the spine's midline (the centre of the trapezius'
//   bounds) between the T2 and T12 levels, which are scaled from the reference to the model's own
//   trapezius (tool_path.hpp); the first surface met is the contact.
// - rhomboids, massage ball: the trigger point is the centroid of the outer surface of rhomboid major on
//   the worked side, which lies between the spinous processes and the scapula's medial border; short
//   strokes run a few centimetres up and down through the surface point over it.
// - latissimus, foam roller: rays from the floor side (the roller's direction in the body frame) at
//   heights from just below the armpit down to the lower ribs, one track per trunk turn from side-lying
//   toward supine; the turn starts where the contact first lies over the latissimus.
// - massage chair: two tracks left and right of the midline from T1 to T8.
#include "exercise/playback.hpp"

#include "exercise/pose_solver.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

namespace myo::exercise {

namespace {

enum class Motion { MidlineRoller, SideRoller, WallBall, Chair };

constexpr int kCoverageSamples = 240;   // time samples of one work phase for the coverage table
constexpr std::size_t kMaxPathPoints = 64;
constexpr int kLatColumns = 9;          // trunk turns sampled between side-lying and the full turn
constexpr int kLatHeights = 24;
constexpr int kMidlineHeights = 48;
constexpr double kBallStroke = 0.02;    // metres either side of the trigger point
constexpr double kSeatTop = 0.45;       // chair seat height, metres
constexpr double kHipAboveSeat = 0.10;  // hip joint centre above the seat (ischial tuberosities)
constexpr double kStandClear = 0.40;
constexpr double kRollerBehind = 0.38;  // side-lying: roller centre behind the contact along its axis, metres    // gap between equipment and the body standing for a stretch
const glm::vec3 kUp(0.0f, 1.0f, 0.0f);

bool contains(const std::vector<scene::MuscleKind>& v, scene::MuscleKind k) {
  return std::find(v.begin(), v.end(), k) != v.end();
}

glm::vec3 horizontal(glm::vec3 v, const glm::vec3& fallback) {
  v.y = 0.0f;
  const float len = glm::length(v);
  return len > 1e-6f ? v / len : fallback;
}

double smoothstep(double e0, double e1, double x) {
  if (e1 <= e0) return x >= e1 ? 1.0 : 0.0;
  const double t = std::clamp((x - e0) / (e1 - e0), 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

std::vector<glm::vec3> downsample(const std::vector<glm::vec3>& points, std::size_t count, const glm::vec3& last) {
  std::vector<glm::vec3> out;
  const std::size_t n = std::min(count, points.size());
  if (n == 0) return {last};
  const std::size_t keep = kMaxPathPoints - 1;
  if (n <= keep) {
    out.assign(points.begin(), points.begin() + std::ptrdiff_t(n));
  } else {
    for (std::size_t i = 0; i < keep; ++i) out.push_back(points[i * (n - 1) / (keep - 1)]);
  }
  out.push_back(last);
  return out;
}

}  // namespace

/// A foot or hand planted on the floor: its limb's end joint stays at `target` (world) while the trunk
/// moves, the hinge toward `poleBody` (body frame), the sole or palm flat with the toes or fingers along
/// `forward` (world, horizontal).
struct Plant {
  LimbId limb = LimbId::LegL;
  glm::vec3 target{0.0f};
  glm::vec3 poleBody{0.0f, 0.0f, 1.0f};
  glm::vec3 forward{0.0f, 0.0f, 1.0f};
  bool hand = false;
};

/// One pose of the body with its tracks and coverage: one per worked side.
struct Config {
  scene::Side side = scene::Side::None;
  std::vector<glm::mat4> bodyLocal;  ///< node-local transforms of the exercise pose (arms solved)
  std::vector<glm::mat4> bodyWorld;  ///< forward kinematics of the exercise pose, not placed
  JointAngles angles;                ///< the exercise pose for this side
  std::vector<Plant> plants;         ///< feet and hands that stay put on the floor during a work phase
  std::vector<glm::vec3> lowPoints;  ///< latissimus: posed surface of the lower side of the body, to settle
  glm::vec3 rootDeg{0.0f};
  double turnSign = 0.0;             ///< body turn about its long axis = turnSign * turn (radians)
  std::shared_ptr<PosedSurface> surface;
  std::vector<Track> tracks;         ///< chair: left and right; latissimus: one per column; else one
  double baseTurnDeg = 0.0;          ///< latissimus: the turn at which the contact lies over the muscle
  std::vector<int> targets;
  CoverageTable coverage;
  std::vector<std::vector<glm::vec3>> trajectory;  ///< per contact, rest points at the coverage samples
  // Placement constants, from the first instant of the phase.
  glm::vec3 anchor{0.0f};            ///< placed-rotation contact point at the start (floor roller)
  double wallZ = 0.0;
  glm::mat4 backrest{1.0f}, seat{1.0f};
  glm::vec3 chairOffset{0.0f};
  glm::vec3 standOffset{0.0f};
};

/// The contact(s) on the tracks at one moment of a work phase.
struct Instant {
  std::vector<TrackSample> samples;
  double travel = 0.0;   ///< arc length of the main contact along its track (m)
  double turnDeg = 0.0;  ///< turn beyond baseTurnDeg
};

/// The body and equipment placed for one instant.
struct Placed {
  glm::mat4 body{1.0f};
  std::vector<glm::vec3> contactWorld;
  std::vector<ToolShape> tools;
  glm::vec3 toolPosition{0.0f};
  double rollAngle = 0.0;
};

struct Playback::Impl {
  const scene::Model* model = nullptr;
  Exercise exercise;
  TimerPlan plan;
  Rig rig;
  bool posing = false;
  Motion motion = Motion::MidlineRoller;
  std::shared_ptr<RestSurface> rest;
  std::vector<glm::mat4> restWorld;
  std::vector<int> allTargets;
  TrunkAxis axis;
  float midX = 0.0f;
  float trunkZ = 0.0f;
  std::optional<glm::vec3> trigger;
  bool crossArms = false;                 ///< arms crossed with the forearms on the chest (Ex1, Ex2)
  std::array<glm::vec3, 2> crossTarget{};  ///< rest-frame wrist targets of the left and right arm
  scene::Side triggerSide = scene::Side::Left;
  std::vector<Config> configs;
  double workS = 0.0;

  // --- set-up
  std::vector<int> meshesOf(std::initializer_list<scene::MuscleKind> kinds, scene::Side side) const;
  glm::mat3 bodyRotation(const Config& c, double turnDeg) const;
  glm::vec3 pressWorld(const glm::mat3& r) const;
  double toolRadius() const;
  Patch patchFor(const glm::vec3& rest, const glm::vec3& outward, const glm::vec3& axisBody) const;
  void buildConfig(Config& c);
  void buildTracks(Config& c);
  void buildCoverage(Config& c);
  void buildPlacement(Config& c);

  // --- per frame
  Instant instant(const Config& c, double tau) const;
  Placed place(const Config& c, const Instant& in) const;
  const Config& configFor(scene::Side side) const;
  std::vector<glm::mat4> placedWorld(const Config& c, const glm::mat4& body) const;
  void planFeet(Config& c) const;
  void findCrossTargets();
  void planSideLying(Config& c) const;
};

std::vector<int> Playback::Impl::meshesOf(std::initializer_list<scene::MuscleKind> kinds, scene::Side side) const {
  std::vector<int> out;
  for (std::size_t m = 0; m < model->roles.size() && m < model->meshes.size(); ++m) {
    const scene::MuscleId& id = model->roles[m].muscle;
    if (std::find(kinds.begin(), kinds.end(), id.kind) == kinds.end() || !id.valid()) continue;
    if (side != scene::Side::None && id.side != scene::Side::None && id.side != side) continue;
    out.push_back(int(m));
  }
  return out;
}

glm::mat3 Playback::Impl::bodyRotation(const Config& c, double turnDeg) const {
  const glm::quat root = eulerDegrees(c.rootDeg);
  const glm::quat turn = glm::angleAxis(float(glm::radians(c.turnSign * turnDeg)), kUp);
  return glm::mat3_cast(root * turn);
}

glm::vec3 Playback::Impl::pressWorld(const glm::mat3& r) const {
  switch (motion) {
    case Motion::MidlineRoller:
    case Motion::SideRoller: return {0.0f, -1.0f, 0.0f};  // the roller lies on the floor
    case Motion::WallBall: return {0.0f, 0.0f, -1.0f};     // the wall stands behind the body
    case Motion::Chair: return r * glm::vec3(0.0f, 0.0f, -1.0f);  // the backrest behind the back
  }
  return {0.0f, -1.0f, 0.0f};
}

double Playback::Impl::toolRadius() const { return 0.5 * exercise.equipment.diameterM; }

Patch Playback::Impl::patchFor(const glm::vec3& restPoint, const glm::vec3& outward, const glm::vec3& axisBody) const {
  Patch p;
  p.point = restPoint;
  p.outward = outward;
  switch (motion) {
    case Motion::MidlineRoller:
    case Motion::SideRoller:
      // A long roller presses a band across the body; soft tissue lets it reach about 4 cm deep.
      p.axis = axisBody;
      p.radius = 0.04f;
      p.halfWidth = float(0.5 * exercise.equipment.lengthM);
      p.depth = 0.04f;
      break;
    case Motion::WallBall:
      p.radius = 0.03f;
      p.depth = 0.05f;  // the ball sinks in deeper, under the middle trapezius
      break;
    case Motion::Chair:
      p.radius = 0.035f;
      p.depth = 0.05f;
      break;
  }
  return p;
}

void Playback::Impl::buildTracks(Config& c) {
  SurfaceQuery query{c.surface.get(), model};
  const glm::mat3 r0 = bodyRotation(c, c.baseTurnDeg);
  const glm::vec3 pressBody = glm::transpose(r0) * pressWorld(r0);
  const glm::vec3 inward = horizontal(-pressBody, glm::vec3(0.0f, 0.0f, 1.0f));
  c.tracks.clear();
  const std::vector<int> trapezius = meshesOf({scene::MuscleKind::Trapezius}, scene::Side::None);
  switch (motion) {
    case Motion::MidlineRoller: {
      const auto levels = trapeziusLevels(*rest, trapezius.empty() ? c.targets : trapezius, midX);
      if (!levels) return;
      const glm::vec3 u = horizontal(r0 * kUp, glm::vec3(0.0f, 0.0f, -1.0f));
      const glm::vec3 axisBody = glm::transpose(r0) * glm::normalize(glm::cross(kUp, u));
      std::vector<glm::vec3> guides;
      for (int i = 0; i < kMidlineHeights; ++i) {
        const double y = levels->top + (levels->bottom - levels->top) * i / (kMidlineHeights - 1);
        guides.emplace_back(midX, float(y), trunkZ);
      }
      c.tracks.push_back(castTrack(query, guides, inward, axisBody, {0.0f, -0.03f, 0.03f, -0.06f, 0.06f, -0.1f, 0.1f}));
      break;
    }
    case Motion::WallBall: {
      if (!trigger) return;
      std::vector<glm::vec3> guides;
      for (int i = 0; i <= 8; ++i)
        guides.emplace_back(trigger->x, float(trigger->y - kBallStroke + 2.0 * kBallStroke * i / 8), trunkZ);
      c.tracks.push_back(castTrack(query, guides, inward, glm::vec3(1.0f, 0.0f, 0.0f), {0.0f, -0.01f, 0.01f}));
      break;
    }
    case Motion::Chair: {
      const auto levels = trapeziusLevels(*rest, trapezius.empty() ? c.targets : trapezius, midX, true);
      if (!levels) return;
      const float half = float(0.5 * exercise.equipment.nodeSpacingM);
      for (float x : {midX + half, midX - half}) {  // subject's left (+X) first
        std::vector<glm::vec3> guides;
        for (int i = 0; i < kMidlineHeights; ++i) {
          const double y = levels->top + (levels->bottom - levels->top) * i / (kMidlineHeights - 1);
          guides.emplace_back(x, float(y), trunkZ);
        }
        c.tracks.push_back(castTrack(query, guides, inward, glm::vec3(1.0f, 0.0f, 0.0f), {0.0f, -0.01f, 0.01f}));
      }
      break;
    }
    case Motion::SideRoller: {
      const auto levels = latissimusLevels(*rest, c.targets);
      if (!levels) return;
      const auto bounds = meshBounds(*rest, c.targets);
      const float zc = bounds ? 0.5f * (bounds->first.z + bounds->second.z) : trunkZ;
      auto inwardAt = [&](double turnDeg) {
        const glm::mat3 r = bodyRotation(c, turnDeg);
        return horizontal(-(glm::transpose(r) * pressWorld(r)), glm::vec3(-1.0f, 0.0f, 0.0f));
      };
      auto columnAt = [&](double turnDeg, int heights) {
        const glm::mat3 r = bodyRotation(c, turnDeg);
        const glm::vec3 u = horizontal(r * kUp, glm::vec3(1.0f, 0.0f, 0.0f));
        const glm::vec3 axisBody = glm::transpose(r) * glm::normalize(glm::cross(kUp, u));
        std::vector<glm::vec3> guides;
        for (int i = 0; i < heights; ++i) {
          const double y = levels->top + (levels->bottom - levels->top) * i / std::max(heights - 1, 1);
          guides.emplace_back(midX, float(y), zc);
        }
        // The roller under a side-lying body touches where the trunk bulges furthest toward the floor.
        return castTrack(query, guides, inwardAt(turnDeg), axisBody, {0.0f, -0.025f, 0.025f, -0.05f, 0.05f}, 0.15f);
      };
      // Start the turn where the latissimus lies right under the contact along most of the path: in pure
      // side-lying the bulge of the chest wall can sit in front of the muscle's lateral edge.
      auto overLat = [&](const Track& t, const glm::vec3& in) {
        int n = 0;
        for (const TrackPoint& p : t.points)
          for (const auto& [mesh, depth] : c.surface->meshesAlong(p.posed - 1e-4f * in, in, 0.12f))
            if (std::find(c.targets.begin(), c.targets.end(), mesh) != c.targets.end()) {
              ++n;
              break;
            }
        return n;
      };
      int best = -1;
      c.baseTurnDeg = 0.0;
      for (double base = 0.0; base <= 40.0; base += 5.0) {
        const int n = overLat(columnAt(base, 5), inwardAt(base));
        if (n > best) {
          best = n;
          c.baseTurnDeg = base;
        }
        if (n >= 5) break;
      }
      const double turn = exercise.tool.path.turnDeg;
      for (int j = 0; j < kLatColumns; ++j)
        c.tracks.push_back(columnAt(c.baseTurnDeg + turn * j / (kLatColumns - 1), kLatHeights));
      break;
    }
  }
}

Instant Playback::Impl::instant(const Config& c, double tau) const {
  Instant in;
  const PathSpec& path = exercise.tool.path;
  const double w = workS;
  switch (motion) {
    case Motion::MidlineRoller: {
      if (c.tracks.empty() || c.tracks[0].empty()) return in;
      const Track& t = c.tracks[0];
      in.travel = t.length() * sweep(tau, w, passesFor(w, path.speedMS, t.length()));
      in.samples.push_back(t.at(in.travel));
      break;
    }
    case Motion::WallBall: {
      if (c.tracks.empty() || c.tracks[0].empty()) return in;
      const Track& t = c.tracks[0];
      // Short strokes either side of the trigger point, starting and ending on it.
      const int strokes = std::max(1, int(std::lround(w / (2.0 * std::max(path.strokeS, 0.5)))));
      const double phase = w > 0.0 ? 2.0 * glm::pi<double>() * strokes * std::clamp(tau, 0.0, w) / w : 0.0;
      in.travel = 0.5 * t.length() * (1.0 + std::sin(phase));
      in.samples.push_back(t.at(in.travel));
      break;
    }
    case Motion::Chair: {
      for (const Track& t : c.tracks) {
        if (t.empty()) continue;
        const double s = t.length() * sweep(tau, w, passesFor(w, path.speedMS, t.length()));
        if (in.samples.empty()) in.travel = s;
        in.samples.push_back(t.at(s));
      }
      break;
    }
    case Motion::SideRoller: {
      if (c.tracks.empty() || c.tracks[0].empty()) return in;
      const double length = c.tracks[0].length();
      const double u = sweep(tau, w, passesFor(w, path.speedMS, length));
      const auto fig = exercise.pose.root.figures.find("turn_cycles_per_min");
      const double cycles = fig != exercise.pose.root.figures.end() ? fig->second : 3.0;
      const int turns = std::max(1, int(std::lround(w / 60.0 * cycles)));
      in.turnDeg = path.turnDeg * sweep(tau, w, turns);
      in.travel = u * length;
      const double column = path.turnDeg > 0.0 ? in.turnDeg / path.turnDeg * (kLatColumns - 1) : 0.0;
      const int j0 = std::clamp(int(std::floor(column)), 0, int(c.tracks.size()) - 1);
      const int j1 = std::min(j0 + 1, int(c.tracks.size()) - 1);
      const float f = float(column - j0);
      const Track& a = c.tracks[std::size_t(j0)];
      const Track& b = c.tracks[std::size_t(j1)];
      if (a.empty() || b.empty()) {
        in.samples.push_back(c.tracks[0].at(in.travel));
        break;
      }
      TrackSample sa = a.at(u * a.length()), sb = b.at(u * b.length());
      TrackSample s;
      s.rest = glm::mix(sa.rest, sb.rest, f);
      s.posed = glm::mix(sa.posed, sb.posed, f);
      s.muscles = f < 0.5f ? sa.muscles : sb.muscles;
      in.samples.push_back(s);
      break;
    }
  }
  return in;
}

Placed Playback::Impl::place(const Config& c, const Instant& in) const {
  Placed out;
  const double r = toolRadius();
  const glm::mat3 rot = bodyRotation(c, c.baseTurnDeg + in.turnDeg);
  const glm::vec3 press = pressWorld(rot);
  const glm::vec3 pressBody = glm::transpose(rot) * press;
  if (in.samples.empty()) return out;

  if (!posing) {
    // No rig: the body stays standing as loaded and the tool travels over it.
    for (const TrackSample& s : in.samples) out.contactWorld.push_back(s.posed);
    out.toolPosition = out.contactWorld[0] + float(r) * pressBody;
    out.rollAngle = r > 0.0 ? in.travel / r : 0.0;
    if (motion == Motion::MidlineRoller || motion == Motion::SideRoller) {
      const glm::vec3 u = horizontal(rot * kUp, glm::vec3(0.0f, 0.0f, -1.0f));
      const glm::vec3 axisBody = glm::transpose(rot) * glm::normalize(glm::cross(kUp, u));
      out.tools.push_back(makeRoller(out.toolPosition, axisBody, r, exercise.equipment.lengthM, out.rollAngle));
    } else if (motion == Motion::WallBall) {
      out.tools.push_back(makeBall(out.toolPosition, r));
    } else {
      for (const glm::vec3& p : out.contactWorld)
        out.tools.push_back(makeBall(p + float(r) * pressBody, r, "chair-roller", kChairRollerColour));
    }
    return out;
  }

  glm::vec3 b(0.0f);
  glm::mat4 tilt(1.0f);
  const glm::vec3 p = rot * in.samples[0].posed;
  switch (motion) {
    case Motion::MidlineRoller:
    case Motion::SideRoller: {
      // Rolling without slip: the roller's centre moves as far as the contact travels along the body, the
      // body twice as far, and the roller turns by travel / radius. The body rides at the height where the
      // contact sits on top of the roller.
      const glm::vec3 u = horizontal(rot * kUp, glm::vec3(0.0f, 0.0f, -1.0f));
      glm::vec3 centre = glm::vec3(0.0f, float(r), 0.0f) + float(in.travel) * u;
      // Side-lying, the roller sticks out behind the back rather than in front of the chest, leaving the
      // floor in front free for the top hand.
      if (motion == Motion::SideRoller) centre -= float(kRollerBehind) * horizontal(rot * glm::vec3(0.0f, 0.0f, 1.0f), glm::vec3(0.0f, 0.0f, 1.0f));
      b = -c.anchor + float(2.0 * in.travel) * u;
      b.y = float(2.0 * r) - p.y;
      out.toolPosition = centre;
      out.rollAngle = in.travel / r;
      out.tools.push_back(
          makeRoller(centre, glm::normalize(glm::cross(kUp, u)), r, exercise.equipment.lengthM, out.rollAngle));
      if (!c.lowPoints.empty()) {
        // Side-lying: the trunk pivots about the roller until the hip and the bottom leg rest on the floor.
        const glm::vec3 axisW = glm::normalize(glm::cross(kUp, u));
        const glm::mat4 placed = glm::translate(glm::mat4(1.0f), b) * glm::mat4(rot);
        std::vector<glm::vec3> low;
        low.reserve(c.lowPoints.size());
        for (const glm::vec3& q : c.lowPoints) low.push_back(glm::vec3(placed * glm::vec4(q, 1.0f)));
        const Plane floor{glm::vec3(0.0f), kUp};
        // The feet lie toward -u: turning them down is the sense that lowers a point 1 m that way.
        const glm::vec3 feet = glm::vec3(rotationAbout(centre, axisW, 0.1) * glm::vec4(centre - u, 1.0f));
        const bool positive = feet.y < centre.y;
        const double angle = positive ? settleAbout(low, centre, axisW, floor, 0.0, 0.5)
                                      : settleAbout(low, centre, axisW, floor, -0.5, 0.0);
        tilt = rotationAbout(centre, axisW, angle);
      }
      break;
    }
    case Motion::WallBall: {
      // Pressing with the legs: the body sinks twice as far as the contact climbs, along its own long axis
      // so the back stays on the ball.
      const glm::vec3 v = rot * kUp;
      const double mid = c.tracks.empty() ? 0.0 : 0.5 * c.tracks[0].length();
      b = -float(2.0 * in.travel) * v;
      out.toolPosition = p + b + float(r) * press;
      out.rollAngle = (in.travel - mid) / r;
      out.tools.push_back(makeBall(out.toolPosition, r));
      out.tools.push_back(makeBox(glm::vec3(midX, 1.25f, float(c.wallZ) - 0.05f), glm::mat3(1.0f),
                                  glm::vec3(1.5f, 1.25f, 0.05f), "wall", kWallColour));
      break;
    }
    case Motion::Chair: {
      b = c.chairOffset;
      out.tools.push_back({ToolShape::Kind::Box, c.seat, kChairColour, "chair-seat"});
      out.tools.push_back({ToolShape::Kind::Box, c.backrest, kChairColour, "chair-back"});
      out.rollAngle = in.travel / r;
      break;
    }
  }
  out.body = tilt * glm::translate(glm::mat4(1.0f), b) * glm::mat4(rot);
  for (const TrackSample& s : in.samples) out.contactWorld.push_back(glm::vec3(out.body * glm::vec4(s.posed, 1.0f)));
  if (motion == Motion::Chair) {
    for (const glm::vec3& w : out.contactWorld)
      out.tools.push_back(makeBall(w + float(r) * press, r, "chair-roller", kChairRollerColour));
    out.toolPosition = out.contactWorld[0] + float(r) * press;
  }
  return out;
}

void Playback::Impl::buildPlacement(Config& c) {
  const Instant start = instant(c, 0.0);
  if (start.samples.empty() || !posing) return;
  const double r = toolRadius();
  const glm::mat3 rot = bodyRotation(c, c.baseTurnDeg);
  const glm::vec3 press = pressWorld(rot);
  const glm::vec3 p = rot * start.samples[0].posed;
  switch (motion) {
    case Motion::MidlineRoller:
    case Motion::SideRoller: {
      c.anchor = glm::vec3(p.x, 0.0f, p.z);
      const glm::vec3 u = horizontal(rot * kUp, glm::vec3(0.0f, 0.0f, -1.0f));
      const glm::vec3 axisW = glm::normalize(glm::cross(kUp, u));
      c.standOffset = axisW * float(0.5 * exercise.equipment.lengthM + kStandClear);
      if (motion == Motion::SideRoller) {
        const glm::vec3 shift = -float(kRollerBehind) * horizontal(rot * glm::vec3(0.0f, 0.0f, 1.0f), glm::vec3(0.0f, 0.0f, 1.0f));
        c.standOffset += axisW * std::max(0.0f, glm::dot(axisW, shift));
      }
      if (motion == Motion::MidlineRoller) planFeet(c);
      if (motion == Motion::SideRoller) planSideLying(c);
      break;
    }
    case Motion::WallBall: {
      // The wall is tangent to the far side of the ball with the contact on the trigger point, halfway
      // through the stroke; at the top of the stroke the body stands on straight legs where it was.
      const Track& t = c.tracks[0];
      const glm::vec3 v = rot * kUp;
      const glm::vec3 ball = rot * t.at(0.5 * t.length()).posed - float(t.length()) * v + float(r) * press;
      c.wallZ = ball.z - r;
      c.plants.clear();
      for (int i = 0; i < 2; ++i) {
        const int ankle = rig.node(i == 0 ? "ankle_L" : "ankle_R");
        if (ankle < 0 || !limbOf(*model, rig, i == 0 ? LimbId::LegL : LimbId::LegR)) continue;
        Plant plant;
        plant.limb = i == 0 ? LimbId::LegL : LimbId::LegR;
        plant.target = rot * glm::vec3(c.bodyWorld[std::size_t(ankle)][3]);
        plant.target.y = restWorld[std::size_t(ankle)][3].y;
        plant.forward = horizontal(rot * glm::vec3(0.0f, 0.0f, 1.0f), glm::vec3(0.0f, 0.0f, 1.0f));
        c.plants.push_back(plant);
      }
      c.standOffset = glm::vec3(0.0f, 0.0f, float(c.wallZ) + float(kStandClear));
      break;
    }
    case Motion::Chair: {
      const int pelvis = rig.node("pelvis");
      const glm::vec3 hip = rot * glm::vec3(c.bodyWorld[std::size_t(pelvis)][3]);
      c.chairOffset = glm::vec3(-hip.x, float(kSeatTop + kHipAboveSeat) - hip.y, -hip.z);
      // The backrest's front face runs through the node centres halfway along their travel.
      glm::vec3 front(0.0f);
      for (const Track& t : c.tracks)
        front += rot * t.at(0.5 * t.length()).posed + c.chairOffset + float(r) * press;
      front /= float(std::max<std::size_t>(c.tracks.size(), 1));
      const glm::vec3 v = rot * kUp;
      const float halfHeight = 0.45f, halfDepth = 0.04f;
      glm::vec3 centre = front + halfDepth * press;
      // Slide the backrest along itself until its lower edge meets the seat.
      centre += v * ((float(kSeatTop) - (centre - halfHeight * v).y) / std::max(v.y, 0.1f));
      c.backrest = glm::translate(glm::mat4(1.0f), centre) * glm::mat4(rot) *
                   glm::scale(glm::mat4(1.0f), glm::vec3(0.26f, halfHeight, halfDepth));
      const float backZ = (centre - halfHeight * v).z;
      const float seatHalfDepth = 0.26f;
      c.seat = glm::translate(glm::mat4(1.0f), glm::vec3(midX, float(0.5 * kSeatTop), backZ + seatHalfDepth)) *
               glm::scale(glm::mat4(1.0f), glm::vec3(0.26f, float(0.5 * kSeatTop), seatHalfDepth));
      c.standOffset = glm::vec3(0.0f, 0.0f, backZ + 2.0f * seatHalfDepth + float(kStandClear));
      break;
    }
  }
}

namespace {

struct Leg {
  int hip = -1, knee = -1, ankle = -1;
};

}  // namespace

void Playback::Impl::planFeet(Config& c) const {
  // Feet planted flat at shoulder width, as far toward the feet as keeps the legs just short of straight
  // at the end of the stroke where the hips are farthest from them: the body travels twice the contact's
  // range, and the knees open and close over it.
  const Track& t = c.tracks[0];
  const Instant first = instant(c, 0.0);
  if (first.samples.empty()) return;
  std::array<Placed, 2> ends;
  for (int e = 0; e < 2; ++e) {
    Instant in = first;
    in.travel = e == 0 ? 0.0 : t.length();
    in.samples[0] = t.at(in.travel);
    ends[std::size_t(e)] = place(c, in);
  }
  const glm::vec3 u = horizontal(bodyRotation(c, c.baseTurnDeg) * kUp, glm::vec3(0.0f, 0.0f, -1.0f));
  const glm::vec3 across = glm::normalize(glm::cross(kUp, u));
  const auto spacing = exercise.pose.root.figures.find("heel_spacing_m");
  c.plants.clear();
  for (int i = 0; i < 2; ++i) {
    const std::string s = i == 0 ? "_L" : "_R";
    const Leg leg{rig.node("hip" + s), rig.node("knee" + s), rig.node("ankle" + s)};
    if (!limbOf(*model, rig, i == 0 ? LimbId::LegL : LimbId::LegR)) continue;
    std::array<glm::vec3, 2> hip;
    for (int e = 0; e < 2; ++e) hip[std::size_t(e)] = glm::vec3(ends[std::size_t(e)].body * c.bodyWorld[std::size_t(leg.hip)][3]);
    const float ankleY = restWorld[std::size_t(leg.ankle)][3].y;
    const double l = glm::length(glm::vec3(model->nodes[std::size_t(leg.knee)].translation)) +
                     glm::length(glm::vec3(model->nodes[std::size_t(leg.ankle)].translation));
    const float x = spacing != exercise.pose.root.figures.end() ? float(0.5 * spacing->second) * (i == 0 ? 1.0f : -1.0f)
                                                                 : restWorld[std::size_t(leg.ankle)][3].x;
    const glm::vec3 midHip = 0.5f * (hip[0] + hip[1]);
    glm::vec3 base(midHip.x, ankleY, midHip.z);
    base += (x - glm::dot(base, -across)) * -across;
    const auto farthest = [&](double s) {
      const glm::vec3 p = base - float(s) * u;
      return std::max(glm::distance(p, hip[0]), glm::distance(p, hip[1]));
    };
    double lo = 0.0, hi = l;
    for (int k = 0; k < 40; ++k) {
      const double mid = 0.5 * (lo + hi);
      (farthest(mid) < 0.96 * l ? lo : hi) = mid;
    }
    Plant plant;
    plant.limb = i == 0 ? LimbId::LegL : LimbId::LegR;
    plant.target = base - float(lo) * u;
    plant.forward = -u;  // toes away from the head
    c.plants.push_back(plant);
  }
}

std::vector<glm::mat4> Playback::Impl::placedWorld(const Config& c, const glm::mat4& body) const {
  std::vector<glm::mat4> world;
  if (c.plants.empty() || !posing) {
    world = c.bodyWorld;
  } else {
    // Planted feet and hands stay where they were set down: two-bone IK with the knees and elbows toward
    // their poles, soles and palms flat on the floor.
    std::vector<LimbGoal> goals;
    const glm::mat3 rot(body);
    for (const Plant& plant : c.plants) {
      const glm::vec3 side = glm::normalize(glm::cross(kUp, plant.forward));
      LimbGoal g;
      g.limb = plant.limb;
      g.goal = {plant.target, rot * plant.poleBody};
      // Foot: up stays up, toes along `forward`. Hand (rest: hanging, fingers down, palm toward the thigh):
      // fingers along `forward`, palm down.
      const float s = plant.limb == LimbId::ArmL ? 1.0f : -1.0f;
      const glm::mat3 frame = plant.hand ? glm::mat3(s * kUp, -plant.forward, -s * side) : glm::mat3(side, kUp, plant.forward);
      g.endRotation = glm::normalize(glm::quat_cast(frame));
      goals.push_back(g);
    }
    world = scene::worldTransforms(*model, solvePose(*model, rig, c.bodyLocal, body, goals).local);
  }
  for (glm::mat4& w : world) w = body * w;
  return world;
}

void Playback::Impl::buildCoverage(Config& c) {
  c.trajectory.assign(c.tracks.empty() ? 0 : (motion == Motion::Chair ? c.tracks.size() : 1), {});
  std::vector<std::vector<Patch>> samples;
  samples.reserve(kCoverageSamples + 1);
  for (int k = 0; k <= kCoverageSamples; ++k) {
    const double tau = workS * k / kCoverageSamples;
    const Instant in = instant(c, tau);
    const glm::mat3 rot = bodyRotation(c, c.baseTurnDeg + in.turnDeg);
    const glm::vec3 pressBody = glm::transpose(rot) * pressWorld(rot);
    const glm::vec3 u = horizontal(rot * kUp, glm::vec3(0.0f, 0.0f, -1.0f));
    const glm::vec3 axisBody = glm::transpose(rot) * glm::normalize(glm::cross(kUp, u));
    std::vector<Patch> patches;
    for (std::size_t i = 0; i < in.samples.size() && i < c.trajectory.size(); ++i) {
      c.trajectory[i].push_back(in.samples[i].rest);
      patches.push_back(patchFor(in.samples[i].rest, pressBody, axisBody));
    }
    samples.push_back(std::move(patches));
  }
  c.coverage = CoverageTable(*rest, c.targets, samples, axis);
}

void Playback::Impl::planSideLying(Config& c) const {
  // The top leg crosses over with its foot flat on the floor in front of the bottom knee; the top hand
  // rests on the floor in front of the chest. Both are set down at mid-stroke, side-lying.
  c.plants.clear();
  const Instant first = instant(c, 0.0);
  if (first.samples.empty() || c.tracks.empty() || c.tracks[0].empty()) return;
  Instant mid = first;
  mid.travel = 0.5 * c.tracks[0].length();
  mid.turnDeg = 0.0;
  mid.samples[0] = c.tracks[0].at(mid.travel);
  // Set down halfway into the turn toward supine, so that the hand reaches the floor over the whole turn.
  if (c.tracks.size() > 1) {
    const Track& half = c.tracks[c.tracks.size() / 2];
    mid.turnDeg = exercise.tool.path.turnDeg * double(c.tracks.size() / 2) / double(c.tracks.size() - 1);
    mid.samples[0] = half.at(0.5 * half.length());
  }
  const Placed placed = place(c, mid);
  const bool leftDown = c.side != scene::Side::Right;
  const int knee = rig.node(leftDown ? "knee_L" : "knee_R");
  const int ankle = rig.node(leftDown ? "ankle_R" : "ankle_L");
  const int shoulder = rig.node(leftDown ? "shoulder_R" : "shoulder_L");
  const glm::mat3 rot(placed.body);
  const glm::vec3 front = horizontal(rot * glm::vec3(0.0f, 0.0f, 1.0f), glm::vec3(0.0f, 0.0f, 1.0f));
  const glm::vec3 head = horizontal(rot * kUp, glm::vec3(1.0f, 0.0f, 0.0f));
  const float top = leftDown ? -1.0f : 1.0f;  // body-frame X of the upper side
  const LimbId leg = leftDown ? LimbId::LegR : LimbId::LegL, arm = leftDown ? LimbId::ArmR : LimbId::ArmL;
  if (knee >= 0 && ankle >= 0 && limbOf(*model, rig, leg)) {
    Plant foot;
    foot.limb = leg;
    foot.target = glm::vec3(placed.body * c.bodyWorld[std::size_t(knee)][3]) + 0.18f * front;
    foot.target.y = restWorld[std::size_t(ankle)][3].y;
    foot.poleBody = glm::normalize(glm::vec3(0.3f * top, 0.0f, 1.0f));
    foot.forward = glm::normalize(front + 0.5f * head);
    c.plants.push_back(foot);
  }
  if (shoulder >= 0 && limbOf(*model, rig, arm)) {
    Plant hand;
    hand.limb = arm;
    hand.hand = true;
    // Palm flat on the floor in front of the chest, past the front end of the roller, set down where the
    // top shoulder is at the start of the stroke, side-lying: 21 cm in front of it, clear of the chest.
    Instant start = first;
    start.travel = 0.0;
    start.turnDeg = 0.0;
    start.samples[0] = c.tracks.front().at(0.0);
    const glm::vec3 sh = glm::vec3(place(c, start).body * c.bodyWorld[std::size_t(shoulder)][3]);
    hand.target = glm::vec3(sh.x, 0.025f, sh.z) + 0.21f * front;
    hand.poleBody = glm::normalize(glm::vec3(0.2f * top, -0.3f, 1.0f));
    hand.forward = glm::normalize(front + 0.4f * head);
    c.plants.push_back(hand);
  }
}

void Playback::Impl::findCrossTargets() {
  // Each wrist goes over the front of the chest on the other side, a forearm's half-thickness off the
  // skin and below the chin; the left forearm lies on top of the right one, a little higher.
  const int shoulderL = rig.node("shoulder_L"), shoulderR = rig.node("shoulder_R");
  if (shoulderL < 0 || shoulderR < 0) {
    crossArms = false;
    return;
  }
  const PosedSurface standing(rest, rest->positions);
  for (int i = 0; i < 2; ++i) {
    const glm::vec3 own = restWorld[std::size_t(i == 0 ? shoulderL : shoulderR)][3];
    const glm::vec3 other = restWorld[std::size_t(i == 0 ? shoulderR : shoulderL)][3];
    glm::vec3 p(midX + 0.45f * (other.x - midX), own.y - (i == 0 ? 0.05f : 0.11f), trunkZ + 0.5f);
    const auto hit = standing.castRay(p, glm::vec3(0.0f, 0.0f, -1.0f));
    p.z = (hit ? hit->posed.z : own.z + 0.12f) + 0.04f + (i == 0 ? 0.02f : 0.0f);
    crossTarget[std::size_t(i)] = p;
  }
}

void Playback::Impl::buildConfig(Config& c) {
  JointAngles angles = exercise.pose.joints;
  c.rootDeg = exercise.pose.root.rotationDeg;
  if (c.side == scene::Side::Right) {
    angles = mirrorAngles(angles);
    c.rootDeg = mirrorDegrees(c.rootDeg);
  }
  // Turning toward supine brings the back down onto the roller: about +Y for the right side lying down.
  c.turnSign = c.side == scene::Side::Right ? 1.0 : -1.0;
  c.angles = angles;
  c.bodyLocal = posing ? posedLocals(*model, rig, angles) : scene::localTransforms(*model);
  if (posing && crossArms) {
    // Arms crossed on the chest: each wrist over the other side of the chest, carried by the upper trunk.
    const int chest = rig.node("spine_thoracic_upper");
    const glm::mat4 carry = chest < 0 ? glm::mat4(1.0f)
                                      : scene::worldTransforms(*model, c.bodyLocal)[std::size_t(chest)] *
                                            glm::inverse(restWorld[std::size_t(chest)]);
    std::vector<LimbGoal> goals;
    for (int i = 0; i < 2; ++i) {
      const float s = i == 0 ? 1.0f : -1.0f;  // the left arm lies on top, higher on the chest
      LimbGoal g;
      g.limb = i == 0 ? LimbId::ArmL : LimbId::ArmR;
      g.goal = {glm::vec3(carry * glm::vec4(crossTarget[std::size_t(i)], 1.0f)),
                glm::mat3(carry) * glm::vec3(0.6f * s, -1.0f, 0.5f)};
      goals.push_back(g);
    }
    c.bodyLocal = solvePose(*model, rig, c.bodyLocal, glm::mat4(1.0f), goals).local;
  }
  c.bodyWorld = scene::worldTransforms(*model, c.bodyLocal);
  std::vector<glm::vec3> posed = posedPositions(*model, *rest, c.bodyWorld);
  c.lowPoints.clear();
  if (posing && motion == Motion::SideRoller) {
    // The lower side of the body from the waist down, which rests on the floor.
    const float down = c.side == scene::Side::Right ? -1.0f : 1.0f;
    const float waist = axis.bottom.y;
    std::vector<glm::vec3> low;
    for (std::size_t v = 0; v < posed.size(); ++v)
      if ((rest->positions[v].x - midX) * down > 0.06f && rest->positions[v].y < waist && rest->normals[v].x * down > 0.3f)
        low.push_back(posed[v]);
    const std::size_t step = std::max<std::size_t>(1, low.size() / 600);
    for (std::size_t i = 0; i < low.size(); i += step) c.lowPoints.push_back(low[i]);
  }
  c.surface = std::make_shared<PosedSurface>(rest, std::move(posed));

  switch (motion) {
    case Motion::SideRoller:
      c.targets = meshesOf({scene::MuscleKind::LatissimusDorsi}, c.side == scene::Side::None ? scene::Side::Left : c.side);
      break;
    case Motion::WallBall:
      c.targets = meshesOf({scene::MuscleKind::RhomboidMajor, scene::MuscleKind::RhomboidMinor}, triggerSide);
      break;
    default: c.targets = allTargets; break;
  }
  buildTracks(c);
  buildCoverage(c);
  buildPlacement(c);
}

const Config& Playback::Impl::configFor(scene::Side side) const {
  for (const Config& c : configs)
    if (c.side == side) return c;
  return configs.front();
}

// === Playback

Playback::Playback(const scene::Model& model, const Exercise& exercise, const PlanOverrides& overrides)
    : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  m.model = &model;
  m.exercise = exercise;
  m.plan = makePlan(exercise, overrides);
  m.workS = m.plan.workS;
  m.rig = findRig(model);
  m.posing = m.rig.usable();
  m.rest = std::make_shared<RestSurface>(buildRestSurface(model));
  m.restWorld = scene::worldTransforms(model, scene::localTransforms(model));

  const auto& targets = exercise.targets;
  if (exercise.equipment.kind == EquipmentKind::MassageBall)
    m.motion = Motion::WallBall;
  else if (exercise.equipment.kind == EquipmentKind::MassageChair)
    m.motion = Motion::Chair;
  else if (contains(targets, scene::MuscleKind::LatissimusDorsi))
    m.motion = Motion::SideRoller;
  else
    m.motion = Motion::MidlineRoller;
  for (std::size_t i = 0; i < model.roles.size(); ++i)
    if (model.roles[i].muscle.valid() && contains(targets, model.roles[i].muscle.kind)) m.allTargets.push_back(int(i));

  // The trunk: the midline and depth from every recognised muscle (or the whole model), the height from
  // the targets.
  std::vector<int> muscles;
  for (std::size_t i = 0; i < model.roles.size(); ++i)
    if (model.roles[i].muscle.valid()) muscles.push_back(int(i));
  auto all = meshBounds(*m.rest, muscles);
  if (!all && !m.rest->positions.empty()) {
    glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
    for (const glm::vec3& p : m.rest->positions) {
      lo = glm::min(lo, p);
      hi = glm::max(hi, p);
    }
    all = std::make_pair(lo, hi);
  }
  if (all) {
    m.midX = 0.5f * (all->first.x + all->second.x);
    m.trunkZ = 0.5f * (all->first.z + all->second.z);
  }
  if (const auto tb = meshBounds(*m.rest, m.allTargets)) {
    const float lo = tb->first.y + 0.05f, hi = std::max(lo, tb->second.y - 0.12f);
    m.axis = {glm::vec3(m.midX, lo, m.trunkZ), glm::vec3(m.midX, hi, m.trunkZ)};
  }

  if (m.motion == Motion::WallBall) {
    for (scene::Side side : {scene::Side::Left, scene::Side::Right, scene::Side::None}) {
      const auto major = m.meshesOf({scene::MuscleKind::RhomboidMajor}, side);
      if (const auto c = m.rest->outerCentroid(major, m.axis); c && !major.empty()) {
        m.trigger = c;
        m.triggerSide = side;
        break;
      }
    }
  }

  m.crossArms = m.motion == Motion::MidlineRoller || m.motion == Motion::WallBall;
  if (m.crossArms) m.findCrossTargets();

  if (exercise.protocol.sides == Sides::Alternate) {
    m.configs.resize(2);
    m.configs[0].side = scene::Side::Left;
    m.configs[1].side = scene::Side::Right;
  } else {
    m.configs.resize(1);
  }
  for (Config& c : m.configs) m.buildConfig(c);
}

Playback::~Playback() = default;
Playback::Playback(Playback&&) noexcept = default;
Playback& Playback::operator=(Playback&&) noexcept = default;

const TimerPlan& Playback::plan() const { return impl_->plan; }
const Exercise& Playback::exercise() const { return impl_->exercise; }
bool Playback::hasRig() const { return impl_->posing; }
const std::vector<int>& Playback::targetMeshes() const { return impl_->allTargets; }
std::optional<glm::vec3> Playback::triggerPoint() const { return impl_->trigger; }

std::optional<glm::vec3> Playback::setTriggerPoint(const glm::vec3& restPoint) {
  Impl& m = *impl_;
  if (m.motion != Motion::WallBall) return std::nullopt;
  const auto rhomboids =
      m.meshesOf({scene::MuscleKind::RhomboidMajor, scene::MuscleKind::RhomboidMinor}, scene::Side::None);
  std::optional<glm::vec3> best;
  int bestMesh = -1;
  float bestD = std::numeric_limits<float>::max();
  for (std::size_t t = 0; t < m.rest->triangles.size(); ++t) {
    const int mesh = m.rest->triangleMesh[t];
    if (std::find(rhomboids.begin(), rhomboids.end(), mesh) == rhomboids.end() || !m.rest->outer(t, m.axis)) continue;
    const glm::uvec3 tri = m.rest->triangles[t];
    const glm::vec3 c = (m.rest->positions[tri.x] + m.rest->positions[tri.y] + m.rest->positions[tri.z]) / 3.0f;
    const float d = glm::distance(c, restPoint);
    if (d < bestD) {
      bestD = d;
      best = c;
      bestMesh = mesh;
    }
  }
  if (!best) return std::nullopt;
  m.trigger = best;
  const scene::Side side = m.model->roles[std::size_t(bestMesh)].muscle.side;
  m.triggerSide = side != scene::Side::None ? side : (best->x >= m.midX ? scene::Side::Left : scene::Side::Right);
  for (Config& c : m.configs) {
    c.targets = m.meshesOf({scene::MuscleKind::RhomboidMajor, scene::MuscleKind::RhomboidMinor}, m.triggerSide);
    m.buildTracks(c);
    m.buildCoverage(c);
    m.buildPlacement(c);
  }
  return best;
}

std::vector<glm::vec3> Playback::trackPoints(scene::Side side) const {
  std::vector<glm::vec3> out;
  const Config& c = impl_->configFor(side);
  if (c.tracks.empty()) return out;
  for (const TrackPoint& p : c.tracks[0].points) out.push_back(p.rest);
  return out;
}

namespace {

/// The work segment at or before segment `index` (the one whose coverage is shown), or -1.
int lastWorkAtOrBefore(const TimerPlan& plan, int index) {
  for (int i = std::min(index, int(plan.segments.size()) - 1); i >= 0; --i)
    if (plan.segments[std::size_t(i)].phase == Phase::Work) return i;
  return -1;
}

/// The next work segment at or after `index`, or the last one.
int nextWorkFrom(const TimerPlan& plan, int index) {
  for (int i = std::max(index, 0); i < int(plan.segments.size()); ++i)
    if (plan.segments[std::size_t(i)].phase == Phase::Work) return i;
  return lastWorkAtOrBefore(plan, int(plan.segments.size()) - 1);
}

}  // namespace

double Playback::coverageOf(const std::vector<int>& meshes, double t) const {
  const Impl& m = *impl_;
  const TimerState state = stateAt(m.plan, t);
  const int work = lastWorkAtOrBefore(m.plan, state.segment);
  if (work < 0) return 0.0;
  const Segment& seg = m.plan.segments[std::size_t(work)];
  const Config& c = m.configFor(seg.side);
  const double tau = work == state.segment ? state.phaseElapsed : seg.duration;
  const int k = m.workS > 0.0 ? int(std::floor(tau / m.workS * kCoverageSamples)) : kCoverageSamples;
  return c.coverage.forMeshes(meshes, k);
}

MotionFrame Playback::at(double t) const {
  const Impl& m = *impl_;
  MotionFrame f;
  f.timer = stateAt(m.plan, t);
  f.posed = m.posing;
  const int segIndex = f.timer.segment;
  const Segment& seg = m.plan.segments[std::size_t(std::clamp(segIndex, 0, int(m.plan.segments.size()) - 1))];

  // Which pose and moment of the tracks to show.
  const bool standing = seg.phase == Phase::Stretch || seg.phase == Phase::Done;
  const int workIndex = seg.phase == Phase::Work ? segIndex : nextWorkFrom(m.plan, segIndex);
  const scene::Side side = workIndex >= 0 ? m.plan.segments[std::size_t(workIndex)].side : scene::Side::None;
  const Config& c = m.configFor(seg.phase == Phase::Switch ? seg.side : side);
  const double tau = seg.phase == Phase::Work ? f.timer.phaseElapsed : 0.0;

  const Instant in = m.instant(c, tau);
  const Placed placed = m.place(c, in);
  f.tools = placed.tools;
  f.toolPosition = placed.toolPosition;
  f.rollAngle = placed.rollAngle;
  f.travel = in.travel;
  f.turnDeg = in.turnDeg;
  f.targetMeshes = c.targets;

  if (standing) {
    f.stretching = seg.phase == Phase::Stretch;
    JointAngles angles;
    if (f.stretching && m.posing) {
      // Ease into the stretch, hold, ease out; the latissimus stretch does the left side, then the right.
      const double d = seg.duration, e = f.timer.phaseElapsed;
      const bool twoSides = m.exercise.protocol.sides == Sides::Alternate;
      const double part = twoSides ? 0.5 * d : d;
      const double local = twoSides && e >= part ? e - part : e;
      const double ease = std::min(3.0, 0.3 * part);
      f.stretchAmount = smoothstep(0.0, ease, local) * (1.0 - smoothstep(part - ease, part, local));
      const scene::Side stretchSide = twoSides && e >= part ? scene::Side::Right : scene::Side::Left;
      angles = stretchAngles(m.exercise, stretchSide, f.stretchAmount);
    }
    std::vector<glm::mat4> local = m.posing ? posedLocals(*m.model, m.rig, angles) : scene::localTransforms(*m.model);
    // Standing on the floor: the soles flat and the body lowered by as much as the bent knees take up.
    const glm::vec3 drop = m.posing ? groundFeet(*m.model, m.rig, local) : glm::vec3(0.0f);
    const glm::mat4 place = glm::translate(glm::mat4(1.0f), (m.posing ? c.standOffset : glm::vec3(0.0f)) + drop);
    f.world = scene::worldTransforms(*m.model, local);
    for (glm::mat4& w : f.world) w = place * w;
    if (m.motion == Motion::WallBall && m.posing) {
      // With the back gone the ball drops from the wall to the floor at its foot, and lies there.
      for (ToolShape& tool : f.tools) {
        if (tool.role != "ball") continue;
        const double r = m.toolRadius(), fall = 0.5 * 9.81 * f.timer.phaseElapsed * f.timer.phaseElapsed;
        glm::vec3 centre(tool.transform[3]);
        centre.y = float(std::max(r, double(centre.y) - fall));
        tool = makeBall(centre, r);
        f.toolPosition = centre;
      }
    }
  } else {
    f.world = m.placedWorld(c, placed.body);
    const bool pressed = seg.phase == Phase::Work;
    const double radius = m.patchFor({}, {}, {}).radius;
    for (std::size_t i = 0; i < in.samples.size() && i < placed.contactWorld.size(); ++i) {
      Contact contact;
      contact.restPoint = in.samples[i].rest;
      contact.worldPoint = placed.contactWorld[i];
      contact.radius = radius;
      if (in.samples[i].muscles) contact.meshes = *in.samples[i].muscles;
      contact.pressed = pressed;
      f.contacts.push_back(std::move(contact));
    }
    if (!f.contacts.empty()) f.contact = f.contacts.front();
  }

  // Coverage of the set/side in progress, or of the one just finished.
  const int work = lastWorkAtOrBefore(m.plan, segIndex);
  if (work >= 0 && seg.phase != Phase::LeadIn) {
    const Segment& ws = m.plan.segments[std::size_t(work)];
    const Config& wc = m.configFor(ws.side);
    const double wt = work == segIndex ? f.timer.phaseElapsed : ws.duration;
    const int k = m.workS > 0.0 ? std::clamp(int(std::floor(wt / m.workS * kCoverageSamples)), 0, kCoverageSamples)
                                : kCoverageSamples;
    f.coverage = wc.coverage.at(k);
    const Instant now = m.instant(wc, wt);
    for (std::size_t i = 0; i < wc.trajectory.size(); ++i) {
      const glm::vec3 last = i < now.samples.size() ? now.samples[i].rest : wc.trajectory[i].back();
      f.coveredPaths.push_back(downsample(wc.trajectory[i], std::size_t(k) + 1, last));
    }
    if (!f.coveredPaths.empty()) f.coveredPath = f.coveredPaths.front();
    if (seg.phase != Phase::Work) f.targetMeshes = wc.targets;
  }
  return f;
}

}  // namespace myo::exercise
