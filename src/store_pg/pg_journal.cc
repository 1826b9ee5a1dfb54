// The journal of one account in PostgreSQL: the same behaviour as the
// SQLite journal (tests/journal_store_test.cc runs over both), every query
// scoped to the account, every write one transaction.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "migrate.h"
#include "plantar/pg_store.h"
#include "plantar/split.h"
#include "pool.h"

namespace plantar::store_pg {
namespace {

using journal::Ratings;
using journal::Session;
using journal::SoreSpot;

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
          "routine = $6, steps_total = $7, steps_done = $8, finished = $9, stop_reason = $10, note = $11 "
          "WHERE id = $12 AND account_id = $13",
          format_timestamp(s.start), end_text(s), s.minutes, join(s.goals), join(s.techniques),
          s.routine_json, s.steps_total, s.steps_done, s.finished, s.stop_reason, s.note, s.id, account_);
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

  int import_sessions(const std::vector<Session>& sessions) override {
    return in_transaction(pool_, [&](pqxx::transaction_base& tx) {
      // One writer per account at a time, so two imports cannot both add a session.
      tx.exec_params("SELECT 1 FROM accounts WHERE id = $1 FOR UPDATE", account_);
      std::multimap<std::string, Session> stored;  // by start time: the duplicate check's index
      for (auto& s : load(tx)) {
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
    return in_transaction<pqxx::repeatable_read>(pool_, [&](pqxx::transaction_base& tx) { return load(tx); });
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
  std::int64_t insert(pqxx::transaction_base& tx, const Session& s, const std::string& key) {
    std::optional<std::string> stored_key = key.empty() ? std::nullopt : std::optional(key);
    auto id =
        tx.exec_params1(
              "INSERT INTO sessions (account_id, started, ended, minutes, goals, techniques, routine, "
              "steps_total, steps_done, finished, stop_reason, note, idempotency_key) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
              account_, format_timestamp(s.start), end_text(s), s.minutes, join(s.goals), join(s.techniques),
              s.routine_json, s.steps_total, s.steps_done, s.finished, s.stop_reason, s.note, stored_key)[0]
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

  std::vector<Session> load(pqxx::transaction_base& tx) const {
    std::vector<Session> out;
    for (const auto& row : tx.exec_params(fmt::format("SELECT {} FROM sessions WHERE account_id = $1 "
                                                      "ORDER BY started, id",
                                                      session_columns),
                                          account_))
      out.push_back(session_from_row(row));
    std::map<std::int64_t, Session*> by_id;
    for (auto& s : out) by_id[s.id] = &s;
    for (const auto& row : tx.exec_params("SELECT r.session_id, r.phase, r.measure, r.value FROM ratings r "
                                          "JOIN sessions s ON s.id = r.session_id WHERE s.account_id = $1",
                                          account_)) {
      Session* s = by_id.at(row[0].as<std::int64_t>());
      std::string phase = row[1].as<std::string>();
      auto& target = phase == "before" ? s->before : phase == "after" ? s->after : s->morning;
      target[row[2].as<std::string>()] = row[3].as<int>();
    }
    for (const auto& row : tx.exec_params("SELECT p.session_id, p.foot, p.region, p.x, p.y, p.intensity "
                                          "FROM sore_spots p JOIN sessions s ON s.id = p.session_id "
                                          "WHERE s.account_id = $1 ORDER BY p.id",
                                          account_)) {
      auto foot = parse_foot(row[1].as<std::string>());
      auto region = parse_region(row[2].as<std::string>());
      if (!foot || !region) throw Failure("the PostgreSQL store holds a sore spot in an unknown place");
      by_id.at(row[0].as<std::int64_t>())
          ->sore.push_back(
              SoreSpot{*foot, *region, row[3].as<double>(), row[4].as<double>(), row[5].as<int>()});
    }
    return out;
  }

  Pool& pool_;
  std::int64_t account_;
};

}  // namespace

std::unique_ptr<AccountJournal> open_journal(Database& db, std::int64_t account_id) {
  return std::make_unique<PgJournal>(db, account_id);
}

}  // namespace plantar::store_pg
