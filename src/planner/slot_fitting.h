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
  std::size_t serving = 0;  // how many of the candidates serve the goals
};

struct Slot {
  const kb::Technique* technique = nullptr;
  Foot foot = Foot::left;
  int seconds = 0;
  bool warmup = false;  // the foot's first step: pressure 2 at most
};

/// The steps in order (each foot: warm-up, goal work, cool-down; then the
/// calf stretches) with durations in multiples of 5 s that add up to
/// `total_seconds` whenever the techniques' limits allow it.
std::vector<Slot> fit_slots(const std::vector<FootPlan>& plans, int total_seconds);

}  // namespace plantar::planner
