// The hooks around a guided session. See session_hooks.h.
#include "session_hooks.h"

#include <algorithm>
#include <istream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "journal_place.h"
#include "plantar/json_io.h"
#include "prompt.h"

namespace plantar::cli {
namespace {

enum class Answer { rated, skipped, stop_asking };

// One rating 0..10 from a line; Enter skips it, "s" skips the rest. The end
// of input throws EndOfInput (exit 2, nothing saved).
Answer ask_rating(const Context& context, const std::string& measure, int& rating) {
  for (;;) {
    context.out << "  " << measure_word(measure)
                << ", 0 to 10 (Enter to skip, s to stop asking): " << std::flush;
    std::string line = read_answer(*context.in, context.out);
    line.erase(std::remove(line.begin(), line.end(), ' '), line.end());
    if (line.empty()) return Answer::skipped;
    if (line == "s" || line == "S") return Answer::stop_asking;
    bool digits = std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isdigit(c); });
    if (digits && line.size() <= 2 && std::stoi(line) <= journal::max_rating) {
      rating = std::stoi(line);
      return Answer::rated;
    }
    context.out << "  Please type a number from 0 to 10.\n";
  }
}

journal::Ratings ask_ratings(const Context& context) {
  journal::Ratings ratings;
  for (const auto& measure : journal::session_measures) {
    int rating = 0;
    Answer answer = ask_rating(context, measure, rating);
    if (answer == Answer::stop_asking) break;
    if (answer == Answer::rated) ratings[measure] = rating;
  }
  return ratings;
}

std::vector<std::string> routine_goals(const planner::Routine& routine) {
  std::vector<std::string> goals;
  for (const auto& step : routine.steps)
    for (const auto& goal : step.goals)
      if (std::find(goals.begin(), goals.end(), goal) == goals.end()) goals.push_back(goal);
  return goals;
}

}  // namespace

std::optional<journal::Ratings> journal_before_session_hook(const Context& context) {
  if (!context.interactive || context.in == nullptr || context.json) return std::nullopt;
  context.out << "Before you start: how do you feel? (for your journal; press Enter to skip)\n";
  int rating = 0;
  Answer first = ask_rating(context, journal::session_measures.front(), rating);
  if (first == Answer::stop_asking || first == Answer::skipped) {
    context.out << "  No journal entry this time.\n\n";
    return std::nullopt;
  }
  journal::Ratings ratings{{journal::session_measures.front(), rating}};
  for (std::size_t i = 1; i < journal::session_measures.size(); ++i) {
    Answer answer = ask_rating(context, journal::session_measures[i], rating);
    if (answer == Answer::stop_asking) break;
    if (answer == Answer::rated) ratings[journal::session_measures[i]] = rating;
  }
  context.out << "\n";
  return ratings;
}

void journal_after_session_hook(const Context& context, const planner::Routine& routine,
                                const session::Timeline& timeline, bool finished, int position_ms,
                                const std::optional<journal::Ratings>& before, Timestamp start) {
  if (!before || context.in == nullptr) return;
  context.out << "\nAnd now, after the session?\n";
  journal::Session session =
      journal::session_from_routine(routine, routine_goals(routine), json_io::dump(routine), start);
  session.before = *before;
  session.after = ask_ratings(context);
  session.end = now_local();
  session.finished = finished;
  int done = 0;
  for (const auto& step : timeline.steps)
    if (finished || step.end_ms <= position_ms) ++done;
  session.steps_done = done;
  if (!finished) session.stop_reason = "stopped in the guide";
  journal::validate(session, "session");
  open_journal(context)->record_session(session);
  context.out << "Saved in your journal (" << journal_path(context.db)
              << "). See how it goes: plantar stats\n";
}

}  // namespace plantar::cli
