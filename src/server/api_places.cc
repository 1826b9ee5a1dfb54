// /api/places: what has been imported, and /api/places/near: the answer of
// `plantar places near WHERE --json`, from places.db. Without places.db the
// answer is 409 Conflict: the request is fine, but the server has no data to
// answer it until someone runs `plantar places import FILE` (a 404 would read
// as "no such API", which the web app must tell apart).
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "plantar/app_places.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/places_json.h"
#include "plantar/places_store.h"
#include "plantar/suggest.h"
#include "query_params.h"
#include "routes.h"

namespace plantar::server {
namespace {

using json_io::Json;

bool imported(const Api& api) { return !api.places.empty() && std::filesystem::exists(api.places); }

Reply nothing_imported() {
  Json out = {{"error",
               "no places imported yet: get your region's data (POST /api/places/get, or "
               "'plantar places get REGION' on this computer)"},
              {"import", "plantar places get REGION"}};
  return {409, json_io::dump(out), "application/json"};
}

// GET /api/places: the imported regions and the kinds of place one may ask for.
Reply regions(const Api& api) {
  Json kinds = Json::array();
  for (const auto& kind : api.kb.places.kinds)
    kinds.push_back({{"id", kind.id}, {"name", kind.name}, {"plural", kind.plural}});
  Json list = Json::array();
  if (imported(api)) {
    places::Store store(api.places, false);
    for (const auto& r : store.regions())
      list.push_back({{"name", r.name},
                      {"source", r.source},
                      {"imported_at", r.imported_at},
                      {"places", r.places},
                      {"named", r.named}});
  }
  Json out = {{"regions", list}, {"kinds", kinds}, {"attribution", places::attribution}};
  return {200, json_io::dump(out), "application/json"};
}

// A name that could mean several places: 400 naming "at", with the choices.
Reply ambiguous(const Api& api, const std::string& where, const BadInput& error) {
  places::Store store(api.places, false);
  Json choices = Json::array();
  for (const auto& place : app::place_choices(store, where)) choices.push_back(json_io::to_json(place));
  Json out = {{"error", error.what()}, {"field", "at"}, {"choices", choices}};
  return {400, json_io::dump(out), "application/json"};
}

// A name not in the imported data: 400 naming "at", with the closest name
// the web app offers as a button ("" when none is close).
Reply unknown_place(const Api& api, const std::string& where, const BadInput& error) {
  places::Store store(api.places, false);
  Json out = {{"error", error.what()},
              {"field", "at"},
              {"reason", "unknown_place"},
              {"suggestion", closest(where, store.names())}};
  return {400, json_io::dump(out), "application/json"};
}

// GET /api/places/near?at=LAT,LON|NAME&kind=a,b&open_now=1&radius=KM&limit=N&when=YYYY-MM-DD HH:MM
Reply near(const Api& api, const Request& request) {
  app::PlacesNearOptions options;
  std::string where = param(request, "at");
  options.where = {where};
  options.kinds = list_param(request, "kind");
  options.open_now = flag_param(request, "open_now");
  options.radius_km = number_param(request, "radius", options.radius_km);
  options.limit = int_param(request, "limit", options.limit, 1, 1000);
  options.at = param(request, "when");
  if (where.empty()) throw BadInput("at", "expected a place name or LAT,LON, e.g. 47.14,9.52");
  if (!imported(api)) return nothing_imported();
  app::NearAnswer answer;
  try {
    answer = app::places_near(api.kb, api.places, options);
  } catch (const BadInput& e) {
    auto named = renamed(e, {{"WHERE", "at"},
                             {"--kind", "kind"},
                             {"--radius", "radius"},
                             {"--limit", "limit"},
                             {"--at", "when"}});
    if (named.where() == "at" && std::string(e.what()).find(" could be ") != std::string::npos)
      return ambiguous(api, where, named);
    if (named.where() == "at" && std::string(e.what()).find("no place called") != std::string::npos)
      return unknown_place(api, where, named);
    throw named;
  }
  Json out = json_io::near_answer(answer.center.at, answer.center.name, answer.now, answer.query, answer.hits,
                                  api.kb.places);
  return {200, json_io::dump(out), "application/json"};
}

}  // namespace

Reply places_api(const Api& api, const Request& request) {
  if (request.parts.size() == 2 && (request.parts[1] == "get" || request.parts[1] == "regions"))
    return places_get_api(api, request);
  bool top = request.parts.size() == 1;
  bool near_path = request.parts.size() == 2 && request.parts[1] == "near";
  if (!top && !near_path) return not_found(request);
  if (!request.get()) return error_reply(405, "use GET for /api/places");
  return top ? regions(api) : near(api, request);
}

}  // namespace plantar::server
