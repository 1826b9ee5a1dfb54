// index-v1.json: reading it, finding regions by name or position, and
// keeping it in the cache so `places regions` works offline.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "plantar/errors.h"
#include "plantar/osm_download.h"
#include "plantar/osm_regions.h"

namespace plantar::places {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

// "https://download.geofabrik.de/europe/liechtenstein-latest.osm.pbf" is
// "europe/liechtenstein": the path after the host, so any mirror serves it.
std::string path_of(const std::string& url) {
  std::size_t scheme = url.find("://");
  std::size_t start = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  const std::string suffix = "-latest.osm.pbf";
  if (start == std::string::npos || url.size() < start + 1 + suffix.size() ||
      url.compare(url.size() - suffix.size(), suffix.size(), suffix) != 0)
    return "";
  return url.substr(start + 1, url.size() - suffix.size() - start - 1);
}

std::vector<LatLon> ring_of(const Json& points) {
  std::vector<LatLon> ring;
  for (const auto& point : points)
    if (point.is_array() && point.size() >= 2 && point[0].is_number() && point[1].is_number())
      ring.push_back({point[1].get<double>(), point[0].get<double>()});
  return ring;
}

void read_outline(const Json& geometry, OfferedRegion& region) {
  if (!geometry.is_object() || !geometry.contains("coordinates")) return;
  const Json& coordinates = geometry["coordinates"];
  std::string type = geometry.value("type", "");
  if (type == "Polygon") {
    for (const auto& ring : coordinates) region.rings.push_back(ring_of(ring));
  } else if (type == "MultiPolygon") {
    for (const auto& polygon : coordinates)
      for (const auto& ring : polygon) region.rings.push_back(ring_of(ring));
  }
  double south = 90, north = -90, west = 180, east = -180;
  for (const auto& ring : region.rings)
    for (const auto& p : ring) {
      south = std::min(south, p.lat), north = std::max(north, p.lat);
      west = std::min(west, p.lon), east = std::max(east, p.lon);
    }
  region.area = north >= south ? (north - south) * (east - west) : 0;
}

// Even-odd rule over every ring: holes count as outside.
bool inside(const OfferedRegion& region, const LatLon& at) {
  bool in = false;
  for (const auto& ring : region.rings)
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      const LatLon& a = ring[i];
      const LatLon& b = ring[j];
      if ((a.lat > at.lat) != (b.lat > at.lat) &&
          at.lon < (b.lon - a.lon) * (at.lat - a.lat) / (b.lat - a.lat) + a.lon)
        in = !in;
    }
  return in;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Written whole or not at all: a cut-off write never replaces a good copy.
void write_cache(const fs::path& path, const std::string& text) {
  std::error_code error;
  fs::create_directories(path.parent_path(), error);
  fs::path part = path.string() + ".part";
  {
    std::ofstream out(part, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) return;  // a cache that cannot be written only costs a download next time
  }
  fs::rename(part, path, error);
}

}  // namespace

std::vector<OfferedRegion> parse_region_index(const std::string& text, const std::string& where) {
  Json index = Json::parse(text, nullptr, false);
  if (index.is_discarded() || !index.is_object() || !index.contains("features") ||
      !index["features"].is_array())
    throw BadInput(where,
                   "the region index is not a GeoJSON feature collection like Geofabrik's index-v1.json");
  std::vector<OfferedRegion> regions;
  for (const auto& feature : index["features"]) {
    if (!feature.is_object() || !feature.contains("properties") || !feature["properties"].is_object())
      continue;
    const Json& properties = feature["properties"];
    if (!properties.contains("urls") || !properties["urls"].is_object() ||
        !properties["urls"].contains("pbf") || !properties["urls"]["pbf"].is_string())
      continue;
    OfferedRegion region;
    region.path = path_of(properties["urls"]["pbf"].get<std::string>());
    if (region.path.empty()) continue;
    region.name = properties.value("name", region.path);
    region.parent = properties.contains("parent") && properties["parent"].is_string()
                        ? properties["parent"].get<std::string>()
                        : "";
    if (feature.contains("geometry")) read_outline(feature["geometry"], region);
    regions.push_back(std::move(region));
  }
  if (regions.empty()) throw BadInput(where, "the region index lists no .osm.pbf extracts");
  std::sort(regions.begin(), regions.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  return regions;
}

std::vector<const OfferedRegion*> matching_regions(const std::vector<OfferedRegion>& regions,
                                                   const std::string& filter) {
  std::string wanted = lower(filter);
  std::vector<const OfferedRegion*> out;
  for (const auto& region : regions)
    if (lower(region.path).find(wanted) != std::string::npos ||
        lower(region.name).find(wanted) != std::string::npos)
      out.push_back(&region);
  return out;
}

const OfferedRegion* region_containing(const std::vector<OfferedRegion>& regions, const LatLon& at) {
  const OfferedRegion* best = nullptr;
  for (const auto& region : regions)
    if (inside(region, at) && (best == nullptr || region.area < best->area)) best = &region;
  return best;
}

RegionIndex load_region_index(const std::string& source, const std::string& where) {
  fs::path cached = fs::path(cache_dir()) / "index" / (source_key(source) + ".json");
  std::error_code error;
  bool have = fs::exists(cached, error);
  if (have) {
    auto age = fs::file_time_type::clock::now() - fs::last_write_time(cached, error);
    if (!error && age < std::chrono::hours(24) && age > -std::chrono::hours(1))
      return {parse_region_index(read_file(cached), cached.string()), false};
  }
  try {
    std::string text = http_text(source + "/index-v1.json", where);
    auto regions = parse_region_index(text, where);
    write_cache(cached, text);
    return {std::move(regions), false};
  } catch (const BadInput&) {
    if (!have) throw;
    return {parse_region_index(read_file(cached), cached.string()), true};
  }
}

}  // namespace plantar::places
