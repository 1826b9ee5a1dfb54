// Hosted mode's /api/journal and /api/stats: the same requests and JSON as
// the single-person server (api_journal.cc), answered from the signed-in
// person's journal in the PostgreSQL store. A POST with an Idempotency-Key
// header is stored once however often it is sent (a client's retry).
#include <algorithm>
#include <nlohmann/json.hpp>

#include "plantar/app_journal.h"
#include "plantar/errors.h"
#include "plantar/insights.h"
#include "plantar/journal_io.h"
#include "plantar/json_io.h"
#include "plantar/pg_store.h"
#include "query_params.h"
#include "routes.h"

namespace plantar::server {
namespace {

using journal_io::Json;

constexpr std::size_t max_key = 200;
constexpr int default_last = 20;  // as `plantar history`

Reply json_reply(int status, const Json& json) { return {status, json.dump(2) + "\n", "application/json"}; }

Reply record(const Api& api, const Request& request) {
  if (api.idempotency_key.size() > max_key) throw BadInput("Idempotency-Key", "use at most 200 characters");
  journal::Session session = read_session(api.kb, request.body);
  session.id = api.person->record_session_once(session, api.idempotency_key);
  return json_reply(201, journal_io::to_json(session));
}

Reply correct(const Api& api, const Request& request) {
  auto id = session_id(request.parts[1]);
  if (!id) return error_reply(400, "expected a session number, got '" + request.parts[1] + "'", "id");
  std::string missing = "there is no session " + request.parts[1] + " in the journal";
  if (request.method == "DELETE") {
    if (!api.person->delete_session(*id)) return error_reply(404, missing);
    return json_reply(200, Json{{"deleted", *id}});
  }
  if (request.method != "PUT") return error_reply(405, "use PUT or DELETE for /api/journal/ID");
  journal::Session session = read_session(api.kb, request.body);
  session.id = *id;
  if (!api.person->replace_session(session)) return error_reply(404, missing);
  return json_reply(200, journal_io::to_json(session));
}

// {"sleep": 7, "heel_pain": 3, "session": 12}; without "session", the latest.
Reply morning(const Api& api, const Request& request) {
  if (request.method != "POST") return error_reply(405, "use POST for /api/journal/morning");
  Json body = json_io::parse(request.body, "body");
  if (!body.is_object()) throw BadInput("body", "expected {\"sleep\": 7, \"heel_pain\": 3}");
  std::optional<std::int64_t> wanted;
  journal::Ratings ratings;
  for (const auto& [key, value] : body.items()) {
    if (value.is_null()) continue;
    if (key == "session") {
      if (!json_io::whole_in(value, 1, 999999999999999999LL))
        throw BadInput("session", "expected a session number (see /api/journal)");
      wanted = value.get<std::int64_t>();
    } else if (std::find(journal::morning_measures.begin(), journal::morning_measures.end(), key) !=
               journal::morning_measures.end()) {
      if (!json_io::whole_in(value, journal::min_rating, journal::max_rating))
        throw BadInput(key, "expected a whole number from 0 to 10");
      ratings[key] = value.get<int>();
    } else {
      throw BadInput(key, "unknown field: expected \"sleep\", \"heel_pain\" or \"session\"");
    }
  }
  if (ratings.empty()) throw BadInput("sleep", "give \"sleep\" or \"heel_pain\" (0 to 10)");
  journal::Session target;
  try {
    target = app::morning_target(*api.person, wanted, {}, "");
  } catch (const BadInput& e) {
    // It names the CLI's flags: "--session" and "--morning" become the field here.
    throw BadInput("session", std::string(e.what()).substr(e.where().size() + 2));
  }
  api.person->record_morning(target.id, ratings);
  for (const auto& [measure, value] : ratings) target.morning[measure] = value;
  return json_reply(200, journal_io::to_json(target));
}

}  // namespace

Reply person_journal_api(const Api& api, const Request& request) {
  const auto& parts = request.parts;
  if (parts.size() == 2 && parts[0] == "journal" && parts[1] == "morning") return morning(api, request);
  if (parts.size() == 2 && parts[0] == "journal") return correct(api, request);
  if (parts.size() != 1) return not_found(request);
  if (parts[0] == "stats") {
    if (!request.get()) return error_reply(405, "use GET for /api/stats");
    return json_reply(200, app::stats_json(api.person.get(), app::now_local()));
  }
  if (request.method == "POST") return record(api, request);
  if (!request.get()) return error_reply(405, "use GET or POST for /api/journal");
  int last = int_param(request, "last", default_last, 1, 1000000);
  // Through the index on the start time: the cost of N sessions, not of the history.
  return json_reply(200, app::history_json(app::last_sessions(api.person.get(), last)));
}

}  // namespace plantar::server
