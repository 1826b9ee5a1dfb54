// The journal as the command line and the server both show it: which file,
// the clock, and the answers of `history --json`, `stats --json` and the
// morning check-in, each from bounded queries of the store.
#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "plantar/journal.h"
#include "plantar/json_io.h"
#include "plantar/timestamp.h"

namespace plantar::app {

/// The local time now, to the second.
Timestamp now_local();

/// Opens (creating it when needed) the SQLite journal at `path`.
std::unique_ptr<journal::Journal> open_journal(const std::string& path);
/// The journal at `path` to read from, or nullptr when the file does not
/// exist yet (reading never creates it).
std::unique_ptr<journal::Journal> read_journal(const std::string& path);

/// The `last` newest sessions, oldest first (none without a journal).
std::vector<journal::Session> last_sessions(const journal::Journal* store, int last);
/// {"sessions": [...]}: what `plantar history --json --last N` prints and
/// GET /api/journal?last=N answers.
json_io::Json history_json(const std::vector<journal::Session>& sessions);
/// What `plantar stats --json` prints and GET /api/stats answers.
json_io::Json stats_json(const journal::Journal* store, const Timestamp& today);

/// When a morning check-in was written down (`--at`): the time, or nothing
/// when not given; it reads and checks the flag only when asked.
using MorningTime = std::function<std::optional<Timestamp>()>;

/// The session a morning check-in belongs to: `session` when given, else the
/// latest that started at or before `at()` (a morning written down later),
/// else the latest. Throws BadInput naming --morning, --session or --at
/// (`at_text` is what was typed) when there is none.
journal::Session morning_target(const journal::Journal& store, std::optional<std::int64_t> session,
                                const MorningTime& at, const std::string& at_text);

}  // namespace plantar::app
