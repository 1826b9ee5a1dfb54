// The sums behind the statistics, added up from sessions in memory: the
// reference that a store's SQL aggregation must equal.
#include <set>

#include "plantar/errors.h"
#include "plantar/journal.h"
#include "plantar/journal_sums.h"

namespace plantar::journal {
namespace {

// The session's change in 60ths, when it rated a measure both times.
std::optional<std::int64_t> change_in_sixtieths(const Session& s) {
  std::int64_t sum = 0, count = 0;
  for (const auto& [measure, before] : s.before)
    if (auto after = s.after.find(measure); after != s.after.end()) {
      sum += after->second - before;
      ++count;
    }
  if (count == 0) return std::nullopt;
  return sum * change_factor(count);
}

}  // namespace

void add_runs(const std::vector<long>& days, Totals& totals) {
  int run = 0;
  long previous = 0;
  for (long day : days) {
    run = (run > 0 && day == previous + 1) ? run + 1 : 1;
    if (run > totals.longest_run) totals.longest_run = run;
    previous = day;
  }
  totals.days = static_cast<int>(days.size());
  totals.last_run = run;
  if (!days.empty()) totals.last_day = previous;
}

std::int64_t change_factor(std::int64_t measures) {
  if (measures < 1 || change_scale % measures != 0)
    throw Failure("internal: a session's change over " + std::to_string(measures) +
                  " measures is not a whole number of 60ths");
  return change_scale / measures;
}

void Moments::add(std::int64_t value) {
  ++count;
  sum += value;
  squares += value * value;
}

void Moments::add(const Moments& other) {
  count += other.count;
  sum += other.sum;
  squares += other.squares;
}

void PairMoments::add(const PairMoments& other) {
  before.add(other.before);
  after.add(other.after);
  change.add(other.change);
}

Totals totals_of(const std::vector<Session>& sessions) {
  Totals totals;
  std::set<long> days;
  for (const auto& s : sessions) {
    ++totals.sessions;
    totals.finished += s.finished ? 1 : 0;
    if (!totals.first || s.start < *totals.first) totals.first = s.start;
    if (!totals.last || s.start > *totals.last) totals.last = s.start;
    days.insert(days_since_epoch(s.start));
    std::string week = iso_week(s.start);
    for (const auto& [measure, before] : s.before) {
      auto after = s.after.find(measure);
      if (after == s.after.end()) continue;
      auto& pair = totals.measures[measure][week];
      pair.before.add(before);
      pair.after.add(after->second);
      pair.change.add(after->second - before);
    }
    for (const auto& [measure, value] : s.morning) totals.mornings[measure][week].add(value);
    for (const auto& goal : s.goals) ++totals.goal_sessions[goal];
    if (auto change = change_in_sixtieths(s)) {
      for (const auto& goal : s.goals) totals.goals[goal].add(*change);
      for (const auto& technique : s.techniques) totals.techniques[technique].add(*change);
    }
  }
  add_runs({days.begin(), days.end()}, totals);
  return totals;
}

std::vector<ChangeRow> change_rows(const Totals& totals) {
  std::vector<ChangeRow> rows;
  for (const auto& [goal, m] : totals.goals) {
    auto sessions = totals.goal_sessions.find(goal);
    rows.push_back({"goal", goal, m, sessions == totals.goal_sessions.end() ? 0 : sessions->second});
  }
  for (const auto& [goal, sessions] : totals.goal_sessions)
    if (!totals.goals.contains(goal)) rows.push_back({"goal", goal, {}, sessions});
  for (const auto& [technique, m] : totals.techniques) rows.push_back({"technique", technique, m, 0});
  return rows;
}

}  // namespace plantar::journal
