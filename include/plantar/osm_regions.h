// The regions a Geofabrik-style server offers, from its index-v1.json (a
// GeoJSON feature collection: one feature per extract, with its name, its
// parent, the .osm.pbf address and the region's outline).
#pragma once

#include <string>
#include <vector>

#include "plantar/places.h"

namespace plantar::places {

struct OfferedRegion {
  std::string path;                        // "europe/liechtenstein", for `plantar places get`
  std::string name;                        // "Liechtenstein"
  std::string parent;                      // "europe" ("" for a continent)
  std::vector<std::vector<LatLon>> rings;  // the outline: outer rings and holes
  double area = 0;  // of the outline's bounding box, in square degrees (smaller: more precise)
};

/// The regions in `text` (index-v1.json), sorted by path. Features without an
/// .osm.pbf address are left out. Throws BadInput(where) when the text is not
/// such an index.
std::vector<OfferedRegion> parse_region_index(const std::string& text, const std::string& where);

/// The regions whose path or name contains `filter` (ignoring case); all
/// when it is empty.
std::vector<const OfferedRegion*> matching_regions(const std::vector<OfferedRegion>& regions,
                                                   const std::string& filter);

/// The smallest region whose outline contains `at`, or nullptr.
const OfferedRegion* region_containing(const std::vector<OfferedRegion>& regions, const LatLon& at);

/// The index of `source`, from the cache when it is less than a day old,
/// else fetched and cached; when it cannot be fetched, the cached copy of
/// any age. Throws BadInput(where) when there is neither.
struct RegionIndex {
  std::vector<OfferedRegion> regions;
  bool offline = false;  // read from an old cached copy: the source could not be reached
};
RegionIndex load_region_index(const std::string& source, const std::string& where);

}  // namespace plantar::places
