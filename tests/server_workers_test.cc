// Answers that wait (here a journal write behind a locked journal file) are
// made by worker threads: the event loop that received them goes on
// answering its other connections meanwhile.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <future>
#include <string>

#include "journal_test_support.h"
#include "server_test_support.h"

namespace plantar {
namespace {

using test::LiveServer;

// Another program holding the journal's write lock.
class LockedJournal {
 public:
  explicit LockedJournal(const std::string& path) {
    EXPECT_EQ(sqlite3_open(path.c_str(), &db_), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db_, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr), SQLITE_OK);
  }
  void release() {
    if (db_ == nullptr) return;
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
    db_ = nullptr;
  }
  ~LockedJournal() { release(); }

 private:
  sqlite3* db_ = nullptr;
};

TEST(ServerWorkers, AWaitingAnswerDoesNotHoldItsEventLoop) {
  test::TempDir dir;
  server::Options options;
  options.threads = 1;  // one event loop: a write answered on it would stall every connection
  LiveServer live(false, {}, dir.path.string(), options);
  ASSERT_EQ(live.post("/api/journal", R"({"start": "2026-11-20T21:30:00", "before": {"stress": 7}})")->status,
            201);

  LockedJournal lock((dir.path / "journal.db").string());
  auto write = std::async(std::launch::async, [&] {
    auto res = live.post("/api/journal", R"({"start": "2026-11-21T21:30:00", "before": {"stress": 5}})");
    return res ? res->status : -1;
  });
  // The write waits for the lock (up to the journal's busy timeout of 10 s)
  // while the plan, computed on the loop, is answered.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto plan = live.post("/api/plan", R"({"goals": ["sleep"], "minutes": 7, "feet": "left"})");
  ASSERT_TRUE(plan);
  EXPECT_EQ(plan->status, 200);
  EXPECT_EQ(write.wait_for(std::chrono::seconds(0)), std::future_status::timeout)
      << "the write cannot end while the journal is locked, so the plan did not wait for it";
  lock.release();
  EXPECT_EQ(write.get(), 201) << "the write goes through once the lock is gone";
  auto list = live.client().Get("/api/journal");
  ASSERT_TRUE(list);
  EXPECT_NE(list->body.find("2026-11-21"), std::string::npos);
}

// A server stopped while a worker is still making an answer sends it first.
TEST(ServerWorkers, StoppingWaitsForAnswersInTheMaking) {
  test::TempDir dir;
  auto live =
      std::make_unique<LiveServer>(false, std::function<void(const std::string&)>{}, dir.path.string());
  ASSERT_EQ(live->post("/api/journal", R"({"start": "2026-11-20T21:30:00"})")->status, 201);
  LockedJournal lock((dir.path / "journal.db").string());
  auto write = std::async(std::launch::async, [&] {
    auto res = live->post("/api/journal", R"({"start": "2026-11-21T21:30:00"})");
    return res ? res->status : -1;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  auto stopping = std::async(std::launch::async, [&] { live.reset(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  lock.release();
  stopping.get();
  EXPECT_EQ(write.get(), 201);
}

}  // namespace
}  // namespace plantar
