// Every answer of the server carries the security headers once: computed
// API answers, answers refused from the headers (413, 415), the dispatcher's
// early refusals (invalid UTF-8), the app's files and errors. The server adds
// them where it hands each answer to libmicrohttpd.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "server_test_support.h"

namespace plantar {
namespace {

const std::vector<std::string> security = {
    "Content-Security-Policy",    "X-Content-Type-Options",       "Referrer-Policy",   "X-Frame-Options",
    "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy", "Permissions-Policy"};

void expect_security_headers_once(const httplib::Result& res, const std::string& what) {
  ASSERT_TRUE(res) << what;
  for (const auto& name : security) EXPECT_EQ(res->get_header_value_count(name), 1u) << what << ": " << name;
}

TEST(ServerHeaders, EveryKindOfAnswerCarriesTheSecurityHeadersOnce) {
  test::LiveServer live;
  auto client = live.client();
  auto plan = live.post("/api/plan", R"({"goals": ["sleep"], "minutes": 10})");
  EXPECT_EQ(plan->status, 200);
  expect_security_headers_once(plan, "computed plan");
  expect_security_headers_once(live.post("/api/plan", R"({"goals": ["sleep"], "minutes": 10})"),
                               "cached plan");
  auto bad_path = client.Get("/%ff");
  EXPECT_EQ(bad_path->status, 400);
  expect_security_headers_once(bad_path, "invalid UTF-8 path");
  auto too_big = client.Post("/api/plan", {{"X-Plantar-Token", live.server().csrf_token()}},
                             std::string(70 * 1024, ' '), "application/json");
  ASSERT_TRUE(too_big);
  EXPECT_EQ(too_big->status, 413);
  expect_security_headers_once(too_big, "413");
  auto missing = client.Get("/api/nothing-here");
  EXPECT_EQ(missing->status, 404);
  expect_security_headers_once(missing, "404");
  expect_security_headers_once(client.Get("/"), "index.html");
  expect_security_headers_once(live.stranger().Get("/api/learn"), "401 to a stranger");
}

}  // namespace
}  // namespace plantar
