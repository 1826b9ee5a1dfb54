// Fitting technique durations to the requested time. Private to the planner.
#pragma once

#include <vector>

#include "plantar/kb.h"

namespace plantar::planner {

/// What one foot may get: a warm-up (a warm-up technique, or else a main
/// technique done gently), goal work from `candidates` (best
/// first), a cool-down and the finishing calf stretch (null when unusable).
struct FootPlan {
  Foot foot = Foot::left;
  const kb::Technique* warmup = nullptr;
  const kb::Technique* cooldown = nullptr;
  const kb::Technique* finish = nullptr;
  std::vector<const kb::Technique*> candidates;
  std::size_t serving = 0;   // how many of the candidates serve the goals or the tool
  std::size_t required = 0;  // the first ones: one per goal, the tool; kept whenever they fit
};

struct Slot {
  const kb::Technique* technique = nullptr;
  Foot foot = Foot::left;
  int seconds = 0;
  bool warmup = false;  // the foot's first step: pressure 2 at most
};

/// One foot's steps in order (warm-up, goal work, cool-down, the calf
/// stretch) with durations in multiples of 5 s that add up to
/// `total_seconds` whenever the techniques' limits allow it.
std::vector<Slot> fit_slots(const FootPlan& plan, int total_seconds);

}  // namespace plantar::planner
