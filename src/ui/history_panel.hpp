// ui/history_panel.hpp: the History window: the last weeks' work as a small chart, the streak and the latest
// sessions (exercise/history.hpp keeps them; nothing leaves the machine).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "exercise/history.hpp"

namespace myo::ui {

struct HistoryInput {
  exercise::HistorySummary summary;            ///< the chart's days, ending today
  std::vector<exercise::HistoryEntry> latest;  ///< newest first
  std::string file;                            ///< where the history is kept ("" when nowhere)
  bool saving = false;                         ///< sessions of this run are saved there
  std::optional<std::string> problem;          ///< a problem reading or writing the file
};

/// Draws the window while `open`; its close button sets `open` false.
void drawHistoryWindow(const HistoryInput& input, bool& open);

/// "1:45" for 105 seconds; "1:02:03" past an hour.
std::string workClock(double seconds);

}  // namespace myo::ui
