// The API requests, answered by the same functions as the CLI.
#include "api.h"

#include <nlohmann/json.hpp>
#include <sstream>
#include <vector>

#include "cli/commands.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/planner.h"
#include "plantar/safety.h"

namespace plantar::server {
namespace {

using json_io::Json;

Reply json_reply(const Json& json) { return {200, json_io::dump(json), "application/json"}; }

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
  return json_reply(json_io::to_json(safety::screen(kb, reports)));
}

Reply plan(const kb::KnowledgeBase& kb, const std::string& body) {
  auto request = json_io::read_plan_request(json_io::parse(body, "body"));
  planner::validate(kb, request);
  return json_reply(json_io::to_json(planner::plan(kb, request)));
}

// The same output as `plantar learn [KIND [ID]] --json`.
Reply learn(const kb::KnowledgeBase& kb, const std::string& kind, const std::string& id) {
  std::ostringstream out, err;
  cli::Context context{kb, out, err, true, false, nullptr, ""};
  try {
    cli::run_learn(context, {kind, id});
  } catch (const BadInput& e) {
    std::string field = e.where() == "ID" ? "id" : "kind";
    return error_reply(404, e.what(), field);
  }
  return {200, out.str(), "application/json"};
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

Reply route(const kb::KnowledgeBase& kb, const std::string& method, const std::string& path,
            const std::string& body) {
  auto parts = split_path(path);  // "api", ...
  bool get = method == "GET" || method == "HEAD";
  if (parts.size() == 2 && (parts[1] == "check" || parts[1] == "plan")) {
    if (method != "POST") return error_reply(405, "use POST for " + path);
    return parts[1] == "check" ? check(kb, body) : plan(kb, body);
  }
  if (parts.size() == 2 && parts[1] == "regions") {
    if (!get) return error_reply(405, "use GET for " + path);
    return learn(kb, "regions", "");
  }
  if (parts.size() >= 2 && parts.size() <= 4 && parts[1] == "learn") {
    if (!get) return error_reply(405, "use GET for " + path);
    return learn(kb, parts.size() > 2 ? parts[2] : "", parts.size() > 3 ? parts[3] : "");
  }
  return error_reply(404, "no such API: " + path);
}

}  // namespace

Reply error_reply(int status, const std::string& message, const std::string& field) {
  Json out = {{"error", message}};
  if (!field.empty()) out["field"] = field;
  return {status, json_io::dump(out), "application/json"};
}

bool is_api_path(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

Reply answer(const kb::KnowledgeBase& kb, const std::string& method, const std::string& path,
             const std::string& body) {
  try {
    return route(kb, method, path, body);
  } catch (const BadInput& e) {
    return error_reply(400, e.what(), field_of(e));
  } catch (const std::exception& e) {
    return error_reply(500, std::string("unexpected error: ") + e.what());
  }
}

}  // namespace plantar::server
