// The sums kept in the SQLite journal, so that `stats` reads one row a week
// and measure, one a goal or technique and one a day, whatever the number
// of sessions. Whole numbers only: adding and taking away is exact.
#include "sqlite_sums.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include "plantar/errors.h"
#include "plantar/split.h"

namespace plantar::journal {

// A pair's before, after and change have the same count: one column for it.
const char* const sums_schema = R"sql(
CREATE TABLE pair_sums (
  measure TEXT NOT NULL,
  week TEXT NOT NULL,
  count INTEGER NOT NULL,
  before_sum INTEGER NOT NULL, before_squares INTEGER NOT NULL,
  after_sum INTEGER NOT NULL, after_squares INTEGER NOT NULL,
  change_sum INTEGER NOT NULL, change_squares INTEGER NOT NULL,
  PRIMARY KEY (measure, week)
) WITHOUT ROWID;
CREATE TABLE morning_sums (
  measure TEXT NOT NULL,
  week TEXT NOT NULL,
  count INTEGER NOT NULL, sum INTEGER NOT NULL, squares INTEGER NOT NULL,
  PRIMARY KEY (measure, week)
) WITHOUT ROWID;
CREATE TABLE change_sums (
  kind TEXT NOT NULL CHECK (kind IN ('goal', 'technique')),
  id TEXT NOT NULL,
  count INTEGER NOT NULL, sum INTEGER NOT NULL, squares INTEGER NOT NULL,
  sessions INTEGER NOT NULL,
  PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE TABLE day_sums (
  day INTEGER PRIMARY KEY,
  sessions INTEGER NOT NULL,
  finished INTEGER NOT NULL
);
)sql";

namespace {

void bind_moments(SQLite::Statement& statement, int first, const Moments& m) {
  statement.bind(first, m.sum);
  statement.bind(first + 1, m.squares);
}

Moments moments(const SQLite::Statement& query, int first) {
  return {query.getColumn(first).getInt64(), query.getColumn(first + 1).getInt64(),
          query.getColumn(first + 2).getInt64()};
}

// Runs `statement` once with the bindings `bind` sets, then readies it for the next row.
template <typename F>
void run(SQLite::Statement& statement, F bind) {
  bind(statement);
  statement.exec();
  statement.reset();
  statement.clearBindings();
}

void add_pairs(SQLite::Database& db, const Totals& change) {
  SQLite::Statement upsert(
      db,
      "INSERT INTO pair_sums VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (measure, week) DO UPDATE SET "
      "count = count + excluded.count, before_sum = before_sum + excluded.before_sum, "
      "before_squares = before_squares + excluded.before_squares, after_sum = after_sum + "
      "excluded.after_sum, "
      "after_squares = after_squares + excluded.after_squares, change_sum = change_sum + "
      "excluded.change_sum, "
      "change_squares = change_squares + excluded.change_squares");
  SQLite::Statement drop(db, "DELETE FROM pair_sums WHERE measure = ? AND week = ? AND count = 0");
  for (const auto& [measure, weeks] : change.measures)
    for (const auto& [week, pair] : weeks) {
      run(upsert, [&](SQLite::Statement& s) {
        s.bind(1, measure);
        s.bind(2, week);
        s.bind(3, pair.change.count);
        bind_moments(s, 4, pair.before);
        bind_moments(s, 6, pair.after);
        bind_moments(s, 8, pair.change);
      });
      if (pair.change.count < 0)
        run(drop, [&](SQLite::Statement& s) {
          s.bind(1, measure);
          s.bind(2, week);
        });
    }
}

void add_mornings(SQLite::Database& db, const Totals& change) {
  SQLite::Statement upsert(db,
                           "INSERT INTO morning_sums VALUES (?, ?, ?, ?, ?) ON CONFLICT (measure, week) DO "
                           "UPDATE SET count = count + excluded.count, sum = sum + excluded.sum, "
                           "squares = squares + excluded.squares");
  SQLite::Statement drop(db, "DELETE FROM morning_sums WHERE measure = ? AND week = ? AND count = 0");
  for (const auto& [measure, weeks] : change.mornings)
    for (const auto& [week, m] : weeks) {
      run(upsert, [&](SQLite::Statement& s) {
        s.bind(1, measure);
        s.bind(2, week);
        s.bind(3, m.count);
        bind_moments(s, 4, m);
      });
      if (m.count < 0)
        run(drop, [&](SQLite::Statement& s) {
          s.bind(1, measure);
          s.bind(2, week);
        });
    }
}

// Goals and techniques share a table: a goal's row also counts the
// sessions that had it, with a change or not (goal_sessions).
void add_changes(SQLite::Database& db, const Totals& change) {
  SQLite::Statement upsert(
      db,
      "INSERT INTO change_sums VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE "
      "SET count = count + excluded.count, sum = sum + excluded.sum, "
      "squares = squares + excluded.squares, sessions = sessions + excluded.sessions");
  SQLite::Statement drop(db,
                         "DELETE FROM change_sums WHERE kind = ? AND id = ? AND count = 0 AND sessions = 0");
  auto add = [&](const char* kind, const std::string& id, const Moments& m, std::int64_t sessions) {
    run(upsert, [&](SQLite::Statement& s) {
      s.bind(1, kind);
      s.bind(2, id);
      s.bind(3, m.count);
      bind_moments(s, 4, m);
      s.bind(6, sessions);
    });
    if (m.count < 0 || sessions < 0)
      run(drop, [&](SQLite::Statement& s) {
        s.bind(1, kind);
        s.bind(2, id);
      });
  };
  for (const auto& row : change_rows(change)) add(row.kind, row.id, row.change, row.sessions);
}

void add_days(SQLite::Database& db, const std::map<long, DayCount>& days) {
  SQLite::Statement upsert(
      db,
      "INSERT INTO day_sums VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET "
      "sessions = sessions + excluded.sessions, finished = finished + excluded.finished");
  SQLite::Statement drop(db, "DELETE FROM day_sums WHERE day = ? AND sessions = 0");
  for (const auto& [day, count] : days) {
    run(upsert, [&](SQLite::Statement& s) {
      s.bind(1, static_cast<std::int64_t>(day));
      s.bind(2, count.sessions);
      s.bind(3, count.finished);
    });
    if (count.sessions < 0)
      run(drop, [&](SQLite::Statement& s) { s.bind(1, static_cast<std::int64_t>(day)); });
  }
}

Timestamp stored_time(const SQLite::Column& column) {
  auto t = parse_timestamp(column.getString());
  if (!t) throw Failure("the journal holds a broken time '" + column.getString() + "'");
  return *t;
}

}  // namespace

void add_to_sums(SQLite::Database& db, const Sums& change) {
  add_pairs(db, change.totals);
  add_mornings(db, change.totals);
  add_changes(db, change.totals);
  add_days(db, change.days);
}

void fill_sums(SQLite::Database& db) {
  // What the sums need of each session: its start, goals, techniques, state and ratings.
  std::vector<Session> sessions;
  std::map<std::int64_t, std::size_t> index;
  SQLite::Statement rows(db, "SELECT id, started, goals, techniques, finished FROM sessions");
  while (rows.executeStep()) {
    Session s;
    s.id = rows.getColumn(0).getInt64();
    s.start = stored_time(rows.getColumn(1));
    s.goals = split(rows.getColumn(2).getString(), ',');
    s.techniques = split(rows.getColumn(3).getString(), ',');
    s.finished = rows.getColumn(4).getInt() != 0;
    index[s.id] = sessions.size();
    sessions.push_back(std::move(s));
  }
  SQLite::Statement ratings(db, "SELECT session_id, phase, measure, value FROM ratings");
  while (ratings.executeStep()) {
    auto found = index.find(ratings.getColumn(0).getInt64());
    if (found == index.end()) continue;  // a rating left by a deleted session counts for nothing
    auto& s = sessions[found->second];
    std::string phase = ratings.getColumn(1).getString();
    auto& to = phase == "before" ? s.before : phase == "after" ? s.after : s.morning;
    to[ratings.getColumn(2).getString()] = ratings.getColumn(3).getInt();
  }
  add_to_sums(db, sums_change({}, sessions));
}

Totals read_sums(SQLite::Database& db) {
  Totals totals;
  SQLite::Statement pairs(db, "SELECT * FROM pair_sums");
  while (pairs.executeStep()) {
    auto count = pairs.getColumn(2).getInt64();
    auto& pair = totals.measures[pairs.getColumn(0).getString()][pairs.getColumn(1).getString()];
    pair.before = {count, pairs.getColumn(3).getInt64(), pairs.getColumn(4).getInt64()};
    pair.after = {count, pairs.getColumn(5).getInt64(), pairs.getColumn(6).getInt64()};
    pair.change = {count, pairs.getColumn(7).getInt64(), pairs.getColumn(8).getInt64()};
  }
  SQLite::Statement mornings(db, "SELECT * FROM morning_sums");
  while (mornings.executeStep())
    totals.mornings[mornings.getColumn(0).getString()][mornings.getColumn(1).getString()] =
        moments(mornings, 2);
  SQLite::Statement changes(db, "SELECT * FROM change_sums");
  while (changes.executeStep()) {
    bool goal = changes.getColumn(0).getString() == "goal";
    std::string id = changes.getColumn(1).getString();
    Moments m = moments(changes, 2);
    if (m.count != 0) (goal ? totals.goals : totals.techniques)[id] = m;
    if (auto sessions = changes.getColumn(5).getInt(); goal && sessions != 0)
      totals.goal_sessions[id] = sessions;
  }
  std::vector<long> days;
  SQLite::Statement day_rows(db, "SELECT day, sessions, finished FROM day_sums ORDER BY day");
  while (day_rows.executeStep()) {
    days.push_back(static_cast<long>(day_rows.getColumn(0).getInt64()));
    totals.sessions += day_rows.getColumn(1).getInt();
    totals.finished += day_rows.getColumn(2).getInt();
  }
  add_runs(days, totals);
  // Two look-ups in the index on the start time (one MIN or MAX a query uses it).
  SQLite::Statement ends(db,
                         "SELECT (SELECT MIN(started) FROM sessions), (SELECT MAX(started) FROM sessions)");
  ends.executeStep();
  if (!ends.getColumn(0).isNull()) totals.first = stored_time(ends.getColumn(0));
  if (!ends.getColumn(1).isNull()) totals.last = stored_time(ends.getColumn(1));
  return totals;
}

}  // namespace plantar::journal
