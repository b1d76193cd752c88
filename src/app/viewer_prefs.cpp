// app/viewer_prefs.cpp: the viewer's keys (through the key table), its settings in and out, the history of the
// timer's runs, and the extra windows: help overlay, History, About, Settings and the status line.
#include <imgui.h>
#include <imgui_internal.h>

#include <fmt/format.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "app/cli.hpp"
#include "app/paths.hpp"
#include "app/viewer.hpp"
#include "core/error.hpp"
#include "ui/about_panel.hpp"
#include "ui/help_overlay.hpp"
#include "ui/history_panel.hpp"

namespace myo::app {
namespace {

const char* skinName(ui::SkinMode mode) {
  switch (mode) {
    case ui::SkinMode::Opaque:
      return "opaque";
    case ui::SkinMode::Hidden:
      return "hidden";
    default:
      return "faded";
  }
}

ui::SkinMode skinMode(const std::string& name) {
  if (name == "opaque") return ui::SkinMode::Opaque;
  if (name == "hidden") return ui::SkinMode::Hidden;
  return ui::SkinMode::Faded;
}

ui::HelpTable helpTable() {
  ui::HelpTable table;
  for (const HelpSection& section : helpSections()) {
    auto& out = table.sections.emplace_back();
    out.title = section.title;
    for (const HelpRow& row : section.rows) out.rows.emplace_back(row.keys, row.does);
  }
  return table;
}

}  // namespace

void Viewer::apply(Action action) {
  switch (action) {
    case Action::ToggleHelp:
      prefs_.windows.help = !prefs_.windows.help;
      break;
    case Action::CloseOrClear:
      if (prefs_.windows.help)
        prefs_.windows.help = false;
      else
        select(-1);
      break;
    case Action::FrameModel:
      frameModel();
      break;
    case Action::ViewBack:
      setPreset(view::Preset::Back);
      break;
    case Action::ViewFront:
      setPreset(view::Preset::Front);
      break;
    case Action::ViewLeft:
      setPreset(view::Preset::Left);
      break;
    case Action::ViewRight:
      setPreset(view::Preset::Right);
      break;
    case Action::ViewTop:
      setPreset(view::Preset::Top);
      break;
    case Action::ViewTarget:
      setPreset(view::Preset::Target);
      break;
    case Action::ViewOblique:
      setPreset(view::Preset::Oblique);
      break;
    case Action::CycleSkin:
      display_.skin = static_cast<ui::SkinMode>((static_cast<int>(display_.skin) + 1) % 3);
      break;
    case Action::StartPause:
      startPauseTimer();
      break;
    case Action::ToggleCoach:
      toggleCoachView();
      break;
    case Action::Quit:
      prefs_.quit = true;
      break;
  }
}

void Viewer::postStatus(std::string text, bool problem) {
  prefs_.status = core::oneLineReason(text);
  prefs_.statusProblem = problem;
  prefs_.statusAge = 0.0;
}

void Viewer::showPanel(ShowPanel panel) {
  switch (panel) {
    case ShowPanel::Help:
      prefs_.windows.help = true;
      break;
    case ShowPanel::About:
      prefs_.windows.about = true;
      break;
    case ShowPanel::History:
      prefs_.windows.history = true;
      break;
    case ShowPanel::Settings:
      prefs_.windows.settings = true;
      break;
  }
}

void Viewer::tickPrefs(float dt) {
  if (dt > 0.0f) prefs_.statusAge += double(dt);
}

// === Settings

void Viewer::applySettings(const Settings& s) {
  display_.skin = skinMode(s.skin);
  display_.skinOpacity = float(std::clamp(s.skinOpacity, kMinSkinOpacity, kMaxSkinOpacity));
  display_.bones = s.bones;
  display_.fibres = s.fibres;
  display_.floor = s.floor;
  display_.contextMuscles = s.contextMuscles;
  display_.outlines = s.outlines;
  display_.labels = s.labels;
  display_.coarseWhileMoving = s.coarseWhileMoving;
  prefs_.speed = s.speed;
  prefs_.choices = s.exercises;
  safety_.bodyWeightKg = s.bodyWeightKg;
  applyTimerChoices();
}

Settings Viewer::currentSettings() const {
  Settings s;
  s.skin = skinName(display_.skin);
  // Kept to 3 decimals: a slider's float noise is no change worth a write.
  s.skinOpacity = std::round(double(display_.skinOpacity) * 1000.0) / 1000.0;
  s.bones = display_.bones;
  s.fibres = display_.fibres;
  s.floor = display_.floor;
  s.contextMuscles = display_.contextMuscles;
  s.outlines = display_.outlines;
  s.labels = display_.labels;
  s.coarseWhileMoving = display_.coarseWhileMoving;
  s.speed = std::round(prefs_.speed * 1000.0) / 1000.0;
  s.exercises = prefs_.choices;
  s.bodyWeightKg = std::round(safety_.bodyWeightKg * 10.0) / 10.0;
  return s;
}

void Viewer::useSettingsFile(std::optional<std::filesystem::path> file, std::optional<std::string> problem) {
  prefs_.settingsFile = std::move(file);
  prefs_.settingsProblem = std::move(problem);
}

void Viewer::resetSettings() {
  applySettings(Settings{});
  // The panels go back to their first places: Dear ImGui applies the panels' "first use" positions again.
  if (ImGuiContext* g = ImGui::GetCurrentContext()) {
    for (ImGuiWindow* window : g->Windows) {
      window->SetWindowPosAllowFlags |= ImGuiCond_FirstUseEver;
      window->SetWindowSizeAllowFlags |= ImGuiCond_FirstUseEver;
      window->SetWindowCollapsedAllowFlags |= ImGuiCond_FirstUseEver;
      window->Collapsed = false;
    }
    ImGui::ClearIniSettings();
  }
  prefs_.resetRequested = true;
  postStatus("Settings reset to their defaults.");
}

bool Viewer::takeSettingsReset() {
  const bool reset = prefs_.resetRequested;
  prefs_.resetRequested = false;
  return reset;
}

void Viewer::applyTimerChoices() {
  if (!session_) return;
  session_->setSpeed(prefs_.speed);
  // The remembered choice, else the protocol's own; the session pulls them into the protocol's ranges (a file
  // edited by hand, a protocol changed since).
  const exercise::Protocol& protocol = session_->exercise().protocol;
  const auto it = prefs_.choices.find(session_->exercise().id);
  const ExerciseChoice choice = it == prefs_.choices.end() ? ExerciseChoice{} : it->second;
  const double workS = choice.workS.value_or(protocol.workS);
  const int sets = choice.sets.value_or(protocol.sets);
  if (workS == session_->workS() && sets == session_->sets()) return;
  session_->setWorkS(workS);
  session_->setSets(sets);
  resetExerciseFraming();
}

void Viewer::rememberTimerChoices(const ui::ExerciseIntents& in) {
  if (!session_) return;
  if (in.speed) prefs_.speed = session_->speed();
  if (in.workS || in.sets) {
    ExerciseChoice& c = prefs_.choices[session_->exercise().id];
    c.workS = session_->workS();
    c.sets = session_->sets();
  }
}

// === History

void Viewer::useHistory(std::optional<std::filesystem::path> file, bool write) {
  prefs_.historyFile = std::move(file);
  prefs_.historyWrite = write && prefs_.historyFile.has_value();
  prefs_.history.clear();
  prefs_.historyProblem.reset();
  if (!prefs_.historyFile) return;
  exercise::HistoryRead read = exercise::loadHistory(*prefs_.historyFile);
  prefs_.history = std::move(read.entries);
  if (read.problem) {
    prefs_.historyProblem =
        read.badLines > 1 ? fmt::format("{} lines of the history could not be read ({}).", read.badLines, *read.problem)
                          : fmt::format("Part of the history could not be read ({}).", *read.problem);
    std::fprintf(stderr, "%s\n", warningLine(prefs_.historyFile->string(), *read.problem).c_str());
  }
}

void Viewer::noteTimerRan(double before) {
  if (!session_) return;
  const exercise::TimerPlan& plan = session_->timer().plan();
  const double now = session_->elapsed();
  if (now <= before) return;
  prefs_.recorder.ran(plan, before, now, std::time(nullptr));
  if (session_->timer().done()) finishRun();  // ran to the end: a completed session
}

void Viewer::finishRun() {
  if (!session_) return;
  std::optional<exercise::HistoryEntry> entry =
      prefs_.recorder.take(session_->timer().plan(), session_->exercise().title);
  if (!entry) return;
  prefs_.history.push_back(*entry);
  if (!prefs_.historyWrite) return;
  try {
    exercise::appendHistory(*prefs_.historyFile, *entry);
    postStatus(fmt::format("{} {}: {} of {} sets, {} of work. Saved to your history.", entry->title,
                           entry->completed ? "done" : "stopped", entry->setsDone, entry->sets,
                           ui::workClock(entry->workS)));
  } catch (const core::Error& e) {
    prefs_.historyProblem = "The last session was not saved: " + e.message();
    postStatus("Session not saved to the history: " + core::errorLine(e), true);
  }
}

// === The extra windows

void Viewer::drawPrefsUi() {
  ui::ExtraWindows& w = prefs_.windows;
  ui::drawExtrasBar(w);
  ui::drawStatusLine(prefs_.status, prefs_.statusAge, prefs_.statusProblem ? kStatusProblemSeconds : kStatusSeconds,
                     prefs_.statusProblem);

  if (w.history) {
    ui::HistoryInput in;
    const exercise::Date today = exercise::localDate(std::time(nullptr));
    in.summary = exercise::summarizeHistory(prefs_.history, today, kHistoryDays);
    const size_t shown = std::min<size_t>(prefs_.history.size(), 50);
    in.latest.assign(prefs_.history.rbegin(), prefs_.history.rbegin() + std::ptrdiff_t(shown));
    in.file = prefs_.historyFile ? shownPath(*prefs_.historyFile) : std::string();
    in.saving = prefs_.historyWrite;
    in.problem = prefs_.historyProblem;
    ui::drawHistoryWindow(in, w.history);
  }
  if (w.about) {
    ui::AboutInput in;
    in.version = std::string("MyoRelease ") + MYO_VERSION;
    in.exercises = exercises_ ? &*exercises_ : nullptr;
    in.settingsFile = prefs_.settingsFile ? shownPath(*prefs_.settingsFile) : std::string();
    in.historyFile = prefs_.historyFile ? shownPath(*prefs_.historyFile) : std::string();
    ui::drawAboutWindow(in, w.about);
  }
  if (w.settings) {
    ui::SettingsInput in;
    in.file = prefs_.settingsFile ? shownPath(*prefs_.settingsFile) : std::string();
    in.problem = prefs_.settingsProblem;
    in.bodyWeightKg = safety_.bodyWeightKg;
    in.minBodyWeightKg = kMinBodyWeightKg;
    in.maxBodyWeightKg = kMaxBodyWeightKg;
    ui::SettingsIntents out;
    ui::drawSettingsWindow(in, out, w.settings);
    if (out.bodyWeightKg) safety_.bodyWeightKg = std::clamp(*out.bodyWeightKg, kMinBodyWeightKg, kMaxBodyWeightKg);
    if (out.reset) resetSettings();
  }
  // Last, over everything else.
  static const ui::HelpTable kHelp = helpTable();
  ui::drawHelpOverlay(kHelp, w.help);
}

}  // namespace myo::app
