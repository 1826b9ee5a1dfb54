// Every output is checked (docs/cli.md): standard output to /dev/full fails
// with exit status 1 for every command that prints; files to /dev/full or a
// missing folder fail naming the path; `-o -` and the {"file": ...}
// confirmation; --quiet; an interrupted audio render leaves nothing behind.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "journal_test_support.h"
#include "output_support.h"
#include "test_support.h"

namespace plantar {
namespace {

namespace fs = std::filesystem;
using test::run_plantar;

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// A journal with one session, for the commands that read it.
std::string journal_with_a_session(const test::TempDir& dir) {
  auto db = dir.file("journal.db");
  auto run = run_plantar({"--db", db, "log", "--before", "stress=7", "--after", "stress=3", "--sore",
                          "left:arch=5", "--note", "fine", "--at", "2026-11-20 21:30"});
  EXPECT_EQ(run.status, 0) << run.err;
  return db;
}

// Every command that prints something, as someone would run it.
std::vector<std::vector<std::string>> printing_commands(const std::string& db) {
  return {{"--version"},
          {"help"},
          {"help", "plan"},
          {"check", "--condition", "diabetes"},
          {"check", "--condition", "diabetes", "--json"},
          {"plan", "--goal", "sleep", "--minutes", "5"},
          {"plan", "--goal", "sleep", "--minutes", "5", "--json"},
          {"learn", "techniques"},
          {"ask", "how hard should I press"},
          {"ask", "how hard should I press", "--json"},
          {"--db", db, "history"},
          {"--db", db, "history", "--json"},
          {"--db", db, "stats"},
          {"--db", db, "stats", "--chart", "-"},
          {"--db", db, "export"},
          {"--db", db, "export", "--format", "csv"},
          {"--db", db, "map", "-o", "-"},
          {"--db", db, "card", "-o", "-"},
          {"remind", "-o", "-"},
          {"--db", db, "places", "list"},
          {"guide", "--goal", "sleep", "--minutes", "3", "--json"}};
}

TEST(CliOutput, StandardOutputToAFullDiskFails) {
  test::TempDir dir;
  auto db = journal_with_a_session(dir);
  for (const auto& args : printing_commands(db)) {
    std::string err;
    std::string shown;
    for (const auto& a : args) shown += a + " ";
    EXPECT_EQ(test::run_plantar_to(args, "/dev/full", &err), 1) << shown << err;
    EXPECT_TRUE(has(err, "cannot write to standard output")) << shown << err;
    // The same command to a real file works: the failure is the disk's.
    EXPECT_EQ(test::run_plantar_to(args, dir.file("out")), 0) << shown;
  }
}

TEST(CliOutput, FilesThatCannotBeWrittenNameThePath) {
  test::TempDir dir;
  auto db = journal_with_a_session(dir);
  for (const auto& args : std::vector<std::vector<std::string>>{{"--db", db, "export", "-o", "/dev/full"},
                                                                {"remind", "-o", "/dev/full"}}) {
    auto run = run_plantar(args);
    EXPECT_EQ(run.status, 1) << args[args.size() - 3] << run.err;
    EXPECT_TRUE(has(run.err, "cannot write /dev/full: No space left on device")) << run.err;
  }
  EXPECT_EQ(fs::status(fs::path("/dev/full")).type(), fs::file_type::character);  // never replaced
  std::string missing = dir.file("no/such/folder/m.png");
  for (const auto& args :
       std::vector<std::vector<std::string>>{{"--db", db, "map", "-o", missing},
                                             {"--db", db, "card", "-o", missing},
                                             {"--db", db, "stats", "--chart", missing},
                                             {"audio", "--goal", "sleep", "-o", missing + ".ogg"}}) {
    auto run = run_plantar(args);
    EXPECT_EQ(run.status, 1) << args[2] << run.err;
    EXPECT_TRUE(has(run.err, "cannot write " + missing)) << run.err;
  }
}

TEST(CliOutput, DashWritesEveryOutputToStandardOutput) {
  test::TempDir dir;
  auto db = journal_with_a_session(dir);
  auto map = run_plantar({"--db", db, "map", "-o", "-"});
  EXPECT_TRUE(has(map.out, "<svg")) << map.err;
  auto card = run_plantar({"--db", db, "card", "-o", "-"});
  EXPECT_TRUE(has(card.out, "<html")) << card.err;
  auto chart = run_plantar({"--db", db, "stats", "--chart", "-"});
  EXPECT_TRUE(has(chart.out, "<svg")) << chart.err;
  auto csv = run_plantar({"--db", db, "export", "--format", "csv", "-o", "-"});
  EXPECT_TRUE(has(csv.out, "start,end")) << csv.err;
  auto ics = run_plantar({"remind", "-o", "-"});
  EXPECT_TRUE(has(ics.out, "BEGIN:VCALENDAR")) << ics.err;
  auto audio = run_plantar({"audio", "--goal", "sleep", "--minutes", "3", "-o", "-"});
  ASSERT_EQ(audio.status, 0) << audio.err;
  EXPECT_EQ(audio.out.substr(0, 4), "RIFF");
  EXPECT_GT(audio.out.size(), 3u * 60 * 16000 * 2);  // 3 minutes of 16-bit samples at 16 kHz
}

TEST(CliOutput, ConfirmationsGoToStandardErrorOrAsOneJsonShape) {
  test::TempDir dir;
  auto db = journal_with_a_session(dir);
  struct Case {
    std::vector<std::string> args;
    std::string file;
  };
  std::vector<Case> cases{{{"--db", db, "map", "-o", dir.file("m.svg")}, dir.file("m.svg")},
                          {{"--db", db, "card", "-o", dir.file("c.html")}, dir.file("c.html")},
                          {{"--db", db, "export", "-o", dir.file("e.json")}, dir.file("e.json")},
                          {{"remind", "-o", dir.file("r.ics")}, dir.file("r.ics")}};
  for (auto& c : cases) {
    auto text = run_plantar(c.args);
    EXPECT_EQ(text.status, 0) << text.err;
    EXPECT_EQ(text.out, "") << c.file;
    EXPECT_TRUE(has(text.err, c.file)) << text.err;
    auto args = c.args;
    args.push_back("--quiet");
    auto quiet = run_plantar(args);
    EXPECT_EQ(quiet.out + quiet.err, "") << c.file;
    args.back() = "--json";
    auto json = run_plantar(args);
    auto answer = nlohmann::json::parse(json.out, nullptr, false);
    ASSERT_TRUE(answer.is_object()) << json.out << json.err;
    EXPECT_EQ(answer["file"], c.file) << json.out;
    EXPECT_TRUE(fs::exists(c.file));
  }
}

TEST(CliOutput, AnInterruptedAudioRenderLeavesNothingBehind) {
  test::TempDir dir;
  std::string file = dir.file("long.ogg");
  for (int signal : {SIGINT, SIGTERM}) {
    pid_t child = test::spawn_plantar({"audio", "--goal", "sleep", "--minutes", "10", "-o", file});
    // Wait for the writing phase (the partial file), then interrupt it.
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (!fs::exists(file + ".partial") && std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ASSERT_TRUE(fs::exists(file + ".partial")) << "the render never started writing";
    kill(child, signal);
    EXPECT_EQ(test::wait_child(child), 128 + signal);
    EXPECT_FALSE(fs::exists(file + ".partial")) << signal;
    EXPECT_FALSE(fs::exists(file)) << signal;
  }
}

}  // namespace
}  // namespace plantar
