// ui/exercise_panel.hpp: the exercise panel: chooser, big timer, controls, steps, tips, why, disclaimer.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exercise/exercise_data.hpp"
#include "exercise/timer.hpp"
#include "ui/safety_panel.hpp"

#include <glm/glm.hpp>

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
  std::optional<SafetySettings> safety;  ///< changed zone display or body weight
};

/// The large font used for the countdown (set by the ImGui host; nullptr: the default font).
void setTimerFont(void* imFont);

void drawExercisePanel(const ExercisePanelInput& input, ExerciseIntents& intents);

}  // namespace myo::ui
