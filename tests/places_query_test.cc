// The pure places core: distances, directions, tag classification, region
// names and the nearest-places search checked against brute force.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "plantar/errors.h"
#include "plantar/osm_import.h"
#include "plantar/places_query.h"

namespace plantar::places {
namespace {

TEST(PlacesGeo, DistancesAndDirections) {
  LatLon vaduz{47.1410, 9.5209}, schaan{47.1651, 9.5096};
  EXPECT_NEAR(distance_km(vaduz, schaan), 2.8, 0.1);
  EXPECT_EQ(compass(bearing_degrees(vaduz, schaan)), "N");
  EXPECT_NEAR(distance_km({0, 0}, {0, 1}), 111.2, 0.1);
  EXPECT_EQ(compass(bearing_degrees({0, 0}, {0, 1})), "E");
  EXPECT_EQ(compass(bearing_degrees({0, 0}, {-1, -1})), "SW");
  EXPECT_EQ(compass(bearing_degrees({0, 0}, {1, 1})), "NE");
  EXPECT_EQ(compass(359.0), "N");
  EXPECT_EQ(compass(337.6), "N");
  EXPECT_EQ(compass(337.4), "NW");
}

TEST(PlacesGeo, ParsesLatLon) {
  auto at = parse_lat_lon("47.14, 9.52", "WHERE");
  ASSERT_TRUE(at);
  EXPECT_DOUBLE_EQ(at->lat, 47.14);
  EXPECT_DOUBLE_EQ(at->lon, 9.52);
  EXPECT_TRUE(parse_lat_lon("-33.9;18.4", "WHERE"));
  EXPECT_FALSE(parse_lat_lon("Vaduz", "WHERE"));
  EXPECT_FALSE(parse_lat_lon("St. Gallen, Rorschach", "WHERE"));
  EXPECT_THROW(parse_lat_lon("91,10", "WHERE"), BadInput);
  EXPECT_THROW(parse_lat_lon("10,181", "WHERE"), BadInput);
}

TEST(PlacesTagging, ClassifiesByTheFirstMatchingKind) {
  const auto& tagging = kb::embedded().places;
  auto kind_of = [&](std::map<std::string, std::string> tags) -> std::string {
    const kb::PlaceKind* kind = classify(tagging, [&](const char* key) -> const char* {
      auto it = tags.find(key);
      return it == tags.end() ? nullptr : it->second.c_str();
    });
    return kind == nullptr ? "" : kind->id;
  };
  EXPECT_EQ(kind_of({{"shop", "massage"}}), "massage");
  EXPECT_EQ(kind_of({{"shop", "massage"}, {"healthcare:speciality", "thai; reflexology"}}), "reflexology");
  EXPECT_EQ(kind_of({{"healthcare", "podiatrist"}}), "podiatrist");
  EXPECT_EQ(kind_of({{"healthcare", "physiotherapist"}}), "physiotherapist");
  EXPECT_EQ(kind_of({{"shop", "beauty"}, {"beauty", "nails;spa"}}), "spa");
  EXPECT_EQ(kind_of({{"shop", "beauty"}}), "");
  EXPECT_EQ(kind_of({{"leisure", "sauna"}}), "sauna");
  EXPECT_EQ(kind_of({{"amenity", "cafe"}}), "");
  EXPECT_EQ(kind_of({{"healthcare:speciality", "reflexologyx"}}), "");
}

TEST(PlacesRegion, NameFromTheFile) {
  EXPECT_EQ(region_name("/x/liechtenstein-2013-08-03.osm.pbf"), "liechtenstein");
  EXPECT_EQ(region_name("liechtenstein-latest.osm.pbf"), "liechtenstein");
  EXPECT_EQ(region_name("bayern-230101.osm.bz2"), "bayern");
  EXPECT_EQ(region_name("north-america.osm"), "north-america");
  EXPECT_EQ(region_name("/tmp/12345.osm.pbf"), "12345");
}

TEST(PlacesWallTime, ParsesAndRejects) {
  auto t = parse_wall_time("2024-05-06 14:30", "--at");
  EXPECT_EQ(format_wall_time(t), "2024-05-06 14:30");
  EXPECT_EQ(weekday(t), 0);  // a Monday
  EXPECT_EQ(weekday(parse_wall_time("2024-05-12 00:00", "--at")), 6);
  EXPECT_THROW(parse_wall_time("2024-02-30 10:00", "--at"), BadInput);
  EXPECT_THROW(parse_wall_time("2024-05-06 24:00", "--at"), BadInput);
  EXPECT_THROW(parse_wall_time("2024-05-06T10:00", "--at"), BadInput);
  EXPECT_THROW(parse_wall_time("tomorrow", "--at"), BadInput);
}

// --- nearest against brute force ----------------------------------------

const std::vector<std::string> kinds{"massage", "reflexology", "podiatrist", "spa"};

std::vector<Place> random_places(std::mt19937& rng, int count, LatLon centre, double spread_degrees) {
  std::uniform_real_distribution<double> offset(-spread_degrees, spread_degrees);
  std::uniform_int_distribution<std::size_t> kind(0, kinds.size() - 1);
  std::vector<Place> out;
  for (int i = 0; i < count; ++i) {
    Place p;
    p.id = i + 1;
    p.kind = kinds[kind(rng)];
    p.at.lat = std::clamp(centre.lat + offset(rng), -90.0, 90.0);
    p.at.lon = centre.lon + offset(rng);
    if (p.at.lon > 180) p.at.lon -= 360;
    if (p.at.lon < -180) p.at.lon += 360;
    out.push_back(p);
  }
  return out;
}

std::vector<Place> in_box(const std::vector<Place>& all, const Box& box,
                          const std::vector<std::string>& wanted) {
  std::vector<Place> out;
  for (const auto& p : all) {
    bool kind_ok = wanted.empty() || std::find(wanted.begin(), wanted.end(), p.kind) != wanted.end();
    if (kind_ok && p.at.lat >= box.min_lat && p.at.lat <= box.max_lat && p.at.lon >= box.min_lon &&
        p.at.lon <= box.max_lon)
      out.push_back(p);
  }
  return out;
}

Hours fake_hours(const Place& p) {
  Hours hours;
  hours.state = p.id % 3 == 0 ? HoursState::open : HoursState::closed;
  return hours;
}

std::vector<std::int64_t> brute_force(const std::vector<Place>& all, const Query& q) {
  std::vector<std::pair<double, std::int64_t>> found;
  for (const auto& p : all) {
    bool kind_ok = q.kinds.empty() || std::find(q.kinds.begin(), q.kinds.end(), p.kind) != q.kinds.end();
    double d = distance_km(q.center, p.at);
    if (kind_ok && d <= q.radius_km && (!q.open_now || fake_hours(p).state == HoursState::open))
      found.emplace_back(d, p.id);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::int64_t> ids;
  for (std::size_t i = 0; i < found.size() && static_cast<int>(i) < q.limit; ++i)
    ids.push_back(found[i].second);
  return ids;
}

void check_against_brute_force(std::uint32_t seed, LatLon centre, double spread, double max_radius) {
  std::mt19937 rng(seed);
  auto all = random_places(rng, 3000, centre, spread);
  std::uniform_real_distribution<double> offset(-spread, spread), radius(0.1, max_radius);
  std::uniform_int_distribution<int> limit(1, 40), coin(0, 1);
  for (int i = 0; i < 100; ++i) {
    Query q;
    q.center = {std::clamp(centre.lat + offset(rng), -90.0, 90.0),
                std::fmod(centre.lon + offset(rng) + 540, 360) - 180};
    q.radius_km = radius(rng);
    q.limit = limit(rng);
    q.open_now = coin(rng) == 1;
    if (coin(rng) == 1) q.kinds = {kinds[static_cast<std::size_t>(i) % kinds.size()]};
    auto hits = nearest(
        q, [&](const Box& box, const std::vector<std::string>& k) { return in_box(all, box, k); },
        fake_hours);
    std::vector<std::int64_t> ids;
    for (const auto& hit : hits) {
      ids.push_back(hit.place.id);
      EXPECT_NEAR(hit.distance_km, distance_km(q.center, hit.place.at), 1e-9);
    }
    ASSERT_EQ(ids, brute_force(all, q)) << "seed " << seed << " query " << i << " at " << q.center.lat << ","
                                        << q.center.lon << " radius " << q.radius_km;
  }
}

TEST(PlacesNearest, MatchesBruteForceInATown) { check_against_brute_force(1, {47.14, 9.52}, 0.2, 30); }
TEST(PlacesNearest, MatchesBruteForceOverACountry) { check_against_brute_force(2, {51.0, 10.0}, 4, 300); }
TEST(PlacesNearest, MatchesBruteForceOverTheAntimeridian) {
  check_against_brute_force(3, {-17.0, 179.5}, 2, 400);
}
TEST(PlacesNearest, MatchesBruteForceNearAPole) { check_against_brute_force(4, {88.5, 0}, 3, 800); }
TEST(PlacesNearest, MatchesBruteForceOverTheWorld) { check_against_brute_force(5, {0, 0}, 180, 20000); }

TEST(PlacesNearest, EmptyAndZeroLimit) {
  Query q;
  q.limit = 0;
  int calls = 0;
  auto none = [&](const Box&, const std::vector<std::string>&) {
    ++calls;
    return std::vector<Place>{};
  };
  EXPECT_TRUE(nearest(q, none, fake_hours).empty());
  q.limit = 5;
  EXPECT_TRUE(nearest(q, none, fake_hours).empty());
  EXPECT_GT(calls, 1);  // it widened up to the radius
}

}  // namespace
}  // namespace plantar::places
