// The routine planner: a timed sequence of steps for a person's goals, time,
// feet, giver and tools that respects the safety screening. Pure and
// deterministic: the same request gives the same routine.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plantar/kb.h"
#include "plantar/safety.h"

namespace plantar::planner {

enum class Feet { left, right, both };

struct Request {
  std::vector<std::string> goals{"general"};
  int minutes = 10;  // 3..60
  Feet feet = Feet::both;
  Giver giver = Giver::self;
  std::vector<std::string> tools;
  std::vector<safety::ConditionReport> conditions;
};

inline constexpr int min_minutes = 3;
inline constexpr int max_minutes = 60;

struct Step {
  std::string technique;
  Foot foot = Foot::left;
  Region region = Region::toes;
  int seconds = 0;
  int pressure = 1;
  std::string cue;                 // what to do, said to the giver
  std::vector<std::string> goals;  // the requested goals this step serves
  std::string phase = "main";      // warmup, main or finish
  std::string kind = "massage";    // massage, stretch or movement
  std::string why;                 // which goals it serves and what it does
  std::string pressure_words;      // cues.toml's phrase for the level, or the stretch's
  int hold_seconds = 0;            // a stretch: how long to hold
  std::string stretch_to;          // a stretch: how far
  bool standing = false;           // done standing (the end of a self routine)
  std::string transition;          // said before the step ("Now stand up ...")
  std::string apply;               // the lotion or oil that goes on at this step
};

struct Routine {
  safety::Screening verdict;
  Giver giver = Giver::self;
  int total_seconds = 0;
  std::vector<Step> steps;
  std::vector<std::string> notes;
};

/// Checks goals, minutes, tools and conditions against the knowledge base.
/// Throws BadInput naming the field, with a "did you mean" where one is close.
void validate(const kb::KnowledgeBase& kb, const Request& request);

/// Plans a validated request. A stop verdict gives a routine with no steps.
Routine plan(const kb::KnowledgeBase& kb, const Request& request);

std::string_view name(Feet feet);
std::optional<Feet> parse_feet(std::string_view word);

}  // namespace plantar::planner
