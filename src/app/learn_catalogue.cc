// The learn catalogue and its look-ups (moved out of src/cli/cmd_learn.cc,
// which keeps the terminal's text and the pictures).
#include <fmt/format.h>

#include "plantar/app_learn.h"
#include "plantar/errors.h"
#include "plantar/suggest.h"

namespace plantar::app {
namespace {

using json_io::Json;

const LearnKind* find_kind(const std::vector<LearnKind>& kinds, const std::string& word) {
  for (const auto& kind : kinds)
    if (kind.name == word || kind.name == word + "s") return &kind;
  return nullptr;
}

const LearnEntry* find_entry(const LearnKind& kind, const std::string& id) {
  for (const auto& entry : kind.entries)
    if (entry.id == id) return &entry;
  return nullptr;
}

}  // namespace

std::vector<LearnKind> learn_catalogue(const kb::KnowledgeBase& kb) {
  std::vector<LearnKind> kinds;
  LearnKind techniques{"techniques", "how to do each massage step", {}};
  for (const auto& t : kb.techniques) techniques.entries.push_back({t.id, t.name, json_io::to_json(t)});
  kinds.push_back(std::move(techniques));
  LearnKind goals{"goals", "what a routine can aim at, and what to expect", {}};
  for (const auto& g : kb.goals) goals.entries.push_back({g.id, g.name, json_io::to_json(g)});
  kinds.push_back(std::move(goals));
  LearnKind regions{"regions", "the areas of the foot and lower leg", {}};
  for (const auto& r : kb.regions)
    regions.entries.push_back({std::string(name(r.id)), r.name, json_io::to_json(r)});
  kinds.push_back(std::move(regions));
  LearnKind zones{"zones", "the reflexology map of the soles: a tradition, not anatomy", {}};
  for (const auto& z : kb.atlas.zones) zones.entries.push_back({z.id, z.name, json_io::to_json(kb, z)});
  kinds.push_back(std::move(zones));
  LearnKind claims{"claims", "what massage is said to do, with honest evidence grades", {}};
  for (const auto& c : kb.claims)
    claims.entries.push_back({c.id, c.topic + " [" + std::string(name(c.grade)) + "]", json_io::to_json(c)});
  kinds.push_back(std::move(claims));
  LearnKind sources{"sources", "the studies and reviews behind the claims", {}};
  for (const auto& s : kb.sources) sources.entries.push_back({s.id, s.citation, json_io::to_json(s)});
  kinds.push_back(std::move(sources));
  LearnKind conditions{"conditions", "the safety questions and what each answer means", {}};
  for (const auto& c : kb.conditions) conditions.entries.push_back({c.id, c.name, json_io::to_json(kb, c)});
  kinds.push_back(std::move(conditions));
  LearnKind tips{"tips", "small things that make a massage better and safer", {}};
  for (const auto& t : kb.tips) tips.entries.push_back({t.id, t.title, json_io::to_json(t)});
  kinds.push_back(std::move(tips));
  LearnKind questions{"questions", "everyday questions with honest answers", {}};
  for (const auto& q : kb.questions) questions.entries.push_back({q.id, q.question, json_io::to_json(q)});
  kinds.push_back(std::move(questions));
  LearnKind tools{"tools", "things a routine can use", {}};
  for (const auto& t : kb.tools) tools.entries.push_back({t.id, t.name, json_io::to_json(t)});
  kinds.push_back(std::move(tools));
  return kinds;
}

LearnFound learn_find(const std::vector<LearnKind>& kinds, const std::string& kind_word,
                      const std::string& id) {
  if (kind_word.empty()) return {};
  const LearnKind* kind = find_kind(kinds, kind_word);
  if (kind == nullptr) {
    if (!id.empty()) {
      std::vector<std::string> names;
      for (const auto& k : kinds) names.push_back(k.name);
      throw BadInput("KIND", unknown_word_message("kind", kind_word, names));
    }
    for (const auto& k : kinds)  // plantar learn ID
      if (const LearnEntry* entry = find_entry(k, kind_word)) return {&k, entry};
    std::vector<std::string> words;
    for (const auto& k : kinds) words.push_back(k.name);
    for (const auto& k : kinds)
      for (const auto& e : k.entries) words.push_back(e.id);
    throw BadInput("KIND", unknown_word_message("kind or id", kind_word, words));
  }
  if (id.empty()) return {kind, nullptr};
  const LearnEntry* entry = find_entry(*kind, id);
  if (entry == nullptr) {
    std::vector<std::string> ids;
    for (const auto& e : kind->entries) ids.push_back(e.id);
    throw BadInput("ID", unknown_word_message(kind->name.substr(0, kind->name.size() - 1), id, ids));
  }
  return {kind, entry};
}

Json learn_json(const std::vector<LearnKind>& kinds, const LearnFound& found) {
  if (found.entry != nullptr) return found.entry->json;
  Json out = Json::array();
  if (found.kind != nullptr) {
    for (const auto& e : found.kind->entries) out.push_back(e.json);
    return out;
  }
  for (const auto& k : kinds)
    out.push_back({{"kind", k.name}, {"count", k.entries.size()}, {"about", k.about}});
  return out;
}

}  // namespace plantar::app
