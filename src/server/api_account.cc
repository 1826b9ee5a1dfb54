// Hosted mode's accounts: sign up, log in, log out, who am I, change my
// password, delete me. Sign-up and log-in set the HttpOnly, SameSite=Strict
// session cookie (Secure behind an HTTPS proxy); log-out and deletion clear it.
#include <nlohmann/json.hpp>

#include "hosted.h"
#include "http_rules.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"

namespace plantar::server {
namespace {

using json_io::Json;

// A body of exactly two text fields, {"first": "...", "second": "..."}: each
// missing one is named with `ask_first` or `ask_second`.
std::pair<std::string, std::string> two_texts(const std::string& body, const std::string& first,
                                              const std::string& second, const std::string& ask_first,
                                              const std::string& ask_second) {
  std::string expected = "\"" + first + "\" and \"" + second + "\"";
  Json json = json_io::parse(body, "body");
  if (!json.is_object())
    throw BadInput("body", "expected {\"" + first + "\": \"...\", \"" + second + "\": \"...\"}");
  for (const auto& [key, value] : json.items()) {
    if (key != first && key != second) throw BadInput(key, "unknown field: expected " + expected);
    if (!value.is_string()) throw BadInput(key, "expected text");
  }
  if (!json.contains(first)) throw BadInput(first, ask_first);
  if (!json.contains(second)) throw BadInput(second, ask_second);
  return {json[first].get<std::string>(), json[second].get<std::string>()};
}

// {"email": "...", "password": "..."}
std::pair<std::string, std::string> credentials(const std::string& body) {
  return two_texts(body, "email", "password", "give your email address", "give your password");
}

// {"current": "...", "new": "..."}
std::pair<std::string, std::string> password_change(const std::string& body) {
  return two_texts(body, "current", "new", "give your current password", "give the new password");
}

Reply json_reply(int status, const Json& json) { return {status, json.dump(2) + "\n", "application/json"}; }

}  // namespace

Reply Hosted::signed_in(int status, const accounts::Session& session) {
  Reply reply = json_reply(status, Json{{"email", accounts_.email_of(session.account)}});
  reply.set_cookie = cookie(session.token, false);
  return reply;
}

Reply Hosted::account_api(const HostedCall& call, const std::vector<std::string>& parts) {
  if (parts.size() != 1) return error_reply(404, "no such API: " + call.path);
  std::string token = cookie_value(call.cookie, account_cookie);
  if (parts[0] == "login") {
    if (call.method != "POST") return error_reply(405, "use POST for /api/login");
    auto [email, password] = credentials(call.body);
    auto login = accounts_.log_in(email, password, call.client);
    if (login.result == accounts::LoginResult::too_many)
      return error_reply(429, "too many wrong tries: wait 15 minutes, then try again", "password");
    if (login.result == accounts::LoginResult::wrong)
      return error_reply(401, "this email and password do not match an account", "password");
    return signed_in(200, login.session);
  }
  if (parts[0] == "logout") {
    if (call.method != "POST") return error_reply(405, "use POST for /api/logout");
    if (!token.empty()) accounts_.log_out(token);
    Reply reply = json_reply(200, Json{{"logged_out", true}});
    reply.set_cookie = cookie("", true);
    return reply;
  }
  if (parts[0] == "password") return password_api(call, token);
  if (call.method == "POST") {
    auto [email, password] = credentials(call.body);
    return signed_in(201, accounts_.sign_up(email, password));
  }
  std::int64_t me = accounts_.account_of(token);
  // Who am I: null when no one is logged in (the app asks before showing its sign-in form).
  if (call.method == "GET" || call.method == "HEAD")
    return json_reply(200, Json{{"email", me == 0 ? Json() : Json(accounts_.email_of(me))}});
  if (me == 0) return error_reply(401, "log in first");
  if (call.method != "DELETE") return error_reply(405, "use GET, POST or DELETE for /api/account");
  accounts_.delete_account(me);
  Reply reply = json_reply(200, Json{{"deleted", true}});
  reply.set_cookie = cookie("", true);
  return reply;
}

// POST /api/password {"current", "new"}: the signed-in person's own account
// only (from the cookie). A wrong current password counts as a failed login;
// every other session of the account ends, this one stays signed in.
Reply Hosted::password_api(const HostedCall& call, const std::string& token) {
  if (call.method != "POST") return error_reply(405, "use POST for /api/password");
  std::int64_t me = accounts_.account_of(token);
  if (me == 0) return error_reply(401, "log in first");
  auto [current, next] = password_change(call.body);
  switch (accounts_.change_password(me, current, next, call.client, token)) {
    case accounts::LoginResult::too_many:
      return error_reply(429, "too many wrong tries: wait 15 minutes, then try again", "current");
    case accounts::LoginResult::wrong:
      return error_reply(401, "this is not your current password", "current");
    case accounts::LoginResult::ok: break;
  }
  return json_reply(200, Json{{"email", accounts_.email_of(me)}, {"password_changed", true}});
}

}  // namespace plantar::server
