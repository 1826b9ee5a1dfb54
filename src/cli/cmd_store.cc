// plantar migrate, and export/import with --store: the hosted PostgreSQL
// store from the command line. Only plantar-full links this file (the
// light plantar forwards these commands, src/cli/forward.cc).
#include <fmt/format.h>

#include "commands.h"
#include "confirm.h"
#include "input.h"
#include "plantar/errors.h"
#include "plantar/journal_io.h"
#include "plantar/pg_store.h"
#include "plantar/render.h"

namespace plantar::cli {
namespace {

void need_store(const std::string& store, const std::string& account, bool needs_account) {
  if (store.empty()) throw BadInput("--store", "--account needs --store postgresql://...");
  if (!store_pg::is_postgres_uri(store))
    throw BadInput("--store", "expected a PostgreSQL URI (postgresql://...), got '" + store + "'");
  if (needs_account && account.empty()) throw BadInput("--account", "say whose journal: --account EMAIL");
}

}  // namespace

int run_migrate(const Context& context, const MigrateOptions& options) {
  need_store(options.store, "", false);
  store_pg::Database db(store_pg::Options{options.store});
  if (context.json)
    context.out
        << journal_io::Json{{"schema_version", db.schema_version()}, {"applied", db.migrated_steps()}}.dump(2)
        << "\n";
  else
    context.out << fmt::format("The store is at schema version {} ({} steps applied now).\n",
                               db.schema_version(), db.migrated_steps());
  return 0;
}

int run_store_export(const Context& context, const ExportOptions& options) {
  need_store(options.store, options.account, true);
  std::string email = store_pg::checked_email(options.account, "--account");
  if (options.format != "json" && options.format != "csv")
    throw BadInput("--format", "expected csv or json, got '" + options.format + "'");
  render::check_output_path(options.output);
  store_pg::Database db(store_pg::Options{options.store});
  std::int64_t account = db.find_account(email);
  if (account == 0) throw BadInput("--account", "there is no account " + email + " in the store");
  auto sessions = store_pg::open_journal(db, account)->sessions();
  std::string text =
      options.format == "csv" ? journal_io::export_csv(sessions) : journal_io::export_json(sessions);
  if (!write_output(context, text, options.output)) return 0;
  confirm_written(context, options.output,
                  fmt::format("Exported {} sessions of {} to {}.", sessions.size(), email, options.output),
                  {{"format", options.format}, {"sessions", sessions.size()}});
  return 0;
}

int run_store_import(const Context& context, const ImportOptions& options) {
  need_store(options.store, options.account, true);
  std::string email = store_pg::checked_email(options.account, "--account");
  auto sessions = read_import_file(context, options);  // all checked before the store is touched
  store_pg::Database db(store_pg::Options{options.store});
  int added = store_pg::open_journal(db, db.ensure_account(email))->import_sessions(sessions);
  int skipped = static_cast<int>(sessions.size()) - added;
  if (context.json)
    context.out << journal_io::Json{{"added", added}, {"already_there", skipped}}.dump(2) << "\n";
  else
    context.out << fmt::format("Imported {} sessions for {} ({} were already there).\n", added, email,
                               skipped);
  return 0;
}

}  // namespace plantar::cli
