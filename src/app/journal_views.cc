// The journal's answers shared by the command line and the server.
#include "plantar/app_journal.h"

#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <filesystem>

#include "plantar/errors.h"
#include "plantar/insights.h"
#include "plantar/journal_io.h"

namespace plantar::app {

Timestamp now_local() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min, local.tm_sec};
}

std::unique_ptr<journal::Journal> open_journal(const std::string& path) {
  return journal::open_sqlite_journal(path);
}

std::unique_ptr<journal::Journal> read_journal(const std::string& path) {
  if (!std::filesystem::exists(path)) return nullptr;
  return open_journal(path);
}

std::vector<journal::Session> last_sessions(const journal::Journal* store, int last) {
  if (store == nullptr) return {};
  auto sessions = store->last_sessions(last);  // newest first, through the index on start time
  std::reverse(sessions.begin(), sessions.end());
  return sessions;
}

json_io::Json history_json(const std::vector<journal::Session>& sessions) {
  json_io::Json list = json_io::Json::array();
  for (const auto& s : sessions) list.push_back(journal_io::to_json(s));
  return {{"sessions", list}};
}

json_io::Json stats_json(const journal::Journal* store, const Timestamp& today) {
  return journal_io::to_json(insights::from_totals(store ? store->totals() : journal::Totals{}, today));
}

journal::Session morning_target(const journal::Journal& store, std::optional<std::int64_t> session,
                                const MorningTime& at, const std::string& at_text) {
  if (store.session_count() == 0)
    throw BadInput("--morning", "there is no session yet to add the morning to");
  if (session) {
    if (auto s = store.session(*session)) return *s;
    throw BadInput("--session", fmt::format("there is no session {} (see 'plantar history')", *session));
  }
  if (auto when = at ? at() : std::nullopt) {
    // Rare (a morning written down days later): the one path that reads back further.
    auto sessions = store.sessions();
    for (auto it = sessions.rbegin(); it != sessions.rend(); ++it)
      if (it->start <= *when) return *it;
    throw BadInput("--at", "there is no session before " + at_text + " to add the morning to");
  }
  return store.last_sessions(1).front();
}

}  // namespace plantar::app
