// The card, map, ask and places API against a real server on 127.0.0.1:
// the same bytes as the CLI, a PDF that is a PDF, SVG that librsvg reads,
// errors that name the field, a clear 409 before any places are imported,
// and the latency of /api/ask under concurrent load.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>

#include "journal_test_support.h"
#include "osm_writer.h"
#include "plantar/render.h"
#include "server_test_support.h"
#include "test_support.h"

namespace plantar {
namespace {

using test::LiveServer;
using test::run_plantar;
using test::TempDir;

httplib::Result get(LiveServer& live, const std::string& path) { return live.client().Get(path.c_str()); }

std::string get_body(LiveServer& live, const std::string& path, int expected_status = 200) {
  auto res = get(live, path);
  if (!res) return "no answer";
  EXPECT_EQ(res->status, expected_status) << path << "\n" << res->body;
  return res->body;
}

// The field a 400 names.
std::string bad_field(LiveServer& live, const std::string& path) {
  auto res = get(live, path);
  if (!res) return "no answer";
  EXPECT_EQ(res->status, 400) << path << "\n" << res->body;
  auto json = nlohmann::json::parse(res->body, nullptr, false);
  return json.is_object() && json.contains("field") ? json["field"].get<std::string>() : res->body;
}

// librsvg reads it (pdf_bytes throws Failure for SVG it cannot parse).
bool svg_parses(const std::string& svg) {
  try {
    return render::pdf_bytes(svg).rfind("%PDF", 0) == 0;
  } catch (const std::exception&) {
    return false;
  }
}

TEST(ServerExtrasApi, CardWithoutJournalIsTheCliCard) {
  TempDir dir;
  LiveServer live(false, {}, dir.path.string());
  auto sections = nlohmann::json::parse(get_body(live, "/api/card"));
  EXPECT_EQ(sections["sections"], nlohmann::json(render::card_sections));
  EXPECT_EQ(sections["card"]["sections"].size(), render::card_sections.size());
  EXPECT_NE(sections["card"]["verdict"].get<std::string>().find("No health conditions"), std::string::npos);

  std::string svg = get_body(live, "/api/card?format=svg&sections=cautions,routine");
  auto cli = run_plantar(
      {"--db", dir.path.string(), "card", "--sections", "cautions,routine", "-o", dir.file("card.svg")});
  ASSERT_EQ(cli.status, 0) << cli.err;
  EXPECT_EQ(svg, test::file_bytes(dir.file("card.svg")));
  EXPECT_TRUE(svg_parses(svg));
  EXPECT_FALSE(std::filesystem::exists(dir.file("journal.db"))) << "reading the card created a journal";

  auto pdf = get(live, "/api/card?format=pdf");
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf->body.find("%%EOF"), std::string::npos);
  std::string disposition = pdf->get_header_value("Content-Disposition");
  EXPECT_EQ(disposition.rfind("attachment; filename=\"plantar-card-", 0), 0u) << disposition;
  EXPECT_NE(disposition.find(".pdf\""), std::string::npos) << disposition;

  auto html = get(live, "/api/card?format=html&name=Alex");
  ASSERT_TRUE(html);
  EXPECT_EQ(html->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(html->body.find("Alex"), std::string::npos);
}

TEST(ServerExtrasApi, CardAndMapShowTheJournalsSoreSpots) {
  TempDir dir;
  auto logged = run_plantar({"--db", dir.path.string(), "log", "--before", "stress=6", "--after", "stress=3",
                             "--sore", "left:arch=6"});
  ASSERT_EQ(logged.status, 0) << logged.err;
  LiveServer live(false, {}, dir.path.string());

  std::string plan = R"({"goals":["sleep"],"conditions":[{"id":"diabetes"}]})";
  httplib::Params query{{"format", "svg"}, {"plan", plan}};
  auto svg = live.client().Get("/api/card", query, httplib::Headers{});
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->status, 200) << svg->body;
  auto cli =
      run_plantar({"--db", dir.path.string(), "card", "--input", "-", "-o", dir.file("card.svg")}, plan);
  ASSERT_EQ(cli.status, 0) << cli.err;
  EXPECT_EQ(svg->body, test::file_bytes(dir.file("card.svg")));
  EXPECT_NE(svg->body.find("arch"), std::string::npos);

  auto map_cli = run_plantar({"--db", dir.path.string(), "map", "-o", "-"});
  EXPECT_EQ(get_body(live, "/api/map"), map_cli.out);
  auto zones_cli =
      run_plantar({"--db", dir.path.string(), "map", "--zones", "--sore", "right:heel=4", "-o", "-"});
  std::string zones = get_body(live, "/api/map?zones=1&sore=right%3Aheel%3D4");
  EXPECT_EQ(zones, zones_cli.out);
  EXPECT_NE(zones, map_cli.out);
  EXPECT_TRUE(svg_parses(zones));
  EXPECT_EQ(get(live, "/api/map")->get_header_value("Content-Type"), "image/svg+xml");
}

TEST(ServerExtrasApi, CardAndMapNameTheBadField) {
  LiveServer live;
  EXPECT_EQ(bad_field(live, "/api/card?format=doc"), "format");
  EXPECT_EQ(bad_field(live, "/api/card?format=pdf&sections=cautions,gossip"), "sections");
  EXPECT_EQ(bad_field(live, "/api/card?format=svg&plan=%7Bnope"), "plan");
  EXPECT_EQ(bad_field(live, "/api/card?format=svg&days=0"), "days");
  EXPECT_EQ(bad_field(live, "/api/map?sore=left%3Anowhere%3D4"), "sore");
  EXPECT_EQ(bad_field(live, "/api/map?zones=maybe"), "zones");
  EXPECT_EQ(live.post("/api/card", "{}")->status, 405);
}

TEST(ServerExtrasApi, AskIsTheCliJson) {
  LiveServer live;
  for (std::string q : {"how hard should I press", "heel hurts in the morning", "is it ok with diabtes",
                        "my calf is swollen and red", "quantum teleportation"}) {
    std::string path = "/api/ask?q=" + httplib::detail::encode_query_param(q);
    EXPECT_EQ(get_body(live, path), run_plantar({"ask", q, "--json"}).out) << q;
  }
  EXPECT_EQ(get_body(live, "/api/ask?q=sleep&limit=5"),
            run_plantar({"ask", "sleep", "--limit", "5", "--json"}).out);
  auto posted = live.post("/api/ask", R"({"question": "sleep", "limit": 5})");
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->body, run_plantar({"ask", "sleep", "--limit", "5", "--json"}).out);

  EXPECT_EQ(bad_field(live, "/api/ask"), "q");
  EXPECT_EQ(bad_field(live, "/api/ask?q=%20%20"), "q");
  EXPECT_EQ(bad_field(live, "/api/ask?q=sleep&limit=0"), "limit");
  EXPECT_EQ(bad_field(live, "/api/ask?q=sleep&limit=21"), "limit");
  EXPECT_EQ(nlohmann::json::parse(live.post("/api/ask", R"({"limit": 2})")->body)["field"], "question");
  EXPECT_EQ(nlohmann::json::parse(live.post("/api/ask", R"({"question": "x", "limit": "2"})")->body)["field"],
            "limit");
}

// Four clients at once on the shared index: every answer right, and the p99.
TEST(ServerExtrasApi, AskUnderConcurrentLoad) {
  LiveServer live;
  const std::vector<std::string> questions = {"how hard should I press", "heel pain", "diabetes",
                                              "before bed", "tennis ball"};
  std::vector<std::string> expected;
  for (const auto& q : questions)
    expected.push_back(get_body(live, "/api/ask?q=" + httplib::detail::encode_query_param(q)));
  constexpr int clients = 4, each = 100;
  std::vector<std::vector<double>> times(clients);
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int c = 0; c < clients; ++c)
    threads.emplace_back([&, c] {
      auto client = live.client();
      client.set_keep_alive(true);
      for (int i = 0; i < each; ++i) {
        std::size_t k = static_cast<std::size_t>(i + c) % questions.size();
        std::string path = "/api/ask?q=" + httplib::detail::encode_query_param(questions[k]);
        auto start = std::chrono::steady_clock::now();
        auto res = client.Get(path.c_str());
        times[c].push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        if (!res || res->status != 200 || res->body != expected[k]) ++wrong;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
  std::vector<double> all;
  for (const auto& t : times) all.insert(all.end(), t.begin(), t.end());
  std::sort(all.begin(), all.end());
  double p50 = all[all.size() / 2], p99 = all[all.size() * 99 / 100];
  std::cout << "/api/ask, " << clients << " clients x " << each << ": p50 " << p50 << " ms, p99 " << p99
            << " ms\n";
  // Printed, not asserted: a test never fails because the machine was slow.
  RecordProperty("ask_p99_ms", std::to_string(p99));
}

test::OsmData places_fixture() {
  test::OsmData d;
  d.nodes = {
      {1,
       47.1400,
       9.5220,
       {{"shop", "massage"}, {"name", "Fuss & Hand Massage"}, {"opening_hours", "Mo-Fr 09:00-18:00"}}},
      {2,
       47.1500,
       9.5100,
       {{"healthcare", "alternative"},
        {"healthcare:speciality", "reflexology"},
        {"name", "Reflex Praxis"},
        {"opening_hours", "We 14:00-20:00"}}},
      {3, 47.1660, 9.5100, {{"healthcare", "podiatrist"}, {"name", "Podologie Schaan"}}},
      {5, 47.1410, 9.5209, {{"place", "town"}, {"name", "Vaduz"}}},
      {9, 47.2000, 9.5300, {{"place", "hamlet"}, {"name", "Berg"}}},
      {14, 47.0500, 9.6000, {{"place", "hamlet"}, {"name", "Berg"}}},
  };
  return d;
}

class PlacesApi : public ::testing::Test {
 protected:
  TempDir dir;
  test::RunResult plantar(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", dir.path.string()});
    return test::run_plantar(args);
  }
  void import() {
    test::write_osm(dir.file("test.osm.pbf"), places_fixture());
    auto imported = plantar({"places", "import", dir.file("test.osm.pbf")});
    ASSERT_EQ(imported.status, 0) << imported.err;
  }
};

TEST_F(PlacesApi, BeforeAnyImportSaysHowToImport) {
  LiveServer live(false, {}, dir.path.string());
  auto res = get(live, "/api/places/near?at=Vaduz");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 409);
  EXPECT_NE(res->body.find("plantar places get REGION"), std::string::npos) << res->body;
  EXPECT_FALSE(std::filesystem::exists(dir.file("places.db"))) << "asking created places.db";
  auto regions = nlohmann::json::parse(get_body(live, "/api/places"));
  EXPECT_TRUE(regions["regions"].empty());
  EXPECT_FALSE(regions["kinds"].empty());
  LiveServer nowhere;
  EXPECT_EQ(get(nowhere, "/api/places/near?at=47.14,9.52")->status, 409);
}

TEST_F(PlacesApi, NearIsTheCliJson) {
  import();
  LiveServer live(false, {}, dir.path.string());
  const std::string when = "2024-05-06 14:30";  // a Monday
  auto same = [&](const std::string& query, std::vector<std::string> args) {
    args.insert(args.begin(), {"--json", "places", "near"});
    args.insert(args.end(), {"--at", when});
    auto cli = plantar(args);
    ASSERT_EQ(cli.status, 0) << cli.err;
    std::string path = "/api/places/near?" + query + "&when=" + httplib::detail::encode_query_param(when);
    EXPECT_EQ(get_body(live, path), cli.out) << query;
  };
  same("at=Vaduz", {"Vaduz"});
  same("at=vad", {"vad"});
  same("at=47.15,9.51&kind=massage,reflexology",
       {"47.15,9.51", "--kind", "massage", "--kind", "reflexology"});
  same("at=Vaduz&open_now=1", {"Vaduz", "--open-now"});
  same("at=Vaduz&radius=2&limit=1", {"Vaduz", "--radius", "2", "--limit", "1"});
  auto json = nlohmann::json::parse(get_body(live, "/api/places/near?at=Vaduz"));
  EXPECT_EQ(json["places"][0]["osm"]["url"], "https://www.openstreetmap.org/node/1");
  EXPECT_NE(json.dump().find("OpenStreetMap contributors"), std::string::npos);

  auto regions = nlohmann::json::parse(get_body(live, "/api/places"));
  ASSERT_EQ(regions["regions"].size(), 1u);
  EXPECT_EQ(regions["regions"][0]["places"], 3);
}

TEST_F(PlacesApi, AmbiguousNamesListTheChoicesAndBadInputNamesTheField) {
  import();
  LiveServer live(false, {}, dir.path.string());
  auto res = get(live, "/api/places/near?at=Berg");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  auto json = nlohmann::json::parse(res->body);
  EXPECT_EQ(json["field"], "at");
  ASSERT_EQ(json["choices"].size(), 2u);
  EXPECT_EQ(json["choices"][0]["name"], "Berg");
  EXPECT_EQ(bad_field(live, "/api/places/near"), "at");
  EXPECT_EQ(bad_field(live, "/api/places/near?at=Atlantis"), "at");
  EXPECT_EQ(bad_field(live, "/api/places/near?at=91,9"), "at");
  EXPECT_EQ(bad_field(live, "/api/places/near?at=Vaduz&kind=barber"), "kind");
  EXPECT_EQ(bad_field(live, "/api/places/near?at=Vaduz&radius=-1"), "radius");
  EXPECT_EQ(bad_field(live, "/api/places/near?at=Vaduz&radius=far"), "radius");
  EXPECT_EQ(bad_field(live, "/api/places/near?at=Vaduz&limit=0"), "limit");
  EXPECT_EQ(bad_field(live, "/api/places/near?at=Vaduz&when=tomorrow"), "when");
  EXPECT_EQ(bad_field(live, "/api/places/near?at=Vaduz&open_now=perhaps"), "open_now");
  EXPECT_EQ(get(live, "/api/places/nowhere")->status, 404);
}

}  // namespace
}  // namespace plantar
