// The journal around a guided session: on a terminal, `plantar guide` asks
// how the person feels before and after (each answer skippable) and records
// the session in the journal.
#pragma once

#include <optional>

#include "commands.h"
#include "plantar/journal.h"
#include "plantar/session.h"
#include "plantar/timestamp.h"

namespace plantar::cli {

/// Asks the before ratings when the session runs on a terminal. Returns
/// nullopt when the person skips the journal (Enter at the first question),
/// or when there is no terminal to ask on.
std::optional<journal::Ratings> journal_before_session_hook(const Context& context);

/// Called once a guided session ends (finished, or quit at `position_ms`),
/// with the terminal back to normal. When the person took part before, asks
/// the after ratings and records the session; says where it was saved.
void journal_after_session_hook(const Context& context, const planner::Routine& routine,
                                const session::Timeline& timeline, bool finished, int position_ms,
                                const std::optional<journal::Ratings>& before, Timestamp start);

}  // namespace plantar::cli
