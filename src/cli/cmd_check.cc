// plantar check: the safety screening.
#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "input.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "questionnaire.h"
#include "text.h"

namespace plantar::cli {
namespace {

std::vector<safety::ConditionReport> gather(const Context& context, const CheckOptions& options) {
  std::vector<safety::ConditionReport> reports;
  if (!options.input.empty())
    reports = json_io::read_check_request(json_io::parse(read_input(options.input), options.input));
  for (auto& report : parse_condition_flags(options.conditions)) reports.push_back(report);
  if (options.input.empty() && options.conditions.empty()) {
    if (!context.interactive || context.in == nullptr)
      throw BadInput("--input",
                     "no answers given. Pass --input FILE (or - for standard input) with "
                     "{\"conditions\": [...]}, or --condition ID, or run 'plantar check' in a "
                     "terminal to answer the questions");
    reports = ask_conditions(context.kb, *context.in, context.out);
  }
  return reports;
}

// The plan command with these answers as --condition flags, ready to copy.
std::string plan_command(const std::vector<safety::ConditionReport>& reports) {
  std::string command = "plantar plan --goal relax --minutes 10";
  for (const auto& report : reports) {
    std::string flag = report.id;
    if (!report.severity.empty()) flag += "=" + report.severity;
    for (std::size_t i = 0; i < report.at.size(); ++i) flag += (i ? "," : "@") + name(report.at[i]);
    command += " --condition " + flag;
  }
  return command;
}

void print_next(std::ostream& out, const safety::Screening& s,
                const std::vector<safety::ConditionReport>& reports) {
  out << "\nNext:\n";
  if (s.verdict == Verdict::stop) {
    if (s.urgent) {  // urgent care comes first; a directory of therapists would distract
      out << wrap("Do what it says above first. No foot massage until a health professional says it is safe.",
                  "  ");
      return;
    }
    out << "  No foot massage until this has cleared. If you are unsure, ask a doctor, nurse,\n"
           "  podiatrist or physiotherapist.\n";
    out << "  plantar places near YOUR_TOWN --kind podiatrist --kind physiotherapist\n"
           "    finds one near you, offline (get your region first: plantar places get REGION)\n";
    return;
  }
  out << "  A routine that respects these limits (change the goal and minutes as you like):\n";
  out << "    " << plan_command(reports) << "\n";
}

}  // namespace

int run_check(const Context& context, const CheckOptions& options) {
  auto reports = gather(context, options);
  safety::validate(context.kb, reports);
  auto screening = safety::screen(context.kb, reports);
  if (context.json) {
    context.out << json_io::dump(screening);
  } else {
    print_screening(context.out, context.kb, screening);
    print_next(context.out, screening, reports);
  }
  return screening.verdict == Verdict::stop ? 3 : 0;
}

}  // namespace plantar::cli
