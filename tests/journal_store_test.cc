// The journal stores: what goes in comes out, the schema is versioned.
// The same tests run over SQLite and PostgreSQL (JournalStore, a
// parameterized suite); the SQLite file's own rules (private, WAL, a newer
// schema refused) are in JournalFile.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "journal_contract.h"
#include "journal_test_support.h"
#include "pg_test_support.h"
#include "plantar/errors.h"
#include "plantar/journal.h"
#include "plantar/pg_store.h"
#include "test_support.h"

namespace plantar {
namespace {

std::string fmt_day(int day) { return "2026-11-" + std::to_string(day) + " 21:30"; }

journal::Session sample(int day) {
  journal::Session s;
  s.start = *parse_timestamp(fmt_day(day));
  s.end = add_minutes(s.start, 10);
  s.minutes = 10;
  s.goals = {"relax", "sleep"};
  s.techniques = {"thumb_heel_press"};
  s.steps_total = 6;
  s.steps_done = 4;
  s.finished = false;
  s.stop_reason = "phone rang";
  s.before = {{"stress", 7}, {"pain", 4}};
  s.after = {{"stress", 3}};
  s.morning = {{"sleep", 8}};
  s.sore = {{Foot::right, Region::heel, 0.25, 0.75, 6}};
  s.note = "a note, with \"quotes\"\nand a new line";
  return s;
}

// One store of the kind the test's parameter names, fresh for each test.
class JournalStore : public testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite") {
      store_ = journal::open_sqlite_journal(dir_.file("j.db"));
      return;
    }
    pg_ = std::make_unique<test::PgScratch>();
    if (pg_->uri().empty()) GTEST_SKIP() << test::no_pg_reason;
    db_ = std::make_unique<store_pg::Database>(store_pg::Options{pg_->uri()});
    store_ = store_pg::open_journal(*db_, db_->ensure_account("someone@example.org"));
  }
  journal::Journal& store() { return *store_; }

 private:
  test::TempDir dir_;
  std::unique_ptr<test::PgScratch> pg_;
  std::unique_ptr<store_pg::Database> db_;
  std::unique_ptr<journal::Journal> store_;
};

INSTANTIATE_TEST_SUITE_P(Stores, JournalStore, testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST_P(JournalStore, WhatGoesInComesOut) {
  journal::Journal* store = &this->store();
  auto first = sample(20);
  auto second = sample(21);
  second.routine_json = R"({"steps":[]})";
  first.id = store->record_session(first);
  second.id = store->record_session(second);
  auto sessions = store->sessions();
  ASSERT_EQ(sessions.size(), 2u);
  EXPECT_EQ(sessions[0], first);
  EXPECT_EQ(sessions[1], second);
  store->record_morning(first.id, {{"heel_pain", 2}});
  EXPECT_EQ(store->sessions()[0].morning, (journal::Ratings{{"sleep", 8}, {"heel_pain", 2}}));
  EXPECT_EQ(store->schema_version(),
            GetParam() == "sqlite" ? journal::schema_version : store_pg::newest_schema_version());
}

TEST_P(JournalStore, CorrectionsAndDeletionsTouchOnlyTheirSession) {
  auto first = sample(20), second = sample(21);
  first.id = store().record_session(first);
  second.id = store().record_session(second);
  first.note = "corrected";
  first.sore = {{Foot::left, Region::arch, 0.5, 0.5, 3}, {Foot::left, Region::toes, 0.1, 0.2, 9}};
  first.after = {};
  EXPECT_TRUE(store().replace_session(first));
  auto missing = first;
  missing.id = second.id + 1000;
  EXPECT_FALSE(store().replace_session(missing));
  EXPECT_EQ(store().sessions(), (std::vector<journal::Session>{first, second}));
  EXPECT_TRUE(store().delete_session(first.id));
  EXPECT_FALSE(store().delete_session(first.id));
  EXPECT_EQ(store().sessions(), std::vector<journal::Session>{second});
  EXPECT_THROW(store().record_morning(first.id, {{"sleep", 3}}), Failure);
}

TEST_P(JournalStore, ImportIsAllOrNothingAndSkipsDuplicates) {
  store().record_session(sample(20));
  EXPECT_EQ(store().import_sessions({sample(20), sample(22), sample(22)}), 1);
  EXPECT_EQ(store().sessions().size(), 2u);
  auto broken = sample(23);
  broken.sore = {{Foot::left, Region::arch, 2.0, 0.5, 3}};  // x past 1: the store's own check refuses it
  EXPECT_THROW(store().import_sessions({sample(24), broken}), Failure);
  EXPECT_EQ(store().sessions().size(), 2u);
}

TEST(JournalFile, FileIsPrivateWalWithForeignKeys) {
  test::TempDir dir;
  std::string path = dir.file("sub/folder/j.db");
  journal::open_sqlite_journal(path)->record_session(sample(20));
  struct stat info {};
  ASSERT_EQ(stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  EXPECT_EQ(test::sqlite(path, "PRAGMA journal_mode"), "wal");
  EXPECT_EQ(test::sqlite(path, "PRAGMA user_version"), std::to_string(journal::schema_version));
  EXPECT_EQ(test::sqlite(path, "PRAGMA foreign_key_list(ratings)").substr(0, 11), "0|0|session");
}

TEST(JournalFile, NewerSchemaIsRefusedAndLeftAlone) {
  test::TempDir dir;
  std::string path = dir.file("j.db");
  journal::open_sqlite_journal(path)->record_session(sample(20));
  test::sqlite(path, "PRAGMA user_version = 99");
  std::string before = test::file_bytes(path);
  EXPECT_THROW(journal::open_sqlite_journal(path), Failure);
  auto run = test::run_plantar({"history", "--db", path});
  EXPECT_EQ(run.status, 1);
  EXPECT_NE(run.err.find("newer plantar (schema version 99"), std::string::npos) << run.err;
  run = test::run_plantar({"log", "--db", path, "--before", "stress=3"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(test::file_bytes(path), before);
}

// A journal of schema 1 (plantar before the day and week columns), written
// with the sqlite3 shell as that version wrote it.
void write_version_1(const std::string& path) {
  test::sqlite(path, R"sql(
CREATE TABLE sessions (id INTEGER PRIMARY KEY, started TEXT NOT NULL, ended TEXT, minutes INTEGER,
  goals TEXT NOT NULL DEFAULT '', techniques TEXT NOT NULL DEFAULT '', routine TEXT NOT NULL DEFAULT '',
  steps_total INTEGER, steps_done INTEGER, finished INTEGER NOT NULL DEFAULT 1 CHECK (finished IN (0, 1)),
  stop_reason TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '');
CREATE INDEX sessions_started ON sessions (started);
CREATE TABLE ratings (session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  phase TEXT NOT NULL CHECK (phase IN ('before', 'after', 'morning')), measure TEXT NOT NULL,
  value INTEGER NOT NULL CHECK (value BETWEEN 0 AND 10), PRIMARY KEY (session_id, phase, measure));
CREATE TABLE sore_spots (id INTEGER PRIMARY KEY,
  session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  foot TEXT NOT NULL CHECK (foot IN ('left', 'right')), region TEXT NOT NULL,
  x REAL NOT NULL CHECK (x BETWEEN 0 AND 1), y REAL NOT NULL CHECK (y BETWEEN 0 AND 1),
  intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10));
CREATE INDEX sore_spots_session ON sore_spots (session_id);
INSERT INTO sessions (id, started, goals) VALUES (1, '2026-01-01T21:30:00', 'relax'),
  (2, '2026-01-04T08:00:00', 'relax,sleep'), (3, '2026-01-05T21:00:00', '');
INSERT INTO ratings VALUES (1, 'before', 'stress', 7), (1, 'after', 'stress', 3),
  (2, 'before', 'stress', 6), (2, 'after', 'stress', 5), (2, 'morning', 'sleep', 8);
PRAGMA user_version = 1;
)sql");
}

TEST(JournalFile, AVersion1FileIsUpgradedOnOpen) {
  test::TempDir dir;
  std::string path = dir.file("old.db");
  write_version_1(path);
  auto store = journal::open_sqlite_journal(path);
  EXPECT_EQ(store->schema_version(), journal::schema_version);
  // 2026-01-01 is a Thursday of ISO week 1; 2026-01-04 is the Sunday of that week.
  EXPECT_EQ(test::sqlite(path, "SELECT group_concat(day || ' ' || week, ';') FROM sessions"),
            "20454 2026-W01;20457 2026-W01;20458 2026-W02");
  auto totals = store->totals();
  EXPECT_EQ(totals, journal::totals_of(store->sessions()));
  EXPECT_EQ(totals.measures["stress"]["2026-W01"].change, (journal::Moments{2, -5, 17}));
  EXPECT_EQ(totals.last_run, 2);
  // What the old file held comes out unchanged, and it takes new sessions.
  EXPECT_EQ(store->session(2)->morning, (journal::Ratings{{"sleep", 8}}));
  store->record_session(sample(20));
  EXPECT_EQ(store->totals(), journal::totals_of(store->sessions()));
}

// A journal of schema 2 (before the kept sums): the migration fills the
// sums from the sessions stored, and the answers stay the same.
TEST(JournalFile, AVersion2FileGetsItsSumsOnOpen) {
  test::TempDir dir;
  std::string path = dir.file("old.db");
  journal::Totals expected;
  {
    auto store = journal::open_sqlite_journal(path);
    store->import_sessions(test::varied_sessions(300, 4));
    expected = journal::totals_of(store->sessions());
  }
  test::sqlite(path,
               "DROP TABLE pair_sums; DROP TABLE morning_sums; DROP TABLE change_sums; "
               "DROP TABLE day_sums; PRAGMA user_version = 2;");
  auto store = journal::open_sqlite_journal(path);
  EXPECT_EQ(store->schema_version(), 3);
  EXPECT_EQ(store->totals(), expected);
  EXPECT_NE(test::sqlite(path, "SELECT count(*) FROM pair_sums"), "0");
  store->record_session(sample(20));
  EXPECT_EQ(store->totals(), journal::totals_of(store->sessions()));
}

// The last N come from the index on the start time: no sort of the whole table.
TEST(JournalFile, TheLastSessionsComeFromTheIndex) {
  test::TempDir dir;
  std::string path = dir.file("j.db");
  journal::open_sqlite_journal(path)->record_session(sample(20));
  std::string plan =
      test::sqlite(path, "EXPLAIN QUERY PLAN SELECT * FROM sessions ORDER BY started DESC, id DESC LIMIT 20");
  EXPECT_NE(plan.find("INDEX sessions_started"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  plan =
      test::sqlite(path, "EXPLAIN QUERY PLAN SELECT id FROM sessions WHERE started = '2026-11-20T21:30:00'");
  EXPECT_NE(plan.find("INDEX sessions_started"), std::string::npos) << plan;
}

TEST(JournalFile, DbOptionTakesAFileOrAFolder) {
  test::TempDir dir;
  EXPECT_EQ(test::run_plantar({"log", "--db", dir.file("mine.db"), "--before", "stress=5"}).status, 0);
  EXPECT_TRUE(std::filesystem::exists(dir.file("mine.db")));
  EXPECT_EQ(test::run_plantar({"log", "--before", "stress=5", "--db", dir.file("folder")}).status, 0);
  EXPECT_TRUE(std::filesystem::exists(dir.file("folder/journal.db")));
}

}  // namespace
}  // namespace plantar
