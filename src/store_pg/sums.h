// The sums kept in PostgreSQL for each account (schema 3), the same as the
// SQLite journal's: weekly sums per measure, changes per goal and
// technique, sessions per day. Every journal write updates them in its own
// transaction; `stats` reads them instead of every rating.
#pragma once

#include <pqxx/pqxx>

#include "plantar/journal_sums.h"

namespace plantar::store_pg {

/// Adds `change` (journal::sums_change) to the account's kept sums, one
/// statement a table; rows that come to nothing are removed.
void add_to_sums(pqxx::transaction_base& tx, std::int64_t account, const journal::Sums& change);

/// The account's totals from the kept sums, the days and the index on the
/// start time.
journal::Totals read_sums(pqxx::transaction_base& tx, std::int64_t account);

}  // namespace plantar::store_pg
