// app/viewer_atlas.cpp: the viewer as an atlas: search, layers and their looks, the info card beside the
// selected structure, and the labels of the target muscles that are in sight.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

#include "app/viewer.hpp"
#include "scene/muscle_names.hpp"

namespace myo::app {
namespace {

view::PixelRect scaled(const view::PixelRect& r, float by) { return {r.min / by, r.max / by}; }

/// Every `stride`-th posed vertex of the meshes `include` accepts, projected (ImGui units), those in front.
template <class Include>
std::vector<glm::vec2> projectedVertices(const scene::PosedGeometry& posed, const view::OrbitCamera& camera,
                                         Include include, std::size_t stride, float ppp) {
  std::vector<glm::vec2> out;
  const glm::mat4 vp = camera.viewProjection();
  const glm::vec2 size(float(camera.viewportWidth()), float(camera.viewportHeight()));
  for (const auto& piece : posed.pieces) {
    if (!include(piece.mesh)) continue;
    for (std::size_t i = 0; i < piece.positions.size(); i += stride) {
      const glm::vec4 c = vp * glm::vec4(piece.positions[i], 1.0f);
      if (c.w <= 1e-6f) continue;
      const glm::vec2 ndc = glm::vec2(c) / c.w;
      out.push_back(glm::vec2((ndc.x * 0.5f + 0.5f) * size.x, (0.5f - ndc.y * 0.5f) * size.y) / ppp);
    }
  }
  return out;
}

/// The extra windows' bar and the status line at the bottom of the window, as last drawn (ImGui units).
std::vector<view::PixelRect> bottomBars() {
  std::vector<view::PixelRect> out;
  for (const char* name : {"##extras", "##status"}) {
    const ImGuiWindow* w = ImGui::FindWindowByName(name);
    if (!w || !w->WasActive || w->Hidden) continue;
    out.push_back({glm::vec2(w->Pos.x, w->Pos.y), glm::vec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y)});
  }
  return out;
}

}  // namespace

std::vector<scene::SearchHit> Viewer::search(std::string_view text) const {
  return scene::searchStructures(model_, text);
}

bool Viewer::selectByName(std::string_view text) {
  const auto hits = search(text);
  if (hits.empty()) return false;
  select(hits.front().mesh);
  return true;
}

void Viewer::frameSelection() {
  if (selected_ < 0) return;
  const scene::Bounds b = scene::modelBounds(model_, world_, [&](int mesh) { return mesh != selected_; });
  if (b.empty()) return;
  if (motion_) camera_.recenter(b.center());  // the exercise camera keeps its framing of the body
  else camera_.frame(b.center(), std::max(b.radius() * 1.6f, 0.08f));
}

std::vector<float> Viewer::drawnOpacity() const {
  const gfx::FrameView f = frameView({camera_.viewportWidth(), camera_.viewportHeight()});
  std::vector<float> out(f.meshes.size(), 0.0f);
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = f.meshes[i].visible ? f.meshes[i].color.w : 0.0f;
  return out;
}

void Viewer::atlasLook(int mesh, gfx::MeshDraw& d) const {
  const auto& role = model_.roles[size_t(mesh)];
  const bool selected = mesh == selected_;
  if (selected && d.look != gfx::Look::Skin) {
    // The selection drawn clearly: a cyan tint over its own colour, with the outline and glow.
    d.color = glm::vec4(glm::mix(glm::vec3(d.color), palette_.outlineSelected, 0.38f), d.color.w);
    d.highlight = std::max(d.highlight, 0.8f);
  }
  // What the atlas looks at: the selection, or without one the exercise's targets.
  const bool focus = selected_ >= 0 ? selected : isTarget(mesh);
  if (focus || !d.visible) return;
  if (atlas_.xray) {
    d.color.w = std::min(d.color.w, role.tissue == scene::TissueKind::Skin ? 0.12f : 0.2f);
    d.outline = false;
  } else if (atlas_.fadeOthers && role.tissue != scene::TissueKind::Skin) {
    d.color.w = std::min(d.color.w, 0.25f);
    d.outline = false;
  }
}

ui::AtlasInput Viewer::atlasInput() const {
  ui::AtlasInput in;
  in.selected = selected_;
  in.maxDepth = scene::kMaxLayerDepth;
  for (const auto& hit : search(atlas_.search.data())) in.results.emplace_back(hit.mesh, hit.name);
  const scene::TissueKind systems[] = {scene::TissueKind::Skin, scene::TissueKind::Muscle, scene::TissueKind::Bone,
                                       scene::TissueKind::Other};
  for (const auto t : systems) in.systems.emplace_back(scene::systemName(t));
  for (int l = 0; l <= int(scene::Layer::Other); ++l) in.layers.emplace_back(scene::layerName(scene::Layer(l)));
  for (size_t i = 0; i < model_.meshes.size(); ++i) {
    const auto& role = model_.roles[i];
    const auto system = std::find(in.systems.begin(), in.systems.end(), scene::systemName(role.tissue));
    in.tree.push_back({int(i), scene::structureName(model_, int(i)), int(system - in.systems.begin()),
                       int(scene::layerOf(role)), !hidden_[i], isTarget(int(i))});
  }
  std::stable_sort(in.tree.begin(), in.tree.end(), [](const ui::StructureRow& a, const ui::StructureRow& b) {
    if (a.system != b.system) return a.system < b.system;
    if (a.layer != b.layer) return a.layer < b.layer;
    return a.name < b.name;
  });
  return in;
}

void Viewer::applyAtlasIntents(const ui::AtlasIntents& in) {
  if (in.select) select(*in.select);
  if (in.frameSelected) frameSelection();
  if (in.setVisible) setMeshVisible(in.setVisible->first, in.setVisible->second);
  if (in.setGroupVisible)
    for (int mesh : in.setGroupVisible->first) setMeshVisible(mesh, in.setGroupVisible->second);
}

void Viewer::drawAtlasCard(float pixelsPerPoint, ui::AtlasIntents& intents) {
  cardRect_.reset();
  if (selected_ < 0) return;
  const float ppp = std::max(pixelsPerPoint, 1e-3f);
  const ui::PanelInput in = panelInput();
  ui::InfoCard card;
  card.title = scene::structureName(model_, selected_);
  card.facts = in.selectedFacts;
  const auto& role = model_.roles[size_t(selected_)];
  if (role.tissue == scene::TissueKind::Muscle || role.tissue == scene::TissueKind::Tendon)
    card.layer = std::string(scene::layerName(scene::layerOf(role)));
  // The card's anchor: where the structure was clicked, else the middle of its posed vertices.
  glm::vec3 point(0.0f);
  if (selectedPoint_) {
    point = *selectedPoint_;
  } else {
    float n = 0.0f;
    for (const auto& piece : posed().pieces) {
      if (piece.mesh != selected_) continue;
      for (const glm::vec3& q : piece.positions) point += q;
      n += float(piece.positions.size());
    }
    if (n > 0.0f) point /= n;
  }
  if (camera_.inFront(point)) card.anchor = camera_.project(point) / ppp;
  card.display = glm::vec2(camera_.viewportWidth(), camera_.viewportHeight()) / ppp;
  for (const auto& r : panelRects_) card.avoid.push_back(scaled(r, ppp));
  for (const auto& r : bottomBars()) card.avoid.push_back(r);
  // Where the selected structure and the whole model are drawn, so the card can stay off them.
  const std::vector<float> opacity = drawnOpacity();
  const view::PixelRect picture{glm::vec2(0.0f), card.display};
  const float em = ImGui::GetFontSize();
  card.selectionShape = view::footprint(
      projectedVertices(posed(), camera_, [&](int mesh) { return mesh == selected_; }, 1, ppp), picture, em,
      em * 0.3f);
  std::vector<glm::vec2> body =
      projectedVertices(posed(), camera_, [&](int mesh) { return opacity[size_t(mesh)] > 0.0f; }, 7, ppp);
  // The tool (ball, roller) belongs to what the card stays off: the corners of its box on the picture.
  for (const gfx::ShapeDraw& shape : frameView({camera_.viewportWidth(), camera_.viewportHeight()}).shapes) {
    if (shape.kind == gfx::ShapeDraw::Kind::Box) continue;  // the wall, the floor, a chair
    for (int i = 0; i < 8; ++i) {
      const glm::vec3 p(shape.transform * glm::vec4(i & 1 ? 1 : -1, i & 2 ? 1 : -1, i & 4 ? 1 : -1, 1.0f));
      if (camera_.inFront(p)) body.push_back(camera_.project(p) / ppp);
    }
  }
  card.bodyShape = view::footprint(body, picture, em * 1.5f, em * 0.3f);
  card.foldOffBody = motion_.has_value();
  // The selected structure's box on the picture (its posed bounds' corners, those in front of the eye).
  const scene::Bounds b = scene::modelBounds(model_, world_, [&](int mesh) { return mesh != selected_; });
  if (!b.empty()) {
    view::PixelRect r{glm::vec2(1e9f), glm::vec2(-1e9f)};
    for (int i = 0; i < 8; ++i) {
      const glm::vec3 p(i & 1 ? b.max.x : b.min.x, i & 2 ? b.max.y : b.min.y, i & 4 ? b.max.z : b.min.z);
      if (!camera_.inFront(p)) continue;
      const glm::vec2 q = camera_.project(p) / ppp;
      r.min = glm::min(r.min, q);
      r.max = glm::max(r.max, q);
    }
    if (r.width() > 0.0f) card.selection = r;
  }
  if (const auto rect = ui::drawInfoCard(card, atlas_, intents))
    cardRect_ = view::PixelRect{rect->min * ppp, rect->max * ppp};
}

std::pair<float, float> Viewer::modelColumns(float ppp) const {
  // The model's middle on the picture and about half its width there (ImGui units).
  const float centerX = camera_.project(roiCenter_).x / ppp;
  float halfWidth = 0.0f;
  for (const glm::vec3 d : {glm::vec3(1, 0, 0), glm::vec3(0, 0, 1), glm::vec3(-1, 0, 0), glm::vec3(0, 0, -1)})
    halfWidth = std::max(halfWidth, std::abs(camera_.project(roiCenter_ + d * roiRadius_ * 0.55f).x / ppp - centerX));
  return {centerX, halfWidth};
}

void Viewer::updateLabelAnchors() {
  // One label per target muscle and side, aimed at the group's centroid (world, posed).
  labelAnchors_.clear();
  std::vector<std::pair<glm::vec3, float>> sums;
  for (const auto& piece : posed().pieces) {
    if (!isTarget(piece.mesh)) continue;
    const auto& role = model_.roles[size_t(piece.mesh)];
    auto it = std::find_if(labelAnchors_.begin(), labelAnchors_.end(), [&](const LabelAnchor& a) {
      return a.kind == role.muscle.kind && a.side == role.muscle.side;
    });
    if (it == labelAnchors_.end()) {
      labelAnchors_.push_back({role.muscle.kind, role.muscle.side, glm::vec3(0.0f), glm::vec3(0.0f), piece.mesh});
      sums.emplace_back(glm::vec3(0.0f), 0.0f);
      it = labelAnchors_.end() - 1;
    }
    auto& sum = sums[size_t(it - labelAnchors_.begin())];
    for (const glm::vec3& q : piece.positions) sum.first += q;
    sum.second += float(piece.positions.size());
  }
  for (size_t i = 0; i < labelAnchors_.size(); ++i)
    labelAnchors_[i].centroid = sums[i].second > 0.0f ? sums[i].first / sums[i].second : glm::vec3(0.0f);
  labelViewKey_ = glm::mat4(0.0f);
}

void Viewer::drawLabels(float pixelsPerPoint) {
  const float ppp = std::max(pixelsPerPoint, 1e-3f);
  const glm::mat4 viewKey = camera_.viewMatrix();
  const std::vector<float> opacity = drawnOpacity();
  // While the view moves, the labels keep their last anchors; once it rests for a frame they are recomputed
  // (and whenever what is drawn see-through changes).
  const bool resting = viewKey == labelLastView_;
  labelLastView_ = viewKey;
  if ((viewKey != labelViewKey_ && (resting || labelSeen_.size() != labelAnchors_.size())) ||
      opacity != labelOpacityKey_) {
    // Where each group is seen: its first surface along the line of sight to its centroid, labelled only when
    // it is the first surface seen there and lies on the side of the body facing the eye (view::labelVisible).
    labelViewKey_ = viewKey;
    labelOpacityKey_ = opacity;
    labelSeen_.assign(labelAnchors_.size(), false);
    // Where the model is drawn: the labels stay off it (a label on the body would hide what it names).
    labelBody_ = view::footprint(
        projectedVertices(posed(), camera_, [&](int mesh) { return opacity[size_t(mesh)] > 0.0f; }, 7, ppp),
        {glm::vec2(0.0f), glm::vec2(camera_.viewportWidth(), camera_.viewportHeight()) / ppp},
        ImGui::GetFontSize() * 1.5f, ImGui::GetFontSize() * 0.3f);
    const glm::vec3 eye = camera_.eye();
    for (size_t i = 0; i < labelAnchors_.size(); ++i) {
      auto& a = labelAnchors_[i];
      if (!camera_.inFront(a.centroid)) continue;
      const scene::Ray ray{eye, glm::normalize(a.centroid - eye)};
      auto inGroup = [&](int mesh) {
        const auto& r = model_.roles[size_t(mesh)];
        return r.muscle.kind == a.kind && r.muscle.side == a.side;
      };
      view::SightLine line;
      const auto structure =
          scene::pick(model_, posed(), ray, [&](int m) { return !(opacity[size_t(m)] > 0.0f) || !inGroup(m); });
      if (!structure) continue;
      line.structure = structure->distance;
      if (const auto seen = scene::pickSeen(model_, posed(), ray, opacity)) {
        line.seen = seen->distance;
        line.seenIsStructure = inGroup(seen->mesh);
      }
      if (const auto skin = scene::pick(model_, posed(), ray, [&](int m) {
            return model_.roles[size_t(m)].tissue != scene::TissueKind::Skin;
          }))
        line.skin = skin->distance;
      a.point = structure->point;
      a.mesh = structure->mesh;
      labelSeen_[i] = view::labelVisible(line);
    }
  }
  // Two columns beside the model, in the part of the picture the panels and the card leave free.
  const auto [centerX, halfWidth] = modelColumns(ppp);
  const float em = ImGui::GetFontSize();
  const glm::vec2 display = glm::vec2(camera_.viewportWidth(), camera_.viewportHeight()) / ppp;
  view::LabelLayout layout;
  layout.area = {glm::vec2(em * 0.3f), display - glm::vec2(em * 0.3f)};
  for (const auto& r : panelRects_) layout.obstacles.push_back(scaled(r, ppp));
  if (cardRect_) layout.obstacles.push_back(scaled(*cardRect_, ppp));
  for (const auto& r : bottomBars()) layout.obstacles.push_back(r);
  layout.keepOff = labelBody_;
  layout.modelCenterX = centerX;
  layout.modelHalfWidth = halfWidth + em * 0.9f;
  layout.gap = em * 0.35f;
  std::vector<view::LabelRequest> requests;
  std::vector<size_t> which;
  const float pad = 5.0f;
  for (size_t i = 0; i < labelAnchors_.size(); ++i) {
    if (i >= labelSeen_.size() || !labelSeen_[i]) continue;
    const auto& a = labelAnchors_[i];
    const glm::vec2 p = camera_.project(a.point) / ppp;
    if (!view::PixelRect{glm::vec2(0.0f), display}.contains(p)) continue;
    const std::string text = scene::muscleDisplayName({a.kind, scene::Side::None, scene::MusclePart::None});
    const ImVec2 size = ImGui::CalcTextSize(text.c_str());
    requests.push_back({p, glm::vec2(size.x + 2 * pad, size.y + 4)});
    which.push_back(i);
  }
  ImDrawList* draw = ImGui::GetBackgroundDrawList();
  for (const view::PlacedLabel& l : view::placeLabels(requests, layout)) {
    const auto& a = labelAnchors_[which[size_t(l.request)]];
    const glm::vec2 anchor = requests[size_t(l.request)].anchor;
    const std::string text = scene::muscleDisplayName({a.kind, scene::Side::None, scene::MusclePart::None});
    const ImU32 line = IM_COL32(35, 35, 40, 210);
    draw->AddLine(ImVec2(anchor.x, anchor.y), ImVec2(l.leaderStart.x, l.leaderStart.y), line, 1.2f);
    draw->AddCircleFilled(ImVec2(anchor.x, anchor.y), 2.6f, line);
    draw->AddRectFilled(ImVec2(l.box.min.x, l.box.min.y), ImVec2(l.box.max.x, l.box.max.y),
                        IM_COL32(250, 248, 244, 220), 3.0f);
    draw->AddText(ImVec2(l.box.min.x + pad, l.box.min.y + 2), IM_COL32(30, 30, 34, 255), text.c_str());
    drawnLabels_.push_back({a.mesh, text, anchor * ppp, scaled(l.box, 1.0f / ppp)});
  }
}

}  // namespace myo::app
