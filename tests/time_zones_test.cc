// Time zones by position from the system's tz database (zone.tab), local
// wall-clock times by the tz rules across daylight-saving changes, and the
// hours of a place read at its own local time.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "plantar/opening_hours.h"
#include "plantar/time_zones.h"
namespace plantar::places {
namespace {

namespace fs = std::filesystem;

// A folder for a test's own zone tables, removed at the end.
struct TempDir {
  explicit TempDir(const std::string& name)
      : dir(fs::temp_directory_path() / ("plantar_zones_" + std::to_string(getpid()) + "_" + name)) {
    fs::create_directories(dir);
  }
  ~TempDir() { fs::remove_all(dir); }
  fs::path path() const { return dir; }
  fs::path dir;
};

std::string zone_of(LatLon at, const std::string& country) {
  return TimeZones::system().choose(at, country).zone;
}

std::string local(const std::string& zone, std::int64_t unix_seconds) {
  auto time = wall_time_in(zone, unix_seconds);
  return time ? format_wall_time(*time) : "none";
}

TEST(TimeZones, ReadsIso6709Positions) {
  LatLon at;
  ASSERT_TRUE(parse_iso6709("+4709+00931", at));
  EXPECT_NEAR(at.lat, 47.15, 1e-9);
  EXPECT_NEAR(at.lon, 9.516667, 1e-6);
  ASSERT_TRUE(parse_iso6709("+340308-1181434", at));
  EXPECT_NEAR(at.lat, 34.052222, 1e-6);
  EXPECT_NEAR(at.lon, -118.242778, 1e-6);
  EXPECT_FALSE(parse_iso6709("4709+00931", at));
  EXPECT_FALSE(parse_iso6709("+47x9+00931", at));
  EXPECT_FALSE(parse_iso6709("+4709", at));
  EXPECT_EQ(country_code(" li "), "LI");
  EXPECT_EQ(country_code("Deutschland"), "");
  EXPECT_EQ(country_code("D1"), "");
}

TEST(TimeZones, KnownPlaces) {
  ASSERT_FALSE(TimeZones::system().empty()) << "tzdata is missing (/usr/share/zoneinfo/zone.tab)";
  EXPECT_EQ(zone_of({47.141, 9.521}, "LI"), "Europe/Vaduz");    // Vaduz
  EXPECT_EQ(zone_of({47.141, 9.521}, ""), "Europe/Vaduz");      // by position alone
  EXPECT_EQ(zone_of({48.137, 11.575}, "DE"), "Europe/Berlin");  // Munich, not the Busingen exclave
  EXPECT_EQ(zone_of({48.137, 11.575}, "de"), "Europe/Berlin");
  EXPECT_EQ(zone_of({37.775, -122.419}, "US"), "America/Los_Angeles");  // San Francisco
  EXPECT_EQ(zone_of({40.713, -74.006}, "US"), "America/New_York");
  EXPECT_EQ(zone_of({-33.869, 151.209}, "AU"), "Australia/Sydney");
  auto guessed = TimeZones::system().choose({47.141, 9.521}, "");
  EXPECT_TRUE(guessed.country_guessed);
  EXPECT_EQ(guessed.country, "LI");
  EXPECT_FALSE(TimeZones::system().choose({48.137, 11.575}, "DE").country_guessed);
}

TEST(TimeZones, MissingDatabaseChoosesNothing) {
  TempDir dir("none");
  TimeZones none(dir.path().string());
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.choose({47.1, 9.5}, "LI").zone, "");
}

TEST(TimeZones, SmallTableNearestCityOfTheCountry) {
  TempDir dir("small");
  std::ofstream(dir.path() / "zone.tab") << "# comment\n"
                                            "AA\t+1000+01000\tTest/West\n"
                                            "AA\t+1000+02000\tTest/East\n"
                                            "BB\t+1000+01500\tTest/Middle\n"
                                            "bad line\n";
  std::ofstream(dir.path() / "zone1970.tab") << "AA\t+1000+01000\tTest/West\nAA\t+1000+02000\tTest/East\n";
  TimeZones zones(dir.path().string());
  EXPECT_EQ(zones.choose({10, 14}, "AA").zone, "Test/West");
  EXPECT_EQ(zones.choose({10, 16}, "AA").zone, "Test/East");  // BB's city is nearer, but the country is AA
  EXPECT_EQ(zones.choose({10, 16}, "").zone, "Test/Middle");
  EXPECT_EQ(zones.choose({10, 16}, "BB").zone, "Test/Middle");
}

TEST(LocalTime, DaylightSavingBoundaries) {
  // Europe: summer time from 2026-03-29 01:00 UTC to 2026-10-25 01:00 UTC.
  EXPECT_EQ(local("Europe/Berlin", 1774745940), "2026-03-29 01:59");  // 00:59 UTC
  EXPECT_EQ(local("Europe/Berlin", 1774746000), "2026-03-29 03:00");  // 01:00 UTC
  EXPECT_EQ(local("Europe/Vaduz", 1792889940), "2026-10-25 02:59");   // 00:59 UTC, still summer time
  EXPECT_EQ(local("Europe/Vaduz", 1792890000), "2026-10-25 02:00");   // 01:00 UTC, winter time again
  // US Pacific: from 2026-03-08 10:00 UTC (02:00 PST) to 2026-11-01 09:00 UTC (02:00 PDT).
  EXPECT_EQ(local("America/Los_Angeles", 1772963940), "2026-03-08 01:59");
  EXPECT_EQ(local("America/Los_Angeles", 1772964000), "2026-03-08 03:00");
  EXPECT_EQ(local("America/Los_Angeles", 1793523540), "2026-11-01 01:59");
  EXPECT_EQ(local("America/Los_Angeles", 1793523600), "2026-11-01 01:00");
  EXPECT_EQ(local("Nowhere/Atlantis", 1772964000), "none");
}

TEST(LocalTime, HoursAreReadAtThePlacesOwnClock) {
  Place vaduz;
  vaduz.at = {47.141, 9.521};
  vaduz.country = "LI";
  vaduz.opening_hours = "Mo-Fr 09:00-18:00";
  // 2024-05-06 16:30 UTC: 18:30 in Vaduz (closed), 09:30 in San Francisco (open).
  const std::int64_t instant = 1715013000;
  auto hours = hours_at_place(vaduz, instant);
  EXPECT_EQ(hours.time_zone, "Europe/Vaduz");
  ASSERT_TRUE(hours.local);
  EXPECT_EQ(format_wall_time(*hours.local), "2024-05-06 18:30");
  EXPECT_EQ(hours.state, HoursState::closed);
  Place san_francisco = vaduz;
  san_francisco.at = {37.775, -122.419};
  san_francisco.country = "US";
  hours = hours_at_place(san_francisco, instant);
  EXPECT_EQ(hours.time_zone, "America/Los_Angeles");
  EXPECT_EQ(format_wall_time(*hours.local), "2024-05-06 09:30");
  EXPECT_EQ(hours.state, HoursState::open);
  ASSERT_TRUE(hours.change);
  EXPECT_EQ(format_wall_time(*hours.change), "2024-05-06 18:00");
}

}  // namespace
}  // namespace plantar::places
