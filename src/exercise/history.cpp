// exercise/history.cpp: history lines written and read (a bad line costs only itself), the summary and the
// recorder.
#include "exercise/history.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

#include "core/atomic_file.hpp"
#include "core/error.hpp"

namespace myo::exercise {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;
using std::chrono::sys_days;

constexpr int kMaxSets = 100;
constexpr double kMaxWorkS = 24.0 * 3600.0;

bool validId(const std::string& id) {
  if (id.empty() || id.size() > 64) return false;
  return std::all_of(id.begin(), id.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

/// The entry of one line, or the reason it is none.
std::optional<HistoryEntry> parseEntry(std::string_view line, std::string& why) {
  json j;
  try {
    j = json::parse(line.begin(), line.end());
  } catch (const json::exception&) {
    why = "not a JSON object";
    return std::nullopt;
  }
  if (!j.is_object()) {
    why = "not a JSON object";
    return std::nullopt;
  }
  HistoryEntry e;
  auto text = [&](const char* key, std::size_t maxBytes, bool required, std::string& out) {
    const auto it = j.find(key);
    if (it == j.end()) {
      if (required) why = std::string("no \"") + key + "\"";
      return !required;
    }
    if (!it->is_string() || it->get_ref<const std::string&>().size() > maxBytes) {
      why = std::string("\"") + key + "\" is not a short text";
      return false;
    }
    out = it->get<std::string>();
    return true;
  };
  auto whole = [&](const char* key, int lo, int hi, int& out) {
    const auto it = j.find(key);
    if (it == j.end()) return true;
    std::int64_t v = std::int64_t(lo) - 1;
    if (it->is_number_unsigned())
      v = std::int64_t(std::min<std::uint64_t>(it->get<std::uint64_t>(), 1ull << 40));
    else if (it->is_number_integer())
      v = it->get<std::int64_t>();
    if (v < lo || v > hi) {
      why =
          std::string("\"") + key + "\" is not a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
      return false;
    }
    out = int(v);
    return true;
  };
  std::string date;
  if (!text("exercise", 64, true, e.exercise)) return std::nullopt;
  if (!validId(e.exercise)) {
    why = "\"exercise\" is not an exercise id";
    return std::nullopt;
  }
  if (!text("date", 10, true, date)) return std::nullopt;
  const std::optional<Date> d = parseDate(date);
  if (!d) {
    why = "\"date\" is not a YYYY-MM-DD date";
    return std::nullopt;
  }
  e.date = *d;
  if (!text("title", 200, false, e.title) || !text("start", 40, false, e.start)) return std::nullopt;
  if (const auto it = j.find("completed"); it != j.end()) {
    if (!it->is_boolean()) {
      why = "\"completed\" is not true or false";
      return std::nullopt;
    }
    e.completed = it->get<bool>();
  }
  if (!whole("sets_done", 0, kMaxSets, e.setsDone) || !whole("sets", 0, kMaxSets, e.sets)) return std::nullopt;
  if (const auto it = j.find("work_s"); it != j.end()) {
    const double w = it->is_number() ? it->get<double>() : -1.0;
    if (!(w >= 0.0 && w <= kMaxWorkS)) {
      why = "\"work_s\" is not a number of seconds from 0 to 86400";
      return std::nullopt;
    }
    e.workS = w;
  }
  if (const auto it = j.find("sides"); it != j.end()) {
    if (!it->is_array() || it->size() > 3) {
      why = "\"sides\" is not a list of sides";
      return std::nullopt;
    }
    for (const json& s : *it) {
      const std::string side = s.is_string() ? s.get<std::string>() : std::string();
      if (side != "left" && side != "right" && side != "both") {
        why = "\"sides\" holds something other than \"left\", \"right\" or \"both\"";
        return std::nullopt;
      }
      e.sides.push_back(side);
    }
  }
  return e;
}

}  // namespace

std::string formatDate(Date date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(date.year()), unsigned(date.month()), unsigned(date.day()));
  return buf;
}

std::optional<Date> parseDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](std::size_t from, std::size_t count) {
    int v = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return -1;
      v = v * 10 + (text[i] - '0');
    }
    return v;
  };
  const int y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  const Date date{std::chrono::year(y), std::chrono::month(unsigned(m)), std::chrono::day(unsigned(d))};
  if (!date.ok()) return std::nullopt;
  return date;
}

Date localDate(std::time_t moment) {
  std::tm tm{};
  localtime_r(&moment, &tm);
  return Date{std::chrono::year(tm.tm_year + 1900), std::chrono::month(unsigned(tm.tm_mon + 1)),
              std::chrono::day(unsigned(tm.tm_mday))};
}

std::string localTimestamp(std::time_t moment) {
  std::tm tm{};
  localtime_r(&moment, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S%z", &tm);
  std::string s = buf;
  // strftime's "+0100" as ISO 8601's "+01:00".
  if (s.size() >= 5 && (s[s.size() - 5] == '+' || s[s.size() - 5] == '-')) s.insert(s.size() - 2, ":");
  return s;
}

std::string historyLine(const HistoryEntry& e) {
  json j = json::object();
  j["exercise"] = e.exercise;
  j["title"] = e.title;
  j["date"] = formatDate(e.date);
  j["start"] = e.start;
  j["completed"] = e.completed;
  j["sets_done"] = e.setsDone;
  j["sets"] = e.sets;
  j["work_s"] = std::round(e.workS * 10.0) / 10.0;
  j["sides"] = e.sides;
  return j.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
}

HistoryRead parseHistory(std::string_view text) {
  HistoryRead out;
  int number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    std::string why;
    std::optional<HistoryEntry> entry;
    if (line.size() > kMaxHistoryLineBytes)
      why = "longer than " + std::to_string(kMaxHistoryLineBytes) + " bytes";
    else
      entry = parseEntry(line, why);
    if (entry) {
      out.entries.push_back(std::move(*entry));
      continue;
    }
    ++out.badLines;
    if (!out.problem) out.problem = "line " + std::to_string(number) + ": " + why;
  }
  return out;
}

HistoryRead loadHistory(const fs::path& path) {
  HistoryRead out;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return out;
  if (!fs::is_regular_file(st)) {
    out.problem = "not a regular file";
    return out;
  }
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    out.problem = "cannot read its size: " + ec.message();
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.problem = "cannot open for reading";
    return out;
  }
  const bool tail = size > kMaxHistoryReadBytes;
  const std::size_t count = tail ? kMaxHistoryReadBytes : std::size_t(size);
  std::string text(count, '\0');
  in.seekg(std::streamoff(size - count));
  if (count > 0 && !in.read(text.data(), std::streamsize(count))) {
    out.problem = "read failed";
    return out;
  }
  std::string_view view(text);
  // Reading from the middle of the file: its first, partial line is left out.
  if (tail) view.remove_prefix(std::min(view.size(), view.find('\n') + 1));
  HistoryRead read = parseHistory(view);
  return read;
}

void appendHistory(const fs::path& path, const HistoryEntry& entry) {
  core::appendLine(path, historyLine(entry));
}

int streakDays(const std::vector<HistoryEntry>& entries, Date today) {
  std::set<sys_days> days;
  for (const auto& e : entries)
    if (e.date.ok()) days.insert(sys_days(e.date));
  sys_days day = sys_days(today);
  if (!days.count(day)) day -= std::chrono::days(1);  // nothing yet today: the streak may still go on
  int streak = 0;
  while (days.count(day)) {
    ++streak;
    day -= std::chrono::days(1);
  }
  return streak;
}

HistorySummary summarizeHistory(const std::vector<HistoryEntry>& entries, Date today, int days) {
  HistorySummary s;
  days = std::max(days, 1);
  s.today = today;
  const sys_days last = sys_days(today);
  const sys_days first = last - std::chrono::days(days - 1);
  s.firstDay = Date(first);
  s.workMinutes.assign(std::size_t(days), 0.0f);
  s.sessions.assign(std::size_t(days), 0);
  for (const auto& e : entries) {
    if (!e.date.ok()) continue;
    const sys_days d = sys_days(e.date);
    if (d < first || d > last) continue;
    const auto i = std::size_t((d - first).count());
    s.workMinutes[i] += float(e.workS / 60.0);
    ++s.sessions[i];
    ++s.sessionsInRange;
    s.workSInRange += e.workS;
  }
  s.activeDays = int(std::count_if(s.sessions.begin(), s.sessions.end(), [](int n) { return n > 0; }));
  s.doneToday = s.sessions.back() > 0;
  s.streak = streakDays(entries, today);
  return s;
}

void SessionRecorder::ran(const TimerPlan& plan, double from, double to, std::time_t now) {
  if (!(to > from)) return;
  if (!start_) start_ = now;
  for (const Segment& seg : plan.segments) {
    if (seg.phase != Phase::Work) continue;
    const double overlap = std::min(to, seg.end()) - std::max(from, seg.start);
    if (overlap <= 0.0) continue;
    workS_ += overlap;
    sidesWorked_.insert(int(seg.side));
    if (from < seg.end() && seg.end() <= to) workDone_.insert({seg.set, int(seg.side)});
  }
  if (to >= plan.total) reachedEnd_ = true;
}

std::optional<HistoryEntry> SessionRecorder::take(const TimerPlan& plan, const std::string& title) {
  std::optional<HistoryEntry> out;
  if (hasWork() && start_) {
    HistoryEntry e;
    e.exercise = plan.exercise;
    e.title = title;
    e.start = localTimestamp(*start_);
    e.date = localDate(*start_);
    e.completed = reachedEnd_;
    e.sets = plan.sets;
    e.workS = workS_;
    for (int set = 0; set < plan.sets; ++set) {
      bool all = false;
      for (const Segment& seg : plan.segments) {
        if (seg.phase != Phase::Work || seg.set != set) continue;
        all = workDone_.count({set, int(seg.side)}) > 0;
        if (!all) break;
      }
      if (all) ++e.setsDone;
    }
    if (sidesWorked_.count(int(scene::Side::Left))) e.sides.emplace_back("left");
    if (sidesWorked_.count(int(scene::Side::Right))) e.sides.emplace_back("right");
    if (sidesWorked_.count(int(scene::Side::None))) e.sides.emplace_back("both");
    out = std::move(e);
  }
  reset();
  return out;
}

void SessionRecorder::reset() {
  start_.reset();
  workS_ = 0.0;
  reachedEnd_ = false;
  workDone_.clear();
  sidesWorked_.clear();
}

}  // namespace myo::exercise
