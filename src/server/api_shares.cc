// Hosted mode's sharing: a client's share codes (make, list, revoke), a
// therapist accepting one, and the therapist's read-only view of each
// client: the card and the stats, from the client's journal. A client the
// therapist may not see is "not found", the same as one that does not exist.
#include <nlohmann/json.hpp>

#include "hosted.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"

namespace plantar::server {
namespace {

using json_io::Json;

Reply json_reply(int status, const Json& json) { return {status, json.dump(2) + "\n", "application/json"}; }

Json share_json(const accounts::Share& share) {
  return {{"id", share.id},
          {"created", share.created},
          {"expires", share.expires},
          {"therapist", share.therapist},
          {"status", share.status}};
}

std::optional<std::int64_t> number(const std::string& part) {
  if (part.empty() || part.size() > 18 || part.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(part);
}

Reply accepted(accounts::AcceptResult result) {
  switch (result) {
    case accounts::AcceptResult::ok: return json_reply(200, Json{{"accepted", true}});
    case accounts::AcceptResult::unknown:
      return error_reply(404, "there is no such share code: check it", "code");
    case accounts::AcceptResult::expired:
      return error_reply(410, "this share code has expired: ask your client for a new one", "code");
    case accounts::AcceptResult::revoked:
      return error_reply(410, "your client took this share code back", "code");
    case accounts::AcceptResult::used: return error_reply(409, "this share code was used already", "code");
    case accounts::AcceptResult::own: return error_reply(400, "this is your own share code", "code");
  }
  return error_reply(500, "unexpected share result");
}

std::string code_of(const std::string& body) {
  Json json = json_io::parse(body, "body");
  if (!json.is_object() || !json.contains("code") || !json["code"].is_string())
    throw BadInput("code", "expected {\"code\": \"ABCD-EFGH-JKMN\"}");
  return json["code"].get<std::string>();
}

}  // namespace

Reply Hosted::share_api(const Api&, const HostedCall& call, std::int64_t me,
                        const std::vector<std::string>& parts) {
  if (parts.size() == 1) {
    if (call.method == "POST") {
      auto [share, code] = accounts_.create_share(me);
      Json out = share_json(share);
      out["code"] = code;
      return json_reply(201, out);
    }
    if (call.method != "GET" && call.method != "HEAD")
      return error_reply(405, "use GET or POST for /api/shares");
    Json list = Json::array();
    for (const auto& share : accounts_.shares(me)) list.push_back(share_json(share));
    return json_reply(200, Json{{"shares", list}});
  }
  if (parts.size() == 2 && parts[1] == "accept") {
    if (call.method != "POST") return error_reply(405, "use POST for /api/shares/accept");
    return accepted(accounts_.accept_share(me, code_of(call.body)));
  }
  auto id = parts.size() == 2 ? number(parts[1]) : std::nullopt;
  if (!id) return error_reply(404, "no such API: " + call.path);
  if (call.method != "DELETE") return error_reply(405, "use DELETE for /api/shares/ID");
  if (!accounts_.revoke_share(me, *id)) return error_reply(404, "you have no share " + parts[1], "id");
  return json_reply(200, Json{{"revoked", *id}});
}

Reply Hosted::client_api(const Api& sources, const HostedCall& call, std::int64_t me,
                         const std::vector<std::string>& parts) {
  if (call.method != "GET" && call.method != "HEAD") return error_reply(405, "use GET for /api/clients");
  if (parts.size() == 1) {
    Json list = Json::array();
    for (const auto& client : accounts_.clients(me))
      list.push_back({{"id", client.id}, {"email", client.email}, {"since", client.since}});
    return json_reply(200, Json{{"clients", list}});
  }
  auto id = number(parts[1]);
  if (parts.size() != 3 || !id || (parts[2] != "card" && parts[2] != "stats"))
    return error_reply(404, "no such API: " + call.path);
  std::int64_t client = accounts_.client_of(me, *id);
  if (client == 0) return error_reply(404, "you have no client " + parts[1], "id");
  Api theirs = sources;
  theirs.journal = "";
  theirs.person = store_pg::open_journal(db_, client);
  return server::answer(theirs, "GET", "/api/" + parts[2], "", call.query);
}

}  // namespace plantar::server
