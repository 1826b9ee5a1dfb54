// Where the journal lives.
#include "journal_place.h"

#include "data_dir.h"

namespace plantar::cli {

std::string journal_path(const std::string& db_option) { return data_file(db_option, "journal.db"); }

std::unique_ptr<journal::Journal> open_journal(const Context& context) {
  return app::open_journal(journal_path(context.db));
}

std::vector<journal::Session> read_sessions(const Context& context) {
  auto store = read_journal(context);
  return store ? store->sessions() : std::vector<journal::Session>{};
}

std::unique_ptr<journal::Journal> read_journal(const Context& context) {
  return app::read_journal(journal_path(context.db));
}

}  // namespace plantar::cli
