// tests/model/preview_main.cpp: `myorelease-model-preview OUTDIR` renders atlas-style views of the generated
// model on the CPU (back, left, oblique; skin on, translucent, hidden; a posed view) for visual review.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <glm/gtc/quaternion.hpp>
#include <stb/stb_image_write.h>

#include "anatomy/generator.hpp"
#include "anatomy/preview_raster.hpp"
#include "anatomy/rig.hpp"

using namespace myo::anatomy;

namespace {

glm::vec3 colourOf(const TissueMesh& m) {
  if (m.tissue == Tissue::Skin) return {0.93f, 0.76f, 0.64f};
  if (m.tissue == Tissue::Bone) return {0.93f, 0.90f, 0.80f};
  if (m.name.starts_with("trapezius_descending")) return {0.72f, 0.25f, 0.22f};
  if (m.name.starts_with("trapezius_transverse")) return {0.78f, 0.30f, 0.20f};
  if (m.name.starts_with("trapezius_ascending")) return {0.70f, 0.22f, 0.30f};
  if (m.name.starts_with("rhomboid_major")) return {0.80f, 0.38f, 0.28f};
  if (m.name.starts_with("rhomboid_minor")) return {0.85f, 0.45f, 0.30f};
  if (m.name.starts_with("latissimus")) return {0.55f, 0.28f, 0.20f};
  if (m.name.starts_with("deltoid")) return {0.68f, 0.32f, 0.34f};
  return {0.66f, 0.30f, 0.27f};
}

void save(const std::filesystem::path& file, const PreviewImage& img) {
  stbi_write_png(file.string().c_str(), img.width, img.height, 3, img.rgb.data(), img.width * 3);
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path out = argc > 1 ? argv[1] : "preview";
  std::filesystem::create_directories(out);
  auto t0 = std::chrono::steady_clock::now();
  AnatomyModel model = generateModel();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fmt::print("{} triangles in {:.2f} s\n", model.triangleCount(), secs);
  for (const TissueMesh& m : model.meshes) {
    std::map<std::pair<std::uint32_t, std::uint32_t>, int> edges;
    for (std::size_t f = 0; f < m.indices.size(); f += 3) {
      for (int e = 0; e < 3; ++e) {
        std::uint32_t a = m.indices[f + e], b = m.indices[f + (e + 1) % 3];
        ++edges[{std::min(a, b), std::max(a, b)}];
      }
    }
    int open = 0, multi = 0;
    for (const auto& [e, n] : edges) {
      open += n == 1;
      if (n == 1 && open < 6) fmt::print("open edge at {} {} {}\n", m.positions[e.first].x, m.positions[e.first].y, m.positions[e.first].z);
      multi += n > 2;
    }
    fmt::print("  {:28s} {:7d} triangles, {} open edges, {} non-manifold\n", m.name, m.triangleCount(), open, multi);
  }

  struct ViewDef {
    const char* name;
    glm::vec3 forward;
    glm::vec3 centre;
    float halfHeight;
  };
  const ViewDef views[] = {{"back", {0, 0, 1}, {0, 1.25f, 0}, 0.42f},
                           {"left", {-1, 0, 0}, {0, 1.25f, 0}, 0.42f},
                           {"oblique", glm::normalize(glm::vec3(-0.7f, -0.15f, 1.0f)), {0.05f, 1.28f, 0}, 0.36f},
                           {"full", {0, 0, 1}, {0, 0.88f, 0}, 0.92f},
                           {"front", {0, 0, -1}, {0, 1.25f, 0}, 0.42f}};
  const char* modes[] = {"skin", "translucent", "hidden"};
  for (const ViewDef& v : views) {
    for (int mode = 0; mode < 3; ++mode) {
      std::vector<PreviewItem> items;
      for (std::size_t i = 0; i < model.meshes.size(); ++i) {
        const TissueMesh& m = model.meshes[i];
        PreviewItem it{&m.positions, &m.normals, &m.indices, m.tendon.empty() ? nullptr : &m.tendon,
                       m.fibres.empty() ? nullptr : &m.fibres, colourOf(m), 1.0f, static_cast<int>(i)};
        if (m.tissue == Tissue::Skin) {
          if (mode == 2) continue;
          if (mode == 1) it.alpha = 0.35f;
        }
        items.push_back(it);
      }
      PreviewView pv;
      pv.forward = v.forward;
      pv.centre = v.centre;
      pv.halfHeight = v.halfHeight;
      pv.width = v.halfHeight > 0.8f ? 500 : 700;
      pv.height = v.halfHeight > 0.8f ? 1000 : 800;
      save(out / fmt::format("{}_{}.png", v.name, modes[mode]), renderPreview(items, pv));
    }
  }
  // Each structure alone (the left one of a pair), framed on its own extent: muscles from behind and from their
  // side, bones also from the front, the views side by side in one picture `solo_<mesh>.png`. MYO_PREVIEW_TILE
  // sets the size of one view in pixels (default 500).
  if (std::getenv("MYO_PREVIEW_SOLO")) {
    const char* tileEnv = std::getenv("MYO_PREVIEW_TILE");
    const int tile = std::clamp(tileEnv ? std::atoi(tileEnv) : 500, 64, 2000);
    for (std::size_t i = 0; i < model.meshes.size(); ++i) {
      const TissueMesh& m = model.meshes[i];
      const bool bone = m.tissue == Tissue::Bone;
      if (m.tissue == Tissue::Skin || m.name.ends_with("_R")) continue;
      std::vector<PreviewItem> items{{&m.positions, &m.normals, &m.indices, m.tendon.empty() ? nullptr : &m.tendon,
                                      m.fibres.empty() ? nullptr : &m.fibres, colourOf(m), 1.0f, 0}};
      glm::vec3 lo(1e9f), hi(-1e9f);
      for (glm::vec3 p : m.positions) lo = glm::min(lo, p), hi = glm::max(hi, p);
      const int views = bone ? 3 : 2;
      PreviewImage sheet;
      sheet.width = tile * views;
      sheet.height = tile;
      sheet.rgb.assign(static_cast<std::size_t>(sheet.width) * sheet.height * 3, 0);
      for (int side = 0; side < views; ++side) {
        PreviewView pv;
        pv.forward = side == 0 ? glm::vec3(0, 0, 1) : side == 1 ? glm::vec3(-1, 0, 0) : glm::vec3(0, 0, -1);
        pv.centre = 0.5f * (lo + hi);
        pv.halfHeight = std::max(0.03f, 0.55f * std::max({hi.x - lo.x, hi.y - lo.y, hi.z - lo.z}));
        pv.width = tile;
        pv.height = tile;
        const PreviewImage img = renderPreview(items, pv);
        for (int y = 0; y < tile; ++y)
          std::copy_n(img.rgb.begin() + static_cast<std::ptrdiff_t>(y) * tile * 3, tile * 3,
                      sheet.rgb.begin() + (static_cast<std::ptrdiff_t>(y) * sheet.width + side * tile) * 3);
      }
      save(out / fmt::format("solo_{}.png", m.name), sheet);
    }
  }
  // Close-ups of the figure: head, hand and foot, for checking the skin's details.
  if (std::getenv("MYO_PREVIEW_SOLO")) {
    const TissueMesh* skin = model.find("skin");
    struct Close {
      const char* name;
      glm::vec3 forward, centre;
      float halfHeight;
    };
    const Close closes[] = {{"head_front", {0, 0, -1}, {0, 1.63f, 0.05f}, 0.13f},
                            {"head_left", {-1, 0, 0}, {0, 1.63f, 0.05f}, 0.13f},
                            {"hand_left", {-1, 0, 0}, {0.33f, 0.76f, 0.04f}, 0.12f},
                            {"hand_front", {0, 0, -1}, {0.33f, 0.76f, 0.04f}, 0.12f},
                            {"foot_top", glm::normalize(glm::vec3(0, -1, -0.6f)), {0.1f, 0.04f, 0.08f}, 0.12f}};
    for (const Close& c : closes) {
      std::vector<PreviewItem> items{{&skin->positions, &skin->normals, &skin->indices, nullptr, nullptr, colourOf(*skin), 1.0f, 0}};
      PreviewView pv;
      pv.forward = c.forward;
      pv.centre = c.centre;
      pv.halfHeight = c.halfHeight;
      // Twice a solo view's size (MYO_PREVIEW_TILE), at most 500 pixels.
      const char* tileEnv = std::getenv("MYO_PREVIEW_TILE");
      pv.width = pv.height = std::clamp(tileEnv ? 2 * std::atoi(tileEnv) : 500, 64, 500);
      save(out / fmt::format("close_{}.png", c.name), renderPreview(items, pv));
    }
  }
  // A posed check: arms overhead, hips and knees bent.
  std::vector<glm::quat> rot(model.joints.size(), glm::quat(1, 0, 0, 0));
  auto set = [&](const char* name, float deg, glm::vec3 axis) {
    rot[jointIndex(name)] = glm::angleAxis(glm::radians(deg), axis);
  };
  set("shoulder_L", 150.0f, {0, 0, 1});
  set("shoulder_R", -150.0f, {0, 0, 1});
  set("hip_L", -90.0f, {1, 0, 0});
  set("hip_R", -90.0f, {1, 0, 0});
  set("knee_L", 90.0f, {1, 0, 0});
  set("knee_R", 90.0f, {1, 0, 0});
  auto skinning = skinningMatrices(model.joints, rot);
  std::vector<std::vector<glm::vec3>> pos(model.meshes.size()), nor(model.meshes.size());
  for (int mode = 0; mode < 2; ++mode) {
    std::vector<PreviewItem> items;
    for (std::size_t i = 0; i < model.meshes.size(); ++i) {
      const TissueMesh& m = model.meshes[i];
      if (mode == 1 && m.tissue == Tissue::Skin) continue;
      poseMesh(m, skinning, pos[i], nor[i]);
      items.push_back({&pos[i], &nor[i], &m.indices, m.tendon.empty() ? nullptr : &m.tendon, nullptr, colourOf(m),
                       1.0f, static_cast<int>(i)});
    }
    for (int side = 0; side < 2; ++side) {
      PreviewView pv;
      pv.forward = side == 0 ? glm::vec3(0, 0, 1) : glm::vec3(-1, 0, 0);
      pv.centre = {0, 1.1f, 0};
      pv.halfHeight = 0.8f;
      pv.width = 800;
      pv.height = 800;
      save(out / fmt::format("posed_{}_{}.png", side == 0 ? "back" : "left", mode == 0 ? "skin" : "hidden"),
           renderPreview(items, pv));
    }
  }
  return 0;
}
