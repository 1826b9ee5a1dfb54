// Verdicts and routines as JSON, in the shapes of DESIGN.md's contracts.
// Written straight to text (PrettyWriter): these are the answers the server
// and the CLI send most. to_json() reads that text back for callers that
// want a tree, so the shape is defined once.
#include <nlohmann/json.hpp>

#include "plantar/json_io.h"
#include "pretty_writer.h"

namespace plantar::json_io {
namespace {

void write(PrettyWriter& w, const safety::Screening& s) {
  w.begin_object();
  w.key("verdict");
  w.string(name(s.verdict));
  w.key("urgent");
  w.boolean(s.urgent);
  w.key("emergency");
  w.boolean(s.emergency);
  w.key("max_pressure");
  w.number(s.max_pressure);
  w.key("pressure_words");
  w.string(s.pressure_words);
  w.key("avoid");
  w.begin_array();
  for (const auto& place : s.avoid) w.string(name(place));
  w.end_array();
  w.key("avoid_techniques");
  w.strings(s.avoid_techniques);
  w.key("avoid_tools");
  w.strings(s.avoid_tools);
  w.key("limits");
  w.begin_array();
  for (const auto& l : s.limits) {
    w.begin_object();
    w.key("place");
    w.string(name(l.place));
    w.key("max_pressure");
    w.number(l.max_pressure);
    w.end_object();
  }
  w.end_array();
  w.key("reasons");
  w.begin_array();
  for (const auto& r : s.reasons) {
    w.begin_object();
    w.key("condition");
    w.string(r.condition);
    w.key("message");
    w.string(r.message);
    w.key("sources");
    w.strings(r.sources);
    w.key("verdict");
    w.string(name(r.verdict));
    w.key("urgent");
    w.boolean(r.urgent);
    w.key("emergency");
    w.boolean(r.emergency);
    w.end_object();
  }
  w.end_array();
  w.key("notes");
  w.strings(s.notes);
  w.end_object();
}

void write(PrettyWriter& w, const planner::Step& step) {
  w.begin_object();
  w.key("technique");
  w.string(step.technique);
  w.key("foot");
  w.string(name(step.foot));
  w.key("region");
  w.string(name(step.region));
  w.key("seconds");
  w.number(step.seconds);
  w.key("pressure");
  w.number(step.pressure);
  w.key("cue");
  w.string(step.cue);
  w.key("goals");
  w.strings(step.goals);
  w.key("phase");
  w.string(step.phase);
  w.key("kind");
  w.string(step.kind);
  w.key("why");
  w.string(step.why);
  w.key("pressure_words");
  w.string(step.pressure_words);
  if (step.kind == "stretch") {  // a stretch says how far and how long, not how hard
    w.key("hold_seconds");
    w.number(step.hold_seconds);
    w.key("stretch_to");
    w.string(step.stretch_to);
  }
  w.key("standing");
  w.boolean(step.standing);
  if (!step.transition.empty()) {
    w.key("transition");
    w.string(step.transition);
  }
  if (!step.apply.empty()) {
    w.key("apply");
    w.string(step.apply);
  }
  w.end_object();
}

}  // namespace

std::string dump(const safety::Screening& screening) {
  PrettyWriter w;
  write(w, screening);
  return std::move(w).finish();
}

std::string dump(const planner::Routine& routine) {
  PrettyWriter w;
  w.begin_object();
  w.key("verdict");
  write(w, routine.verdict);
  w.key("giver");
  w.string(name(routine.giver));
  w.key("total_seconds");
  w.number(routine.total_seconds);
  w.key("steps");
  w.begin_array();
  for (const auto& step : routine.steps) write(w, step);
  w.end_array();
  w.key("notes");
  w.strings(routine.notes);
  w.end_object();
  return std::move(w).finish();
}

Json to_json(const safety::Screening& screening) { return Json::parse(dump(screening)); }
Json to_json(const planner::Routine& routine) { return Json::parse(dump(routine)); }

std::string dump(const Json& json) { return json.dump(2) + "\n"; }

}  // namespace plantar::json_io
