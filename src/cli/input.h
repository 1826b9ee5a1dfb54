// Reading what the commands are given: `--input FILE|-` and the
// `--condition ID[=SEVERITY][@PLACE,...]` flag shared by check and plan.
#pragma once

#include <string>
#include <vector>

#include "plantar/app_words.h"
#include "plantar/safety.h"

namespace plantar::cli {

/// The text of FILE, or of standard input for "-". Throws BadInput naming
/// `flag` (the flag the person typed) when it cannot be read.
std::string read_input(const std::string& path, const std::string& flag = "--input");

/// Parses `--condition` values (shared with the server: plantar/app_words.h).
using app::parse_condition_flags;

}  // namespace plantar::cli
