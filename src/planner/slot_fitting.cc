#include "slot_fitting.h"

#include <algorithm>
#include <functional>

namespace plantar::planner {
namespace {

constexpr int unit = 5;  // seconds: durations stay on a 5-second grid

struct Placed {
  Slot slot;
  bool main = false;
  int round = 0;  // how many times the list of candidates was gone through
};

// Tool work (the ball) first, on dry skin before any lotion; then from the
// toes towards the heel and leg.
int flow_order(const kb::Technique* t) {
  return t->tools.empty() ? 1 + static_cast<int>(t->regions.front()) : 0;
}

// Picks work for one foot: the techniques that serve the goals in turn until
// their preferred durations reach the budget; other safe techniques only when
// the goal work cannot fill the time even at its longest; repeats last.
std::vector<Placed> choose_main(const FootPlan& plan, int budget) {
  std::vector<Placed> mains;
  int preferred = 0, minimum = 0, longest = 0;
  auto add = [&](const kb::Technique* t, int round) {
    if (minimum + t->seconds.min > budget) return false;
    mains.push_back({{t, plan.foot, t->seconds.preferred}, true, round});
    preferred += t->seconds.preferred;
    minimum += t->seconds.min;
    longest += t->seconds.max;
    return true;
  };
  const auto& list = plan.candidates;
  std::size_t serving = std::min(plan.serving, list.size());
  std::size_t required = std::min(plan.required, serving);
  for (std::size_t i = 0; i < serving && (i < required || preferred < budget); ++i)
    if (!add(list[i], 0)) break;
  if (mains.size() > std::max<std::size_t>(required, 1) &&
      preferred - budget > budget - (preferred - mains.back().slot.seconds)) {
    preferred -= mains.back().slot.seconds;  // stop at the pick closest to the budget
    longest -= mains.back().slot.technique->seconds.max;
    mains.pop_back();
  }
  for (std::size_t i = serving; i < list.size() && longest < budget; ++i)
    if (!add(list[i], 0)) break;
  for (int round = 1; round < 10 && list.size() > 1 && longest < budget; ++round)
    for (std::size_t i = 0; i < list.size() && longest < budget; ++i)
      if (!add(list[i], round)) break;
  std::stable_sort(mains.begin(), mains.end(), [](const Placed& a, const Placed& b) {
    if (a.round != b.round) return a.round < b.round;
    return flow_order(a.slot.technique) < flow_order(b.slot.technique);
  });
  return mains;
}

// Moves every slot accepted by `can` by one unit in `direction` while
// `remaining` allows; returns whether anything moved.
bool step_all(std::vector<Placed>& placed, int& remaining, int direction,
              const std::function<bool(const Placed&)>& can) {
  bool moved = false;
  for (auto& p : placed) {
    if ((direction > 0 ? remaining <= 0 : remaining >= 0)) break;
    if (!can(p)) continue;
    p.slot.seconds += direction * unit;
    remaining -= direction * unit;
    moved = true;
  }
  return moved;
}

void grow(std::vector<Placed>& placed, int& remaining) {
  auto below_max = [](const Placed& p) { return p.slot.seconds < p.slot.technique->seconds.max; };
  while (remaining > 0) {
    if (step_all(placed, remaining, +1, [&](const Placed& p) { return p.main && below_max(p); })) continue;
    if (step_all(placed, remaining, +1, below_max)) continue;
    // Every technique is at its longest: stretch the goal work past it
    // rather than end early (only with very few safe techniques).
    bool any_main = std::any_of(placed.begin(), placed.end(), [](const Placed& p) { return p.main; });
    if (!step_all(placed, remaining, +1, [&](const Placed& p) { return p.main || !any_main; })) break;
  }
}

void shrink(std::vector<Placed>& placed, int& remaining) {
  auto above_min = [](const Placed& p) { return p.slot.seconds > p.slot.technique->seconds.min; };
  while (remaining < 0) {
    if (step_all(placed, remaining, -1, [&](const Placed& p) { return p.main && above_min(p); })) continue;
    if (step_all(placed, remaining, -1, above_min)) continue;
    // Everything is at its shortest: drop the last piece of goal work.
    auto last_main = std::find_if(placed.rbegin(), placed.rend(), [](const Placed& p) { return p.main; });
    if (last_main == placed.rend()) break;
    remaining += last_main->slot.seconds;
    placed.erase(std::next(last_main).base());
  }
}

}  // namespace

std::vector<Slot> fit_slots(const FootPlan& plan, int total_seconds) {
  // Warm-up, cool-down and finish take their preferred time unless that
  // would leave too little for goal work; then they shrink towards their minimum.
  int fixed = 0, fixed_min = 0;
  for (const kb::Technique* t : {plan.warmup, plan.cooldown, plan.finish})
    if (t != nullptr) {
      fixed += t->seconds.preferred;
      fixed_min += t->seconds.min;
    }
  int budget = std::max(0, total_seconds - fixed);
  if (!plan.candidates.empty() && budget < plan.candidates.front()->seconds.preferred)
    budget = std::max(0, total_seconds - fixed_min);

  std::vector<Placed> placed;
  if (plan.warmup != nullptr)
    placed.push_back({{plan.warmup, plan.foot, plan.warmup->seconds.preferred, true}});
  for (auto& p : choose_main(plan, budget)) placed.push_back(p);
  if (plan.cooldown != nullptr)
    placed.push_back({{plan.cooldown, plan.foot, plan.cooldown->seconds.preferred}});
  if (plan.finish != nullptr) placed.push_back({{plan.finish, plan.foot, plan.finish->seconds.preferred}});

  int remaining = total_seconds;
  for (const auto& p : placed) remaining -= p.slot.seconds;
  if (remaining > 0) grow(placed, remaining);
  if (remaining < 0) shrink(placed, remaining);

  std::vector<Slot> slots;
  for (const auto& p : placed) slots.push_back(p.slot);
  return slots;
}

}  // namespace plantar::planner
