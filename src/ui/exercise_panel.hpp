// ui/exercise_panel.hpp: the exercise panel (chooser, big timer, controls, steps, tips, why, disclaimer) and
// the coach view (the timer large enough to read from the floor, the current step, the 3D view beside them).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exercise/exercise_data.hpp"
#include "exercise/timer.hpp"
#include "ui/layout.hpp"
#include "ui/safety_panel.hpp"

#include <glm/glm.hpp>

struct ImFont;

namespace myo::ui {

struct ExercisePanelInput {
  const exercise::ExerciseSet* exercises = nullptr;  ///< nullptr when the exercise file failed to load
  std::optional<std::string> exercisesError;
  int selected = -1;                                 ///< index into exercises, -1: anatomy only
  exercise::TimerState state;
  double speed = 1.0;
  double workS = 0.0;                                ///< current plan values (within the protocol's ranges)
  int sets = 0;
  std::optional<double> coverage;                    ///< share of the target covered in this set, when known
  std::vector<std::string> contactMuscles;           ///< names of the muscles under the tool
  bool audio = false;
  bool noTargets = false;                            ///< the model has none of the exercise's target muscles
  unsigned insetTexture = 0;                         ///< picture of the worked area (GL texture name), 0: none
  glm::vec2 insetSize{0.0f};
  std::optional<float> videoProgress;                ///< 0..1 while a video of the exercise is being written
  /// The phase after this one (none after the last), its side and length, for the coach view's "Next" line.
  std::optional<exercise::Phase> nextPhase;
  scene::Side nextSide = scene::Side::None;
  double nextS = 0.0;
  SafetyReadout safety;                              ///< pressure and zone (safety_panel.hpp)
  SafetySettings safetySettings;
};

struct ExerciseIntents {
  std::optional<int> select;       ///< -1: back to anatomy only
  bool startPause = false;         ///< start, pause or resume
  bool skip = false;
  bool restart = false;
  std::optional<double> scrub;     ///< plan time, seconds
  std::optional<double> speed;
  std::optional<double> workS;
  std::optional<int> sets;
  bool exportVideo = false;        ///< write the exercise to a video file
  bool toggleCoach = false;        ///< into or out of the coach view
  std::optional<SafetySettings> safety;  ///< changed zone display or body weight
};

/// The fonts the panels use, built by the ImGui host at the sizes they are shown at (nullptr: the default
/// font). The coach fonts exist only while the coach view is shown.
struct PanelFonts {
  ImFont* timer = nullptr;      ///< the exercise panel's countdown
  ImFont* countdown = nullptr;  ///< the coach view's countdown (digits and colon)
  ImFont* heading = nullptr;    ///< the coach view's phase, set and side
  ImFont* step = nullptr;       ///< the coach view's current step and buttons
};
void setFonts(const PanelFonts& fonts);
const PanelFonts& fonts();

/// Lines of text the exercise panel reserves for the current step ("Now: ..."), whatever its length.
inline constexpr int kCurrentStepLines = 3;
/// The fewest lines of the steps list; when the window leaves less, the panel's part under the current step
/// scrolls ("scrolled region").
inline constexpr int kMinStepsLines = 3;
/// Lines reserved under the picture for the rows about the tool (drawToolRows).
inline constexpr int kToolRowLines = 2;

/// The exercise panel. Its regions keep their sizes whatever the phase, so the controls stay where they are;
/// under the current step they scroll in a region of their own when the window is too short for them.
/// `rects`, when given, receives where each control was drawn ("scrolled region": the part that scrolls).
void drawExercisePanel(const ExercisePanelInput& input, ExerciseIntents& intents, ControlRects* rects = nullptr);

/// The coach view: the timer panel at the right and the current step along the bottom (ui/coach_layout.hpp);
/// the 3D view is framed in the rest of the window. Nothing is drawn without a selected exercise.
void drawCoachView(const ExercisePanelInput& input, ExerciseIntents& intents, ControlRects* rects = nullptr);

// === Slots: rows drawn inside regions of fixed size, so what they show never moves the controls.

/// The rows about the tool in the exercise panel, inside kToolRowLines lines: the muscles under the tool
/// (a pressure bar and a safety-zone warning belong here too).
void drawToolRows(const ExercisePanelInput& input);
/// The coach view's status line under the set and side, one line of the step font: the share of the target
/// covered during work (a safety-zone warning takes its place when the tool enters a zone).
void drawCoachStatusLine(const ExercisePanelInput& input);

}  // namespace myo::ui
