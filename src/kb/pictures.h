// pictures.toml: one picture description per technique, checked against the
// techniques, regions and tools already read. Private to the loader.
#pragma once

#include <toml++/toml.h>

#include <string>

#include "plantar/pictures.h"

namespace plantar::kb {

/// Reads every [[picture]] of `root` and keeps them as the pictures of `kb`. Throws BadInput naming
/// `file:line` and the field on the first problem.
void parse_pictures(const toml::table& root, const std::string& file, KnowledgeBase& kb);

}  // namespace plantar::kb
