// The command line's hosted-store commands against a real PostgreSQL:
// `plantar migrate --store`, and export/import --store --account moving one
// person's journal between SQLite and PostgreSQL, all or nothing.
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <fstream>

#include "journal_test_support.h"
#include "pg_test_support.h"
#include "plantar/pg_store.h"
#include "test_support.h"

namespace plantar {
namespace {

using test::run_plantar;

TEST(PgCli, MigrateExportAndImportOnePersonsJournal) {
  test::PgScratch pg;
  if (pg.uri().empty()) GTEST_SKIP() << test::no_pg_reason;
  auto run = run_plantar({"migrate", "--store", pg.uri(), "--json"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find(fmt::format("\"applied\": {}", store_pg::newest_schema_version())),
            std::string::npos)
      << run.out;
  EXPECT_NE(run_plantar({"migrate", "--store", pg.uri(), "--json"}).out.find("\"applied\": 0"),
            std::string::npos);

  test::TempDir dir;
  std::string db = dir.file("journal.db");
  ASSERT_EQ(run_plantar({"log", "--db", db, "--before", "stress=6", "--sore", "left:heel=4", "--at",
                         "2026-11-20 21:30"})
                .status,
            0);
  ASSERT_EQ(run_plantar({"log", "--db", db, "--before", "stress=3", "--at", "2026-11-21 21:30"}).status, 0);
  std::string file = dir.file("mine.json");
  ASSERT_EQ(run_plantar({"export", "--db", db, "-o", file}).status, 0);

  run = run_plantar({"import", file, "--store", pg.uri(), "--account", " Sam@Example.org ", "--json"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("\"added\": 2"), std::string::npos) << run.out;
  EXPECT_EQ(pg.query("SELECT email FROM accounts"), "sam@example.org");
  run = run_plantar({"import", file, "--store", pg.uri(), "--account", "sam@example.org", "--json"});
  EXPECT_NE(run.out.find("\"already_there\": 2"), std::string::npos) << run.out;

  // Back out, byte for byte the same export as SQLite's.
  run = run_plantar({"export", "--store", pg.uri(), "--account", "sam@example.org"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out, test::file_bytes(file));

  // A broken file: nothing written, exit 2 naming the file.
  std::ofstream(dir.file("broken.json"))
      << R"({"sessions": [{"start": "2026-11-22 21:30", "goals": ["flying"]}]})";
  run = run_plantar({"import", dir.file("broken.json"), "--store", pg.uri(), "--account", "new@example.org"});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("broken.json"), std::string::npos) << run.err;
  EXPECT_EQ(pg.query("SELECT count(*) FROM accounts"), "1");
  EXPECT_EQ(pg.query("SELECT count(*) FROM sessions"), "2");

  run = run_plantar({"export", "--store", pg.uri(), "--account", "nobody@example.org"});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--account: there is no account nobody@example.org"), std::string::npos) << run.err;
  EXPECT_EQ(run_plantar({"export", "--store", pg.uri()}).status, 2);
  EXPECT_EQ(run_plantar({"import", file, "--account", "sam@example.org"}).status, 2);
  EXPECT_EQ(run_plantar({"migrate", "--store", "sqlite:journal.db"}).status, 2);
  run = run_plantar({"migrate", "--store", "postgresql://me:hunter22@/x?host=/nonexistent"});
  EXPECT_EQ(run.status, 1);
  EXPECT_EQ(run.err.find("hunter22"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace plantar
