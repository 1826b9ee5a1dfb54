// The nearest places to a point: a search that widens a box around the point
// until it holds enough places, over any store that can list the places in a
// box (the SQLite R*Tree in practice, a plain list in tests). Pure: the box
// search and the opening-hours evaluation come in as functions.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "plantar/opening_hours.h"
#include "plantar/places.h"

namespace plantar::places {

/// A latitude/longitude box; min_lon > max_lon never happens (a box that
/// would cross the antimeridian spans every longitude instead).
struct Box {
  double min_lat = 0, max_lat = 0, min_lon = 0, max_lon = 0;
};

/// A box that holds every point within `radius_km` of `center`.
Box bounding_box(LatLon center, double radius_km);

/// The places in a box whose kind is one of `kinds` (every kind when empty).
using BoxSearch = std::function<std::vector<Place>(const Box& box, const std::vector<std::string>& kinds)>;
/// The opening hours of a place at the time of the query.
using HoursAt = std::function<Hours(const Place& place)>;

struct Query {
  LatLon center;
  double radius_km = 25;
  int limit = 10;
  std::vector<std::string> kinds;  // empty: every kind
  bool open_now = false;           // only places whose hours say open
};

struct Hit {
  Place place;
  double distance_km = 0;
  double bearing = 0;  // degrees from north
  Hours hours;
};

/// The places within query.radius_km of the centre, nearest first (ties by
/// id), at most query.limit, with their hours.
std::vector<Hit> nearest(const Query& query, const BoxSearch& search, const HoursAt& hours_at);

}  // namespace plantar::places
