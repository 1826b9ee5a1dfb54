// Hosted mode against real servers and a real PostgreSQL: accounts and
// their cookies, login limits shared by every server, every per-person
// endpoint answering only for the signed-in person (tried with the other
// person's ids, cookies and share codes), sharing with a therapist, an
// account's deletion, and idempotent journal writes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pg_hosted_test_support.h"

namespace plantar::test {
namespace {

using nlohmann::json;

constexpr const char* session_body =
    R"({"start": "2026-11-20 21:30", "goals": ["sleep"], "before": {"stress": 7}, "after": {"stress": 3},
        "sore": [{"foot": "left", "region": "heel", "x": 0.5, "y": 0.5, "intensity": 6}], "note": "ann's evening"})";

TEST(PgHostedAccounts, SignUpLogInLogOutWithAStrictHttpOnlyCookie) {
  test::PgScratch pg;
  NEED_PG(pg);
  HostedServer server(pg.uri());
  Person ann{"Ann@Example.org"};
  auto res = ann.call(server, "POST", "/api/account",
                      R"({"email": "Ann@Example.org", "password": "a long password"})");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 201) << res->body;
  std::string set = res->get_header_value("Set-Cookie");
  EXPECT_EQ(set.rfind("plantar_account=", 0), 0u) << set;
  EXPECT_NE(set.find("; HttpOnly"), std::string::npos);
  EXPECT_NE(set.find("; SameSite=Strict"), std::string::npos);
  EXPECT_EQ(set.find("Secure"), std::string::npos);
  EXPECT_EQ(body_of(res)["email"], "ann@example.org");
  ann.cookie = set.substr(0, set.find(';'));
  EXPECT_EQ(body_of(ann.call(server, "GET", "/api/account"))["email"], "ann@example.org");
  // Tokens are stored hashed: the cookie's value is nowhere in the store.
  std::string token = ann.cookie.substr(ann.cookie.find('=') + 1);
  EXPECT_EQ(token.size(), 64u);
  EXPECT_EQ(pg.query("SELECT count(*) FROM login_sessions WHERE token_hash = '" + token + "'"), "0");
  EXPECT_EQ(pg.query("SELECT password_hash LIKE '$argon2id$%' FROM accounts"), "t");

  res = ann.call(server, "POST", "/api/logout", "{}");
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_TRUE(body_of(ann.call(server, "GET", "/api/account"))["email"].is_null());  // the old cookie is dead
  EXPECT_EQ(ann.call(server, "GET", "/api/journal")->status, 401);

  Person wrong{"ann@example.org"};
  EXPECT_EQ(wrong.enter(server, "not the password", true), 401);
  EXPECT_EQ(ann.enter(server, "a long password", true), 200);
  EXPECT_EQ(body_of(ann.call(server, "GET", "/api/account"))["email"], "ann@example.org");

  Person again{"ann@example.org"};
  res = again.call(server, "POST", "/api/account",
                   R"({"email": "ann@example.org", "password": "another password"})");
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(body_of(res)["field"], "email");
  res = again.call(server, "POST", "/api/account", R"({"email": "new@example.org", "password": "short"})");
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(body_of(res)["field"], "password");
  res = again.call(server, "POST", "/api/account",
                   R"({"email": "not an email", "password": "a long password"})");
  EXPECT_EQ(body_of(res)["field"], "email");
  res = again.call(server, "POST", "/api/account",
                   R"({"email": "x@example.org", "password": "a long password", "admin": true})");
  EXPECT_EQ(body_of(res)["field"], "admin");
}

TEST(PgHostedAccounts, CookiesAreSecureBehindAnHttpsProxy) {
  test::PgScratch pg;
  NEED_PG(pg);
  HostedServer server(pg.uri(), true);
  Person ann{"ann@example.org"};
  auto res = ann.call(server, "POST", "/api/account",
                      R"({"email": "ann@example.org", "password": "a long password"})");
  EXPECT_NE(res->get_header_value("Set-Cookie").find("; Secure"), std::string::npos);
}

TEST(PgHostedAccounts, LoginAttemptsAreLimitedPerAccountAndPerClientOnEveryServer) {
  test::PgScratch pg;
  NEED_PG(pg);
  HostedServer a(pg.uri(), true), b(pg.uri(), true);
  Person ann{"ann@example.org"};
  ASSERT_EQ(ann.enter(a), 201);
  // Five wrong passwords from five addresses: the account is locked for a while, on both servers.
  for (int i = 0; i < 5; ++i) {
    Person guess{"ann@example.org", "", "10.0.0." + std::to_string(i)};
    EXPECT_EQ(guess.enter(i % 2 ? a : b, "wrong password " + std::to_string(i), true), 401);
  }
  Person right{"ann@example.org", "", "10.0.1.1"};
  EXPECT_EQ(right.enter(b, "a long password", true), 429);
  // One address trying many accounts: stopped after 20 failures.
  Person bob{"bob@example.org"};
  ASSERT_EQ(bob.enter(a), 201);
  for (int i = 0; i < 20; ++i) {
    Person guess{"someone" + std::to_string(i) + "@example.org", "", "10.9.9.9"};
    EXPECT_EQ(guess.enter(a, "wrong password", true), 401);
  }
  Person bob_from_there{"bob@example.org", "", "10.9.9.9"};
  EXPECT_EQ(bob_from_there.enter(b, "a long password", true), 429);
  Person bob_elsewhere{"bob@example.org", "", "10.8.8.8"};
  EXPECT_EQ(bob_elsewhere.enter(b, "a long password", true), 200);
}

TEST(PgHostedIsolation, PersonalEndpointsNeedASessionKnowledgeStaysOpen) {
  test::PgScratch pg;
  NEED_PG(pg);
  HostedServer server(pg.uri());
  Person stranger("");
  for (const char* path : {"/api/journal", "/api/stats", "/api/card", "/api/map", "/api/shares",
                           "/api/clients", "/api/clients/1/card"})
    EXPECT_EQ(stranger.call(server, "GET", path)->status, 401) << path;
  EXPECT_TRUE(body_of(stranger.call(server, "GET", "/api/account"))["email"].is_null());
  for (const char* path : {"/api/journal", "/api/journal/morning", "/api/timeline", "/api/audio",
                           "/api/shares", "/api/shares/accept"})
    EXPECT_EQ(stranger.call(server, "POST", path, "{}")->status, 401) << path;
  EXPECT_EQ(stranger.call(server, "DELETE", "/api/account")->status, 401);
  Person forged{"", "plantar_account=" + std::string(64, 'a')};
  EXPECT_EQ(forged.call(server, "GET", "/api/journal")->status, 401);
  EXPECT_EQ(stranger.call(server, "GET", "/api/learn/goals")->status, 200);
  EXPECT_EQ(stranger.call(server, "POST", "/api/check", R"({"conditions": []})")->status, 200);
  EXPECT_EQ(stranger.call(server, "GET", "/api/ask?q=heel")->status, 200);
  auto session = stranger.call(server, "GET", "/api/session");
  EXPECT_EQ(body_of(session)["hosted"], true);
}

TEST(PgHostedIsolation, TwoAccountsNeverReachEachOthersRows) {
  test::PgScratch pg;
  NEED_PG(pg);
  HostedServer server(pg.uri());
  Person ann{"ann@example.org"}, bob{"bob@example.org"};
  ASSERT_EQ(ann.enter(server), 201);
  ASSERT_EQ(bob.enter(server), 201);
  auto res = ann.call(server, "POST", "/api/journal", session_body);
  ASSERT_EQ(res->status, 201) << res->body;
  std::string anns = std::to_string(body_of(res)["id"].get<long long>());
  ASSERT_EQ(
      bob.call(server, "POST", "/api/journal", R"({"start": "2026-11-21 08:00", "note": "bob's"})")->status,
      201);

  // Bob names Ann's session in every way a request can.
  EXPECT_EQ(bob.call(server, "PUT", "/api/journal/" + anns, R"({"note": "bob was here"})")->status, 404);
  EXPECT_EQ(bob.call(server, "DELETE", "/api/journal/" + anns)->status, 404);
  res = bob.call(server, "POST", "/api/journal/morning", R"({"sleep": 1, "session": )" + anns + "}");
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(body_of(res)["field"], "session");
  for (const char* path : {"/api/journal", "/api/journal?last=100&account=1&account_id=1"}) {
    auto mine = body_of(bob.call(server, "GET", path))["sessions"];
    ASSERT_EQ(mine.size(), 1u) << path;
    EXPECT_EQ(mine[0]["note"], "bob's");
  }
  EXPECT_EQ(body_of(bob.call(server, "GET", "/api/stats"))["sessions"], 1);
  auto sore_lines = [&](const Person& who) {
    return body_of(who.call(server, "GET", "/api/card?format=json"))["card"]["sections"]["sore"].dump();
  };
  EXPECT_EQ(sore_lines(bob).find("heel"), std::string::npos) << sore_lines(bob);  // not Ann's sore heel
  // Bob's foot map is the empty one: no sore spot of Ann's is drawn on it.
  EXPECT_EQ(bob.call(server, "GET", "/api/map")->body, bob.call(server, "GET", "/api/map?days=1")->body);
  EXPECT_NE(ann.call(server, "GET", "/api/map?days=3650")->body,
            bob.call(server, "GET", "/api/map?days=3650")->body);
  // Ann's session is as she wrote it.
  auto hers = body_of(ann.call(server, "GET", "/api/journal"))["sessions"];
  ASSERT_EQ(hers.size(), 1u);
  EXPECT_EQ(hers[0]["note"], "ann's evening");
  EXPECT_TRUE(hers[0]["morning"].empty());
  EXPECT_NE(sore_lines(ann).find("heel"), std::string::npos) << sore_lines(ann);
  // Bob's share list does not hold Ann's share, and he cannot revoke it.
  auto share = body_of(ann.call(server, "POST", "/api/shares", "{}"));
  EXPECT_EQ(bob.call(server, "DELETE", "/api/shares/" + std::to_string(share["id"].get<long long>()))->status,
            404);
  EXPECT_TRUE(body_of(bob.call(server, "GET", "/api/shares"))["shares"].empty());
  EXPECT_EQ(bob.call(server, "GET", "/api/clients/" + std::to_string(share["id"].get<long long>()) + "/card")
                ->status,
            404);
}

TEST(PgHostedSharing, ATherapistSeesAClientUntilTheClientRevokes) {
  test::PgScratch pg;
  NEED_PG(pg);
  HostedServer a(pg.uri()), b(pg.uri());
  Person ann{"ann@example.org"}, theo{"theo@example.org"}, carol{"carol@example.org"};
  ASSERT_EQ(ann.enter(a), 201);
  ASSERT_EQ(theo.enter(a), 201);
  ASSERT_EQ(carol.enter(a), 201);
  ASSERT_EQ(ann.call(a, "POST", "/api/journal", session_body)->status, 201);
  auto res = ann.call(a, "POST", "/api/shares", "{}");
  ASSERT_EQ(res->status, 201);
  auto share = body_of(res);
  std::string code = share["code"], id = std::to_string(share["id"].get<long long>());
  EXPECT_EQ(share["status"], "waiting");
  EXPECT_EQ(pg.query("SELECT count(*) FROM shares WHERE code_hash LIKE '%" + code.substr(0, 4) + "%'"), "0");

  EXPECT_EQ(ann.call(a, "POST", "/api/shares/accept", json{{"code", code}}.dump())->status, 400);  // her own
  // Typed in lower case, without dashes: still the code.
  std::string typed;
  for (char c : code)
    if (c != '-') typed += static_cast<char>(std::tolower(c));
  EXPECT_EQ(theo.call(b, "POST", "/api/shares/accept", json{{"code", typed}}.dump())->status, 200);
  EXPECT_EQ(carol.call(a, "POST", "/api/shares/accept", json{{"code", code}}.dump())->status, 409);  // used
  EXPECT_EQ(carol.call(a, "POST", "/api/shares/accept", R"({"code": "AAAA-BBBB-CCCC"})")->status, 404);

  auto clients = body_of(theo.call(a, "GET", "/api/clients"))["clients"];
  ASSERT_EQ(clients.size(), 1u);
  EXPECT_EQ(clients[0]["email"], "ann@example.org");
  EXPECT_EQ(clients[0]["id"].get<long long>(), share["id"].get<long long>());
  res = theo.call(b, "GET", "/api/clients/" + id + "/card?format=json");
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(body_of(res)["card"]["sections"]["sore"].dump().find("heel"), std::string::npos) << res->body;
  EXPECT_EQ(body_of(theo.call(a, "GET", "/api/clients/" + id + "/stats"))["sessions"], 1);
  EXPECT_EQ(theo.call(a, "GET", "/api/clients/" + id + "/card?format=html")->status, 200);
  // Read-only, and only card and stats; Carol sees nothing.
  EXPECT_EQ(theo.call(a, "POST", "/api/clients/" + id + "/card", "{}")->status, 405);
  EXPECT_EQ(theo.call(a, "GET", "/api/clients/" + id + "/journal")->status, 404);
  EXPECT_EQ(carol.call(a, "GET", "/api/clients/" + id + "/card")->status, 404);
  EXPECT_TRUE(body_of(carol.call(a, "GET", "/api/clients"))["clients"].empty());
  EXPECT_EQ(body_of(ann.call(a, "GET", "/api/shares"))["shares"][0]["therapist"], "theo@example.org");

  // Revoked through server a: server b refuses at once.
  EXPECT_EQ(ann.call(a, "DELETE", "/api/shares/" + id)->status, 200);
  EXPECT_EQ(theo.call(b, "GET", "/api/clients/" + id + "/card")->status, 404);
  EXPECT_EQ(theo.call(b, "GET", "/api/clients/" + id + "/stats")->status, 404);
  EXPECT_TRUE(body_of(theo.call(b, "GET", "/api/clients"))["clients"].empty());
  EXPECT_EQ(body_of(ann.call(b, "GET", "/api/shares"))["shares"][0]["status"], "revoked");

  // A code revoked before use, and one past its time.
  auto revoked = body_of(ann.call(a, "POST", "/api/shares", "{}"));
  ann.call(a, "DELETE", "/api/shares/" + std::to_string(revoked["id"].get<long long>()));
  res = carol.call(b, "POST", "/api/shares/accept", json{{"code", revoked["code"]}}.dump());
  EXPECT_EQ(res->status, 410);
  EXPECT_NE(body_of(res)["error"].get<std::string>().find("took this share code back"), std::string::npos);
  auto old = body_of(ann.call(a, "POST", "/api/shares", "{}"));
  pg.query("UPDATE shares SET expires = now() - interval '1 second' WHERE id = " +
           std::to_string(old["id"].get<long long>()));
  res = carol.call(b, "POST", "/api/shares/accept", json{{"code", old["code"]}}.dump());
  EXPECT_EQ(res->status, 410);
  EXPECT_NE(body_of(res)["error"].get<std::string>().find("expired"), std::string::npos);
  EXPECT_TRUE(body_of(carol.call(a, "GET", "/api/clients"))["clients"].empty());
}

TEST(PgHostedAccounts, DeletingAnAccountRemovesEveryRowOfIt) {
  test::PgScratch pg;
  NEED_PG(pg);
  HostedServer server(pg.uri());
  Person ann{"ann@example.org"}, bob{"bob@example.org"};
  ASSERT_EQ(ann.enter(server), 201);
  ASSERT_EQ(bob.enter(server), 201);
  ASSERT_EQ(ann.call(server, "POST", "/api/journal", session_body)->status, 201);
  ASSERT_EQ(bob.call(server, "POST", "/api/journal", session_body)->status, 201);
  auto share = body_of(ann.call(server, "POST", "/api/shares", "{}"));
  ASSERT_EQ(bob.call(server, "POST", "/api/shares/accept", json{{"code", share["code"]}}.dump())->status,
            200);
  auto bobs_share = body_of(bob.call(server, "POST", "/api/shares", "{}"));
  ASSERT_EQ(ann.call(server, "POST", "/api/shares/accept", json{{"code", bobs_share["code"]}}.dump())->status,
            200);
  Person wrong{"ann@example.org"};
  wrong.enter(server, "wrong password", true);
  std::string old_cookie = ann.cookie;

  auto res = ann.call(server, "DELETE", "/api/account");
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(pg.query("SELECT count(*) FROM accounts WHERE email = 'ann@example.org'"), "0");
  EXPECT_EQ(pg.query("SELECT count(*) FROM sessions"), "1");  // Bob's
  EXPECT_EQ(pg.query("SELECT count(*) FROM ratings"), "2");   // Bob's before and after
  EXPECT_EQ(pg.query("SELECT count(*) FROM sore_spots"), "1");
  EXPECT_EQ(pg.query("SELECT count(*) FROM shares"), "0");  // hers, and Bob's to her
  EXPECT_EQ(pg.query("SELECT count(*) FROM login_sessions"), "1");
  EXPECT_EQ(pg.query("SELECT count(*) FROM login_attempts WHERE key LIKE 'account:ann%'"), "0");
  EXPECT_EQ(Person("", old_cookie).call(server, "GET", "/api/journal")->status, 401);
  EXPECT_TRUE(body_of(bob.call(server, "GET", "/api/clients"))["clients"].empty());
  EXPECT_EQ(body_of(bob.call(server, "GET", "/api/journal"))["sessions"].size(), 1u);
}

TEST(PgHostedJournal, AnIdempotencyKeyStoresAWriteOnceAcrossServers) {
  test::PgScratch pg;
  NEED_PG(pg);
  HostedServer a(pg.uri()), b(pg.uri());
  EXPECT_EQ(a.token(), b.token());  // one CSRF token for the whole store
  Person ann{"ann@example.org"};
  ASSERT_EQ(ann.enter(a), 201);
  auto first = ann.call(a, "POST", "/api/journal", session_body, {{"Idempotency-Key", "try-1"}});
  auto retry = ann.call(b, "POST", "/api/journal", session_body, {{"Idempotency-Key", "try-1"}});
  ASSERT_EQ(first->status, 201);
  ASSERT_EQ(retry->status, 201);
  EXPECT_EQ(body_of(first)["id"], body_of(retry)["id"]);
  EXPECT_EQ(ann.call(b, "POST", "/api/journal", session_body, {{"Idempotency-Key", "try-2"}})->status, 201);
  EXPECT_EQ(body_of(ann.call(b, "GET", "/api/journal"))["sessions"].size(), 2u);
  auto res = ann.call(a, "POST", "/api/journal", session_body, {{"Idempotency-Key", std::string(201, 'k')}});
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(body_of(res)["field"], "Idempotency-Key");
  // Morning, correction and deletion through the other server.
  std::string id = std::to_string(body_of(first)["id"].get<long long>());
  EXPECT_EQ(body_of(ann.call(b, "POST", "/api/journal/morning",
                             R"({"sleep": 8, "session": )" + id + "}"))["morning"]["sleep"],
            8);
  // The same handlers as the one-person server: an unknown field is refused, even when null.
  res = ann.call(b, "POST", "/api/journal/morning", R"({"sleep": 8, "mood": null})");
  EXPECT_EQ(res->status, 400) << res->body;
  EXPECT_EQ(body_of(res)["field"], "mood");
  EXPECT_EQ(
      ann.call(b, "PUT", "/api/journal/" + id, R"({"start": "2026-11-20 21:30", "note": "fixed"})")->status,
      200);
  EXPECT_EQ(body_of(ann.call(a, "GET", "/api/journal"))["sessions"][0]["note"], "fixed");
  EXPECT_EQ(ann.call(a, "DELETE", "/api/journal/" + id)->status, 200);
  EXPECT_EQ(body_of(ann.call(b, "GET", "/api/journal"))["sessions"].size(), 1u);
}

}  // namespace
}  // namespace plantar::test
