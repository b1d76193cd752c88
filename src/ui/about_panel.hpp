// ui/about_panel.hpp: the About and Sources window: what the program is, the source article (title, author,
// reviewer, date, references), where the model and the figures come from, and what stays on this computer.
#pragma once

#include <string>

#include "exercise/exercise_data.hpp"

namespace myo::ui {

struct AboutInput {
  std::string version;                               ///< "MyoRelease 0.1.0"
  const exercise::ExerciseSet* exercises = nullptr;  ///< the article's facts; nullptr when the file failed to load
  std::string settingsFile;                          ///< where the settings are kept ("" when nowhere)
  std::string historyFile;                           ///< where the history is kept
};

/// Draws the window while `open`; its close button sets `open` false.
void drawAboutWindow(const AboutInput& input, bool& open);

/// "10 April 2021" for "2021-04-10"; other text as it is.
std::string longDate(const std::string& isoDate);

}  // namespace myo::ui
