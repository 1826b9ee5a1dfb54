// The therapist card's content (moved out of src/cli/cmd_card.cc, shared
// with the server's /api/card): the screening's cautions, sore spots,
// goals, home routine and trend, from the journal's bounded queries.
#include <fmt/format.h>

#include <algorithm>

#include "plantar/app_card.h"
#include "plantar/app_journal.h"
#include "plantar/app_words.h"
#include "plantar/errors.h"
#include "plantar/insights.h"
#include "plantar/json_io.h"
#include "plantar/suggest.h"

namespace plantar::app {
namespace {

std::vector<std::string> sections(const std::string& text) {
  if (text.empty()) return render::card_sections;
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string word = text.substr(start, comma - start);
    if (std::find(render::card_sections.begin(), render::card_sections.end(), word) ==
        render::card_sections.end())
      throw BadInput("--sections", unknown_word_message("section", word, render::card_sections));
    out.push_back(word);
    start = comma + 1;
  }
  return out;
}

std::string verdict_line(const safety::Screening& s, bool any) {
  if (!any) return "No health conditions were reported in the screening.";
  if (s.verdict == Verdict::stop)
    return "Screening: STOP. No massage until a health professional has checked the reasons below.";
  if (s.verdict == Verdict::caution)
    return fmt::format("Screening: go with care. Pressure up to {} of 5 ({}).", s.max_pressure,
                       pressure_words(s.max_pressure));
  return "Screening: go. Nothing reported needs extra care.";
}

std::vector<std::string> caution_lines(const kb::KnowledgeBase& kb, const safety::Screening& s) {
  std::vector<std::string> lines;
  for (const auto& reason : s.reasons) {
    const kb::Condition* c = kb.condition(reason.condition);
    lines.push_back(fmt::format("{}: {}", c != nullptr ? c->name : reason.condition, reason.message));
  }
  std::string avoid;
  for (const auto& place : s.avoid) avoid += (avoid.empty() ? "" : ", ") + plain_place(place);
  if (!avoid.empty()) lines.push_back("Please avoid: " + avoid + ".");
  std::string techniques;
  for (const auto& t : s.avoid_techniques)
    techniques += (techniques.empty() ? "" : ", ") + technique_name(kb, t);
  if (!techniques.empty()) lines.push_back("No: " + techniques + ".");
  return lines;
}

std::vector<std::string> sore_lines(const kb::KnowledgeBase& kb,
                                    const std::vector<journal::SoreSpot>& spots) {
  std::vector<std::string> lines;
  for (const auto& spot : spots)
    lines.push_back(fmt::format("{} {}, {} of 10: {}.", spot.foot == Foot::left ? "Left" : "Right",
                                plain_region(spot.region), spot.intensity, kb.region(spot.region).plain));
  return lines;
}

// The goals asked for, or the journal's three most frequent.
std::vector<std::string> goals_of(const CardOptions& options, const journal::Totals& totals) {
  if (!options.goals.empty()) return options.goals;
  std::vector<std::pair<std::string, int>> ranked(totals.goal_sessions.begin(), totals.goal_sessions.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](auto& a, auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  for (std::size_t i = 0; i < ranked.size() && i < 3; ++i) out.push_back(ranked[i].first);
  if (out.empty()) out.push_back("general");
  return out;
}

std::vector<std::string> routine_lines(const kb::KnowledgeBase& kb, const planner::Routine& routine) {
  if (routine.steps.empty()) return {"No home routine until the reasons above have been checked."};
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    const auto& step = routine.steps[i];
    lines.push_back(fmt::format("{}. {}: {}, {} s, pressure {}", i + 1, technique_name(kb, step.technique),
                                plain_place({step.foot, step.region}), step.seconds, step.pressure));
  }
  std::string scale;
  for (int p = min_pressure; p <= max_pressure_level; ++p)
    scale += fmt::format("{}{} {}", p == min_pressure ? "" : "; ", p, pressure_words(p));
  lines.push_back("Pressure: " + scale + ".");
  return lines;
}

std::vector<std::string> trend_lines(const journal::Totals& totals, const Timestamp& today) {
  if (totals.sessions == 0) return {"No sessions recorded yet."};
  auto stats = insights::from_totals(totals, today);
  std::vector<std::string> lines;
  for (const auto& m : stats.measures) {
    if (m.change.count == 0) continue;
    lines.push_back(fmt::format(
        "{}: {} session{}, {:.1f} before and {:.1f} after on average (change {:+.1f}{}).",
        measure_word(m.measure), m.change.count, m.change.count == 1 ? "" : "s", m.before.mean, m.after.mean,
        m.change.mean, m.change.sd ? fmt::format(", spread {:.1f}", *m.change.sd) : ""));
  }
  for (const auto& m : stats.mornings)
    if (m.value.count > 0)
      lines.push_back(fmt::format("{} the next morning: {:.1f} on average over {} morning{}.",
                                  measure_word(m.measure), m.value.mean, m.value.count,
                                  m.value.count == 1 ? "" : "s"));
  lines.push_back("Self-rated, 0 to 10; a small personal record, not proof.");
  return lines;
}

std::string goal_line(const kb::KnowledgeBase& kb, const std::string& id) {
  const kb::Goal* goal = kb.goal(id);
  return goal != nullptr ? goal->name : id;
}

}  // namespace

CardContent card_content(const kb::KnowledgeBase& kb, const CardOptions& options,
                         const std::string& plan_json, const journal::Journal* store) {
  CardContent content;
  journal::Totals totals = store != nullptr ? store->totals() : journal::Totals{};
  render::Card& card = content.card;
  card.sections = sections(options.sections);
  card.name = options.name;
  planner::Request request;
  bool plan_goals = false;  // a plan request without goals takes the journal's, like no request
  if (!plan_json.empty()) {
    auto json = json_io::parse(plan_json, options.input);
    plan_goals = json.is_object() && json.contains("goals");
    request = json_io::read_plan_request(json);
  }
  for (auto& report : parse_condition_flags(options.conditions)) request.conditions.push_back(report);
  if (options.minutes) request.minutes = *options.minutes;
  for (const auto& tool : options.tools) request.tools.push_back(tool);
  if (!options.goals.empty() || !plan_goals) request.goals = goals_of(options, totals);
  planner::validate(kb, request);
  auto routine = planner::plan(kb, request);
  Timestamp today = now_local();
  card.date = format_date(today);
  card.verdict = verdict_line(routine.verdict, !request.conditions.empty());
  card.cautions = caution_lines(kb, routine.verdict);
  if (store != nullptr) card.spots = insights::recent_sore_spots(*store, today, options.days);
  card.sore_lines = sore_lines(kb, card.spots);
  for (const auto& goal : request.goals) card.goals.push_back(goal_line(kb, goal));
  card.routine = routine_lines(kb, routine);
  for (const auto& step : routine.steps) card.routine_pictures.push_back({step.technique, step.foot});
  card.trend = trend_lines(totals, today);
  card.footer = fmt::format("Made with plantar on {}. My own notes and ratings, not a diagnosis.", card.date);
  content.verdict = routine.verdict.verdict;
  return content;
}

}  // namespace plantar::app
