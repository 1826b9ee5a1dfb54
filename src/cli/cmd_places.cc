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
#include "plantar/app_places.h"
#include "plantar/errors.h"
#include "plantar/osm_import.h"
#include "plantar/places_json.h"
#include "plantar/places_store.h"
#include "plantar/suggest.h"
#include "plantar/time_zones.h"
#include "text.h"

namespace plantar::cli {
namespace {

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

void print_near(const Context& context, const places::Store& store, const app::Center& center,
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

int run_places_import(const Context& context, const PlacesImportOptions& options) {
  places::Region region;
  region.name = options.region.empty() ? places::region_name(options.file) : options.region;
  region.source = options.file;
  region.imported_at = places::format_wall_time(app::local_now());
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
  std::string db = data_file(context, "places.db");
  auto answer = app::places_near(context.kb, db, options);  // the search: plantar/app_places.h
  if (context.json) {
    context.out << json_io::dump(json_io::near_answer(answer.center.at, answer.center.name, answer.now,
                                                      answer.query, answer.hits, context.kb.places));
  } else {
    places::Store store(db, false);
    print_near(context, store, answer.center, answer.query, answer.hits, answer.now, answer.zone);
  }
  return answer.hits.empty() ? 1 : 0;  // like grep: 1 when nothing was found (docs/cli.md)
}

}  // namespace plantar::cli
