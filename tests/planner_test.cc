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

// Issue 11: the source articles' moves come first where they fit.
std::vector<std::string> techniques_on(const Routine& routine, Foot foot) {
  std::vector<std::string> out;
  for (const auto& s : routine.steps)
    if (s.foot == foot) out.push_back(s.technique);
  return out;
}

bool contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(Planner, HeelPainGetsTheHeelPressAndTheBallOnEachFootAndTheLotion) {
  auto r = request({"plantar_fasciitis", "sleep"}, 10);
  r.tools = {"tennis_ball", "lotion"};
  auto routine = plan(kb::embedded(), r);
  for (Foot foot : all_feet) {
    auto used = techniques_on(routine, foot);
    EXPECT_TRUE(contains(used, "thumb_heel_press")) << name(foot);
    EXPECT_TRUE(contains(used, "tennis_ball_roll")) << name(foot);
    EXPECT_TRUE(contains(used, "top_of_foot_stroke")) << name(foot);  // sleep's own signature
  }
  EXPECT_EQ(techniques_on(routine, Foot::left), techniques_on(routine, Foot::right));
  // The lotion goes on after the ball, on each foot, and the note says how much.
  int applied = 0;
  bool ball_done = false;
  for (const auto& s : routine.steps) {
    if (s.technique == "tennis_ball_roll") ball_done = true;
    if (s.apply == "lotion") {
      ++applied;
      EXPECT_TRUE(ball_done);
      EXPECT_NE(s.cue.find("lotion"), std::string::npos);
    }
  }
  EXPECT_EQ(applied, 2);
  EXPECT_TRUE(std::any_of(routine.notes.begin(), routine.notes.end(), [](const std::string& n) {
    return n.find("size of a coin") != std::string::npos;
  }));
  // Wipe the soles before standing for the calf stretch.
  EXPECT_NE(routine.steps[routine.steps.size() - 2].transition.find("Wipe the lotion"), std::string::npos);
}

TEST(Planner, GeneralIsTheArticlesSimpleRoutine) {
  auto r = request({"general"}, 10);
  r.tools = {"tennis_ball"};
  auto routine = plan(kb::embedded(), r);
  for (Foot foot : all_feet) {
    auto used = techniques_on(routine, foot);
    for (const char* move : {"thumb_heel_press", "tennis_ball_roll", "toe_stretch", "calf_stretch"})
      EXPECT_TRUE(contains(used, move)) << name(foot) << " " << move;
  }
  EXPECT_EQ(routine.steps.back().technique, "calf_stretch");
}

TEST(Planner, RunnersGetTheBallOfTheFoot) {
  auto routine = plan(kb::embedded(), request({"runner_recovery"}, 8));
  for (Foot foot : all_feet) EXPECT_TRUE(contains(techniques_on(routine, foot), "ball_of_foot_work"));
}

TEST(Planner, StretchesSayHowFarAndHowLongNotAPressure) {
  auto routine = plan(kb::embedded(), request({"desk_stiffness"}, 10));
  const Step& last = routine.steps.back();
  ASSERT_EQ(last.technique, "calf_stretch");
  EXPECT_EQ(last.kind, "stretch");
  EXPECT_EQ(last.hold_seconds, 20);
  EXPECT_NE(last.stretch_to.find("gentle pull"), std::string::npos);
  EXPECT_EQ(last.pressure_words.find("pressure"), std::string::npos);
  EXPECT_TRUE(last.standing);
  EXPECT_EQ(routine.steps[routine.steps.size() - 2].transition, kb::embedded().cues.stand_up);
}

TEST(Planner, LightPressureNeverSaysAche) {
  auto r = request({"plantar_fasciitis", "runner_recovery"}, 20);
  r.conditions = {{"numbness", "", {}}};
  auto routine = plan(kb::embedded(), r);
  ASSERT_FALSE(routine.steps.empty());
  for (const auto& s : routine.steps) {
    EXPECT_LE(s.pressure, 2);
    EXPECT_EQ(s.cue.find("ache"), std::string::npos) << s.technique;
    EXPECT_EQ(s.pressure_words.find("good ache"), std::string::npos) << s.technique;
    if (s.kind == "massage") {
      EXPECT_EQ(s.pressure_words, kb::embedded().cues.pressure[static_cast<std::size_t>(s.pressure - 1)]);
      EXPECT_NE(s.pressure_words.find("no ache"), std::string::npos) << s.technique;
    }
  }
}

TEST(Planner, PartnerRoutineSaysTheirFoot) {
  auto r = request({"sleep", "plantar_fasciitis"}, 15);
  r.giver = Giver::partner;
  r.tools = {"lotion"};
  r.conditions = {{"diabetes", "", {}}};
  auto routine = plan(kb::embedded(), r);
  ASSERT_FALSE(routine.steps.empty());
  for (const auto& note : routine.notes) {
    EXPECT_EQ(note.find("your feet"), std::string::npos) << note;
    EXPECT_EQ(note.find("your arch"), std::string::npos) << note;
  }
  for (const auto& s : routine.steps) EXPECT_FALSE(s.standing);
}

TEST(Planner, OilAllergyMeansNoOilStep) {
  auto r = request({"relax"}, 10);
  r.tools = {"oil"};
  r.conditions = {{"oil_allergy", "", {}}};
  auto routine = plan(kb::embedded(), r);
  for (const auto& s : routine.steps) EXPECT_TRUE(s.apply.empty());
  r.tools = {"oil", "lotion"};
  routine = plan(kb::embedded(), r);
  EXPECT_TRUE(std::any_of(routine.steps.begin(), routine.steps.end(),
                          [](const Step& s) { return s.apply == "lotion"; }));
}

// Issue 18 items 10, 11, 14: the technique texts themselves.
TEST(Planner, TechniqueTextsFollowTheClinicalReview) {
  const auto& kb = kb::embedded();
  auto all_text = [&](const std::string& id) {
    const kb::Technique* t = kb.technique(id);
    std::string text = t->cue + " " + t->cue_partner + " " + t->halfway;
    for (const auto& line : t->steps) text += " " + line;
    for (const auto& line : t->cautions) text += " " + line;
    return text;
  };
  EXPECT_NE(all_text("tennis_ball_roll").find("Always sit"), std::string::npos);
  EXPECT_EQ(all_text("tennis_ball_roll").find("you can stand"), std::string::npos);
  EXPECT_NE(all_text("toe_spread").find("Keep lotion and oil out from between the toes"), std::string::npos);
  EXPECT_EQ(all_text("ankle_circles").find("six weeks"), std::string::npos);
  EXPECT_NE(all_text("ankle_circles").find("about two days"), std::string::npos);
  for (const auto& t : kb.techniques) {
    EXPECT_EQ(t.cue.find("ache"), std::string::npos) << t.id;
    EXPECT_EQ(t.cue_partner.find("ache"), std::string::npos) << t.id;
  }
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
