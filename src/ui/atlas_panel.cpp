// ui/atlas_panel.cpp: Dear ImGui widgets of the atlas tools; no GL, no ownership.
#include "ui/atlas_panel.hpp"

#include <imgui.h>

#include <algorithm>

#include "view/labels.hpp"

namespace myo::ui {
namespace {

void record(ControlRects* rects, const char* name) {
  if (!rects) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  rects->add(name, {{a.x, a.y}, {b.x, b.y}});
}

void searchSection(const AtlasInput& input, AtlasSettings& s, AtlasIntents& intents, ControlRects* rects) {
  const float em = ImGui::GetFontSize();
  ImGui::SetNextItemWidth(-1.0f);
  const bool enter = ImGui::InputTextWithHint("##search", "search: rhom, lat, teres ...", s.search.data(),
                                              s.search.size(), ImGuiInputTextFlags_EnterReturnsTrue);
  record(rects, "search");
  if (enter && !input.results.empty()) {
    intents.select = input.results.front().first;
    intents.frameSelected = true;
  }
  if (s.search[0] == '\0') return;
  if (input.results.empty()) {
    ImGui::TextDisabled("No structure matches.");
    return;
  }
  const float rows = float(std::min<std::size_t>(input.results.size(), 6));
  ImGui::BeginChild("search results", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * rows + em * 0.5f), true);
  for (std::size_t i = 0; i < input.results.size(); ++i) {
    const auto& [mesh, name] = input.results[i];
    ImGui::PushID(mesh);
    if (ImGui::Selectable(name.c_str(), mesh == input.selected || (i == 0 && input.selected < 0))) {
      intents.select = mesh;
      intents.frameSelected = true;
    }
    ImGui::PopID();
  }
  ImGui::EndChild();
  ImGui::TextDisabled("Enter: select and frame the first.");
}

void layerSection(const AtlasInput& input, AtlasSettings& s, ControlRects* rects) {
  const char* names[] = {"everything", "skin peeled", "superficial muscles peeled", "muscles under them peeled",
                         "bones only"};
  const int maxDepth = std::clamp(input.maxDepth, 0, 4);
  s.layerDepth = std::clamp(s.layerDepth, 0, maxDepth);
  ImGui::SetNextItemWidth(-1.0f);
  ImGui::SliderInt("##depth", &s.layerDepth, 0, maxDepth, names[s.layerDepth], ImGuiSliderFlags_AlwaysClamp);
  record(rects, "layer depth");
  ImGui::Checkbox("fade others", &s.fadeOthers);
  record(rects, "fade others");
  ImGui::SameLine();
  ImGui::Checkbox("x-ray", &s.xray);
  record(rects, "x-ray");
}

void treeSection(const AtlasInput& input, AtlasIntents& intents) {
  for (int sys = 0; sys < int(input.systems.size()); ++sys) {
    std::vector<int> inSystem;
    for (std::size_t i = 0; i < input.tree.size(); ++i)
      if (input.tree[i].system == sys) inSystem.push_back(int(i));
    if (inSystem.empty()) continue;
    ImGui::PushID(sys);
    const bool open = ImGui::TreeNode(input.systems[std::size_t(sys)].c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("show")) {
      std::vector<int> meshes;
      for (int i : inSystem) meshes.push_back(input.tree[std::size_t(i)].mesh);
      intents.setGroupVisible = std::make_pair(meshes, true);
    }
    ImGui::SameLine();
    if (ImGui::SmallButton("hide")) {
      std::vector<int> meshes;
      for (int i : inSystem) meshes.push_back(input.tree[std::size_t(i)].mesh);
      intents.setGroupVisible = std::make_pair(meshes, false);
    }
    if (open) {
      for (int layer = 0; layer < int(input.layers.size()); ++layer) {
        std::vector<int> rows;
        for (int i : inSystem)
          if (input.tree[std::size_t(i)].layer == layer) rows.push_back(i);
        if (rows.empty()) continue;
        // Skin and bones are one layer each: their rows sit right under the system.
        const bool nested = input.systems[std::size_t(sys)] == "Muscles";
        ImGui::PushID(layer);
        if (!nested || ImGui::TreeNode(input.layers[std::size_t(layer)].c_str())) {
          for (int i : rows) {
            const StructureRow& row = input.tree[std::size_t(i)];
            ImGui::PushID(row.mesh);
            bool visible = row.visible;
            if (ImGui::Checkbox("##shown", &visible)) intents.setVisible = std::make_pair(row.mesh, visible);
            ImGui::SameLine();
            if (row.target) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.80f, 0.35f, 1.0f));
            if (ImGui::Selectable(row.name.c_str(), row.mesh == input.selected))
              intents.select = row.mesh == input.selected ? -1 : row.mesh;
            if (row.target) ImGui::PopStyleColor();
            ImGui::PopID();
          }
          if (nested) ImGui::TreePop();
        }
        ImGui::PopID();
      }
      ImGui::TreePop();
    }
    ImGui::PopID();
  }
}

}  // namespace

void drawAtlasSections(const AtlasInput& input, AtlasSettings& settings, AtlasIntents& intents,
                       ControlRects* rects) {
  if (ImGui::CollapsingHeader("Search", ImGuiTreeNodeFlags_DefaultOpen))
    searchSection(input, settings, intents, rects);
  if (ImGui::CollapsingHeader("Layers", ImGuiTreeNodeFlags_DefaultOpen)) layerSection(input, settings, rects);
  const bool structures = ImGui::CollapsingHeader("Structures");
  record(rects, "structures");
  if (structures) treeSection(input, intents);
}

std::optional<view::PixelRect> drawInfoCard(const InfoCard& card, AtlasSettings& settings, AtlasIntents& intents) {
  if (!settings.cardOpen) return std::nullopt;
  const float em = ImGui::GetFontSize();
  const float margin = em * 0.6f;
  const ImGuiStyle& style = ImGui::GetStyle();
  const view::PixelRect screen{glm::vec2(0.0f), card.display};
  const view::PixelRect area{screen.min + glm::vec2(em * 0.3f), screen.max - glm::vec2(em * 0.3f)};
  auto overlapsAny = [](const view::PixelRect& r, const std::vector<view::PixelRect>& others) {
    return std::any_of(others.begin(), others.end(), [&](const view::PixelRect& o) { return o.overlaps(r); });
  };
  auto inside = [&](const view::PixelRect& r) {
    return r.min.x >= area.min.x && r.min.y >= area.min.y && r.max.x <= area.max.x && r.max.y <= area.max.y;
  };

  // The card's size from its text at a width (the wrapped facts' height), so it is placed before it is drawn;
  // folded, it is its title bar and the structure's name.
  const float fullWidth = em * 19.0f;
  auto cardSize = [&](float width, bool folded) {
    const float wrap = width - 2.0f * style.WindowPadding.x;
    auto textHeight = [&](const std::string& text) {
      return ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y + style.ItemSpacing.y;
    };
    float height = ImGui::GetFrameHeight() + 2.0f * style.WindowPadding.y;  // title bar and padding
    if (folded) {
      const float button = ImGui::CalcTextSize("Facts").x + 2.0f * style.FramePadding.x;
      const float name = ImGui::CalcTextSize(card.title.c_str()).x;
      width = std::min(fullWidth, name + style.ItemSpacing.x + button + 2.0f * style.WindowPadding.x + em * 0.5f);
      height += std::max(ImGui::GetTextLineHeight(), ImGui::GetFontSize() + 2.0f * style.FramePadding.y);
      return glm::vec2(width, height);
    }
    height += textHeight(card.title) + (card.layer.empty() ? 0.0f : textHeight(card.layer));
    for (const auto& [heading, text] : card.facts) height += textHeight(heading) + textHeight(text);
    height += 2.0f * (style.ItemSpacing.y + 1.0f) + ImGui::GetFrameHeight() + style.ItemSpacing.y;
    return glm::vec2(width, std::min(height + em * 0.5f, card.display.y - em * 0.6f));
  };
  // The picture's corners for a card of this size, each moved sideways out of the panels there: top right,
  // top left, bottom right, bottom left.
  auto corners = [&](glm::vec2 size) {
    std::vector<glm::vec2> out;
    for (const bool right : {true, false})
      for (const bool bottom : {false, true}) {
        glm::vec2 at(right ? card.display.x - size.x - margin : margin,
                     bottom ? card.display.y - size.y - margin : margin);
        for (int pass = 0; pass < 3; ++pass)
          for (const view::PixelRect& r : card.avoid)
            if (r.overlaps({at, at + size})) at.x = right ? r.min.x - size.x - margin : r.max.x + margin;
        out.push_back(at);
      }
    std::swap(out[1], out[2]);  // top right, top left, bottom right, bottom left
    return out;
  };
  // A corner where the card covers none of the panels, the selection and (when `offBody`) the body.
  auto freeCorner = [&](glm::vec2 size, bool offBody) -> std::optional<glm::vec2> {
    for (const glm::vec2 at : corners(size)) {
      const view::PixelRect r{at, at + size};
      if (inside(r) && !overlapsAny(r, card.avoid) && !overlapsAny(r, card.selectionShape) &&
          !(offBody && overlapsAny(r, card.bodyShape)))
        return at;
    }
    return std::nullopt;
  };
  // Beside the selected structure at the selected point's height, as one label placed clear of the panels and
  // of `keepOff`.
  auto beside = [&](glm::vec2 size, const std::vector<view::PixelRect>& keepOff) -> std::optional<glm::vec2> {
    if (!card.anchor) return std::nullopt;
    const view::PixelRect sel = card.selection.value_or(view::PixelRect{*card.anchor, *card.anchor});
    view::LabelLayout layout;
    layout.area = area;
    layout.modelCenterX = sel.center().x;
    layout.modelHalfWidth = sel.width() * 0.5f;
    layout.gap = em * 0.8f;
    layout.obstacles = card.avoid;
    layout.keepOff = keepOff;
    const view::LabelRequest request{*card.anchor, size};
    const auto placed = view::placeLabels(std::span(&request, 1), layout);
    if (placed.empty()) return std::nullopt;
    return placed.front().box.min;
  };

  // In the first of these places that is free: the card beside the structure off the body (narrower, down to
  // 13 em, where the picture beside the body is narrow), in a corner off the body; with an exercise
  // (card.foldOffBody), folded to its title beside the structure or in a corner, off the body. Unfolded by hand,
  // without an exercise, or when even the folded card finds no room, it goes on the body, off the selected
  // structure (beside it, in a corner, anywhere).
  const bool unfolded = settings.cardUnfolded || !card.anchor || settings.cardPinned;
  bool folded = false;
  glm::vec2 size = cardSize(fullWidth, false);
  std::optional<glm::vec2> pos;
  if (settings.cardPinned || !card.anchor) {
    pos = freeCorner(size, true);
    if (!pos) pos = corners(size).front();
  }
  if (!unfolded) {
    for (const float width : {19.0f, 17.0f, 15.0f, 13.0f}) {
      size = cardSize(em * width, false);
      if ((pos = beside(size, card.bodyShape))) break;
    }
    if (!pos) {
      size = cardSize(fullWidth, false);
      pos = freeCorner(size, true);
    }
    if (!pos && card.foldOffBody) {
      size = cardSize(fullWidth, true);
      folded = true;
      pos = beside(size, card.bodyShape);
      if (!pos) pos = freeCorner(size, true);
    }
    if (!pos) {
      folded = false;
      size = cardSize(fullWidth, false);
    }
  }
  if (!pos) {
    pos = beside(size, card.bodyShape);
    if (!pos) pos = beside(size, card.selectionShape);
    if (!pos) pos = freeCorner(size, false);
    if (!pos) pos = beside(size, {});
    if (!pos) pos = corners(size).front();
  }
  const bool onBody = !folded && overlapsAny({*pos, *pos + size}, card.bodyShape);

  ImGui::SetNextWindowPos(ImVec2(pos->x, pos->y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(size.x, size.y), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.94f);
  bool open = true;
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoResize |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoScrollbar;
  if (!ImGui::Begin("Selected###atlas card", &open, flags)) {
    ImGui::End();
    return std::nullopt;
  }
  if (card.anchor && !settings.cardPinned) {
    // A leader from the card's side facing the selected point to it.
    const float x = card.anchor->x <= pos->x + size.x * 0.5f ? pos->x : pos->x + size.x;
    const glm::vec2 start(x, std::clamp(card.anchor->y, pos->y + std::min(em, size.y * 0.5f),
                                        pos->y + size.y - std::min(em, size.y * 0.5f)));
    const ImU32 cyan = IM_COL32(70, 200, 255, 230);
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    draw->AddLine(ImVec2(start.x, start.y), ImVec2(card.anchor->x, card.anchor->y), cyan, 2.0f);
    draw->AddCircleFilled(ImVec2(card.anchor->x, card.anchor->y), 4.0f, cyan);
    draw->AddCircle(ImVec2(card.anchor->x, card.anchor->y), 4.0f, IM_COL32(20, 40, 60, 255), 0, 1.2f);
  }
  if (folded) {
    // No room off the body for the facts: the name, and a button that shows them over the body.
    ImGui::AlignTextToFramePadding();
    ImGui::TextColored(ImVec4(0.45f, 0.85f, 1.0f, 1.0f), "%s", card.title.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Facts")) settings.cardUnfolded = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Origin, insertion, action, nerve and blood supply (over the body)");
  } else {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(0.45f, 0.85f, 1.0f, 1.0f), "%s", card.title.c_str());
    if (!card.layer.empty()) ImGui::TextDisabled("%s", card.layer.c_str());
    ImGui::Separator();
    for (const auto& [heading, text] : card.facts) {
      ImGui::TextDisabled("%s", heading.c_str());
      ImGui::TextUnformatted(text.c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::Separator();
    if (ImGui::SmallButton("Frame")) intents.frameSelected = true;
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear")) intents.select = -1;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Clear the selection (Esc)");
    ImGui::SameLine();
    ImGui::Checkbox("pin", &settings.cardPinned);
    if (settings.cardUnfolded && onBody) {
      ImGui::SameLine();
      if (ImGui::SmallButton("Fold")) settings.cardUnfolded = false;
    }
  }
  ImGui::End();
  if (!open) settings.cardOpen = false;
  return view::PixelRect{*pos, *pos + size};
}

}  // namespace myo::ui
