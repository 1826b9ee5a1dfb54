// Changing a password in hosted mode, against real servers and a real
// PostgreSQL: POST /api/password for the signed-in person only (the account
// comes from the cookie, never from the body), other sessions ended, wrong
// current passwords counted like failed logins; and the operator's
// `plantar account password`, which lets an account made by import log in.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "pg_hosted_test_support.h"
#include "plantar/accounts.h"
#include "plantar/pg_store.h"
#include "test_support.h"

namespace plantar::test {
namespace {

using nlohmann::json;

std::string change(const std::string& current, const std::string& next) {
  return json{{"current", current}, {"new", next}}.dump();
}

TEST(PgHostedPassword, ChangingItEndsTheOtherSessionsOfThatAccountOnly) {
  test::PgScratch pg;
  NEED_PG(pg);
  HostedServer a(pg.uri()), b(pg.uri());
  Person ann{"ann@example.org"}, ann_phone{"ann@example.org"}, bob{"bob@example.org"};
  ASSERT_EQ(ann.enter(a), 201);
  ASSERT_EQ(ann_phone.enter(b, "a long password", true), 200);
  ASSERT_EQ(bob.enter(a, "bob's long password"), 201);

  EXPECT_EQ(
      Person{""}.call(a, "POST", "/api/password", change("a long password", "ann's new password"))->status,
      401);
  auto res = ann.call(a, "GET", "/api/password");
  EXPECT_EQ(res->status, 405);
  res = ann.call(a, "POST", "/api/password", change("a long password", "short"));
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(body_of(res)["field"], "new") << res->body;
  res = ann.call(a, "POST", "/api/password", R"({"current": "a long password"})");
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(body_of(res)["field"], "new") << res->body;
  // No request can name another account: the body has no such field.
  res =
      ann.call(a, "POST", "/api/password",
               R"({"current": "a long password", "new": "ann's new password", "email": "bob@example.org"})");
  EXPECT_EQ(res->status, 400);
  EXPECT_EQ(body_of(res)["field"], "email") << res->body;
  // Bob's cookie with Ann's password changes nothing: the current password is checked against Bob's.
  res = bob.call(b, "POST", "/api/password", change("a long password", "taken over now"));
  EXPECT_EQ(res->status, 401);
  EXPECT_EQ(body_of(res)["field"], "current") << res->body;

  res = ann.call(a, "POST", "/api/password", change("a long password", "ann's new password"));
  ASSERT_EQ(res->status, 200) << res->body;
  EXPECT_EQ(body_of(res)["email"], "ann@example.org");
  EXPECT_EQ(ann.call(b, "GET", "/api/journal")->status, 200);        // this session stays, on every server
  EXPECT_EQ(ann_phone.call(a, "GET", "/api/journal")->status, 401);  // the other one ended
  EXPECT_EQ(bob.call(b, "GET", "/api/journal")->status, 200);        // another account's sessions stay
  Person again{"ann@example.org"};
  EXPECT_EQ(again.enter(b, "a long password", true), 401);
  EXPECT_EQ(again.enter(b, "ann's new password", true), 200);
  Person bob_again{"bob@example.org"};
  EXPECT_EQ(bob_again.enter(a, "bob's long password", true), 200);
  EXPECT_EQ(bob_again.enter(a, "taken over now", true), 401);
}

TEST(PgHostedPassword, WrongCurrentPasswordsCountAsFailedLogins) {
  test::PgScratch pg;
  NEED_PG(pg);
  HostedServer server(pg.uri());
  Person ann{"ann@example.org"};
  ASSERT_EQ(ann.enter(server), 201);
  for (int i = 0; i < accounts::max_account_failures; ++i)
    EXPECT_EQ(
        ann.call(server, "POST", "/api/password", change("guess " + std::to_string(i), "a new password"))
            ->status,
        401);
  auto res = ann.call(server, "POST", "/api/password", change("a long password", "a new password"));
  EXPECT_EQ(res->status, 429);
  Person at_login{"ann@example.org"};
  EXPECT_EQ(at_login.enter(server, "a long password", true), 429);  // the same count as logins
  EXPECT_EQ(ann.call(server, "GET", "/api/journal")->status, 200);  // still signed in, nothing changed
}

TEST(PgCliAccount, TheOperatorSetsAPasswordAndEndsThatAccountsSessions) {
  test::PgScratch pg;
  NEED_PG(pg);
  store_pg::Database db(store_pg::Options{pg.uri()});
  accounts::Accounts accounts(db);
  std::int64_t sam = db.ensure_account("sam@example.org");  // as `plantar import --store` makes it
  auto ann = accounts.sign_up("ann@example.org", "ann's long password");
  EXPECT_EQ(accounts.log_in("sam@example.org", "sam's new password", "test").result,
            accounts::LoginResult::wrong);

  auto run = test::run_plantar(
      {"account", "password", "--store", pg.uri(), "--account", " Sam@Example.org ", "--json"},
      "sam's new password\n");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_EQ(json::parse(run.out),
            (json{{"account", "sam@example.org"}, {"password_set", true}, {"sessions_ended", 0}}));
  auto login = accounts.log_in("sam@example.org", "sam's new password", "test");
  ASSERT_EQ(login.result, accounts::LoginResult::ok);
  EXPECT_EQ(login.session.account, sam);

  // A second reset ends the session the first password opened, and no one else's.
  run = test::run_plantar({"account", "password", "--store", pg.uri(), "--account", "sam@example.org"},
                          "a temporary password\n");
  ASSERT_EQ(run.status, 0) << run.err;
  EXPECT_NE(run.out.find("Set a new password for sam@example.org. 1 sign-in session ended"),
            std::string::npos)
      << run.out;
  EXPECT_EQ(accounts.account_of(login.session.token), 0);
  EXPECT_EQ(accounts.account_of(ann.token), ann.account);
  EXPECT_EQ(accounts.log_in("sam@example.org", "a temporary password", "test").result,
            accounts::LoginResult::ok);
  EXPECT_EQ(accounts.log_in("ann@example.org", "ann's long password", "test").result,
            accounts::LoginResult::ok);

  // Bad input: exit 2 naming what is wrong, the password unchanged.
  run = test::run_plantar({"account", "password", "--store", pg.uri(), "--account", "sam@example.org"},
                          "short\n");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("password: use at least 10 characters"), std::string::npos) << run.err;
  run = test::run_plantar({"account", "password", "--store", pg.uri(), "--account", "sam@example.org"}, "");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("standard input"), std::string::npos) << run.err;
  run = test::run_plantar({"account", "password", "--store", pg.uri(), "--account", "nobody@example.org"},
                          "a long password\n");
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("--account: there is no account nobody@example.org"), std::string::npos) << run.err;
  run = test::run_plantar(
      {"account", "password", "--store", "sqlite:journal.db", "--account", "sam@example.org"},
      "a long password\n");
  EXPECT_EQ(run.status, 2);
  EXPECT_EQ(
      test::run_plantar({"account", "password", "--account", "sam@example.org"}, "a long password\n").status,
      2);
  EXPECT_EQ(test::run_plantar({"account"}).status, 2);
  EXPECT_EQ(accounts.log_in("sam@example.org", "a temporary password", "test").result,
            accounts::LoginResult::ok);
}

}  // namespace
}  // namespace plantar::test
