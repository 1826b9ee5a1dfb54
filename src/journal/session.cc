// The journal's records: checks, and the flag syntax of ratings and sore spots.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>

#include "plantar/errors.h"
#include "plantar/journal.h"
#include "plantar/split.h"
#include "plantar/suggest.h"

namespace plantar::journal {
namespace {

std::optional<int> parse_int(std::string_view text) {
  int value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<double> parse_double(std::string_view text) {
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

int rating(std::string_view text, const std::string& where) {
  auto value = parse_int(text);
  if (!value || *value < min_rating || *value > max_rating)
    throw BadInput(where, fmt::format("expected a whole number from {} to {}, got '{}'", min_rating,
                                      max_rating, std::string(text)));
  return *value;
}

void check_ratings(const Ratings& ratings, const std::vector<std::string>& measures,
                   const std::string& where) {
  for (const auto& [measure, value] : ratings) {
    if (std::find(measures.begin(), measures.end(), measure) == measures.end())
      throw BadInput(where, unknown_word_message("measure", measure, measures));
    if (value < min_rating || value > max_rating)
      throw BadInput(where + "." + measure,
                     fmt::format("expected {} to {}, got {}", min_rating, max_rating, value));
  }
}

bool unit(double v) { return std::isfinite(v) && v >= 0 && v <= 1; }

}  // namespace

Ratings parse_ratings(std::string_view text, const std::vector<std::string>& measures,
                      const std::string& flag) {
  Ratings ratings;
  for (auto item : split(text, ',')) {
    auto eq = item.find('=');
    if (eq == std::string_view::npos)
      throw BadInput(
          flag, fmt::format("expected MEASURE=N (like {}=7), got '{}'", measures.front(), std::string(item)));
    std::string measure(item.substr(0, eq));
    if (std::find(measures.begin(), measures.end(), measure) == measures.end())
      throw BadInput(flag, unknown_word_message("measure", measure, measures));
    ratings[measure] = rating(item.substr(eq + 1), flag + " " + measure);
  }
  return ratings;
}

SoreSpot parse_sore_spot(std::string_view text, const std::string& flag) {
  auto eq = text.rfind('=');
  if (eq == std::string_view::npos)
    throw BadInput(
        flag, fmt::format("expected FOOT:REGION[@X,Y]=N (like left:arch=6), got '{}'", std::string(text)));
  SoreSpot spot;
  spot.intensity = rating(text.substr(eq + 1), flag);
  auto where = text.substr(0, eq);
  auto at = where.find('@');
  auto place = parse_place(where.substr(0, at));
  if (!place || place->whole_foot())
    throw BadInput(flag, fmt::format("expected a place like left:arch or right:heel, got '{}'",
                                     std::string(where.substr(0, at))));
  spot.foot = place->foot;
  spot.region = *place->region;
  if (at != std::string_view::npos) {
    auto xy = split(where.substr(at + 1), ',');
    auto x = xy.size() == 2 ? parse_double(xy[0]) : std::nullopt;
    auto y = xy.size() == 2 ? parse_double(xy[1]) : std::nullopt;
    if (!x || !y || !unit(*x) || !unit(*y))
      throw BadInput(flag, "expected a point X,Y with both from 0 to 1 after @, like left:arch@0.3,0.6=6");
    spot.x = *x;
    spot.y = *y;
  }
  return spot;
}

std::string format_sore_spot(const SoreSpot& spot) {
  return fmt::format("{}:{}@{},{}={}", name(spot.foot), name(spot.region), spot.x, spot.y, spot.intensity);
}

void check_known_ids(const kb::KnowledgeBase& kb, const Session& session, const std::string& goals_field,
                     const std::string& techniques_field) {
  auto ids = [](const auto& items) {
    std::vector<std::string> list;
    for (const auto& item : items) list.push_back(item.id);
    return list;
  };
  for (const auto& goal : session.goals)
    if (kb.goal(goal) == nullptr)
      throw BadInput(goals_field, unknown_word_message("goal", goal, ids(kb.goals)));
  for (const auto& technique : session.techniques)
    if (kb.technique(technique) == nullptr)
      throw BadInput(techniques_field, unknown_word_message("technique", technique, ids(kb.techniques)));
}

void validate(const Session& s, const std::string& where) {
  std::string at = where.empty() ? "" : where + ".";
  if (s.end && *s.end < s.start) throw BadInput(at + "end", "the end comes before the start");
  if (s.minutes && (*s.minutes < 0 || *s.minutes > 24 * 60))
    throw BadInput(at + "minutes", fmt::format("expected 0 to 1440, got {}", *s.minutes));
  if (s.steps_total && *s.steps_total < 0) throw BadInput(at + "steps_total", "expected 0 or more");
  if (s.steps_done && (*s.steps_done < 0 || (s.steps_total && *s.steps_done > *s.steps_total)))
    throw BadInput(at + "steps_done", "expected 0 up to steps_total");
  check_ratings(s.before, session_measures, at + "before");
  check_ratings(s.after, session_measures, at + "after");
  check_ratings(s.morning, morning_measures, at + "morning");
  for (std::size_t i = 0; i < s.sore.size(); ++i) {
    const auto& spot = s.sore[i];
    std::string field = fmt::format("{}sore[{}]", at, i);
    if (!unit(spot.x) || !unit(spot.y)) throw BadInput(field, "x and y must be from 0 to 1");
    if (spot.intensity < min_rating || spot.intensity > max_rating)
      throw BadInput(field + ".intensity", fmt::format("expected {} to {}", min_rating, max_rating));
  }
}

Session session_from_routine(const planner::Routine& routine, const std::vector<std::string>& goals,
                             const std::string& routine_json, Timestamp start) {
  Session session;
  session.start = start;
  session.goals = goals;
  session.routine_json = routine_json;
  session.minutes = (routine.total_seconds + 30) / 60;
  session.steps_total = static_cast<int>(routine.steps.size());
  for (const auto& step : routine.steps)
    if (std::find(session.techniques.begin(), session.techniques.end(), step.technique) ==
        session.techniques.end())
      session.techniques.push_back(step.technique);
  return session;
}

}  // namespace plantar::journal
