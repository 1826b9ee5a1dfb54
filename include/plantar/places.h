// Places from OpenStreetMap: the records plantar keeps (a massage place, a
// podiatrist, a named town), positions on the Earth, distances and compass
// directions, and the choice of a place's kind from its OSM tags. Pure.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "plantar/kb.h"

namespace plantar::places {

/// Shown with every piece of OSM data (text and JSON).
inline constexpr const char* attribution = "© OpenStreetMap contributors, ODbL";

struct LatLon {
  double lat = 0;  // degrees, -90..90
  double lon = 0;  // degrees, -180..180
};

/// A place where someone can get a massage or foot care (places.toml kinds).
struct Place {
  std::int64_t id = 0;   // the store's row id
  std::string osm_type;  // "node", "way" or "relation"
  std::int64_t osm_id = 0;
  std::string kind;  // a places.toml kind id
  std::string name;
  LatLon at;
  std::string address, phone, website, opening_hours, wheelchair;
  std::string country;  // ISO 3166-1 alpha-2 from addr:country or the region's; "" when unknown
};

/// A named settlement or part of one (place=town, suburb, ...).
struct NamedPlace {
  std::string name;
  std::string type;  // the place=* value
  LatLon at;
};

/// Great-circle distance in kilometres (mean Earth radius).
double distance_km(LatLon from, LatLon to);
/// Initial bearing from `from` to `to`, degrees clockwise from north, 0..360.
double bearing_degrees(LatLon from, LatLon to);
/// "N", "NE", "E", ... for a bearing.
std::string_view compass(double bearing);

/// "47.14,9.52" (also with spaces or a ";") as a position; nullopt when the
/// text is not two numbers. Throws BadInput naming `where` when they are
/// numbers but out of range.
std::optional<LatLon> parse_lat_lon(std::string_view text, const std::string& where);

/// The value of an OSM tag, or nullptr when the object has no such tag.
using TagLookup = std::function<const char*(const char* key)>;

/// The first kind of `tagging` whose match holds for the tags, or nullptr.
const kb::PlaceKind* classify(const kb::PlaceTagging& tagging, const TagLookup& tag);

/// Whether `list` (an OSM ";"-separated value) holds `word`, ignoring spaces.
bool list_holds(std::string_view list, std::string_view word);

}  // namespace plantar::places
