// Reading a routine saved by `plantar plan --json` (so a therapist can hand a
// client a routine), and writing a session timeline as JSON.
#include <nlohmann/json.hpp>

#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/suggest.h"

namespace plantar::json_io {
namespace {

constexpr int max_routine_seconds = 4 * 60 * 60;

const Json& member(const Json& object, const std::string& key, const std::string& field) {
  if (!object.contains(key)) throw BadInput(field + key, "is missing");
  return object[key];
}

std::string text_at(const Json& object, const std::string& key, const std::string& field) {
  const Json& value = member(object, key, field);
  if (!value.is_string())
    throw BadInput(field + key, "expected a string, got " + std::string(value.type_name()));
  return value.get<std::string>();
}

int number_at(const Json& object, const std::string& key, const std::string& field, int lo, int hi) {
  const Json& value = member(object, key, field);
  if (!whole_in(value, lo, hi))
    throw BadInput(field + key, "expected a whole number from " + std::to_string(lo) + " to " +
                                    std::to_string(hi) + ", got " + value.dump());
  return value.get<int>();
}

planner::Step read_step(const kb::KnowledgeBase& kb, const Json& item, const std::string& field) {
  if (!item.is_object()) throw BadInput(field, "expected a step object");
  planner::Step step;
  step.technique = text_at(item, "technique", field + ".");
  if (kb.technique(step.technique) == nullptr) {
    std::vector<std::string> ids;
    for (const auto& t : kb.techniques) ids.push_back(t.id);
    throw BadInput(field + ".technique", unknown_word_message("technique", step.technique, ids));
  }
  auto foot = parse_foot(text_at(item, "foot", field + "."));
  if (!foot) throw BadInput(field + ".foot", "expected left or right");
  step.foot = *foot;
  auto region = parse_region(text_at(item, "region", field + "."));
  if (!region) throw BadInput(field + ".region", "expected a region such as heel or arch");
  step.region = *region;
  step.seconds = number_at(item, "seconds", field + ".", 1, planner::max_minutes * 60);
  step.pressure = number_at(item, "pressure", field + ".", min_pressure, max_pressure_level);
  step.cue = text_at(item, "cue", field + ".");
  if (item.contains("goals") && item["goals"].is_array())
    for (const auto& goal : item["goals"])
      if (goal.is_string()) step.goals.push_back(goal.get<std::string>());
  // The rest is optional (routines saved before these fields existed).
  auto text = [&](const char* key, std::string& into) {
    if (item.contains(key) && item[key].is_string()) into = item[key].get<std::string>();
  };
  for (auto [key, into] : {std::pair{"phase", &step.phase},
                           {"kind", &step.kind},
                           {"why", &step.why},
                           {"pressure_words", &step.pressure_words},
                           {"stretch_to", &step.stretch_to},
                           {"transition", &step.transition},
                           {"apply", &step.apply}})
    text(key, *into);
  if (item.contains("hold_seconds") && item["hold_seconds"].is_number_integer())
    step.hold_seconds = item["hold_seconds"].get<int>();
  if (item.contains("standing") && item["standing"].is_boolean())
    step.standing = item["standing"].get<bool>();
  return step;
}

// The verdict is the program's own output: read what the session needs.
safety::Screening read_verdict(const Json& body) {
  safety::Screening screening;
  if (!body.contains("verdict") || !body["verdict"].is_object()) return screening;
  const Json& v = body["verdict"];
  if (v.contains("verdict") && v["verdict"].is_string())
    screening.verdict = parse_verdict(v["verdict"].get<std::string>()).value_or(Verdict::go);
  if (v.contains("max_pressure") && whole_in(v["max_pressure"], 0, 10))
    screening.max_pressure = v["max_pressure"].get<int>();
  if (v.contains("reasons") && v["reasons"].is_array())
    for (const auto& r : v["reasons"])
      if (r.is_object() && r.contains("condition") && r["condition"].is_string())
        screening.reasons.push_back({r["condition"].get<std::string>(), "", {}, Verdict::go, false});
  return screening;
}

}  // namespace

planner::Routine read_routine(const kb::KnowledgeBase& kb, const Json& body) {
  if (!body.is_object() || !body.contains("steps"))
    throw BadInput("routine", "expected a routine as printed by 'plantar plan --json' (with \"steps\")");
  planner::Routine routine;
  routine.verdict = read_verdict(body);
  if (body.contains("giver") && body["giver"].is_string())
    routine.giver = parse_giver(body["giver"].get<std::string>()).value_or(Giver::self);
  const Json& steps = body["steps"];
  if (!steps.is_array()) throw BadInput("steps", "expected an array of steps");
  for (std::size_t i = 0; i < steps.size(); ++i) {
    routine.steps.push_back(read_step(kb, steps[i], "steps[" + std::to_string(i) + "]"));
    routine.total_seconds += routine.steps.back().seconds;
    if (routine.total_seconds > max_routine_seconds)
      throw BadInput("steps", "expected a routine of at most four hours in all");
  }
  if (routine.verdict.verdict == Verdict::stop || routine.steps.empty())
    throw BadInput("steps", "this routine has no steps (the safety verdict may be stop)");
  if (body.contains("notes") && body["notes"].is_array())
    for (const auto& note : body["notes"])
      if (note.is_string()) routine.notes.push_back(note.get<std::string>());
  return routine;
}

// The routine says who gives it; older saved routines are told by their cues
// (a cue may start with the lotion's words, so compare the ends).
Giver giver_of(const kb::KnowledgeBase& kb, const planner::Routine& routine) {
  if (routine.giver == Giver::partner) return Giver::partner;
  for (const auto& step : routine.steps) {
    const kb::Technique* t = kb.technique(step.technique);
    if (t == nullptr || !step.cue.ends_with(t->cue_partner) || t->cue == t->cue_partner) return Giver::self;
  }
  return routine.steps.empty() ? Giver::self : Giver::partner;
}

Json to_json(const session::Timeline& timeline) {
  Json steps = Json::array();
  for (const auto& s : timeline.steps)
    steps.push_back({{"start_ms", s.start_ms},
                     {"end_ms", s.end_ms},
                     {"title", s.title},
                     {"foot", std::string(name(s.foot))},
                     {"region", std::string(name(s.region))},
                     {"area", s.area},
                     {"pressure", s.pressure},
                     {"cue", s.cue}});
  Json cues = Json::array();
  for (const auto& c : timeline.cues)
    cues.push_back(
        {{"at_ms", c.at_ms}, {"kind", std::string(name(c.kind))}, {"text", c.text}, {"step", c.step}});
  return {{"intro_ms", timeline.intro_ms},
          {"outro_ms", timeline.outro_ms},
          {"total_ms", timeline.total_ms},
          {"steps", steps},
          {"cues", cues}};
}

}  // namespace plantar::json_io
