// Nothing lost: the real binary killed with SIGKILL mid-write, two writers at
// once, and bad input that must leave the journal byte for byte unchanged.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <random>
#include <set>

#include "journal_test_support.h"
#include "plantar/journal.h"
#include "test_support.h"

namespace plantar {
namespace {

// Session n starts n minutes after 2026-01-01 08:00.
std::string fmt_time(int n);

std::vector<std::string> log_args(const std::string& db, int n) {
  return {"log",
          "--db",
          db,
          "--at",
          fmt_time(n),
          "--before",
          "stress=7,pain=5,tension=6",
          "--after",
          "stress=3,pain=2",
          "--sore",
          "left:arch=6",
          "--sore",
          "right:heel=4",
          "--note",
          "run " + std::to_string(n)};
}

TEST(NothingLost, KilledMidWriteLosesNoCommittedSession) {
  test::TempDir dir;
  std::string db = dir.file("journal.db");
  // How long one whole run takes here, so that the kills land during its work.
  auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(test::wait_child(test::spawn_plantar(log_args(db, 0))), 0);
  auto whole =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
  std::mt19937 random(20261122);
  std::uniform_int_distribution<long> delay(0, std::max<long>(1000, whole.count() * 11 / 10));
  std::set<int> committed{0};
  int killed = 0;
  for (int n = 1; n <= 200; ++n) {
    pid_t pid = test::spawn_plantar(log_args(db, n));
    usleep(static_cast<useconds_t>(delay(random)));
    kill(pid, SIGKILL);
    int status = test::wait_child(pid);
    if (status == 0) committed.insert(n);
    killed += status == 128 + SIGKILL;
    ASSERT_TRUE(status == 0 || status == 128 + SIGKILL) << "run " << n << " exited " << status;
  }
  EXPECT_GT(killed, 20) << "the kills should hit runs at work";
  EXPECT_EQ(test::sqlite(db, "PRAGMA integrity_check"), "ok");
  auto sessions = journal::open_sqlite_journal(db)->sessions();
  std::set<int> present;
  for (const auto& s : sessions) {
    // Every session is whole: one transaction wrote all of it or none.
    EXPECT_EQ(s.before.size(), 3u);
    EXPECT_EQ(s.after.size(), 2u);
    EXPECT_EQ(s.sore.size(), 2u);
    present.insert(std::stoi(s.note.substr(4)));
  }
  for (int n : committed) EXPECT_TRUE(present.count(n)) << "session " << n << " was committed but is missing";
  EXPECT_EQ(present.size(), sessions.size()) << "no session twice";
}

TEST(NothingLost, TwoWritersAtOnceBothSucceed) {
  test::TempDir dir;
  std::string db = dir.file("journal.db");
  auto writer = [&](int first) {
    std::string script = "for i in 0 1 2 3 4 5 6 7; do '" + std::string(PLANTAR_BINARY) + "' log --db '" +
                         db + "' --before stress=5 --after stress=2 --note \"w" + std::to_string(first) +
                         " $i\" >/dev/null || exit 1; done";
    pid_t pid = fork();
    if (pid == 0) {
      execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    return pid;
  };
  pid_t a = writer(1), b = writer(2);
  EXPECT_EQ(test::wait_child(a), 0);
  EXPECT_EQ(test::wait_child(b), 0);
  EXPECT_EQ(journal::open_sqlite_journal(db)->sessions().size(), 16u);
  EXPECT_EQ(test::sqlite(db, "PRAGMA integrity_check"), "ok");
}

struct BadCase {
  std::vector<std::string> args;
  std::string says;
};

TEST(NothingLost, BadInputExits2AndLeavesTheJournalAlone) {
  test::TempDir dir;
  std::string db = dir.file("journal.db");
  ASSERT_EQ(test::run_plantar(log_args(db, 1)).status, 0);
  ASSERT_EQ(test::run_plantar(log_args(db, 2)).status, 0);
  auto exported = test::run_plantar({"export", "--db", db, "--format", "json"});
  ASSERT_EQ(exported.status, 0);
  std::string bad_json = exported.out;
  bad_json.replace(bad_json.rfind("\"stress\": 7"), 11, "\"stress\": 11");
  std::ofstream(dir.file("bad.json")) << bad_json;
  auto csv = test::run_plantar({"export", "--db", db, "--format", "csv"}).out;
  auto row_start = csv.find('\n') + 1;
  std::string row = csv.substr(row_start, csv.find('\n', row_start) + 1 - row_start);
  std::ofstream(dir.file("bad.csv")) << csv << row.replace(0, 19, "2026-02-30T10:00:00");
  std::ofstream(dir.file("garbage.json"))
      << "{\"format\": \"plantar-journal\", \"version\": 1, \"sessions\": [";
  std::string before = test::file_bytes(db);
  auto listing = [&] {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path))
      names.push_back(entry.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  };
  auto files = listing();
  std::vector<BadCase> cases{
      {{"import", "--db", db, dir.file("bad.json")}, "sessions[1].before.stress"},
      {{"import", "--db", db, dir.file("bad.csv")}, "bad.csv:4 start"},
      {{"import", "--db", db, dir.file("garbage.json")}, "not valid JSON"},
      {{"import", "--db", db, dir.file("missing.json")}, "cannot read"},
      {{"log", "--db", db, "--before", "stress=11"}, "--before stress"},
      {{"log", "--db", db, "--before", "stres=4"}, "did you mean 'stress'"},
      {{"log", "--db", db, "--sore", "left:arc=4"}, "--sore"},
      {{"log", "--db", db, "--at", "2026-13-01 10:00", "--before", "stress=4"}, "--at"},
      {{"log", "--db", db, "--goal", "sleap", "--before", "stress=4"}, "did you mean 'sleep'"},
      {{"log", "--db", db, "--bogus"}, "--bogus"},
      {{"export", "--db", db, "--format", "xml"}, "--format"},
  };
  for (const auto& c : cases) {
    auto run = test::run_plantar(c.args);
    EXPECT_EQ(run.status, 2) << c.args[0] << " " << c.args.back() << ": " << run.err;
    EXPECT_NE(run.err.find(c.says), std::string::npos) << run.err;
    EXPECT_EQ(test::file_bytes(db), before) << c.args.back();
    EXPECT_EQ(listing(), files) << c.args.back();
  }
}

std::string fmt_time(int n) {
  Timestamp t = add_minutes(*parse_timestamp("2026-01-01 08:00"), n);
  std::string text = format_timestamp(t);
  return text.substr(0, 10) + " " + text.substr(11, 5);
}

}  // namespace
}  // namespace plantar
