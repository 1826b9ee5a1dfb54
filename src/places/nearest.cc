// Nearest places by a widening box search: every place within r of the centre
// lies in the box of radius r, so once the places within r are at least the
// limit, they hold the answer.
#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>

#include "plantar/places_query.h"

namespace plantar::places {
namespace {

constexpr double earth_radius_km = 6371.0088;
constexpr double half_circumference_km = std::numbers::pi * earth_radius_km;
constexpr double start_radius_km = 0.5;
constexpr double margin_degrees = 1e-6;

bool before(const Hit& a, const Hit& b) {
  if (a.distance_km != b.distance_km) return a.distance_km < b.distance_km;
  return a.place.id < b.place.id;
}

}  // namespace

Box bounding_box(LatLon center, double radius_km) {
  double angle = radius_km / earth_radius_km;  // radians
  double dlat = angle * 180.0 / std::numbers::pi;
  Box box{center.lat - dlat - margin_degrees, center.lat + dlat + margin_degrees, -180.0, 180.0};
  double lat = center.lat * std::numbers::pi / 180.0;
  bool reaches_pole = box.min_lat <= -90.0 || box.max_lat >= 90.0;
  box.min_lat = std::max(box.min_lat, -90.0);
  box.max_lat = std::min(box.max_lat, 90.0);
  if (reaches_pole || angle >= std::numbers::pi / 2) return box;
  double ratio = std::sin(angle) / std::cos(lat);
  if (ratio >= 1.0) return box;
  double dlon = std::asin(ratio) * 180.0 / std::numbers::pi + margin_degrees;
  if (center.lon - dlon < -180.0 || center.lon + dlon > 180.0) return box;  // crosses the antimeridian
  box.min_lon = center.lon - dlon;
  box.max_lon = center.lon + dlon;
  return box;
}

std::vector<Hit> nearest(const Query& query, const BoxSearch& search, const HoursAt& hours_at) {
  std::vector<Hit> hits;
  if (query.limit <= 0 || query.radius_km < 0) return hits;
  double limit_km = std::min(query.radius_km, half_circumference_km);
  double radius = std::min(start_radius_km, limit_km);
  std::map<std::int64_t, Hours> hours_cache;
  auto hours_of = [&](const Place& place) -> const Hours& {
    auto it = hours_cache.find(place.id);
    if (it == hours_cache.end()) it = hours_cache.emplace(place.id, hours_at(place)).first;
    return it->second;
  };
  for (;;) {
    hits.clear();
    for (auto& place : search(bounding_box(query.center, radius), query.kinds)) {
      double d = distance_km(query.center, place.at);
      if (d > radius) continue;
      if (query.open_now && hours_of(place).state != HoursState::open) continue;
      double bearing = bearing_degrees(query.center, place.at);
      hits.push_back({std::move(place), d, bearing, {}});
    }
    if (static_cast<int>(hits.size()) >= query.limit || radius >= limit_km) break;
    radius = std::min(radius * 2, limit_km);
  }
  std::sort(hits.begin(), hits.end(), before);
  if (static_cast<int>(hits.size()) > query.limit) hits.resize(static_cast<std::size_t>(query.limit));
  for (auto& hit : hits)
    hit.hours = hours_of(hit.place);  // only the answer's hours, unless filtering by them
  return hits;
}

}  // namespace plantar::places
