// ui/help_overlay.cpp: Dear ImGui widgets only.
#include "ui/help_overlay.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>

namespace myo::ui {

void drawHelpOverlay(const HelpTable& table, bool& open) {
  if (!open) return;
  const ImGuiIO& io = ImGui::GetIO();
  const float em = ImGui::GetFontSize();
  // A window over the whole view dims it and takes the clicks that would turn the model; a click on it closes.
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(io.DisplaySize);
  ImGui::SetNextWindowBgAlpha(0.55f);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.02f, 0.02f, 0.03f, 1.0f));
  ImGui::Begin("##help-dim", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  ImGui::PopStyleColor();
  // Over the panels, whichever of them had the focus last (the table's window comes over it, being focused).
  ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
  if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) open = false;
  ImGui::End();
  if (!open) return;

  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f), ImGuiCond_Always,
                          ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(
      ImVec2(em * 20.0f, 0), ImVec2(std::min(io.DisplaySize.x - em * 2.0f, em * 44.0f), io.DisplaySize.y - em * 2.0f));
  ImGui::SetNextWindowFocus();
  ImGui::Begin("Keys and mouse", &open,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings);
  // One table for both sections, so that their columns line up.
  if (ImGui::BeginTable("help", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("does", ImGuiTableColumnFlags_WidthFixed, em * 26.0f);
    for (const auto& section : table.sections) {
      ImGui::TableNextRow(ImGuiTableRowFlags_None, em * 1.8f);
      ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_WindowBg));
      ImGui::TableSetColumnIndex(0);
      ImGui::SetCursorPosY(ImGui::GetCursorPosY() + em * 0.4f);
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.80f, 0.35f, 1.0f));
      ImGui::TextUnformatted(section.title.c_str());
      ImGui::PopStyleColor();
      for (const auto& [keys, does] : section.rows) {
        ImGui::TableNextRow();
        ImGui::TableSetColumnIndex(0);
        ImGui::TextUnformatted(keys.c_str());
        ImGui::TableSetColumnIndex(1);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(does.c_str());
        ImGui::PopTextWrapPos();
      }
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  ImGui::TextDisabled("Keys act while no text field has the keyboard. F1, ? or Esc closes this.");
  ImGui::End();
}

}  // namespace myo::ui
