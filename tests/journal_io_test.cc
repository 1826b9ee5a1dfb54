// Export and import: CSV and JSON round trips through the real binary, and
// import errors that name the line or field.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "journal_test_support.h"
#include "plantar/errors.h"
#include "plantar/journal_io.h"
#include "test_support.h"

namespace plantar {
namespace {

void fill(const std::string& db) {
  ASSERT_EQ(test::run_plantar({"log", "--db", db, "--at", "2026-11-16 21:30", "--before",
                               "stress=7,pain=5,tension=6", "--after", "stress=3,pain=3", "--sore",
                               "left:arch@0.25,0.6=6", "--goal", "relax", "--minutes", "10", "--note",
                               "long day, \"sore\" arches"})
                .status,
            0);
  ASSERT_EQ(test::run_plantar({"log", "--db", db, "--morning", "sleep=8,heel_pain=2"}).status, 0);
  auto plan = test::run_plantar({"plan", "--goal", "plantar_fasciitis", "--minutes", "5", "--json"});
  std::ofstream(db + ".plan.json") << plan.out;
  ASSERT_EQ(test::run_plantar({"log", "--db", db, "--at", "2026-11-18 07:05", "--routine", db + ".plan.json",
                               "--before", "pain=6", "--after", "pain=4", "--stopped", "the phone rang"})
                .status,
            0);
}

TEST(JournalExport, RoundTripsThroughCsvAndJson) {
  test::TempDir dir;
  std::string db = dir.file("a.db");
  fill(db);
  auto original = test::run_plantar({"export", "--db", db, "--format", "json"});
  ASSERT_EQ(original.status, 0);
  for (std::string format : {"csv", "json"}) {
    std::string file = dir.file("export." + format);
    ASSERT_EQ(test::run_plantar({"export", "--db", db, "--format", format, "-o", file}).status, 0);
    std::string copy = dir.file("copy-" + format + ".db");
    auto imported = test::run_plantar({"import", "--db", copy, file});
    ASSERT_EQ(imported.status, 0) << imported.err;
    EXPECT_EQ(imported.out, "Imported 2 sessions (0 were already in the journal).\n");
    // The CSV leaves the routine to the JSON export: everything else round-trips.
    auto want = nlohmann::json::parse(original.out);
    if (format == "csv")
      for (auto& s : want["sessions"]) s["routine"] = nullptr;
    EXPECT_EQ(nlohmann::json::parse(test::run_plantar({"export", "--db", copy, "--format", "json"}).out),
              want)
        << format;
    auto again = test::run_plantar({"import", "--db", copy, file});
    EXPECT_EQ(again.out, "Imported 0 sessions (2 were already in the journal).\n") << format;
  }
  auto sessions = journal_io::read_export(original.out, "x");
  ASSERT_EQ(sessions.size(), 2u);
  EXPECT_EQ(sessions[0].morning.at("heel_pain"), 2);
  EXPECT_FALSE(sessions[1].finished);
  EXPECT_EQ(sessions[1].goals, std::vector<std::string>{"plantar_fasciitis"});
  EXPECT_FALSE(sessions[1].routine_json.empty());
}

TEST(JournalExport, ErrorsNameTheLineOrField) {
  auto fails = [](const std::string& text, const std::string& says) {
    try {
      journal_io::read_export(text, "f");
      ADD_FAILURE() << "accepted: " << text;
    } catch (const BadInput& e) {
      EXPECT_NE(std::string(e.what()).find(says), std::string::npos) << e.what();
    }
  };
  fails("", "empty");
  fails("a,b\n", "f:1");
  fails(R"({"format": "plantar-journal", "version": 1, "sessions": [{"start": "2026-11-16T21:30:00",
        "before": {"stres": 4}}]})",
        "did you mean 'stress'");
  fails(R"({"format": "plantar-journal", "version": 9, "sessions": []})", "version");
  fails(R"({"format": "plantar-journal", "version": 1, "sessions": [{"start": "2026-11-16T21:30:00",
        "sore": [{"foot": "left", "region": "arch", "x": 2, "intensity": 3}]}]})",
        "sessions[0].sore[0]");
}

}  // namespace
}  // namespace plantar
