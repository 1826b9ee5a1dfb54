// Hand-picked planner cases: physical sense, partner mode, stop verdicts,
// validation messages.
#include <gtest/gtest.h>

#include <algorithm>

#include "plantar/errors.h"
#include "plantar/kb.h"
#include "plantar/planner.h"

namespace plantar::planner {
namespace {

Request request(std::vector<std::string> goals, int minutes) {
  Request r;
  r.goals = std::move(goals);
  r.minutes = minutes;
  return r;
}

TEST(Planner, FeetAreWorkedOneAfterTheOtherThenTheCalfStretches) {
  auto routine = plan(kb::embedded(), request({"general"}, 20));
  ASSERT_FALSE(routine.steps.empty());
  // Left steps, then right steps, then the finishing stretches: the foot
  // changes at most twice before the finish.
  int changes = 0;
  for (std::size_t i = 1; i < routine.steps.size(); ++i) {
    if (routine.steps[i].technique == "calf_stretch") break;
    if (routine.steps[i].foot != routine.steps[i - 1].foot) ++changes;
  }
  EXPECT_EQ(changes, 1);
  EXPECT_EQ(routine.steps.front().foot, Foot::left);
  EXPECT_EQ(routine.steps.back().technique, "calf_stretch");
  EXPECT_EQ(routine.total_seconds, 1200);
}

TEST(Planner, StepsHaveSensibleDurations) {
  for (int minutes : {3, 5, 10, 30, 60}) {
    auto routine = plan(kb::embedded(), request({"relax", "plantar_fasciitis"}, minutes));
    for (const auto& step : routine.steps) {
      EXPECT_GE(step.seconds, 15) << minutes;
      EXPECT_LE(step.seconds, 300) << minutes;
    }
    EXPECT_EQ(routine.total_seconds, minutes * 60);
  }
}

TEST(Planner, PlantarFasciitisWorksTheArchAndHeel) {
  auto r = request({"plantar_fasciitis"}, 10);
  r.tools = {"tennis_ball"};
  auto routine = plan(kb::embedded(), r);
  bool arch_or_heel = std::any_of(routine.steps.begin(), routine.steps.end(), [](const Step& s) {
    return s.region == Region::arch || s.region == Region::heel;
  });
  EXPECT_TRUE(arch_or_heel);
  bool expect_note = std::any_of(routine.notes.begin(), routine.notes.end(),
                                 [](const std::string& n) { return n.find("6 weeks") != std::string::npos; });
  EXPECT_TRUE(expect_note);
}

TEST(Planner, TennisBallOnlyWhenListed) {
  auto without = plan(kb::embedded(), request({"plantar_fasciitis"}, 30));
  for (const auto& step : without.steps) EXPECT_NE(step.technique, "tennis_ball_roll");
  auto r = request({"plantar_fasciitis"}, 30);
  r.tools = {"tennis_ball"};
  auto with = plan(kb::embedded(), r);
  EXPECT_TRUE(std::any_of(with.steps.begin(), with.steps.end(),
                          [](const Step& s) { return s.technique == "tennis_ball_roll"; }));
}

TEST(Planner, PartnerModeSpeaksToTheGiver) {
  auto r = request({"relax"}, 10);
  r.giver = Giver::partner;
  auto routine = plan(kb::embedded(), r);
  for (const auto& step : routine.steps)
    EXPECT_EQ(step.cue, kb::embedded().technique(step.technique)->cue_partner);
}

TEST(Planner, StopVerdictGivesNoSteps) {
  auto r = request({"relax"}, 10);
  r.conditions = {{"dvt_signs", "", {}}};
  auto routine = plan(kb::embedded(), r);
  EXPECT_EQ(routine.verdict.verdict, Verdict::stop);
  EXPECT_TRUE(routine.steps.empty());
  EXPECT_EQ(routine.total_seconds, 0);
}

TEST(Planner, WhollyAvoidedRequestedFootGivesStop) {
  auto r = request({"relax"}, 10);
  r.feet = Feet::left;
  r.conditions = {{"open_wound", "", {{Foot::left, std::nullopt}}}};
  auto routine = plan(kb::embedded(), r);
  EXPECT_EQ(routine.verdict.verdict, Verdict::stop);
  EXPECT_TRUE(routine.steps.empty());
}

TEST(Planner, OneFootLeftOutIsExplained) {
  auto r = request({"relax"}, 10);
  r.conditions = {{"open_wound", "", {{Foot::right, std::nullopt}}}};
  auto routine = plan(kb::embedded(), r);
  for (const auto& step : routine.steps) EXPECT_EQ(step.foot, Foot::left);
  EXPECT_TRUE(std::any_of(routine.notes.begin(), routine.notes.end(), [](const std::string& n) {
    return n.find("right foot is left out") != std::string::npos;
  }));
  EXPECT_EQ(routine.total_seconds, 600);
}

TEST(Planner, VaricoseVeinsSkipTheCalfStretch) {
  auto r = request({"desk_stiffness"}, 10);
  r.conditions = {{"varicose_veins", "", {}}};
  auto routine = plan(kb::embedded(), r);
  ASSERT_FALSE(routine.steps.empty());
  for (const auto& step : routine.steps) EXPECT_NE(step.region, Region::calf);
}

TEST(PlannerValidation, NamesTheFieldAndSuggests) {
  const auto& kb = kb::embedded();
  try {
    validate(kb, request({"sleap"}, 10));
    FAIL();
  } catch (const BadInput& e) {
    EXPECT_EQ(e.where(), "goals[0]");
    EXPECT_NE(std::string(e.what()).find("did you mean 'sleep'"), std::string::npos);
  }
  for (int minutes : {2, 61, 0, -5}) {
    try {
      validate(kb, request({"sleep"}, minutes));
      FAIL() << minutes;
    } catch (const BadInput& e) {
      EXPECT_EQ(e.where(), "minutes");
    }
  }
  auto r = request({"sleep"}, 10);
  r.tools = {"tenis_ball"};
  EXPECT_THROW(validate(kb, r), BadInput);
  EXPECT_THROW(validate(kb, request({}, 10)), BadInput);
}

}  // namespace
}  // namespace plantar::planner
