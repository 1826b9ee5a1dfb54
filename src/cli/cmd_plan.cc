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

// "LEFT FOOT", or "TO FINISH" for the calf stretches that close the routine
// ("STANDING, TO FINISH" when they are done standing).
std::string heading(const planner::Step& step, bool finishing) {
  if (finishing) return step.standing ? "STANDING, TO FINISH" : "TO FINISH";
  return fmt::format("{} FOOT", step.foot == Foot::left ? "LEFT" : "RIGHT");
}

std::string phase_title(const std::string& phase) {
  if (phase == "warmup") return "Warm-up";
  if (phase == "main") return "Main work";
  return "Finish";
}

std::string without_period(std::string text) {
  if (!text.empty() && text.back() == '.') text.pop_back();
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

// How hard, or for a stretch how far and how long.
std::string how(const planner::Step& step) {
  if (step.kind == "stretch")
    return fmt::format("stretch to {}, hold {} s", without_period(step.stretch_to), step.hold_seconds);
  if (step.kind == "movement") return "movement, no pressure";
  return fmt::format("pressure {} of 5: {}", step.pressure, without_period(step.pressure_words));
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
  std::string current, current_phase;
  int start = 0;
  bool finishing = false;
  for (const auto& step : routine.steps) {
    const kb::Technique* t = kb.technique(step.technique);
    finishing = finishing || t->phase == kb::Phase::finish;
    auto title = heading(step, finishing);
    if (title != current) {
      out << "\n" << title << "\n";
      current_phase.clear();
    }
    current = title;
    if (!finishing && step.phase != current_phase) out << "  " << phase_title(step.phase) << "\n";
    current_phase = step.phase;
    if (!step.transition.empty()) out << wrap(step.transition, "         ", "         ");
    std::string place = finishing ? plain_place({step.foot, step.region}) : plain_region(step.region);
    out << fmt::format("  {:>5}  {} ({}), {} s, {}\n", clock(start), t->name, place, step.seconds, how(step));
    out << wrap(step.cue, "         ", "         ");
    out << wrap("Why: " + step.why, "         ", "         ");
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
