// Knowledge-base entries as JSON, for `plantar learn --json` and the web app.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "plantar/json_io.h"

namespace plantar::json_io {
namespace {

Json polygon(const kb::Polygon& points) {
  Json out = Json::array();
  for (const auto& p : points) out.push_back({p.x, p.y});
  return out;
}

Json range(const kb::Range& r) { return {{"min", r.min}, {"default", r.preferred}, {"max", r.max}}; }

std::string phase_name(kb::Phase phase) {
  switch (phase) {
    case kb::Phase::warmup: return "warmup";
    case kb::Phase::main: return "main";
    case kb::Phase::cooldown: return "cooldown";
    case kb::Phase::finish: return "finish";
  }
  return "main";
}

template <typename Items>
Json names(const Items& items) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(std::string(name(item)));
  return out;
}

Json rule(const kb::Rule& r) {
  Json out = {{"verdict", std::string(name(r.verdict))},
              {"urgent", r.urgent},
              {"emergency", r.emergency},
              {"message", r.message}};
  if (r.max_pressure) out["max_pressure"] = *r.max_pressure;
  if (r.leg_max_pressure) out["leg_max_pressure"] = *r.leg_max_pressure;
  if (!r.avoid_techniques.empty()) out["avoid_techniques"] = r.avoid_techniques;
  if (!r.avoid_tools.empty()) out["avoid_tools"] = r.avoid_tools;
  if (!r.avoid_default.empty()) {
    out["avoid_default"] = Json::array();
    for (const auto& place : r.avoid_default) out["avoid_default"].push_back(name(place));
  }
  if (r.without_at) out["without_at"] = std::string(name(*r.without_at));
  if (!r.notes.empty()) out["notes"] = r.notes;
  out["sources"] = r.sources;
  return out;
}

}  // namespace

Json to_json(const kb::Technique& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"phase", phase_name(t.phase)},
          {"regions", names(t.regions)},
          {"pressure", range(t.pressure)},
          {"seconds", range(t.seconds)},
          {"tools", t.tools},
          {"givers", names(t.givers)},
          {"goals", t.goals},
          {"cue", t.cue},
          {"cue_partner", t.cue_partner},
          {"halfway", t.halfway},
          {"steps", t.steps},
          {"cautions", t.cautions}};
}

Json to_json(const kb::Goal& g) {
  return {{"id", g.id},
          {"name", g.name},
          {"description", g.description},
          {"expect", g.expect},
          {"techniques", g.techniques},
          {"claims", g.claims}};
}

Json to_json(const kb::RegionInfo& r) {
  return {{"id", std::string(name(r.id))},
          {"name", r.name},
          {"plain", r.plain},
          {"description", r.description},
          {"view", r.view == kb::View::sole ? "sole" : "side"},
          {"leg", r.leg},
          {"outline", polygon(r.outline)}};
}

Json to_json(const kb::KnowledgeBase& kb, const kb::Zone& z) {
  // The note and grade travel with every zone: a zone is a tradition, and
  // the evidence says pressing it treats nothing.
  const kb::Claim* claim = kb.claim(kb.atlas.claim);
  return {{"id", z.id},
          {"name", z.name},
          {"feet", names(z.feet)},
          {"region", std::string(name(z.region))},
          {"outline", polygon(z.outline)},
          {"tradition", z.tradition},
          {"note", kb.atlas.note},
          {"claim", kb.atlas.claim},
          {"grade", claim ? std::string(name(claim->grade)) : std::string()}};
}

Json to_json(const kb::Claim& c) {
  return {{"id", c.id},
          {"topic", c.topic},
          {"grade", std::string(name(c.grade))},
          {"say", c.say},
          {"sources", c.sources}};
}

Json to_json(const kb::Source& s) {
  return {{"id", s.id}, {"citation", s.citation}, {"doi", s.doi}, {"pmid", s.pmid}, {"verified", s.verified}};
}

Json to_json(const kb::KnowledgeBase& kb, const kb::Condition& c) {
  Json severities = Json::object();
  for (const auto& [level, r] : c.by_severity) severities[level] = rule(r);
  Json with = Json::object();
  for (const auto& [other, r] : c.with) with[other] = rule(r);
  Json out = {{"id", c.id},
              {"name", c.name},
              {"label", c.label},
              {"question", c.question},
              {"signs", c.signs},
              {"local", c.local},
              {"severities", c.severities},
              {"severity_means", c.severity_means},
              {"rule", rule(c.rule)},
              {"by_severity", severities},
              {"with", with}};
  // Its group on the check's first screen, and that group's place in order.
  for (std::size_t i = 0; i < kb.condition_groups.size(); ++i) {
    const auto& g = kb.condition_groups[i];
    auto at = std::find(g.conditions.begin(), g.conditions.end(), c.id);
    if (at == g.conditions.end()) continue;
    out["group"] = {{"id", g.id}, {"title", g.title}, {"order", i}, {"position", at - g.conditions.begin()}};
  }
  return out;
}

Json to_json(const kb::Tip& t) {
  return {{"id", t.id},     {"title", t.title}, {"text", t.text},
          {"when", t.when}, {"goals", t.goals}, {"conditions", t.conditions}};
}

Json to_json(const kb::Question& q) {
  return {{"id", q.id},         {"question", q.question},     {"also", q.also},      {"answer", q.answer},
          {"claims", q.claims}, {"conditions", q.conditions}, {"sources", q.sources}};
}

Json to_json(const kb::Tool& t) { return {{"id", t.id}, {"name", t.name}, {"description", t.description}}; }

}  // namespace plantar::json_io
