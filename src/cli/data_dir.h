// Where plantar keeps its databases: the folder given by the global
// `--db DIR`, else $XDG_DATA_HOME/plantar, else ~/.local/share/plantar.
// places.db (and the journal's journal.db) live in that folder.
#pragma once

#include <string>

#include "commands.h"

namespace plantar::cli {

/// The path of `file` (e.g. "places.db") in the data folder. Throws Failure
/// when neither --db, XDG_DATA_HOME nor HOME says where that is.
std::string data_file(const Context& context, const std::string& file);

}  // namespace plantar::cli
