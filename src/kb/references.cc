#include "references.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include "plantar/errors.h"
#include "plantar/suggest.h"

namespace plantar::kb {
namespace {

[[noreturn]] void fail(const Origin& origin, const std::string& message) {
  throw BadInput(origin.text(), message);
}

template <typename Items, typename Id>
void require_unique(const Items& items, const std::string& kind, Id id_of, const Origin& fallback) {
  std::set<std::string> seen;
  for (const auto& item : items)
    if (!seen.insert(id_of(item)).second) fail(fallback, "duplicate " + kind + " id '" + id_of(item) + "'");
}

void require_refs(const std::vector<std::string>& ids, const Origin& origin, const std::string& field,
                  const std::function<bool(const std::string&)>& exists) {
  for (const auto& id : ids)
    if (!exists(id)) fail(origin, field + ": unknown id '" + id + "'");
}

void check_techniques_and_goals(const KnowledgeBase& kb) {
  auto technique_exists = [&](const std::string& id) { return kb.technique(id) != nullptr; };
  auto goal_exists = [&](const std::string& id) { return kb.goal(id) != nullptr; };
  auto tool_exists = [&](const std::string& id) { return kb.tool(id) != nullptr; };
  for (const auto& t : kb.techniques) {
    require_refs(t.tools, t.origin, "technique " + t.id + ".tools", tool_exists);
    require_refs(t.goals, t.origin, "technique " + t.id + ".goals", goal_exists);
    for (const auto& goal_id : t.goals) {
      const auto& listed = kb.goal(goal_id)->techniques;
      if (t.phase == Phase::main && std::find(listed.begin(), listed.end(), t.id) == listed.end())
        fail(t.origin, "technique " + t.id + " serves goal " + goal_id +
                           " but goals.toml does not list it under that goal");
    }
  }
  for (const auto& g : kb.goals) {
    require_refs(g.techniques, g.origin, "goal " + g.id + ".techniques", technique_exists);
    require_refs(g.claims, g.origin, "goal " + g.id + ".claims",
                 [&](const std::string& id) { return kb.claim(id) != nullptr; });
    for (const auto& id : g.techniques) {
      const Technique* t = kb.technique(id);
      if (t->phase != Phase::main)
        fail(g.origin, "goal " + g.id + ": " + id + " is not a main-phase technique");
      if (std::find(t->goals.begin(), t->goals.end(), g.id) == t->goals.end())
        fail(g.origin, "goal " + g.id + " lists " + id + " but that technique does not list the goal");
    }
  }
  const Technique* stretch = kb.technique("calf_stretch");
  if (stretch == nullptr || stretch->phase != Phase::finish)
    fail({"techniques.toml", 1}, "expected a technique calf_stretch with phase \"finish\"");
  bool has_warmup = std::any_of(kb.techniques.begin(), kb.techniques.end(),
                                [](const Technique& t) { return t.phase == Phase::warmup; });
  if (!has_warmup) fail({"techniques.toml", 1}, "expected at least one warm-up technique");
  if (kb.goal("general") == nullptr) fail({"goals.toml", 1}, "expected the goal 'general'");
}

void check_claims(const KnowledgeBase& kb) {
  for (const auto& c : kb.claims) {
    bool verified = false;
    for (const auto& id : c.sources) {
      const Source* s = kb.source(id);
      if (s == nullptr) fail(c.origin, "claim " + c.id + ".sources: unknown source '" + id + "'");
      verified = verified || s->verified;
    }
    if (!verified && c.grade != Grade::insufficient)
      fail(c.origin, "claim " + c.id + ": a " + std::string(name(c.grade)) +
                         " claim needs at least one verified source");
  }
}

void check_conditions(const KnowledgeBase& kb) {
  auto known = [&](const std::string& id) { return kb.condition(id) != nullptr; };
  for (const auto& c : kb.conditions) {
    std::vector<const Rule*> rules{&c.rule};
    for (const auto& [level, rule] : c.by_severity) rules.push_back(&rule);
    for (const auto& [other, rule] : c.with) {
      if (!known(other) || other == c.id)
        fail(c.origin, "condition " + c.id + ".with: unknown or own condition id '" + other + "'");
      rules.push_back(&rule);
    }
    for (const Rule* rule : rules) {
      require_refs(rule->sources, c.origin, "condition " + c.id + ".sources",
                   [&](const std::string& id) { return kb.source(id) != nullptr; });
      require_refs(rule->avoid_techniques, c.origin, "condition " + c.id + ".avoid_techniques",
                   [&](const std::string& id) { return kb.technique(id) != nullptr; });
      require_refs(rule->avoid_tools, c.origin, "condition " + c.id + ".avoid_tools",
                   [&](const std::string& id) { return kb.tool(id) != nullptr; });
      if (rule->without_at && !c.local)
        fail(c.origin, "condition " + c.id + ": without_at is only for local conditions");
      if (rule->emergency && !rule->urgent)
        fail(c.origin, "condition " + c.id + ": emergency needs urgent = true");
    }
  }
  // Every condition sits in exactly one group of the check's first screen.
  std::map<std::string, int> seen;
  for (const auto& g : kb.condition_groups) {
    require_refs(g.conditions, g.origin, "group " + g.id + ".conditions", known);
    for (const auto& id : g.conditions) seen[id]++;
  }
  for (const auto& c : kb.conditions)
    if (seen[c.id] != 1)
      fail(c.origin,
           "condition " + c.id + " must be in exactly one [[group]], found in " + std::to_string(seen[c.id]));
}

void check_tips_zones_questions(const KnowledgeBase& kb) {
  auto goal_exists = [&](const std::string& id) { return kb.goal(id) != nullptr; };
  auto condition_exists = [&](const std::string& id) { return kb.condition(id) != nullptr; };
  auto claim_exists = [&](const std::string& id) { return kb.claim(id) != nullptr; };
  auto source_exists = [&](const std::string& id) { return kb.source(id) != nullptr; };
  for (const auto& t : kb.tips) {
    require_refs(t.goals, t.origin, "tip " + t.id + ".goals", goal_exists);
    require_refs(t.conditions, t.origin, "tip " + t.id + ".conditions", condition_exists);
  }
  if (!claim_exists(kb.atlas.claim))
    fail(kb.atlas.origin, "atlas.claim: unknown claim '" + kb.atlas.claim + "'");
  for (const auto& z : kb.atlas.zones)
    if (kb.region(z.region).view != View::sole)
      fail(z.origin, "zone " + z.id + ": reflexology zones lie on the sole");
  for (const auto& q : kb.questions) {
    require_refs(q.claims, q.origin, "question " + q.id + ".claims", claim_exists);
    require_refs(q.conditions, q.origin, "question " + q.id + ".conditions", condition_exists);
    require_refs(q.sources, q.origin, "question " + q.id + ".sources", source_exists);
  }
}

// Phrases of `plantar ask` are matched word by word against a lower-cased
// question stripped of punctuation, so they must be written the same way.
void require_plain_phrase(const std::string& phrase, const Origin& origin, const std::string& field) {
  bool plain = !phrase.empty() && phrase.front() != ' ' && phrase.back() != ' ' &&
               phrase.find("  ") == std::string::npos &&
               std::all_of(phrase.begin(), phrase.end(), [](char c) {
                 return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ';
               });
  if (!plain) fail(origin, field + ": '" + phrase + "' must be lower-case letters, digits and single spaces");
}

void check_ask_words(const KnowledgeBase& kb) {
  for (const auto& word : kb.stop_words) {
    require_plain_phrase(word, {"synonyms.toml", 1}, "stop_words");
    if (word.find(' ') != std::string::npos)
      fail({"synonyms.toml", 1}, "stop_words: '" + word + "' is not one word");
  }
  for (const auto& s : kb.synonyms)
    for (const auto& phrase : s.phrases) require_plain_phrase(phrase, s.origin, "synonym.phrases");
  for (const auto& c : kb.conditions)
    for (const auto& phrase : c.ask_triggers)
      require_plain_phrase(phrase, c.origin, "condition " + c.id + ".ask_triggers");
}

// A cue text may only use the placeholders the session timeline fills in.
void check_placeholders(const Cues& c, const std::string& what, const std::string& text) {
  static const std::vector<std::string> known{"technique", "area", "pressure", "cue", "foot", "whose"};
  for (std::size_t open = text.find('{'); open != std::string::npos; open = text.find('{', open + 1)) {
    auto close = text.find('}', open);
    std::string word =
        text.substr(open + 1, close == std::string::npos ? std::string::npos : close - open - 1);
    if (close == std::string::npos || std::find(known.begin(), known.end(), word) == known.end())
      fail(c.origin, "cues " + what + ": " + unknown_word_message("placeholder", word, known));
  }
}

void check_cues(const Cues& c) {
  for (const auto& [what, text] : {std::pair<std::string, const std::string*>{"announce", &c.announce},
                                   {"announce_partner", &c.announce_partner},
                                   {"foot_change", &c.foot_change},
                                   {"foot_change_partner", &c.foot_change_partner}})
    check_placeholders(c, what, *text);
  for (const auto& [region, text] : c.areas)
    check_placeholders(c, "areas." + std::string(name(region)), text);
}

}  // namespace

void check_references(const KnowledgeBase& kb) {
  auto by_id = [](const auto& item) { return item.id; };
  require_unique(kb.tools, "tool", by_id, {"tools.toml", 1});
  require_unique(kb.techniques, "technique", by_id, {"techniques.toml", 1});
  require_unique(kb.goals, "goal", by_id, {"goals.toml", 1});
  require_unique(kb.claims, "claim", by_id, {"claims.toml", 1});
  require_unique(kb.sources, "source", by_id, {"sources.toml", 1});
  require_unique(kb.conditions, "condition", by_id, {"safety.toml", 1});
  require_unique(kb.tips, "tip", by_id, {"tips.toml", 1});
  require_unique(kb.atlas.zones, "zone", by_id, {"zones.toml", 1});
  require_unique(kb.questions, "question", by_id, {"faq.toml", 1});
  require_unique(kb.regions, "region", [](const RegionInfo& r) { return std::string(name(r.id)); },
                 {"regions.toml", 1});
  if (kb.regions.size() != all_regions.size())
    fail({"regions.toml", 1}, "expected all 10 regions of DESIGN.md");
  check_techniques_and_goals(kb);
  check_claims(kb);
  check_conditions(kb);
  check_tips_zones_questions(kb);
  check_ask_words(kb);
  require_unique(kb.places.kinds, "place kind", by_id, {"places.toml", 1});
  if (kb.places.named_places.empty())
    fail(kb.places.origin, "named_places.place: expected at least one value");
  check_cues(kb.cues);
}

}  // namespace plantar::kb
