// ui/safety_panel.cpp: Dear ImGui widgets only.
#include "ui/safety_panel.hpp"

#include <imgui.h>

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

namespace myo::ui {

namespace {

constexpr double kBarMaxKpa = 100.0;  // the bar's full width
const ImU32 kGentle = IM_COL32(90, 170, 110, 255);
const ImU32 kFirm = IM_COL32(220, 170, 60, 255);
const ImU32 kTooMuch = IM_COL32(210, 70, 60, 255);

/// The bar: three bands, the estimate's range as a thin bracket and its nominal value as a mark.
void pressureBar(const exercise::PressureEstimate& p) {
  const float em = ImGui::GetFontSize();
  const float width = std::max(em * 6.0f, ImGui::GetContentRegionAvail().x);
  const float height = em * 0.9f;  // also the place kept when there is no estimate (drawSafetySection)
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const auto x = [&](double kpa) { return at.x + width * float(std::clamp(kpa / kBarMaxKpa, 0.0, 1.0)); };
  const float mid = at.y + height * 0.5f;
  draw->AddRectFilled(at, ImVec2(x(exercise::kGentleMaxKpa), at.y + height), kGentle);
  draw->AddRectFilled(ImVec2(x(exercise::kGentleMaxKpa), at.y), ImVec2(x(exercise::kFirmMaxKpa), at.y + height), kFirm);
  draw->AddRectFilled(ImVec2(x(exercise::kFirmMaxKpa), at.y), ImVec2(at.x + width, at.y + height), kTooMuch);
  draw->AddLine(ImVec2(x(p.lowKpa), mid), ImVec2(x(p.highKpa), mid), IM_COL32(30, 30, 30, 255), 2.0f);
  const float mark = x(p.kpa);
  draw->AddRectFilled(ImVec2(mark - 2.0f, at.y - 3.0f), ImVec2(mark + 2.0f, at.y + height + 3.0f),
                      IM_COL32(20, 20, 20, 255));
  // The bands' names inside them, small and dark (the tooltip gives their limits).
  ImFont* font = ImGui::GetFont();
  const float textPx = height * 0.95f;
  const ImU32 ink = IM_COL32(25, 25, 25, 230);
  const auto label = [&](double fromKpa, const char* text) {
    draw->AddText(font, textPx, ImVec2(x(fromKpa) + 3.0f, at.y + (height - textPx) * 0.5f), ink, text);
  };
  label(0.0, "gentle");
  label(exercise::kGentleMaxKpa, "firm");
  label(exercise::kFirmMaxKpa, "too much");
  ImGui::Dummy(ImVec2(width, height + 4.0f));
}

}  // namespace

std::optional<SafetySettings> drawSafetySection(const SafetyReadout& in, const SafetySettings& settings) {
  SafetySettings s = settings;
  const float em = ImGui::GetFontSize();
  if (in.exercise) {
    // During an exercise, three short rows of fixed height (the panel's layout stays put): the zones box and the
    // estimate, the bar (or its place), a warning while a contact is in a zone. Body weight: the Settings window.
    ImGui::Checkbox("zones", &s.zones);
    ImGui::SameLine();
    if (in.zone != exercise::Zone::None) {
      // In a zone the warning takes the estimate's place (the banner over the 3D view says it in full).
      const std::string warning(exercise::zoneWarning(in.zone, in.tool));
      ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.35f, 0.30f, 1.0f));
      ImGui::TextUnformatted(warning.c_str());
      ImGui::PopStyleColor();
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", warning.c_str());
    } else if (in.pressure) {
      const auto& p = *in.pressure;
      ImGui::Text("about %.0f kPa, %s", p.kpa, std::string(exercise::pressureBandName(p.band)).c_str());
      ImGui::SameLine();
      ImGui::TextDisabled("(%.0f-%.0f)", p.lowKpa, p.highKpa);
    } else {
      ImGui::TextDisabled("no pressure now");
    }
    if (in.pressure) {
      const auto& p = *in.pressure;
      pressureBar(p);
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("An estimate for %.1f kg: %.0f N on %.1f cm2. Force from %s; contact sizes and the bands "
                          "(gentle < %.0f, firm < %.0f kPa, then too much) are ours.",
                          s.bodyWeightKg, p.forceN, p.areaM2 * 1e4, p.source, exercise::kGentleMaxKpa,
                          exercise::kFirmMaxKpa);
    } else {
      ImGui::Dummy(ImVec2(em, em * 0.9f + 4.0f));
    }
  } else if (ImGui::CollapsingHeader("Safety zones and pressure")) {
    ImGui::Checkbox("Show safety zones", &s.zones);
    ImGui::TextUnformatted("Body weight");
    ImGui::SameLine();
    float kg = float(s.bodyWeightKg);
    ImGui::SetNextItemWidth(em * 3.5f);
    if (ImGui::InputFloat("kg", &kg, 0.0f, 0.0f, "%.1f"))
      s.bodyWeightKg = std::clamp(double(kg), exercise::kMinBodyWeightKg, exercise::kMaxBodyWeightKg);
  }
  if (s == settings) return std::nullopt;
  return s;
}

void drawZoneBanner(const SafetyReadout& in) {
  if (!in.exercise || in.zone == exercise::Zone::None) return;
  // Drawn straight into the foreground: no window to size, so it shows in the first frame (and in pictures).
  const std::string text = "Safety zone: " + std::string(exercise::zoneWarning(in.zone, in.tool));
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float em = ImGui::GetFontSize();
  const ImVec2 size = ImGui::CalcTextSize(text.c_str());
  const ImVec2 at(std::round(0.5f * (display.x - size.x)), std::round(em * 0.8f));
  ImDrawList* draw = ImGui::GetForegroundDrawList();
  draw->AddRectFilled(ImVec2(at.x - em, at.y - em * 0.5f), ImVec2(at.x + size.x + em, at.y + size.y + em * 0.5f),
                      IM_COL32(160, 20, 16, 240), em * 0.3f);
  draw->AddText(at, IM_COL32(255, 255, 255, 255), text.c_str());
}

}  // namespace myo::ui
