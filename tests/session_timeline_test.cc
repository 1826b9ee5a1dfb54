// The session timeline: every step announced, cues inside their step, the
// total length, foot changes, partner wording and the closing tips.
#include <gtest/gtest.h>

#include <algorithm>

#include "plantar/planner.h"
#include "plantar/session.h"

namespace plantar::session {
namespace {

const kb::KnowledgeBase& kb() { return kb::embedded(); }

planner::Routine plan(std::vector<std::string> goals, int minutes, Giver giver = Giver::self,
                      std::vector<safety::ConditionReport> conditions = {}) {
  planner::Request request;
  request.goals = std::move(goals);
  request.minutes = minutes;
  request.giver = giver;
  request.conditions = std::move(conditions);
  planner::validate(kb(), request);
  return planner::plan(kb(), request);
}

std::vector<Cue> of_kind(const Timeline& t, CueKind kind) {
  std::vector<Cue> out;
  std::copy_if(t.cues.begin(), t.cues.end(), std::back_inserter(out),
               [&](const Cue& c) { return c.kind == kind; });
  return out;
}

TEST(Timeline, EveryStepIsAnnouncedWithChimesAtItsEdges) {
  for (const auto& goal : {"sleep", "plantar_fasciitis", "runner_recovery", "desk_stiffness"}) {
    auto routine = plan({goal}, 10);
    auto t = timeline(kb(), routine, Giver::self);
    ASSERT_EQ(t.steps.size(), routine.steps.size());
    for (std::size_t i = 0; i < routine.steps.size(); ++i) {
      int step = static_cast<int>(i);
      auto count = [&](CueKind kind) {
        return std::count_if(t.cues.begin(), t.cues.end(),
                             [&](const Cue& c) { return c.step == step && c.kind == kind; });
      };
      EXPECT_EQ(count(CueKind::announce), 1) << goal << " step " << i;
      EXPECT_EQ(count(CueKind::start_chime), 1) << goal << " step " << i;
      EXPECT_EQ(count(CueKind::end_chime), 1) << goal << " step " << i;
      const kb::Technique* technique = kb().technique(routine.steps[i].technique);
      auto announce = std::find_if(t.cues.begin(), t.cues.end(), [&](const Cue& c) {
        return c.step == step && c.kind == CueKind::announce;
      });
      EXPECT_NE(announce->text.find(technique->name), std::string::npos) << announce->text;
      EXPECT_NE(announce->text.find(std::string(name(routine.steps[i].foot))), std::string::npos)
          << announce->text;
    }
  }
}

TEST(Timeline, CuesLieInsideTheirStepAndInOrder) {
  auto t = timeline(kb(), plan({"plantar_fasciitis", "relax"}, 20), Giver::self);
  int last = 0;
  for (const auto& cue : t.cues) {
    EXPECT_GE(cue.at_ms, last);
    last = cue.at_ms;
    if (cue.step < 0) continue;
    const auto& span = t.steps[static_cast<std::size_t>(cue.step)];
    EXPECT_GE(cue.at_ms, span.start_ms) << cue.text;
    int length = cue.chime() ? kb().cues.chime_seconds * 1000 : speaking_ms(kb().cues, cue.text);
    EXPECT_LE(cue.at_ms + length, span.end_ms) << name(cue.kind) << ": " << cue.text;
  }
}

TEST(Timeline, TotalIsRoutinePlusIntroAndOutro) {
  for (int minutes : {3, 5, 10, 20, 60}) {
    auto routine = plan({"general"}, minutes);
    auto t = timeline(kb(), routine, Giver::self);
    EXPECT_EQ(t.total_ms, t.intro_ms + routine.total_seconds * 1000 + t.outro_ms);
    EXPECT_GE(t.intro_ms, kb().cues.intro_seconds * 1000);
    EXPECT_GE(t.outro_ms, kb().cues.outro_seconds * 1000);
    EXPECT_EQ(t.steps.front().start_ms, t.intro_ms);
    EXPECT_EQ(t.steps.back().end_ms, t.total_ms - t.outro_ms);
    EXPECT_EQ(t.cues.front().kind, CueKind::welcome);
    EXPECT_EQ(t.cues.back().kind, CueKind::closing);
    EXPECT_EQ(t.cues.back().at_ms, t.steps.back().end_ms);
  }
}

TEST(Timeline, CountdownEndsWhenTheFirstStepStarts) {
  auto t = timeline(kb(), plan({"sleep"}, 5), Giver::self);
  auto countdown = of_kind(t, CueKind::countdown);
  ASSERT_EQ(countdown.size(), 3u);
  EXPECT_EQ(countdown.back().at_ms, t.intro_ms - 1000);
  EXPECT_EQ(countdown.front().text, "Three.");
}

TEST(Timeline, FootChangesAreSpokenWhereTheFootChanges) {
  auto routine = plan({"plantar_fasciitis"}, 10);
  auto t = timeline(kb(), routine, Giver::self);
  int changes = 0;
  for (std::size_t i = 1; i < routine.steps.size(); ++i) {
    if (routine.steps[i].foot == routine.steps[i - 1].foot) continue;
    ++changes;
    auto cues = of_kind(t, CueKind::foot_change);
    bool found = std::any_of(cues.begin(), cues.end(), [&](const Cue& c) {
      return c.step == static_cast<int>(i) && c.at_ms == t.steps[i].start_ms &&
             c.text == "Now the " + std::string(name(routine.steps[i].foot)) + " foot.";
    });
    EXPECT_TRUE(found) << "step " << i;
  }
  EXPECT_GE(changes, 1);
  EXPECT_EQ(of_kind(t, CueKind::foot_change).size(), static_cast<std::size_t>(changes));
}

TEST(Timeline, HalfwayAndTenSecondsLeftInLongSteps) {
  auto routine = plan({"plantar_fasciitis"}, 20);
  auto t = timeline(kb(), routine, Giver::self);
  for (const auto& cue : of_kind(t, CueKind::halfway)) {
    const auto& step = routine.steps[static_cast<std::size_t>(cue.step)];
    EXPECT_EQ(cue.text, kb().technique(step.technique)->halfway);
  }
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    if (routine.steps[i].seconds < 60) continue;
    int step = static_cast<int>(i);
    auto has = [&](CueKind kind) {
      return std::any_of(t.cues.begin(), t.cues.end(),
                         [&](const Cue& c) { return c.step == step && c.kind == kind; });
    };
    EXPECT_TRUE(has(CueKind::halfway)) << routine.steps[i].technique;
    EXPECT_TRUE(has(CueKind::warning)) << routine.steps[i].technique;
    auto warning = std::find_if(t.cues.begin(), t.cues.end(),
                                [&](const Cue& c) { return c.step == step && c.kind == CueKind::warning; });
    EXPECT_EQ(warning->at_ms, t.steps[i].end_ms - 10'000);
    EXPECT_EQ(warning->text, "Ten seconds left.");
  }
}

TEST(Timeline, HowHardIsSaidInPlainWords) {
  auto routine = plan({"plantar_fasciitis"}, 10);
  auto t = timeline(kb(), routine, Giver::self);
  bool firm = false;
  for (const auto& cue : of_kind(t, CueKind::announce)) {
    const auto& step = routine.steps[static_cast<std::size_t>(cue.step)];
    // A stretch or a movement says its own words instead of a pressure.
    const auto& kind = kb().technique(step.technique)->kind;
    const auto& words = kind == "stretch" ? kb().cues.stretch
                        : kind == "movement"
                            ? kb().cues.movement
                            : kb().cues.pressure[static_cast<std::size_t>(step.pressure - 1)];
    EXPECT_NE(cue.text.find(words), std::string::npos) << cue.text;
    firm = firm || cue.text.find(kb().cues.pressure[2]) != std::string::npos;  // medium, for the heel
    EXPECT_EQ(cue.text.find('{'), std::string::npos) << cue.text;
  }
  EXPECT_TRUE(firm);
}

TEST(Timeline, PartnerModeSpeaksToTheGiver) {
  auto routine = plan({"relax"}, 10, Giver::partner);
  auto t = timeline(kb(), routine, Giver::partner);
  EXPECT_EQ(t.cues.front().text, kb().cues.welcome_partner);
  for (const auto& cue : of_kind(t, CueKind::announce))
    EXPECT_NE(cue.text.find("their"), std::string::npos) << cue.text;
  for (const auto& cue : of_kind(t, CueKind::foot_change))
    EXPECT_NE(cue.text.find("their"), std::string::npos);
  EXPECT_EQ(t.cues.back().text.rfind(kb().cues.closing_partner, 0), 0u);
}

TEST(Timeline, ClosingTipsMatchTheConditions) {
  auto plain = timeline(kb(), plan({"general"}, 5), Giver::self);
  EXPECT_NE(plain.cues.back().text.find("Have a glass of water."), std::string::npos)
      << plain.cues.back().text;
  EXPECT_EQ(plain.cues.back().text.find("Check your feet every day."), std::string::npos);
  auto diabetic = timeline(kb(), plan({"general"}, 5, Giver::self, {{"diabetes", "", {}}}), Giver::self);
  EXPECT_NE(diabetic.cues.back().text.find("Check your feet every day."), std::string::npos)
      << diabetic.cues.back().text;
  EXPECT_GE(diabetic.outro_ms, speaking_ms(kb().cues, diabetic.cues.back().text));
}

TEST(Timeline, StepAtFindsThePlayingStep) {
  auto t = timeline(kb(), plan({"sleep"}, 5), Giver::self);
  EXPECT_EQ(step_at(t, 0), -1);
  EXPECT_EQ(step_at(t, t.intro_ms), 0);
  EXPECT_EQ(step_at(t, t.steps[1].start_ms - 1), 0);
  EXPECT_EQ(step_at(t, t.steps[1].start_ms), 1);
  EXPECT_EQ(step_at(t, t.total_ms - 1), -1);
}

}  // namespace
}  // namespace plantar::session
