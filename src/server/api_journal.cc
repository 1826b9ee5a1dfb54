// /api/journal and /api/stats: the journal of `plantar history`, `plantar log`
// and `plantar stats`, in the same JSON. Reading never creates the journal
// file; a session is checked in full before anything is written.
#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>

#include "plantar/app_journal.h"
#include "plantar/errors.h"
#include "plantar/journal_io.h"
#include "plantar/json_io.h"
#include "query_params.h"
#include "routes.h"

namespace plantar::server {
namespace {

using journal_io::Json;

// The journal's JSON, as `plantar history --json` and `stats --json` print
// it (plantar/app_journal.h); a server started with no journal file answers
// as an empty journal.
Reply json_reply(const Json& json) { return {200, json.dump(2) + "\n", "application/json"}; }

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

}  // namespace

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

std::optional<std::int64_t> session_id(const std::string& part) {
  if (part.empty() || part.size() > 18 || part.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoll(part);
}

namespace {

Reply record(const Api& api, const Request& request) {
  if (api.journal.empty()) return error_reply(503, "this server has no journal file (start it with --db)");
  journal::Session session = read_session(api.kb, request.body);
  session.id = app::open_journal(api.journal)->record_session(session);
  return {201, journal_io::to_json(session).dump(2) + "\n", "application/json"};
}

// PUT /api/journal/ID replaces the session with the body (the same fields as
// a POST); DELETE /api/journal/ID removes it. 404 when there is no such session.
Reply correct(const Api& api, const Request& request) {
  auto id = session_id(request.parts[1]);
  if (!id) return error_reply(400, "expected a session number, got '" + request.parts[1] + "'", "id");
  if (request.method != "PUT" && request.method != "DELETE")
    return error_reply(405, "use PUT or DELETE for /api/journal/ID");
  if (api.journal.empty()) return error_reply(503, "this server has no journal file (start it with --db)");
  auto store = app::open_journal(api.journal);
  std::string missing = "there is no session " + request.parts[1] + " in the journal";
  if (request.method == "DELETE") {
    if (!store->delete_session(*id)) return error_reply(404, missing);
    return {200, Json{{"deleted", *id}}.dump(2) + "\n", "application/json"};
  }
  journal::Session session = read_session(api.kb, request.body);
  session.id = *id;
  if (!store->replace_session(session)) return error_reply(404, missing);
  return {200, journal_io::to_json(session).dump(2) + "\n", "application/json"};
}

// POST /api/journal/morning {"sleep": 7, "heel_pain": 3, "session": 12}: the
// next morning's check-in, as `plantar log --morning` stores it (the same
// app::morning_target). Without "session" it joins the latest session.
// Fields are checked before anything is written, and errors name the
// request's own fields.
Reply morning(const Api& api, const Request& request) {
  if (request.method != "POST") return error_reply(405, "use POST for /api/journal/morning");
  if (api.journal.empty()) return error_reply(503, "this server has no journal file (start it with --db)");
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
  auto store = app::open_journal(api.journal);
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
  return json_reply(journal_io::to_json(target));
}

}  // namespace

Reply journal_api(const Api& api, const Request& request) {
  if (api.person != nullptr) return person_journal_api(api, request);  // hosted mode
  const auto& parts = request.parts;
  if (parts.size() == 2 && parts[0] == "journal" && parts[1] == "morning") return morning(api, request);
  if (parts.size() == 2 && parts[0] == "journal") return correct(api, request);
  if (parts.size() != 1) return not_found(request);
  if (parts[0] == "stats") {
    if (!request.get()) return error_reply(405, "use GET for /api/stats");
    auto store = api.journal.empty() ? nullptr : app::read_journal(api.journal);
    return json_reply(app::stats_json(store.get(), app::now_local()));
  }
  if (request.method == "POST") return record(api, request);
  if (!request.get()) return error_reply(405, "use GET or POST for /api/journal");
  int last = int_param(request, "last", 20, 1, 1000000);  // `plantar history`'s default
  auto store = api.journal.empty() ? nullptr : app::read_journal(api.journal);
  return json_reply(app::history_json(app::last_sessions(store.get(), last)));
}

}  // namespace plantar::server
