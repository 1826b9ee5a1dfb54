// What every journal store must answer, checked against the sessions it
// holds: the last N, one by id, those since a time, the count, the rating
// series and the statistics' sums (equal to totals_of(sessions())).
#include "journal_contract.h"

#include <algorithm>
#include <map>
#include <random>

#include "plantar/insights.h"

namespace plantar::test {

std::vector<journal::Session> varied_sessions(int count, unsigned seed) {
  std::mt19937 random(seed);
  auto below = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const std::vector<std::string> goals{"relax", "sleep", "plantar_fasciitis", "circulation"};
  const std::vector<std::string> techniques{"arch_knead", "toe_spread", "thumb_walk_arch", "toe_stretch"};
  std::vector<journal::Session> out;
  Timestamp at = *parse_timestamp("2025-01-01 08:00");
  for (int i = 0; i < count; ++i) {
    at = add_minutes(at, 60 * (1 + below(30)) + below(60));  // some days have none, some two
    journal::Session s;
    s.start = at;
    if (below(4) > 0) s.minutes = 5 + below(20);
    for (const auto& m : journal::session_measures) {
      if (below(5) > 0) s.before[m] = below(11);
      if (below(5) > 0) s.after[m] = below(11);
    }
    if (below(3) == 0) s.morning["sleep"] = below(11);
    if (below(4) == 0) s.morning["heel_pain"] = below(11);
    for (int g = below(3); g > 0; --g) {
      const auto& goal = goals[static_cast<std::size_t>(below(4))];
      if (std::find(s.goals.begin(), s.goals.end(), goal) == s.goals.end()) s.goals.push_back(goal);
    }
    if (below(2) == 0) s.techniques = {techniques[static_cast<std::size_t>(below(4))]};
    if (below(3) == 0) s.sore.push_back({Foot::left, Region::heel, 0.25, 0.5, below(11)});
    s.finished = below(8) > 0;
    if (!s.finished) s.stop_reason = "phone rang";
    if (below(5) == 0) s.note = "note " + std::to_string(i);
    out.push_back(s);
  }
  return out;
}

namespace {

std::vector<journal::Session> stored(int count, journal::Journal& store, unsigned seed = 15) {
  auto sessions = varied_sessions(count, seed);
  // Half recorded one by one, half imported: both paths fill every column.
  for (std::size_t i = 0; i < sessions.size() / 2; ++i) store.record_session(sessions[i]);
  store.import_sessions({sessions.begin() + static_cast<long>(sessions.size() / 2), sessions.end()});
  return store.sessions();
}

TEST_P(JournalContract, TotalsAreTheSumsOfTheSessions) {
  auto store = open();
  EXPECT_EQ(store->totals(), journal::Totals{});
  auto sessions = stored(600, *store);
  auto totals = store->totals();
  EXPECT_EQ(totals, journal::totals_of(sessions));
  EXPECT_EQ(totals.sessions, 600);
  EXPECT_GT(totals.longest_run, 1);  // the data has runs and gaps
  EXPECT_GT(totals.days, totals.longest_run);
  EXPECT_FALSE(totals.goals.empty());
  EXPECT_FALSE(totals.mornings.empty());
}

TEST_P(JournalContract, TotalsFollowCorrectionsAndDeletions) {
  auto store = open();
  auto sessions = stored(120, *store);
  auto moved = sessions[10];
  moved.start = *parse_timestamp("2027-03-01 07:00");  // another week, another day
  moved.goals = {"sleep"};
  moved.before = {{"stress", 9}, {"pain", 8}, {"tension", 7}};
  moved.after = {{"stress", 2}, {"pain", 3}, {"tension", 1}};
  ASSERT_TRUE(store->replace_session(moved));
  ASSERT_TRUE(store->delete_session(sessions[20].id));
  store->record_morning(sessions[30].id, {{"sleep", 4}});
  EXPECT_EQ(store->totals(), journal::totals_of(store->sessions()));
  EXPECT_EQ(store->session_count(), 119);
}

// The store keeps its sums by adding what each write changes: after every
// kind of write, in any order, they must still be the sums of the sessions
// (a sum that drifted, or a row left at zero, fails here).
TEST_P(JournalContract, KeptSumsFollowEveryWrite) {
  auto store = open();
  std::mt19937 random(21);
  auto below = [&](std::size_t n) { return static_cast<std::size_t>(random() % n); };
  auto pool = varied_sessions(400, 5);
  std::size_t next = 0;
  auto fresh = [&] { return pool[next++ % pool.size()]; };
  for (int step = 0; step < 240; ++step) {
    auto sessions = store->sessions();
    switch (sessions.empty() ? 0 : below(6)) {
      case 0: store->record_session(fresh()); break;
      case 1: {  // a correction: the content of another session, somewhere else in time
        auto changed = fresh();
        changed.id = sessions[below(sessions.size())].id;
        ASSERT_TRUE(store->replace_session(changed));
        break;
      }
      case 2: ASSERT_TRUE(store->delete_session(sessions[below(sessions.size())].id)); break;
      case 3:  // a new morning rating, or one that replaces the one stored
        store->record_morning(sessions[below(sessions.size())].id,
                              {{below(2) == 0 ? "sleep" : "heel_pain", static_cast<int>(below(11))}});
        break;
      default: {
        std::vector<journal::Session> batch;
        for (std::size_t i = below(4); i > 0; --i) batch.push_back(fresh());
        if (below(2) == 0) batch.push_back(sessions[below(sessions.size())]);  // already stored: skipped
        store->import_sessions(batch);
      }
    }
    if (step % 20 == 19) ASSERT_EQ(store->totals(), journal::totals_of(store->sessions())) << "step " << step;
  }
  EXPECT_EQ(store->totals(), journal::totals_of(store->sessions()));
  EXPECT_FALSE(store->delete_session(-1));
  for (const auto& s : store->sessions()) ASSERT_TRUE(store->delete_session(s.id));
  EXPECT_EQ(store->totals(), journal::Totals{});  // every kept row came back to nothing and is gone
}

// The last sessions of a week, a day and a goal removed: their rows go, and
// a correction that moves a session to another week moves its sums.
TEST_P(JournalContract, KeptSumsOfAWeekGoWithItsLastSession) {
  auto store = open();
  auto lonely = varied_sessions(1, 9).front();
  lonely.start = *parse_timestamp("2031-06-04 21:00");
  lonely.goals = {"circulation"};
  lonely.techniques = {"toe_stretch"};
  lonely.before = {{"stress", 8}};
  lonely.after = {{"stress", 3}};
  lonely.morning = {{"sleep", 6}};
  store->record_session(varied_sessions(1, 9).front());
  auto id = store->record_session(lonely);
  auto totals = store->totals();
  EXPECT_EQ(totals.measures["stress"]["2031-W23"].change, (journal::Moments{1, -5, 25}));
  EXPECT_EQ(totals.mornings["sleep"]["2031-W23"], (journal::Moments{1, 6, 36}));
  auto moved = lonely;
  moved.id = id;
  moved.start = *parse_timestamp("2031-06-16 08:00");
  ASSERT_TRUE(store->replace_session(moved));
  totals = store->totals();
  EXPECT_FALSE(totals.measures["stress"].contains("2031-W23"));
  EXPECT_EQ(totals.measures["stress"]["2031-W25"].change, (journal::Moments{1, -5, 25}));
  EXPECT_EQ(store->totals(), journal::totals_of(store->sessions()));
  ASSERT_TRUE(store->delete_session(id));
  totals = store->totals();
  EXPECT_EQ(totals, journal::totals_of(store->sessions()));
  EXPECT_FALSE(totals.mornings["sleep"].contains("2031-W25"));
  EXPECT_EQ(totals.sessions, 1);
  EXPECT_EQ(totals.days, 1);
}

TEST_P(JournalContract, LastSessionsAreTheNewestFirst) {
  auto store = open();
  EXPECT_TRUE(store->last_sessions(20).empty());
  auto sessions = stored(50, *store);
  std::vector<journal::Session> newest(sessions.rbegin(), sessions.rbegin() + 20);
  EXPECT_EQ(store->last_sessions(20), newest);
  EXPECT_EQ(store->last_sessions(1).front(), sessions.back());
  auto all = store->last_sessions(1000);
  EXPECT_EQ(std::vector<journal::Session>(all.rbegin(), all.rend()), sessions);
}

TEST_P(JournalContract, SameStartTimesKeepTheirOrder) {
  auto store = open();
  auto one = varied_sessions(3, 7);
  for (auto& s : one) s.start = one[0].start;
  for (const auto& s : one) store->record_session(s);
  auto sessions = store->sessions();
  ASSERT_EQ(sessions.size(), 3u);
  EXPECT_LT(sessions[0].id, sessions[2].id);
  EXPECT_EQ(store->last_sessions(2), (std::vector<journal::Session>{sessions[2], sessions[1]}));
}

TEST_P(JournalContract, OneSessionById) {
  auto store = open();
  auto sessions = stored(30, *store);
  for (const auto& s : sessions) EXPECT_EQ(store->session(s.id), s);
  EXPECT_FALSE(store->session(sessions.back().id + 1000));
  EXPECT_FALSE(store->session(0));
  EXPECT_FALSE(store->session(-1));
}

TEST_P(JournalContract, SessionsSinceATime) {
  auto store = open();
  auto sessions = stored(80, *store);
  const Timestamp from = sessions[57].start;
  std::vector<journal::Session> expected(sessions.begin() + 57, sessions.end());
  EXPECT_EQ(store->sessions_since(from), expected);
  EXPECT_EQ(store->sessions_since(add_minutes(sessions.back().start, 1)).size(), 0u);
  EXPECT_EQ(store->sessions_since(*parse_timestamp("1999-01-01 00:00")), sessions);
}

TEST_P(JournalContract, CountAndRatingSeries) {
  auto store = open();
  EXPECT_EQ(store->session_count(), 0);
  auto sessions = stored(70, *store);
  EXPECT_EQ(store->session_count(), 70);
  for (const char* phase : {"before", "after", "morning"}) {
    for (const auto& measure : {"stress", "pain", "sleep"}) {
      std::vector<int> expected;
      for (const auto& s : sessions) {
        const auto& ratings = std::string(phase) == "before"  ? s.before
                              : phase == std::string("after") ? s.after
                                                              : s.morning;
        if (auto it = ratings.find(measure); it != ratings.end()) expected.push_back(it->second);
      }
      EXPECT_EQ(store->rating_series(phase, measure), expected) << phase << " " << measure;
    }
  }
}

TEST_P(JournalContract, ImportSkipsWhatIsStoredAndRepeatsInTheFile) {
  auto store = open();
  auto sessions = varied_sessions(40, 3);
  EXPECT_EQ(store->import_sessions({sessions.begin(), sessions.begin() + 30}), 30);
  std::vector<journal::Session> again(sessions.begin() + 20, sessions.end());
  again.push_back(sessions[35]);  // twice in the same file
  EXPECT_EQ(store->import_sessions(again), 10);
  EXPECT_EQ(store->session_count(), 40);
  auto changed = sessions[5];
  changed.note = "another note";  // the same start, other content: a new session
  EXPECT_EQ(store->import_sessions({changed}), 1);
  EXPECT_EQ(store->session_count(), 41);
}

// An import larger than the slices a store may write it in: every session,
// rating and sore spot comes back as it went in, in order.
TEST_P(JournalContract, ALargeImportComesBackWhole) {
  auto store = open();
  auto sessions = varied_sessions(2600, 11);
  sessions[1500].sore.push_back({Foot::right, Region::arch, 0.1, 0.30000000000000004, 2});
  sessions[1500].note = "a \"quoted\" note, with {braces}, a back\\slash and\na new line";
  sessions[1501].end = add_minutes(sessions[1501].start, 12);
  EXPECT_EQ(store->import_sessions(sessions), 2600);
  auto stored = store->sessions();
  ASSERT_EQ(stored.size(), sessions.size());
  for (auto& s : stored) s.id = 0;
  EXPECT_EQ(stored, sessions);
  EXPECT_EQ(store->totals(), journal::totals_of(sessions));
  EXPECT_EQ(store->import_sessions(sessions), 0);
}

// The store's sums give the means that each session's own change gives.
TEST_P(JournalContract, AssociationsMatchEachSessionsChange) {
  auto store = open();
  auto sessions = stored(300, *store);
  Timestamp today = add_minutes(sessions.back().start, 60);
  auto stats = insights::from_totals(store->totals(), today);
  std::map<std::string, std::vector<double>> changes;
  for (const auto& s : sessions)
    if (auto change = insights::session_change(s))
      for (const auto& goal : s.goals) changes[goal].push_back(*change);
  ASSERT_EQ(stats.goals.size(), changes.size());
  for (const auto& goal : stats.goals) {
    auto expected = insights::summarize(changes[goal.id]);
    EXPECT_EQ(goal.change.count, expected.count);
    EXPECT_NEAR(goal.change.mean, expected.mean, 1e-12) << goal.id;
    EXPECT_NEAR(*goal.change.sd, *expected.sd, 1e-12) << goal.id;
  }
  EXPECT_GE(stats.streaks.current, 1);
}

INSTANTIATE_TEST_SUITE_P(
    Sqlite, JournalContract,
    ::testing::Values(StoreOpener{
        "sqlite", [](const TempDir& dir) { return journal::open_sqlite_journal(dir.file("j.db")); }}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace plantar::test
