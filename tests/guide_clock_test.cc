// The guide's session clock: drift-free deadlines, pause, seek and speed;
// the plain-line guide of the real binary; the routine reader.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>

#include "guide/screen.h"
#include "guide/session_clock.h"
#include "plantar/json_io.h"
#include "test_support.h"

namespace plantar::guide {
namespace {

TEST(SessionClock, TwentyMinutesEndOnTimeHoweverOftenItIsRead) {
  const int total = 20 * 60 * 1000;
  SessionClock clock(total, 1.0, 5'000);
  std::mt19937 random(7);
  std::int64_t now = 5'000;
  // A loop that wakes late by up to 40 ms each time must not add up lateness.
  while (!clock.finished(now)) {
    std::int64_t deadline = std::min(now + 250, clock.when(total));
    now = deadline + static_cast<std::int64_t>(random() % 40);
  }
  EXPECT_EQ(clock.when(total), 5'000 + total);
  EXPECT_LT(now - (5'000 + total), 40);
}

TEST(SessionClock, PauseStopsItAndSeekJumps) {
  SessionClock clock(60'000, 1.0, 0);
  EXPECT_EQ(clock.position(1'000), 1'000);
  clock.pause(1'000);
  EXPECT_EQ(clock.position(9'000), 1'000);
  EXPECT_TRUE(clock.paused());
  clock.resume(9'000);
  EXPECT_EQ(clock.position(10'000), 2'000);
  clock.seek(30'000, 10'000);
  EXPECT_EQ(clock.position(10'500), 30'500);
  EXPECT_EQ(clock.position(1'000'000), 60'000);
  EXPECT_EQ(clock.when(60'000), 40'000);
}

TEST(SessionClock, SpeedRunsItFaster) {
  SessionClock clock(600'000, 100.0, 0);
  EXPECT_EQ(clock.position(1'000), 100'000);
  EXPECT_EQ(clock.when(600'000), 6'000);
}

TEST(Screen, BigDigitsAndClock) {
  EXPECT_EQ(clock_text(0), "0:00");
  EXPECT_EQ(clock_text(59'001), "1:00");
  EXPECT_EQ(clock_text(125'000), "2:05");
  auto rows = big_text("1:05");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_NE(rows[0].find("██"), std::string::npos);
}

TEST(Screen, FootDiagramLightsTheArea) {
  auto lit = [](const std::vector<std::string>& lines) {
    int count = 0;
    for (const auto& line : lines)
      for (auto at = line.find("\x1b[1;33m██"); at != std::string::npos;
           at = line.find("\x1b[1;33m██", at + 1))
        ++count;
    return count;
  };
  EXPECT_GT(lit(foot_diagram(Foot::left, Region::heel, true)), 10);
  EXPECT_EQ(lit(foot_diagram(Foot::left, Region::heel, false)), 0);
  auto calf = foot_diagram(Foot::right, Region::calf, true);
  EXPECT_EQ(lit(calf), 0);
  EXPECT_NE(calf[0].find("▶ calf"), std::string::npos);
}

TEST(GuidePlain, PrintsEveryCueWhenDueWithoutATerminal) {
  auto run =
      test::run_plantar({"guide", "--goal", "sleep", "--minutes", "3", "--speed", "200", "--no-voice"});
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(run.out.rfind("plantar guide: sleep · 3 minutes", 0), 0u) << run.out;
  EXPECT_NE(run.out.find("[0:00] Welcome."), std::string::npos);
  EXPECT_NE(run.out.find("(chime)"), std::string::npos);
  EXPECT_NE(run.out.find("Now the right foot."), std::string::npos);
  EXPECT_NE(run.out.find("Session complete."), std::string::npos);
}

TEST(GuideRoutine, ReadsAPartnerRoutineSavedByPlan) {
  auto plan =
      test::run_plantar({"plan", "--goal", "relax", "--minutes", "5", "--giver", "partner", "--json"});
  ASSERT_EQ(plan.status, 0);
  auto run = test::run_plantar({"guide", "--routine", "-", "--json"}, plan.out);
  ASSERT_EQ(run.status, 0) << run.err;
  auto timeline = json_io::Json::parse(run.out);
  EXPECT_EQ(timeline["cues"][0]["text"], kb::embedded().cues.welcome_partner);
  EXPECT_EQ(timeline["steps"].size(), json_io::Json::parse(plan.out)["steps"].size());
}

TEST(GuideRoutine, NamesTheBrokenField) {
  auto run =
      test::run_plantar({"guide", "--routine", "-"},
                        R"({"steps": [{"technique": "thumb_heel_pres", "foot": "left", "region": "heel",
                                   "seconds": 60, "pressure": 3, "cue": "Press."}]})");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("steps[0].technique"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("thumb_heel_press"), std::string::npos) << run.err;
  run = test::run_plantar({"guide", "--routine", "-", "--goal", "sleep"}, "{}");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("not both"), std::string::npos) << run.err;
}

TEST(GuideRoutine, StopVerdictGivesNoSession) {
  auto run = test::run_plantar({"guide", "--condition", "fever"});
  EXPECT_EQ(run.status, 3) << run.err;
  run = test::run_plantar({"audio", "--condition", "fever", "-o", "never.ogg"});
  EXPECT_EQ(run.status, 3);
  EXPECT_FALSE(std::filesystem::exists("never.ogg"));
}

}  // namespace
}  // namespace plantar::guide
