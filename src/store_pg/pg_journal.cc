// The journal of one account in PostgreSQL: the same behaviour as the
// SQLite journal (tests/journal_store_test.cc and the store contract run
// over both), every query scoped to the account, every write one
// transaction. Reads are bounded queries through the index on
// (account_id, started, id); the statistics read the sums that every write
// keeps (sums.cc).
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "arrays.h"
#include "migrate.h"
#include "plantar/pg_store.h"
#include "plantar/split.h"
#include "pool.h"
#include "sums.h"

namespace plantar::store_pg {
namespace {

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
      auto id = insert(tx, session, key);
      add_to_sums(tx, account_, journal::sums_change({}, {session}));
      return id;
    });
  }

  bool replace_session(const Session& s) override {
    return in_transaction(pool_, [&](pqxx::transaction_base& tx) {
      auto old = query(tx, "id = $2 FOR UPDATE", s.id);
      if (old.empty()) return false;
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
      add_to_sums(tx, account_, journal::sums_change(old, {s}));
      return true;
    });
  }

  bool delete_session(std::int64_t id) override {
    return in_transaction(pool_, [&](pqxx::transaction_base& tx) {
      auto old = query(tx, "id = $2 FOR UPDATE", id);
      if (old.empty()) return false;
      tx.exec_params("DELETE FROM sessions WHERE id = $1 AND account_id = $2", id, account_);
      add_to_sums(tx, account_, journal::sums_change(old, {}));
      return true;
    });
  }

  void record_morning(std::int64_t id, const Ratings& morning) override {
    in_transaction(pool_, [&](pqxx::transaction_base& tx) {
      auto old = query(tx, "id = $2 FOR UPDATE", id);
      if (old.empty()) throw Failure(fmt::format("no session {} in the journal", id));
      insert_ratings(tx, id, "morning", morning);
      Session now = old.front();
      for (const auto& [measure, value] : morning) now.morning[measure] = value;
      add_to_sums(tx, account_, journal::sums_change(old, {now}));
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
      std::vector<Session> added;
      for (auto session : sessions) {
        session.id = 0;
        auto [first, last] = stored.equal_range(format_timestamp(session.start));
        if (std::any_of(first, last, [&](const auto& entry) { return entry.second == session; })) continue;
        stored.emplace(format_timestamp(session.start), session);
        added.push_back(std::move(session));
      }
      // In slices, so that each statement stays well within the statement timeout.
      constexpr std::size_t slice = 1000;
      for (std::size_t from = 0; from < added.size(); from += slice)
        insert_all(tx, {added.begin() + static_cast<long>(from),
                        added.begin() + static_cast<long>(std::min(added.size(), from + slice))});
      // The sums of all the added sessions, in one statement a table.
      add_to_sums(tx, account_, journal::sums_change({}, added));
      return static_cast<int>(added.size());
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
    return read([&](pqxx::transaction_base& tx) { return read_sums(tx, account_); });
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

  // `count` new ids of the table's sequence, in ascending order.
  static std::vector<std::int64_t> next_ids(pqxx::transaction_base& tx, const char* table,
                                            std::size_t count) {
    std::vector<std::int64_t> ids;
    for (const auto& row : tx.exec_params("SELECT nextval(pg_get_serial_sequence($1, 'id')) FROM "
                                          "generate_series(1, $2)",
                                          std::string(table), static_cast<std::int64_t>(count)))
      ids.push_back(row[0].as<std::int64_t>());
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  // The sessions of an import in three statements (sessions, ratings, sore
  // spots), whatever their number: one round trip a row made importing
  // 10,000 sessions take seconds. The ids come from the sequences first, in
  // the sessions' order, so that each rating and spot names its session and
  // the spots keep their order.
  void insert_all(pqxx::transaction_base& tx, const std::vector<Session>& sessions) const {
    if (sessions.empty()) return;
    auto ids = next_ids(tx, "sessions", sessions.size());
    std::vector<std::string> started, goals, techniques, routine, finished, stop_reason, note, week;
    std::vector<std::optional<std::string>> ended;
    std::vector<std::optional<std::int64_t>> minutes, steps_total, steps_done;
    std::vector<std::int64_t> day, rating_session, rating_value, spot_session, spot_intensity;
    std::vector<std::string> rating_phase, rating_measure, spot_foot, spot_region, spot_x, spot_y;
    auto optional_number = [](const std::optional<int>& n) {
      return n ? std::optional<std::int64_t>(*n) : std::nullopt;
    };
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      const auto& s = sessions[i];
      started.push_back(format_timestamp(s.start));
      ended.push_back(end_text(s));
      minutes.push_back(optional_number(s.minutes));
      goals.push_back(join(s.goals));
      techniques.push_back(join(s.techniques));
      routine.push_back(s.routine_json);
      steps_total.push_back(optional_number(s.steps_total));
      steps_done.push_back(optional_number(s.steps_done));
      finished.push_back(s.finished ? "true" : "false");
      stop_reason.push_back(s.stop_reason);
      note.push_back(s.note);
      day.push_back(days_since_epoch(s.start));
      week.push_back(iso_week(s.start));
      for (const auto& [phase, ratings] :
           {std::pair{"before", &s.before}, std::pair{"after", &s.after}, std::pair{"morning", &s.morning}})
        for (const auto& [measure, value] : *ratings) {
          rating_session.push_back(ids[i]);
          rating_phase.push_back(phase);
          rating_measure.push_back(measure);
          rating_value.push_back(value);
        }
      for (const auto& spot : s.sore) {
        spot_session.push_back(ids[i]);
        spot_foot.push_back(std::string(name(spot.foot)));
        spot_region.push_back(std::string(name(spot.region)));
        spot_x.push_back(fmt::format("{}", spot.x));  // the shortest text that reads back the same double
        spot_y.push_back(fmt::format("{}", spot.y));
        spot_intensity.push_back(spot.intensity);
      }
    }
    std::vector<std::string> params{
        std::to_string(account_),  number_array(ids),        text_array(started),    text_array(ended),
        number_array(minutes),     text_array(goals),        text_array(techniques), text_array(routine),
        number_array(steps_total), number_array(steps_done), text_array(finished),   text_array(stop_reason),
        text_array(note),          number_array(day),        text_array(week)};
    tx.exec_params(
        "INSERT INTO sessions (account_id, id, started, ended, minutes, goals, techniques, routine, "
        "steps_total, "
        "steps_done, finished, stop_reason, note, day, week) SELECT $1::bigint, * FROM unnest($2::bigint[], "
        "$3::text[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::int[], $10::int[], "
        "$11::bool[], $12::text[], $13::text[], $14::bigint[], $15::text[])",
        pqxx::prepare::make_dynamic_params(params));
    if (!rating_session.empty())
      tx.exec_params(
          "INSERT INTO ratings (session_id, phase, measure, value) SELECT * FROM unnest($1::bigint[], "
          "$2::text[], $3::text[], $4::int[])",
          number_array(rating_session), text_array(rating_phase), text_array(rating_measure),
          number_array(rating_value));
    if (spot_session.empty()) return;
    auto spot_ids = next_ids(tx, "sore_spots", spot_session.size());
    tx.exec_params(
        "INSERT INTO sore_spots (id, session_id, foot, region, x, y, intensity) SELECT * FROM "
        "unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::float8[], $6::float8[], $7::int[])",
        number_array(spot_ids), number_array(spot_session), text_array(spot_foot), text_array(spot_region),
        text_array(spot_x), text_array(spot_y), number_array(spot_intensity));
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

  Pool& pool_;
  std::int64_t account_;
};

}  // namespace

std::unique_ptr<AccountJournal> open_journal(Database& db, std::int64_t account_id) {
  return std::make_unique<PgJournal>(db, account_id);
}

}  // namespace plantar::store_pg
