// `plantar places get REGION`, `places regions [FILTER]` and `places update`:
// OpenStreetMap extracts from a Geofabrik-style server, checked against their
// published MD5 and imported in one step. The server's /api/places/get runs
// the same app::get_region().
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "commands.h"
#include "plantar/app_places.h"
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

// The download itself, shared with the server's /api/places/get: plantar/app_places.h.
using app::get_region;
using app::GetFn;
using app::GetStep;
using app::GotRegion;
using app::recorded_source;

}  // namespace plantar::cli
