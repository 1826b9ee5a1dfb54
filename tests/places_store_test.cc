// places.db: a region is replaced whole, regions live side by side, the
// R*Tree box search and the look-up of named places.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

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
