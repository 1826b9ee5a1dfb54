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

// The bodies of bench/web_load.sh's varied run (two goals, 3 to 60 minutes,
// one or both feet): the answer computed for each, no reply cache.
std::vector<std::string> varied_bodies() {
  const char* goals[] = {"relax",           "sleep",  "circulation", "desk_stiffness", "plantar_fasciitis",
                         "runner_recovery", "general"};
  const char* feet[] = {"both", "left", "right"};
  std::vector<std::string> bodies;
  unsigned seed = 20261202;
  auto next = [&seed](unsigned n) {
    seed = seed * 1103515245 + 12345;
    return (seed >> 16) % n;
  };
  for (int i = 0; i < 1000; ++i)
    bodies.push_back(std::string(R"({"goals": [")") + goals[next(7)] + R"(", ")" + goals[next(7)] +
                     R"("], "minutes": )" + std::to_string(3 + next(58)) + R"(, "feet": ")" + feet[next(3)] +
                     R"("})");
  return bodies;
}

void BM_WholeAnswerVaried(benchmark::State& state) {
  plantar::server::Api api{plantar::kb::embedded(), "", ""};
  auto bodies = varied_bodies();
  std::size_t i = 0;
  for (auto _ : state)
    benchmark::DoNotOptimize(plantar::server::answer(api, "POST", "/api/plan", bodies[i++ % bodies.size()]));
}

BENCHMARK(BM_ReadRequest);
BENCHMARK(BM_Plan);
BENCHMARK(BM_WriteRoutine);
BENCHMARK(BM_WholeAnswer);
BENCHMARK(BM_WholeAnswerVaried);

}  // namespace

BENCHMARK_MAIN();
