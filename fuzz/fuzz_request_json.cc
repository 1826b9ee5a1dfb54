// libFuzzer target: the bytes are a JSON request as `plantar plan`/`check`
// and the server read it, or a routine as `plantar guide --routine` reads it. Each is parsed, read as a plan
// request and as a check request, validated and, when valid, screened and planned against the embedded
// knowledge base. BadInput is the only exception a request may cause; anything else escaping
// (std::terminate), a sanitizer report or a broken invariant of the routine (__builtin_trap) is a bug.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/kb.h"
#include "plantar/planner.h"
#include "plantar/safety.h"
#include "plantar/session.h"

#define FUZZ_CHECK(condition)                                                                         \
  do {                                                                                                \
    if (!(condition)) {                                                                               \
      std::fprintf(stderr, "fuzz_request_json: invariant failed: %s (%s:%d)\n", #condition, __FILE__, \
                   __LINE__);                                                                         \
      __builtin_trap();                                                                               \
    }                                                                                                 \
  } while (0)

namespace {

using namespace plantar;

const kb::KnowledgeBase& knowledge() {
  static const kb::KnowledgeBase kb = kb::load(kb::embedded_files());
  return kb;
}

void check_screening(const safety::Screening& s, std::size_t reports) {
  FUZZ_CHECK(s.max_pressure >= min_pressure && s.max_pressure <= default_pressure_ceiling);
  FUZZ_CHECK(s.reasons.size() == reports);
  FUZZ_CHECK(std::is_sorted(s.avoid.begin(), s.avoid.end()));
  FUZZ_CHECK(std::is_sorted(s.avoid_techniques.begin(), s.avoid_techniques.end()));
  FUZZ_CHECK(std::is_sorted(s.avoid_tools.begin(), s.avoid_tools.end()));
  for (const auto& limit : s.limits) FUZZ_CHECK(limit.max_pressure <= s.max_pressure);
  for (const auto& reason : s.reasons) {
    FUZZ_CHECK(reason.verdict <= s.verdict);
    FUZZ_CHECK(!reason.urgent || reason.verdict == Verdict::stop);
  }
  // Both feet out of bounds leaves nothing to massage.
  if (s.avoids({Foot::left, std::nullopt}) && s.avoids({Foot::right, std::nullopt}))
    FUZZ_CHECK(s.verdict == Verdict::stop);
}

void check_routine(const kb::KnowledgeBase& kb, const planner::Request& request,
                   const planner::Routine& routine) {
  check_screening(routine.verdict, request.conditions.size());
  int total = 0;
  for (const auto& step : routine.steps) {
    const kb::Technique* technique = kb.technique(step.technique);
    FUZZ_CHECK(technique != nullptr);
    FUZZ_CHECK(technique->works(step.region));
    FUZZ_CHECK(technique->given_by(request.giver));
    FUZZ_CHECK(step.seconds > 0 && step.seconds % 5 == 0);
    FUZZ_CHECK(step.pressure >= min_pressure);
    FUZZ_CHECK(step.pressure <= routine.verdict.max_pressure);
    FUZZ_CHECK(step.pressure <= routine.verdict.ceiling_at({step.foot, step.region}));
    FUZZ_CHECK(!routine.verdict.avoids({step.foot, step.region}));
    FUZZ_CHECK(!routine.verdict.avoids_technique(step.technique));
    for (const auto& tool : technique->tools)
      FUZZ_CHECK(std::find(request.tools.begin(), request.tools.end(), tool) != request.tools.end());
    if (request.feet != planner::Feet::both) FUZZ_CHECK(planner::name(request.feet) == name(step.foot));
    for (const auto& goal : step.goals)
      FUZZ_CHECK(std::find(request.goals.begin(), request.goals.end(), goal) != request.goals.end());
    total += step.seconds;
  }
  FUZZ_CHECK(total == routine.total_seconds);
  if (routine.verdict.verdict == Verdict::stop) FUZZ_CHECK(routine.steps.empty());
}

void try_plan(const json_io::Json& body) {
  const auto& kb = knowledge();
  planner::Request request;
  try {
    request = json_io::read_plan_request(body);
    planner::validate(kb, request);
  } catch (const BadInput&) {
    return;
  }
  // A validated request must plan without any exception.
  planner::Routine routine = planner::plan(kb, request);
  check_routine(kb, request, routine);
  (void)json_io::dump(json_io::to_json(routine));
}

void try_check(const json_io::Json& body) {
  const auto& kb = knowledge();
  std::vector<safety::ConditionReport> reports;
  try {
    reports = json_io::read_check_request(body);
    safety::validate(kb, reports);
  } catch (const BadInput&) {
    return;
  }
  safety::Screening screening = safety::screen(kb, reports);
  check_screening(screening, reports.size());
  (void)json_io::dump(json_io::to_json(screening));
}

// A routine as saved by `plantar plan --json` (plantar guide --routine): when
// it reads, its session timeline is in order and within its length.
void try_routine(const json_io::Json& body) {
  const auto& kb = knowledge();
  planner::Routine routine;
  try {
    routine = json_io::read_routine(kb, body);
  } catch (const BadInput&) {
    return;
  }
  session::Timeline timeline = session::timeline(kb, routine, json_io::giver_of(kb, routine));
  FUZZ_CHECK(timeline.total_ms == timeline.intro_ms + routine.total_seconds * 1000 + timeline.outro_ms);
  for (std::size_t i = 0; i < timeline.cues.size(); ++i) {
    FUZZ_CHECK(timeline.cues[i].at_ms >= 0 && timeline.cues[i].at_ms <= timeline.total_ms);
    if (i > 0) FUZZ_CHECK(timeline.cues[i - 1].at_ms <= timeline.cues[i].at_ms);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  knowledge();  // the embedded knowledge base must load; outside the try on purpose
  std::string text(reinterpret_cast<const char*>(data), size);
  json_io::Json body;
  try {
    body = json_io::parse(text, "input");
  } catch (const BadInput&) {
    return 0;
  }
  try_plan(body);
  try_check(body);
  try_routine(body);
  return 0;
}
