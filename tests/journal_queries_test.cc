// The journal's commands and API answers over a journal of a few hundred
// sessions, through the real binary and a real server: history and
// /api/journal show the last N, stats and /api/stats agree, the card and the
// map read the recent days, and a morning joins the latest session.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "journal_contract.h"
#include "plantar/journal_io.h"
#include "server_test_support.h"
#include "test_support.h"

namespace plantar {
namespace {

using test::run_plantar;

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// A journal folder holding `count` sessions, stored with `plantar import`.
std::string imported_journal(const test::TempDir& dir, int count) {
  std::string file = dir.file("sessions.json");
  std::ofstream(file) << journal_io::export_json(test::varied_sessions(count, 11));
  auto run = run_plantar({"--db", dir.path.string(), "import", file});
  EXPECT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.out, "Imported " + std::to_string(count) + " sessions (0 were")) << run.out;
  return dir.path.string();
}

TEST(JournalQueries, HistoryShowsTheLastOfMany) {
  test::TempDir dir;
  auto db = imported_journal(dir, 300);
  auto text = run_plantar({"--db", db, "history", "--last", "5"});
  EXPECT_EQ(text.status, 0) << text.err;
  EXPECT_TRUE(has(text.out, "The last 5 of 300 sessions:\n")) << text.out;
  EXPECT_TRUE(has(text.out, "\n 300  ")) << text.out;  // the newest is last
  EXPECT_FALSE(has(text.out, "\n 295  ")) << text.out;
  auto json = nlohmann::json::parse(run_plantar({"--db", db, "history", "--json", "--last", "3"}).out);
  ASSERT_EQ(json["sessions"].size(), 3u);
  EXPECT_EQ(json["sessions"][0]["id"], 298);
  EXPECT_EQ(json["sessions"][2]["id"], 300);
  // Importing the same file again adds nothing (duplicates found through the index).
  auto again = run_plantar({"--db", db, "import", dir.file("sessions.json")});
  EXPECT_TRUE(has(again.out, "Imported 0 sessions (300 were already in the journal)")) << again.out;
}

TEST(JournalQueries, TheServerAnswersAsTheCommandLine) {
  test::TempDir dir;
  auto db = imported_journal(dir, 300);
  test::LiveServer live(false, {}, db);
  EXPECT_EQ(live.client().Get("/api/journal?last=7")->body,
            run_plantar({"--db", db, "history", "--json", "--last", "7"}).out);
  EXPECT_EQ(live.client().Get("/api/journal")->body, run_plantar({"--db", db, "history", "--json"}).out);
  auto stats = live.client().Get("/api/stats");
  EXPECT_EQ(stats->body, run_plantar({"--db", db, "stats", "--json"}).out);
  auto json = nlohmann::json::parse(stats->body);
  EXPECT_EQ(json["sessions"], 300);
  EXPECT_GT(json["streaks"]["longest"].get<int>(), 1);
  EXPECT_FALSE(json["goals"].empty());
  // The text of stats: sums from the store, a sparkline for every rating.
  auto text = run_plantar({"--db", db, "stats"});
  EXPECT_TRUE(has(text.out, "Your journal: 300 sessions from 2025-01-")) << text.out;
  // The morning joins the latest session, through the API as through the CLI.
  auto morning = live.post("/api/journal/morning", R"({"sleep": 6})");
  ASSERT_TRUE(morning);
  EXPECT_EQ(morning->status, 200) << morning->body;
  EXPECT_EQ(nlohmann::json::parse(morning->body)["id"], 300);
  auto unknown = live.post("/api/journal/morning", R"({"sleep": 6, "session": 301})");
  EXPECT_EQ(unknown->status, 400);
  EXPECT_TRUE(has(unknown->body, "there is no session 301")) << unknown->body;
}

TEST(JournalQueries, CardAndMapReadTheRecentDays) {
  test::TempDir dir;
  auto db = imported_journal(dir, 120);
  test::LiveServer live(false, {}, db);
  auto card = live.client().Get("/api/card?format=json&days=3650");
  ASSERT_TRUE(card);
  EXPECT_EQ(card->status, 200) << card->body;
  auto sections = nlohmann::json::parse(card->body)["card"]["sections"];
  EXPECT_FALSE(sections["sore"].empty());  // the left heel, from the sessions' spots
  EXPECT_TRUE(has(sections["trend"].dump(), "sessions,")) << sections["trend"].dump();
  // The generated sessions are long past: none in the last 30 days.
  auto recent = nlohmann::json::parse(live.client().Get("/api/card?format=json")->body);
  EXPECT_TRUE(recent["card"]["sections"]["sore"].empty());
  auto html = run_plantar({"--db", db, "card", "-o", "-", "--days", "3650"});
  EXPECT_TRUE(has(html.out, "Left heel")) << html.err;
}

}  // namespace
}  // namespace plantar
