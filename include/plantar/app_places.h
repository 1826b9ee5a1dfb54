// Places for massage and foot care near a point, and the download of a
// region's OpenStreetMap extract: the search and the get that `plantar
// places near|get` print and /api/places/near|get answer.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "plantar/kb.h"
#include "plantar/osm_download.h"
#include "plantar/osm_import.h"
#include "plantar/places_query.h"
#include "plantar/places_store.h"

namespace plantar::app {

struct PlacesNearOptions {
  std::vector<std::string> where;  // "LAT,LON" or a place name (several words are joined)
  std::vector<std::string> kinds;  // --kind, places.toml ids
  bool open_now = false;
  double radius_km = 25;
  int limit = 10;
  std::string at;  // --at "YYYY-MM-DD HH:MM" local time; empty: now
};

/// Where a search is centred: a position, and the place's name when one was given.
struct Center {
  places::LatLon at;
  std::string name;  // "" for coordinates
};

/// The places found, nearest first, and the time they were judged open at
/// (`zone`: the time zone of that time, "" when given with --at or unknown).
struct NearAnswer {
  Center center;
  places::Query query;
  std::vector<places::Hit> hits;
  places::WallTime now;
  std::string zone;
};

/// Searches places.db at `places_db`. Throws BadInput naming WHERE, --kind,
/// --radius, --limit or --at.
NearAnswer places_near(const kb::KnowledgeBase& kb, const std::string& places_db,
                       const PlacesNearOptions& options);

/// The computer's local time now, to the minute.
places::WallTime local_now();

/// The distinct named places `where` may mean: those of that name, else those
/// whose name starts so (a town mapped as a node and as an area is one).
std::vector<places::NamedPlace> place_choices(const places::Store& store, const std::string& where);

/// Where a get has come: "checksum", "download", "import", then "done".
struct GetStep {
  std::string stage;
  places::DownloadProgress download;
  places::ImportProgress import;
};
using GetFn = std::function<void(const GetStep&)>;

struct GotRegion {
  places::RegionSummary region;
  std::string url;
  std::uint64_t resumed = 0;  // bytes kept from an interrupted download
  std::uint64_t bytes = 0;    // the file's size
  std::uint64_t objects = 0;  // OSM objects read
};

/// Downloads `region` from `source`, checks it against the published MD5 and
/// replaces the region in places.db at `places_db`. Throws BadInput(where) on
/// a failed download or checksum, leaving places.db as it was.
GotRegion get_region(const kb::KnowledgeBase& kb, const std::string& places_db, const std::string& source,
                     const std::string& region, const std::string& where, const GetFn& step);

/// The MD5 the source publishes for the extract at `url`; a 404 says the
/// source has no `region`, with the closest it offers. Throws BadInput(where).
std::string checksum_of(const std::string& source, const std::string& region, const std::string& url,
                        const std::string& where);

/// What marks the checksum in a recorded source.
inline constexpr const char* md5_mark = " (md5 ";
/// How places.db records a downloaded region's source: the address and the
/// MD5 of the imported file, e.g. "https://…/liechtenstein-latest.osm.pbf (md5 0123…)".
std::string recorded_source(const std::string& url, const std::string& md5);

}  // namespace plantar::app
