// The journal's statistics: means, spreads, weekly trends, streaks, from
// the whole-number sums a store adds up (journal::Totals).
#include <algorithm>
#include <cmath>
#include <map>

#include "plantar/insights.h"

namespace plantar::insights {
namespace {

using journal::Moments;
using journal::Session;

template <typename Value, typename Pick>
std::vector<WeekPoint> by_week(const std::map<std::string, Value>& weeks, Pick pick) {
  std::vector<WeekPoint> out;
  for (const auto& [week, value] : weeks) out.push_back({week, summarize(pick(value))});
  return out;
}

MeasureStats measure_stats(const journal::Totals& totals, const std::string& measure) {
  MeasureStats out{measure, {}, {}, {}, {}};
  auto it = totals.measures.find(measure);
  if (it == totals.measures.end()) return out;
  journal::PairMoments all;
  for (const auto& [week, pair] : it->second) all.add(pair);
  out.before = summarize(all.before);
  out.after = summarize(all.after);
  out.change = summarize(all.change);
  out.weeks = by_week(it->second, [](const journal::PairMoments& p) { return p.change; });
  return out;
}

MorningStats morning_stats(const journal::Totals& totals, const std::string& measure) {
  MorningStats out{measure, {}, {}};
  auto it = totals.mornings.find(measure);
  if (it == totals.mornings.end()) return out;
  Moments all;
  for (const auto& [week, moments] : it->second) all.add(moments);
  out.value = summarize(all);
  out.weeks = by_week(it->second, [](const Moments& m) { return m; });
  return out;
}

Streaks streaks(const journal::Totals& totals, const Timestamp& today) {
  Streaks out;
  out.days = totals.days;
  out.longest = totals.longest_run;
  long now = days_since_epoch(today);
  if (totals.last_day && (*totals.last_day == now || *totals.last_day == now - 1))
    out.current = totals.last_run;
  return out;
}

std::vector<Association> associations(const std::map<std::string, Moments>& changes) {
  std::vector<Association> out;
  for (const auto& [id, moments] : changes) out.push_back({id, summarize(moments, journal::change_scale)});
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

Summary summarize(const Moments& m, std::int64_t scale) {
  Summary s;
  s.count = static_cast<int>(m.count);
  if (m.count == 0) return s;
  double units = static_cast<double>(m.count) * static_cast<double>(scale);
  s.mean = static_cast<double>(m.sum) / units;
  if (m.count >= 2) {
    // Whole numbers, exact: n·Σx² − (Σx)² is n(n−1) times the sample variance (in scale²).
    __int128 spread = static_cast<__int128>(m.count) * m.squares - static_cast<__int128>(m.sum) * m.sum;
    double pairs = static_cast<double>(m.count) * static_cast<double>(m.count - 1);
    s.sd = std::sqrt(static_cast<double>(spread) / pairs) / static_cast<double>(scale);
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

std::vector<journal::SoreSpot> recent_sore_spots(const journal::Journal& store, const Timestamp& today,
                                                 int days) {
  // From midnight of the first of the `days` days (a century or more: everything).
  Timestamp from{1, 1, 1};
  if (days >= 1 && days <= 36500)
    from =
        add_minutes(Timestamp{today.year, today.month, today.day}, -(static_cast<long>(days) - 1) * 24 * 60);
  return recent_sore_spots(store.sessions_since(from), today, days);
}

Stats from_totals(const journal::Totals& totals, const Timestamp& today) {
  Stats stats;
  stats.sessions = totals.sessions;
  stats.finished = totals.finished;
  stats.first = totals.first;
  stats.last = totals.last;
  for (const auto& m : journal::session_measures) stats.measures.push_back(measure_stats(totals, m));
  for (const auto& m : journal::morning_measures) stats.mornings.push_back(morning_stats(totals, m));
  stats.streaks = streaks(totals, today);
  stats.goals = associations(totals.goals);
  stats.techniques = associations(totals.techniques);
  return stats;
}

Stats compute(const std::vector<Session>& sessions, const Timestamp& today) {
  return from_totals(journal::totals_of(sessions), today);
}

}  // namespace plantar::insights
