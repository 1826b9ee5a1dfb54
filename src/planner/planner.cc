// Planning happens in three moves: choose the feet, choose techniques for
// one foot (warm-up, goal work, cool-down, the calf stretch to finish), then
// fit their durations to the foot's share of the time in 5-second units.
// Both feet get the same sequence unless the safety answers treat them
// differently; standing steps come together at the end.
#include "plantar/planner.h"

#include <algorithm>
#include <cassert>
#include <iterator>

#include "plantar/errors.h"
#include "plantar/suggest.h"
#include "slot_fitting.h"

namespace plantar::planner {
namespace {

constexpr int cooldown_from_seconds = 600;  // shorter routines skip the cool-down
constexpr int gentle_pressure = 2;          // every foot starts at this or lighter
constexpr int ball_from_minutes = 6;        // a chosen ball gets a step per foot from here
const std::string ball_tool = "tennis_ball";
const std::string ball_technique = "tennis_ball_roll";

template <typename T>
bool contains(const std::vector<T>& list, const T& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

// "a", "a and b", "a, b and c", appended to `out`.
template <typename Words>
void append_joined(std::string& out, const Words& words) {
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
}

std::string join_and(const std::vector<std::string>& words) {
  std::string out;
  append_joined(out, words);
  return out;
}

std::string capitalized(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

// The safety notes speak to the person being massaged; in partner mode the
// giver reads them, so the feet and legs become "their".
std::string for_giver(std::string text, Giver giver) {
  if (giver != Giver::partner) return text;
  for (auto [from, to] : {std::pair{"your ", "their "}, {"Your ", "Their "}})
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + 6))
      text.replace(at, std::string(from).size(), to);
  return text;
}

class Planner {
 public:
  Planner(const kb::KnowledgeBase& kb, const Request& request)
      : kb_(kb),
        request_(request),
        verdict_(safety::screen(kb, request.conditions)),
        usable_(2 * kb.techniques.size(), unknown) {}

  Routine run();

 private:
  // Asked often while planning (for each candidate, on each foot): worked out once each.
  bool usable(const kb::Technique& t, Foot foot) const {
    auto index = static_cast<std::size_t>(&t - kb_.techniques.data());
    assert(index < kb_.techniques.size());  // one of the knowledge base's own techniques
    signed char& known = usable_[(foot == Foot::left ? 0 : kb_.techniques.size()) + index];
    if (known == unknown) known = check_usable(t, foot) ? 1 : 0;
    return known == 1;
  }
  bool check_usable(const kb::Technique& t, Foot foot) const;
  int pressure_for(const kb::Technique& t, Foot foot) const;
  bool same_on_both_feet() const;
  const kb::Technique* first_usable(kb::Phase phase, Foot foot) const;
  const kb::Tool* medium() const;
  bool ball_wanted(Foot foot) const;
  std::vector<const kb::Technique*> main_candidates(Foot foot, std::size_t& serving,
                                                    std::size_t& required) const;
  std::optional<FootPlan> foot_plan(Foot foot, std::vector<std::string>& notes) const;
  std::vector<Foot> feet_to_work(std::vector<std::string>& notes) const;
  Step make_step(const Slot& slot) const;
  std::string why(const kb::Technique& t, const std::vector<std::string>& goals) const;
  void add_lotion(std::vector<Step>& steps, std::vector<std::string>& notes) const;
  void add_stand_up(std::vector<Step>& steps) const;
  void add_notes(const std::vector<Step>& steps, std::vector<std::string>& notes) const;

  const kb::KnowledgeBase& kb_;
  const Request& request_;
  safety::Screening verdict_;
  static constexpr signed char unknown = -1;
  mutable std::vector<signed char> usable_;  // by foot (left, right), then technique: 1, 0 or unknown
};

bool Planner::check_usable(const kb::Technique& t, Foot foot) const {
  if (!t.given_by(request_.giver) || verdict_.avoids_technique(t.id)) return false;
  for (const auto& tool : t.tools)
    if (!contains(request_.tools, tool) || contains(verdict_.avoid_tools, tool)) return false;
  for (Region region : t.regions)
    if (verdict_.avoids({foot, region}) || verdict_.ceiling_at({foot, region}) < t.pressure.min) return false;
  return true;
}

int Planner::pressure_for(const kb::Technique& t, Foot foot) const {
  int pressure = t.pressure.preferred;
  for (Region region : t.regions) pressure = std::min(pressure, verdict_.ceiling_at({foot, region}));
  return std::max(pressure, t.pressure.min);
}

// True when every technique is as safe, at the same pressure, on both feet:
// then both feet get the same sequence and times.
bool Planner::same_on_both_feet() const {
  for (const auto& t : kb_.techniques) {
    bool left = usable(t, Foot::left), right = usable(t, Foot::right);
    if (left != right) return false;
    if (left && pressure_for(t, Foot::left) != pressure_for(t, Foot::right)) return false;
  }
  return true;
}

const kb::Technique* Planner::first_usable(kb::Phase phase, Foot foot) const {
  for (const auto& t : kb_.techniques)
    if (t.phase == phase && usable(t, foot)) return &t;
  return nullptr;
}

// The lotion or oil to put on: the first one chosen that the safety answers
// allow (an oil allergy rules out oil; its note says what to use instead).
const kb::Tool* Planner::medium() const {
  for (const auto& tool : request_.tools) {
    const kb::Tool* t = kb_.tool(tool);
    if (t != nullptr && !t->apply.empty() && !contains(verdict_.avoid_tools, tool)) return t;
  }
  return nullptr;
}

bool Planner::ball_wanted(Foot foot) const {
  const kb::Technique* ball = kb_.technique(ball_technique);
  return ball != nullptr && contains(request_.tools, ball_tool) && request_.minutes >= ball_from_minutes &&
         usable(*ball, foot);
}

// Techniques for one foot, best first: the chosen ball, then each goal's
// signature techniques in turn (the source articles' moves lead each goal's
// list in goals.toml), then the rest of each goal's list, then anything else
// that is safe. The first round (the ball and one per goal) is `required`.
std::vector<const kb::Technique*> Planner::main_candidates(Foot foot, std::size_t& serving,
                                                           std::size_t& required) const {
  std::vector<const kb::Technique*> out;
  auto add = [&](const kb::Technique* t) {
    if (t != nullptr && t->phase == kb::Phase::main && usable(*t, foot) && !contains(out, t))
      out.push_back(t);
  };
  if (ball_wanted(foot)) add(kb_.technique(ball_technique));
  const auto& goals = request_.goals;
  std::size_t longest = 0;
  for (const auto& id : goals) longest = std::max(longest, kb_.goal(id)->techniques.size());
  for (std::size_t rank = 0; rank < longest; ++rank) {
    for (const auto& goal : goals) {
      const auto& list = kb_.goal(goal)->techniques;
      // Each goal gets its own signature technique in the first round.
      for (std::size_t i = rank; i < list.size(); ++i) {
        const kb::Technique* t = kb_.technique(list[i]);
        if (rank > 0 || (usable(*t, foot) && !contains(out, t))) {
          add(t);
          break;
        }
      }
    }
    if (rank == 0) required = out.size();
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

std::optional<FootPlan> Planner::foot_plan(Foot foot, std::vector<std::string>& notes) const {
  FootPlan plan{foot, first_usable(kb::Phase::warmup, foot), nullptr, nullptr, {}, 0, 0};
  plan.candidates = main_candidates(foot, plan.serving, plan.required);
  if (plan.warmup == nullptr) {  // start with goal work done gently instead
    // Hands before a ball: a warm-up is done by hand when it can be.
    auto gentle = std::find_if(plan.candidates.begin(), plan.candidates.end(), [](const kb::Technique* t) {
      return t->pressure.min <= gentle_pressure && t->tools.empty();
    });
    if (gentle == plan.candidates.end())
      gentle = std::find_if(plan.candidates.begin(), plan.candidates.end(),
                            [](const kb::Technique* t) { return t->pressure.min <= gentle_pressure; });
    if (gentle == plan.candidates.end()) {
      notes.push_back("The " + std::string(name(foot)) +
                      " foot is left out: no gentle way to start on it is safe today.");
      return std::nullopt;
    }
    plan.warmup = *gentle;
    auto index = static_cast<std::size_t>(gentle - plan.candidates.begin());
    if (index < plan.serving) --plan.serving;
    if (index < plan.required) --plan.required;
    plan.candidates.erase(gentle);
  }
  if (request_.minutes * 60 >= cooldown_from_seconds) plan.cooldown = first_usable(kb::Phase::cooldown, foot);
  if (const kb::Technique* stretch = kb_.technique("calf_stretch"); usable(*stretch, foot))
    plan.finish = stretch;
  return plan;
}

// "For heel pain and sleep: works the sore spot under the heel."
std::string Planner::why(const kb::Technique& t, const std::vector<std::string>& goals) const {
  if (goals.empty()) return capitalized(t.why) + ".";
  std::vector<std::string_view> names;
  names.reserve(goals.size());
  for (const auto& goal : goals) names.push_back(kb_.goal(goal)->short_name);
  std::string out = "For ";
  append_joined(out, names);
  out.append(": ").append(t.why).append(".");
  return out;
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
  step.goals.reserve(request_.goals.size());
  for (const auto& goal : request_.goals)
    if (contains(t.goals, goal)) step.goals.push_back(goal);
  step.phase = slot.warmup || t.phase == kb::Phase::warmup ? "warmup"
               : t.phase == kb::Phase::main                ? "main"
                                                           : "finish";
  step.kind = t.kind;
  step.why = why(t, step.goals);
  const auto& c = kb_.cues;
  step.pressure_words = t.kind == "stretch"    ? c.stretch
                        : t.kind == "movement" ? c.movement
                                               : c.pressure[static_cast<std::size_t>(step.pressure - 1)];
  step.hold_seconds = t.hold_seconds;
  step.stretch_to = t.stretch_to;
  step.standing = t.standing && request_.giver == Giver::self;
  return step;
}

// A chosen lotion or oil goes on at the first hands-on step of each foot
// after the ball (the ball works on dry skin), and a note says how much.
void Planner::add_lotion(std::vector<Step>& steps, std::vector<std::string>& notes) const {
  const kb::Tool* tool = medium();
  if (tool == nullptr) return;
  bool partner = request_.giver == Giver::partner;
  std::vector<std::string> at;
  for (Foot foot : all_feet) {
    auto first = std::find_if(steps.begin(), steps.end(), [&](const Step& s) { return s.foot == foot; });
    if (first == steps.end()) continue;
    auto last_ball = std::find_if(steps.rbegin(), steps.rend(), [&](const Step& s) {
      return s.foot == foot && !kb_.technique(s.technique)->tools.empty();
    });
    auto from = last_ball == steps.rend() ? first : last_ball.base();
    auto where = std::find_if(from, steps.end(), [&](const Step& s) {
      // Not at a step that works between the toes (toe_spread): lotion stays out of there.
      const kb::Technique* t = kb_.technique(s.technique);
      return s.foot == foot && !s.standing && s.kind == "massage" && t->tools.empty() &&
             t->with_lotion.empty();
    });
    if (where == steps.end()) continue;
    where->apply = tool->id;
    where->cue = (partner ? tool->apply_partner : tool->apply) + " " + where->cue;
    for (auto later = where + 1; later != steps.end(); ++later) {
      const kb::Technique* t = kb_.technique(later->technique);
      if (later->foot == foot && !t->with_lotion.empty())
        later->cue = (partner ? t->with_lotion_partner : t->with_lotion) + " " + later->cue;
    }
    std::string step_name = "\"" + kb_.technique(where->technique)->name + "\"";
    if (!contains(at, step_name)) at.push_back(step_name);
  }
  if (at.empty()) {
    notes.push_back(tool->name + ": not in this short routine. The ball works best on dry skin.");
    return;
  }
  notes.push_back(tool->name + ": put it on at the start of " + join_and(at) + ", " + tool->amount +
                  ". Wipe the soles before standing up.");
}

// The standing steps (the calf stretch) come last, after a spoken "now stand
// up"; with lotion on, wipe the soles first.
void Planner::add_stand_up(std::vector<Step>& steps) const {
  auto first = std::find_if(steps.begin(), steps.end(), [](const Step& s) { return s.standing; });
  if (first == steps.end()) return;
  bool oily = std::any_of(steps.begin(), first, [](const Step& s) { return !s.apply.empty(); });
  first->transition = kb_.cues.stand_up;
  if (oily) first->transition = kb_.tool(medium()->id)->wipe + " " + first->transition;
}

void Planner::add_notes(const std::vector<Step>& steps, std::vector<std::string>& notes) const {
  const Giver giver = request_.giver;
  const bool partner = giver == Giver::partner;
  for (const auto& note : verdict_.notes) notes.push_back(for_giver(note, giver));
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
      notes.push_back(goal->name + ": " + (partner ? goal->expect_partner : goal->expect));
  }
  if (partner) notes.push_back("Ask the person you massage to tell you at once if the pressure is too much.");
  // Tips for the goals; the conditions' own notes above already say what
  // matters for them.
  for (const auto& tip : kb_.tips) {
    bool for_goal = std::any_of(tip.goals.begin(), tip.goals.end(),
                                [&](const std::string& g) { return contains(request_.goals, g); });
    if (for_goal && tip.conditions.empty())
      notes.push_back(partner ? tip.title_partner + ": " + tip.text_partner : tip.title + ": " + tip.text);
  }
}

Routine Planner::run() {
  Routine routine;
  routine.giver = request_.giver;
  std::vector<Foot> feet = feet_to_work(routine.notes);
  if (verdict_.verdict != Verdict::stop && feet.empty()) {
    verdict_.verdict = Verdict::stop;
    routine.notes.push_back("Nothing is left to massage safely today.");
  }
  if (verdict_.verdict == Verdict::stop) {
    for (const auto& note : verdict_.notes) routine.notes.push_back(for_giver(note, request_.giver));
    routine.verdict = verdict_;
    return routine;
  }
  std::vector<FootPlan> plans;
  for (Foot foot : feet)
    if (auto plan = foot_plan(foot, routine.notes)) plans.push_back(std::move(*plan));
  if (plans.empty()) {
    routine.verdict = verdict_;
    routine.verdict.verdict = Verdict::stop;
    routine.notes.push_back("Nothing is left to massage safely today.");
    return routine;
  }
  // Each foot gets an equal share; the same plan gives the same sequence and
  // times, so symmetric feet are fitted once.
  const int share = request_.minutes * 60 / static_cast<int>(plans.size());
  const bool mirror = plans.size() == 2 && same_on_both_feet();
  std::vector<Step> work, standing;
  // A step holds several strings: room for them all at once, so they are not
  // moved as the list grows (a foot seldom has more steps than there are
  // techniques: about 18 for 60 minutes).
  work.reserve(plans.size() * kb_.techniques.size());
  for (const auto& plan : plans) {
    std::vector<Slot> slots =
        mirror && plan.foot != plans.front().foot ? fit_slots(plans.front(), share) : fit_slots(plan, share);
    for (Slot slot : slots) {
      slot.foot = plan.foot;
      Step step = make_step(slot);
      (step.standing ? standing : work).push_back(std::move(step));
    }
  }
  // Standing steps and the finishing stretches go together at the end
  // (moved, not copied: a step holds several strings).
  std::stable_partition(work.begin(), work.end(),
                        [](const Step& s) { return s.technique != "calf_stretch"; });
  routine.steps = std::move(work);
  routine.steps.insert(routine.steps.end(), std::make_move_iterator(standing.begin()),
                       std::make_move_iterator(standing.end()));
  const kb::Technique* stretch = kb_.technique("calf_stretch");
  bool stretch_left_out =
      stretch->given_by(request_.giver) &&
      std::any_of(plans.begin(), plans.end(), [](const FootPlan& p) { return p.finish == nullptr; });
  if (stretch_left_out)
    routine.notes.push_back(
        "No calf stretch on a leg the safety answers say to keep off or go light on today.");
  add_lotion(routine.steps, routine.notes);
  add_stand_up(routine.steps);
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
