// plantar ask: the cost of building the in-memory FTS5 index at start-up and
// the latency of one question. After the Google Benchmark runs, it times each
// question of tests/ask_eval.json (best of 20 runs each) and prints p50/p99.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "plantar/ask.h"
#include "plantar/json_io.h"
#include "plantar/kb.h"

namespace {

std::vector<std::string> eval_questions() {
  std::ifstream in(std::string(PLANTAR_SOURCE_DIR) + "/tests/ask_eval.json");
  std::stringstream text;
  text << in.rdbuf();
  auto data = plantar::json_io::parse(text.str(), "ask_eval.json");
  std::vector<std::string> out;
  for (const auto& item : data["questions"]) out.push_back(item["q"].get<std::string>());
  return out;
}

void BM_AskIndexBuild(benchmark::State& state) {
  const auto& kb = plantar::kb::embedded();
  for (auto _ : state) {
    plantar::ask::Index index(kb);
    benchmark::DoNotOptimize(&index);
  }
}

void BM_AskOneQuestion(benchmark::State& state) {
  plantar::ask::Index index(plantar::kb::embedded());
  for (auto _ : state) benchmark::DoNotOptimize(index.ask("is it ok to rub my feet with diabetes"));
}

void BM_AskTypoQuestion(benchmark::State& state) {
  plantar::ask::Index index(plantar::kb::embedded());
  for (auto _ : state) benchmark::DoNotOptimize(index.ask("how hrad should i pres on my diabtes feet"));
}

void BM_AskAllEvalQuestions(benchmark::State& state) {
  plantar::ask::Index index(plantar::kb::embedded());
  auto questions = eval_questions();
  for (auto _ : state)
    for (const auto& q : questions) benchmark::DoNotOptimize(index.ask(q));
  state.SetItemsProcessed(state.iterations() * static_cast<int64_t>(questions.size()));
}

BENCHMARK(BM_AskIndexBuild)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_AskOneQuestion)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AskTypoQuestion)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_AskAllEvalQuestions)->Unit(benchmark::kMillisecond);

void print_percentiles() {
  using clock = std::chrono::steady_clock;
  plantar::ask::Index index(plantar::kb::embedded());
  std::vector<double> micros;
  for (const auto& q : eval_questions()) {
    double best = 1e18;
    for (int run = 0; run < 20; ++run) {
      auto start = clock::now();
      benchmark::DoNotOptimize(index.ask(q));
      best = std::min(best, std::chrono::duration<double, std::micro>(clock::now() - start).count());
    }
    micros.push_back(best);
  }
  std::sort(micros.begin(), micros.end());
  auto at = [&](double p) {
    return micros[static_cast<std::size_t>(p * static_cast<double>(micros.size() - 1))];
  };
  std::printf(
      "ask latency over %zu evaluation questions: p50 %.0f us, p99 %.0f us, max %.0f us (target p99 < 2000 "
      "us)\n",
      micros.size(), at(0.50), at(0.99), micros.back());
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  print_percentiles();
  return 0;
}
