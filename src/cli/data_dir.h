// Where plantar keeps its databases (journal.db, places.db): the global
// `--db PATH`, else $XDG_DATA_HOME/plantar, else ~/.local/share/plantar.
// PATH is a folder, or a file ending in .db that is the journal itself (the
// other databases then sit beside it).
#pragma once

#include <string>

#include "commands.h"

namespace plantar::cli {

/// The path of `file` ("journal.db", "places.db") for the --db option given.
/// Throws BadInput when --db names a file that is not a .db file, and
/// Failure when neither --db, XDG_DATA_HOME nor HOME says where to look.
std::string data_file(const std::string& db_option, const std::string& file);
std::string data_file(const Context& context, const std::string& file);

}  // namespace plantar::cli
