// The JSON shape of `plantar ask` (json_io.h).
#include <cmath>
#include <nlohmann/json.hpp>

#include "plantar/json_io.h"

namespace plantar::json_io {
namespace {

Json answer_json(const ask::Answer& a) {
  Json out = {{"kind", ask::name(a.kind)}, {"id", a.id}, {"title", a.title}, {"text", a.text}};
  if (a.grade) out["grade"] = name(*a.grade);
  Json claims = Json::array();
  for (const auto& c : a.claims)
    claims.push_back({{"id", c.id}, {"topic", c.topic}, {"grade", name(c.grade)}});
  out["claims"] = claims;
  out["sources"] = a.sources;
  out["score"] = std::round(a.score * 1000.0) / 1000.0;  // stable across machines
  out["safety"] = a.safety;
  return out;
}

}  // namespace

Json to_json(const ask::Result& result) {
  Json answers = Json::array();
  for (const auto& a : result.answers) answers.push_back(answer_json(a));
  Json corrections = Json::array();
  for (const auto& c : result.corrections)
    corrections.push_back({{"typed", c.typed}, {"read_as", c.read_as}});
  return {{"query", result.query},
          {"answers", answers},
          {"suggestions", result.suggestions},
          {"corrections", corrections}};
}

}  // namespace plantar::json_io
