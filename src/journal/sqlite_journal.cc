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

#include "plantar/errors.h"
#include "plantar/journal.h"
#include "plantar/split.h"
#include "schema.h"

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
      transaction.commit();
      return id;
    });
  }

  bool replace_session(const Session& session) override {
    return guarded([&] {
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      SQLite::Statement update(db_,
                               "UPDATE sessions SET started = ?, ended = ?, minutes = ?, goals = ?, "
                               "techniques = ?, routine = ?, steps_total = ?, steps_done = ?, finished = ?, "
                               "stop_reason = ?, note = ? WHERE id = ?");
      bind_fields(update, session);
      update.bind(12, session.id);
      if (update.exec() == 0) return false;
      delete_details(session.id);
      insert_details(session.id, session);
      transaction.commit();
      return true;
    });
  }

  bool delete_session(std::int64_t session_id) override {
    return guarded([&] {
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      delete_details(session_id);  // also without relying on ON DELETE CASCADE
      SQLite::Statement remove(db_, "DELETE FROM sessions WHERE id = ?");
      remove.bind(1, session_id);
      bool removed = remove.exec() > 0;
      transaction.commit();
      return removed;
    });
  }

  void record_morning(std::int64_t session_id, const Ratings& morning) override {
    guarded([&] {
      SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
      SQLite::Statement exists(db_, "SELECT 1 FROM sessions WHERE id = ?");
      exists.bind(1, session_id);
      if (!exists.executeStep()) throw Failure(fmt::format("no session {} in the journal", session_id));
      insert_ratings(session_id, "morning", morning);
      transaction.commit();
    });
  }

  int import_sessions(const std::vector<Session>& sessions) override {
    return guarded([&] { return import_unguarded(sessions); });
  }

  std::vector<Session> sessions() const override {
    return guarded([&] { return sessions_unlocked(); });
  }

  int schema_version() const override {
    return guarded([&] { return db_.execAndGet("PRAGMA user_version").getInt(); });
  }

 private:
  int import_unguarded(const std::vector<Session>& sessions) {
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    auto stored = sessions_unlocked();
    int added = 0;
    for (auto session : sessions) {
      session.id = 0;
      bool known = std::any_of(stored.begin(), stored.end(), [&](Session s) {
        s.id = 0;
        return s == session;
      });
      if (known) continue;
      insert(session);
      stored.push_back(session);
      ++added;
    }
    transaction.commit();
    return added;
  }

  std::int64_t insert(const Session& s) {
    SQLite::Statement statement(db_,
                                "INSERT INTO sessions (started, ended, minutes, goals, techniques, routine, "
                                "steps_total, steps_done, finished, stop_reason, note) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_fields(statement, s);
    statement.exec();
    std::int64_t id = db_.getLastInsertRowid();
    insert_details(id, s);
    return id;
  }

  // The 11 columns of `sessions` after the id, in the order of insert().
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
    SQLite::Statement statement(
        db_, "INSERT OR REPLACE INTO ratings (session_id, phase, measure, value) VALUES (?, ?, ?, ?)");
    for (const auto& [measure, value] : ratings) {
      statement.bind(1, id);
      statement.bind(2, phase);
      statement.bind(3, measure);
      statement.bind(4, value);
      statement.exec();
      statement.reset();
    }
  }

  void insert_spot(std::int64_t id, const SoreSpot& spot) {
    SQLite::Statement statement(
        db_, "INSERT INTO sore_spots (session_id, foot, region, x, y, intensity) VALUES (?, ?, ?, ?, ?, ?)");
    statement.bind(1, id);
    statement.bind(2, std::string(name(spot.foot)));
    statement.bind(3, std::string(name(spot.region)));
    statement.bind(4, spot.x);
    statement.bind(5, spot.y);
    statement.bind(6, spot.intensity);
    statement.exec();
  }

  std::vector<Session> sessions_unlocked() const {
    std::vector<Session> out;
    SQLite::Statement query(db_,
                            "SELECT id, started, ended, minutes, goals, techniques, routine, steps_total, "
                            "steps_done, finished, stop_reason, note FROM sessions ORDER BY started, id");
    while (query.executeStep()) {
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
      out.push_back(std::move(s));
    }
    attach_details(out);
    return out;
  }

  void attach_details(std::vector<Session>& sessions) const {
    std::map<std::int64_t, Session*> by_id;
    for (auto& s : sessions) by_id[s.id] = &s;
    SQLite::Statement ratings(db_, "SELECT session_id, phase, measure, value FROM ratings");
    while (ratings.executeStep()) {
      Session* s = by_id.at(ratings.getColumn(0).getInt64());
      std::string phase = ratings.getColumn(1).getString();
      auto& target = phase == "before" ? s->before : phase == "after" ? s->after : s->morning;
      target[ratings.getColumn(2).getString()] = ratings.getColumn(3).getInt();
    }
    SQLite::Statement spots(db_,
                            "SELECT session_id, foot, region, x, y, intensity FROM sore_spots ORDER BY id");
    while (spots.executeStep()) {
      SoreSpot spot;
      auto foot = parse_foot(spots.getColumn(1).getString());
      auto region = parse_region(spots.getColumn(2).getString());
      if (!foot || !region) throw Failure("the journal holds a sore spot in an unknown place");
      spot.foot = *foot;
      spot.region = *region;
      spot.x = spots.getColumn(3).getDouble();
      spot.y = spots.getColumn(4).getDouble();
      spot.intensity = spots.getColumn(5).getInt();
      by_id.at(spots.getColumn(0).getInt64())->sore.push_back(spot);
    }
  }

  mutable SQLite::Database db_;
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
