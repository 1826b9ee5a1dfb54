// The routine of a session command (guide, audio): planned from the plan
// flags, or read from a file saved by `plantar plan --json`.
#pragma once

#include <optional>
#include <string>

#include "commands.h"
#include "plantar/planner.h"

namespace plantar::cli {

struct SessionInput {
  planner::Routine routine;
  Giver giver = Giver::self;
  std::string heading;  // "sleep · 5 minutes"
};

/// Plans or reads the routine. Throws BadInput naming the flag or field.
/// When the safety verdict is stop, prints it and returns nullopt (exit 3).
std::optional<SessionInput> session_input(const Context& context, const SessionOptions& options);

}  // namespace plantar::cli
