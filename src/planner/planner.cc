// Planning happens in three moves: choose the feet, choose techniques for
// each foot (warm-up, goal work, cool-down, the calf stretch to finish), then
// fit their durations to the requested time in 5-second units.
#include "plantar/planner.h"

#include <algorithm>

#include "plantar/errors.h"
#include "plantar/suggest.h"
#include "slot_fitting.h"

namespace plantar::planner {
namespace {

constexpr int cooldown_from_seconds = 600;  // shorter routines skip the cool-down
constexpr int gentle_pressure = 2;          // every foot starts at this or lighter

template <typename T>
bool contains(const std::vector<T>& list, const T& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

class Planner {
 public:
  Planner(const kb::KnowledgeBase& kb, const Request& request)
      : kb_(kb), request_(request), verdict_(safety::screen(kb, request.conditions)) {}

  Routine run();

 private:
  bool usable(const kb::Technique& t, Foot foot) const;
  int pressure_for(const kb::Technique& t, Foot foot) const;
  const kb::Technique* first_usable(kb::Phase phase, Foot foot) const;
  std::vector<const kb::Technique*> main_candidates(Foot foot, std::size_t offset,
                                                    std::size_t& serving) const;
  std::vector<Foot> feet_to_work(std::vector<std::string>& notes) const;
  Step make_step(const Slot& slot) const;
  void add_notes(const std::vector<Step>& steps, std::vector<std::string>& notes) const;

  const kb::KnowledgeBase& kb_;
  const Request& request_;
  safety::Screening verdict_;
};

bool Planner::usable(const kb::Technique& t, Foot foot) const {
  if (!t.given_by(request_.giver) || verdict_.avoids_technique(t.id)) return false;
  for (const auto& tool : t.tools)
    if (!contains(request_.tools, tool)) return false;
  for (Region region : t.regions)
    if (verdict_.avoids({foot, region}) || verdict_.ceiling_at({foot, region}) < t.pressure.min) return false;
  return true;
}

int Planner::pressure_for(const kb::Technique& t, Foot foot) const {
  int pressure = t.pressure.preferred;
  for (Region region : t.regions) pressure = std::min(pressure, verdict_.ceiling_at({foot, region}));
  return std::max(pressure, t.pressure.min);
}

const kb::Technique* Planner::first_usable(kb::Phase phase, Foot foot) const {
  for (const auto& t : kb_.techniques)
    if (t.phase == phase && usable(t, foot)) return &t;
  return nullptr;
}

// Techniques for one foot, best first: one per goal in turn (starting at
// goal `offset`, so that short routines spread goals over the feet), then the
// rest of each goal's list, then anything else that is safe.
std::vector<const kb::Technique*> Planner::main_candidates(Foot foot, std::size_t offset,
                                                           std::size_t& serving) const {
  std::vector<const kb::Technique*> out;
  auto add = [&](const kb::Technique* t) {
    if (t != nullptr && t->phase == kb::Phase::main && usable(*t, foot) && !contains(out, t))
      out.push_back(t);
  };
  const auto& goals = request_.goals;
  std::size_t longest = 0;
  for (const auto& id : goals) longest = std::max(longest, kb_.goal(id)->techniques.size());
  for (std::size_t rank = 0; rank < longest; ++rank)
    for (std::size_t g = 0; g < goals.size(); ++g) {
      const auto& list = kb_.goal(goals[(g + offset) % goals.size()])->techniques;
      if (rank < list.size()) add(kb_.technique(list[rank]));
    }
  serving = out.size();
  for (const auto& id : kb_.goal("general")->techniques) add(kb_.technique(id));
  for (const auto& t : kb_.techniques) add(&t);
  return out;
}

std::vector<Foot> Planner::feet_to_work(std::vector<std::string>& notes) const {
  std::vector<Foot> feet;
  for (Foot foot : all_feet) {
    bool asked = request_.feet == Feet::both || name(request_.feet) == name(foot);
    if (!asked) continue;
    if (verdict_.avoids({foot, std::nullopt})) {
      notes.push_back("The " + std::string(name(foot)) +
                      " foot is left out: the safety answers say to keep off all of it today.");
      continue;
    }
    feet.push_back(foot);
  }
  return feet;
}

Step Planner::make_step(const Slot& slot) const {
  const kb::Technique& t = *slot.technique;
  Step step;
  step.technique = t.id;
  step.foot = slot.foot;
  step.region = t.regions.front();
  step.seconds = slot.seconds;
  step.pressure = pressure_for(t, slot.foot);
  if (slot.warmup) step.pressure = std::min(step.pressure, gentle_pressure);
  step.cue = request_.giver == Giver::partner ? t.cue_partner : t.cue;
  for (const auto& goal : request_.goals)
    if (contains(t.goals, goal)) step.goals.push_back(goal);
  return step;
}

void Planner::add_notes(const std::vector<Step>& steps, std::vector<std::string>& notes) const {
  for (const auto& note : verdict_.notes) notes.push_back(note);
  if (verdict_.max_pressure < default_pressure_ceiling)
    notes.push_back("Keep the pressure at " + std::to_string(verdict_.max_pressure) + " of 5 (" +
                    std::string(pressure_words(verdict_.max_pressure)) + ") or lighter.");
  for (const auto& goal_id : request_.goals) {
    const kb::Goal* goal = kb_.goal(goal_id);
    bool served =
        std::any_of(steps.begin(), steps.end(), [&](const Step& s) { return contains(s.goals, goal_id); });
    if (!served)
      notes.push_back("No step for \"" + goal->name + "\" fits: there was too little time, or no " +
                      "technique for it is safe or possible with what you have.");
    else if (goal_id != "general")
      notes.push_back(goal->name + ": " + goal->expect);
  }
  if (request_.giver == Giver::partner)
    notes.push_back("Ask the person you massage to tell you at once if the pressure is too much.");
  // Tips for the goals; the conditions' own notes above already say what
  // matters for them.
  for (const auto& tip : kb_.tips) {
    bool for_goal = std::any_of(tip.goals.begin(), tip.goals.end(),
                                [&](const std::string& g) { return contains(request_.goals, g); });
    if (for_goal && tip.conditions.empty()) notes.push_back(tip.title + ": " + tip.text);
  }
}

Routine Planner::run() {
  Routine routine;
  std::vector<Foot> feet = feet_to_work(routine.notes);
  if (verdict_.verdict != Verdict::stop && feet.empty()) {
    verdict_.verdict = Verdict::stop;
    routine.notes.push_back("Nothing is left to massage safely today.");
  }
  if (verdict_.verdict == Verdict::stop) {
    for (const auto& note : verdict_.notes) routine.notes.push_back(note);
    routine.verdict = verdict_;
    return routine;
  }
  const int total = request_.minutes * 60;
  std::vector<FootPlan> plans;
  for (std::size_t i = 0; i < feet.size(); ++i) {
    FootPlan plan{feet[i], first_usable(kb::Phase::warmup, feet[i]), nullptr, nullptr, {}, 0};
    plan.candidates = main_candidates(feet[i], i, plan.serving);
    if (plan.warmup == nullptr) {  // start with goal work done gently instead
      auto gentle = std::find_if(plan.candidates.begin(), plan.candidates.end(),
                                 [](const kb::Technique* t) { return t->pressure.min <= gentle_pressure; });
      if (gentle == plan.candidates.end()) {
        routine.notes.push_back("The " + std::string(name(feet[i])) +
                                " foot is left out: no gentle way to start on it is safe today.");
        continue;
      }
      plan.warmup = *gentle;
      if (static_cast<std::size_t>(gentle - plan.candidates.begin()) < plan.serving) --plan.serving;
      plan.candidates.erase(gentle);
    }
    if (total >= cooldown_from_seconds) plan.cooldown = first_usable(kb::Phase::cooldown, feet[i]);
    if (const kb::Technique* stretch = kb_.technique("calf_stretch"); usable(*stretch, feet[i]))
      plan.finish = stretch;
    plans.push_back(std::move(plan));
  }
  if (plans.empty()) {
    routine.verdict = verdict_;
    routine.verdict.verdict = Verdict::stop;
    routine.notes.push_back("Nothing is left to massage safely today.");
    return routine;
  }
  for (const Slot& slot : fit_slots(plans, total)) routine.steps.push_back(make_step(slot));
  for (const auto& step : routine.steps) routine.total_seconds += step.seconds;
  add_notes(routine.steps, routine.notes);
  routine.verdict = verdict_;
  return routine;
}

std::vector<std::string> ids_of(const auto& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

}  // namespace

std::string_view name(Feet feet) {
  switch (feet) {
    case Feet::left: return "left";
    case Feet::right: return "right";
    case Feet::both: return "both";
  }
  return "both";
}

std::optional<Feet> parse_feet(std::string_view word) {
  for (Feet feet : {Feet::left, Feet::right, Feet::both})
    if (name(feet) == word) return feet;
  return std::nullopt;
}

void validate(const kb::KnowledgeBase& kb, const Request& request) {
  if (request.goals.empty()) throw BadInput("goals", "expected at least one goal");
  for (std::size_t i = 0; i < request.goals.size(); ++i)
    if (kb.goal(request.goals[i]) == nullptr)
      throw BadInput("goals[" + std::to_string(i) + "]",
                     unknown_word_message("goal", request.goals[i], ids_of(kb.goals)));
  if (request.minutes < min_minutes || request.minutes > max_minutes)
    throw BadInput("minutes",
                   "expected a whole number of minutes from 3 to 60, got " + std::to_string(request.minutes));
  for (std::size_t i = 0; i < request.tools.size(); ++i)
    if (kb.tool(request.tools[i]) == nullptr)
      throw BadInput("tools[" + std::to_string(i) + "]",
                     unknown_word_message("tool", request.tools[i], ids_of(kb.tools)));
  safety::validate(kb, request.conditions);
}

Routine plan(const kb::KnowledgeBase& kb, const Request& request) {
  Request unique = request;
  std::vector<std::string> goals;
  for (const auto& goal : request.goals)
    if (!contains(goals, goal)) goals.push_back(goal);
  unique.goals = goals;
  return Planner(kb, unique).run();
}

}  // namespace plantar::planner
