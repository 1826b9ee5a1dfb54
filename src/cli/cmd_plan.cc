// plantar plan: a timed routine for the person's goals.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "input.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "text.h"

namespace plantar::cli {

planner::Request build_request(const PlanOptions& options) {
  planner::Request request;
  if (!options.input.empty())
    request = json_io::read_plan_request(json_io::parse(read_input(options.input), options.input));
  if (!options.goals.empty()) request.goals = options.goals;
  if (options.minutes) request.minutes = *options.minutes;
  if (!options.feet.empty()) {
    auto feet = planner::parse_feet(options.feet);
    if (!feet) throw BadInput("--feet", "expected left, right or both, got '" + options.feet + "'");
    request.feet = *feet;
  }
  if (!options.giver.empty()) {
    auto giver = parse_giver(options.giver);
    if (!giver) throw BadInput("--giver", "expected self or partner, got '" + options.giver + "'");
    request.giver = *giver;
  }
  for (const auto& tool : options.tools) request.tools.push_back(tool);
  for (auto& report : parse_condition_flags(options.conditions)) request.conditions.push_back(report);
  return request;
}

namespace {

std::string clock(int seconds) { return fmt::format("{}:{:02}", seconds / 60, seconds % 60); }

std::string heading(const kb::KnowledgeBase& kb, const planner::Step& step, bool finishing) {
  const kb::Technique* t = kb.technique(step.technique);
  if (finishing || t->phase == kb::Phase::finish) return "TO FINISH";
  return fmt::format("{} FOOT", step.foot == Foot::left ? "LEFT" : "RIGHT");
}

void print_routine(std::ostream& out, const kb::KnowledgeBase& kb, const planner::Request& request,
                   const planner::Routine& routine) {
  std::string who = request.giver == Giver::partner ? "for you to give to someone" : "for you to do yourself";
  bool left = false, right = false;
  for (const auto& step : routine.steps) (step.foot == Foot::left ? left : right) = true;
  std::string feet = left && right ? "both feet" : left ? "left foot" : "right foot";
  out << fmt::format("Your {}-minute routine: {}, {}.\n", routine.total_seconds / 60, feet, who);
  if (routine.verdict.verdict == Verdict::caution) {
    out << "Safety: go with caution (see 'plantar check' for the reasons).\n";
    out << fmt::format("  Pressure up to {} of 5.\n", routine.verdict.max_pressure);
  }
  std::string current;
  int start = 0;
  bool finishing = false;
  for (const auto& step : routine.steps) {
    const kb::Technique* t = kb.technique(step.technique);
    finishing = finishing || t->phase == kb::Phase::finish;
    auto title = heading(kb, step, finishing);
    if (title != current) out << "\n" << title << "\n";
    current = title;
    std::string place = finishing ? plain_place({step.foot, step.region}) : plain_region(step.region);
    out << fmt::format("  {:>5}  {} ({}), {} s, pressure {} of 5: {}\n", clock(start), t->name, place,
                       step.seconds, step.pressure, pressure_words(step.pressure));
    out << wrap(step.cue, "         ", "         ");
    start += step.seconds;
  }
  out << fmt::format("  {:>5}  Done.\n", clock(start));
  if (!routine.notes.empty()) out << "\nGood to know:\n";
  for (const auto& note : routine.notes) out << wrap(note, "    ", "  * ");
  out << "\nNext:\n"
         "  plantar learn techniques ID   how to do a step\n"
         "  plantar plan ... --json        this routine as JSON (to save or share)\n";
}

}  // namespace

int run_plan(const Context& context, const PlanOptions& options) {
  planner::Request request = build_request(options);
  planner::validate(context.kb, request);
  planner::Routine routine = planner::plan(context.kb, request);
  if (context.json) {
    context.out << json_io::dump(routine);
  } else if (routine.steps.empty()) {
    print_screening(context.out, context.kb, routine.verdict);
    context.out << "\nNo routine today.\n";
  } else {
    print_routine(context.out, context.kb, request, routine);
  }
  return routine.steps.empty() ? 3 : 0;
}

}  // namespace plantar::cli
