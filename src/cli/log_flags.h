// The flags of `plantar log`, shared with `plantar edit`.
#pragma once

#include "commands.h"
#include "plantar/journal.h"
#include "plantar/timestamp.h"

namespace plantar::cli {

/// --at as a time (now when empty). Throws BadInput naming --at for a bad
/// time or one more than a day in the future.
Timestamp start_time(const LogOptions& options);

/// Sets the fields of `session` that the flags give, then checks it. A new
/// session (`editing` false) gets every field from the flags; an edit keeps
/// what is not given, merges ratings measure by measure, and replaces the
/// goals, techniques and sore spots when given.
void apply_log_flags(const Context& context, const LogOptions& options, journal::Session& session,
                     bool editing);

}  // namespace plantar::cli
