// Planning or reading the routine of a session command.
#include "session_input.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <ostream>

#include "input.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "text.h"

namespace plantar::cli {
namespace {

bool has_plan_flags(const PlanOptions& p) {
  return !p.input.empty() || !p.goals.empty() || p.minutes || !p.feet.empty() || !p.tools.empty() ||
         !p.conditions.empty();
}

std::string heading(const std::vector<std::string>& goals, int seconds) {
  std::string names;
  for (const auto& goal : goals) names += (names.empty() ? "" : ", ") + goal;
  std::replace(names.begin(), names.end(), '_', ' ');
  return fmt::format("{} · {} minutes", names, (seconds + 30) / 60);
}

SessionInput from_file(const Context& context, const SessionOptions& options) {
  if (has_plan_flags(options.plan))
    throw BadInput("--routine", "give either --routine or the plan flags (--goal, --minutes, ...), not both");
  SessionInput input;
  input.routine = json_io::read_routine(
      context.kb, json_io::parse(read_input(options.routine, "--routine"), options.routine));
  input.giver = json_io::giver_of(context.kb, input.routine);
  if (!options.plan.giver.empty()) {
    auto giver = parse_giver(options.plan.giver);
    if (!giver) throw BadInput("--giver", "expected self or partner, got '" + options.plan.giver + "'");
    input.giver = *giver;
  }
  input.heading = fmt::format("your routine · {} minutes", (input.routine.total_seconds + 30) / 60);
  return input;
}

}  // namespace

std::optional<SessionInput> session_input(const Context& context, const SessionOptions& options) {
  if (!options.routine.empty()) return from_file(context, options);
  planner::Request request = build_request(options.plan);
  planner::validate(context.kb, request);
  SessionInput input;
  input.routine = planner::plan(context.kb, request);
  if (input.routine.steps.empty()) {
    if (context.json)
      context.out << json_io::dump(input.routine);
    else
      print_screening(context.out, context.kb, input.routine.verdict);
    return std::nullopt;
  }
  input.giver = request.giver;
  input.heading = heading(request.goals, input.routine.total_seconds);
  return input;
}

}  // namespace plantar::cli
