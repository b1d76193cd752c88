// Session history: local dates and time zones, streaks over month and year ends, the file (appends, bad and
// cut-short lines, long files), the summary the History section draws, and the recorder following a timer.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "exercise/history.hpp"
#include "exercise/timer.hpp"
#include "temp_xdg.hpp"

namespace fs = std::filesystem;
using namespace myo::exercise;
using namespace std::chrono;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
  return Date{year(y), month(m), day(d)};
}

HistoryEntry on(Date date, double workS = 60.0, const std::string& id = "trapezius-foam-roller") {
  HistoryEntry e;
  e.exercise = id;
  e.title = "Trapezius on the foam roller";
  e.date = date;
  e.start = formatDate(date) + "T08:00:00+00:00";
  e.completed = true;
  e.setsDone = 3;
  e.sets = 3;
  e.workS = workS;
  e.sides = {"both"};
  return e;
}

std::vector<HistoryEntry> onDays(const std::vector<Date>& dates) {
  std::vector<HistoryEntry> out;
  for (const Date& d : dates) out.push_back(on(d));
  return out;
}

/// Sets TZ for one test (a POSIX TZ string needs no time zone database) and restores it.
struct TimeZone {
  std::optional<std::string> old;
  explicit TimeZone(const char* tz) {
    if (const char* v = std::getenv("TZ")) old = v;
    setenv("TZ", tz, 1);
    tzset();
  }
  ~TimeZone() {
    if (old)
      setenv("TZ", old->c_str(), 1);
    else
      unsetenv("TZ");
    tzset();
  }
};

/// Seconds since the epoch of a UTC date and time.
std::time_t utc(int y, unsigned m, unsigned d, int hour, int minute) {
  return std::time_t(sys_days(ymd(y, m, d)).time_since_epoch().count()) * 86400 + hour * 3600 + minute * 60;
}

TimerPlan planOf(Sides sides, int sets = 3, double workS = 30.0) {
  Protocol p;
  p.workS = workS;
  p.workMinS = p.workMaxS = workS;
  p.sets = p.setsMin = p.setsMax = sets;
  p.stretchS = 20.0;
  p.sides = sides;
  return makePlan("latissimus-foam-roller", p, {});
}

/// Runs the plan's clock from `from` to `to` in frames of dt, as the window's loop does.
void run(SessionRecorder& r, const TimerPlan& plan, double from, double to, double dt = 1.0 / 60.0) {
  for (double t = from; t < to;) {
    const double next = std::min(to, t + dt);
    r.ran(plan, t, next, 1764576000);
    t = next;
  }
}

}  // namespace

TEST_CASE("dates are written and read as YYYY-MM-DD, and only real calendar dates are accepted") {
  CHECK(formatDate(ymd(2026, 1, 5)) == "2026-01-05");
  CHECK(parseDate("2026-01-05") == ymd(2026, 1, 5));
  CHECK(parseDate("2024-02-29") == ymd(2024, 2, 29));  // a leap year
  for (const char* bad : {"2025-02-29", "2026-02-30", "2026-13-01", "2026-00-10", "2026-1-5", "26-01-05", "2026/01/05",
                          "2026-01-05T00", "", "abcd-ef-gh", "2026-01-0x"}) {
    CAPTURE(bad);
    CHECK_FALSE(parseDate(bad).has_value());
  }
}

TEST_CASE("a session's date is the local calendar date of the time zone it was done in") {
  const std::time_t lateEvening = utc(2026, 1, 31, 23, 30);  // 23:30 UTC on the last day of January
  {
    TimeZone tz("UTC0");
    CHECK(localDate(lateEvening) == ymd(2026, 1, 31));
    CHECK(localTimestamp(lateEvening) == "2026-01-31T23:30:00+00:00");
  }
  {
    TimeZone tz("CET-1");  // UTC+1: already February
    CHECK(localDate(lateEvening) == ymd(2026, 2, 1));
    CHECK(localTimestamp(lateEvening) == "2026-02-01T00:30:00+01:00");
  }
  {
    TimeZone tz("<-05>5");  // UTC-5: a moment early on 1 February UTC is still 31 January
    CHECK(localDate(utc(2026, 2, 1, 3, 0)) == ymd(2026, 1, 31));
    CHECK(localTimestamp(utc(2026, 2, 1, 3, 0)) == "2026-01-31T22:00:00-05:00");
  }
  {
    TimeZone tz("<+0530>-5:30");  // half-hour offsets
    CHECK(localTimestamp(utc(2026, 12, 31, 18, 45)) == "2027-01-01T00:15:00+05:30");
    CHECK(localDate(utc(2026, 12, 31, 18, 45)) == ymd(2027, 1, 1));
  }
}

TEST_CASE("the streak counts consecutive days over month and year ends") {
  // January into February.
  const auto janFeb = onDays({ymd(2026, 1, 30), ymd(2026, 1, 31), ymd(2026, 2, 1)});
  CHECK(streakDays(janFeb, ymd(2026, 2, 1)) == 3);
  CHECK(streakDays(janFeb, ymd(2026, 2, 2)) == 3);  // nothing yet today: the streak still stands
  CHECK(streakDays(janFeb, ymd(2026, 2, 3)) == 0);  // a whole day missed
  // February into March, in a common and in a leap year.
  CHECK(streakDays(onDays({ymd(2026, 2, 27), ymd(2026, 2, 28), ymd(2026, 3, 1)}), ymd(2026, 3, 1)) == 3);
  CHECK(streakDays(onDays({ymd(2024, 2, 28), ymd(2024, 2, 29), ymd(2024, 3, 1)}), ymd(2024, 3, 1)) == 3);
  CHECK(streakDays(onDays({ymd(2024, 2, 28), ymd(2024, 3, 1)}), ymd(2024, 3, 1)) == 1);  // 29 February missed
  // Across the new year, two sessions on one day counted once, entries in any order.
  const auto newYear = onDays({ymd(2027, 1, 1), ymd(2026, 12, 30), ymd(2026, 12, 31), ymd(2026, 12, 31)});
  CHECK(streakDays(newYear, ymd(2027, 1, 1)) == 3);
  CHECK(streakDays({}, ymd(2027, 1, 1)) == 0);
  // A session dated after today (a clock set back) is not part of the streak.
  CHECK(streakDays(onDays({ymd(2027, 1, 5)}), ymd(2027, 1, 1)) == 0);
}

TEST_CASE("the summary gives the last weeks day by day") {
  std::vector<HistoryEntry> entries{on(ymd(2026, 2, 1), 90.0), on(ymd(2026, 2, 1), 30.0), on(ymd(2026, 2, 27), 120.0),
                                    on(ymd(2026, 3, 1), 60.0), on(ymd(2026, 3, 2), 45.0)};
  entries.push_back(on(ymd(2025, 12, 1), 600.0));  // before the range
  const HistorySummary s = summarizeHistory(entries, ymd(2026, 3, 1), 28);
  CHECK(s.firstDay == ymd(2026, 2, 2));  // 28 days ending 1 March (February 2026 has 28 days)
  REQUIRE(s.workMinutes.size() == 28);
  REQUIRE(s.sessions.size() == 28);
  CHECK(s.sessions.front() == 0);                    // 1 February is outside
  CHECK(s.workMinutes[25] == doctest::Approx(2.0));  // 27 February
  CHECK(s.workMinutes[27] == doctest::Approx(1.0));  // today
  CHECK(s.sessionsInRange == 2);                     // 2 March is after today
  CHECK(s.workSInRange == doctest::Approx(180.0));
  CHECK(s.activeDays == 2);
  CHECK(s.doneToday);
  CHECK(s.streak == 1);
}

TEST_CASE("history lines round-trip, append to the end and survive a line cut short") {
  myo::test::TempXdg xdg;
  const fs::path file = xdg.data / "myorelease" / "history.json";
  HistoryEntry a = on(ymd(2026, 1, 31), 105.0);
  HistoryEntry b = on(ymd(2026, 2, 1), 50.0, "latissimus-foam-roller");
  b.completed = false;
  b.setsDone = 1;
  b.sets = 4;
  b.sides = {"left", "right"};
  CHECK(loadHistory(file).entries.empty());  // no file yet
  appendHistory(file, a);
  appendHistory(file, b);
  HistoryRead read = loadHistory(file);
  CHECK(read.badLines == 0);
  REQUIRE(read.entries.size() == 2);
  CHECK(read.entries[0] == a);
  CHECK(read.entries[1] == b);
  // A crash in the middle of a write leaves half a line; the next append starts a line of its own.
  {
    std::ofstream out(file, std::ios::app);
    out << historyLine(a).substr(0, 40);
  }
  appendHistory(file, b);
  read = loadHistory(file);
  CHECK(read.badLines == 1);
  REQUIRE(read.entries.size() == 3);
  CHECK(read.entries[2] == b);
  REQUIRE(read.problem.has_value());
  CHECK(read.problem->rfind("line 3: ", 0) == 0);
}

TEST_CASE("bad history lines are counted and skipped, each alone") {
  const std::string good = historyLine(on(ymd(2026, 1, 31)));
  const std::vector<std::string> bad{
      "not json",
      "[1, 2]",
      R"({"date": "2026-01-31"})",
      R"({"exercise": "Bad Id", "date": "2026-01-31"})",
      R"({"exercise": "x", "date": "2026-02-30"})",
      R"({"exercise": "x", "date": "2026-01-31", "sets": -1})",
      R"({"exercise": "x", "date": "2026-01-31", "sets_done": 1e99})",
      R"({"exercise": "x", "date": "2026-01-31", "work_s": -5})",
      R"({"exercise": "x", "date": "2026-01-31", "work_s": "long"})",
      R"({"exercise": "x", "date": "2026-01-31", "sides": ["up"]})",
      R"({"exercise": "x", "date": "2026-01-31", "completed": "yes"})",
      "{\"exercise\": \"x\", \"date\": \"2026-01-31\", \"title\": \"" + std::string(300, 't') + "\"}",
      "{\"exercise\": \"x\", \"date\": \"2026-01-31\", \"pad\": \"" + std::string(kMaxHistoryLineBytes, ' ') + "\"}",
  };
  std::string text = good;
  for (const auto& line : bad) text += line + "\n" + good;
  text += "\n\n   \r\n";  // blank lines are no entries and no problems
  const HistoryRead read = parseHistory(text);
  CHECK(read.entries.size() == bad.size() + 1);
  CHECK(read.badLines == int(bad.size()));
  REQUIRE(read.problem.has_value());
  CHECK(read.problem->rfind("line 2: ", 0) == 0);
  // A minimal line: only the exercise and the date.
  const HistoryRead minimal = parseHistory(R"({"exercise": "massage-chair", "date": "2026-03-01"})");
  REQUIRE(minimal.entries.size() == 1);
  CHECK(minimal.entries[0].date == ymd(2026, 3, 1));
  CHECK(minimal.entries[0].workS == 0.0);
}

TEST_CASE("a long history file is read from its end, starting at a whole line") {
  myo::test::TempXdg xdg;
  const fs::path file = xdg.data / "history.json";
  fs::create_directories(file.parent_path());
  const std::string line = historyLine(on(ymd(2026, 1, 31)));
  const std::size_t lines = kMaxHistoryReadBytes / line.size() + 1000;
  {
    std::ofstream out(file, std::ios::binary);
    for (std::size_t i = 0; i < lines; ++i) out << line;
  }
  appendHistory(file, on(ymd(2026, 2, 1)));
  const HistoryRead read = loadHistory(file);
  CHECK(read.badLines == 0);
  CHECK(read.entries.size() < lines);
  CHECK(read.entries.size() > lines - 2000);
  CHECK(read.entries.back().date == ymd(2026, 2, 1));
}

TEST_CASE("a history path that is a folder or a FIFO is read as empty with a problem, without blocking") {
  myo::test::TempXdg xdg;
  const fs::path file = xdg.data / "history.json";
  fs::create_directories(file);
  HistoryRead read = loadHistory(file);
  CHECK(read.entries.empty());
  CHECK(read.problem.has_value());
  CHECK_THROWS_AS(appendHistory(file, on(ymd(2026, 1, 1))), myo::core::Error);
  fs::remove(file);
  REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
  read = loadHistory(file);
  CHECK(read.entries.empty());
  CHECK(read.problem.has_value());
  CHECK_THROWS_AS(appendHistory(file, on(ymd(2026, 1, 1))), myo::core::Error);
}

TEST_CASE("the recorder turns a whole run into a completed entry") {
  TimeZone tz("UTC0");
  const TimerPlan plan = planOf(Sides::BothTogether, 3, 30.0);
  SessionRecorder r;
  CHECK_FALSE(r.take(plan, "t").has_value());  // nothing run: no entry
  run(r, plan, 0.0, plan.total);
  REQUIRE(r.hasWork());
  const auto e = r.take(plan, "Latissimus");
  REQUIRE(e.has_value());
  CHECK(e->exercise == "latissimus-foam-roller");
  CHECK(e->title == "Latissimus");
  CHECK(e->completed);
  CHECK(e->setsDone == 3);
  CHECK(e->sets == 3);
  CHECK(e->workS == doctest::Approx(90.0).epsilon(1e-6));
  CHECK(e->sides == std::vector<std::string>{"both"});
  CHECK(e->date == ymd(2025, 12, 1));  // 1764576000 s: 1 December 2025, 08:00 UTC
  CHECK(e->start == "2025-12-01T08:00:00+00:00");
  CHECK_FALSE(r.hasWork());  // taken: the next run starts afresh
}

TEST_CASE("a stopped run counts the sets whose work (both sides) ran to the end") {
  const TimerPlan plan = planOf(Sides::Alternate, 3, 40.0);
  // The first set's left and right work, and the second set's left work half-way.
  double secondLeftMid = 0.0;
  int works = 0;
  for (const Segment& s : plan.segments)
    if (s.phase == Phase::Work && ++works == 3) secondLeftMid = s.start + s.duration / 2.0;
  REQUIRE(secondLeftMid > 0.0);
  SessionRecorder r;
  run(r, plan, 0.0, secondLeftMid);
  const auto e = r.take(plan, "Lat");
  REQUIRE(e.has_value());
  CHECK_FALSE(e->completed);
  CHECK(e->setsDone == 1);
  CHECK(e->workS == doctest::Approx(100.0).epsilon(1e-6));
  CHECK(e->sides == std::vector<std::string>{"left", "right"});
}

TEST_CASE("time not run (a jump of the clock) is no work, and a lead-in alone is no session") {
  const TimerPlan plan = planOf(Sides::BothTogether, 3, 30.0);
  SessionRecorder r;
  r.ran(plan, 10.0, 10.0, 0);  // no movement
  r.ran(plan, 20.0, 10.0, 0);  // backwards
  CHECK_FALSE(r.hasWork());
  run(r, plan, 0.0, plan.segments[1].start);  // the lead-in only
  CHECK_FALSE(r.hasWork());
  CHECK_FALSE(r.take(plan, "t").has_value());
  // The second set's work alone, reached by a jump: one set done, not completed.
  const Segment& secondWork = plan.segments[3];
  REQUIRE(secondWork.phase == Phase::Work);
  run(r, plan, secondWork.start, secondWork.end());
  const auto e = r.take(plan, "t");
  REQUIRE(e.has_value());
  CHECK(e->setsDone == 1);
  CHECK_FALSE(e->completed);
  CHECK(e->workS == doctest::Approx(30.0).epsilon(1e-6));
}
