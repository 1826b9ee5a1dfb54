// The journal's schema, one migration per version. Never edit a migration
// that has shipped: add the next one.
#include "schema.h"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include <vector>

#include "plantar/errors.h"
#include "plantar/journal.h"

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
};

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
    for (int v = found; v < schema_version; ++v) db.exec(migrations[static_cast<std::size_t>(v)]);
    db.exec(fmt::format("PRAGMA user_version = {}", schema_version));
    transaction.commit();
  }
  if (db.execAndGet("PRAGMA journal_mode").getString() != "wal") db.exec("PRAGMA journal_mode = WAL");
}

}  // namespace plantar::journal
