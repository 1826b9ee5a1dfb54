// Hosted mode's front door: which areas are open, which need a session,
// and the journal each request is answered from.
#include "hosted.h"

#include <set>

#include "http_rules.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"

namespace plantar::server {
namespace {

// Knowledge: the same for everyone, no session needed.
const std::set<std::string>& open_areas() {
  static const std::set<std::string> areas = {"check",    "plan", "learn", "regions",
                                              "pictures", "ask",  "places"};
  return areas;
}

std::vector<std::string> path_parts(const std::string& path) {
  auto parts = split_path(path);
  if (!parts.empty() && parts[0] == "api") parts.erase(parts.begin());
  return parts;
}

}  // namespace

Hosted::Hosted(const store_pg::Options& options, bool secure_cookies)
    : db_(options), accounts_(db_), secure_(secure_cookies) {}

std::unique_ptr<HostedMode> open_hosted(const std::string& store_uri, bool secure_cookies) {
  return std::make_unique<Hosted>(store_pg::Options{store_uri}, secure_cookies);
}

std::string Hosted::cookie(const std::string& token, bool clear) const {
  std::string value =
      std::string(account_cookie) + "=" + (clear ? "" : token) + "; Path=/; HttpOnly; SameSite=Strict";
  value += clear ? "; Max-Age=0" : "; Max-Age=" + std::to_string(accounts::session_days * 24 * 3600);
  if (secure_) value += "; Secure";
  return value;
}

Reply Hosted::answer(const Api& sources, const HostedCall& call) {
  try {
    auto parts = path_parts(call.path);
    if (parts.empty()) return error_reply(404, "no such API: " + call.path);
    const std::string& area = parts[0];
    if (area == "account" || area == "login" || area == "logout" || area == "password")
      return account_api(call, parts);
    if (open_areas().count(area))
      return server::answer(sources, call.method, call.path, call.body, call.query);
    // Everything else is one person's: the account comes from the session alone.
    std::int64_t me = accounts_.account_of(cookie_value(call.cookie, account_cookie));
    if (me == 0) return error_reply(401, "log in first: this page shows your own journal");
    if (area == "shares") return share_api(sources, call, me, parts);
    if (area == "clients") return client_api(sources, call, me, parts);
    Api mine = sources;
    mine.journal = "";  // never the server's own file
    mine.person = store_pg::open_journal(db_, me);
    mine.idempotency_key = call.idempotency_key;
    return server::answer(mine, call.method, call.path, call.body, call.query);
  } catch (const BadInput& e) {
    return error_reply(400, e.what(), e.where());
  } catch (const Failure& e) {
    return error_reply(503, std::string("the store could not answer, try again: ") + e.what());
  }
}

}  // namespace plantar::server
