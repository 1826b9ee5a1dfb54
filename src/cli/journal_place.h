// Where the journal lives and the clock: the CLI's side effects for the
// journal commands, kept out of the pure core.
#pragma once

#include <memory>
#include <string>

#include "commands.h"
#include "plantar/app_journal.h"
#include "plantar/app_words.h"
#include "plantar/journal.h"
#include "plantar/timestamp.h"

namespace plantar::cli {

/// The journal file for the --db option (see data_dir.h).
std::string journal_path(const std::string& db_option);

/// Opens (creating when needed) the journal named by the context.
std::unique_ptr<journal::Journal> open_journal(const Context& context);

/// The sessions of the journal, or none when the file does not exist yet
/// (reading never creates it).
std::vector<journal::Session> read_sessions(const Context& context);

/// The journal to read from, or nullptr when the file does not exist yet
/// (reading never creates it).
std::unique_ptr<journal::Journal> read_journal(const Context& context);

/// The local time now, to the second (plantar/app_journal.h).
using app::now_local;

/// "Stress", "Heel pain" (shared with the server: plantar/app_words.h).
using app::measure_word;

}  // namespace plantar::cli
