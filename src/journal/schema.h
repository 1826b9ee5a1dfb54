// The journal's SQLite schema and its migrations (PRAGMA user_version).
#pragma once

#include <string>

namespace SQLite {
class Database;
}

namespace plantar::journal {

/// Brings the database to the newest schema in one IMMEDIATE transaction
/// per step, and turns on WAL. Throws Failure when the file was written by
/// a newer plantar (a higher user_version than this program knows).
void migrate(SQLite::Database& db, const std::string& path);

}  // namespace plantar::journal
