// The HTTP API against a real server on 127.0.0.1: the same JSON as the CLI,
// errors that name the field, and the security rules (CSRF token, body
// limit, Host check, headers, no path traversal, LAN pairing).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/assets.h"
#include "server_test_support.h"
#include "test_support.h"

namespace plantar {
namespace {

using test::LiveServer;
using test::run_plantar;

std::string get_body(LiveServer& live, const std::string& path, int expected_status = 200) {
  auto res = live.client().Get(path.c_str());
  if (!res) return "no answer";
  EXPECT_EQ(res->status, expected_status) << path << "\n" << res->body;
  return res->body;
}

TEST(ServerApi, LearnAnswersAreTheCliJson) {
  LiveServer live;
  EXPECT_EQ(get_body(live, "/api/learn"), run_plantar({"learn", "--json"}).out);
  EXPECT_EQ(get_body(live, "/api/learn/techniques"), run_plantar({"learn", "techniques", "--json"}).out);
  EXPECT_EQ(get_body(live, "/api/learn/claims"), run_plantar({"learn", "claims", "--json"}).out);
  EXPECT_EQ(get_body(live, "/api/learn/techniques/thumb_heel_press"),
            run_plantar({"learn", "techniques", "thumb_heel_press", "--json"}).out);
  EXPECT_EQ(get_body(live, "/api/regions"), run_plantar({"learn", "regions", "--json"}).out);
}

TEST(ServerApi, PlanAndCheckAreTheCliJson) {
  LiveServer live;
  std::string plan = R"({"goals": ["plantar_fasciitis"], "minutes": 10, "tools": ["tennis_ball"],
                         "conditions": [{"id": "open_wound", "at": ["left:heel"]}]})";
  auto res = live.post("/api/plan", plan);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, run_plantar({"plan", "--input", "-", "--json"}, plan).out);
  std::string check = R"({"conditions": [{"id": "diabetes"}]})";
  res = live.post("/api/check", check);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, run_plantar({"check", "--input", "-", "--json"}, check).out);
}

TEST(ServerApi, StopVerdictIsAnAnswerNotAnError) {
  LiveServer live;
  auto res = live.post("/api/plan", R"({"conditions": [{"id": "dvt_signs"}]})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  auto json = nlohmann::json::parse(res->body);
  EXPECT_EQ(json["verdict"]["verdict"], "stop");
  EXPECT_EQ(json["verdict"]["urgent"], true);
  EXPECT_TRUE(json["steps"].empty());
}

TEST(ServerApi, RepeatedRequestsGetTheSameAnswers) {
  LiveServer live;
  std::string sleep = R"({"goals": ["sleep"], "minutes": 5})";
  std::string relax = R"({"goals": ["relax"], "minutes": 5})";
  auto first = live.post("/api/plan", sleep)->body;
  EXPECT_EQ(live.post("/api/plan", sleep)->body, first);
  EXPECT_NE(live.post("/api/plan", relax)->body, first);
  EXPECT_EQ(live.post("/api/plan", R"({"minutes": 1})")->status, 400);
  EXPECT_EQ(live.post("/api/plan", R"({"minutes": 1})")->status, 400);
  EXPECT_EQ(live.client().Get("/api/plan")->status, 405);
}

TEST(ServerApi, BadInputIs400NamingTheField) {
  LiveServer live;
  struct Case {
    std::string path, body, field;
  };
  std::vector<Case> cases{
      {"/api/plan", R"({"minutes": 2})", "minutes"},
      {"/api/plan", R"({"goals": ["sleeep"]})", "goals[0]"},
      {"/api/plan", R"({"minutes": 10, "colour": "red"})", "colour"},
      {"/api/check", R"({"conditions": [{"id": "diabetis"}]})", "conditions[0].id"},
      {"/api/check", R"({"conditions": [{"id": "bruise", "at": ["left:nose"]}]})", "conditions[0].at[0]"},
      {"/api/check", R"({"conditions": )", "body"},
      {"/api/check", R"([1, 2])", "body"},
  };
  for (const auto& c : cases) {
    auto res = live.post(c.path, c.body);
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400) << c.body;
    auto json = nlohmann::json::parse(res->body);
    EXPECT_EQ(json.value("field", ""), c.field) << c.body << " -> " << res->body;
    EXPECT_FALSE(json.value("error", "").empty());
  }
}

TEST(ServerApi, UnknownPathsAre404AndWrongMethods405) {
  LiveServer live;
  get_body(live, "/api/nope", 404);
  get_body(live, "/api/learn/techniques/no_such_step", 404);
  get_body(live, "/api/learn/nonsense", 404);
  get_body(live, "/api/plan", 405);
  auto res = live.post("/api/learn", "{}");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 405);
}

TEST(ServerApi, StateChangingRequestsNeedTheToken) {
  LiveServer live;
  std::string body = R"({"minutes": 5})";
  auto res = live.client().Post("/api/plan", body, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  EXPECT_EQ(nlohmann::json::parse(res->body)["field"], "X-Plantar-Token");
  res = live.client().Post("/api/plan", {{"X-Plantar-Token", "guess"}}, body, "application/json");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
  // A form post (what another site could send) is refused even with the token.
  res =
      live.client().Post("/api/plan", {{"X-Plantar-Token", live.server().csrf_token()}}, body, "text/plain");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 415);
  // The token comes from /api/session.
  auto session = nlohmann::json::parse(get_body(live, "/api/session"));
  EXPECT_EQ(session["token"], live.server().csrf_token());
  EXPECT_EQ(live.post("/api/plan", body)->status, 200);
}

TEST(ServerApi, BodiesOverTheLimitAre413) {
  LiveServer live;
  auto res = live.post("/api/plan", R"({"goals": [")" + std::string(70 * 1024, 'a') + R"("]})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 413);
}

TEST(ServerApi, OnlyEmbeddedFilesAreServed) {
  LiveServer live;
  for (std::string path : {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/../../CMakeLists.txt",
                           "/etc/passwd", "/index.html/../../../etc/hosts", "/..%2f..%2fetc%2fpasswd",
                           "//etc/passwd", "/src/main.tsx", "/package.json"}) {
    auto res = live.client().Get(path.c_str());
    ASSERT_TRUE(res) << path;
    EXPECT_TRUE(res->status == 404 || res->status == 400) << path << " -> " << res->status;
    EXPECT_EQ(res->body.find("root:"), std::string::npos);
  }
}

TEST(ServerApi, SecurityHeadersOnEveryAnswer) {
  LiveServer live;
  for (std::string path : {"/", "/api/learn", "/api/nope", "/nope"}) {
    auto res = live.client().Get(path.c_str());
    ASSERT_TRUE(res);
    std::string csp = res->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << path;
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path;
    EXPECT_EQ(res->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(res->get_header_value("Referrer-Policy"), "no-referrer") << path;
  }
}

TEST(ServerApi, ForeignHostIsRefused) {
  LiveServer live;
  auto res = live.client().Get("/api/session", {{"Host", "attacker.example:" + std::to_string(live.port())}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 403);
}

TEST(ServerApi, AppIsEmbeddedCompressedWithCacheHeaders) {
  LiveServer live;
  auto res = live.client().Get("/", {{"Accept-Encoding", "gzip"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Encoding"), "gzip");
  EXPECT_EQ(res->get_header_value("Cache-Control"), "no-cache");
  std::string etag = res->get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(live.client().Get("/", {{"If-None-Match", etag}})->status, 304);

  std::string html = live.client().Get("/")->body;
  EXPECT_NE(html.find("<div id=\"app\">"), std::string::npos);
  auto start = html.find("/assets/");
  ASSERT_NE(start, std::string::npos);
  std::string script = html.substr(start, html.find('"', start) - start);
  auto asset = live.client().Get(script.c_str());
  ASSERT_TRUE(asset);
  EXPECT_EQ(asset->status, 200);
  EXPECT_NE(asset->get_header_value("Cache-Control").find("immutable"), std::string::npos);
  EXPECT_EQ(html.find("<script>"), std::string::npos) << "no inline scripts";
}

TEST(ServerApi, JavaScriptIsUnder80KbGzipped) {
  std::size_t scripts = 0, gzipped = 0;
  for (const auto& asset : server::embedded_assets()) {
    if (asset.path.ends_with(".js") && asset.path.starts_with("/assets/")) {
      ++scripts;
      gzipped += asset.gzip.size();
    }
  }
  EXPECT_GE(scripts, 1u);
  EXPECT_LT(gzipped, 80u * 1024) << "the web app's JavaScript, gzipped";
}

TEST(ServerLan, RefusesUnpairedClientsAndPairsOnce) {
  std::vector<std::string> announced;
  LiveServer live(true, [&](const std::string& next) { announced.push_back(next); });
  std::string code = live.server().pairing_code();
  ASSERT_EQ(code.size(), 16u);
  EXPECT_EQ(live.client().Get("/api/learn")->status, 401);
  EXPECT_EQ(live.client().Get("/")->status, 401);
  EXPECT_EQ(live.client().Get("/pair?code=0000")->status, 401);

  auto paired = live.client().Get(("/pair?code=" + code).c_str());
  ASSERT_TRUE(paired);
  EXPECT_EQ(paired->status, 303);
  std::string cookie = paired->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  std::string session = cookie.substr(0, cookie.find(';'));
  EXPECT_EQ(live.client().Get("/api/learn", {{"Cookie", session}})->status, 200);
  EXPECT_EQ(live.client().Get("/", {{"Cookie", session}})->status, 200);

  // The code worked once; a second device needs the new one.
  EXPECT_EQ(live.client().Get(("/pair?code=" + code).c_str())->status, 401);
  EXPECT_NE(live.server().pairing_code(), code);
  EXPECT_EQ(announced, std::vector<std::string>{live.server().pairing_code()})
      << "the next code is announced";
  EXPECT_EQ(live.client().Get("/api/learn", {{"Cookie", "plantar_session=forged"}})->status, 401);
}

TEST(ServerLan, QrCodeIsDrawnWithHalfBlocks) {
  std::string qr = server::qr_text("http://192.168.1.20:8080/pair?code=0123456789abcdef");
  ASSERT_FALSE(qr.empty());
  EXPECT_NE(qr.find("\u2580"), std::string::npos);
  EXPECT_NE(qr.find("\u2584"), std::string::npos);
  std::size_t first_line = qr.find('\n');
  EXPECT_GT(std::count(qr.begin(), qr.end(), '\n'), 10);
  EXPECT_EQ(qr.substr(0, first_line).find(' '), std::string::npos) << "the quiet zone is light";
}

}  // namespace
}  // namespace plantar
