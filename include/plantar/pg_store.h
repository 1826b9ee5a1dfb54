// The PostgreSQL store of hosted mode (`--store postgresql://...`): one
// database for many people. A `Database` is a bounded pool of connections,
// each with a statement timeout; opening it runs the versioned migrations
// under an advisory lock, so servers that start together migrate once.
// Every person's rows hang off an account; a journal opened for an account
// sees only that account's sessions. libpqxx stays inside src/store_pg/.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "plantar/journal.h"

namespace plantar::store_pg {

struct Options {
  std::string uri;                  // a libpq URI: postgresql://user@host/db or postgresql:///db?host=/sock
  int pool_size = 8;                // open connections at most, per process
  int statement_timeout_ms = 5000;  // every query; past it the query fails (Failure)
  int wait_ms = 10000;              // how long a request waits for a free connection
};

/// True for the URIs this store takes ("postgresql://" or "postgres://").
bool is_postgres_uri(const std::string& text);

/// An email address trimmed and in lower case; throws BadInput naming
/// `field` when it does not look like name@domain.example (at most 254 bytes).
std::string checked_email(const std::string& text, const std::string& field);

class Pool;

/// One PostgreSQL database: its connection pool and schema.
class Database {
 public:
  /// Connects and migrates. Throws Failure (naming the URI without its
  /// password) when the server cannot be reached or has a newer schema.
  explicit Database(const Options& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// The schema version now in the database.
  int schema_version();
  /// How many migration steps this process applied when it opened the
  /// database (0 when another process had done them).
  int migrated_steps() const { return migrated_; }

  /// The id of the account with this email, creating one without a
  /// password when there is none (for `plantar import --account`).
  std::int64_t ensure_account(const std::string& email);
  /// The id of the account with this email, or 0.
  std::int64_t find_account(const std::string& email);

  Pool& pool() { return *pool_; }

 private:
  std::unique_ptr<Pool> pool_;
  int migrated_ = 0;
};

/// The newest schema version of the PostgreSQL store.
int newest_schema_version();

/// What the hosted server needs beyond the Journal interface.
class AccountJournal : public journal::Journal {
 public:
  /// Stores the session once per idempotency key: a repeated key returns
  /// the id stored the first time and stores nothing. An empty key: always stores.
  virtual std::int64_t record_session_once(const journal::Session& session, const std::string& key) = 0;
  /// How many sessions hold this key (0 or 1), for tests and checks.
  virtual int count_key(const std::string& key) = 0;
};

/// The journal of one account. The database must outlive it.
std::unique_ptr<AccountJournal> open_journal(Database& db, std::int64_t account_id);

}  // namespace plantar::store_pg
