// Plain names for people, shared by the command line and the server: places,
// techniques and measures as a sentence says them, and the --condition words.
#pragma once

#include <string>
#include <vector>

#include "plantar/kb.h"
#include "plantar/safety.h"

namespace plantar::app {

/// "inner edge".
std::string plain_region(Region region);
/// "left heel", "the whole right foot and leg".
std::string plain_place(const Place& place);
/// "Tennis ball roll under the arch" or the id when unknown.
std::string technique_name(const kb::KnowledgeBase& kb, const std::string& id);
/// "Stress", "Heel pain": a measure name for people.
std::string measure_word(const std::string& measure);

/// Parses `--condition` values such as `bruise=severe@left:heel,left:arch`
/// (the card's `conditions` too); throws BadInput naming the flag.
std::vector<safety::ConditionReport> parse_condition_flags(const std::vector<std::string>& flags);

}  // namespace plantar::app
