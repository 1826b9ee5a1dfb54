// /api/journal and /api/stats: the journal of `plantar history`, `plantar log`
// and `plantar stats`, in the same JSON (plantar/app_journal.h). Reading never
// creates the journal file (a server with none answers as an empty journal);
// a session is checked in full before anything is written. In hosted mode the
// same answers come from the signed-in person's journal in PostgreSQL.
#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "plantar/app_journal.h"
#include "plantar/errors.h"
#include "plantar/journal_io.h"
#include "plantar/json_io.h"
#include "plantar/pg_store.h"
#include "query_params.h"
#include "routes.h"

namespace plantar::server {
namespace {

using journal_io::Json;

// The goals, techniques, minutes and step count of the routine the session followed.
void fill_from_routine(const Json& routine, Json& body) {
  if (!routine.is_object() || !routine.contains("steps") || !routine["steps"].is_array())
    throw BadInput("routine", "expected the JSON of 'plantar plan --json' (with \"steps\")");
  Json goals = Json::array(), techniques = Json::array();
  for (const auto& step : routine["steps"]) {
    if (!step.is_object() || !step.contains("technique") || !step["technique"].is_string())
      throw BadInput("routine", "every step needs a \"technique\"");
    if (std::find(techniques.begin(), techniques.end(), step["technique"]) == techniques.end())
      techniques.push_back(step["technique"]);
    if (step.contains("goals") && step["goals"].is_array())
      for (const auto& goal : step["goals"])
        if (goal.is_string() && std::find(goals.begin(), goals.end(), goal) == goals.end())
          goals.push_back(goal);
  }
  if (!body.contains("goals")) body["goals"] = goals;
  if (!body.contains("techniques")) body["techniques"] = techniques;
  if (!body.contains("minutes") && routine.contains("total_seconds")) {
    // Checked before the arithmetic: a day at most.
    if (!json_io::whole_in(routine["total_seconds"], 0, 24 * 3600))
      throw BadInput("routine.total_seconds", "expected a whole number of seconds from 0 to 86400");
    body["minutes"] = (routine["total_seconds"].get<int>() + 30) / 60;
  }
  if (!body.contains("steps_total")) body["steps_total"] = routine["steps"].size();
}

// The session of a POST or PUT to /api/journal: the JSON of one session as
// `plantar history --json` prints it, where "start" defaults to now and a
// "routine" fills in the goals, techniques and minutes. Throws BadInput
// naming the field.
journal::Session read_session(const kb::KnowledgeBase& kb, const std::string& text) {
  Json body = json_io::parse(text, "body");
  if (!body.is_object())
    throw BadInput("body", "expected a session object like {\"after\": {\"stress\": 3}}");
  body.erase("id");
  if (!body.contains("start") || body["start"].is_null()) body["start"] = format_timestamp(app::now_local());
  if (body.contains("routine") && !body["routine"].is_null()) fill_from_routine(Json(body["routine"]), body);
  try {
    journal::Session session = journal_io::session_from_json(body, "");
    journal::check_known_ids(kb, session, "goals", "techniques");
    return session;
  } catch (const BadInput& e) {
    // session_from_json names fields ".before.stress": the request's own terms drop the dot.
    if (e.where().empty() || e.where()[0] != '.') throw;
    std::string message = std::string(e.what()).substr(e.where().size() + 2);
    throw BadInput(e.where().substr(1), message);
  }
}

// The ID of /api/journal/ID: digits only, 1 to 18 of them (no overflow).
std::optional<std::int64_t> session_id(const std::string& part) {
  if (part.empty() || part.size() > 18 || part.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(part);
}

// Where the journal areas read and write: in hosted mode the signed-in
// person's journal (api.person), else the journal file. The same handlers
// answer both, so the two modes cannot drift apart.

// The journal to read: nullptr when the file does not exist yet (an empty journal).
std::shared_ptr<const journal::Journal> reading(const Api& api) {
  if (api.person != nullptr) return api.person;
  if (api.journal.empty()) return nullptr;
  return app::read_journal(api.journal);
}

// The journal to write, or nullptr when the server was started with no journal file.
std::shared_ptr<journal::Journal> writing(const Api& api) {
  if (api.person != nullptr) return api.person;
  if (api.journal.empty()) return nullptr;
  return app::open_journal(api.journal);
}

Reply no_journal() { return error_reply(503, "this server has no journal file (start it with --db)"); }

Reply json_reply(int status, const Json& json) { return {status, json.dump(2) + "\n", "application/json"}; }

constexpr std::size_t max_key = 200;

// A POST with an Idempotency-Key header (hosted mode) is stored once however
// often it is sent (a client's retry).
Reply record(const Api& api, const Request& request) {
  if (api.person != nullptr && api.idempotency_key.size() > max_key)
    throw BadInput("Idempotency-Key", "use at most 200 characters");
  auto store = writing(api);
  if (!store) return no_journal();
  journal::Session session = read_session(api.kb, request.body);
  session.id = api.person != nullptr ? api.person->record_session_once(session, api.idempotency_key)
                                     : store->record_session(session);
  return json_reply(201, journal_io::to_json(session));
}

// PUT /api/journal/ID replaces the session with the body (the same fields as
// a POST); DELETE /api/journal/ID removes it. 404 when there is no such session.
Reply correct(const Api& api, const Request& request) {
  auto id = session_id(request.parts[1]);
  if (!id) return error_reply(400, "expected a session number, got '" + request.parts[1] + "'", "id");
  if (request.method != "PUT" && request.method != "DELETE")
    return error_reply(405, "use PUT or DELETE for /api/journal/ID");
  auto store = writing(api);
  if (!store) return no_journal();
  std::string missing = "there is no session " + request.parts[1] + " in the journal";
  if (request.method == "DELETE") {
    if (!store->delete_session(*id)) return error_reply(404, missing);
    return json_reply(200, Json{{"deleted", *id}});
  }
  journal::Session session = read_session(api.kb, request.body);
  session.id = *id;
  if (!store->replace_session(session)) return error_reply(404, missing);
  return json_reply(200, journal_io::to_json(session));
}

// POST /api/journal/morning {"sleep": 7, "heel_pain": 3, "session": 12}: the
// next morning's check-in, as `plantar log --morning` stores it (the same
// app::morning_target). Without "session" it joins the latest session.
// Fields are checked before anything is written, and errors name the
// request's own fields.
Reply morning(const Api& api, const Request& request) {
  if (request.method != "POST") return error_reply(405, "use POST for /api/journal/morning");
  auto store = writing(api);
  if (!store) return no_journal();
  Json body = json_io::parse(request.body, "body");
  if (!body.is_object()) throw BadInput("body", "expected {\"sleep\": 7, \"heel_pain\": 3}");
  std::optional<std::int64_t> session;
  journal::Ratings ratings;
  for (const auto& [key, value] : body.items()) {
    if (key == "session") {
      if (value.is_null()) continue;
      if (!json_io::whole_in(value, 1, 999999999999999999LL))
        throw BadInput("session", "expected a session number (see /api/journal)");
      session = value.get<long long>();
    } else if (std::find(journal::morning_measures.begin(), journal::morning_measures.end(), key) !=
               journal::morning_measures.end()) {
      if (value.is_null()) continue;
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
    target = app::morning_target(*store, session, {}, "");
  } catch (const BadInput& e) {
    // It names the CLI's flags: "--session" and "--morning" become the field here.
    std::string message = std::string(e.what()).substr(e.where().size() + 2);
    throw BadInput("session", message);
  }
  store->record_morning(target.id, ratings);
  for (const auto& [measure, value] : ratings) target.morning[measure] = value;
  return json_reply(200, journal_io::to_json(target));
}

}  // namespace

Reply journal_api(const Api& api, const Request& request) {
  const auto& parts = request.parts;
  if (parts.size() == 2 && parts[0] == "journal" && parts[1] == "morning") return morning(api, request);
  if (parts.size() == 2 && parts[0] == "journal") return correct(api, request);
  if (parts.size() != 1) return not_found(request);
  if (parts[0] == "stats") {
    if (!request.get()) return error_reply(405, "use GET for /api/stats");
    return json_reply(200, app::stats_json(reading(api).get(), app::now_local()));
  }
  if (request.method == "POST") return record(api, request);
  if (!request.get()) return error_reply(405, "use GET or POST for /api/journal");
  int last = int_param(request, "last", 20, 1, 1000000);  // `plantar history`'s default
  // Bounded queries (in PostgreSQL through the index on the start time): the
  // cost of `last` sessions, not of the whole history.
  return json_reply(200, app::history_json(app::last_sessions(reading(api).get(), last)));
}

}  // namespace plantar::server
