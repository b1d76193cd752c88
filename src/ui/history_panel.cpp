// ui/history_panel.cpp: Dear ImGui widgets only (its own PlotHistogram for the chart).
#include "ui/history_panel.hpp"

#include <imgui.h>

#include <fmt/format.h>
#include <algorithm>
#include <cmath>

#include "ui/about_panel.hpp"

namespace myo::ui {

std::string workClock(double seconds) {
  const long s = std::max(0L, std::lround(seconds));
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

void drawHistoryWindow(const HistoryInput& in, bool& open) {
  if (!open) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float em = ImGui::GetFontSize();
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(
      ImVec2(std::min(display.x - em * 2.0f, em * 34.0f), std::min(display.y - em * 2.0f, em * 30.0f)),
      ImGuiCond_Appearing);
  ImGui::Begin("History", &open, ImGuiWindowFlags_NoCollapse);
  const exercise::HistorySummary& s = in.summary;
  const int days = int(s.workMinutes.size());

  // The streak, large: the number that keeps people coming back.
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.80f, 0.35f, 1.0f));
  ImGui::SetWindowFontScale(1.6f);
  ImGui::Text("%d %s", s.streak, s.streak == 1 ? "day in a row" : "days in a row");
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopStyleColor();
  if (s.doneToday)
    ImGui::TextDisabled("Done today.");
  else if (s.streak > 0)
    ImGui::TextDisabled("Nothing yet today: a session today keeps the streak going.");
  else
    ImGui::TextDisabled("A session on consecutive days builds a streak.");

  ImGui::Spacing();
  ImGui::Text("Last %d weeks: %d session%s on %d day%s, %s of work", days / 7, s.sessionsInRange,
              s.sessionsInRange == 1 ? "" : "s", s.activeDays, s.activeDays == 1 ? "" : "s",
              workClock(s.workSInRange).c_str());
  const float peak = s.workMinutes.empty() ? 0.0f : *std::max_element(s.workMinutes.begin(), s.workMinutes.end());
  const std::string overlay = fmt::format("minutes of work per day (most: {:.1f})", double(peak));
  ImGui::PlotHistogram("##work per day", s.workMinutes.data(), days, 0, overlay.c_str(), 0.0f,
                       std::max(peak * 1.15f, 1.0f), ImVec2(ImGui::GetContentRegionAvail().x, em * 6.0f));
  // The chart's ends, and where each week begins.
  const std::string first = exercise::formatDate(s.firstDay);
  ImGui::TextDisabled("%s", longDate(first).c_str());
  const std::string today = "today, " + longDate(exercise::formatDate(s.today));
  ImGui::SameLine(std::max(ImGui::GetContentRegionMax().x - ImGui::CalcTextSize(today.c_str()).x, em * 10.0f));
  ImGui::TextDisabled("%s", today.c_str());

  ImGui::Separator();
  if (in.latest.empty()) {
    ImGui::TextWrapped(
        "No sessions yet. Start an exercise's timer: when it ends, or when you stop it (another "
        "exercise, Restart, closing the window), the session is written here.");
  } else if (ImGui::BeginTable("latest", 5,
                               ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollY,
                               ImVec2(0, std::max(em * 6.0f, ImGui::GetContentRegionAvail().y - em * 3.2f)))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("date");
    ImGui::TableSetupColumn("exercise", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("sets");
    ImGui::TableSetupColumn("work");
    ImGui::TableSetupColumn("sides");
    ImGui::TableHeadersRow();
    for (const auto& e : in.latest) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(exercise::formatDate(e.date).c_str());
      ImGui::TableSetColumnIndex(1);
      // "Trapezius: foam roller along the upper back" is shown by its muscle, the part before the colon.
      const std::string& title = e.title.empty() ? e.exercise : e.title;
      ImGui::TextUnformatted(title.substr(0, title.find(':')).c_str());
      if (ImGui::IsItemHovered() && title.find(':') != std::string::npos) ImGui::SetTooltip("%s", title.c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::Text("%d of %d", e.setsDone, e.sets);
      if (!e.completed) {
        ImGui::SameLine();
        ImGui::TextDisabled("stopped");
      }
      ImGui::TableSetColumnIndex(3);
      ImGui::TextUnformatted(workClock(e.workS).c_str());
      ImGui::TableSetColumnIndex(4);
      std::string sides;
      for (const auto& side : e.sides) sides += (sides.empty() ? "" : ", ") + side;
      ImGui::TextUnformatted(sides.c_str());
    }
    ImGui::EndTable();
  }
  ImGui::PushTextWrapPos(0.0f);
  if (in.problem) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.45f, 0.35f, 1.0f));
    ImGui::TextUnformatted(in.problem->c_str());
    ImGui::PopStyleColor();
  }
  if (in.file.empty())
    ImGui::TextDisabled("Sessions are not kept: there is no home folder to keep them in.");
  else
    ImGui::TextDisabled("%s %s. Dates are local.", in.saving ? "Kept only on this computer, in" : "Read from",
                        in.file.c_str());
  ImGui::PopTextWrapPos();
  ImGui::End();
}

}  // namespace myo::ui
