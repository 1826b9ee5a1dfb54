// The SQLite journal: what goes in comes out, the file is private, the
// schema is versioned and a newer one is refused.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "journal_test_support.h"
#include "plantar/errors.h"
#include "plantar/journal.h"
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

TEST(JournalStore, WhatGoesInComesOut) {
  test::TempDir dir;
  auto store = journal::open_sqlite_journal(dir.file("j.db"));
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
  EXPECT_EQ(store->schema_version(), journal::schema_version);
}

TEST(JournalStore, FileIsPrivateWalWithForeignKeys) {
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

TEST(JournalStore, ImportSkipsWhatIsAlreadyThere) {
  test::TempDir dir;
  auto store = journal::open_sqlite_journal(dir.file("j.db"));
  store->record_session(sample(20));
  EXPECT_EQ(store->import_sessions({sample(20), sample(22)}), 1);
  EXPECT_EQ(store->sessions().size(), 2u);
}

TEST(JournalStore, NewerSchemaIsRefusedAndLeftAlone) {
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

TEST(JournalStore, DbOptionTakesAFileOrAFolder) {
  test::TempDir dir;
  EXPECT_EQ(test::run_plantar({"log", "--db", dir.file("mine.db"), "--before", "stress=5"}).status, 0);
  EXPECT_TRUE(std::filesystem::exists(dir.file("mine.db")));
  EXPECT_EQ(test::run_plantar({"log", "--before", "stress=5", "--db", dir.file("folder")}).status, 0);
  EXPECT_TRUE(std::filesystem::exists(dir.file("folder/journal.db")));
}

}  // namespace
}  // namespace plantar
