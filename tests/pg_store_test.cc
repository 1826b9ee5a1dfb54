// The PostgreSQL store's own rules: migrations run once under the advisory
// lock, the pool holds its bound, every query has a timeout, serialization
// failures are retried, idempotency keys store a session once, and one
// account never sees another's sessions. A real PostgreSQL 15 (the ctest
// `postgres` fixture), a fresh database per test.
#include <gtest/gtest.h>

#include <atomic>
#include <latch>
#include <thread>

#include "pg_test_support.h"
#include "plantar/errors.h"
#include "plantar/pg_store.h"
#include "store_pg/pool.h"

namespace plantar {
namespace {

#define NEED_PG(scratch) \
  if ((scratch).uri().empty()) GTEST_SKIP() << test::no_pg_reason

journal::Session at(const std::string& when) {
  journal::Session s;
  s.start = *parse_timestamp(when);
  s.before = {{"stress", 6}};
  return s;
}

TEST(PgStore, ServersStartingTogetherMigrateOnce) {
  test::PgScratch pg;
  NEED_PG(pg);
  constexpr int servers = 4;
  std::atomic<int> steps = 0, failures = 0;
  std::latch start(servers);
  std::vector<std::thread> threads;
  for (int i = 0; i < servers; ++i)
    threads.emplace_back([&] {
      start.arrive_and_wait();
      try {
        store_pg::Database db(store_pg::Options{pg.uri()});
        steps += db.migrated_steps();
      } catch (const std::exception&) {
        ++failures;
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(steps, store_pg::newest_schema_version());
  EXPECT_EQ(pg.query("SELECT count(*) FROM plantar_schema"),
            std::to_string(store_pg::newest_schema_version()));
  store_pg::Database again(store_pg::Options{pg.uri()});
  EXPECT_EQ(again.migrated_steps(), 0);
  EXPECT_EQ(again.schema_version(), store_pg::newest_schema_version());
}

TEST(PgStore, NewerSchemaIsRefusedAndLeftAlone) {
  test::PgScratch pg;
  NEED_PG(pg);
  { store_pg::Database db(store_pg::Options{pg.uri()}); }
  pg.query("INSERT INTO plantar_schema (version) VALUES (99)");
  try {
    store_pg::Database db(store_pg::Options{pg.uri()});
    FAIL() << "a newer schema was accepted";
  } catch (const Failure& e) {
    EXPECT_NE(std::string(e.what()).find("newer plantar (schema version 99"), std::string::npos) << e.what();
  }
  EXPECT_EQ(pg.query("SELECT max(version) FROM plantar_schema"), "99");
}

TEST(PgStore, UnreachableServerIsAClearFailureWithoutThePassword) {
  try {
    store_pg::Database db(store_pg::Options{"postgresql://me:secret@/nothing?host=/nonexistent"});
    FAIL();
  } catch (const Failure& e) {
    std::string message = e.what();
    EXPECT_NE(message.find("cannot reach PostgreSQL at postgresql://me:***@"), std::string::npos) << message;
    EXPECT_EQ(message.find("secret"), std::string::npos) << message;
  }
  EXPECT_THROW(store_pg::Database(store_pg::Options{"mysql://x"}), BadInput);
}

TEST(PgStore, EveryQueryHasATimeout) {
  test::PgScratch pg;
  NEED_PG(pg);
  store_pg::Options options{pg.uri()};
  options.statement_timeout_ms = 200;
  store_pg::Database db(options);
  auto started = std::chrono::steady_clock::now();
  EXPECT_THROW(
      store_pg::in_transaction(db.pool(), [](pqxx::transaction_base& tx) { tx.exec("SELECT pg_sleep(5)"); }),
      Failure);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
}

TEST(PgStore, PoolHoldsItsBound) {
  test::PgScratch pg;
  NEED_PG(pg);
  store_pg::Options options{pg.uri()};
  options.pool_size = 2;
  options.wait_ms = 5000;
  store_pg::Database db(options);
  std::atomic<int> most = 0, done = 0;
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i)
    threads.emplace_back([&] {
      auto lease = db.pool().acquire();
      most = std::max(most.load(), db.pool().open_count());
      pqxx::nontransaction(*lease).exec("SELECT pg_sleep(0.05)");
      ++done;
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(done, 6);
  EXPECT_LE(most, 2);
  // Both connections lent out: the next request waits, then gives up.
  options.wait_ms = 100;
  store_pg::Database small(options);
  auto a = small.pool().acquire();
  auto b = small.pool().acquire();
  EXPECT_THROW(small.pool().acquire(), Failure);
}

TEST(PgStore, SerializationFailuresAreRetried) {
  test::PgScratch pg;
  NEED_PG(pg);
  store_pg::Database db(store_pg::Options{pg.uri()});
  pg.query("CREATE TABLE duty (who TEXT)");
  // Write skew: each reads the count, then inserts. Under SERIALIZABLE one
  // of the two first attempts must fail; its retry sees the other's row.
  std::latch both_read(2);
  std::atomic<int> attempts = 0;
  auto take_duty = [&](std::string who) {
    bool first = true;
    store_pg::in_transaction<pqxx::serializable>(db.pool(), [&](pqxx::transaction_base& tx) {
      ++attempts;
      tx.exec("SELECT count(*) FROM duty");
      if (first) both_read.arrive_and_wait();
      first = false;
      tx.exec_params("INSERT INTO duty VALUES ($1)", who);
    });
  };
  std::thread a(take_duty, "a"), b(take_duty, "b");
  a.join();
  b.join();
  EXPECT_EQ(pg.query("SELECT count(*) FROM duty"), "2");
  EXPECT_GE(attempts, 3);  // at least one retry happened
}

TEST(PgStore, IdempotencyKeyStoresASessionOnce) {
  test::PgScratch pg;
  NEED_PG(pg);
  store_pg::Database db(store_pg::Options{pg.uri()});
  auto journal = store_pg::open_journal(db, db.ensure_account("a@example.org"));
  std::vector<std::int64_t> ids(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i)
    threads.emplace_back([&, i] {
      ids[static_cast<std::size_t>(i)] = journal->record_session_once(at("2026-11-20 21:30"), "k1");
    });
  for (auto& thread : threads) thread.join();
  for (auto id : ids) EXPECT_EQ(id, ids[0]);
  EXPECT_EQ(journal->count_key("k1"), 1);
  EXPECT_EQ(journal->sessions().size(), 1u);
  EXPECT_NE(journal->record_session_once(at("2026-11-20 21:30"), "k2"), ids[0]);
  EXPECT_EQ(journal->sessions().size(), 2u);
}

TEST(PgStore, AnAccountSeesOnlyItsOwnSessions) {
  test::PgScratch pg;
  NEED_PG(pg);
  store_pg::Database db(store_pg::Options{pg.uri()});
  auto ann = store_pg::open_journal(db, db.ensure_account("ann@example.org"));
  auto bob = store_pg::open_journal(db, db.ensure_account("bob@example.org"));
  EXPECT_EQ(db.ensure_account("ann@example.org"), db.find_account("ann@example.org"));
  EXPECT_EQ(db.find_account("nobody@example.org"), 0);
  auto anns = at("2026-11-20 21:30");
  anns.id = ann->record_session(anns);
  bob->record_session(at("2026-11-21 21:30"));
  EXPECT_EQ(ann->sessions(), std::vector<journal::Session>{anns});
  ASSERT_EQ(bob->sessions().size(), 1u);
  // Bob names Ann's session: nothing happens to it.
  auto changed = anns;
  changed.note = "bob was here";
  EXPECT_FALSE(bob->replace_session(changed));
  EXPECT_FALSE(bob->delete_session(anns.id));
  EXPECT_THROW(bob->record_morning(anns.id, {{"sleep", 1}}), Failure);
  EXPECT_EQ(ann->sessions(), std::vector<journal::Session>{anns});
  // The same session imported into both: each keeps its own copy.
  EXPECT_EQ(bob->import_sessions({at("2026-11-20 21:30")}), 1);
  EXPECT_EQ(ann->import_sessions({at("2026-11-20 21:30")}), 0);
}

}  // namespace
}  // namespace plantar
