// The API requests, answered by the same functions as the CLI.
#include "api.h"

#include <map>

#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "plantar/app_learn.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/planner.h"
#include "plantar/safety.h"
#include "routes.h"

namespace plantar::server {
namespace {

using json_io::Json;

// The field of a BadInput in the request's terms: "body" for a JSON syntax
// error ("body:1:7"), "body" for the top level ("input" in the CLI's words).
std::string field_of(const BadInput& error) {
  const std::string& where = error.where();
  if (where == "input" || where.rfind("body", 0) == 0) return "body";
  return where;
}

Reply check(const kb::KnowledgeBase& kb, const std::string& body) {
  auto reports = json_io::read_check_request(json_io::parse(body, "body"));
  safety::validate(kb, reports);
  return {200, json_io::dump(safety::screen(kb, reports)), "application/json"};
}

Reply plan(const kb::KnowledgeBase& kb, const std::string& body) {
  auto request = json_io::read_plan_request(json_io::parse(body, "body"));
  planner::validate(kb, request);
  return {200, json_io::dump(planner::plan(kb, request)), "application/json"};
}

// The same output as `plantar learn [KIND [ID]] --json` (plantar/app_learn.h).
Reply learn(const kb::KnowledgeBase& kb, const std::string& kind, const std::string& id) {
  auto kinds = app::learn_catalogue(kb);
  app::LearnFound found;
  try {
    found = app::learn_find(kinds, kind, id);
  } catch (const BadInput& e) {
    std::string field = e.where() == "ID" ? "id" : "kind";
    return error_reply(404, e.what(), field);
  }
  return {200, json_io::dump(app::learn_json(kinds, found)), "application/json"};
}

// check, plan, learn, regions and pictures: pure functions of the knowledge base.
Reply knowledge_api(const Api& api, const Request& request) {
  const auto& parts = request.parts;
  if (parts.size() == 1 && (parts[0] == "check" || parts[0] == "plan")) {
    if (request.method != "POST") return error_reply(405, "use POST for /api/" + parts[0]);
    return parts[0] == "check" ? check(api.kb, request.body) : plan(api.kb, request.body);
  }
  if (parts.size() == 1 && parts[0] == "regions") {
    if (!request.get()) return error_reply(405, "use GET for /api/regions");
    return learn(api.kb, "regions", "");
  }
  if (parts[0] == "pictures") return pictures_api(api, request);
  if (parts.size() <= 3 && parts[0] == "learn") {
    if (!request.get()) return error_reply(405, "use GET for /api/learn");
    return learn(api.kb, parts.size() > 1 ? parts[1] : "", parts.size() > 2 ? parts[2] : "");
  }
  return not_found(request);
}

using Area = Reply (*)(const Api&, const Request&);

// The first path part after /api names the area that answers.
const std::map<std::string, Area>& areas() {
  static const std::map<std::string, Area> table = {
      {"check", knowledge_api},    {"plan", knowledge_api},   {"learn", knowledge_api},
      {"regions", knowledge_api},  {"timeline", session_api}, {"audio", session_api},
      {"journal", journal_api},    {"stats", journal_api},    {"card", card_api},
      {"map", card_api},           {"ask", ask_api},          {"places", places_api},
      {"pictures", knowledge_api},
  };
  return table;
}

}  // namespace

Reply not_found(const Request& request) {
  std::string path = "/api";
  for (const auto& part : request.parts) path += "/" + part;
  return error_reply(404, "no such API: " + path);
}

Reply error_reply(int status, const std::string& message, const std::string& field) {
  Json out = {{"error", message}};
  if (!field.empty()) out["field"] = field;
  return {status, json_io::dump(out), "application/json"};
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> parts;
  std::string part;
  for (char c : path + "/") {
    if (c != '/') {
      part += c;
    } else if (!part.empty()) {
      parts.push_back(part);
      part.clear();
    }
  }
  return parts;
}

bool is_api_path(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

bool is_pure(const std::string& path) {
  auto parts = split_path(path);
  if (parts.size() < 2) return false;
  auto found = areas().find(parts[1]);
  return found != areas().end() && found->second == knowledge_api;
}

Reply answer(const Api& api, const std::string& method, const std::string& path, const std::string& body,
             const std::map<std::string, std::string>& query) {
  try {
    Request request{method, split_path(path), body, query};
    if (request.parts.empty() || request.parts[0] != "api") return error_reply(404, "no such API: " + path);
    request.parts.erase(request.parts.begin());
    auto found = request.parts.empty() ? areas().end() : areas().find(request.parts[0]);
    if (found == areas().end()) return error_reply(404, "no such API: " + path);
    return found->second(api, request);
  } catch (const BadInput& e) {
    return error_reply(400, e.what(), field_of(e));
  } catch (const std::exception& e) {
    return error_reply(500, std::string("unexpected error: ") + e.what());
  }
}

}  // namespace plantar::server
