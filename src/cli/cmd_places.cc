// plantar places import FILE / plantar places near WHERE: massage therapists,
// reflexologists, podiatrists and more from OpenStreetMap, offline.
#include <fmt/format.h>
#include <unistd.h>

#include <cctype>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "commands.h"
#include "data_dir.h"
#include "places_text.h"
#include "plantar/errors.h"
#include "plantar/osm_import.h"
#include "plantar/places_json.h"
#include "plantar/places_store.h"
#include "plantar/suggest.h"
#include "plantar/time_zones.h"
#include "text.h"

namespace plantar::cli {
namespace {

constexpr double same_place_km = 3.0;  // named places of one name closer than this are one place

places::WallTime local_now() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday, local.tm_hour, local.tm_min};
}

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

struct Center {
  places::LatLon at;
  std::string name;  // "" for coordinates
};

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

std::string kinds_phrase(const kb::PlaceTagging& tagging, const std::vector<std::string>& kinds) {
  if (kinds.empty()) return "places";
  std::string out;
  for (std::size_t i = 0; i < kinds.size(); ++i)
    out += (i == 0 ? "" : i + 1 == kinds.size() ? " or " : ", ") + tagging.kind(kinds[i])->plural;
  return out;
}

// Why nothing was found, and what to try.
std::string nothing_found(const places::Store& store, const places::Query& query) {
  int total = 0;
  std::string regions;
  for (const auto& region : store.regions()) {
    total += region.places;
    regions += (regions.empty() ? "" : ", ") + region.name;
  }
  if (total == 0)
    return "The imported OpenStreetMap data (" + regions +
           ") lists no places for massage or foot care yet. Import a newer or larger extract.\n";
  return fmt::format("None within {}. Try a larger --radius{}.\n", plain_distance(query.radius_km),
                     query.open_now ? " or leave out --open-now" : "");
}

void print_near(const Context& context, const places::Store& store, const Center& center,
                const places::Query& query, const std::vector<places::Hit>& hits, const places::WallTime& now,
                const std::string& zone) {
  const auto& tagging = context.kb.places;
  std::string where = center.name.empty()
                          ? fmt::format("{:.4f},{:.4f}", center.at.lat, center.at.lon)
                          : fmt::format("{}, {:.4f},{:.4f}", center.name, center.at.lat, center.at.lon);
  std::string what = kinds_phrase(tagging, query.kinds);
  what[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(what[0])));
  std::string open = query.open_now ? " open now" : "";
  static constexpr const char* days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  context.out << fmt::format("{}{} near {}\nat {} {} local time{}\n\n", what, open, printable(where, false),
                             days[places::weekday(now)], places::format_wall_time(now),
                             zone.empty() ? "" : " (" + zone + ")");
  if (hits.empty()) {
    context.out << wrap(nothing_found(store, query), "");
  } else {
    print_hits(context.out, hits, tagging, now);
    context.out << fmt::format("\n{} {} within {}, nearest first.\n", hits.size(),
                               hits.size() == 1 ? "place" : "places", plain_distance(query.radius_km));
  }
  context.out << "Data " << places::attribution << " (openstreetmap.org/copyright)\n";
}

}  // namespace

std::vector<places::NamedPlace> place_choices(const places::Store& store, const std::string& where) {
  auto found = distinct(store.named(where));
  if (found.empty()) found = distinct(store.named_starting(where));
  return found;
}

int run_places_import(const Context& context, const PlacesImportOptions& options) {
  places::Region region;
  region.name = options.region.empty() ? places::region_name(options.file) : options.region;
  region.source = options.file;
  region.imported_at = places::format_wall_time(local_now());
  std::string db = data_file(context, "places.db");
  bool show_progress = isatty(2) != 0;
  ProgressBar bar(context.err);
  places::ImportProgress last;
  auto imported = places::import_osm(options.file, context.kb.places, [&](const places::ImportProgress& p) {
    last = p;
    if (show_progress) bar.update(p);
  });
  if (show_progress) bar.finish(last);
  region.places = std::move(imported.places);
  region.named = std::move(imported.named);
  places::Store store(db, true);
  store.replace_region(region);
  if (context.json) {
    context.out << json_io::dump(json_io::import_answer(region, imported.objects));
    return 0;
  }
  context.out << fmt::format(
      "Imported region '{}' from {}:\n  {} places for massage or foot care\n"
      "  {} named places (towns, villages, suburbs) to search near\n",
      region.name, options.file, region.places.size(), region.named.size());
  if (region.places.empty())
    context.out << "This file has no massage, reflexology, podiatry, physiotherapy, spa or sauna places.\n";
  context.out << "Saved in " << db << ". Data " << places::attribution << "\n";
  return 0;
}

int run_places_list(const Context& context) {
  std::string db = data_file(context, "places.db");
  std::vector<places::RegionSummary> regions;
  if (std::filesystem::exists(db)) regions = places::Store(db, false).regions();
  if (context.json) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& r : regions)
      list.push_back({{"region", r.name},
                      {"source", r.source},
                      {"imported_at", r.imported_at},
                      {"places", r.places},
                      {"named_places", r.named}});
    context.out << nlohmann::ordered_json{{"database", db}, {"regions", list}}.dump(2) << "\n";
    return 0;
  }
  if (regions.empty()) {
    context.out << "No regions yet. Import an OpenStreetMap extract first: plantar places import FILE\n";
    return 0;
  }
  for (const auto& r : regions)
    context.out << printable(
        fmt::format("{}  imported {} from {}\n    {} places, {} named places to search near\n", r.name,
                    r.imported_at, r.source, r.places, r.named));
  context.out << "In " << db << ". Data " << places::attribution << "\n";
  return 0;
}

int run_places_near(const Context& context, const PlacesNearOptions& options) {
  validate(context.kb.places, options);
  std::optional<places::WallTime> given;
  if (!options.at.empty()) given = places::parse_wall_time(options.at, "--at");
  std::int64_t instant = std::time(nullptr);
  std::string where = joined(options.where);
  places::parse_lat_lon(where, "WHERE");  // a bad position is an error before the database is opened
  places::Store store(data_file(context, "places.db"), false);
  Center center = resolve(store, where);
  places::Query query{center.at, options.radius_km, options.limit, options.kinds, options.open_now};
  auto hits = places::nearest(
      query,
      [&](const places::Box& box, const std::vector<std::string>& kinds) { return store.in_box(box, kinds); },
      [&](const places::Place& place) {
        return given ? places::hours_at_place(place, *given) : places::hours_at_place(place, instant);
      });
  for (auto& hit : hits) places::add_day_hours(hit.place, hit.hours);  // "today 09:00-18:00"
  // The time shown: at the search centre, in the zone of the nearest place's country.
  std::string zone;
  places::WallTime now = given ? *given : local_now();
  if (!given) {
    zone = places::TimeZones::system().choose(center.at, hits.empty() ? "" : hits.front().place.country).zone;
    if (auto local = places::wall_time_in(zone, instant))
      now = *local;
    else
      zone.clear();
  }
  if (context.json)
    context.out << json_io::dump(
        json_io::near_answer(center.at, center.name, now, query, hits, context.kb.places));
  else
    print_near(context, store, center, query, hits, now, zone);
  return hits.empty() ? 1 : 0;  // like grep: 1 when nothing was found (docs/cli.md)
}

}  // namespace plantar::cli
