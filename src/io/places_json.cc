#include "plantar/places_json.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace plantar::json_io {
namespace {

double rounded(double value, double step) { return std::round(value / step) * step; }

const char* state_name(places::HoursState state) {
  switch (state) {
    case places::HoursState::open: return "open";
    case places::HoursState::closed: return "closed";
    case places::HoursState::unknown: return "unknown";
    case places::HoursState::not_given: break;
  }
  return "not_given";
}

}  // namespace

std::string osm_url(const places::Place& place) {
  return "https://www.openstreetmap.org/" + place.osm_type + "/" + std::to_string(place.osm_id);
}

Json to_json(const places::Hours& hours) {
  Json out{{"state", state_name(hours.state)}};
  if (hours.change)
    out[hours.state == places::HoursState::open ? "closes_at" : "opens_at"] =
        places::format_wall_time(*hours.change);
  out["opening_hours"] = hours.raw;
  if (hours.local) out["local_time"] = places::format_wall_time(*hours.local);
  if (!hours.time_zone.empty()) out["time_zone"] = hours.time_zone;
  if (!hours.note.empty()) out["note"] = hours.note;
  if (!hours.today.empty()) out["today"] = hours.today;
  if (!hours.tomorrow.empty()) out["tomorrow"] = hours.tomorrow;
  return out;
}

Json to_json(const places::Hit& hit, const kb::PlaceTagging& tagging) {
  const auto& p = hit.place;
  const kb::PlaceKind* kind = tagging.kind(p.kind);
  return Json{{"name", p.name},
              {"kind", p.kind},
              {"kind_name", kind != nullptr ? kind->name : p.kind},
              {"lat", p.at.lat},
              {"lon", p.at.lon},
              {"distance_km", rounded(hit.distance_km, 0.001)},
              {"direction", std::string(places::compass(hit.bearing))},
              {"bearing", rounded(hit.bearing, 1)},
              {"address", p.address},
              {"phone", p.phone},
              {"website", p.website},
              {"wheelchair", p.wheelchair},
              {"country", p.country},
              {"hours", to_json(hit.hours)},
              {"osm", {{"type", p.osm_type}, {"id", p.osm_id}, {"url", osm_url(p)}}}};
}

Json to_json(const places::NamedPlace& place) {
  return Json{{"name", place.name}, {"type", place.type}, {"lat", place.at.lat}, {"lon", place.at.lon}};
}

Json near_answer(const places::LatLon& center, const std::string& center_name, const places::WallTime& at,
                 const places::Query& query, const std::vector<places::Hit>& hits,
                 const kb::PlaceTagging& tagging) {
  Json list = Json::array();
  for (const auto& hit : hits) list.push_back(to_json(hit, tagging));
  return Json{{"near", {{"name", center_name}, {"lat", center.lat}, {"lon", center.lon}}},
              {"at", places::format_wall_time(at)},
              {"radius_km", query.radius_km},
              {"kinds", query.kinds},
              {"open_now", query.open_now},
              {"places", list},
              {"attribution", places::attribution}};
}

Json import_answer(const places::Region& region, std::uint64_t objects) {
  return Json{{"region", region.name},
              {"source", region.source},
              {"objects", objects},
              {"places", region.places.size()},
              {"named_places", region.named.size()},
              {"attribution", places::attribution}};
}

}  // namespace plantar::json_io
