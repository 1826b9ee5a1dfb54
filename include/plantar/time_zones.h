// The time zone of a place, offline, from the system's tz database: its
// zone.tab and zone1970.tab list every zone with its countries and the
// position of its principal city. A place gets the zone of the nearest
// principal city among its country's zones, or among all zones when its
// country is unknown. An approximation: inside a country with several zones
// (US, Canada, Russia, Brazil, Australia, Mexico, ...) a place near a zone
// border can be nearer the other zone's city (Seattle is nearer Boise than
// Los Angeles). Pure: reads two text files, no clock.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plantar/places.h"

namespace plantar::places {

/// A zone and the position of its principal city.
struct ZoneCity {
  std::string zone;                    // "Europe/Berlin"
  std::vector<std::string> countries;  // ISO 3166-1 alpha-2, first the zone's own
  LatLon at;
};

/// The zone chosen for a place.
struct ZoneChoice {
  std::string zone;     // "" when the tz database is missing
  std::string country;  // the given country, or the zone's when guessed
  bool country_guessed = false;
};

class TimeZones {
 public:
  /// Reads `folder`/zone.tab and `folder`/zone1970.tab; missing files give
  /// an empty table (every choice is then "").
  explicit TimeZones(const std::string& folder);
  /// The table of /usr/share/zoneinfo (or $TZDIR), read once.
  static const TimeZones& system();

  /// The zone for a place at `at` in `country` ("DE"; "" when unknown).
  ZoneChoice choose(LatLon at, std::string_view country) const;
  bool empty() const { return by_country_.empty(); }

 private:
  std::vector<ZoneCity> by_country_;  // zone.tab: every zone with one country
  std::vector<ZoneCity> canonical_;   // zone1970.tab: zones shared by countries
};

/// "+4709+00931" or "+404251-0740023" (zone.tab's ISO 6709) as degrees.
bool parse_iso6709(std::string_view text, LatLon& at);

/// "LI" for "li" or " LI "; "" when `text` is not two ASCII letters.
std::string country_code(std::string_view text);

}  // namespace plantar::places
