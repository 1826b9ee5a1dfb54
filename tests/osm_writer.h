// Writes small OpenStreetMap files (.osm.pbf, .osm, .osm.bz2) with libosmium
// for the places tests. libosmium stays in osm_writer.cc.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace plantar::test {

using Tags = std::vector<std::pair<std::string, std::string>>;

struct OsmNode {
  std::int64_t id = 0;
  double lat = 0, lon = 0;
  Tags tags;
};

struct OsmWay {
  std::int64_t id = 0;
  std::vector<std::int64_t> nodes;
  Tags tags;
};

struct OsmRelation {
  std::int64_t id = 0;
  std::vector<std::int64_t> outer_ways;
  Tags tags;
};

struct OsmData {
  std::vector<OsmNode> nodes;
  std::vector<OsmWay> ways;
  std::vector<OsmRelation> relations;
};

/// Writes `data` to `path`; the format follows the suffix.
void write_osm(const std::string& path, const OsmData& data);

}  // namespace plantar::test
