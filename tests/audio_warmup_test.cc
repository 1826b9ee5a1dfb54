// The server's audio warm-up with the real binary: after it has run, Home's
// bedtime routine is served without a render, and the sentence cache holds
// the built-in routines' sentences.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/api.h"
#include "server/audio_warmup.h"
#include "test_support.h"

namespace plantar::server {
namespace {

namespace fs = std::filesystem;

TEST(AudioWarmup, RendersTheBedtimeRoutineBeforeAnyoneAsks) {
  auto dir = fs::temp_directory_path() / ("plantar_warmup_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  setenv("XDG_CACHE_HOME", dir.c_str(), 1);
  Api api{kb::embedded(), (dir / "journal.db").string(), (dir / "places.db").string(), PLANTAR_BINARY, ""};
  {
    AudioWarmup warmup(api);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(8);
    while (!warmup.done() && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ASSERT_TRUE(warmup.done());
  }
  auto routine = test::run_plantar({"plan", "--goal", "sleep", "--minutes", "5", "--json"});
  ASSERT_EQ(routine.status, 0);
  auto reply = answer(api, "POST", "/api/audio", routine.out);
  ASSERT_EQ(reply.status, 200) << reply.body;
  auto json = nlohmann::json::parse(reply.body);
  EXPECT_EQ(json["rendered"], false) << "the warm-up rendered it already";
  EXPECT_LT(json["render_seconds"].get<double>(), 0.5);
  // Another routine is new as a file, but its sentences were mostly spoken already.
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir / "plantar" / "sentences"))
    entries += e.path().extension() == ".opc";
  EXPECT_GT(entries, 50);
  unsetenv("XDG_CACHE_HOME");
  fs::remove_all(dir);
}

TEST(AudioApi, SpeakingRateIsCheckedAndNamed) {
  Api api{kb::embedded(), "", "", PLANTAR_BINARY, ""};
  auto routine = test::run_plantar({"plan", "--goal", "sleep", "--minutes", "3", "--json"});
  ASSERT_EQ(routine.status, 0);
  for (const char* rate : {"2", "0.5", "fast", "1.25"}) {
    auto reply = answer(api, "POST", "/api/audio", routine.out, {{"rate", rate}});
    EXPECT_EQ(reply.status, 400) << rate;
    EXPECT_EQ(nlohmann::json::parse(reply.body)["field"], "rate") << rate << ": " << reply.body;
  }
}

}  // namespace
}  // namespace plantar::server
