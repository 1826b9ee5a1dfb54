// plantar export and plantar import: the journal as JSON or CSV, and back.
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "confirm.h"
#include "input.h"
#include "journal_place.h"
#include "plantar/errors.h"
#include "plantar/journal_io.h"
#include "plantar/render.h"

namespace plantar::cli {

int run_export(const Context& context, const ExportOptions& options) {
  if (options.format != "json" && options.format != "csv")
    throw BadInput("--format", "expected csv or json, got '" + options.format + "'");
  render::check_output_path(options.output);
  auto sessions = read_sessions(context);
  std::string text =
      options.format == "csv" ? journal_io::export_csv(sessions) : journal_io::export_json(sessions);
  if (!write_output(context, text, options.output)) return 0;
  confirm_written(context, options.output,
                  fmt::format("Exported {} sessions to {}.", sessions.size(), options.output),
                  {{"format", options.format}, {"sessions", sessions.size()}});
  return 0;
}

std::vector<journal::Session> read_import_file(const Context& context, const ImportOptions& options) {
  if (options.file != "-" && !std::filesystem::is_regular_file(options.file))
    throw BadInput("FILE", "cannot read '" + options.file + "'");
  // Everything is read and checked before the journal is opened.
  auto sessions = journal_io::read_export(read_input(options.file, "FILE"), options.file);
  for (const auto& s : sessions) {
    for (const auto& goal : s.goals)
      if (context.kb.goal(goal) == nullptr) throw BadInput(options.file, "unknown goal '" + goal + "'");
    for (const auto& t : s.techniques)
      if (context.kb.technique(t) == nullptr) throw BadInput(options.file, "unknown technique '" + t + "'");
  }
  return sessions;
}

int run_import(const Context& context, const ImportOptions& options) {
  auto sessions = read_import_file(context, options);
  int added = open_journal(context)->import_sessions(sessions);
  int skipped = static_cast<int>(sessions.size()) - added;
  if (context.json)
    context.out << journal_io::Json{{"added", added}, {"already_there", skipped}}.dump(2) << "\n";
  else
    context.out << fmt::format("Imported {} sessions ({} were already in the journal).\n", added, skipped);
  return 0;
}

}  // namespace plantar::cli
