// GET /api/pictures and /api/pictures/ID.svg: the pictures are cached
// "immutable by version". The list gives each picture's address with ?v= a
// hash of its drawing; that address may be kept for a year, any other
// (no version, an old one) is kept by no one, and the version changes when
// the drawing does. Through the API function and through a real server.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "plantar/pictures.h"
#include "plantar/technique_picture.h"
#include "server/api.h"
#include "server_test_support.h"

namespace plantar {
namespace {

const kb::KnowledgeBase& kb() { return kb::embedded(); }
constexpr const char* for_good = "public, max-age=31536000, immutable";

// technique -> {left, right} addresses, from GET /api/pictures.
std::map<std::string, std::pair<std::string, std::string>> addresses(const kb::KnowledgeBase& base) {
  server::Api api{base, "", ""};
  auto reply = server::answer(api, "GET", "/api/pictures", "");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.cache_control, "no-cache");  // asked once per visit, never kept
  std::map<std::string, std::pair<std::string, std::string>> out;
  auto body = nlohmann::json::parse(reply.body);
  for (const auto& p : body["pictures"]) out[p["technique"]] = {p["left"], p["right"]};
  return out;
}

std::string version_of(const std::string& address) { return address.substr(address.find("?v=") + 3); }

TEST(PicturesApi, ListsEveryPictureWithItsVersion) {
  auto list = addresses(kb());
  EXPECT_EQ(list.size(), kb().techniques.size());
  const std::regex hex("[0-9a-f]{16}");
  for (const auto& [id, feet] : list) {
    EXPECT_EQ(feet.first, "/api/pictures/" + id + ".svg?v=" + version_of(feet.first));
    EXPECT_EQ(feet.second, "/api/pictures/right/" + id + ".svg?v=" + version_of(feet.first));
    EXPECT_TRUE(std::regex_match(version_of(feet.first), hex)) << feet.first;
  }
  EXPECT_NE(version_of(list["arch_knead"].first), version_of(list["thumb_heel_press"].first));
}

TEST(PicturesApi, OnlyTheCurrentVersionIsKeptForGood) {
  server::Api api{kb(), "", ""};
  auto v = version_of(addresses(kb())["arch_knead"].first);
  for (const char* path : {"/api/pictures/arch_knead.svg", "/api/pictures/right/arch_knead.svg"}) {
    auto current = server::answer(api, "GET", path, "", {{"v", v}});
    EXPECT_EQ(current.status, 200);
    EXPECT_EQ(current.cache_control, for_good) << path;
    for (const auto& query :
         std::vector<std::map<std::string, std::string>>{{}, {{"v", "0123456789abcdef"}}}) {
      auto other = server::answer(api, "GET", path, "", query);
      EXPECT_EQ(other.status, 200);
      EXPECT_EQ(other.body, current.body);
      EXPECT_EQ(other.cache_control, "no-cache") << path;
    }
  }
}

TEST(PicturesApi, TheVersionChangesWithTheDrawing) {
  kb::KnowledgeBase changed = kb();
  auto pictures = kb::pictures(kb());
  for (auto& p : pictures)
    if (p.technique == "arch_knead") p.hands[0].turn += 10;
  kb::set_pictures(changed, pictures);
  auto before = addresses(kb()), after = addresses(changed);
  EXPECT_NE(after["arch_knead"], before["arch_knead"]);
  EXPECT_EQ(after["thumb_heel_press"], before["thumb_heel_press"]);
  // The old address is still answered, with the new drawing, but not kept.
  server::Api api{changed, "", ""};
  auto old = server::answer(api, "GET", "/api/pictures/arch_knead.svg", "",
                            {{"v", version_of(before["arch_knead"].first)}});
  EXPECT_EQ(old.status, 200);
  EXPECT_EQ(old.cache_control, "no-cache");
  EXPECT_EQ(old.body,
            render::technique_picture_svg(changed, *changed.technique("arch_knead"), {Foot::left, true}));
}

TEST(PicturesApi, AnswersTheSvgAndNamesWhatIsWrong) {
  server::Api api{kb(), "", ""};
  auto reply = server::answer(api, "GET", "/api/pictures/arch_knead.svg", "");
  EXPECT_EQ(reply.status, 200);
  EXPECT_EQ(reply.type, "image/svg+xml");
  EXPECT_EQ(reply.body,
            render::technique_picture_svg(kb(), *kb().technique("arch_knead"), {Foot::left, true}));
  EXPECT_TRUE(server::is_pure("/api/pictures/arch_knead.svg"));
  auto right = server::answer(api, "GET", "/api/pictures/right/arch_knead.svg", "");
  EXPECT_EQ(right.status, 200);
  EXPECT_NE(right.body.find("matrix(-1 0 0 1 320 0)"), std::string::npos);
  EXPECT_EQ(server::answer(api, "GET", "/api/pictures/no_such.svg", "").status, 404);
  EXPECT_EQ(server::answer(api, "GET", "/api/pictures/arch_knead.png", "").status, 404);
  EXPECT_EQ(server::answer(api, "GET", "/api/pictures/left/right/arch_knead.svg", "").status, 404);
  EXPECT_EQ(server::answer(api, "POST", "/api/pictures/arch_knead.svg", "").status, 405);
  EXPECT_EQ(server::answer(api, "POST", "/api/pictures", "").status, 405);
}

// Through the real server, whose pure-answer cache must keep the versions apart.
TEST(PicturesApi, LiveServerSendsTheHeaders) {
  test::LiveServer live;
  auto list = live.client().Get("/api/pictures");
  ASSERT_TRUE(list);
  ASSERT_EQ(list->status, 200);
  EXPECT_EQ(list->get_header_value("Cache-Control"), "no-cache");
  std::string address;
  auto body = nlohmann::json::parse(list->body);
  for (const auto& p : body["pictures"])
    if (p["technique"] == "tennis_ball_roll") address = p["right"];
  ASSERT_FALSE(address.empty());
  for (int twice = 0; twice < 2; ++twice) {  // the second answers come from the server's memory
    auto res = live.client().Get(address.c_str());
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    EXPECT_EQ(res->get_header_value("Content-Type"), "image/svg+xml");
    EXPECT_EQ(res->get_header_value("Cache-Control"), for_good);
    EXPECT_NE(res->body.find("<title>Tennis ball roll</title>"), std::string::npos);
    for (const char* other :
         {"/api/pictures/right/tennis_ball_roll.svg", "/api/pictures/right/tennis_ball_roll.svg?v=1"}) {
      auto stale = live.client().Get(other);
      ASSERT_TRUE(stale);
      EXPECT_EQ(stale->status, 200);
      EXPECT_EQ(stale->get_header_value("Cache-Control"), "no-cache") << other;
      EXPECT_EQ(stale->body, res->body);
    }
  }
  auto missing = live.client().Get("/api/pictures/nothing.svg");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->status, 404);
  EXPECT_EQ(missing->get_header_value("Cache-Control"), "no-store");
}

}  // namespace
}  // namespace plantar
