// The cost of one /api/plan answer without HTTP: request parsing, the
// planner, and the JSON written back; each part alone, then all together.
#include <benchmark/benchmark.h>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "plantar/json_io.h"
#include "plantar/kb.h"
#include "plantar/planner.h"
#include "server/api.h"

namespace {

const std::string body =
    R"({"goals": ["plantar_fasciitis", "relax"], "minutes": 20, "tools": ["tennis_ball"],)"
    R"( "conditions": [{"id": "diabetes"}]})";

void BM_ReadRequest(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(plantar::json_io::read_plan_request(plantar::json_io::parse(body, "body")));
}

void BM_Plan(benchmark::State& state) {
  const auto& kb = plantar::kb::embedded();
  auto request = plantar::json_io::read_plan_request(plantar::json_io::parse(body, "body"));
  for (auto _ : state) benchmark::DoNotOptimize(plantar::planner::plan(kb, request));
}

void BM_WriteRoutine(benchmark::State& state) {
  const auto& kb = plantar::kb::embedded();
  auto routine =
      plantar::planner::plan(kb, plantar::json_io::read_plan_request(plantar::json_io::parse(body, "body")));
  for (auto _ : state) benchmark::DoNotOptimize(plantar::json_io::dump(routine));
}

void BM_WholeAnswer(benchmark::State& state) {
  plantar::server::Api api{plantar::kb::embedded(), "", ""};
  for (auto _ : state) benchmark::DoNotOptimize(plantar::server::answer(api, "POST", "/api/plan", body));
}

BENCHMARK(BM_ReadRequest);
BENCHMARK(BM_Plan);
BENCHMARK(BM_WriteRoutine);
BENCHMARK(BM_WholeAnswer);

}  // namespace

BENCHMARK_MAIN();
