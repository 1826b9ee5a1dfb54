// Verdicts and routines as JSON, in the shapes of DESIGN.md's contracts.
#include <nlohmann/json.hpp>

#include "plantar/json_io.h"

namespace plantar::json_io {
namespace {

Json places(const std::vector<Place>& list) {
  Json out = Json::array();
  for (const auto& place : list) out.push_back(name(place));
  return out;
}

}  // namespace

Json to_json(const safety::Screening& s) {
  Json reasons = Json::array();
  for (const auto& r : s.reasons)
    reasons.push_back({{"condition", r.condition},
                       {"message", r.message},
                       {"sources", r.sources},
                       {"verdict", std::string(name(r.verdict))},
                       {"urgent", r.urgent}});
  Json limits = Json::array();
  for (const auto& l : s.limits)
    limits.push_back({{"place", name(l.place)}, {"max_pressure", l.max_pressure}});
  return {{"verdict", std::string(name(s.verdict))},
          {"urgent", s.urgent},
          {"max_pressure", s.max_pressure},
          {"avoid", places(s.avoid)},
          {"avoid_techniques", s.avoid_techniques},
          {"avoid_tools", s.avoid_tools},
          {"limits", limits},
          {"reasons", reasons},
          {"notes", s.notes}};
}

Json to_json(const planner::Routine& routine) {
  Json steps = Json::array();
  for (const auto& step : routine.steps)
    steps.push_back({{"technique", step.technique},
                     {"foot", std::string(name(step.foot))},
                     {"region", std::string(name(step.region))},
                     {"seconds", step.seconds},
                     {"pressure", step.pressure},
                     {"cue", step.cue},
                     {"goals", step.goals}});
  return {{"verdict", to_json(routine.verdict)},
          {"total_seconds", routine.total_seconds},
          {"steps", steps},
          {"notes", routine.notes}};
}

std::string dump(const Json& json) { return json.dump(2) + "\n"; }

}  // namespace plantar::json_io
