// DESIGN.md's planner invariants over 10,000 seeded random requests.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <random>

#include "plantar/json_io.h"
#include "plantar/kb.h"
#include "plantar/planner.h"

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
    return !verdict.avoids({foot, Region::calf}) && !verdict.avoids({foot, Region::achilles}) &&
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
