// The sums kept in the SQLite journal (schema 3): tables of weekly sums per
// measure, of changes per goal and technique, and of sessions per day,
// which every write updates in its own transaction.
#pragma once

#include "plantar/journal_sums.h"

namespace SQLite {
class Database;
}

namespace plantar::journal {

/// The tables of the kept sums (the SQL of schema 3).
extern const char* const sums_schema;

/// Adds `change` (see sums_change) to the kept sums; rows that come to
/// nothing are removed. Runs inside the caller's transaction.
void add_to_sums(SQLite::Database& db, const Sums& change);

/// Fills the kept sums from the sessions stored (the migration to schema 3).
void fill_sums(SQLite::Database& db);

/// The totals that `stats` needs, from the kept sums, the days and the
/// index on the start time. Runs inside the caller's read transaction.
Totals read_sums(SQLite::Database& db);

}  // namespace plantar::journal
