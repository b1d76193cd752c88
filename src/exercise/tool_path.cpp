// exercise/tool_path.cpp: tracks cast on the posed surface, vertebral levels from muscle geometry, time
// profiles.
#include "exercise/tool_path.hpp"

#include <algorithm>
#include <cmath>

#include <glm/gtc/constants.hpp>

#include "anatomy/landmarks.hpp"

namespace myo::exercise {

namespace {

// The reference heights that scale a frame onto a model (anatomy::landmarkTable, metres): the trapezius'
// midline origins run from SP_T12 to the inion; the latissimus from SP_S2 (its lowest fibres, on the sacrum)
// to the top of its humeral insertion (ITG_LD_SUP).
double refTrapeziusLow() { return referenceHeight("SP_T12"); }
double refTrapeziusHigh() { return referenceHeight("INION"); }
double refLatLow() { return referenceHeight("SP_S2"); }
double refLatHigh() { return referenceHeight("ITG_LD_SUP_L"); }

// How deep under the surface muscles still count as under the tool.
constexpr float kMuscleDepth = 0.12f;

double fraction(double y, double lo, double hi) { return (y - lo) / (hi - lo); }

}  // namespace

double referenceHeight(std::string_view landmarkId) { return double(anatomy::landmark(landmarkId).y); }

TrackSample Track::at(double s) const {
  TrackSample out;
  if (points.empty()) return out;
  if (points.size() == 1 || s <= 0.0) {
    out.rest = points.front().rest;
    out.posed = points.front().posed;
    out.muscles = &points.front().muscles;
    return out;
  }
  if (s >= arc.back()) {
    out.rest = points.back().rest;
    out.posed = points.back().posed;
    out.muscles = &points.back().muscles;
    return out;
  }
  const auto it = std::upper_bound(arc.begin(), arc.end(), s);
  const auto i = std::size_t(it - arc.begin());  // arc[i-1] <= s < arc[i]
  const double span = arc[i] - arc[i - 1];
  const float f = span > 0.0 ? float((s - arc[i - 1]) / span) : 0.0f;
  out.rest = glm::mix(points[i - 1].rest, points[i].rest, f);
  out.posed = glm::mix(points[i - 1].posed, points[i].posed, f);
  out.muscles = f < 0.5f ? &points[i - 1].muscles : &points[i].muscles;
  return out;
}

bool SurfaceQuery::isMuscle(int mesh) const {
  if (mesh < 0 || std::size_t(mesh) >= model->roles.size()) return false;
  const scene::MeshRole& role = model->roles[std::size_t(mesh)];
  return role.tissue == scene::TissueKind::Muscle || role.muscle.valid();
}

std::optional<TrackPoint> SurfaceQuery::touch(const glm::vec3& guide, const glm::vec3& inward,
                                              const glm::vec3& spreadAxis, const std::vector<float>& spread) const {
  constexpr float kReach = 1.0f;  // start the rays well outside the body
  const auto hit = surface->castRay(guide - kReach * inward, inward);
  if (!hit) return std::nullopt;
  TrackPoint point{hit->rest, hit->posed, {}};
  std::vector<std::pair<int, float>> depths;
  for (float offset : spread) {
    glm::vec3 start = hit->posed;
    if (offset != 0.0f) {
      const auto side = surface->castRay(guide + offset * spreadAxis - kReach * inward, inward);
      if (!side) continue;
      start = side->posed;
    }
    // Start a hair outside so the surface under the tool counts when it is itself a muscle.
    for (const auto& [mesh, t] : surface->meshesAlong(start - 1e-4f * inward, inward, kMuscleDepth)) {
      if (!isMuscle(mesh)) continue;
      auto it = std::find_if(depths.begin(), depths.end(), [m = mesh](const auto& e) { return e.first == m; });
      if (it == depths.end())
        depths.emplace_back(mesh, t);
      else
        it->second = std::min(it->second, t);
    }
  }
  std::sort(depths.begin(), depths.end(),
            [](const auto& a, const auto& b) { return a.second < b.second || (a.second == b.second && a.first < b.first); });
  for (const auto& d : depths) point.muscles.push_back(d.first);
  return point;
}

glm::vec3 SurfaceQuery::support(const glm::vec3& guide, const glm::vec3& inward, float halfRange) const {
  const glm::vec3 across = glm::cross(glm::vec3(0.0f, 1.0f, 0.0f), inward);
  if (glm::length(across) < 1e-6f || halfRange <= 0.0f) return guide;
  const glm::vec3 e = glm::normalize(across);
  float best = 0.0f, bestReach = std::numeric_limits<float>::lowest();
  auto probe = [&](float offset) {
    if (const auto hit = surface->castRay(guide + offset * e - inward, inward)) {
      const float reach = -glm::dot(hit->posed, inward);
      if (reach > bestReach) {
        bestReach = reach;
        best = offset;
      }
    }
  };
  constexpr float kCoarse = 0.01f, kFine = 0.001f;
  for (float o = -halfRange; o <= halfRange + 1e-6f; o += kCoarse) probe(o);
  const float coarse = best;
  for (float o = coarse - kCoarse; o <= coarse + kCoarse + 1e-6f; o += kFine) probe(o);
  return guide + best * e;
}

Track castTrack(const SurfaceQuery& query, const std::vector<glm::vec3>& guides, const glm::vec3& inward,
                const glm::vec3& spreadAxis, const std::vector<float>& spread, float supportRange) {
  Track track;
  for (const glm::vec3& g : guides) {
    const glm::vec3 guide = supportRange > 0.0f ? query.support(g, inward, supportRange) : g;
    auto p = query.touch(guide, inward, spreadAxis, spread);
    if (!p) continue;
    const double step = track.points.empty() ? 0.0 : double(glm::distance(track.points.back().rest, p->rest));
    track.arc.push_back(track.arc.empty() ? 0.0 : track.arc.back() + step);
    track.points.push_back(std::move(*p));
  }
  return track;
}

std::optional<std::pair<glm::vec3, glm::vec3>> meshBounds(const RestSurface& rest, const std::vector<int>& meshes) {
  glm::vec3 lo(std::numeric_limits<float>::max()), hi(std::numeric_limits<float>::lowest());
  bool any = false;
  for (std::size_t t = 0; t < rest.triangles.size(); ++t) {
    if (std::find(meshes.begin(), meshes.end(), rest.triangleMesh[t]) == meshes.end()) continue;
    for (std::uint32_t v : {rest.triangles[t].x, rest.triangles[t].y, rest.triangles[t].z}) {
      lo = glm::min(lo, rest.positions[v]);
      hi = glm::max(hi, rest.positions[v]);
      any = true;
    }
  }
  if (!any) return std::nullopt;
  return std::make_pair(lo, hi);
}

namespace {

/// The landmarks a path may end at (their heights: anatomy::landmarkTable, the reference subject's spinous-process
/// tips, the lateral-most points of the ribs and the posterior axillary fold; sided ones by their left twin)
/// and the muscle whose height range scales them onto a model.
struct LandmarkLevel {
  std::string_view name;
  LevelFrame frame;
};

double levelHeight(const LandmarkLevel& l) {
  return l.frame == LevelFrame::Latissimus ? referenceHeight(std::string(l.name) + "_L") : referenceHeight(l.name);
}

constexpr LandmarkLevel kLandmarks[] = {
    {"SP_C6", LevelFrame::Trapezius},
    {"SP_C7", LevelFrame::Trapezius},
    {"SP_T1", LevelFrame::Trapezius},
    {"SP_T2", LevelFrame::Trapezius},
    {"SP_T3", LevelFrame::Trapezius},
    {"SP_T4", LevelFrame::Trapezius},
    {"SP_T5", LevelFrame::Trapezius},
    {"SP_T6", LevelFrame::Trapezius},
    {"SP_T7", LevelFrame::Trapezius},
    {"SP_T8", LevelFrame::Trapezius},
    {"SP_T9", LevelFrame::Trapezius},
    {"SP_T10", LevelFrame::Trapezius},
    {"SP_T11", LevelFrame::Trapezius},
    {"SP_T12", LevelFrame::Trapezius},
    {"AXILLA_POST_FOLD", LevelFrame::Latissimus},
    {"RIB5_LAT", LevelFrame::Latissimus},
    {"RIB6_LAT", LevelFrame::Latissimus},
    {"RIB7_LAT", LevelFrame::Latissimus},
    {"RIB8_LAT", LevelFrame::Latissimus},
    {"RIB9_LAT", LevelFrame::Latissimus},
    {"RIB10_LAT", LevelFrame::Latissimus},
};

/// The name without a trailing "_L" or "_R" (sided landmarks name the left side; the right mirrors it).
std::string_view unsided(std::string_view name) {
  if (name.size() > 2 && (name.ends_with("_L") || name.ends_with("_R"))) return name.substr(0, name.size() - 2);
  return name;
}

const LandmarkLevel* findLevel(std::string_view name) {
  for (const LandmarkLevel& l : kLandmarks)
    if (l.name == name || (l.frame == LevelFrame::Latissimus && l.name == unsided(name) && unsided(name) != name))
      return &l;
  return nullptr;
}

/// The height range of the muscle that scales a frame's landmarks: the trapezius' midline origins from T12
/// (SP_T12) to the inion, or the latissimus from its lowest to its highest point.
std::optional<std::pair<double, double>> frameRange(const RestSurface& rest, const std::vector<int>& meshes,
                                                    float midX, LevelFrame frame) {
  if (frame == LevelFrame::Latissimus) {
    const auto b = meshBounds(rest, meshes);
    if (!b || !(b->second.y > b->first.y)) return std::nullopt;
    return std::make_pair(double(b->first.y), double(b->second.y));
  }
  constexpr float kMidlineBand = 0.02f;  // the sheets meet at the spinous processes, within 2 cm of midX
  double lo = std::numeric_limits<double>::max(), hi = std::numeric_limits<double>::lowest();
  for (std::size_t t = 0; t < rest.triangles.size(); ++t) {
    if (std::find(meshes.begin(), meshes.end(), rest.triangleMesh[t]) == meshes.end()) continue;
    for (std::uint32_t v : {rest.triangles[t].x, rest.triangles[t].y, rest.triangles[t].z}) {
      const glm::vec3 p = rest.positions[v];
      if (std::abs(p.x - midX) > kMidlineBand) continue;
      lo = std::min(lo, double(p.y));
      hi = std::max(hi, double(p.y));
    }
  }
  if (!(hi > lo)) return std::nullopt;
  return std::make_pair(lo, hi);
}

}  // namespace

std::optional<LevelFrame> landmarkFrame(std::string_view name) {
  const LandmarkLevel* l = findLevel(name);
  return l ? std::optional<LevelFrame>(l->frame) : std::nullopt;
}

std::vector<std::string_view> landmarkNames(LevelFrame frame) {
  std::vector<std::string_view> out;
  for (const LandmarkLevel& l : kLandmarks)
    if (l.frame == frame) out.push_back(l.name);
  return out;
}

std::optional<Levels> pathLevels(const RestSurface& rest, const std::vector<int>& meshes, float midX,
                                 std::string_view from, std::string_view to) {
  const LandmarkLevel* a = findLevel(from);
  const LandmarkLevel* b = findLevel(to);
  if (a == nullptr || b == nullptr || a->frame != b->frame) return std::nullopt;
  const auto range = frameRange(rest, meshes, midX, a->frame);
  if (!range) return std::nullopt;
  const auto [lo, hi] = *range;
  const double refLo = a->frame == LevelFrame::Trapezius ? refTrapeziusLow() : refLatLow();
  const double refHi = a->frame == LevelFrame::Trapezius ? refTrapeziusHigh() : refLatHigh();
  return Levels{lo + fraction(levelHeight(*a), refLo, refHi) * (hi - lo), lo + fraction(levelHeight(*b), refLo, refHi) * (hi - lo)};
}

std::optional<Levels> trapeziusLevels(const RestSurface& rest, const std::vector<int>& trapezius, float midX,
                                      bool upperProgramme) {
  return upperProgramme ? pathLevels(rest, trapezius, midX, "SP_T1", "SP_T8")
                        : pathLevels(rest, trapezius, midX, "SP_T2", "SP_T12");
}

double sweep(double tau, double duration, int passes) {
  if (!(duration > 0.0)) return 0.0;
  const double t = std::clamp(tau, 0.0, duration) / duration;
  return 0.5 * (1.0 - std::cos(2.0 * glm::pi<double>() * std::max(passes, 1) * t));
}

int passesFor(double duration, double speed, double length) {
  if (!(length > 0.0) || !(speed > 0.0)) return 1;
  // A (1 - cos) sweep averages the nominal speed: one pass covers 2 * length.
  return std::max(1, int(std::lround(duration * speed / (2.0 * length))));
}

}  // namespace myo::exercise
