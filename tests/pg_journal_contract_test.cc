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

// A store of schema 2 (before the kept sums): migration 3 fills each
// account's sums from its sessions in SQL, equal to what the writes keep.
TEST(PgJournalSums, MigrationFillsTheSumsOfEachAccount) {
  PgScratch pg;
  if (pg.uri().empty()) GTEST_SKIP() << no_pg_reason;
  std::vector<journal::Totals> expected;
  {
    store_pg::Database db(store_pg::Options{pg.uri()});
    for (int i = 0; i < 2; ++i) {
      auto journal = store_pg::open_journal(db, db.ensure_account("m" + std::to_string(i) + "@example.org"));
      journal->import_sessions(varied_sessions(250, 30 + static_cast<unsigned>(i)));
      expected.push_back(journal->totals());
      EXPECT_EQ(expected.back(), journal::totals_of(journal->sessions()));
    }
  }
  pg.query("DROP TABLE pair_sums, morning_sums, change_sums, day_sums");
  pg.query("DELETE FROM plantar_schema WHERE version = 3");
  store_pg::Database db(store_pg::Options{pg.uri()});
  EXPECT_EQ(db.migrated_steps(), 1);
  for (int i = 0; i < 2; ++i) {
    auto journal = store_pg::open_journal(db, db.find_account("m" + std::to_string(i) + "@example.org"));
    EXPECT_EQ(journal->totals(), expected[static_cast<std::size_t>(i)]) << "account " << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Postgres, JournalContract,
                         ::testing::Values(StoreOpener{"postgresql", open_account,
                                                       [] { return pg_server_uri() ? "" : no_pg_reason; }}),
                         [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace plantar::test
