// exercise/playback.cpp: exercise motion: the exercise's motion kind (motion.hpp) on a model, one configuration
// per worked side, with the rolling kinematics, equipment placement, contact, coverage and the stretch poses.
//
// The motion kind is the exercise's `motion` field; each kind finds its tracks on the loaded model's own muscles
// (motion_*.cpp) from the path's landmarks, so the exercises run on any model whose muscles are recognised.
#include "exercise/playback.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <utility>

#include <glm/gtc/constants.hpp>
#include <glm/gtc/matrix_transform.hpp>

#include "core/error.hpp"
#include "exercise/motion.hpp"

namespace myo::exercise {

namespace {

constexpr int kCoverageSamples = 240;  // time samples of one work phase for the coverage table
constexpr std::size_t kMaxPathPoints = 64;

bool contains(const std::vector<scene::MuscleKind>& v, scene::MuscleKind k) {
  return std::find(v.begin(), v.end(), k) != v.end();
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

struct Playback::Impl {
  Exercise exercise;
  TimerPlan plan;
  MotionContext m;
  const Motion* motion = nullptr;
  std::vector<SideConfig> configs;

  void buildConfig(SideConfig& c);
  void buildCoverage(SideConfig& c);
  const SideConfig& configFor(scene::Side side) const;
  std::optional<std::pair<glm::vec3, int>> snapTrigger(const glm::vec3& restPoint, bool alongZ = false) const;
};

void Playback::Impl::buildCoverage(SideConfig& c) {
  c.trajectory.assign(motion->contactCount(c), {});
  std::vector<std::vector<Patch>> samples;
  samples.reserve(kCoverageSamples + 1);
  for (int k = 0; k <= kCoverageSamples; ++k) {
    const double tau = m.workS * k / kCoverageSamples;
    const Instant in = motion->instant(m, c, tau);
    const glm::mat3 rot = m.bodyRotation(c, c.baseTurnDeg + in.turnDeg);
    const glm::vec3 pressBody = glm::transpose(rot) * m.pressWorld(rot);
    const glm::vec3 axisBody = acrossAxisBody(rot, glm::vec3(0.0f, 0.0f, -1.0f));
    std::vector<Patch> patches;
    for (std::size_t i = 0; i < in.samples.size() && i < c.trajectory.size(); ++i) {
      c.trajectory[i].push_back(in.samples[i].rest);
      patches.push_back(motion->patch(m, in.samples[i].rest, pressBody, axisBody));
    }
    samples.push_back(std::move(patches));
  }
  c.coverage = CoverageTable(*m.rest, c.targets, samples, m.axis);
}

void Playback::Impl::buildConfig(SideConfig& c) {
  JointAngles angles = exercise.pose.joints;
  c.rootDeg = exercise.pose.root.rotationDeg;
  if (c.side == scene::Side::Right) {
    angles = mirrorAngles(angles);
    c.rootDeg = mirrorDegrees(c.rootDeg);
  }
  // Turning toward supine brings the back down onto the roller: about +Y for the right side lying down.
  c.turnSign = c.side == scene::Side::Right ? 1.0 : -1.0;
  c.angles = angles;
  c.bodyLocal = m.posing ? posedLocals(*m.model, m.rig, angles) : scene::localTransforms(*m.model);
  c.bodyWorld = posedWorld(*m.model, m.rig, c.bodyLocal);
  c.surface = std::make_shared<PosedSurface>(m.rest, posedPositions(*m.model, *m.rest, c.bodyWorld));
  c.targets = motion->targets(m, c);
  motion->buildTracks(m, c);
  buildCoverage(c);
  motion->buildPlacement(m, c);
}

const SideConfig& Playback::Impl::configFor(scene::Side side) const {
  for (const SideConfig& c : configs)
    if (c.side == side) return c;
  return configs.front();
}

/// The outer-surface point of the targets nearest to `restPoint`; with `alongZ`, nearest across the back (the
/// depth left out: the guide is a point seen from behind).
std::optional<std::pair<glm::vec3, int>> Playback::Impl::snapTrigger(const glm::vec3& restPoint, bool alongZ) const {
  const auto muscles = m.meshesOf(exercise.targets, scene::Side::None);
  struct Candidate {
    glm::vec3 centre;
    int mesh;
    float distance;
  };
  std::vector<Candidate> candidates;
  float bestD = std::numeric_limits<float>::max();
  for (std::size_t t = 0; t < m.rest->triangles.size(); ++t) {
    const int mesh = m.rest->triangleMesh[t];
    if (std::find(muscles.begin(), muscles.end(), mesh) == muscles.end() || !m.rest->outer(t, m.axis)) continue;
    const glm::uvec3 tri = m.rest->triangles[t];
    const glm::vec3 c = (m.rest->positions[tri.x] + m.rest->positions[tri.y] + m.rest->positions[tri.z]) / 3.0f;
    const float d = alongZ ? glm::distance(glm::vec2(c), glm::vec2(restPoint)) : glm::distance(c, restPoint);
    candidates.push_back({c, mesh, d});
    bestD = std::min(bestD, d);
  }
  if (candidates.empty()) return std::nullopt;
  // Seen from behind, the point is the hindmost surface within a centimetre of the nearest.
  const Candidate* best = nullptr;
  for (const Candidate& c : candidates) {
    if (alongZ ? c.distance > bestD + 0.01f : c.distance > bestD) continue;
    if (best == nullptr || (alongZ ? c.centre.z < best->centre.z : c.distance < best->distance)) best = &c;
  }
  return std::make_pair(best->centre, best->mesh);
}

// === Playback

Playback::Playback(const scene::Model& model, const Exercise& exercise, const PlanOverrides& overrides)
    : impl_(std::make_unique<Impl>()) {
  Impl& im = *impl_;
  im.exercise = exercise;
  im.motion = findMotion(exercise.motion);
  if (im.motion == nullptr)
    throw core::Error("--exercise", "exercise '" + exercise.id + "': unknown motion '" + exercise.motion + "'");
  im.plan = makePlan(exercise, overrides);
  MotionContext& m = im.m;
  m.model = &model;
  m.exercise = &im.exercise;
  m.workS = im.plan.workS;
  m.rig = findRig(model);
  m.posing = m.rig.usable();
  m.rest = std::make_shared<RestSurface>(buildRestSurface(model));
  m.restWorld = scene::worldTransforms(model, scene::localTransforms(model));

  const auto& targets = exercise.targets;
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

  if (im.motion->info().trigger) {
    // The trigger point: on the targets' outer surface nearest to the path's guide seen from behind, lateral_m
    // from the midline (on the left) halfway between the path's two levels.
    const std::vector<int> trapezius = m.meshesOf({scene::MuscleKind::Trapezius}, scene::Side::None);
    const auto levels = pathLevels(*m.rest, trapezius.empty() ? m.allTargets : trapezius, m.midX,
                                   exercise.tool.path.from, exercise.tool.path.to);
    if (levels) {
      const glm::vec3 guide(m.midX + float(exercise.tool.path.lateralM), float(0.5 * (levels->top + levels->bottom)),
                            m.trunkZ);
      if (const auto snapped = im.snapTrigger(guide, true)) {
        m.trigger = snapped->first;
        const scene::Side side = model.roles[std::size_t(snapped->second)].muscle.side;
        m.triggerSide =
            side != scene::Side::None ? side : (snapped->first.x >= m.midX ? scene::Side::Left : scene::Side::Right);
      }
    }
  }


  if (exercise.protocol.sides == Sides::Alternate) {
    im.configs.resize(2);
    im.configs[0].side = scene::Side::Left;
    im.configs[1].side = scene::Side::Right;
  } else {
    im.configs.resize(1);
  }
  for (SideConfig& c : im.configs) im.buildConfig(c);
}

Playback::~Playback() = default;
Playback::Playback(Playback&&) noexcept = default;
Playback& Playback::operator=(Playback&&) noexcept = default;

const TimerPlan& Playback::plan() const {
  return impl_->plan;
}
const Exercise& Playback::exercise() const {
  return impl_->exercise;
}
bool Playback::hasRig() const {
  return impl_->m.posing;
}
const std::vector<int>& Playback::targetMeshes() const {
  return impl_->m.allTargets;
}
const RestSurface& Playback::restSurface() const {
  return *impl_->m.rest;
}
std::optional<glm::vec3> Playback::triggerPoint() const {
  return impl_->m.trigger;
}

std::optional<glm::vec3> Playback::setTriggerPoint(const glm::vec3& restPoint) {
  Impl& im = *impl_;
  MotionContext& m = im.m;
  if (!im.motion->info().trigger) return std::nullopt;
  const auto snapped = im.snapTrigger(restPoint);
  if (!snapped) return std::nullopt;
  m.trigger = snapped->first;
  const scene::Side side = m.model->roles[std::size_t(snapped->second)].muscle.side;
  m.triggerSide =
      side != scene::Side::None ? side : (snapped->first.x >= m.midX ? scene::Side::Left : scene::Side::Right);
  for (SideConfig& c : im.configs) {
    c.targets = im.motion->targets(m, c);
    im.motion->buildTracks(m, c);
    im.buildCoverage(c);
    im.motion->buildPlacement(m, c);
  }
  return m.trigger;
}

std::vector<glm::vec3> Playback::trackPoints(scene::Side side) const {
  std::vector<glm::vec3> out;
  const SideConfig& c = impl_->configFor(side);
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
  const Impl& im = *impl_;
  const MotionContext& m = im.m;
  const TimerState state = stateAt(im.plan, t);
  const int work = lastWorkAtOrBefore(im.plan, state.segment);
  if (work < 0) return 0.0;
  const Segment& seg = im.plan.segments[std::size_t(work)];
  const SideConfig& c = im.configFor(seg.side);
  const double tau = work == state.segment ? state.phaseElapsed : seg.duration;
  const int k = m.workS > 0.0 ? int(std::floor(tau / m.workS * kCoverageSamples)) : kCoverageSamples;
  return c.coverage.forMeshes(meshes, k);
}

std::vector<std::size_t> Playback::coveredTriangles(double t) const {
  const Impl& im = *impl_;
  const MotionContext& m = im.m;
  const TimerState state = stateAt(im.plan, t);
  const Segment& now = im.plan.segments[std::size_t(std::clamp(state.segment, 0, int(im.plan.segments.size()) - 1))];
  const int work = lastWorkAtOrBefore(im.plan, state.segment);
  if (work < 0 || now.phase == Phase::LeadIn) return {};
  const Segment& seg = im.plan.segments[std::size_t(work)];
  const SideConfig& c = im.configFor(seg.side);
  const double tau = work == state.segment ? state.phaseElapsed : seg.duration;
  // The same sample index as at(): the picture and the percentage count the same triangles.
  const int k = m.workS > 0.0 ? std::clamp(int(std::floor(tau / m.workS * kCoverageSamples)), 0, kCoverageSamples)
                              : kCoverageSamples;
  return c.coverage.coveredTriangles(k);
}

MotionFrame Playback::at(double t) const {
  const Impl& im = *impl_;
  const MotionContext& m = im.m;
  MotionFrame f;
  f.timer = stateAt(im.plan, t);
  f.posed = m.posing;
  const int segIndex = f.timer.segment;
  const Segment& seg = im.plan.segments[std::size_t(std::clamp(segIndex, 0, int(im.plan.segments.size()) - 1))];

  // Which pose and moment of the tracks to show.
  const bool standing = seg.phase == Phase::Stretch || seg.phase == Phase::Done;
  const int workIndex = seg.phase == Phase::Work ? segIndex : nextWorkFrom(im.plan, segIndex);
  const scene::Side side = workIndex >= 0 ? im.plan.segments[std::size_t(workIndex)].side : scene::Side::None;
  const SideConfig& c = im.configFor(seg.phase == Phase::Switch ? seg.side : side);
  const double tau = seg.phase == Phase::Work ? f.timer.phaseElapsed : 0.0;

  const Instant in = im.motion->instant(m, c, tau);
  const Placed placed = im.motion->place(m, c, in);
  f.tools = placed.tools;
  if (im.exercise.equipment.kind == EquipmentKind::MassageChair && m.posing) f.chair = c.chair;
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
      const bool twoSides = im.exercise.protocol.sides == Sides::Alternate;
      const double part = twoSides ? 0.5 * d : d;
      const double local = twoSides && e >= part ? e - part : e;
      const double ease = std::min(3.0, 0.3 * part);
      f.stretchAmount = smoothstep(0.0, ease, local) * (1.0 - smoothstep(part - ease, part, local));
      const scene::Side stretchSide = twoSides && e >= part ? scene::Side::Right : scene::Side::Left;
      angles = stretchAngles(im.exercise, stretchSide, f.stretchAmount);
    }
    std::vector<glm::mat4> local = m.posing ? posedLocals(*m.model, m.rig, angles) : scene::localTransforms(*m.model);
    // Standing on the floor: the soles flat and the body lowered by as much as the bent knees take up.
    const glm::vec3 drop = m.posing ? groundFeet(*m.model, m.rig, local) : glm::vec3(0.0f);
    const glm::mat4 place = glm::translate(glm::mat4(1.0f), (m.posing ? c.standOffset : glm::vec3(0.0f)) + drop);
    f.world = posedWorld(*m.model, m.rig, std::move(local));
    for (glm::mat4& w : f.world) w = place * w;
    if (m.posing && m.exercise->pose.root.support == Support::Wall) {
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
    f.world = placedWorld(m, c, placed.body);
    const bool pressed = seg.phase == Phase::Work;
    const double radius = im.motion->patch(m, {}, {}, {}).radius;
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
    for (const auto& [limb, target] : c.plantTargets) {
      const int node = m.rig.node(std::string(limbJoint(limb)));
      if (node >= 0) f.planted.push_back({limb, target, glm::vec3(f.world[std::size_t(node)][3])});
    }
  }

  // Coverage of the set/side in progress, or of the one just finished.
  const int work = lastWorkAtOrBefore(im.plan, segIndex);
  if (work >= 0 && seg.phase != Phase::LeadIn) {
    const Segment& ws = im.plan.segments[std::size_t(work)];
    const SideConfig& wc = im.configFor(ws.side);
    const double wt = work == segIndex ? f.timer.phaseElapsed : ws.duration;
    const int k = m.workS > 0.0 ? std::clamp(int(std::floor(wt / m.workS * kCoverageSamples)), 0, kCoverageSamples)
                                : kCoverageSamples;
    f.coverage = wc.coverage.at(k);
    const Instant now = im.motion->instant(m, wc, wt);
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
