// places.db: a region is replaced whole, regions live side by side, the
// R*Tree box search and the look-up of named places.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>

#include "plantar/errors.h"
#include "plantar/places_store.h"

namespace plantar::places {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path =
      fs::temp_directory_path() / ("plantar_store_" + std::to_string(getpid()) + "_" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  TempDir() { fs::remove_all(path); }
  ~TempDir() { fs::remove_all(path); }
};

Place place(const std::string& name, const std::string& kind, double lat, double lon) {
  Place p;
  p.osm_type = "node";
  p.osm_id = 1;
  p.name = name;
  p.kind = kind;
  p.at = {lat, lon};
  return p;
}

Region region(const std::string& name, std::vector<Place> places, std::vector<NamedPlace> named) {
  return {name, name + ".osm.pbf", "2024-05-06 14:30", std::move(places), std::move(named)};
}

std::vector<std::string> names_in(const Store& store, const Box& box,
                                  const std::vector<std::string>& kinds = {}) {
  std::vector<std::string> out;
  for (const auto& p : store.in_box(box, kinds)) out.push_back(p.name);
  std::sort(out.begin(), out.end());
  return out;
}

const Box everywhere{-90, 90, -180, 180};

TEST(PlacesStore, KeepsTheCountryAndUpgradesOlderFiles) {
  TempDir dir;
  fs::create_directories(dir.path);
  auto db = (dir.path / "places.db").string();
  // A places.db written before places had a country.
  std::string old_schema =
      "CREATE TABLE places(id INTEGER PRIMARY KEY, region TEXT NOT NULL, osm_type TEXT NOT NULL,"
      " osm_id INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT "
      "NULL,"
      " address TEXT NOT NULL, phone TEXT NOT NULL, website TEXT NOT NULL, opening_hours TEXT NOT NULL,"
      " wheelchair TEXT NOT NULL);"
      "CREATE VIRTUAL TABLE places_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);"
      "INSERT INTO places VALUES(7, 'old', 'node', 1, 'sauna', 'Old', 47.2, 9.6, '', '', '', '', '');"
      "INSERT INTO places_rtree VALUES(7, 47.2, 47.2, 9.6, 9.6);";
  std::ofstream(dir.path / "old.sql") << old_schema;
  ASSERT_EQ(std::system(("sqlite3 '" + db + "' < '" + (dir.path / "old.sql").string() + "'").c_str()), 0);
  Store store(db, false);
  Place vaduz = place("V", "massage", 47.14, 9.52);
  vaduz.country = "LI";
  store.replace_region(region("li", {vaduz, place("X", "spa", 47.1, 9.5)}, {}));
  auto found = store.in_box(everywhere, {"massage"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found.front().country, "LI");
  EXPECT_EQ(store.in_box(everywhere, {"spa"}).front().country, "");
  auto old = store.in_box({47.19, 47.21, 9.59, 9.61}, {});  // the older file's place is still found
  ASSERT_EQ(old.size(), 1u);
  EXPECT_EQ(old.front().name, "Old");
  Store again(db, false);  // opening it again adds nothing twice
  EXPECT_EQ(again.in_box(everywhere, {}).size(), 3u);
}

TEST(PlacesStore, ReplacesARegionWhole) {
  TempDir dir;
  Store store((dir.path / "sub" / "places.db").string(), true);
  store.replace_region(region("a", {place("A1", "massage", 47, 9), place("A2", "spa", 47.1, 9.1)},
                              {{"Vaduz", "town", {47.14, 9.52}}}));
  store.replace_region(region("b", {place("B1", "sauna", 48, 10)}, {}));
  EXPECT_EQ(names_in(store, everywhere), (std::vector<std::string>{"A1", "A2", "B1"}));
  store.replace_region(region("a", {place("A3", "massage", 47, 9)}, {{"Schaan", "village", {47.16, 9.51}}}));
  EXPECT_EQ(names_in(store, everywhere), (std::vector<std::string>{"A3", "B1"}));
  EXPECT_TRUE(store.named("Vaduz").empty());
  EXPECT_EQ(store.named("schaan").size(), 1u);
  auto regions = store.regions();
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[0].name, "a");
  EXPECT_EQ(regions[0].places, 1);
  EXPECT_EQ(regions[0].named, 1);
}

TEST(PlacesStore, BoxSearchAndKinds) {
  TempDir dir;
  Store store((dir.path / "places.db").string(), true);
  store.replace_region(region(
      "r", {place("In", "massage", 47, 9), place("Spa", "spa", 47.01, 9.01), place("Out", "massage", 48, 9)},
      {}));
  EXPECT_EQ(names_in(store, {46.9, 47.1, 8.9, 9.1}), (std::vector<std::string>{"In", "Spa"}));
  EXPECT_EQ(names_in(store, {46.9, 47.1, 8.9, 9.1}, {"spa"}), (std::vector<std::string>{"Spa"}));
  EXPECT_EQ(names_in(store, {46.9, 47.1, 8.9, 9.1}, {"spa", "massage"}),
            (std::vector<std::string>{"In", "Spa"}));
  EXPECT_TRUE(names_in(store, {0, 1, 0, 1}).empty());
}

// The R*Tree holds cells of neighbouring places: every box must still find
// exactly the places inside it, also after a region was replaced.
TEST(PlacesStore, BoxSearchMatchesBruteForce) {
  TempDir dir;
  Store store((dir.path / "places.db").string(), true);
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> town_lat(47.0, 47.3), town_lon(9.4, 9.7), lat(-89, 89),
      lon(-179, 179);
  const std::vector<std::string> kinds{"massage", "spa", "sauna"};
  auto random_places = [&](const std::string& prefix, int count) {
    std::vector<Place> out;
    for (int i = 0; i < count; ++i) {
      bool town = i % 4 != 0;
      out.push_back(place(prefix + std::to_string(i), kinds[static_cast<std::size_t>(i) % kinds.size()],
                          town ? town_lat(rng) : lat(rng), town ? town_lon(rng) : lon(rng)));
    }
    return out;
  };
  auto all = random_places("a", 3000);
  store.replace_region(region("a", random_places("old", 500), {}));
  store.replace_region(region("a", all, {}));
  auto other = random_places("b", 700);
  store.replace_region(region("b", other, {}));
  all.insert(all.end(), other.begin(), other.end());
  for (int round = 0; round < 300; ++round) {
    bool small = round % 2 == 0;
    double a = small ? town_lat(rng) : lat(rng), b = small ? town_lat(rng) : lat(rng);
    double c = small ? town_lon(rng) : lon(rng), d = small ? town_lon(rng) : lon(rng);
    Box box{std::min(a, b), std::max(a, b), std::min(c, d), std::max(c, d)};
    std::vector<std::string> only;
    if (round % 3 == 0) only = {"spa"};
    std::vector<std::string> expected;
    for (const auto& p : all)
      if (p.at.lat >= box.min_lat && p.at.lat <= box.max_lat && p.at.lon >= box.min_lon &&
          p.at.lon <= box.max_lon && (only.empty() || p.kind == only.front()))
        expected.push_back(p.name);
    std::sort(expected.begin(), expected.end());
    ASSERT_EQ(names_in(store, box, only), expected) << "round " << round;
  }
}

TEST(PlacesStore, NamedPlacesByNameAndPrefix) {
  TempDir dir;
  Store store((dir.path / "places.db").string(), true);
  store.replace_region(region("r", {},
                              {{"Triesen", "village", {47.1, 9.5}},
                               {"Triesenberg", "village", {47.1, 9.55}},
                               {"100%_Town", "town", {1, 1}}}));
  EXPECT_EQ(store.named("TRIESEN").size(), 1u);
  EXPECT_EQ(store.named_starting("tries").size(), 2u);
  EXPECT_EQ(store.named_starting("100%").size(), 1u);
  EXPECT_TRUE(store.named_starting("1000").empty());
  EXPECT_EQ(store.names().size(), 3u);
}

TEST(PlacesStore, NoDatabaseYetIsBadInput) {
  TempDir dir;
  EXPECT_THROW(Store((dir.path / "places.db").string(), false), BadInput);
  EXPECT_FALSE(fs::exists(dir.path / "places.db"));
}

}  // namespace
}  // namespace plantar::places
