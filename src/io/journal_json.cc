// The journal's JSON: sessions, statistics, and the JSON export format.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "plantar/errors.h"
#include "plantar/journal_io.h"
#include "plantar/json_io.h"

namespace plantar::journal_io {
namespace {

using journal::Session;

Json optional_int(const std::optional<int>& value) { return value ? Json(*value) : Json(nullptr); }

Json summary(const insights::Summary& s) {
  Json out{{"n", s.count}, {"mean", s.count > 0 ? Json(s.mean) : Json(nullptr)}};
  out["sd"] = s.sd ? Json(*s.sd) : Json(nullptr);
  return out;
}

Json weeks(const std::vector<insights::WeekPoint>& points) {
  Json out = Json::array();
  for (const auto& p : points)
    out.push_back({{"week", p.week}, {"n", p.value.count}, {"mean", p.value.mean}});
  return out;
}

Json associations(const std::vector<insights::Association>& list) {
  Json out = Json::array();
  for (const auto& a : list) out.push_back({{"id", a.id}, {"change", summary(a.change)}});
  return out;
}

// Typed field access with errors that name the field.
const Json* member(const Json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string text(const Json& object, const char* key, const std::string& field) {
  const Json* value = member(object, key);
  if (value == nullptr) return "";
  if (!value->is_string()) throw BadInput(field + "." + key, "expected a string");
  return value->get<std::string>();
}

std::optional<int> integer(const Json& object, const char* key, const std::string& field) {
  const Json* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  if (!json_io::whole_in(*value, -1000000, 1000000))
    throw BadInput(field + "." + key, "expected a whole number");
  return value->get<int>();
}

Timestamp time(const Json& object, const char* key, const std::string& field) {
  auto t = parse_timestamp(text(object, key, field));
  if (!t) throw BadInput(field + "." + key, "expected a date and time like 2026-11-20T21:30:00");
  return *t;
}

std::vector<std::string> ids(const Json& object, const char* key, const std::string& field) {
  std::vector<std::string> out;
  const Json* value = member(object, key);
  if (value == nullptr) return out;
  if (!value->is_array()) throw BadInput(field + "." + key, "expected a list of ids");
  for (const auto& item : *value) {
    if (!item.is_string() || item.get<std::string>().empty() ||
        item.get<std::string>().find_first_of(", \n") != std::string::npos)
      throw BadInput(field + "." + key, "expected ids without spaces or commas");
    out.push_back(item.get<std::string>());
  }
  return out;
}

journal::Ratings ratings(const Json& object, const char* key, const std::string& field) {
  journal::Ratings out;
  const Json* value = member(object, key);
  if (value == nullptr) return out;
  if (!value->is_object()) throw BadInput(field + "." + key, "expected an object like {\"stress\": 7}");
  for (const auto& [measure, rating] : value->items()) {
    if (!json_io::whole_in(rating, 0, 10))
      throw BadInput(field + "." + key + "." + measure, "expected 0 to 10");
    out[measure] = rating.get<int>();
  }
  return out;
}

journal::SoreSpot spot(const Json& item, const std::string& field) {
  if (!item.is_object()) throw BadInput(field, "expected an object");
  journal::SoreSpot s;
  auto place = parse_place(text(item, "foot", field) + ":" + text(item, "region", field));
  if (!place || place->whole_foot()) throw BadInput(field, "expected a foot (left, right) and a region");
  s.foot = place->foot;
  s.region = *place->region;
  for (const char* key : {"x", "y"}) {
    const Json* v = member(item, key);
    if (v != nullptr && !v->is_number()) throw BadInput(field + "." + key, "expected a number from 0 to 1");
    if (v != nullptr) (key[0] == 'x' ? s.x : s.y) = v->get<double>();
  }
  auto intensity = integer(item, "intensity", field);
  if (!intensity) throw BadInput(field + ".intensity", "missing");
  s.intensity = *intensity;
  return s;
}

}  // namespace

Json to_json(const Session& s) {
  Json sore = Json::array();
  for (const auto& spot : s.sore)
    sore.push_back({{"foot", name(spot.foot)},
                    {"region", name(spot.region)},
                    {"x", spot.x},
                    {"y", spot.y},
                    {"intensity", spot.intensity}});
  Json routine = nullptr;
  if (!s.routine_json.empty()) routine = Json::parse(s.routine_json, nullptr, false);
  return {{"id", s.id},
          {"start", format_timestamp(s.start)},
          {"end", s.end ? Json(format_timestamp(*s.end)) : Json(nullptr)},
          {"minutes", optional_int(s.minutes)},
          {"goals", s.goals},
          {"techniques", s.techniques},
          {"steps_total", optional_int(s.steps_total)},
          {"steps_done", optional_int(s.steps_done)},
          {"finished", s.finished},
          {"stop_reason", s.stop_reason},
          {"before", s.before},
          {"after", s.after},
          {"morning", s.morning},
          {"sore", sore},
          {"note", s.note},
          {"routine", routine.is_discarded() ? Json(s.routine_json) : routine}};
}

Json to_json(const insights::Stats& stats) {
  Json measures = Json::array();
  for (const auto& m : stats.measures)
    measures.push_back({{"measure", m.measure},
                        {"before", summary(m.before)},
                        {"after", summary(m.after)},
                        {"change", summary(m.change)},
                        {"weeks", weeks(m.weeks)}});
  Json mornings = Json::array();
  for (const auto& m : stats.mornings)
    mornings.push_back({{"measure", m.measure}, {"value", summary(m.value)}, {"weeks", weeks(m.weeks)}});
  return {{"sessions", stats.sessions},
          {"finished", stats.finished},
          {"first", stats.first ? Json(format_timestamp(*stats.first)) : Json(nullptr)},
          {"last", stats.last ? Json(format_timestamp(*stats.last)) : Json(nullptr)},
          {"measures", measures},
          {"mornings", mornings},
          {"streaks",
           {{"current", stats.streaks.current},
            {"longest", stats.streaks.longest},
            {"days", stats.streaks.days}}},
          {"goals", associations(stats.goals)},
          {"techniques", associations(stats.techniques)},
          {"note", "A personal record with small numbers: it shows what went with what for you, not proof."}};
}

Session session_from_json(const Json& item, const std::string& field) {
  if (!item.is_object()) throw BadInput(field, "expected an object");
  Session s;
  s.start = time(item, "start", field);
  if (member(item, "end") != nullptr) s.end = time(item, "end", field);
  s.minutes = integer(item, "minutes", field);
  s.goals = ids(item, "goals", field);
  s.techniques = ids(item, "techniques", field);
  s.steps_total = integer(item, "steps_total", field);
  s.steps_done = integer(item, "steps_done", field);
  if (const Json* f = member(item, "finished")) {
    if (!f->is_boolean()) throw BadInput(field + ".finished", "expected true or false");
    s.finished = f->get<bool>();
  }
  s.stop_reason = text(item, "stop_reason", field);
  s.before = ratings(item, "before", field);
  s.after = ratings(item, "after", field);
  s.morning = ratings(item, "morning", field);
  if (const Json* sore = member(item, "sore")) {
    if (!sore->is_array()) throw BadInput(field + ".sore", "expected a list");
    for (std::size_t i = 0; i < sore->size(); ++i)
      s.sore.push_back(spot((*sore)[i], fmt::format("{}.sore[{}]", field, i)));
  }
  s.note = text(item, "note", field);
  if (const Json* routine = member(item, "routine"))
    s.routine_json = routine->is_string() ? routine->get<std::string>() : routine->dump();
  journal::validate(s, field);
  return s;
}

std::string export_json(const std::vector<Session>& sessions) {
  Json list = Json::array();
  for (const auto& s : sessions) list.push_back(to_json(s));
  Json out{{"format", "plantar-journal"}, {"version", journal::export_version}, {"sessions", list}};
  return out.dump(2) + "\n";
}

}  // namespace plantar::journal_io
