// The part of the API that the HTTP fuzz target links: the knowledge API
// (POST /api/check and /api/plan, answered by the real json_io, safety and
// planner on the embedded knowledge) and a few app files. The other areas
// (journal, places, audio, card, ask) need SQLite, Qt, cairo and flite,
// which the fuzz build does not compile; they answer 404 here. The same
// signatures as src/server/api.cc and the generated assets source.
#include <nlohmann/json.hpp>

#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/planner.h"
#include "plantar/safety.h"
#include "server/api.h"
#include "server/assets.h"
#include "server/audio_warmup.h"
#include "server/hosted_mode.h"

namespace plantar::server {

// The fuzzed server never warms audio (Options::warm_audio stays false), and
// the fuzz build has no voice: nothing to start or stop.
AudioWarmup::AudioWarmup(const Api&) {}
AudioWarmup::~AudioWarmup() {}

// The fuzzed server never runs hosted (it is given no --store).
std::unique_ptr<HostedMode> open_hosted(const std::string&, bool) {
  throw Failure("hosted mode is not part of the HTTP fuzzer");
}

Reply error_reply(int status, const std::string& message, const std::string& field) {
  json_io::Json out = {{"error", message}};
  if (!field.empty()) out["field"] = field;
  return {status, json_io::dump(out), "application/json"};
}

bool is_api_path(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }

bool is_pure(const std::string& path) { return path == "/api/check" || path == "/api/plan"; }

Reply answer(const Api& api, const std::string& method, const std::string& path, const std::string& body,
             const std::map<std::string, std::string>&) {
  try {
    if (path != "/api/check" && path != "/api/plan") return error_reply(404, "no such API: " + path);
    if (method != "POST") return error_reply(405, "use POST for " + path);
    if (path == "/api/check") {
      auto reports = json_io::read_check_request(json_io::parse(body, "body"));
      safety::validate(api.kb, reports);
      return {200, json_io::dump(safety::screen(api.kb, reports)), "application/json"};
    }
    auto request = json_io::read_plan_request(json_io::parse(body, "body"));
    planner::validate(api.kb, request);
    return {200, json_io::dump(planner::plan(api.kb, request)), "application/json"};
  } catch (const BadInput& e) {
    return error_reply(400, e.what(), e.where());
  }
}

std::span<const Asset> embedded_assets() {
  static const Asset assets[] = {
      {"/index.html", "text/html; charset=utf-8", "<!doctype html><div id=\"app\"></div>",
       std::string_view("\x1f\x8b\x08\x00\x00\x00\x00\x00", 8), "\"fuzz-1\"", false},
      {"/assets/app-0000.js", "text/javascript", "console.log('plantar')",
       std::string_view("\x1f\x8b\x08\x00\x00\x00\x00\x01", 8), "\"fuzz-2\"", true},
  };
  return assets;
}

}  // namespace plantar::server
