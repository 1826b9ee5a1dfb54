// Filling cues.toml's templates for one routine.
#include "cue_words.h"

#include <algorithm>

namespace plantar::session {
namespace {

bool partner(Giver giver) { return giver == Giver::partner; }

bool intersects(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  return std::any_of(a.begin(), a.end(),
                     [&](const auto& x) { return std::find(b.begin(), b.end(), x) != b.end(); });
}

std::string sentence(std::string text) {
  if (!text.empty() && text.back() != '.' && text.back() != '!' && text.back() != '?') text += '.';
  return text;
}

// Tips for after the session: "after" tips for these goals and conditions,
// and any tip meant for one of the reported conditions.
std::vector<std::string> closing_tips(const kb::KnowledgeBase& kb, const planner::Routine& routine,
                                      Giver giver) {
  std::vector<std::string> goals, conditions;
  for (const auto& step : routine.steps)
    for (const auto& goal : step.goals)
      if (std::find(goals.begin(), goals.end(), goal) == goals.end()) goals.push_back(goal);
  for (const auto& reason : routine.verdict.reasons) conditions.push_back(reason.condition);
  std::vector<std::string> out;
  for (const auto& tip : kb.tips) {
    bool for_goals = tip.goals.empty() || intersects(tip.goals, goals);
    bool for_conditions = tip.conditions.empty() || intersects(tip.conditions, conditions);
    bool after = tip.when == "after" && for_goals && for_conditions;
    bool condition_tip = tip.when == "any" && !tip.conditions.empty() && for_conditions;
    if (after || condition_tip) out.push_back(sentence(partner(giver) ? tip.title_partner : tip.title));
  }
  return out;
}

}  // namespace

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [key, value] : values) {
    std::string mark = "{" + key + "}";
    for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size()))
      text.replace(at, mark.size(), value);
  }
  return text;
}

std::string CueWords::welcome() const { return partner(giver) ? kb.cues.welcome_partner : kb.cues.welcome; }

std::string CueWords::foot_change(Foot foot) const {
  return fill(partner(giver) ? kb.cues.foot_change_partner : kb.cues.foot_change,
              {{"foot", std::string(name(foot))}});
}

std::string CueWords::announce(const planner::Step& step) const {
  const kb::Cues& c = kb.cues;
  const kb::Technique* technique = kb.technique(step.technique);
  std::string whose = partner(giver) ? "their" : "your";
  std::string area =
      fill(c.areas.at(step.region), {{"whose", whose}, {"foot", std::string(name(step.foot))}});
  // How hard comes from the step's level alone (cues.toml); a stretch or a
  // movement says its own words instead of a pressure.
  int level = std::clamp(step.pressure, min_pressure, max_pressure_level);
  std::string kind = technique != nullptr ? technique->kind : step.kind;
  std::string how = kind == "stretch"    ? c.stretch
                    : kind == "movement" ? c.movement
                                         : c.pressure[static_cast<std::size_t>(level - 1)];
  std::string text = fill(partner(giver) ? c.announce_partner : c.announce,
                          {{"technique", technique != nullptr ? technique->name : step.technique},
                           {"area", area},
                           {"pressure", how},
                           {"cue", step.cue}});
  return step.transition.empty() ? text : step.transition + " " + text;
}

std::string CueWords::closing(const planner::Routine& routine) const {
  std::string text = partner(giver) ? kb.cues.closing_partner : kb.cues.closing;
  auto tips = closing_tips(kb, routine, giver);
  if (!tips.empty()) text += " " + kb.cues.after_tips;
  for (const auto& tip : tips) text += " " + tip;
  return text;
}

}  // namespace plantar::session
