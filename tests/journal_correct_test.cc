// A journal you can correct (issue 19, item 4) and CSV and terminal output
// that cannot be turned against the reader (issue 14, items 7 and 8), with
// the real binary and a real SQLite file.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "journal_test_support.h"
#include "output_support.h"
#include "server_test_support.h"
#include "test_support.h"

namespace plantar {
namespace {

using test::run_plantar;
using Json = nlohmann::json;

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

Json sessions(const std::string& db) {
  auto run = run_plantar({"--db", db, "history", "--json"});
  EXPECT_EQ(run.status, 0) << run.err;
  return Json::parse(run.out)["sessions"];
}

TEST(JournalCorrect, EditChangesOnlyWhatIsGiven) {
  test::TempDir dir;
  auto db = dir.file("j.db");
  ASSERT_EQ(run_plantar({"--db", db, "log", "--before", "stress=7,pain=4", "--after", "stress=5", "--goal",
                         "relax", "--note", "typo", "--at", "2026-11-20 21:30"})
                .status,
            0);
  auto run = run_plantar(
      {"--db", db, "edit", "1", "--after", "stress=3", "--note", "better", "--goal", "sleep,relax"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_TRUE(has(run.err, "Changed session 1")) << run.err;
  auto s = sessions(db)[0];
  EXPECT_EQ(s["after"]["stress"], 3);
  EXPECT_EQ(s["before"]["stress"], 7);  // not given: kept
  EXPECT_EQ(s["before"]["pain"], 4);
  EXPECT_EQ(s["note"], "better");
  EXPECT_EQ(s["goals"], Json::array({"sleep", "relax"}));
  EXPECT_EQ(s["start"], "2026-11-20T21:30:00");

  auto bad = run_plantar({"--db", db, "edit", "1", "--after", "stress=11"});
  EXPECT_EQ(bad.status, 2);
  EXPECT_TRUE(has(bad.err, "--after")) << bad.err;
  EXPECT_EQ(sessions(db)[0]["after"]["stress"], 3);  // nothing half-written
  auto missing = run_plantar({"--db", db, "edit", "9", "--note", "x"});
  EXPECT_EQ(missing.status, 2);
  EXPECT_TRUE(has(missing.err, "there is no session 9")) << missing.err;
}

TEST(JournalCorrect, DeleteAsksOrNeedsYes) {
  test::TempDir dir;
  auto db = dir.file("j.db");
  for (const char* at : {"2026-11-20 21:30", "2026-11-21 21:30"})
    ASSERT_EQ(run_plantar({"--db", db, "log", "--before", "stress=6", "--at", at}).status, 0);
  auto refused = run_plantar({"--db", db, "delete", "1"});
  EXPECT_EQ(refused.status, 2);
  EXPECT_TRUE(has(refused.err, "--yes")) << refused.err;
  EXPECT_EQ(sessions(db).size(), 2u);
  auto done = run_plantar({"--db", db, "delete", "1", "--yes"});
  EXPECT_EQ(done.status, 0) << done.err;
  auto left = sessions(db);
  ASSERT_EQ(left.size(), 1u);
  EXPECT_EQ(left[0]["id"], 2);
  EXPECT_EQ(test::sqlite(db, "SELECT count(*) FROM ratings WHERE session_id = 1;"), "0");
  EXPECT_EQ(run_plantar({"--db", db, "delete", "1", "--yes"}).status, 2);  // gone already
}

TEST(JournalCorrect, MorningsGoWhereTheyBelongAndOverwritingWarns) {
  test::TempDir dir;
  auto db = dir.file("j.db");
  for (const char* at : {"2026-11-20 21:30", "2026-11-21 21:30", "2026-11-22 21:30"})
    ASSERT_EQ(run_plantar({"--db", db, "log", "--before", "stress=6", "--at", at}).status, 0);
  EXPECT_EQ(run_plantar({"--db", db, "log", "--morning", "sleep=8", "--session", "1"}).status, 0);
  EXPECT_EQ(run_plantar({"--db", db, "log", "--morning", "sleep=6", "--at", "2026-11-22 07:00"}).status, 0);
  auto all = sessions(db);
  EXPECT_EQ(all[0]["morning"]["sleep"], 8);
  EXPECT_EQ(all[1]["morning"]["sleep"], 6);  // the last session before 22 Nov 07:00
  EXPECT_FALSE(all[2].contains("morning") && all[2]["morning"].contains("sleep"));

  auto again = run_plantar({"--db", db, "log", "--morning", "sleep=2", "--session", "1"});
  EXPECT_EQ(again.status, 0);
  EXPECT_TRUE(has(again.err, "Warning: session 1")) << again.err;
  EXPECT_TRUE(has(again.err, "sleep 8")) << again.err;
  EXPECT_EQ(sessions(db)[0]["morning"]["sleep"], 2);
  EXPECT_EQ(run_plantar({"--db", db, "log", "--morning", "sleep=2", "--session", "7"}).status, 2);
}

TEST(JournalCorrect, AFutureTimeIsRefused) {
  test::TempDir dir;
  auto db = dir.file("j.db");
  auto run = run_plantar({"--db", db, "log", "--before", "stress=6", "--at", "2099-06-01 10:00"});
  EXPECT_EQ(run.status, 2);
  EXPECT_TRUE(has(run.err, "--at: '2099-06-01 10:00' is more than a day in the future")) << run.err;
  EXPECT_FALSE(std::filesystem::exists(db));
}

TEST(JournalCsv, FormulasAreNeutralizedAndRoundTrip) {
  test::TempDir dir;
  auto db = dir.file("j.db");
  std::vector<std::string> notes{
      "=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2", "@SUM(1)", "\tTab", "'=quoted already", "plain"};
  int day = 10;
  for (const auto& note : notes)
    ASSERT_EQ(run_plantar({"--db", db, "log", "--before", "stress=5", "--note=" + note, "--at",
                           "2026-11-" + std::to_string(day++) + " 21:00"})
                  .status,
              0);
  auto csv = run_plantar({"--db", db, "export", "--format", "csv"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_TRUE(has(csv.out, "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")) << csv.out;
  EXPECT_TRUE(has(csv.out, ",'+1+1\r\n")) << csv.out;
  EXPECT_TRUE(has(csv.out, ",'-2\r\n")) << csv.out;
  EXPECT_TRUE(has(csv.out, ",'@SUM(1)\r\n")) << csv.out;
  EXPECT_TRUE(has(csv.out, ",''=quoted already\r\n")) << csv.out;
  EXPECT_TRUE(has(csv.out, ",plain\r\n")) << csv.out;
  EXPECT_FALSE(has(csv.out, "routine")) << "no JSON in the CSV";
  std::ofstream(dir.file("j.csv"), std::ios::binary) << csv.out;
  auto other = dir.file("other.db");
  auto imported = run_plantar({"--db", other, "import", dir.file("j.csv")});
  ASSERT_EQ(imported.status, 0) << imported.err;
  auto back = sessions(other);
  ASSERT_EQ(back.size(), notes.size());
  for (std::size_t i = 0; i < notes.size(); ++i) EXPECT_EQ(back[i]["note"], notes[i]);
}

TEST(JournalCsv, ASpreadsheetsCrlfAndByteOrderMarkImport) {
  test::TempDir dir;
  auto db = dir.file("j.db");
  ASSERT_EQ(run_plantar({"--db", db, "log", "--before", "stress=5", "--note", "two\nlines", "--at",
                         "2026-11-10 21:00"})
                .status,
            0);
  std::string csv = run_plantar({"--db", db, "export", "--format", "csv"}).out;
  std::ofstream(dir.file("s.csv"), std::ios::binary) << "\xEF\xBB\xBF" << csv << "\r\n";  // BOM, a blank line
  auto other = dir.file("other.db");
  auto run = run_plantar({"--db", other, "import", dir.file("s.csv")});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(sessions(other)[0]["note"], "two\nlines");
}

TEST(TerminalText, ControlCharactersInNotesAreShownNotObeyed) {
  test::TempDir dir;
  auto db = dir.file("j.db");
  std::string note = "\x1b]0;owned\x07\x1b[31mred\x1b[0m\rover";
  ASSERT_EQ(run_plantar({"--db", db, "log", "--before", "stress=5", "--note", note}).status, 0);
  auto history = run_plantar({"--db", db, "history"});
  EXPECT_FALSE(has(history.out, "\x1b")) << history.out;
  EXPECT_FALSE(has(history.out, "\x07")) << history.out;
  EXPECT_TRUE(has(history.out, "note: ^[]0;owned^G^[[31mred^[[0m^Mover")) << history.out;
  // JSON keeps the text as it is (escaped by JSON itself).
  EXPECT_EQ(sessions(db)[0]["note"], note);
}

TEST(TerminalText, AsciiWhenTheLocaleIsNotUtf8) {
  test::TempDir dir;
  auto db = dir.file("j.db");
  ASSERT_EQ(run_plantar({"--db", db, "log", "--before", "stress=7", "--after", "stress=3"}).status, 0);
  auto utf8 = run_plantar({"--db", db, "history"});
  EXPECT_TRUE(has(utf8.out, "stress 7→3")) << utf8.out;
  std::string err;
  std::string out_file = dir.file("out");
  // run_plantar_to keeps the environment: set LC_ALL for this one run.
  setenv("LC_ALL", "C", 1);
  test::run_plantar_to({"--db", db, "history"}, out_file, &err);
  test::run_plantar_to({"--db", db, "export"}, dir.file("export"), &err);
  setenv("LC_ALL", "C.UTF-8", 1);
  EXPECT_TRUE(has(test::file_bytes(out_file), "stress 7->3")) << test::file_bytes(out_file);
  EXPECT_FALSE(has(test::file_bytes(out_file), "→"));
}

// The web journal corrects the same way: PUT and DELETE /api/journal/ID,
// with the token; the answers name the field or the session.
TEST(JournalCorrectApi, PutReplacesAndDeleteRemoves) {
  test::TempDir dir;
  test::LiveServer live(false, {}, dir.path.string());
  ASSERT_EQ(
      live.post("/api/journal", R"({"start": "2026-11-20T21:30:00", "before": {"stress": 7}, "note": "x"})")
          ->status,
      201);
  ASSERT_EQ(live.post("/api/journal", R"({"start": "2026-11-21T21:30:00", "before": {"stress": 5}})")->status,
            201);
  auto first = Json::parse(live.client().Get("/api/journal")->body)["sessions"][0];
  first.erase("id");
  first["after"] = {{"stress", 2}};
  first["note"] = "fixed";
  httplib::Headers token{{"X-Plantar-Token", live.server().csrf_token()}};
  auto put = live.client().Put("/api/journal/1", token, first.dump(), "application/json");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 200) << put->body;
  auto stored = sessions(dir.path.string())[0];
  EXPECT_EQ(stored["after"]["stress"], 2);
  EXPECT_EQ(stored["note"], "fixed");
  EXPECT_EQ(stored["before"]["stress"], 7);

  auto bad = live.client().Put("/api/journal/1", token, R"({"after": {"stress": 12}})", "application/json");
  EXPECT_EQ(bad->status, 400);
  EXPECT_EQ(Json::parse(bad->body)["field"], "after.stress") << bad->body;  // the JSON path in the API
  EXPECT_EQ(live.client().Put("/api/journal/9", token, "{}", "application/json")->status, 404);
  EXPECT_EQ(live.client().Put("/api/journal/x1", token, "{}", "application/json")->status, 400);
  EXPECT_EQ(live.client().Delete("/api/journal/1")->status, 403);  // no token
  auto removed = live.client().Delete("/api/journal/1", token, "", "application/json");
  EXPECT_EQ(removed->status, 200) << removed->body;
  EXPECT_EQ(sessions(dir.path.string()).size(), 1u);
  EXPECT_EQ(live.client().Delete("/api/journal/1", token, "", "application/json")->status, 404);
}

// The web's morning check-in stores what `plantar log --morning` stores.
TEST(JournalMorningApi, JoinsTheLatestOrTheGivenSessionAndRefusesBadInput) {
  test::TempDir dir;
  test::LiveServer live(false, {}, dir.path.string());
  auto none = live.post("/api/journal/morning", R"({"sleep": 7})");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 400) << none->body;  // no session yet
  EXPECT_EQ(Json::parse(none->body)["field"], "session") << none->body;
  ASSERT_EQ(live.post("/api/journal", R"({"start": "2026-11-20T21:30:00", "before": {"stress": 7}})")->status,
            201);
  ASSERT_EQ(live.post("/api/journal", R"({"start": "2026-11-21T21:30:00", "before": {"stress": 5}})")->status,
            201);
  auto latest = live.post("/api/journal/morning", R"({"sleep": 8, "heel_pain": 3})");
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->status, 200) << latest->body;
  EXPECT_EQ(Json::parse(latest->body)["id"], 2) << latest->body;
  auto first = live.post("/api/journal/morning", R"({"heel_pain": 6, "session": 1})");
  EXPECT_EQ(first->status, 200) << first->body;
  auto stored = sessions(dir.path.string());
  EXPECT_EQ(stored[0]["morning"], Json({{"heel_pain", 6}}));
  EXPECT_EQ(stored[1]["morning"], Json({{"sleep", 8}, {"heel_pain", 3}}));

  for (auto [body, field] :
       std::vector<std::pair<std::string, std::string>>{{R"({"sleep": 11})", "sleep"},
                                                        {R"({"heel_pain": 2.5})", "heel_pain"},
                                                        {R"({"mood": 3, "sleep": 2})", "mood"},
                                                        {R"({})", "sleep"},
                                                        {R"({"sleep": 2, "session": 9})", "session"},
                                                        {R"({"sleep": 2, "session": "x"})", "session"}}) {
    auto bad = live.post("/api/journal/morning", body);
    ASSERT_TRUE(bad);
    EXPECT_EQ(bad->status, 400) << body << " " << bad->body;
    EXPECT_EQ(Json::parse(bad->body)["field"], field) << body << " " << bad->body;
  }
  EXPECT_EQ(sessions(dir.path.string())[1]["morning"]["sleep"], 8);  // nothing half-written
  EXPECT_EQ(live.client().Get("/api/journal/morning")->status, 405);
}

}  // namespace
}  // namespace plantar
