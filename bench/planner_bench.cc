// Planner latency: screening plus planning of typical requests, with the
// knowledge base already loaded; and the cost of loading it.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include "kb/binary_kb.h"
#include "plantar/json_io.h"
#include "plantar/kb.h"
#include "plantar/planner.h"

namespace {

using plantar::planner::Request;

void plan_request(benchmark::State& state, Request request) {
  const auto& kb = plantar::kb::embedded();
  for (auto _ : state) benchmark::DoNotOptimize(plantar::planner::plan(kb, request));
}

Request make(std::vector<std::string> goals, int minutes,
             std::vector<plantar::safety::ConditionReport> conditions = {}) {
  Request r;
  r.goals = std::move(goals);
  r.minutes = minutes;
  r.tools = {"tennis_ball", "lotion"};
  r.conditions = std::move(conditions);
  return r;
}

void BM_PlanTenMinutes(benchmark::State& state) { plan_request(state, make({"plantar_fasciitis"}, 10)); }
void BM_PlanSixtyMinutesThreeGoals(benchmark::State& state) {
  plan_request(state, make({"relax", "sleep", "runner_recovery"}, 60));
}
void BM_PlanWithConditions(benchmark::State& state) {
  plan_request(state, make({"desk_stiffness"}, 20, {{"diabetes", "", {}}, {"varicose_veins", "", {}}}));
}
void BM_PlanJsonOut(benchmark::State& state) {
  const auto& kb = plantar::kb::embedded();
  auto request = make({"sleep"}, 10);
  for (auto _ : state)
    benchmark::DoNotOptimize(
        plantar::json_io::dump(plantar::json_io::to_json(plantar::planner::plan(kb, request))));
}
void BM_LoadKnowledgeBase(benchmark::State& state) {
  auto files = plantar::kb::embedded_files();
  for (auto _ : state) benchmark::DoNotOptimize(plantar::kb::load(files));
}

BENCHMARK(BM_PlanTenMinutes);
BENCHMARK(BM_PlanSixtyMinutesThreeGoals);
BENCHMARK(BM_PlanWithConditions);
BENCHMARK(BM_PlanJsonOut);
// What `plantar` does at start-up instead (issue 14): read the binary form
// compiled at build time.
void BM_LoadCompiledKnowledgeBase(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(plantar::kb::from_binary(plantar::kb::compiled_form()));
}

BENCHMARK(BM_LoadKnowledgeBase)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadCompiledKnowledgeBase)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
