// `plantar places get REGION`, `places regions [FILTER]` and `places update`:
// OpenStreetMap extracts from a Geofabrik-style server, checked against their
// published MD5 and imported in one step. The server's /api/places/get runs
// the same get_region().
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "commands.h"
#include "plantar/osm_download.h"
#include "plantar/osm_import.h"
#include "plantar/places_store.h"

namespace plantar::cli {

struct PlacesGetOptions {
  std::string region;  // "europe/liechtenstein"
  std::string source;  // --source URL; empty: $PLANTAR_OSM_SOURCE or Geofabrik
};

struct PlacesRegionsOptions {
  std::string filter;  // part of a region's path or name; empty: all
  std::string source;
};

int run_places_get(const Context& context, const PlacesGetOptions& options);
int run_places_regions(const Context& context, const PlacesRegionsOptions& options);
int run_places_update(const Context& context);

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
/// replaces the region in places.db. Throws BadInput(where) on a failed
/// download or checksum, leaving places.db as it was.
GotRegion get_region(const Context& context, const std::string& source, const std::string& region,
                     const std::string& where, const GetFn& step);

/// How places.db records a downloaded region's source: the address and the
/// MD5 of the imported file, e.g. "https://…/liechtenstein-latest.osm.pbf (md5 0123…)".
std::string recorded_source(const std::string& url, const std::string& md5);

}  // namespace plantar::cli
