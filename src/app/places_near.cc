// Places near a point (moved out of src/cli/cmd_places.cc, shared with
// /api/places/near): the centre from a position or a name, the search, and
// the time the opening hours are judged at.
#include <fmt/format.h>

#include <ctime>
#include <optional>

#include "plantar/app_places.h"
#include "plantar/errors.h"
#include "plantar/places_json.h"
#include "plantar/suggest.h"
#include "plantar/time_zones.h"

namespace plantar::app {
namespace {

constexpr double same_place_km = 3.0;  // named places of one name closer than this are one place

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : " ") + word;
  return out;
}

// One entry per distinct place: a town mapped as a node and as an area is one.
std::vector<places::NamedPlace> distinct(const std::vector<places::NamedPlace>& found) {
  std::vector<places::NamedPlace> out;
  for (const auto& place : found) {
    bool seen = false;
    for (const auto& kept : out)
      seen = seen || (kept.name == place.name && places::distance_km(kept.at, place.at) < same_place_km);
    if (!seen) out.push_back(place);
  }
  return out;
}

[[noreturn]] void ambiguous(const std::string& where, const std::vector<places::NamedPlace>& choices) {
  std::string message = fmt::format("'{}' could be {} places:", where, choices.size());
  std::size_t shown = std::min<std::size_t>(choices.size(), 12);
  for (std::size_t i = 0; i < shown; ++i)
    message += fmt::format("\n  {} ({})  plantar places near {:.4f},{:.4f}", choices[i].name, choices[i].type,
                           choices[i].at.lat, choices[i].at.lon);
  if (shown < choices.size()) message += fmt::format("\n  ... and {} more", choices.size() - shown);
  throw BadInput("WHERE", message + "\nAsk again with one of these names or positions.");
}

Center resolve(const places::Store& store, const std::string& where) {
  if (where.empty()) throw BadInput("WHERE", "expected a place name or LAT,LON, e.g. 47.14,9.52");
  if (auto at = places::parse_lat_lon(where, "WHERE")) return {*at, ""};
  auto found = place_choices(store, where);
  if (found.size() == 1) return {found.front().at, found.front().name + " (" + found.front().type + ")"};
  if (found.size() > 1) ambiguous(where, found);
  auto names = store.names();
  if (names.empty())
    throw BadInput("WHERE", "no named places imported yet; run 'plantar places import FILE' or give LAT,LON");
  std::string close = closest(where, names);
  throw BadInput("WHERE", "no place called '" + where + "' in the imported regions" +
                              (close.empty() ? "" : " (did you mean '" + close + "'?)") +
                              "; give LAT,LON to search around a position");
}

void validate(const kb::PlaceTagging& tagging, const PlacesNearOptions& options) {
  std::vector<std::string> ids;
  for (const auto& kind : tagging.kinds) ids.push_back(kind.id);
  for (const auto& kind : options.kinds)
    if (tagging.kind(kind) == nullptr) throw BadInput("--kind", unknown_word_message("kind", kind, ids));
  if (!(options.radius_km > 0 && options.radius_km <= 20000))
    throw BadInput("--radius", "expected kilometres from more than 0 to 20000");
  if (options.limit < 1 || options.limit > 1000)
    throw BadInput("--limit", "expected a number from 1 to 1000");
}

}  // namespace

places::WallTime local_now() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min};
}

std::vector<places::NamedPlace> place_choices(const places::Store& store, const std::string& where) {
  auto found = distinct(store.named(where));
  if (found.empty()) found = distinct(store.named_starting(where));
  return found;
}

NearAnswer places_near(const kb::KnowledgeBase& kb, const std::string& places_db,
                       const PlacesNearOptions& options) {
  validate(kb.places, options);
  std::optional<places::WallTime> given;
  if (!options.at.empty()) given = places::parse_wall_time(options.at, "--at");
  std::int64_t instant = std::time(nullptr);
  std::string where = joined(options.where);
  places::parse_lat_lon(where, "WHERE");  // a bad position is an error before the database is opened
  places::Store store(places_db, false);
  NearAnswer answer;
  answer.center = resolve(store, where);
  answer.query = {answer.center.at, options.radius_km, options.limit, options.kinds, options.open_now};
  answer.hits = places::nearest(
      answer.query,
      [&](const places::Box& box, const std::vector<std::string>& kinds) { return store.in_box(box, kinds); },
      [&](const places::Place& place) {
        return given ? places::hours_at_place(place, *given) : places::hours_at_place(place, instant);
      });
  for (auto& hit : answer.hits) places::add_day_hours(hit.place, hit.hours);  // "today 09:00-18:00"
  // The time shown: at the search centre, in the zone of the nearest place's country.
  answer.now = given ? *given : local_now();
  if (!given) {
    answer.zone = places::TimeZones::system()
                      .choose(answer.center.at, answer.hits.empty() ? "" : answer.hits.front().place.country)
                      .zone;
    if (auto local = places::wall_time_in(answer.zone, instant))
      answer.now = *local;
    else
      answer.zone.clear();
  }
  return answer;
}

}  // namespace plantar::app
