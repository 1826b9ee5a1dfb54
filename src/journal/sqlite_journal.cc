// The SQLite journal: one file, WAL, foreign keys, every write one
// IMMEDIATE transaction, a busy timeout so that two writers both succeed.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>

#include "plantar/errors.h"
#include "plantar/journal.h"
#include "plantar/split.h"
#include "schema.h"
#include "sqlite_sums.h"

namespace plantar::journal {
namespace {

constexpr int busy_timeout_ms = 10000;

// Runs a database action, turning SQLite's errors into Failure (exit 1).
template <typename F>
auto guarded(F action) {
  try {
    return action();
  } catch (const SQLite::Exception& e) {
    throw Failure(fmt::format("the journal could not be used: {}", e.what()));
  }
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

template <typename T>
void bind_optional(SQLite::Statement& statement, int index, const std::optional<T>& value) {
  if (value)
    statement.bind(index, *value);
  else
    statement.bind(index);
}

std::optional<int> column_int(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getInt();
}

Timestamp stored_time(const std::string& text) {
  auto t = parse_timestamp(text);
  if (!t) throw Failure("the journal holds a broken time '" + text + "'");
  return *t;
}

// Creates the file with mode 0600 before SQLite opens it, so that no other
// user can ever read it.
void create_private_file(const std::string& path) {
  auto parent = std::filesystem::path(path).parent_path();
  std::error_code error;
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  if (error) throw Failure(fmt::format("cannot create the folder {}: {}", parent.string(), error.message()));
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, S_IRUSR | S_IWUSR);
  if (fd < 0) throw Failure(fmt::format("cannot open the journal {}: {}", path, std::strerror(errno)));
  ::close(fd);
}

// A cached statement in use: reset (and its bindings cleared) when the use
// ends, so that it never holds a read lock between calls.
class Use {
 public:
  explicit Use(SQLite::Statement& statement) : statement_(statement) {}
  // Never throws: after a failed step (a CHECK refused a value) reset()
  // repeats the error, and a throwing destructor would end the program.
  ~Use() {
    statement_.tryReset();
    try {
      statement_.clearBindings();
    } catch (const SQLite::Exception&) {
    }
  }
  Use(const Use&) = delete;
  Use& operator=(const Use&) = delete;
  SQLite::Statement* operator->() const { return &statement_; }
  SQLite::Statement& operator*() const { return statement_; }

 private:
  SQLite::Statement& statement_;
};

// The session columns that every read selects, in the order of read_row().
constexpr const char* session_columns =
    "id, started, ended, minutes, goals, techniques, routine, steps_total, steps_done, finished, "
    "stop_reason, note";

Session read_row(SQLite::Statement& query) {
  Session s;
  s.id = query.getColumn(0).getInt64();
  s.start = stored_time(query.getColumn(1).getString());
  if (!query.getColumn(2).isNull()) s.end = stored_time(query.getColumn(2).getString());
  s.minutes = column_int(query.getColumn(3));
  s.goals = split(query.getColumn(4).getString(), ',');
  s.techniques = split(query.getColumn(5).getString(), ',');
  s.routine_json = query.getColumn(6).getString();
  s.steps_total = column_int(query.getColumn(7));
  s.steps_done = column_int(query.getColumn(8));
  s.finished = query.getColumn(9).getInt() != 0;
  s.stop_reason = query.getColumn(10).getString();
  s.note = query.getColumn(11).getString();
  return s;
}

Ratings& phase_of(Session& s, const std::string& phase) {
  return phase == "before" ? s.before : phase == "after" ? s.after : s.morning;
}

SoreSpot read_spot(SQLite::Statement& query, int first) {
  SoreSpot spot;
  auto foot = parse_foot(query.getColumn(first).getString());
  auto region = parse_region(query.getColumn(first + 1).getString());
  if (!foot || !region) throw Failure("the journal holds a sore spot in an unknown place");
  spot.foot = *foot;
  spot.region = *region;
  spot.x = query.getColumn(first + 2).getDouble();
  spot.y = query.getColumn(first + 3).getDouble();
  spot.intensity = query.getColumn(first + 4).getInt();
  return spot;
}

class SqliteJournal final : public Journal {
 public:
  explicit SqliteJournal(const std::string& path)
      : db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_FULLMUTEX, busy_timeout_ms) {
    db_.exec("PRAGMA foreign_keys = ON");
    migrate(db_, path);
    db_.exec("PRAGMA synchronous = NORMAL");
  }

  std::int64_t record_session(const Session& session) override {
    return guarded([&] {
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      auto id = insert(session);
      add_to_sums(db_, sums_change({}, {session}));
      transaction.commit();
      return id;
    });
  }

  bool replace_session(const Session& session) override {
    return guarded([&] {
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      auto old = stored(session.id);
      if (!old) return false;
      SQLite::Statement update(
          db_,
          "UPDATE sessions SET started = ?, ended = ?, minutes = ?, goals = ?, "
          "techniques = ?, routine = ?, steps_total = ?, steps_done = ?, finished = ?, "
          "stop_reason = ?, note = ?, day = ?, week = ?, change_sum = ?, change_count = ? "
          "WHERE id = ?");
      bind_fields(update, session);
      update.bind(16, session.id);
      if (update.exec() == 0) return false;
      delete_details(session.id);
      insert_details(session.id, session);
      add_to_sums(db_, sums_change({*old}, {session}));
      transaction.commit();
      return true;
    });
  }

  bool delete_session(std::int64_t session_id) override {
    return guarded([&] {
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      auto old = stored(session_id);
      if (!old) return false;
      delete_details(session_id);  // also without relying on ON DELETE CASCADE
      SQLite::Statement remove(db_, "DELETE FROM sessions WHERE id = ?");
      remove.bind(1, session_id);
      remove.exec();
      add_to_sums(db_, sums_change({*old}, {}));
      transaction.commit();
      return true;
    });
  }

  void record_morning(std::int64_t session_id, const Ratings& morning) override {
    guarded([&] {
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      auto old = stored(session_id);
      if (!old) throw Failure(fmt::format("no session {} in the journal", session_id));
      insert_ratings(session_id, "morning", morning);
      Session now = *old;
      for (const auto& [measure, value] : morning) now.morning[measure] = value;
      add_to_sums(db_, sums_change({*old}, {now}));
      transaction.commit();
    });
  }

  int import_sessions(const std::vector<Session>& sessions) override {
    return guarded([&] { return import_unguarded(sessions); });
  }

  std::vector<Session> sessions() const override {
    return guarded([&] { return sessions_unlocked(); });
  }

  std::vector<Session> last_sessions(int count) const override {
    return guarded([&] {
      Use query(prepared(
          fmt::format("SELECT {} FROM sessions ORDER BY started DESC, id DESC LIMIT ?", session_columns)));
      query->bind(1, count);
      return read_with_details(*query);
    });
  }

  std::optional<Session> session(std::int64_t session_id) const override {
    return guarded([&] { return stored(session_id); });
  }

  std::vector<Session> sessions_since(const Timestamp& from) const override {
    return guarded([&] {
      Use query(prepared(
          fmt::format("SELECT {} FROM sessions WHERE started >= ? ORDER BY started, id", session_columns)));
      query->bind(1, format_timestamp(from));
      return read_with_details(*query);
    });
  }

  std::int64_t session_count() const override {
    return guarded([&] { return db_.execAndGet("SELECT COUNT(*) FROM sessions").getInt64(); });
  }

  // The kept sums, in one read transaction so that they all see the same journal.
  Totals totals() const override {
    return guarded([&] {
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::DEFERRED);
      auto totals = read_sums(db_);
      transaction.commit();
      return totals;
    });
  }

  // Two scans in index order, put together here: a join would look each
  // session's rating up in the index, one search a session.
  std::vector<int> rating_series(const std::string& phase, const std::string& measure) const override {
    return guarded([&] {
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::DEFERRED);
      // Each session's place in time (start, then id), by id.
      std::vector<std::pair<std::int64_t, std::size_t>> place;
      {
        Use order(prepared("SELECT id FROM sessions ORDER BY started, id"));
        while (order->executeStep()) place.emplace_back(order->getColumn(0).getInt64(), place.size());
      }
      std::sort(place.begin(), place.end());
      // The ratings, by session id: each goes to its session's place.
      std::vector<std::pair<std::size_t, int>> placed;
      {
        Use ratings(prepared(
            "SELECT session_id, value FROM ratings WHERE phase = ? AND measure = ? ORDER BY session_id"));
        ratings->bind(1, phase);
        ratings->bind(2, measure);
        auto next = place.begin();
        while (ratings->executeStep()) {
          std::int64_t id = ratings->getColumn(0).getInt64();
          while (next != place.end() && next->first < id) ++next;
          if (next == place.end() || next->first != id) continue;  // no such session: not in the join either
          placed.emplace_back(next->second, ratings->getColumn(1).getInt());
        }
      }
      transaction.commit();
      std::sort(placed.begin(), placed.end());
      std::vector<int> out;
      out.reserve(placed.size());
      for (const auto& [at, value] : placed) out.push_back(value);
      return out;
    });
  }

  int schema_version() const override {
    return guarded([&] { return db_.execAndGet("PRAGMA user_version").getInt(); });
  }

 private:
  // The statement for `sql`, prepared once per journal.
  SQLite::Statement& prepared(const std::string& sql) const {
    auto& slot = statements_[sql];
    if (!slot) slot = std::make_unique<SQLite::Statement>(db_, sql);
    return *slot;
  }

  std::optional<Session> stored(std::int64_t session_id) const {
    Use query(prepared(fmt::format("SELECT {} FROM sessions WHERE id = ?", session_columns)));
    query->bind(1, session_id);
    auto found = read_with_details(*query);
    if (found.empty()) return std::nullopt;
    return found.front();
  }

  // Duplicates are found through the index on the start time: only the
  // sessions stored with the same start are read and compared. The sums of
  // all the added sessions are kept in one step.
  int import_unguarded(const std::vector<Session>& sessions) {
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    std::vector<Session> added;
    for (auto session : sessions) {
      session.id = 0;
      if (stored_already(session)) continue;
      insert(session);
      added.push_back(std::move(session));
    }
    add_to_sums(db_, sums_change({}, added));
    transaction.commit();
    return static_cast<int>(added.size());
  }

  bool stored_already(const Session& session) const {
    Use query(prepared(fmt::format("SELECT {} FROM sessions WHERE started = ?", session_columns)));
    query->bind(1, format_timestamp(session.start));
    for (auto stored : read_with_details(*query)) {
      stored.id = 0;
      if (stored == session) return true;
    }
    return false;
  }

  std::int64_t insert(const Session& s) {
    Use statement(prepared(
        "INSERT INTO sessions (started, ended, minutes, goals, techniques, routine, steps_total, steps_done, "
        "finished, stop_reason, note, day, week, change_sum, change_count) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bind_fields(*statement, s);
    statement->exec();
    std::int64_t id = db_.getLastInsertRowid();
    insert_details(id, s);
    return id;
  }

  // The 15 columns of `sessions` after the id, in the order of insert().
  static void bind_fields(SQLite::Statement& statement, const Session& s) {
    statement.bind(1, format_timestamp(s.start));
    bind_optional(statement, 2, s.end ? std::optional(format_timestamp(*s.end)) : std::nullopt);
    bind_optional(statement, 3, s.minutes);
    statement.bind(4, join(s.goals));
    statement.bind(5, join(s.techniques));
    statement.bind(6, s.routine_json);
    bind_optional(statement, 7, s.steps_total);
    bind_optional(statement, 8, s.steps_done);
    statement.bind(9, s.finished ? 1 : 0);
    statement.bind(10, s.stop_reason);
    statement.bind(11, s.note);
    statement.bind(12, static_cast<std::int64_t>(days_since_epoch(s.start)));
    statement.bind(13, iso_week(s.start));
    // The session's change (schema 2; the statistics now read the kept
    // sums of sqlite_sums.cc, but the columns stay filled).
    std::int64_t sum = 0, count = 0;
    for (const auto& [measure, before] : s.before)
      if (auto after = s.after.find(measure); after != s.after.end()) {
        sum += after->second - before;
        ++count;
      }
    statement.bind(14, sum);
    statement.bind(15, count);
  }

  void insert_details(std::int64_t id, const Session& s) {
    insert_ratings(id, "before", s.before);
    insert_ratings(id, "after", s.after);
    insert_ratings(id, "morning", s.morning);
    for (const auto& spot : s.sore) insert_spot(id, spot);
  }

  void delete_details(std::int64_t id) {
    for (const char* table : {"ratings", "sore_spots"}) {
      SQLite::Statement remove(db_, fmt::format("DELETE FROM {} WHERE session_id = ?", table));
      remove.bind(1, id);
      remove.exec();
    }
  }

  void insert_ratings(std::int64_t id, const char* phase, const Ratings& ratings) {
    Use statement(
        prepared("INSERT OR REPLACE INTO ratings (session_id, phase, measure, value) VALUES (?, ?, ?, ?)"));
    for (const auto& [measure, value] : ratings) {
      statement->bind(1, id);
      statement->bind(2, phase);
      statement->bind(3, measure);
      statement->bind(4, value);
      statement->exec();
      statement->reset();
    }
  }

  void insert_spot(std::int64_t id, const SoreSpot& spot) {
    Use statement(prepared(
        "INSERT INTO sore_spots (session_id, foot, region, x, y, intensity) VALUES (?, ?, ?, ?, ?, ?)"));
    statement->bind(1, id);
    statement->bind(2, std::string(name(spot.foot)));
    statement->bind(3, std::string(name(spot.region)));
    statement->bind(4, spot.x);
    statement->bind(5, spot.y);
    statement->bind(6, spot.intensity);
    statement->exec();
  }

  // Every session at once: three scans, for export.
  std::vector<Session> sessions_unlocked() const {
    std::vector<Session> out;
    SQLite::Statement query(db_,
                            fmt::format("SELECT {} FROM sessions ORDER BY started, id", session_columns));
    while (query.executeStep()) out.push_back(read_row(query));
    std::map<std::int64_t, Session*> by_id;
    for (auto& s : out) by_id[s.id] = &s;
    SQLite::Statement ratings(db_, "SELECT session_id, phase, measure, value FROM ratings");
    while (ratings.executeStep())
      phase_of(*by_id.at(ratings.getColumn(0).getInt64()),
               ratings.getColumn(1).getString())[ratings.getColumn(2).getString()] =
          ratings.getColumn(3).getInt();
    SQLite::Statement spots(db_,
                            "SELECT session_id, foot, region, x, y, intensity FROM sore_spots ORDER BY id");
    while (spots.executeStep()) by_id.at(spots.getColumn(0).getInt64())->sore.push_back(read_spot(spots, 1));
    return out;
  }

  // The sessions `query` selects, each with its ratings and sore spots
  // looked up by session id (so a few sessions cost a few look-ups).
  std::vector<Session> read_with_details(SQLite::Statement& query) const {
    std::vector<Session> out;
    while (query.executeStep()) out.push_back(read_row(query));
    for (auto& s : out) attach_details(s);
    return out;
  }

  void attach_details(Session& s) const {
    Use ratings(prepared("SELECT phase, measure, value FROM ratings WHERE session_id = ?"));
    ratings->bind(1, s.id);
    while (ratings->executeStep())
      phase_of(s, ratings->getColumn(0).getString())[ratings->getColumn(1).getString()] =
          ratings->getColumn(2).getInt();
    Use spots(
        prepared("SELECT foot, region, x, y, intensity FROM sore_spots WHERE session_id = ? ORDER BY id"));
    spots->bind(1, s.id);
    while (spots->executeStep()) s.sore.push_back(read_spot(*spots, 0));
  }

  mutable SQLite::Database db_;
  mutable std::map<std::string, std::unique_ptr<SQLite::Statement>> statements_;
};

}  // namespace

std::unique_ptr<Journal> open_sqlite_journal(const std::string& path) {
  create_private_file(path);
  try {
    return std::make_unique<SqliteJournal>(path);
  } catch (const SQLite::Exception& e) {
    throw Failure(fmt::format("cannot use the journal {}: {}", path, e.what()));
  }
}

}  // namespace plantar::journal
