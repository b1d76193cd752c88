// ui/exercise_panel.cpp: Dear ImGui widgets only; the timer and the exercise data belong to the viewer.
#include "ui/exercise_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>

namespace myo::ui {
namespace {

ImFont* gTimerFont = nullptr;

ImVec4 phaseColour(exercise::Phase p) {
  switch (p) {
    case exercise::Phase::LeadIn: return ImVec4(0.75f, 0.80f, 0.90f, 1.0f);
    case exercise::Phase::Work: return ImVec4(1.00f, 0.55f, 0.40f, 1.0f);
    case exercise::Phase::Switch: return ImVec4(1.00f, 0.85f, 0.40f, 1.0f);
    case exercise::Phase::Stretch: return ImVec4(0.50f, 0.90f, 0.60f, 1.0f);
    default: return ImVec4(0.70f, 0.70f, 0.70f, 1.0f);
  }
}

const char* phaseTitle(exercise::Phase p) {
  switch (p) {
    case exercise::Phase::LeadIn: return "GET READY";
    case exercise::Phase::Work: return "WORK";
    case exercise::Phase::Switch: return "SWITCH SIDES";
    case exercise::Phase::Stretch: return "STRETCH";
    default: return "DONE";
  }
}

std::string clock(double seconds) {
  const int s = std::max(0, int(std::ceil(seconds - 1e-6)));
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

void bulletList(const std::vector<std::string>& items) {
  for (const auto& t : items) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", t.c_str());
  }
}

}  // namespace

void setTimerFont(void* font) { gTimerFont = static_cast<ImFont*>(font); }

void drawExercisePanel(const ExercisePanelInput& in, ExerciseIntents& out) {
  const float em = ImGui::GetFontSize();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x - em * 0.6f, em * 0.6f), ImGuiCond_FirstUseEver, ImVec2(1.0f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(em * 21.0f, std::min(display.y - em * 1.2f, em * 46.0f)), ImGuiCond_FirstUseEver);
  // In a narrow window the two panels would overlap: this one starts folded.
  if (display.x < em * 50.0f) ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  // Anatomy only: the window shrinks to its few lines.
  ImGui::Begin("Exercise", nullptr, in.selected < 0 ? ImGuiWindowFlags_AlwaysAutoResize : 0);

  if (!in.exercises) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.35f, 0.30f, 1.0f));
    ImGui::TextWrapped("%s", in.exercisesError.value_or("No exercises loaded.").c_str());
    ImGui::PopStyleColor();
    ImGui::End();
    return;
  }
  const auto& set = *in.exercises;
  const char* preview = in.selected >= 0 ? set.exercises[size_t(in.selected)].title.c_str() : "Anatomy only";
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::BeginCombo("##exercise", preview)) {
    if (ImGui::Selectable("Anatomy only", in.selected < 0)) out.select = -1;
    for (size_t i = 0; i < set.exercises.size(); ++i)
      if (ImGui::Selectable(set.exercises[i].title.c_str(), int(i) == in.selected)) out.select = int(i);
    ImGui::EndCombo();
  }

  if (in.selected < 0) {
    ImGui::TextWrapped("Pick an exercise above to see the body on the equipment and follow the timer.");
    ImGui::Spacing();
    ImGui::TextWrapped("%s", set.general.rule.c_str());
    out.safety = drawSafetySection(in.safety, in.safetySettings);  // safety_panel.hpp
    if (ImGui::CollapsingHeader("Why release the upper back")) {
      bulletList(set.general.purposes);
      ImGui::Spacing();
      bulletList(set.general.summary);
    }
    ImGui::Separator();
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", set.general.disclaimer.c_str());
    ImGui::PopTextWrapPos();
    ImGui::End();
    return;
  }

  const auto& ex = set.exercises[size_t(in.selected)];
  const auto& st = in.state;

  // The countdown, large enough to read from the floor.
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, phaseColour(st.phase));
  ImGui::TextUnformatted(phaseTitle(st.phase));
  if (gTimerFont) ImGui::PushFont(gTimerFont);
  ImGui::TextUnformatted(clock(st.phaseRemaining).c_str());
  if (gTimerFont) ImGui::PopFont();
  ImGui::PopStyleColor();
  std::string line = fmt::format("Set {} of {}", st.set, st.sets);
  if (st.side == scene::Side::Left) line += "  -  left side";
  if (st.side == scene::Side::Right) line += "  -  right side";
  ImGui::TextUnformatted(line.c_str());
  const double phaseLength = st.phaseElapsed + st.phaseRemaining;
  ImGui::ProgressBar(phaseLength > 0 ? float(st.phaseElapsed / phaseLength) : 1.0f, ImVec2(-1, em * 0.5f), "");
  if (in.noTargets) {
    ImGui::TextWrapped("This model has none of the exercise's target muscles: the timer runs, but the tool has "
                       "nothing to work on.");
  } else if (in.insetTexture != 0 && st.phase == exercise::Phase::Work) {
    // Rows of the texture run bottom to top: flip it.
    const float scale = std::min(1.0f, (ImGui::GetContentRegionAvail().x * 0.55f) / std::max(in.insetSize.x, 1.0f));
    ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(in.insetTexture)),
                 ImVec2(in.insetSize.x * scale, in.insetSize.y * scale), ImVec2(0, 1), ImVec2(1, 0));
    ImGui::SameLine();
    ImGui::BeginGroup();
    ImGui::TextWrapped("Worked this set, seen from behind: blue where the tool has been, gold under it now.");
    if (in.coverage) ImGui::Text("Covered: %d %%", int(std::round(*in.coverage * 100.0)));
    ImGui::EndGroup();
  } else if (in.coverage) {
    ImGui::Text("Target covered this set: %d %%", int(std::round(*in.coverage * 100.0)));
  }
  if (!in.contactMuscles.empty()) {
    std::string names;
    for (const auto& n : in.contactMuscles) names += (names.empty() ? "" : ", ") + n;
    ImGui::TextDisabled("Under the tool: %s", names.c_str());
  }
  out.safety = drawSafetySection(in.safety, in.safetySettings);  // safety_panel.hpp
  if (st.phase == exercise::Phase::Stretch) {
    ImGui::PushStyleColor(ImGuiCol_Text, phaseColour(st.phase));
    ImGui::TextWrapped("Stretch now: %s", ex.stretch.c_str());
    ImGui::PopStyleColor();
  }

  // Controls.
  const char* playLabel = st.running ? "Pause" : (st.elapsed > 0.0 && st.elapsed < st.total ? "Resume" : "Start");
  if (ImGui::Button(playLabel, ImVec2(em * 5.5f, 0))) out.startPause = true;
  ImGui::SameLine();
  if (ImGui::Button("Skip")) out.skip = true;
  ImGui::SameLine();
  if (ImGui::Button("Restart")) out.restart = true;
  ImGui::SameLine();
  ImGui::TextDisabled("%s / %s", clock(st.elapsed).c_str(), clock(st.total).c_str());
  float t = float(st.elapsed);
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderFloat("##scrub", &t, 0.0f, float(st.total), "")) out.scrub = double(t);
  float speed = float(in.speed);
  ImGui::SetNextItemWidth(em * 8.0f);
  if (ImGui::SliderFloat("speed", &speed, float(exercise::kMinSpeed), 4.0f, "x%.2f", ImGuiSliderFlags_Logarithmic))
    out.speed = double(speed);
  if (!in.audio) {
    ImGui::SameLine();
    ImGui::TextDisabled("(no sound device)");
  }
  if (in.videoProgress) {
    ImGui::ProgressBar(*in.videoProgress, ImVec2(-1, 0), "writing the video...");
  } else if (ImGui::Button("Export video")) {
    out.exportVideo = true;
  }
  const auto& pr = ex.protocol;
  if (pr.workMaxS > pr.workMinS) {
    int work = int(std::lround(in.workS));
    ImGui::SetNextItemWidth(em * 8.0f);
    if (ImGui::SliderInt(pr.sides == exercise::Sides::Alternate ? "s work per side" : "s work per set", &work,
                         int(pr.workMinS), int(pr.workMaxS)))
      out.workS = double(work);
  }
  if (pr.setsMax > pr.setsMin) {
    int sets = in.sets;
    ImGui::SetNextItemWidth(em * 8.0f);
    if (ImGui::SliderInt("sets", &sets, pr.setsMin, pr.setsMax)) out.sets = sets;
  }

  ImGui::Separator();
  ImGui::TextDisabled("%s", ex.title.c_str());
  ImGui::BeginChild("steps", ImVec2(0, -em * 4.2f), false);
  ImGui::TextDisabled("Steps");
  for (size_t i = 0; i < ex.steps.size(); ++i) {
    const bool current = int(i) == st.step;
    if (current) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.82f, 0.40f, 1.0f));
    ImGui::TextWrapped("%s%zu. %s", current ? "> " : "", i + 1, ex.steps[i].text.c_str());
    if (current) ImGui::PopStyleColor();
  }
  if (ImGui::CollapsingHeader("Tips")) bulletList(ex.tips);
  if (ImGui::CollapsingHeader("Safety", ImGuiTreeNodeFlags_DefaultOpen)) bulletList(ex.safety);
  if (ImGui::CollapsingHeader("Why these muscles")) {
    ImGui::TextWrapped("%s", ex.why.c_str());
    for (const auto& a : ex.actions) {
      ImGui::Bullet();
      ImGui::TextWrapped("%s", a.text.c_str());
    }
  }
  if (ImGui::CollapsingHeader("About pressure and purpose")) {
    ImGui::TextWrapped("%s", set.general.rule.c_str());
    bulletList(set.general.purposes);
  }
  if (ImGui::CollapsingHeader("Position, equipment and figures")) {
    // The file's own notes, with the reference keys the figures come from.
    auto noted = [](const char* label, const std::string& name, const std::string& note) {
      ImGui::TextWrapped("%s: %s", label, name.c_str());
      if (!note.empty()) ImGui::TextDisabled("%s", note.c_str());
    };
    noted("Pose", ex.pose.name, ex.pose.note);
    noted("Stretch", ex.stretchPose.name, ex.stretchPose.note);
    noted("Equipment", std::string(exercise::equipmentKindName(ex.equipment.kind)) + " (" + ex.equipment.source + ")",
          ex.equipment.note);
    noted("Path", ex.tool.path.from + " to " + ex.tool.path.to, ex.tool.path.note);
  }
  if (ImGui::CollapsingHeader("Source")) {
    const exercise::SourceInfo& src = set.general.source;
    ImGui::TextWrapped("%s, by %s%s%s (%s).", src.title.c_str(), src.author.c_str(),
                       src.reviewer.empty() ? "" : ", reviewed by ", src.reviewer.c_str(), src.date.c_str());
    if (!src.authorNote.empty()) ImGui::TextDisabled("%s", src.authorNote.c_str());
    bulletList(src.references);
    bulletList(src.figureCredits);
  }
  ImGui::EndChild();
  ImGui::Separator();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", set.general.disclaimer.c_str());
  ImGui::PopTextWrapPos();
  ImGui::End();
}

}  // namespace myo::ui
