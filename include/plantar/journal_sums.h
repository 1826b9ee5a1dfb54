// The sums a store keeps beside the sessions, so that `stats` reads one row
// a week and measure (and one a day) instead of every rating. Every write
// adds what it changes, in the same transaction: sums_change(removed, added)
// is what replacing the sessions `removed` by `added` does to them.
#pragma once

#include <map>
#include <vector>

#include "plantar/journal.h"

namespace plantar::journal {

/// How many sessions, and how many of them finished, one day had.
struct DayCount {
  std::int64_t sessions = 0, finished = 0;
  bool operator==(const DayCount&) const = default;
};

/// The kept sums: the weekly and per-goal parts of Totals (measures,
/// mornings, goals, techniques, goal_sessions; its counts and runs are not
/// used), and the sessions of each day (days_since_epoch), from which the
/// counts and the runs of days come. In a change, entries can be negative.
struct Sums {
  Totals totals;
  std::map<long, DayCount> days;
  bool operator==(const Sums&) const = default;
};

/// What removing the sessions `removed` and adding `added` changes in the
/// kept sums; entries that do not change are left out.
Sums sums_change(const std::vector<Session>& removed, const std::vector<Session>& added);

/// The runs of days in a row among `days` (sorted ascending, distinct):
/// fills totals.days, longest_run, last_run and last_day.
void add_runs(const std::vector<long>& days, Totals& totals);

}  // namespace plantar::journal
