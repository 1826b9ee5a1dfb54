// What a write changes in the sums a store keeps: the sums of the sessions
// it adds minus those of the sessions it removes, by the same totals_of that
// the stores' answers are tested against.
#include "plantar/journal_sums.h"

namespace plantar::journal {
namespace {

bool is_zero(const Moments& m) { return m.count == 0 && m.sum == 0 && m.squares == 0; }
bool is_zero(const PairMoments& p) { return is_zero(p.before) && is_zero(p.after) && is_zero(p.change); }
bool is_zero(int n) { return n == 0; }
bool is_zero(const DayCount& d) { return d.sessions == 0 && d.finished == 0; }

int negated(int n) { return -n; }
Moments negated(const Moments& m) { return {-m.count, -m.sum, -m.squares}; }
PairMoments negated(const PairMoments& p) { return {negated(p.before), negated(p.after), negated(p.change)}; }

void add(Moments& to, const Moments& m) { to.add(m); }
void add(PairMoments& to, const PairMoments& p) { to.add(p); }
void add(int& to, int n) { to += n; }

// `to` -= `removed`, then the entries that came to nothing are dropped.
template <typename Key, typename Value>
void subtract(std::map<Key, Value>& to, const std::map<Key, Value>& removed) {
  for (const auto& [key, value] : removed) add(to[key], negated(value));
  std::erase_if(to, [](const auto& entry) { return is_zero(entry.second); });
}

template <typename Key, typename Inner>
void subtract(std::map<Key, std::map<std::string, Inner>>& to,
              const std::map<Key, std::map<std::string, Inner>>& removed) {
  for (const auto& [key, inner] : removed) subtract(to[key], inner);
  std::erase_if(to, [](const auto& entry) { return entry.second.empty(); });
}

void count_days(const std::vector<Session>& sessions, std::int64_t sign, std::map<long, DayCount>& days) {
  for (const auto& s : sessions) {
    auto& day = days[days_since_epoch(s.start)];
    day.sessions += sign;
    day.finished += s.finished ? sign : 0;
  }
}

}  // namespace

Sums sums_change(const std::vector<Session>& removed, const std::vector<Session>& added) {
  Sums change;
  change.totals = totals_of(added);
  Totals gone = totals_of(removed);
  auto& t = change.totals;
  subtract(t.measures, gone.measures);
  subtract(t.mornings, gone.mornings);
  subtract(t.goals, gone.goals);
  subtract(t.techniques, gone.techniques);
  subtract(t.goal_sessions, gone.goal_sessions);
  // Only the kept parts: the counts and runs come from the days.
  Totals kept;
  kept.measures = std::move(t.measures);
  kept.mornings = std::move(t.mornings);
  kept.goals = std::move(t.goals);
  kept.techniques = std::move(t.techniques);
  kept.goal_sessions = std::move(t.goal_sessions);
  change.totals = std::move(kept);
  count_days(added, 1, change.days);
  count_days(removed, -1, change.days);
  std::erase_if(change.days, [](const auto& entry) { return is_zero(entry.second); });
  return change;
}

}  // namespace plantar::journal
