// The journal's statistics: means, spreads, weekly trends, streaks.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "plantar/insights.h"

namespace plantar::insights {
namespace {

using journal::Session;

std::vector<WeekPoint> by_week(const std::vector<std::pair<std::string, double>>& values) {
  std::map<std::string, std::vector<double>> weeks;
  for (const auto& [week, value] : values) weeks[week].push_back(value);
  std::vector<WeekPoint> out;
  for (const auto& [week, list] : weeks) out.push_back({week, summarize(list)});
  return out;
}

MeasureStats measure_stats(const std::vector<Session>& sessions, const std::string& measure) {
  std::vector<double> before, after, change;
  std::vector<std::pair<std::string, double>> weekly;
  for (const auto& s : sessions) {
    auto b = s.before.find(measure);
    auto a = s.after.find(measure);
    if (b == s.before.end() || a == s.after.end()) continue;
    before.push_back(b->second);
    after.push_back(a->second);
    change.push_back(a->second - b->second);
    weekly.emplace_back(iso_week(s.start), a->second - b->second);
  }
  return {measure, summarize(before), summarize(after), summarize(change), by_week(weekly)};
}

MorningStats morning_stats(const std::vector<Session>& sessions, const std::string& measure) {
  std::vector<double> values;
  std::vector<std::pair<std::string, double>> weekly;
  for (const auto& s : sessions) {
    auto it = s.morning.find(measure);
    if (it == s.morning.end()) continue;
    values.push_back(it->second);
    weekly.emplace_back(iso_week(s.start), it->second);
  }
  return {measure, summarize(values), by_week(weekly)};
}

Streaks streaks(const std::vector<Session>& sessions, const Timestamp& today) {
  std::set<long> days;
  for (const auto& s : sessions) days.insert(days_since_epoch(s.start));
  Streaks out;
  out.days = static_cast<int>(days.size());
  int run = 0;
  long previous = 0;
  for (long day : days) {
    run = (run > 0 && day == previous + 1) ? run + 1 : 1;
    out.longest = std::max(out.longest, run);
    previous = day;
  }
  long now = days_since_epoch(today);
  if (!days.empty() && (previous == now || previous == now - 1)) out.current = run;
  return out;
}

std::vector<Association> associations(const std::vector<Session>& sessions,
                                      std::vector<std::string> Session::*field) {
  std::map<std::string, std::vector<double>> changes;
  for (const auto& s : sessions) {
    auto change = session_change(s);
    if (!change) continue;
    for (const auto& id : s.*field) changes[id].push_back(*change);
  }
  std::vector<Association> out;
  for (const auto& [id, list] : changes) out.push_back({id, summarize(list)});
  std::stable_sort(out.begin(), out.end(),
                   [](const Association& a, const Association& b) { return a.change.mean < b.change.mean; });
  return out;
}

}  // namespace

Summary summarize(const std::vector<double>& values) {
  Summary s;
  s.count = static_cast<int>(values.size());
  if (values.empty()) return s;
  double sum = 0;
  for (double v : values) sum += v;
  s.mean = sum / s.count;
  if (s.count >= 2) {
    double squares = 0;
    for (double v : values) squares += (v - s.mean) * (v - s.mean);
    s.sd = std::sqrt(squares / (s.count - 1));
  }
  return s;
}

std::optional<double> session_change(const Session& session) {
  std::vector<double> changes;
  for (const auto& [measure, before] : session.before) {
    auto after = session.after.find(measure);
    if (after != session.after.end()) changes.push_back(after->second - before);
  }
  if (changes.empty()) return std::nullopt;
  return summarize(changes).mean;
}

std::vector<journal::SoreSpot> recent_sore_spots(const std::vector<Session>& sessions, const Timestamp& today,
                                                 int days) {
  std::vector<journal::SoreSpot> out;
  long now = days_since_epoch(today);
  for (auto s = sessions.rbegin(); s != sessions.rend(); ++s) {
    long age = now - days_since_epoch(s->start);
    if (age < 0 || age >= days) continue;
    for (const auto& spot : s->sore) {
      bool seen = std::any_of(out.begin(), out.end(), [&](const journal::SoreSpot& o) {
        return o.foot == spot.foot && o.region == spot.region;
      });
      if (!seen) out.push_back(spot);
    }
  }
  return out;
}

Stats compute(const std::vector<Session>& sessions, const Timestamp& today) {
  Stats stats;
  stats.sessions = static_cast<int>(sessions.size());
  for (const auto& s : sessions) {
    stats.finished += s.finished ? 1 : 0;
    if (!stats.first || s.start < *stats.first) stats.first = s.start;
    if (!stats.last || s.start > *stats.last) stats.last = s.start;
  }
  for (const auto& m : journal::session_measures) stats.measures.push_back(measure_stats(sessions, m));
  for (const auto& m : journal::morning_measures) stats.mornings.push_back(morning_stats(sessions, m));
  stats.streaks = streaks(sessions, today);
  stats.goals = associations(sessions, &Session::goals);
  stats.techniques = associations(sessions, &Session::techniques);
  return stats;
}

}  // namespace plantar::insights
