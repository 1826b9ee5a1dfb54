// JSON views of the core: reading requests strictly (every error names the
// field at fault) and writing verdicts and routines in the shapes of
// DESIGN.md's contracts. The CLI and the HTTP server share these.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "plantar/ask.h"
#include "plantar/kb.h"
#include "plantar/planner.h"
#include "plantar/safety.h"
#include "plantar/session.h"

namespace plantar::json_io {

using Json = nlohmann::ordered_json;

/// The deepest nesting of arrays and objects that any JSON reader accepts:
/// deeper values would cost stack in every copy of the tree.
inline constexpr int max_depth = 64;

/// Throws BadInput(what) when `text` nests arrays and objects deeper than
/// max_depth. A scan of the text, before any parse.
void check_depth(std::string_view text, const std::string& what);

/// True when `value` is a whole number from `low` to `high` (checked before
/// any conversion, so huge or unsigned numbers cannot wrap).
bool whole_in(const Json& value, long long low, long long high);

/// Parses JSON text; throws BadInput with the line and column of a syntax
/// error, or when the text nests deeper than max_depth.
Json parse(const std::string& text, const std::string& what);

/// `{"conditions": [...]}` as for `plantar check`. Throws BadInput naming the field.
std::vector<safety::ConditionReport> read_check_request(const Json& body);
/// The request of `plantar plan`; absent fields keep `defaults`.
planner::Request read_plan_request(const Json& body, planner::Request defaults = {});
/// One condition as in the JSON request, from `field` for error messages.
safety::ConditionReport read_condition(const Json& item, const std::string& field);

/// The verdict and the routine as the JSON text the CLI prints (fast: no tree).
std::string dump(const safety::Screening& screening);
std::string dump(const planner::Routine& routine);
/// The same as trees (parsed back from that text).
Json to_json(const safety::Screening& screening);
Json to_json(const planner::Routine& routine);

/// Knowledge-base entries, for `plantar learn --json` and the web app.
Json to_json(const kb::Technique& technique);
Json to_json(const kb::Goal& goal);
Json to_json(const kb::RegionInfo& region);
/// A zone keeps the atlas's tradition note and the grade of its claim.
Json to_json(const kb::KnowledgeBase& kb, const kb::Zone& zone);
Json to_json(const kb::Claim& claim);
Json to_json(const kb::Source& source);
/// A condition with its group on the check's first screen.
Json to_json(const kb::KnowledgeBase& kb, const kb::Condition& condition);
Json to_json(const kb::Tip& tip);
Json to_json(const kb::Question& question);
Json to_json(const kb::Tool& tool);

/// The answers of `plantar ask --json` and `/api/ask`: {"query", "answers":
/// [{"kind", "id", "title", "text", "grade"?, "claims", "sources", "score",
/// "safety"}], "suggestions", "corrections"}.
Json to_json(const ask::Result& result);
/// A routine as printed by `plantar plan --json`. Throws BadInput naming the
/// field (`steps[2].technique`); a routine without steps is refused.
planner::Routine read_routine(const kb::KnowledgeBase& kb, const Json& body);
/// Who the routine's cues speak to: partner when every cue is a partner cue.
Giver giver_of(const kb::KnowledgeBase& kb, const planner::Routine& routine);
/// A session timeline, for `plantar guide --json` and the web guide.
Json to_json(const session::Timeline& timeline);

/// Pretty-printed with two spaces and a final newline.
std::string dump(const Json& json);

}  // namespace plantar::json_io
