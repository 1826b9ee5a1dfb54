// The safety screening as questions on a terminal.
#pragma once

#include <iosfwd>
#include <vector>

#include "plantar/kb.h"
#include "plantar/safety.h"

namespace plantar::cli {

/// The check in the web app's order: one list of the common reasons to stop
/// or take care, grouped as in safety.toml, answered with numbers or 0 for
/// "none of these"; then, only for what was ticked, how bad (in plain
/// words, with "not sure") and where. A healthy person answers once.
/// The end of input throws EndOfInput (prompt.h): an unfinished screening
/// gives no verdict.
std::vector<safety::ConditionReport> ask_conditions(const kb::KnowledgeBase& kb, std::istream& in,
                                                    std::ostream& out);

}  // namespace plantar::cli
