// The learn catalogue: what plantar knows, kind by kind (techniques, goals,
// regions, zones, claims, sources, conditions, tips, questions, tools), as
// `plantar learn` lists it and /api/learn answers it. The terminal's
// detailed text stays with the command line.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "plantar/json_io.h"
#include "plantar/kb.h"

namespace plantar::app {

struct LearnEntry {
  std::string id, title;
  json_io::Json json;
};

struct LearnKind {
  std::string name, about;  // "techniques", "how to do each massage step"
  std::vector<LearnEntry> entries;
};

/// Every kind, in the order `plantar learn` lists them.
std::vector<LearnKind> learn_catalogue(const kb::KnowledgeBase& kb);

/// What `plantar learn [KIND [ID]]` names: no kind (the list of kinds), a
/// kind, or one entry (of `kind`). A lone word may be a kind or any entry's
/// id. Throws BadInput naming KIND or ID, with a "did you mean".
struct LearnFound {
  const LearnKind* kind = nullptr;
  const LearnEntry* entry = nullptr;
};
LearnFound learn_find(const std::vector<LearnKind>& kinds, const std::string& kind, const std::string& id);

/// The JSON of `plantar learn [KIND [ID]] --json` (and GET /api/learn/KIND/ID).
json_io::Json learn_json(const std::vector<LearnKind>& kinds, const LearnFound& found);

}  // namespace plantar::app
