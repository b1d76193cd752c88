// exercise/history.hpp: the local record of the sessions done: one entry per completed or stopped run of an
// exercise's timer (exercise, local date, sets done, work time, sides), kept as one JSON object per line in
// $XDG_DATA_HOME/myorelease/history.json; the summary the History section draws (days of the last weeks, the
// streak); and the recorder that follows a running timer. Nothing here leaves the machine. No OpenGL.
//
// Dates are local calendar dates: the date where the user was when the session started, as the system's time
// zone gives it (localtime_r). A session started at 23:50 counts for that day; after travelling across time zones
// a day may count twice or not at all, as on a paper log.
#pragma once

#include <chrono>
#include <ctime>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exercise/timer.hpp"

namespace myo::exercise {

using Date = std::chrono::year_month_day;

struct HistoryEntry {
  std::string exercise;            ///< the exercise id
  std::string title;               ///< its title when it was done
  std::string start;               ///< local start time, ISO 8601 with its UTC offset: "2026-12-01T18:46:50+01:00"
  Date date;                       ///< the local calendar date of the start
  bool completed = false;          ///< the timer ran to the end; false: stopped before
  int setsDone = 0;                ///< sets whose work (both sides, for alternating exercises) ran to its end
  int sets = 0;                    ///< sets planned
  double workS = 0.0;              ///< seconds of work run on the exercise clock (not scrubbed or skipped)
  std::vector<std::string> sides;  ///< "left", "right" (alternating exercises) or "both", as worked
  bool operator==(const HistoryEntry&) const = default;
};

inline constexpr std::size_t kMaxHistoryLineBytes = 4096;
/// Only the last this many bytes of a longer history file are read (about 30,000 sessions).
inline constexpr std::size_t kMaxHistoryReadBytes = 8u << 20;

/// "2026-12-01" for a valid date.
std::string formatDate(Date date);
/// A "YYYY-MM-DD" date that exists in the calendar, or nullopt.
std::optional<Date> parseDate(std::string_view text);
/// The local calendar date of a moment (the system's time zone, TZ).
Date localDate(std::time_t moment);
/// The local time of a moment as ISO 8601 with its UTC offset.
std::string localTimestamp(std::time_t moment);

/// One line of the file: a JSON object and '\n'.
std::string historyLine(const HistoryEntry& entry);

struct HistoryRead {
  std::vector<HistoryEntry> entries;   ///< in file order (oldest first)
  int badLines = 0;                    ///< lines that are not an entry (a line cut short by a crash ...)
  std::optional<std::string> problem;  ///< the first: "line 3: ..." or why the file could not be read
};

/// Parses the file's text; never throws. Empty lines are skipped, bad lines counted and skipped.
HistoryRead parseHistory(std::string_view text);
/// Reads the file (a missing file is an empty history; only its last kMaxHistoryReadBytes). Never throws.
HistoryRead loadHistory(const std::filesystem::path& path);
/// Appends one entry as one line (core::appendLine). Throws core::Error on failure.
void appendHistory(const std::filesystem::path& path, const HistoryEntry& entry);

/// The days with at least one session, counted back from `today` without a gap. A day with no session yet today
/// does not break the streak: it then ends yesterday.
int streakDays(const std::vector<HistoryEntry>& entries, Date today);

/// What the History section shows for the `days` days ending `today` (oldest first).
struct HistorySummary {
  Date firstDay;
  Date today;
  std::vector<float> workMinutes;  ///< per day
  std::vector<int> sessions;       ///< per day
  int sessionsInRange = 0;
  double workSInRange = 0.0;
  int activeDays = 0;  ///< days in range with a session
  int streak = 0;      ///< streakDays
  bool doneToday = false;
};
HistorySummary summarizeHistory(const std::vector<HistoryEntry>& entries, Date today, int days);

/// Follows one run of an exercise's timer: told each time the clock moves by running, it adds up the work
/// time and the work phases run to their end, and makes the history entry when the run ends.
class SessionRecorder {
 public:
  /// The clock of `plan` moved from `from` to `to` seconds by running (advance), at wall time `now`.
  void ran(const TimerPlan& plan, double from, double to, std::time_t now);
  /// Something was run since the last take(): a run worth an entry (at least a second of work).
  bool hasWork() const { return workS_ >= 1.0; }
  /// The entry of the run so far (completed when the clock reached the plan's end), then starts afresh. nullopt
  /// (and afresh) when there was no work.
  std::optional<HistoryEntry> take(const TimerPlan& plan, const std::string& title);
  /// Forgets the run without an entry.
  void reset();

 private:
  std::optional<std::time_t> start_;
  double workS_ = 0.0;
  bool reachedEnd_ = false;
  std::set<std::pair<int, int>> workDone_;  ///< (set, side) of the work phases run to their end
  std::set<int> sidesWorked_;
};

}  // namespace myo::exercise
