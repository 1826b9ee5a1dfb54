// The store contract (journal_contract_test.cc) over PostgreSQL: each test
// opens a journal for a new account in one throwaway database.
#include "journal_contract.h"
#include "pg_test_support.h"
#include "plantar/pg_store.h"

namespace plantar::test {
namespace {

// One database for the process (each test opens a new account in it).
store_pg::Database& database() {
  static PgScratch scratch;
  static store_pg::Database db(store_pg::Options{scratch.uri()});
  return db;
}

std::unique_ptr<journal::Journal> open_account(const TempDir&) {
  static int accounts = 0;
  auto& db = database();
  return store_pg::open_journal(db,
                                db.ensure_account("contract" + std::to_string(++accounts) + "@example.org"));
}

INSTANTIATE_TEST_SUITE_P(Postgres, JournalContract,
                         ::testing::Values(StoreOpener{"postgresql", open_account,
                                                       [] { return pg_server_uri() ? "" : no_pg_reason; }}),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace plantar::test
