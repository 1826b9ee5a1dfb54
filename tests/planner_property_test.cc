// DESIGN.md's planner invariants over 10,000 seeded random requests.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>

#include "plantar/json_io.h"
#include "plantar/kb.h"
#include "plantar/planner.h"
#include "plantar/session.h"

namespace plantar::planner {
namespace {

constexpr int request_count = 10'000;

template <typename T>
const T& pick(std::mt19937& rng, const std::vector<T>& items) {
  return items[std::uniform_int_distribution<std::size_t>(0, items.size() - 1)(rng)];
}

std::vector<std::string> ids(const auto& items) {
  std::vector<std::string> out;
  for (const auto& item : items) out.push_back(item.id);
  return out;
}

// Mostly cautions (they shape routines), sometimes a stop.
safety::ConditionReport random_condition(std::mt19937& rng, const kb::KnowledgeBase& kb) {
  const auto& condition = pick(rng, kb.conditions);
  safety::ConditionReport report{condition.id, "", {}};
  if (!condition.severities.empty() && rng() % 4 != 0) report.severity = pick(rng, condition.severities);
  if (condition.local && rng() % 5 != 0) {
    int count = 1 + static_cast<int>(rng() % 3);
    for (int i = 0; i < count; ++i) {
      Foot foot = rng() % 2 ? Foot::left : Foot::right;
      if (rng() % 8 == 0)
        report.at.push_back({foot, std::nullopt});
      else
        report.at.push_back({foot, all_regions[rng() % all_regions.size()]});
    }
  }
  return report;
}

Request random_request(std::mt19937& rng, const kb::KnowledgeBase& kb) {
  static const auto goal_ids = ids(kb.goals);
  static const auto tool_ids = ids(kb.tools);
  Request r;
  r.goals.clear();
  int goals = 1 + static_cast<int>(rng() % 3);
  for (int i = 0; i < goals; ++i) r.goals.push_back(pick(rng, goal_ids));
  r.minutes = std::uniform_int_distribution<int>(min_minutes, max_minutes)(rng);
  r.feet = std::array{Feet::left, Feet::right, Feet::both, Feet::both}[rng() % 4];
  r.giver = rng() % 3 == 0 ? Giver::partner : Giver::self;
  for (const auto& tool : tool_ids)
    if (rng() % 2) r.tools.push_back(tool);
  int conditions = std::array{0, 0, 1, 1, 2, 3}[rng() % 6];
  for (int i = 0; i < conditions; ++i) {
    auto report = random_condition(rng, kb);
    if (kb.condition(report.id)->rule_for(report.severity).verdict == Verdict::stop && rng() % 3 != 0)
      continue;  // keep most requests plannable
    r.conditions.push_back(report);
  }
  return r;
}

std::vector<Foot> requested_feet(Feet feet) {
  if (feet == Feet::both) return {Foot::left, Foot::right};
  return {feet == Feet::left ? Foot::left : Foot::right};
}

void check_invariants(const kb::KnowledgeBase& kb, const Request& request, const Routine& routine,
                      const std::string& context) {
  const auto& verdict = routine.verdict;
  if (verdict.verdict == Verdict::stop) {
    EXPECT_TRUE(routine.steps.empty()) << context;
    return;
  }
  ASSERT_FALSE(routine.steps.empty()) << context;
  int sum = 0;
  for (const auto& step : routine.steps) sum += step.seconds;
  EXPECT_EQ(sum, routine.total_seconds) << context;
  EXPECT_LE(std::abs(sum - request.minutes * 60), request.minutes * 3) << context;  // 5%

  std::vector<Foot> worked;
  for (Foot foot : requested_feet(request.feet)) {
    bool has_steps = std::any_of(routine.steps.begin(), routine.steps.end(),
                                 [&](const Step& s) { return s.foot == foot; });
    if (verdict.avoids({foot, std::nullopt})) {
      EXPECT_FALSE(has_steps) << context;
      bool explained = std::any_of(routine.notes.begin(), routine.notes.end(), [&](const std::string& n) {
        return n.find(std::string(name(foot)) + " foot is left out") != std::string::npos;
      });
      EXPECT_TRUE(explained) << context;
      continue;
    }
    worked.push_back(foot);
    EXPECT_TRUE(has_steps) << context;
    auto first = std::find_if(routine.steps.begin(), routine.steps.end(),
                              [&](const Step& s) { return s.foot == foot; });
    EXPECT_LE(first->pressure, 2) << context << " " << first->technique;
  }
  for (const auto& step : routine.steps) {
    const kb::Technique* t = kb.technique(step.technique);
    ASSERT_NE(t, nullptr) << context;
    EXPECT_FALSE(verdict.avoids_technique(t->id)) << context;
    EXPECT_LE(step.pressure, verdict.max_pressure) << context;
    EXPECT_GE(step.pressure, 1) << context;
    EXPECT_TRUE(t->given_by(request.giver)) << context;
    EXPECT_EQ(step.seconds % 5, 0) << context;
    EXPECT_GE(step.seconds, t->seconds.min) << context;
    for (Region region : t->regions) {
      EXPECT_FALSE(verdict.avoids({step.foot, region})) << context << " " << t->id;
      EXPECT_LE(step.pressure, verdict.ceiling_at({step.foot, region})) << context << " " << t->id;
    }
    for (const auto& tool : t->tools)
      EXPECT_NE(std::find(request.tools.begin(), request.tools.end(), tool), request.tools.end()) << context;
  }
  // The routine ends with a calf stretch unless no worked leg may have one.
  const kb::Technique* stretch = kb.technique("calf_stretch");
  bool stretch_possible = std::any_of(worked.begin(), worked.end(), [&](Foot foot) {
    return std::none_of(stretch->regions.begin(), stretch->regions.end(),
                        [&](Region r) {
                          return verdict.avoids({foot, r});
                        }) &&
           !verdict.avoids_technique("calf_stretch") && stretch->given_by(request.giver);
  });
  if (stretch_possible) EXPECT_EQ(routine.steps.back().technique, "calf_stretch") << context;
  // Every goal is served, or a note says why not.
  for (const auto& goal : request.goals) {
    bool served = std::any_of(routine.steps.begin(), routine.steps.end(), [&](const Step& s) {
      return std::find(s.goals.begin(), s.goals.end(), goal) != s.goals.end();
    });
    bool explained = std::any_of(routine.notes.begin(), routine.notes.end(), [&](const std::string& n) {
      return n.find("No step for \"" + kb.goal(goal)->name + "\"") != std::string::npos;
    });
    EXPECT_TRUE(served || explained) << context << " goal " << goal;
    if (request.conditions.empty() && request.minutes >= 10)
      EXPECT_TRUE(served) << context << " goal " << goal;
  }
}

// Issue 11 and issue 18's properties of a routine: pressure words, phases,
// the standing finish, stretches, the why, symmetry, goals and tools per
// foot, the lotion, and partner wording.
bool has(const std::string& text, const std::string& word) { return text.find(word) != std::string::npos; }

// An ache is allowed only as "no ache" (issue 18: at pressure 2 or below,
// never "a good ache").
bool asks_for_ache(std::string text) {
  for (auto at = text.find("no ache"); at != std::string::npos; at = text.find("no ache")) text.erase(at, 7);
  return has(text, "ache");
}

int phase_rank(const std::string& phase) { return phase == "warmup" ? 0 : phase == "main" ? 1 : 2; }

std::vector<Step> steps_of(const Routine& routine, Foot foot) {
  std::vector<Step> out;
  for (const auto& s : routine.steps)
    if (s.foot == foot) out.push_back(s);
  return out;
}

bool ball_possible(const kb::KnowledgeBase& kb, const Request& request, const safety::Screening& v,
                   Foot foot) {
  const kb::Technique* ball = kb.technique("tennis_ball_roll");
  if (std::find(request.tools.begin(), request.tools.end(), "tennis_ball") == request.tools.end())
    return false;
  if (request.minutes < 6 || v.avoids_technique(ball->id) || !ball->given_by(request.giver)) return false;
  if (std::find(v.avoid_tools.begin(), v.avoid_tools.end(), "tennis_ball") != v.avoid_tools.end())
    return false;
  return std::all_of(ball->regions.begin(), ball->regions.end(), [&](Region r) {
    return !v.avoids({foot, r}) && v.ceiling_at({foot, r}) >= ball->pressure.min;
  });
}

void check_words_and_phases(const kb::KnowledgeBase& kb, const Request& request, const Routine& routine,
                            const std::string& context) {
  const auto& cues = kb.cues;
  auto timeline = session::timeline(kb, routine, request.giver);
  for (const auto& cue : timeline.cues)
    if (cue.kind == session::CueKind::announce || cue.kind == session::CueKind::halfway) {
      const Step& step = routine.steps[static_cast<std::size_t>(cue.step)];
      if (step.pressure <= 2) EXPECT_FALSE(asks_for_ache(cue.text)) << context << " " << cue.text;
    }
  bool standing_seen = false;
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    const Step& step = routine.steps[i];
    if (step.pressure <= 2)
      EXPECT_FALSE(asks_for_ache(step.cue + " " + step.pressure_words)) << context << step.cue;
    EXPECT_FALSE(step.why.empty()) << context;
    for (const auto& goal : step.goals) EXPECT_TRUE(has(step.why, kb.goal(goal)->short_name)) << context;
    if (step.kind == "stretch") {
      EXPECT_GT(step.hold_seconds, 0) << context;
      EXPECT_FALSE(step.stretch_to.empty()) << context;
      EXPECT_EQ(step.pressure_words, cues.stretch) << context;
    }
    // Standing steps come together at the end, after "now stand up".
    if (step.standing && !standing_seen) EXPECT_TRUE(has(step.transition, cues.stand_up)) << context;
    if (standing_seen) EXPECT_TRUE(step.standing) << context << " step " << i;
    standing_seen = standing_seen || step.standing;
    if (request.giver == Giver::partner) EXPECT_FALSE(step.standing) << context;
  }
  for (Foot foot : all_feet) {
    auto steps = steps_of(routine, foot);
    if (steps.empty()) continue;
    EXPECT_EQ(steps.front().phase, "warmup") << context;
    for (std::size_t i = 1; i < steps.size(); ++i)
      EXPECT_LE(phase_rank(steps[i - 1].phase), phase_rank(steps[i].phase))
          << context << " " << steps[i].technique;
  }
  if (request.giver == Giver::partner) {
    std::vector<std::string> texts = routine.notes;
    for (const auto& step : routine.steps) texts.insert(texts.end(), {step.cue, step.why, step.transition});
    for (const auto& cue : timeline.cues) texts.push_back(cue.text);
    for (const auto& text : texts)
      for (const char* body :
           {"your foot", "your feet", "your heel", "your arch", "your toes", "your calf", "your calves",
            "your ankle", "your sole", "your leg", "your skin", "your body"})
        EXPECT_FALSE(has(text, body)) << context << ": " << text;
  }
}

void check_feet_goals_and_tools(const kb::KnowledgeBase& kb, const Request& request, const Routine& routine,
                                const std::string& context) {
  const auto& v = routine.verdict;
  auto left = steps_of(routine, Foot::left), right = steps_of(routine, Foot::right);
  // Both feet: the same sequence and times unless the check treats them differently.
  if (!left.empty() && !right.empty() && v.avoid.empty() && v.limits.empty()) {
    ASSERT_EQ(left.size(), right.size()) << context;
    for (std::size_t i = 0; i < left.size(); ++i) {
      EXPECT_EQ(left[i].technique, right[i].technique) << context << " step " << i;
      EXPECT_EQ(left[i].seconds, right[i].seconds) << context << " step " << i;
      EXPECT_EQ(left[i].pressure, right[i].pressure) << context << " step " << i;
    }
  }
  for (Foot foot : all_feet) {
    auto steps = steps_of(routine, foot);
    if (steps.empty()) continue;
    auto uses = [&](const std::string& technique) {
      return std::any_of(steps.begin(), steps.end(), [&](const Step& s) { return s.technique == technique; });
    };
    // Each goal on each foot, when time allows.
    if (request.conditions.empty() && request.minutes >= 10)
      for (const auto& goal : request.goals)
        EXPECT_TRUE(std::any_of(
            steps.begin(), steps.end(),
            [&](const Step& s) { return std::find(s.goals.begin(), s.goals.end(), goal) != s.goals.end(); }))
            << context << " goal " << goal << " on " << name(foot);
    // A chosen ball: a ball step per foot from 6 minutes, where safe.
    if (ball_possible(kb, request, v, foot))
      EXPECT_TRUE(uses("tennis_ball_roll")) << context << " " << name(foot);
  }
  // A chosen lotion or oil is part of the routine; never oil with an oil allergy.
  for (const char* medium : {"lotion", "oil"}) {
    bool chosen = std::find(request.tools.begin(), request.tools.end(), medium) != request.tools.end();
    bool avoided = std::find(v.avoid_tools.begin(), v.avoid_tools.end(), medium) != v.avoid_tools.end();
    bool applied = std::any_of(routine.steps.begin(), routine.steps.end(),
                               [&](const Step& s) { return s.apply == medium; });
    if (avoided) EXPECT_FALSE(applied) << context << " " << medium;
    if (!chosen) EXPECT_FALSE(applied) << context << " " << medium;
  }
  bool lotion = std::find(request.tools.begin(), request.tools.end(), "lotion") != request.tools.end();
  bool oil = std::find(request.tools.begin(), request.tools.end(), "oil") != request.tools.end() &&
             std::find(v.avoid_tools.begin(), v.avoid_tools.end(), "oil") == v.avoid_tools.end();
  if (lotion || oil) {
    bool applied = std::any_of(routine.steps.begin(), routine.steps.end(),
                               [](const Step& s) { return !s.apply.empty(); });
    bool explained = std::any_of(routine.notes.begin(), routine.notes.end(),
                                 [](const std::string& n) { return has(n, "not in this short routine"); });
    EXPECT_TRUE(applied || explained) << context;
  }
}

TEST(PlannerProperties, InvariantsHoldOverRandomRequests) {
  const auto& kb = kb::embedded();
  std::mt19937 rng(20261122);
  int planned = 0, stopped = 0;
  for (int i = 0; i < request_count; ++i) {
    Request request = random_request(rng, kb);
    validate(kb, request);
    Routine routine = plan(kb, request);
    std::string context = "request " + std::to_string(i);
    check_invariants(kb, request, routine, context);
    if (!routine.steps.empty()) {
      check_words_and_phases(kb, request, routine, context);
      check_feet_goals_and_tools(kb, request, routine, context);
    }
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "first failing request " << i << ": minutes " << request.minutes;
      return;
    }
    (routine.steps.empty() ? stopped : planned)++;
  }
  EXPECT_GT(planned, request_count / 2);
  EXPECT_GT(stopped, 0);
}

TEST(PlannerProperties, SameInputSameOutputByteForByte) {
  const auto& kb = kb::embedded();
  std::mt19937 rng(7);
  for (int i = 0; i < 300; ++i) {
    Request request = random_request(rng, kb);
    auto first = json_io::dump(json_io::to_json(plan(kb, request)));
    auto second = json_io::dump(json_io::to_json(plan(kb, request)));
    ASSERT_EQ(first, second) << "request " << i;
  }
}

}  // namespace
}  // namespace plantar::planner
