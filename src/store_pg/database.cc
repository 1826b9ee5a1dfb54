// A PostgreSQL database of the hosted store: the pool, migrated on opening.
#include "migrate.h"
#include "plantar/pg_store.h"
#include "pool.h"

namespace plantar::store_pg {

Database::Database(const Options& options) : pool_(std::make_unique<Pool>(options)) {
  if (!is_postgres_uri(options.uri))
    throw BadInput("--store", "expected a PostgreSQL URI (postgresql://...), got '" + options.uri + "'");
  migrated_ = migrate(*pool_);
}

Database::~Database() = default;

int Database::schema_version() { return store_pg::schema_version(*pool_); }

std::int64_t Database::ensure_account(const std::string& email) {
  return in_transaction(*pool_, [&](pqxx::transaction_base& tx) {
    tx.exec_params("INSERT INTO accounts (email) VALUES ($1) ON CONFLICT (email) DO NOTHING", email);
    return tx.exec_params1("SELECT id FROM accounts WHERE email = $1", email)[0].as<std::int64_t>();
  });
}

std::int64_t Database::find_account(const std::string& email) {
  return in_transaction(*pool_, [&](pqxx::transaction_base& tx) -> std::int64_t {
    auto found = tx.exec_params("SELECT id FROM accounts WHERE email = $1", email);
    return found.empty() ? 0 : found[0][0].as<std::int64_t>();
  });
}

}  // namespace plantar::store_pg
