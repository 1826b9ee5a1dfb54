// The journal in and out of files: JSON and CSV export, a strict import that
// checks every field before anything is written, and the JSON views of
// sessions and statistics shared by the CLI and the server to come.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "plantar/insights.h"
#include "plantar/journal.h"

namespace plantar::journal_io {

using Json = nlohmann::ordered_json;

Json to_json(const journal::Session& session);
Json to_json(const insights::Stats& stats);

/// `{"format": "plantar-journal", "version": 1, "sessions": [...]}`.
std::string export_json(const std::vector<journal::Session>& sessions);
/// One row per session, RFC 4180 quoting, a header row.
std::string export_csv(const std::vector<journal::Session>& sessions);

/// Reads an export (JSON or CSV, told apart by the first character) and
/// checks every session. Throws BadInput naming `what` and the field or
/// line at fault; returns nothing partial.
std::vector<journal::Session> read_export(const std::string& text, const std::string& what);

/// A session from its JSON view; throws BadInput naming `field`.
journal::Session session_from_json(const Json& item, const std::string& field);

}  // namespace plantar::journal_io
