// plantar history: the sessions in the journal, newest last.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>
#include <sstream>

#include "commands.h"
#include "journal_place.h"
#include "plantar/errors.h"
#include "plantar/journal_io.h"
#include "text.h"

namespace plantar::cli {
namespace {

std::string ratings_text(const journal::Session& s) {
  std::string out;
  for (const auto& m : journal::session_measures) {
    auto b = s.before.find(m);
    auto a = s.after.find(m);
    if (b == s.before.end() && a == s.after.end()) continue;
    out += fmt::format("{}{} {}→{}", out.empty() ? "" : ", ", m,
                       b == s.before.end() ? "-" : std::to_string(b->second),
                       a == s.after.end() ? "-" : std::to_string(a->second));
  }
  for (const auto& [m, v] : s.morning)
    out += fmt::format("{}{} {} next morning", out.empty() ? "" : ", ", m, v);
  return out.empty() ? "no ratings" : out;
}

// The session's lines; notes are the person's own text, printed through
// printable() so no terminal escape in them is obeyed.
void print_session(std::ostream& terminal, const journal::Session& s) {
  std::ostringstream out;
  std::string minutes = s.minutes ? fmt::format("{} min", *s.minutes) : "";
  out << fmt::format("{:>4}  {} {:02}:{:02}  {:>6}  {}\n", s.id, format_date(s.start), s.start.hour,
                     s.start.minute, minutes, ratings_text(s));
  if (!s.goals.empty()) {
    std::string goals;
    for (const auto& g : s.goals) goals += (goals.empty() ? "" : ", ") + g;
    out << "        goals: " << goals << "\n";
  }
  if (!s.sore.empty()) {
    std::string spots;
    for (const auto& spot : s.sore)
      spots += fmt::format("{}{}:{} {}/10", spots.empty() ? "" : ", ", name(spot.foot), name(spot.region),
                           spot.intensity);
    out << "        sore: " << spots << "\n";
  }
  if (!s.finished)
    out << "        stopped early" << (s.stop_reason.empty() ? "" : ": " + s.stop_reason) << "\n";
  if (!s.note.empty()) out << "        note: " << s.note << "\n";
  terminal << printable(out.str());
}

}  // namespace

int run_history(const Context& context, const HistoryOptions& options) {
  if (options.last < 1) throw BadInput("--last", "expected 1 or more");
  // Only the sessions shown are read (the newest through the index on start time).
  auto store = read_journal(context);
  auto sessions = app::last_sessions(store.get(), options.last);
  if (context.json) {
    context.out << app::history_json(sessions).dump(2) << "\n";
    return 0;
  }
  if (sessions.empty()) {
    context.out << "No sessions yet. Record one with: plantar log --before stress=7 --after stress=3\n";
    return 0;
  }
  if (auto total = store->session_count(); total > options.last)
    context.out << fmt::format("The last {} of {} sessions:\n", options.last, total);
  for (const auto& s : sessions) print_session(context.out, s);
  return 0;
}

}  // namespace plantar::cli
