// The words of each cue, filled in from cues.toml's templates. Private to the
// session timeline.
#pragma once

#include <string>
#include <vector>

#include "plantar/kb.h"
#include "plantar/planner.h"

namespace plantar::session {

/// What the templates' placeholders stand for in one step.
struct CueWords {
  const kb::KnowledgeBase& kb;
  Giver giver;

  std::string welcome() const;
  std::string foot_change(Foot foot) const;
  /// Technique, area, how hard, and what to do.
  std::string announce(const planner::Step& step) const;
  std::string closing(const planner::Routine& routine) const;
};

/// `text` with every `{key}` replaced by its value.
std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace plantar::session
