// The journal's schema, one migration per version. Never edit a migration
// that has shipped: add the next one.
#include "schema.h"

#include "sqlite_sums.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <vector>

#include "plantar/errors.h"
#include "plantar/journal.h"
#include "plantar/timestamp.h"

namespace plantar::journal {
namespace {

// migrations[i] brings a database from user_version i to i + 1.
const std::vector<const char*> migrations{
    R"sql(
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  started TEXT NOT NULL,
  ended TEXT,
  minutes INTEGER,
  goals TEXT NOT NULL DEFAULT '',
  techniques TEXT NOT NULL DEFAULT '',
  routine TEXT NOT NULL DEFAULT '',
  steps_total INTEGER,
  steps_done INTEGER,
  finished INTEGER NOT NULL DEFAULT 1 CHECK (finished IN (0, 1)),
  stop_reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sessions_started ON sessions (started);
CREATE TABLE ratings (
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  phase TEXT NOT NULL CHECK (phase IN ('before', 'after', 'morning')),
  measure TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10),
  PRIMARY KEY (session_id, phase, measure)
);
CREATE TABLE sore_spots (
  id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  foot TEXT NOT NULL CHECK (foot IN ('left', 'right')),
  region TEXT NOT NULL,
  x REAL NOT NULL CHECK (x BETWEEN 0 AND 1),
  y REAL NOT NULL CHECK (y BETWEEN 0 AND 1),
  intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10)
);
CREATE INDEX sore_spots_session ON sore_spots (session_id);
)sql",
    // 2: the day (days since 1970-01-01) and ISO week of each session, which
    // the statistics group by in SQL (fill_days() fills them for older rows),
    // and the session's change: the sum of after - before over the measures
    // rated both times, and how many there were.
    R"sql(
ALTER TABLE sessions ADD COLUMN day INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN week TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN change_sum INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN change_count INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET
  change_sum = (SELECT COALESCE(SUM(a.value - b.value), 0) FROM ratings b JOIN ratings a
                ON a.session_id = b.session_id AND a.phase = 'after' AND a.measure = b.measure
                WHERE b.session_id = sessions.id AND b.phase = 'before'),
  change_count = (SELECT COUNT(*) FROM ratings b JOIN ratings a
                  ON a.session_id = b.session_id AND a.phase = 'after' AND a.measure = b.measure
                  WHERE b.session_id = sessions.id AND b.phase = 'before');
CREATE INDEX sessions_day ON sessions (day);
CREATE INDEX ratings_phase_measure ON ratings (phase, measure, session_id, value);
)sql",
    // 3: the sums that `stats` reads, kept by every write (sqlite_sums.cc;
    // fill_sums() fills them from the sessions stored).
    sums_schema,
};

// Schema 2 stores what the program computes from the start time (the same
// functions as the statistics in memory), so it is filled here, not in SQL.
void fill_days(SQLite::Database& db) {
  SQLite::Statement rows(db, "SELECT id, started FROM sessions");
  SQLite::Statement update(db, "UPDATE sessions SET day = ?, week = ? WHERE id = ?");
  while (rows.executeStep()) {
    auto start = parse_timestamp(rows.getColumn(1).getString());
    if (!start) throw Failure("the journal holds a broken time '" + rows.getColumn(1).getString() + "'");
    update.bind(1, static_cast<std::int64_t>(days_since_epoch(*start)));
    update.bind(2, iso_week(*start));
    update.bind(3, rows.getColumn(0).getInt64());
    update.exec();
    update.reset();
  }
}

int user_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

void refuse_newer(int found, const std::string& path) {
  throw Failure(fmt::format(
      "the journal {} was written by a newer plantar (schema version {}; this plantar knows up to {}). "
      "Update plantar to use it; the file was not changed",
      path, found, static_cast<int>(migrations.size())));
}

}  // namespace

void migrate(SQLite::Database& db, const std::string& path) {
  if (migrations.size() != static_cast<std::size_t>(schema_version))
    throw Failure("internal: schema_version does not match the migrations");
  int found = user_version(db);
  if (found > schema_version) refuse_newer(found, path);
  if (found < schema_version) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    found = user_version(db);  // another process may have migrated meanwhile
    if (found > schema_version) refuse_newer(found, path);
    for (int v = found; v < schema_version; ++v) {
      db.exec(migrations[static_cast<std::size_t>(v)]);
      if (v + 1 == 2) fill_days(db);
      if (v + 1 == 3) fill_sums(db);
    }
    db.exec(fmt::format("PRAGMA user_version = {}", schema_version));
    transaction.commit();
  }
  if (db.execAndGet("PRAGMA journal_mode").getString() != "wal") db.exec("PRAGMA journal_mode = WAL");
}

}  // namespace plantar::journal
