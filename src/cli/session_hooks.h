// What happens around a guided session that other parts of plantar fill in.
#pragma once

#include "commands.h"
#include "plantar/session.h"

namespace plantar::cli {

/// Called once a guided session ends (finished, or quit at `position_ms`),
/// with the terminal back to normal. The journal (a later issue) fills this
/// in: it offers to record how the person feels now. Until then it does
/// nothing.
void journal_after_session_hook(const Context& context, const session::Timeline& timeline, bool finished,
                                int position_ms);

}  // namespace plantar::cli
