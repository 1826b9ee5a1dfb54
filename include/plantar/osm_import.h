// Reading an OpenStreetMap file (.osm.pbf, .osm, .osm.bz2) into the places
// plantar keeps (places.toml), with libosmium and its multi-threaded PBF
// decoding. Nodes keep their position; ways and multipolygon relations the
// average of their nodes' positions. libosmium stays in src/places/osm_import.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "plantar/kb.h"
#include "plantar/places.h"

namespace plantar::places {

/// How far the import has come.
struct ImportProgress {
  std::size_t bytes = 0;       // read so far from the file
  std::size_t file_bytes = 0;  // the file's size (0 when unknown)
  std::uint64_t objects = 0;   // nodes, ways and relations seen so far
};
using ProgressFn = std::function<void(const ImportProgress&)>;

struct Imported {
  std::vector<Place> places;  // ids are 0: the store numbers them
  std::vector<NamedPlace> named;
  std::uint64_t objects = 0;
};

/// Reads the whole file, calling `progress` now and then. Throws BadInput
/// naming the file when it is missing, of an unknown format, broken or
/// truncated.
Imported import_osm(const std::string& path, const kb::PlaceTagging& tagging, const ProgressFn& progress);

/// "liechtenstein" for ".../liechtenstein-latest.osm.pbf" or
/// "liechtenstein-2013-08-03.osm.pbf": the file name without its OSM
/// suffixes and a trailing "-latest" or date, so a newer download of the
/// same region replaces the older one.
std::string region_name(const std::string& path);

}  // namespace plantar::places
