// ui/settings_panel.cpp: Dear ImGui widgets only.
#include "ui/settings_panel.hpp"

#include <imgui.h>

#include <algorithm>

namespace myo::ui {

void drawSettingsWindow(const SettingsInput& in, SettingsIntents& out, bool& open) {
  if (!open) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(display.x - em * 2.0f, em * 26.0f), 0), ImGuiCond_Appearing);
  ImGui::Begin("Settings", &open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushTextWrapPos(em * 25.0f);
  ImGui::TextUnformatted(
      "Remembered between runs: the skin and its opacity, the display choices, the panels' "
      "places and folding, the timer's speed, each exercise's work time and sets, the window's "
      "size and your body weight.");
  float kg = float(in.bodyWeightKg);
  ImGui::SetNextItemWidth(em * 10.0f);
  if (ImGui::SliderFloat("body weight", &kg, float(in.minBodyWeightKg), float(in.maxBodyWeightKg), "%.1f kg"))
    out.bodyWeightKg = double(kg);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("For the pressure under the tool (the reference subject: 84.9 kg).");
  ImGui::Spacing();
  if (ImGui::Button("Reset all settings")) out.reset = true;
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Display, panels, timer, window size and body weight back to their defaults.\n"
        "The history of your sessions is kept.");
  if (in.problem) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.45f, 0.35f, 1.0f));
    ImGui::TextUnformatted(in.problem->c_str());
    ImGui::PopStyleColor();
  }
  if (in.file.empty())
    ImGui::TextDisabled("Not kept: there is no home folder to keep them in.");
  else
    ImGui::TextDisabled("Kept in %s", in.file.c_str());
  ImGui::PopTextWrapPos();
  ImGui::End();
}

void drawExtrasBar(ExtraWindows& w) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - em * 0.4f), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.55f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(em * 0.35f, em * 0.25f));
  ImGui::Begin("##extras", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav);
  auto toggle = [](const char* label, bool& flag) {
    if (flag) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::SmallButton(label);
    if (flag) ImGui::PopStyleColor();
    if (pressed) flag = !flag;
  };
  toggle("Help (F1)", w.help);
  ImGui::SameLine();
  toggle("History", w.history);
  ImGui::SameLine();
  toggle("About", w.about);
  ImGui::SameLine();
  toggle("Settings", w.settings);
  ImGui::End();
  ImGui::PopStyleVar();
}

void drawStatusLine(const std::string& text, double age, double seconds, bool problem) {
  if (text.empty() || age < 0.0 || age >= seconds) return;
  const float alpha = float(std::clamp((seconds - age) / 0.5, 0.0, 1.0));
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y - em * 2.6f), ImGuiCond_Always, ImVec2(0.5f, 1.0f));
  ImGui::SetNextWindowBgAlpha(0.85f * alpha);
  ImGui::PushStyleVar(ImGuiStyleVar_Alpha, alpha);
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav |
                   ImGuiWindowFlags_NoInputs);
  ImGui::PushTextWrapPos(std::max(em * 10.0f, display.x - em * 4.0f));
  ImGui::PushStyleColor(ImGuiCol_Text, problem ? ImVec4(1.0f, 0.55f, 0.45f, 1.0f) : ImVec4(0.85f, 1.0f, 0.85f, 1.0f));
  ImGui::TextUnformatted(text.c_str());
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  ImGui::End();
  ImGui::PopStyleVar();
}

}  // namespace myo::ui
