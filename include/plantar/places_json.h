// JSON views of places for `plantar places ... --json` and the web app. Every
// answer that holds OSM data carries the attribution.
#pragma once

#include <string>
#include <vector>

#include "plantar/json_io.h"
#include "plantar/places_query.h"
#include "plantar/places_store.h"

namespace plantar::json_io {

/// {"state": "open", "closes_at": "2024-05-06 18:00", "opening_hours": "..."}
Json to_json(const places::Hours& hours);
/// A place with its distance, direction and hours, and its openstreetmap.org link.
Json to_json(const places::Hit& hit, const kb::PlaceTagging& tagging);
Json to_json(const places::NamedPlace& place);

/// The answer of `places near`: where, when, and the places nearest first.
Json near_answer(const places::LatLon& center, const std::string& center_name, const places::WallTime& at,
                 const places::Query& query, const std::vector<places::Hit>& hits,
                 const kb::PlaceTagging& tagging);
/// The answer of `places import`.
Json import_answer(const places::Region& region, std::uint64_t objects);

/// "https://www.openstreetmap.org/node/123".
std::string osm_url(const places::Place& place);

}  // namespace plantar::json_io
