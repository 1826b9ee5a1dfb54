// Issue 14 for places: an OpenStreetMap name, address or opening hours
// holding terminal escapes is shown, not obeyed, by `places near` (finding
// 8; the journal's notes are checked in journal_correct_test.cc), and
// places.db is for its user alone (finding 10; the journal, exports and
// cards in server_limits_test.cc). The real binary, a real .osm.pbf written
// with libosmium, a real places.db.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <string>

#include "journal_test_support.h"
#include "osm_writer.h"
#include "test_support.h"

namespace plantar {
namespace {

// An OSC title change, a colour and a C1 CSI (U+009B): what a hostile
// mapper could put in a tag.
const std::string hostile =
    "\x1b]0;owned\x07\x1b[31mEvil\xc2\x9b"
    "2J Spa";

test::OsmData hostile_place() {
  test::OsmData d;
  d.nodes = {{1, 47.1410, 9.5209, {{"place", "town"}, {"name", "Vaduz"}}},
             {2,
              47.1400,
              9.5220,
              {{"shop", "massage"},
               {"name", hostile},
               {"addr:street", "Main\x1b[2J Street"},
               {"addr:housenumber", "1"},
               {"addr:city", "Vaduz"},
               {"opening_hours", "Mo-Fr 09:00-18:00\x1b[5m"}}}};
  return d;
}

bool has_control(const std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7f) return true;
    if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9f)
      return true;
  }
  return false;
}

TEST(PlacesEscapes, HostileTagsAreShownNotObeyed) {
  test::TempDir dir;
  auto pbf = dir.file("hostile.osm.pbf");
  test::write_osm(pbf, hostile_place());
  auto db = dir.file("db");
  auto imported = test::run_plantar({"--db", db, "places", "import", pbf});
  ASSERT_EQ(imported.status, 0) << imported.err;
  EXPECT_FALSE(has_control(imported.out + imported.err));

  auto text = test::run_plantar({"--db", db, "places", "near", "Vaduz", "--at", "2024-05-06 14:30"});
  ASSERT_EQ(text.status, 0) << text.err;
  EXPECT_FALSE(has_control(text.out)) << text.out;
  EXPECT_FALSE(has_control(text.err)) << text.err;
  EXPECT_NE(text.out.find("Evil"), std::string::npos) << text.out;  // shown, as visible text
  EXPECT_NE(text.out.find("Spa"), std::string::npos) << text.out;

  // The JSON keeps the data as it is: ESC and BEL escaped by the JSON
  // writer; U+009B stays UTF-8 text inside a string, as JSON allows.
  auto json =
      test::run_plantar({"--db", db, "places", "near", "Vaduz", "--json", "--at", "2024-05-06 14:30"});
  ASSERT_EQ(json.status, 0) << json.err;
  EXPECT_EQ(json.out.find('\x1b'), std::string::npos);
  EXPECT_EQ(json.out.find('\x07'), std::string::npos);
  EXPECT_NE(json.out.find("\\u001b"), std::string::npos) << json.out;
  EXPECT_NE(json.out.find(nlohmann::json(hostile).dump()), std::string::npos) << json.out;
}

unsigned mode_of(const std::string& path) {
  struct stat info {};
  if (stat(path.c_str(), &info) != 0) return 0;
  return info.st_mode & 0777;
}

TEST(PlacesFilePermissions, PlacesDbIs0600InA0700Folder) {
  test::TempDir dir;
  auto pbf = dir.file("hostile.osm.pbf");
  test::write_osm(pbf, hostile_place());
  auto db = dir.file("data");
  auto imported = test::run_plantar({"--db", db, "places", "import", pbf});
  ASSERT_EQ(imported.status, 0) << imported.err;
  EXPECT_EQ(mode_of(db), 0700u);
  ASSERT_NE(mode_of(db + "/places.db"), 0u) << "no places.db in " << db;
  EXPECT_EQ(mode_of(db + "/places.db"), 0600u);
}

}  // namespace
}  // namespace plantar
