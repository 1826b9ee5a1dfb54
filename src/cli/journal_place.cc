// Where the journal lives, and the clock.
#include "journal_place.h"

#include "data_dir.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "plantar/errors.h"

namespace plantar::cli {

std::string journal_path(const std::string& db_option) { return data_file(db_option, "journal.db"); }

std::unique_ptr<journal::Journal> open_journal(const Context& context) {
  return journal::open_sqlite_journal(journal_path(context.db));
}

std::vector<journal::Session> read_sessions(const Context& context) {
  if (!std::filesystem::exists(journal_path(context.db))) return {};
  return open_journal(context)->sessions();
}

Timestamp now_local() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec};
}

std::string measure_word(const std::string& measure) {
  std::string out = measure;
  for (auto& c : out)
    if (c == '_') c = ' ';
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

}  // namespace plantar::cli
