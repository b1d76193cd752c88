// tests/fuzz/fuzz_history.cpp: libFuzzer target for the history file parser (exercise/history.cpp). Any text gives
// entries with valid dates and figures within their ranges, each of which reads back unchanged from its own line,
// and the summary and streak of any such history are computed without trouble.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "exercise/history.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace myo::exercise;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const HistoryRead read = parseHistory(text);
  if (read.badLines < 0 || (read.badLines > 0 && !read.problem)) std::abort();
  for (const HistoryEntry& e : read.entries) {
    if (!e.date.ok() || e.workS < 0.0 || e.setsDone < 0 || e.sets < 0 || e.exercise.empty()) std::abort();
    const HistoryRead back = parseHistory(historyLine(e));
    if (back.entries.size() != 1 || back.badLines != 0) std::abort();
    // Text that is not UTF-8 comes back with replacement characters: compare what does not depend on it.
    const HistoryEntry& b = back.entries.front();
    if (b.date != e.date || b.setsDone != e.setsDone || b.sets != e.sets || b.completed != e.completed ||
        b.sides != e.sides || b.exercise != e.exercise)
      std::abort();
  }
  const Date today = read.entries.empty() ? Date{std::chrono::year(2026), std::chrono::month(1), std::chrono::day(1)}
                                          : read.entries.back().date;
  const HistorySummary s = summarizeHistory(read.entries, today, 28);
  if (s.workMinutes.size() != 28 || s.streak < 0 || s.streak > int(read.entries.size())) std::abort();
  return 0;
}
