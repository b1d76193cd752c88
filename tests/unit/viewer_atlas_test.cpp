// viewer_atlas_test.cpp: the viewer as an atlas on the shipped model, without a GL context: a click goes
// through what is drawn see-through, search selects, the layer depth peels in order, and labels name only what
// is seen on the side facing the viewer, clear of the panels and of each other.
#include <doctest/doctest.h>

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/viewer.hpp"
#include "scene/muscle_names.hpp"

using namespace myo;

namespace {

const std::string kModel = std::string(MYO_SOURCE_DIR) + "/assets/upper_body.glb";
const std::string kExercises = std::string(MYO_SOURCE_DIR) + "/assets/exercises.json";
constexpr int kW = 1280, kH = 720;

/// An ImGui context with its font built and no backend: enough for the panels and labels to lay themselves out.
struct UiContext {
  /// appFont: the panels' own font (DejaVu Sans at 15 px, as the window draws them), else ImGui's default.
  explicit UiContext(bool appFont = false) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(float(kW), float(kH));
    if (appFont) REQUIRE(io.Fonts->AddFontFromFileTTF("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 15.0f));
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~UiContext() { ImGui::DestroyContext(); }
  /// One UI frame of the viewer (twice on the first call, so windows settle as in a picture).
  void frame(app::Viewer& viewer) {
    for (int i = 0; i < 2; ++i) {
      ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
      ImGui::NewFrame();
      viewer.drawUi(60.0f, "test");
      ImGui::EndFrame();
    }
  }
};

void open(app::Viewer& viewer) {
  viewer.loadInitial(kModel);
  viewer.loadExercises(kExercises);
  viewer.camera().setTransitionSeconds(0.0f);
  viewer.camera().setViewport(kW, kH);
}

scene::MuscleKind kindOf(const app::Viewer& v, int mesh) {
  return mesh < 0 ? scene::MuscleKind::None : v.model().roles[size_t(mesh)].muscle.kind;
}

int meshNamed(const app::Viewer& v, const std::string& name) {
  for (size_t i = 0; i < v.model().meshes.size(); ++i)
    if (v.model().meshes[i].name == name) return int(i);
  return -1;
}

}  // namespace

TEST_CASE("atlas: in the rhomboid exercise a click on the rhomboid under the faded trapezius selects it") {
  app::Viewer viewer;
  open(viewer);
  viewer.selectExercise("rhomboid-massage-ball");
  viewer.setExerciseTime(20.0);
  viewer.setPreset(view::Preset::Back);
  viewer.camera().update(1.0f);
  const std::vector<float> opacity = viewer.drawnOpacity();
  const int trapezius = meshNamed(viewer, "trapezius_transverse_L");
  REQUIRE(trapezius >= 0);
  CHECK(opacity[size_t(trapezius)] < scene::kSeenOpacity);  // faded over the deep target
  // Pixels where the faded trapezius lies in front of the rhomboid: the old rule (skip the skin only) picked the
  // trapezius there.
  // Where the ball is drawn (the exercise's sphere).
  auto ball = [&] {
    for (const auto& shape : viewer.frameView({kW, kH}).shapes)
      if (shape.kind == gfx::ShapeDraw::Kind::Sphere) return glm::vec3(shape.transform[3]);
    return glm::vec3(NAN);
  };
  const glm::vec3 ballBefore = ball();
  REQUIRE(std::isfinite(ballBefore.x));
  const scene::PosedGeometry posed = scene::poseGeometry(viewer.model(), viewer.world());
  int tried = 0, rhomboid = 0;
  for (const auto& piece : posed.pieces) {
    if (kindOf(viewer, piece.mesh) != scene::MuscleKind::RhomboidMajor) continue;
    for (size_t v = 0; v < piece.positions.size(); v += 97) {
      const glm::vec3 p = piece.positions[v];
      if (!viewer.camera().inFront(p)) continue;
      const glm::vec2 px = viewer.camera().project(p);
      if (px.x < 0 || px.y < 0 || px.x >= kW || px.y >= kH) continue;
      const view::Ray ray = viewer.camera().rayThrough(px);
      const auto old = scene::pick(viewer.model(), posed, {ray.origin, ray.direction}, [&](int m) {
        return opacity[size_t(m)] <= 0.0f || viewer.model().roles[size_t(m)].tissue == scene::TissueKind::Skin;
      });
      if (!old || kindOf(viewer, old->mesh) != scene::MuscleKind::Trapezius) continue;
      const auto seen = scene::pickSeen(viewer.model(), posed, {ray.origin, ray.direction}, opacity);
      if (!seen || kindOf(viewer, seen->mesh) != scene::MuscleKind::RhomboidMajor) continue;
      ++tried;
      viewer.pickAt(px, false);
      if (kindOf(viewer, viewer.panelInput().selectedMesh) == scene::MuscleKind::RhomboidMajor) ++rhomboid;
    }
  }
  CHECK(tried >= 5);
  CHECK(rhomboid == tried);
  // The click on the rhomboid moved the ball's trigger point there: the ball moved.
  CHECK(glm::length(ball() - ballBefore) > 0.01f);
}

TEST_CASE("atlas: search selects and frames; the card's facts come from the model") {
  app::Viewer viewer;
  open(viewer);
  const auto hits = viewer.search("rhom");
  REQUIRE(hits.size() == 4);  // major and minor, both sides
  for (const auto& h : hits) {
    const auto kind = kindOf(viewer, h.mesh);
    CHECK((kind == scene::MuscleKind::RhomboidMajor || kind == scene::MuscleKind::RhomboidMinor));
  }
  CHECK(viewer.selectByName("lat"));
  CHECK((kindOf(viewer, viewer.panelInput().selectedMesh) == scene::MuscleKind::LatissimusDorsi));
  CHECK(viewer.selectByName("teres mi"));
  const int teres = viewer.panelInput().selectedMesh;
  CHECK((kindOf(viewer, teres) == scene::MuscleKind::TeresMinor));
  CHECK_FALSE(viewer.selectByName("gluteus"));
  CHECK(viewer.panelInput().selectedMesh == teres);  // kept
  const glm::vec3 before = viewer.camera().target();
  viewer.frameSelection();
  viewer.camera().update(1.0f);
  const scene::Bounds b =
      scene::modelBounds(viewer.model(), viewer.world(), [&](int m) { return m != teres; });
  CHECK(glm::length(viewer.camera().target() - b.center()) < 1e-3f);
  CHECK(glm::length(before - b.center()) > 0.05f);
  // The card's facts are the mesh's own (written by the generator from the muscle facts).
  const auto in = viewer.panelInput();
  CHECK(in.selectedTitle.find("Teres minor") != std::string::npos);
  const auto has = [&](const std::string& heading) {
    return std::any_of(in.selectedFacts.begin(), in.selectedFacts.end(),
                       [&](const auto& f) { return f.first == heading && !f.second.empty(); });
  };
  CHECK(has("Origin"));
  CHECK(has("Insertion"));
  CHECK(has("Nerve"));
}

TEST_CASE("atlas: the layer depth peels skin, superficial muscles, the muscles under them, deep muscles") {
  app::Viewer viewer;
  open(viewer);
  viewer.display().skin = ui::SkinMode::Opaque;
  auto shown = [&](scene::TissueKind tissue, scene::MuscleKind kind) {
    const std::vector<float> opacity = viewer.drawnOpacity();
    for (size_t i = 0; i < opacity.size(); ++i) {
      const auto& r = viewer.model().roles[i];
      if (r.tissue == tissue && r.muscle.kind == kind && opacity[i] > 0.0f) return true;
    }
    return false;
  };
  using K = scene::MuscleKind;
  using T = scene::TissueKind;
  const std::vector<std::vector<bool>> expected{
      // skin, trapezius, rhomboid major, infraspinatus, bones
      {true, true, true, true, true},  {false, true, true, true, true},   {false, false, true, true, true},
      {false, false, false, true, true}, {false, false, false, false, true}};
  for (int depth = 0; depth <= scene::kMaxLayerDepth; ++depth) {
    CAPTURE(depth);
    viewer.atlas().layerDepth = depth;
    CHECK(shown(T::Skin, K::None) == expected[size_t(depth)][0]);
    CHECK(shown(T::Muscle, K::Trapezius) == expected[size_t(depth)][1]);
    CHECK(shown(T::Muscle, K::RhomboidMajor) == expected[size_t(depth)][2]);
    CHECK(shown(T::Muscle, K::Infraspinatus) == expected[size_t(depth)][3]);
    CHECK(shown(T::Bone, K::None) == expected[size_t(depth)][4]);
  }
  // X-ray and fade others: all but the selection see-through, the selection opaque.
  viewer.atlas().layerDepth = 0;
  REQUIRE(viewer.selectByName("rhomboid major"));
  const int sel = viewer.panelInput().selectedMesh;
  for (bool xray : {true, false}) {
    viewer.atlas().xray = xray;
    viewer.atlas().fadeOthers = !xray;
    const std::vector<float> opacity = viewer.drawnOpacity();
    CHECK(opacity[size_t(sel)] == doctest::Approx(1.0f));
    for (size_t i = 0; i < opacity.size(); ++i)
      if (int(i) != sel && viewer.model().roles[i].tissue != T::Skin) CHECK(opacity[i] < scene::kSeenOpacity);
  }
}

TEST_CASE("atlas: labels only for what faces the viewer, clear of the panels and of each other") {
  UiContext ui;
  app::Viewer viewer;
  open(viewer);
  auto labelled = [&](view::Preset preset) {
    viewer.setPreset(preset);
    viewer.camera().update(1.0f);
    ui.frame(viewer);
    std::vector<std::string> texts;
    for (const auto& l : viewer.drawnLabels()) texts.push_back(l.text);
    return texts;
  };
  auto has = [](const std::vector<std::string>& t, const char* name) {
    return std::find(t.begin(), t.end(), name) != t.end();
  };
  const auto back = labelled(view::Preset::Back);
  CHECK(has(back, "Trapezius"));
  CHECK(has(back, "Latissimus dorsi"));
  // From the front the rhomboids lie behind the whole body: seen through the faded neck, but not labelled.
  const auto front = labelled(view::Preset::Front);
  CHECK_FALSE(has(front, "Rhomboid minor"));
  CHECK_FALSE(has(front, "Rhomboid major"));
  for (const view::Preset preset : {view::Preset::Back, view::Preset::Left, view::Preset::Oblique}) {
    labelled(preset);
    const auto& labels = viewer.drawnLabels();
    const ImGuiWindow* panel = ImGui::FindWindowByName("MyoRelease");
    REQUIRE(panel != nullptr);
    const view::PixelRect panelRect{{panel->Pos.x, panel->Pos.y},
                                    {panel->Pos.x + panel->Size.x, panel->Pos.y + panel->Size.y}};
    for (size_t i = 0; i < labels.size(); ++i) {
      CHECK_FALSE(labels[i].box.overlaps(panelRect));
      CHECK(labels[i].box.min.x >= 0.0f);
      CHECK(labels[i].box.max.x <= float(kW));
      for (size_t j = i + 1; j < labels.size(); ++j) CHECK_FALSE(labels[i].box.overlaps(labels[j].box));
    }
  }
  // With a selection, the card is drawn beside it and the labels keep clear of it too.
  REQUIRE(viewer.selectByName("trapezius transverse"));
  labelled(view::Preset::Back);
  REQUIRE(viewer.cardRect().has_value());
  for (const auto& l : viewer.drawnLabels()) CHECK_FALSE(l.box.overlaps(*viewer.cardRect()));
}

namespace {

/// Posed vertices of the meshes `include` accepts that project inside `box` (ImGui units = pixels here).
template <class Include>
int verticesIn(app::Viewer& viewer, const view::PixelRect& box, Include include) {
  const scene::PosedGeometry posed = scene::poseGeometry(viewer.model(), viewer.world());
  int n = 0;
  for (const auto& piece : posed.pieces) {
    if (!include(piece.mesh)) continue;
    for (const glm::vec3& p : piece.positions)
      if (viewer.camera().inFront(p) && box.contains(viewer.camera().project(p))) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("atlas: the card gives its facts and covers none of the selected structure, the labels none of the model") {
  UiContext ui(true);
  app::Viewer viewer;
  open(viewer);
  struct Case {
    view::Preset preset;
    const char* select;
    ui::SkinMode skin;
  };
  // The left view of teres major with the skin hidden is where the card used to cover the muscle's humeral end.
  const Case cases[] = {{view::Preset::Left, "teres major", ui::SkinMode::Hidden},
                        {view::Preset::Back, "rhomboid major", ui::SkinMode::Faded},
                        {view::Preset::Oblique, "infraspinatus", ui::SkinMode::Faded},
                        {view::Preset::Back, "trapezius transverse", ui::SkinMode::Opaque}};
  int labels = 0;
  for (const Case& c : cases) {
    CAPTURE(c.select);
    viewer.display().skin = c.skin;
    REQUIRE(viewer.selectByName(c.select));
    const int selected = viewer.panelInput().selectedMesh;
    viewer.setPreset(c.preset);
    viewer.camera().update(1.0f);
    ui.frame(viewer);
    REQUIRE(viewer.cardRect().has_value());
    const view::PixelRect card = *viewer.cardRect();
    const int all = verticesIn(viewer, {{-1e9f, -1e9f}, {1e9f, 1e9f}}, [&](int m) { return m == selected; });
    const int covered = verticesIn(viewer, card, [&](int m) { return m == selected; });
    INFO("selected vertices under the card: " << covered << " of " << all);
    CHECK(all > 100);
    CHECK(covered == 0);
    // Without an exercise the card gives its facts (not folded to its title), over the body if need be.
    CHECK(card.height() > 12.0f * ImGui::GetFontSize());
    const std::vector<float> opacity = viewer.drawnOpacity();
    for (const auto& l : viewer.drawnLabels()) {
      const int under = verticesIn(viewer, l.box, [&](int m) { return opacity[size_t(m)] > 0.0f; });
      INFO(l.text << ": " << under << " model vertices under its box");
      CHECK(under == 0);
      ++labels;
    }
  }
  CHECK(labels >= 3);
  viewer.display().skin = ui::SkinMode::Faded;
}

TEST_CASE("atlas: at 1280x720 \"Save picture\" is in view below every section, without scrolling") {
  UiContext ui(true);
  app::Viewer viewer;
  open(viewer);
  // A long search list and a selection: the sections above are at their tallest.
  std::snprintf(viewer.atlas().search.data(), viewer.atlas().search.size(), "%s", "t");
  REQUIRE(viewer.selectByName("teres major"));
  for (const bool exercise : {false, true}) {
    CAPTURE(exercise);
    if (exercise) viewer.selectExercise("trapezius-foam-roller");
    ui.frame(viewer);
    const ui::UiRect* save = viewer.mainPanelRects().find("save picture");
    const ui::UiRect* panel = viewer.mainPanelRects().find("panel");
    REQUIRE(save != nullptr);
    REQUIRE(panel != nullptr);
    CHECK(save->height() > 10.0f);
    CHECK(panel->contains(*save));
    CHECK(save->max.y <= float(kH));
  }
}

TEST_CASE("atlas: in an exercise's target view at 1280x720 the card covers neither the body nor the tool") {
  UiContext ui(true);
  app::Viewer viewer;
  open(viewer);
  struct Case {
    const char* exercise;
    double time;
    const char* select;
  };
  // Work in each exercise, with one of its targets selected: the posed body leaves narrow strips of picture
  // between the panels, where the full card covered the limbs.
  const Case cases[] = {{"rhomboid-massage-ball", 20.0, "rhomboid major"},
                        {"trapezius-foam-roller", 30.0, "trapezius transverse"},
                        {"latissimus-foam-roller", 30.0, "latissimus"},
                        {"massage-chair", 30.0, "rhomboid minor"}};
  const float em = 15.0f;
  for (const Case& c : cases) {
    INFO(c.exercise);
    viewer.selectExercise(c.exercise);
    viewer.setExerciseTime(c.time);
    REQUIRE(viewer.selectByName(c.select));
    const int selected = viewer.panelInput().selectedMesh;
    viewer.setPreset(view::Preset::Target);
    viewer.camera().update(1.0f);
    ui.frame(viewer);
    ui.frame(viewer);  // the exercise's framing beside the panels, then the card beside the framed body
    REQUIRE(viewer.cardRect().has_value());
    const view::PixelRect card = *viewer.cardRect();
    CHECK(card.height() >= em * 1.5f);  // at least its title bar and the structure's name
    const std::vector<float> opacity = viewer.drawnOpacity();
    const int body = verticesIn(viewer, card, [&](int m) { return opacity[size_t(m)] > 0.0f; });
    const int covered = verticesIn(viewer, card, [&](int m) { return m == selected; });
    INFO("card (" << card.min.x << ", " << card.min.y << ")-(" << card.max.x << ", " << card.max.y << "): "
                  << body << " body vertices under it, " << covered << " of the selection");
    CHECK(body == 0);
    CHECK(covered == 0);
    // Nor the tool: no corner of the ball's or the roller's box falls on the card.
    for (const gfx::ShapeDraw& shape : viewer.frameView({kW, kH}).shapes) {
      if (shape.kind == gfx::ShapeDraw::Kind::Box) continue;
      for (int i = 0; i < 8; ++i) {
        const glm::vec3 p(shape.transform * glm::vec4(i & 1 ? 1 : -1, i & 2 ? 1 : -1, i & 4 ? 1 : -1, 1.0f));
        CHECK_FALSE(card.contains(viewer.camera().project(p)));
      }
    }
    // Its facts asked for by hand ("Facts" on a folded card): shown, on the body if need be, never on the
    // selected structure; folded again with the next selection.
    viewer.atlas().cardUnfolded = true;
    ui.frame(viewer);
    REQUIRE(viewer.cardRect().has_value());
    CHECK(viewer.cardRect()->height() > em * 12.0f);
    CHECK(verticesIn(viewer, *viewer.cardRect(), [&](int m) { return m == selected; }) == 0);
    viewer.select(-1);
    CHECK_FALSE(viewer.atlas().cardUnfolded);
  }
}

TEST_CASE("a path typed in the Model section opens on Enter") {
  UiContext ui(true);
  ImGuiIO& io = ImGui::GetIO();
  constexpr int kEnter = 257;
  io.KeyMap[ImGuiKey_Enter] = kEnter;
  app::Viewer viewer;
  open(viewer);
  ui.frame(viewer);
  const ui::UiRect* field = viewer.mainPanelRects().find("path");
  REQUIRE(field != nullptr);
  const std::size_t before = viewer.model().meshes.size();
  auto step = [&] {
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    viewer.drawUi(60.0f, "test");
    ImGui::EndFrame();
  };
  // A click into the field, the path typed, Enter: the viewer opens the file (here the test model of the gl
  // tier); the Open button is not touched.
  io.MousePos = ImVec2(0.5f * (field->min.x + field->max.x), 0.5f * (field->min.y + field->max.y));
  io.MouseDown[0] = true;
  step();
  io.MouseDown[0] = false;
  step();
  const std::string path = std::string(MYO_SOURCE_DIR) + "/tests/gl/data/muscle_quads.gltf";
  io.AddInputCharactersUTF8(path.c_str());
  step();
  CHECK(viewer.model().meshes.size() == before);  // typing alone opens nothing
  io.KeysDown[kEnter] = true;
  step();
  io.KeysDown[kEnter] = false;
  step();
  step();
  CHECK_FALSE(viewer.panelInput().error.has_value());
  CHECK(viewer.panelInput().modelPath.find("muscle_quads.gltf") != std::string::npos);
  CHECK(viewer.model().meshes.size() != before);
}
