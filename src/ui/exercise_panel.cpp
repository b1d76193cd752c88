// ui/exercise_panel.cpp: Dear ImGui widgets only; the timer and the exercise data belong to the viewer.
#include "ui/exercise_panel.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <fmt/format.h>

#include "ui/coach_layout.hpp"

namespace myo::ui {
namespace {

PanelFonts gFonts;

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

const char* sideName(scene::Side side) {
  if (side == scene::Side::Left) return "left side";
  if (side == scene::Side::Right) return "right side";
  return nullptr;
}

/// What the user does now: the highlighted step, or a line for a phase that has none.
std::string currentStep(const exercise::Exercise& ex, const exercise::TimerState& st) {
  if (st.step >= 0 && st.step < int(ex.steps.size()))
    return fmt::format("{}. {}", st.step + 1, ex.steps[size_t(st.step)].text);
  switch (st.phase) {
    case exercise::Phase::LeadIn: return "Get into position.";
    case exercise::Phase::Work: return "Keep working the muscle.";
    case exercise::Phase::Switch: return "Turn to the other side.";
    case exercise::Phase::Stretch: return "Stretch now: " + ex.stretch;
    default: return "All sets done.";
  }
}

void bulletList(const std::vector<std::string>& items) {
  for (const auto& t : items) {
    ImGui::Bullet();
    ImGui::TextWrapped("%s", t.c_str());
  }
}

void record(ControlRects* rects, const char* name) {
  if (!rects) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  rects->add(name, {{a.x, a.y}, {b.x, b.y}});
}

/// Child regions of a fixed height: whatever they hold, what follows them stays put.
constexpr ImGuiWindowFlags kFixedRegion = ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse;

/// A font of the coach view for the scope: the one built at that size, else the default font scaled (blurred,
/// for the one frame before the host builds the real one).
class ScopedFont {
public:
  ScopedFont(ImFont* font, float px) : pushed_(font != nullptr) {
    if (pushed_) {
      ImGui::PushFont(font);
    } else {
      ImGui::SetWindowFontScale(px / std::max(1.0f, ImGui::GetFont()->FontSize * ImGui::GetIO().FontGlobalScale));
    }
  }
  ~ScopedFont() {
    if (pushed_) ImGui::PopFont();
    else ImGui::SetWindowFontScale(1.0f);
  }
  ScopedFont(const ScopedFont&) = delete;
  ScopedFont& operator=(const ScopedFont&) = delete;

private:
  bool pushed_;
};

/// The steps, tips, safety notes and background of an exercise, in the scrolled list of the panel. The
/// current step scrolls into view whenever it changes.
void stepsList(const exercise::ExerciseSet& set, const exercise::Exercise& ex, const ExercisePanelInput& in,
               ControlRects* rects) {
  const exercise::TimerState& st = in.state;
  ImGuiStorage* storage = ImGui::GetStateStorage();
  const ImGuiID key = ImGui::GetID("scrolled to step"), framesKey = ImGui::GetID("frames scrolled to step");
  const int shown = in.selected * 1000 + st.step;
  if (storage->GetInt(key, -1) != shown) {
    storage->SetInt(key, shown);
    storage->SetInt(framesKey, 0);
  }
  // After the step changes the list is scrolled on the frames it is drawn until the step lies inside it: on
  // a panel's first frames its layout is still settling (a scroll asked for then lands a line off), and while
  // the list lies outside the scrolled part of the panel it is not drawn at all. Then (or after a second at
  // most) it is the user's to scroll. framesKey counts the frames scrolled, -1 once the step is in view.
  const ImGuiWindow* list = ImGui::GetCurrentWindowRead();
  const int frames = storage->GetInt(framesKey, 0);
  const bool scroll = !list->SkipItems && frames >= 0 && frames < 60;
  ImGui::TextDisabled("Steps");
  for (size_t i = 0; i < ex.steps.size(); ++i) {
    const bool current = int(i) == st.step;
    if (current) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.82f, 0.40f, 1.0f));
    ImGui::TextWrapped("%s%zu. %s", current ? "> " : "", i + 1, ex.steps[i].text.c_str());
    if (current) {
      ImGui::PopStyleColor();
      record(rects, "current step in list");
      if (scroll) {
        const ImRect inner = list->InnerRect;
        if (ImGui::GetItemRectMin().y >= inner.Min.y - 0.5f && ImGui::GetItemRectMax().y <= inner.Max.y + 0.5f &&
            frames > 0) {
          storage->SetInt(framesKey, -1);
        } else {
          ImGui::SetScrollHereY(0.5f);  // the item just drawn, centred in the box from the next frame
          storage->SetInt(framesKey, frames + 1);
        }
      }
    }
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
}

/// The region under the countdown that shows the worked area during work, and what to do in the other phases.
void pictureRegion(const exercise::Exercise& ex, const ExercisePanelInput& in, ControlRects* rects) {
  const exercise::TimerState& st = in.state;
  if (in.noTargets) {
    ImGui::TextWrapped("This model has none of the exercise's target muscles: the timer runs, but the tool has "
                       "nothing to work on.");
    return;
  }
  switch (st.phase) {
    case exercise::Phase::Work:
      if (in.insetTexture != 0) {
        // Rows of the texture run bottom to top: flip it. Scaled to the region, never beyond its own size.
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const float scale = std::min({1.0f, avail.y / std::max(in.insetSize.y, 1.0f),
                                      avail.x * 0.5f / std::max(in.insetSize.x, 1.0f)});
        ImGui::Image(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(in.insetTexture)),
                     ImVec2(in.insetSize.x * scale, in.insetSize.y * scale), ImVec2(0, 1), ImVec2(1, 0));
        record(rects, "worked area");
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::TextWrapped("Worked this set, seen from behind: blue where the tool has been, gold under it now.");
        if (in.coverage) ImGui::Text("Covered: %d %%", int(std::round(*in.coverage * 100.0)));
        ImGui::EndGroup();
      } else if (in.coverage) {
        ImGui::Text("Target covered this set: %d %%", int(std::round(*in.coverage * 100.0)));
      }
      break;
    case exercise::Phase::Stretch:
      ImGui::PushStyleColor(ImGuiCol_Text, phaseColour(st.phase));
      ImGui::TextWrapped("Stretch now: %s", ex.stretch.c_str());
      ImGui::PopStyleColor();
      break;
    case exercise::Phase::LeadIn:
      ImGui::TextWrapped("Get into position as the steps say; the work starts when the countdown ends, and the "
                         "worked area shows here.");
      break;
    case exercise::Phase::Switch: ImGui::TextWrapped("Turn over and set up on the other side."); break;
    default: ImGui::TextWrapped("Every set is done. Restart to go again."); break;
  }
}

}  // namespace

void setFonts(const PanelFonts& fonts) { gFonts = fonts; }
const PanelFonts& fonts() { return gFonts; }

void drawToolRows(const ExercisePanelInput& in) {
  if (in.contactMuscles.empty()) return;
  std::string names;
  for (const auto& n : in.contactMuscles) names += (names.empty() ? "" : ", ") + n;
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::TextWrapped("Under the tool: %s", names.c_str());
  ImGui::PopStyleColor();
}

/// The coach view's status under the progress bar: the zone warning, else the share covered during work;
/// centred on one line, wrapped on two when longer (its region is two lines high, so nothing below moves).
void drawCoachStatusLine(const ExercisePanelInput& in, float width, ControlRects* rects) {
  std::string text;
  ImVec4 colour = ImGui::GetStyle().Colors[ImGuiCol_TextDisabled];
  if (in.safety.zone != exercise::Zone::None) {
    text = std::string(exercise::zoneWarning(in.safety.zone, in.safety.tool));
    colour = ImVec4(1.0f, 0.35f, 0.30f, 1.0f);
  } else if (in.state.phase == exercise::Phase::Work && in.coverage) {
    text = fmt::format("{} % of the target covered", int(std::round(*in.coverage * 100.0)));
  } else {
    return;
  }
  const float w = ImGui::CalcTextSize(text.c_str()).x;
  ImGui::PushStyleColor(ImGuiCol_Text, colour);
  if (w <= width) {
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - w) * 0.5f);
    ImGui::TextUnformatted(text.c_str());
  } else {
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
  }
  record(rects, "status");
  ImGui::PopStyleColor();
}

void drawExercisePanel(const ExercisePanelInput& in, ExerciseIntents& out, ControlRects* rects) {
  if (rects) rects->clear();
  const float em = ImGui::GetFontSize();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const bool anatomy = !in.exercises || in.selected < 0;
  // Pinned to the window's top right at a fixed size: its regions keep their sizes whatever the phase, and a
  // drag that starts on a control never moves the window.
  ImGui::SetNextWindowPos(ImVec2(display.x - em * 0.6f, em * 0.6f), ImGuiCond_Always, ImVec2(1.0f, 0.0f));
  if (!anatomy) ImGui::SetNextWindowSize(ImVec2(em * 21.0f, display.y - em * 1.2f), ImGuiCond_Always);
  // Anatomy only: as wide as it was, and as tall as its few lines (a height of 0 fits the content).
  else ImGui::SetNextWindowSize(ImVec2(em * 15.0f, 0.0f), ImGuiCond_Always);
  // In a narrow window the two panels would overlap: this one starts folded.
  if (display.x < em * 50.0f) ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  // Anatomy only: the window shrinks to its few lines.
  ImGui::Begin("Exercise", nullptr,
               ImGuiWindowFlags_NoMove | (anatomy ? ImGuiWindowFlags_AlwaysAutoResize
                                                  : ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoScrollbar));

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
  record(rects, "exercise");

  if (anatomy) {
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
  // Wrapped text runs at the font's line height: a region of n such lines shows n lines and no part of another.
  const float line = ImGui::GetTextLineHeight();

  // The countdown, large enough to read from the floor; every line is there in every phase.
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, phaseColour(st.phase));
  ImGui::TextUnformatted(phaseTitle(st.phase));
  record(rects, "phase");
  if (gFonts.timer) ImGui::PushFont(gFonts.timer);
  ImGui::TextUnformatted(clock(st.phaseRemaining).c_str());
  if (gFonts.timer) ImGui::PopFont();
  record(rects, "countdown");
  ImGui::PopStyleColor();
  std::string setLine = fmt::format("Set {} of {}", st.set, st.sets);
  if (const char* side = sideName(st.side)) setLine += std::string("  -  ") + side;
  ImGui::TextUnformatted(setLine.c_str());
  record(rects, "set");
  const double phaseLength = st.phaseElapsed + st.phaseRemaining;
  ImGui::ProgressBar(phaseLength > 0 ? float(st.phaseElapsed / phaseLength) : 1.0f, ImVec2(-1, em * 0.5f), "");
  record(rects, "phase progress");

  // The current step, always in view.
  ImGui::BeginChild("now", ImVec2(0, line * float(kCurrentStepLines)), false, kFixedRegion);
  ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.82f, 0.40f, 1.0f));
  ImGui::TextWrapped("Now: %s", currentStep(ex, st).c_str());
  ImGui::PopStyleColor();
  ImGui::EndChild();
  record(rects, "current step");

  // Below the current step, the rest scrolls in a region of its own when the window is too short for it (a
  // small window, or large text): the countdown and the step above and the disclaimer below stay in view.
  const ImGuiStyle& style = ImGui::GetStyle();
  const float disclaimer =
      ImGui::CalcTextSize(set.general.disclaimer.c_str(), nullptr, false, ImGui::GetContentRegionAvail().x).y;
  ImGui::BeginChild("body", ImVec2(0, -(disclaimer + 2.0f * style.ItemSpacing.y + 1.0f)), false);

  // The worked area (work) or what to do (the other phases), in a region of its own height.
  ImGui::BeginChild("picture", ImVec2(0, em * 8.0f), false, kFixedRegion);
  pictureRegion(ex, in, rects);
  ImGui::EndChild();
  record(rects, "picture");
  ImGui::BeginChild("tool rows", ImVec2(0, line * float(kToolRowLines)), false, kFixedRegion);
  drawToolRows(in);
  ImGui::EndChild();
  record(rects, "tool rows");
  // Pressure, zone warning and their settings (safety_panel.hpp), in a region of fixed height too.
  ImGui::BeginChild("safety", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + em * 1.3f), false,
                    kFixedRegion);
  out.safety = drawSafetySection(in.safety, in.safetySettings);
  ImGui::EndChild();
  record(rects, "safety");

  // Controls.
  const char* playLabel = st.running ? "Pause" : (st.elapsed > 0.0 && st.elapsed < st.total ? "Resume" : "Start");
  if (ImGui::Button(playLabel, ImVec2(em * 5.5f, 0))) out.startPause = true;
  record(rects, "play");
  ImGui::SameLine();
  if (ImGui::Button("Skip")) out.skip = true;
  record(rects, "skip");
  ImGui::SameLine();
  if (ImGui::Button("Restart")) out.restart = true;
  record(rects, "restart");
  ImGui::SameLine();
  ImGui::TextDisabled("%s / %s", clock(st.elapsed).c_str(), clock(st.total).c_str());
  float t = float(st.elapsed);
  ImGui::SetNextItemWidth(-1.0f);
  if (ImGui::SliderFloat("##scrub", &t, 0.0f, float(st.total), "")) out.scrub = double(t);
  record(rects, "scrub");
  float speed = float(in.speed);
  ImGui::SetNextItemWidth(em * 8.0f);
  if (ImGui::SliderFloat("speed", &speed, float(exercise::kMinSpeed), 4.0f, "x%.2f", ImGuiSliderFlags_Logarithmic))
    out.speed = double(speed);
  record(rects, "speed");
  if (!in.audio) {
    ImGui::SameLine();
    ImGui::TextDisabled("(no sound device)");
  }
  if (ImGui::Button("Coach view (C)", ImVec2(em * 8.0f, 0))) out.toggleCoach = true;
  record(rects, "coach view");
  ImGui::SameLine();
  if (in.videoProgress) {
    ImGui::ProgressBar(*in.videoProgress, ImVec2(-1, 0), "writing the video...");
  } else if (ImGui::Button("Export video")) {
    out.exportVideo = true;
  }
  // The plan: work time and sets side by side.
  const auto& pr = ex.protocol;
  bool planLine = false;
  if (pr.workMaxS > pr.workMinS) {
    int work = int(std::lround(in.workS));
    ImGui::SetNextItemWidth(em * 5.5f);
    if (ImGui::SliderInt(pr.sides == exercise::Sides::Alternate ? "s a side" : "s work", &work, int(pr.workMinS),
                         int(pr.workMaxS)))
      out.workS = double(work);
    record(rects, "work time");
    planLine = true;
  }
  if (pr.setsMax > pr.setsMin) {
    if (planLine) ImGui::SameLine();
    int sets = in.sets;
    ImGui::SetNextItemWidth(em * 4.5f);
    if (ImGui::SliderInt("sets", &sets, pr.setsMin, pr.setsMax)) out.sets = sets;
    record(rects, "sets");
  }

  ImGui::Separator();
  ImGui::TextDisabled("%s", ex.title.c_str());
  // The list takes what the region leaves, and at least kMinStepsLines lines (the region scrolls then).
  const float steps = std::max(ImGui::GetContentRegionAvail().y,
                               ImGui::GetTextLineHeightWithSpacing() * float(kMinStepsLines));
  ImGui::BeginChild("steps", ImVec2(0, steps), false);
  stepsList(set, ex, in, rects);
  ImGui::EndChild();
  record(rects, "steps box");
  ImGui::EndChild();
  record(rects, "scrolled region");
  ImGui::Separator();
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", set.general.disclaimer.c_str());
  ImGui::PopTextWrapPos();
  ImGui::End();
}

void drawCoachView(const ExercisePanelInput& in, ExerciseIntents& out, ControlRects* rects) {
  if (rects) rects->clear();
  if (!in.exercises || in.selected < 0) return;
  const auto& ex = in.exercises->exercises[size_t(in.selected)];
  const auto& st = in.state;
  const ImGuiIO& io = ImGui::GetIO();
  const CoachLayout l = coachLayout({io.DisplaySize.x, io.DisplaySize.y}, io.DisplayFramebufferScale.x);
  constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse |
                                      ImGuiWindowFlags_NoSavedSettings;
  const ImVec4 colour = phaseColour(st.phase);
  const ImVec4 white(0.95f, 0.95f, 0.95f, 1.0f);

  ImGui::SetNextWindowPos(ImVec2(l.panel.min.x, l.panel.min.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(l.panel.width(), l.panel.height()), ImGuiCond_Always);
  ImGui::Begin("Coach", nullptr, kFixed);
  if (rects) {
    const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    rects->add("coach panel", {{p.x, p.y}, {p.x + s.x, p.y + s.y}});
  }
  const float inner = ImGui::GetContentRegionAvail().x;
  auto centred = [&](const std::string& text, const ImVec4& c, const char* name) {
    const float w = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (inner - w) * 0.5f));
    ImGui::TextColored(c, "%s", text.c_str());
    record(rects, name);
  };
  {
    ScopedFont font(gFonts.heading, l.headingPx);
    centred(phaseTitle(st.phase), colour, "phase");
  }
  {
    ScopedFont font(gFonts.countdown, l.countdownPx);
    centred(clock(st.phaseRemaining), colour, "countdown");
  }
  {
    ScopedFont font(gFonts.heading, l.headingPx);
    centred(fmt::format("Set {} of {}", st.set, st.sets), white, "set");
    // The side's line is there for every exercise, empty for two-sided work.
    const char* side = sideName(st.side);
    centred(side ? side : " ", white, "side");
  }
  const double phaseLength = st.phaseElapsed + st.phaseRemaining;
  ImGui::ProgressBar(phaseLength > 0 ? float(st.phaseElapsed / phaseLength) : 1.0f,
                     ImVec2(-1, std::round(l.headingPx * 0.2f)), "");
  record(rects, "phase progress");
  {
    ScopedFont font(gFonts.step, l.stepPx);
    const ImVec2 at = ImGui::GetCursorPos();
    drawCoachStatusLine(in, inner, rects);
    ImGui::SetCursorPos(ImVec2(at.x, at.y + 2.0f * ImGui::GetTextLineHeightWithSpacing()));
    // What comes after this phase, so the next move is no surprise.
    std::string next = "Last phase";
    if (in.nextPhase) {
      std::string phase = phaseTitle(*in.nextPhase);
      std::transform(phase.begin() + 1, phase.end(), phase.begin() + 1, [](char c) { return char(std::tolower(c)); });
      next = "Next: " + phase;
      if (const char* side = sideName(in.nextSide); side && *in.nextPhase == exercise::Phase::Work)
        next += std::string(", ") + side;
      next += ", " + clock(in.nextS);
    }
    centred(next, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled], "next");
    // The buttons at the bottom of the panel.
    const ImGuiStyle& style = ImGui::GetStyle();
    const float buttonH = ImGui::GetFrameHeight();
    ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), ImGui::GetWindowHeight() - style.WindowPadding.y - buttonH));
    const float w = (inner - 2.0f * style.ItemSpacing.x) / 3.0f;
    const char* playLabel = st.running ? "Pause" : (st.elapsed > 0.0 && st.elapsed < st.total ? "Resume" : "Start");
    if (ImGui::Button(playLabel, ImVec2(w, 0))) out.startPause = true;
    record(rects, "play");
    ImGui::SameLine();
    if (ImGui::Button("Skip", ImVec2(w, 0))) out.skip = true;
    record(rects, "skip");
    ImGui::SameLine();
    if (ImGui::Button("Panels (C)", ImVec2(w, 0))) out.toggleCoach = true;
    record(rects, "panels");
  }
  ImGui::End();

  ImGui::SetNextWindowPos(ImVec2(l.strip.min.x, l.strip.min.y), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(l.strip.width(), l.strip.height()), ImGuiCond_Always);
  ImGui::Begin("Coach step", nullptr, kFixed);
  if (rects) {
    const ImVec2 p = ImGui::GetWindowPos(), s = ImGui::GetWindowSize();
    rects->add("step strip", {{p.x, p.y}, {p.x + s.x, p.y + s.y}});
  }
  {
    ScopedFont font(gFonts.step, l.stepPx);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.82f, 0.40f, 1.0f));
    ImGui::TextWrapped("%s", currentStep(ex, st).c_str());
    ImGui::PopStyleColor();
    record(rects, "step");
  }
  ImGui::End();
}

}  // namespace myo::ui
