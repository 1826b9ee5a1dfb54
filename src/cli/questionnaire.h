// The safety screening as questions on a terminal.
#pragma once

#include <iosfwd>
#include <vector>

#include "plantar/kb.h"
#include "plantar/safety.h"

namespace plantar::cli {

/// Asks each condition's question in order and returns what was reported.
/// Stops early at an answer that means stop. The end of input throws
/// EndOfInput (prompt.h): an unfinished screening gives no verdict.
std::vector<safety::ConditionReport> ask_conditions(const kb::KnowledgeBase& kb, std::istream& in,
                                                    std::ostream& out);

}  // namespace plantar::cli
