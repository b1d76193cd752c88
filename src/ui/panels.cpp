// ui/panels.cpp: Dear ImGui widgets only; no GL, no ownership.
#include "ui/panels.hpp"

#include <imgui.h>

#include <array>
#include <cstring>

namespace myo::ui {
namespace {

void record(ControlRects* rects, const char* name) {
  if (!rects) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  rects->add(name, {{a.x, a.y}, {b.x, b.y}});
}

void viewButtons(UiIntents& intents, ControlRects* rects) {
  const std::array<std::pair<const char*, view::Preset>, 7> presets{{{"Back", view::Preset::Back},
                                                                      {"Front", view::Preset::Front},
                                                                      {"Left", view::Preset::Left},
                                                                      {"Right", view::Preset::Right},
                                                                      {"Top", view::Preset::Top},
                                                                      {"Target", view::Preset::Target},
                                                                      {"Oblique", view::Preset::Oblique}}};
  int i = 0;
  for (const auto& [label, preset] : presets) {
    if (i++ % 3 != 0) ImGui::SameLine();
    if (ImGui::Button(label, ImVec2(ImGui::GetFontSize() * 4.9f, 0))) intents.preset = preset;
    record(rects, label);
  }
  if (ImGui::Button("Frame model (F)")) intents.frame = true;
  record(rects, "frame model");
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("Keys 1-7: the views above. Drag: turn; right-drag: move; wheel: zoom; "
                     "double-click: turn about that point.");
  ImGui::PopStyleColor();
}

/// Check boxes in rows: each goes beside the last one when it fits the panel's width, else on a new row, so
/// none is cut off at the panel's edge whatever the text size.
class CheckboxRow {
public:
  void operator()(const char* label, bool* value, ControlRects* rects) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float w = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(label, nullptr, true).x;
    if (used_ > 0.0f && used_ + style.ItemSpacing.x + w <= ImGui::GetContentRegionAvail().x) {
      ImGui::SameLine();
      used_ += style.ItemSpacing.x + w;
    } else {
      used_ = w;
    }
    ImGui::Checkbox(label, value);
    record(rects, label);
  }

private:
  float used_ = 0.0f;
};

void displayControls(const PanelInput& input, DisplaySettings& d, ControlRects* rects) {
  int skin = static_cast<int>(d.skin);
  ImGui::TextUnformatted("Skin");
  ImGui::SameLine();
  ImGui::RadioButton("opaque", &skin, 0);
  ImGui::SameLine();
  ImGui::RadioButton("faded", &skin, 1);
  ImGui::SameLine();
  ImGui::RadioButton("hidden", &skin, 2);
  record(rects, "skin hidden");
  d.skin = static_cast<SkinMode>(skin);
  if (d.skin == SkinMode::Faded) {
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize("skin opacity").x - ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::SliderFloat("skin opacity", &d.skinOpacity, 0.05f, 0.9f, "%.2f");
    record(rects, "skin opacity");
  }
  CheckboxRow row;
  row("bones", &d.bones, rects);
  row("fibres", &d.fibres, rects);
  row("floor", &d.floor, rects);
  row("other muscles", &d.contextMuscles, rects);
  row("outlines", &d.outlines, rects);
  row("labels", &d.labels, rects);
  if (input.hasAnimation) {
    ImGui::Checkbox("play the model's animation", &d.playAnimation);
    record(rects, "play the model's animation");
  }
  ImGui::Checkbox("coarse while moving", &d.coarseWhileMoving);
  record(rects, "coarse while moving");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("When full pictures are slow (a software renderer), moving pictures use fewer triangles\n"
                      "and pixels; the full picture returns as soon as the view rests.");
}

}  // namespace

void drawMainPanel(const PanelInput& input, DisplaySettings& display, UiIntents& intents, ControlRects* rects) {
  if (rects) rects->clear();
  const float em = ImGui::GetFontSize();
  // Pinned to the window's top left at a fixed size, as the exercise panel is to its right: a steady layout,
  // and a drag that starts on a control never moves the panel.
  ImGui::SetNextWindowPos(ImVec2(em * 0.6f, em * 0.6f), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(em * 19.5f, std::min(ImGui::GetIO().DisplaySize.y - em * 1.2f, em * 40.0f)),
                           ImGuiCond_Always);
  ImGui::Begin("MyoRelease", nullptr,
               ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoScrollbar |
                   ImGuiWindowFlags_NoScrollWithMouse);
  // The sections scroll in a region of their own; "Save picture" and where it wrote stay at the bottom,
  // in view whatever is open above them.
  const ImGuiStyle& style = ImGui::GetStyle();
  float footer = ImGui::GetFrameHeightWithSpacing() + style.ItemSpacing.y + 1.0f;
  if (input.notice)
    footer += ImGui::CalcTextSize(input.notice->c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y +
              style.ItemSpacing.y;
  ImGui::BeginChild("sections", ImVec2(0.0f, -footer), false);

  if (input.error) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.35f, 0.30f, 1.0f));
    ImGui::TextWrapped("%s", input.error->c_str());
    ImGui::PopStyleColor();
    ImGui::TextDisabled("The previous model is still shown.");
    if (ImGui::SmallButton("Dismiss")) intents.dismissError = true;
    ImGui::Separator();
  }

  if (ImGui::CollapsingHeader("Model", ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::TextWrapped("%s", input.modelPath.c_str());
    ImGui::PushStyleColor(ImGuiCol_Text, style.Colors[ImGuiCol_TextDisabled]);
    ImGui::TextWrapped("%s", input.modelSummary.c_str());
    ImGui::PopStyleColor();
    static std::array<char, 1024> path{};
    ImGui::SetNextItemWidth(-em * 4.0f);
    const bool enter = ImGui::InputTextWithHint("##open", "path to .glb or .gltf (or drop a file)", path.data(),
                                                path.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    record(rects, "path");
    ImGui::SameLine();
    if ((ImGui::Button("Open") || enter) && path[0] != '\0') intents.openPath = std::string(path.data());
    record(rects, "open");
  }

  if (ImGui::CollapsingHeader("View", ImGuiTreeNodeFlags_DefaultOpen)) viewButtons(intents, rects);
  if (ImGui::CollapsingHeader("Display", ImGuiTreeNodeFlags_DefaultOpen)) displayControls(input, display, rects);

  if (input.atlas && input.atlasSettings) drawAtlasSections(*input.atlas, *input.atlasSettings, intents.atlas, rects);
  if (ImGui::CollapsingHeader("Muscles", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (input.muscles.empty()) {
      ImGui::TextDisabled("No muscles recognised in this model.");
    } else {
      ImGui::Checkbox("isolate the selected muscle", &display.isolate);
      record(rects, "isolate");
      ImGui::SameLine();
      if (ImGui::SmallButton("show all")) intents.showAll = true;
      record(rects, "show all");
      ImGui::BeginChild("muscle list", ImVec2(0, em * 11.0f), true);
      for (const auto& row : input.muscles) {
        ImGui::PushID(row.mesh);
        bool visible = row.visible;
        if (ImGui::Checkbox("##visible", &visible)) intents.setVisible = std::make_pair(row.mesh, visible);
        ImGui::SameLine();
        if (row.target) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.80f, 0.35f, 1.0f));
        if (ImGui::Selectable(row.label.c_str(), row.mesh == input.selectedMesh))
          intents.select = row.mesh == input.selectedMesh ? -1 : row.mesh;
        if (row.target) ImGui::PopStyleColor();
        ImGui::PopID();
      }
      ImGui::EndChild();
      record(rects, "muscle list");
      ImGui::TextDisabled("Gold: muscles of the upper-back routine. Click one here or on the model.");
    }
  }

  if (input.selectedMesh >= 0) {
    ImGui::Separator();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextColored(ImVec4(0.45f, 0.85f, 1.0f, 1.0f), "%s", input.selectedTitle.c_str());
    // Its facts are in the card beside it (ui/atlas_panel, Viewer::drawAtlasCard); here only the name, so the panel stays short.
    ImGui::TextDisabled("Origin, insertion, action, nerve and blood supply: in its card.");
    ImGui::PopTextWrapPos();
  }

  ImGui::EndChild();
  record(rects, "sections");
  ImGui::Separator();
  if (ImGui::Button("Save picture")) intents.screenshot = true;
  record(rects, "save picture");
  if (rects) {
    const ImVec2 p = ImGui::GetWindowPos(), q(p.x + ImGui::GetWindowWidth(), p.y + ImGui::GetWindowHeight());
    rects->add("panel", {{p.x, p.y}, {q.x, q.y}});
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%.0f fps", double(input.fps));
  if (input.notice) ImGui::TextWrapped("%s", input.notice->c_str());
  ImGui::End();
}

}  // namespace myo::ui
