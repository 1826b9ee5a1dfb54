// The journal of one account in PostgreSQL: the same behaviour as the
// SQLite journal (tests/journal_store_test.cc and the store contract run
// over both), every query scoped to the account, every write one
// transaction. Reads are bounded queries through the index on
// (account_id, started, id); the statistics' sums are added up in SQL.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "migrate.h"
#include "plantar/pg_store.h"
#include "plantar/split.h"
#include "pool.h"

namespace plantar::store_pg {
namespace {

using journal::Moments;
using journal::Ratings;
using journal::Session;
using journal::SoreSpot;
using journal::Totals;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

std::optional<std::string> end_text(const Session& s) {
  return s.end ? std::optional(format_timestamp(*s.end)) : std::nullopt;
}

Timestamp stored_time(const std::string& text) {
  auto t = parse_timestamp(text);
  if (!t) throw Failure("the PostgreSQL store holds a broken time '" + text + "'");
  return *t;
}

std::optional<int> optional_int(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return field.as<int>();
}

// A PostgreSQL array literal of plain words ("{1,2,3}"); the words here are
// ids and timestamps, which need no quoting.
template <typename T, typename F>
std::string array_of(const std::vector<T>& items, F word) {
  std::string out = "{";
  for (const auto& item : items) out += (out.size() > 1 ? "," : "") + word(item);
  return out + "}";
}

constexpr const char* session_columns =
    "id, started, ended, minutes, goals, techniques, routine, steps_total, steps_done, finished, "
    "stop_reason, note";

Session session_from_row(const pqxx::row& row) {
  Session s;
  s.id = row[0].as<std::int64_t>();
  s.start = stored_time(row[1].as<std::string>());
  if (!row[2].is_null()) s.end = stored_time(row[2].as<std::string>());
  s.minutes = optional_int(row[3]);
  s.goals = split(row[4].as<std::string>(), ',');
  s.techniques = split(row[5].as<std::string>(), ',');
  s.routine_json = row[6].as<std::string>();
  s.steps_total = optional_int(row[7]);
  s.steps_done = optional_int(row[8]);
  s.finished = row[9].as<bool>();
  s.stop_reason = row[10].as<std::string>();
  s.note = row[11].as<std::string>();
  return s;
}

Ratings& phase_of(Session& s, const std::string& phase) {
  return phase == "before" ? s.before : phase == "after" ? s.after : s.morning;
}

Moments moments(const pqxx::row& row, int first) {
  return {row[first].as<std::int64_t>(), row[first + 1].as<std::int64_t>(),
          row[first + 2].as<std::int64_t>()};
}

class PgJournal final : public AccountJournal {
 public:
  PgJournal(Database& db, std::int64_t account) : pool_(db.pool()), account_(account) {}

  std::int64_t record_session(const Session& session) override { return record_session_once(session, ""); }

  std::int64_t record_session_once(const Session& session, const std::string& key) override {
    return in_transaction(pool_, [&](pqxx::transaction_base& tx) -> std::int64_t {
      if (!key.empty()) {
        // Taken by the first of two racing requests; the second waits, then finds it.
        tx.exec_params("SELECT pg_advisory_xact_lock($1, hashtext($2))",
                       static_cast<int>(account_ % 2147483647), key);
        auto found = tx.exec_params("SELECT id FROM sessions WHERE account_id = $1 AND idempotency_key = $2",
                                    account_, key);
        if (!found.empty()) return found[0][0].as<std::int64_t>();
      }
      return insert(tx, session, key);
    });
  }

  bool replace_session(const Session& s) override {
    return in_transaction(pool_, [&](pqxx::transaction_base& tx) {
      auto updated = tx.exec_params(
          "UPDATE sessions SET started = $1, ended = $2, minutes = $3, goals = $4, techniques = $5, "
          "routine = $6, steps_total = $7, steps_done = $8, finished = $9, stop_reason = $10, note = $11, "
          "day = $12, week = $13 WHERE id = $14 AND account_id = $15",
          format_timestamp(s.start), end_text(s), s.minutes, join(s.goals), join(s.techniques),
          s.routine_json, s.steps_total, s.steps_done, s.finished, s.stop_reason, s.note,
          static_cast<std::int64_t>(days_since_epoch(s.start)), iso_week(s.start), s.id, account_);
      if (updated.affected_rows() == 0) return false;
      tx.exec_params("DELETE FROM ratings WHERE session_id = $1", s.id);
      tx.exec_params("DELETE FROM sore_spots WHERE session_id = $1", s.id);
      insert_details(tx, s.id, s);
      return true;
    });
  }

  bool delete_session(std::int64_t id) override {
    return in_transaction(pool_, [&](pqxx::transaction_base& tx) {
      return tx.exec_params("DELETE FROM sessions WHERE id = $1 AND account_id = $2", id, account_)
                 .affected_rows() > 0;
    });
  }

  void record_morning(std::int64_t id, const Ratings& morning) override {
    in_transaction(pool_, [&](pqxx::transaction_base& tx) {
      auto found =
          tx.exec_params("SELECT 1 FROM sessions WHERE id = $1 AND account_id = $2 FOR UPDATE", id, account_);
      if (found.empty()) throw Failure(fmt::format("no session {} in the journal", id));
      insert_ratings(tx, id, "morning", morning);
    });
  }

  // Duplicates are found through the index on the start time: only the
  // stored sessions that share a start with an imported one are read.
  int import_sessions(const std::vector<Session>& sessions) override {
    return in_transaction(pool_, [&](pqxx::transaction_base& tx) {
      // One writer per account at a time, so two imports cannot both add a session.
      tx.exec_params("SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE", account_);
      std::multimap<std::string, Session> stored;
      auto starts = array_of(sessions, [](const Session& s) { return format_timestamp(s.start); });
      for (auto& s : query(tx, "started = ANY($2::text[]) ORDER BY started, id", starts)) {
        s.id = 0;
        stored.emplace(format_timestamp(s.start), std::move(s));
      }
      int added = 0;
      for (auto session : sessions) {
        session.id = 0;
        auto [first, last] = stored.equal_range(format_timestamp(session.start));
        if (std::any_of(first, last, [&](const auto& entry) { return entry.second == session; })) continue;
        insert(tx, session, "");
        stored.emplace(format_timestamp(session.start), session);
        ++added;
      }
      return added;
    });
  }

  std::vector<Session> sessions() const override {
    return read([&](pqxx::transaction_base& tx) { return query(tx, "TRUE ORDER BY started, id"); });
  }

  std::vector<Session> last_sessions(int count) const override {
    return read([&](pqxx::transaction_base& tx) {
      return query(tx, "TRUE ORDER BY started DESC, id DESC LIMIT $2", std::max(count, 0));
    });
  }

  std::optional<Session> session(std::int64_t session_id) const override {
    return read([&](pqxx::transaction_base& tx) -> std::optional<Session> {
      auto found = query(tx, "id = $2", session_id);
      if (found.empty()) return std::nullopt;
      return found.front();
    });
  }

  std::vector<Session> sessions_since(const Timestamp& from) const override {
    return read([&](pqxx::transaction_base& tx) {
      return query(tx, "started >= $2 ORDER BY started, id", format_timestamp(from));
    });
  }

  std::int64_t session_count() const override {
    return read([&](pqxx::transaction_base& tx) {
      return tx.exec_params1("SELECT count(*) FROM sessions WHERE account_id = $1", account_)[0]
          .as<std::int64_t>();
    });
  }

  Totals totals() const override {
    return read([&](pqxx::transaction_base& tx) {
      Totals totals;
      add_counts(tx, totals);
      add_measures(tx, totals);
      add_mornings(tx, totals);
      add_runs(tx, totals);
      add_associations(tx, totals);
      return totals;
    });
  }

  std::vector<int> rating_series(const std::string& phase, const std::string& measure) const override {
    return read([&](pqxx::transaction_base& tx) {
      std::vector<int> out;
      for (const auto& row : tx.exec_params(
               "SELECT r.value FROM sessions s JOIN ratings r ON r.session_id = s.id AND r.phase = $2 AND "
               "r.measure = $3 WHERE s.account_id = $1 ORDER BY s.started, s.id",
               account_, phase, measure))
        out.push_back(row[0].as<int>());
      return out;
    });
  }

  int schema_version() const override { return store_pg::schema_version(pool_); }

  int count_key(const std::string& key) override {
    return in_transaction(pool_, [&](pqxx::transaction_base& tx) {
      return tx
          .exec_params1("SELECT count(*) FROM sessions WHERE account_id = $1 AND idempotency_key = $2",
                        account_, key)[0]
          .as<int>();
    });
  }

 private:
  // A read in one snapshot (REPEATABLE READ), so its several queries agree.
  template <typename F>
  auto read(F work) const -> decltype(work(std::declval<pqxx::transaction_base&>())) {
    return in_transaction<pqxx::repeatable_read>(pool_, work);
  }

  // The account's sessions WHERE `condition` ($1 is the account, then `args`),
  // each with its ratings and sore spots.
  template <typename... Args>
  std::vector<Session> query(pqxx::transaction_base& tx, const std::string& condition, Args&&... args) const {
    std::vector<Session> out;
    for (const auto& row : tx.exec_params(
             fmt::format("SELECT {} FROM sessions WHERE account_id = $1 AND {}", session_columns, condition),
             account_, std::forward<Args>(args)...))
      out.push_back(session_from_row(row));
    attach_details(tx, out);
    return out;
  }

  void attach_details(pqxx::transaction_base& tx, std::vector<Session>& sessions) const {
    if (sessions.empty()) return;
    std::map<std::int64_t, Session*> by_id;
    for (auto& s : sessions) by_id[s.id] = &s;
    auto ids = array_of(sessions, [](const Session& s) { return std::to_string(s.id); });
    for (const auto& row : tx.exec_params(
             "SELECT session_id, phase, measure, value FROM ratings WHERE session_id = ANY($1::bigint[])",
             ids))
      phase_of(*by_id.at(row[0].as<std::int64_t>()), row[1].as<std::string>())[row[2].as<std::string>()] =
          row[3].as<int>();
    for (const auto& row : tx.exec_params("SELECT session_id, foot, region, x, y, intensity FROM sore_spots "
                                          "WHERE session_id = ANY($1::bigint[]) ORDER BY id",
                                          ids)) {
      auto foot = parse_foot(row[1].as<std::string>());
      auto region = parse_region(row[2].as<std::string>());
      if (!foot || !region) throw Failure("the PostgreSQL store holds a sore spot in an unknown place");
      by_id.at(row[0].as<std::int64_t>())
          ->sore.push_back(
              SoreSpot{*foot, *region, row[3].as<double>(), row[4].as<double>(), row[5].as<int>()});
    }
  }

  std::int64_t insert(pqxx::transaction_base& tx, const Session& s, const std::string& key) {
    std::optional<std::string> stored_key = key.empty() ? std::nullopt : std::optional(key);
    auto id =
        tx.exec_params1(
              "INSERT INTO sessions (account_id, started, ended, minutes, goals, techniques, routine, "
              "steps_total, steps_done, finished, stop_reason, note, idempotency_key, day, week) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
              account_, format_timestamp(s.start), end_text(s), s.minutes, join(s.goals), join(s.techniques),
              s.routine_json, s.steps_total, s.steps_done, s.finished, s.stop_reason, s.note, stored_key,
              static_cast<std::int64_t>(days_since_epoch(s.start)), iso_week(s.start))[0]
            .as<std::int64_t>();
    insert_details(tx, id, s);
    return id;
  }

  static void insert_details(pqxx::transaction_base& tx, std::int64_t id, const Session& s) {
    insert_ratings(tx, id, "before", s.before);
    insert_ratings(tx, id, "after", s.after);
    insert_ratings(tx, id, "morning", s.morning);
    for (const auto& spot : s.sore)
      tx.exec_params(
          "INSERT INTO sore_spots (session_id, foot, region, x, y, intensity) VALUES ($1, $2, $3, $4, $5, "
          "$6)",
          id, std::string(name(spot.foot)), std::string(name(spot.region)), spot.x, spot.y, spot.intensity);
  }

  static void insert_ratings(pqxx::transaction_base& tx, std::int64_t id, const char* phase,
                             const Ratings& ratings) {
    for (const auto& [measure, value] : ratings)
      tx.exec_params(
          "INSERT INTO ratings (session_id, phase, measure, value) VALUES ($1, $2, $3, $4) "
          "ON CONFLICT (session_id, phase, measure) DO UPDATE SET value = EXCLUDED.value",
          id, std::string(phase), measure, value);
  }

  // --- the statistics' sums, the same queries as the SQLite journal's -----

  void add_counts(pqxx::transaction_base& tx, Totals& totals) const {
    auto row = tx.exec_params1(
        "SELECT count(*), coalesce(sum(finished::int), 0), min(started), max(started) FROM sessions "
        "WHERE account_id = $1",
        account_);
    totals.sessions = row[0].as<int>();
    totals.finished = row[1].as<int>();
    if (!row[2].is_null()) totals.first = stored_time(row[2].as<std::string>());
    if (!row[3].is_null()) totals.last = stored_time(row[3].as<std::string>());
  }

  // Before/after pairs by measure and week.
  void add_measures(pqxx::transaction_base& tx, Totals& totals) const {
    for (const auto& row : tx.exec_params(
             "SELECT b.measure, s.week, count(*), sum(b.value), sum(b.value * b.value), count(*), "
             "sum(a.value), "
             "sum(a.value * a.value), count(*), sum(a.value - b.value), sum((a.value - b.value) * (a.value - "
             "b.value)) FROM ratings b JOIN ratings a ON a.session_id = b.session_id AND a.phase = 'after' "
             "AND "
             "a.measure = b.measure JOIN sessions s ON s.id = b.session_id "
             "WHERE b.phase = 'before' AND s.account_id = $1 GROUP BY b.measure, s.week",
             account_))
      totals.measures[row[0].as<std::string>()][row[1].as<std::string>()] = {moments(row, 2), moments(row, 5),
                                                                             moments(row, 8)};
  }

  void add_mornings(pqxx::transaction_base& tx, Totals& totals) const {
    for (const auto& row : tx.exec_params(
             "SELECT r.measure, s.week, count(*), sum(r.value), sum(r.value * r.value) FROM ratings r "
             "JOIN sessions s ON s.id = r.session_id WHERE r.phase = 'morning' AND s.account_id = $1 "
             "GROUP BY r.measure, s.week",
             account_))
      totals.mornings[row[0].as<std::string>()][row[1].as<std::string>()] = moments(row, 2);
  }

  // Runs of days in a row: a day minus its rank is the same for every day of one run.
  void add_runs(pqxx::transaction_base& tx, Totals& totals) const {
    auto found = tx.exec_params(
        "WITH d AS (SELECT DISTINCT day FROM sessions WHERE account_id = $1), "
        "r AS (SELECT day - row_number() OVER (ORDER BY day) AS run, day FROM d), "
        "runs AS (SELECT count(*) AS length, max(day) AS last FROM r GROUP BY run) "
        "SELECT (SELECT sum(length) FROM runs), (SELECT max(length) FROM runs), length, last "
        "FROM runs ORDER BY last DESC LIMIT 1",
        account_);
    if (found.empty()) return;
    totals.days = found[0][0].as<int>();
    totals.longest_run = found[0][1].as<int>();
    totals.last_run = found[0][2].as<int>();
    totals.last_day = found[0][3].as<long>();
  }

  // Each session's change, grouped by its goals and techniques as stored.
  void add_associations(pqxx::transaction_base& tx, Totals& totals) const {
    for (const auto& row : tx.exec_params(
             "WITH change AS (SELECT b.session_id AS id, sum(a.value - b.value) AS c, count(*) AS k "
             "FROM ratings b JOIN ratings a ON a.session_id = b.session_id AND a.phase = 'after' AND "
             "a.measure = b.measure JOIN sessions s ON s.id = b.session_id "
             "WHERE b.phase = 'before' AND s.account_id = $1 GROUP BY b.session_id) "
             "SELECT s.goals, s.techniques, change.k, count(*), sum(change.c), sum(change.c * change.c) "
             "FROM sessions s JOIN change ON change.id = s.id GROUP BY s.goals, s.techniques, change.k",
             account_)) {
      std::int64_t factor = journal::change_factor(row[2].as<std::int64_t>());
      Moments m{row[3].as<std::int64_t>(), row[4].as<std::int64_t>() * factor,
                row[5].as<std::int64_t>() * factor * factor};
      for (const auto& goal : split(row[0].as<std::string>(), ',')) totals.goals[goal].add(m);
      for (const auto& t : split(row[1].as<std::string>(), ',')) totals.techniques[t].add(m);
    }
    for (const auto& row : tx.exec_params(
             "SELECT goals, count(*) FROM sessions WHERE account_id = $1 GROUP BY goals", account_))
      for (const auto& goal : split(row[0].as<std::string>(), ','))
        totals.goal_sessions[goal] += row[1].as<int>();
  }

  Pool& pool_;
  std::int64_t account_;
};

}  // namespace

std::unique_ptr<AccountJournal> open_journal(Database& db, std::int64_t account_id) {
  return std::make_unique<PgJournal>(db, account_id);
}

}  // namespace plantar::store_pg
