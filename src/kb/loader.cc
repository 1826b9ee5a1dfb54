// Parses each knowledge file into the typed knowledge base. Cross-file
// references are checked afterwards by check_references (references.cc).
#include <algorithm>
#include <functional>
#include <map>

#include "pictures.h"
#include "references.h"
#include "toml_reader.h"

namespace plantar::kb {
namespace {

[[noreturn]] void fail_at(const TableReader& reader, std::string_view key, const std::string& msg) {
  reader.fail(key, msg);
}

template <typename T, typename Parse>
std::vector<T> parse_words(TableReader& reader, std::string_view key, Parse parse,
                           std::string_view expected) {
  std::vector<T> out;
  for (const auto& word : reader.strings(key)) {
    auto value = parse(word);
    if (!value) fail_at(reader, key, "unknown value '" + word + "' (expected " + std::string(expected) + ")");
    out.push_back(*value);
  }
  return out;
}

constexpr std::string_view region_list =
    "toes, ball, arch, heel, inner_edge, outer_edge, top, ankle, achilles or calf";

Region read_region(TableReader& reader, std::string_view key) {
  auto word = reader.string(key);
  auto region = parse_region(word);
  if (!region)
    fail_at(reader, key, "unknown region '" + word + "' (expected " + std::string(region_list) + ")");
  return *region;
}

Verdict read_verdict(TableReader& reader, std::string_view key, const std::string& word) {
  auto verdict = parse_verdict(word);
  if (!verdict) fail_at(reader, key, "unknown verdict '" + word + "' (expected go, caution or stop)");
  return *verdict;
}

void parse_tools(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  for_each_entry(root, file, "tool", [&](TableReader& r) {
    Tool tool;
    tool.id = r.string("id");
    tool.name = r.string("name");
    tool.description = r.string("description");
    tool.apply = r.optional_string("apply");
    tool.apply_partner = r.optional_string("apply_partner", tool.apply);
    tool.amount = r.optional_string("amount");
    tool.wipe = r.optional_string("wipe");
    kb.tools.push_back(std::move(tool));
  });
}

void parse_regions(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  for_each_entry(root, file, "region", [&](TableReader& r) {
    RegionInfo region;
    region.id = read_region(r, "id");
    region.name = r.string("name");
    region.plain = r.string("plain");
    region.description = r.string("description");
    auto view = r.string("view");
    if (view != "sole" && view != "side") fail_at(r, "view", "expected \"sole\" or \"side\"");
    region.view = view == "sole" ? View::sole : View::side;
    region.leg = r.boolean("leg", false);
    region.outline = r.polygon("outline");
    region.back = r.points("back", 0);  // optional: the back-of-leg view of the technique pictures
    if (!region.back.empty() && region.back.size() < 3)
      fail_at(r, "back", "expected at least 3 [x, y] points");
    if (!region.back.empty() && !region.leg)
      fail_at(r, "back", "only the leg regions (leg = true) have a back view");
    kb.regions.push_back(std::move(region));
  });
}

Phase read_phase(TableReader& r) {
  static const std::map<std::string, Phase> phases{{"warmup", Phase::warmup},
                                                   {"main", Phase::main},
                                                   {"cooldown", Phase::cooldown},
                                                   {"finish", Phase::finish}};
  auto word = r.string("phase");
  auto it = phases.find(word);
  if (it == phases.end())
    fail_at(r, "phase", "expected warmup, main, cooldown or finish, got '" + word + "'");
  return it->second;
}

// How a technique is done: a stretch says how far and how long to hold.
void parse_technique_kind(TableReader& r, Technique& t) {
  t.kind = r.optional_string("kind", "massage");
  if (t.kind != "massage" && t.kind != "stretch" && t.kind != "movement")
    fail_at(r, "kind", "expected \"massage\", \"stretch\" or \"movement\"");
  t.hold_seconds = r.optional_int("hold_seconds", 5, 60).value_or(0);
  t.stretch_to = r.optional_string("stretch_to");
  if (t.kind == "stretch" && (t.hold_seconds == 0 || t.stretch_to.empty()))
    fail_at(r, "kind", "a stretch needs hold_seconds and stretch_to");
  t.standing = r.boolean("standing", false);
  t.why = r.string("why");
  t.with_lotion = r.optional_string("with_lotion");
  t.with_lotion_partner = r.optional_string("with_lotion_partner", t.with_lotion);
}

void parse_techniques(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  for_each_entry(root, file, "technique", [&](TableReader& r) {
    Technique t;
    t.origin = r.origin();
    t.id = r.string("id");
    t.name = r.string("name");
    t.phase = read_phase(r);
    t.regions = parse_words<Region>(r, "regions", parse_region, region_list);
    if (t.regions.empty()) fail_at(r, "regions", "expected at least one region");
    t.pressure = r.range("pressure", min_pressure, max_pressure_level);
    t.seconds = r.range("seconds", 15, 300);
    for (int s : {t.seconds.min, t.seconds.preferred, t.seconds.max})
      if (s % 5 != 0) fail_at(r, "seconds", "expected multiples of 5 seconds");
    if ((t.phase == Phase::warmup || t.phase == Phase::cooldown) && t.pressure.max > 2)
      fail_at(r, "pressure", "a warm-up or cool-down technique must have max pressure 2 or less");
    t.tools = r.strings("tools");
    t.givers = parse_words<Giver>(r, "givers", parse_giver, "self or partner");
    if (t.givers.empty()) fail_at(r, "givers", "expected at least one of self, partner");
    t.goals = r.strings("goals");
    t.cue = r.string("cue");
    t.cue_partner = r.string("cue_partner");
    t.halfway = r.optional_string("halfway");
    t.steps = r.strings("steps");
    if (t.steps.empty()) fail_at(r, "steps", "expected at least one step");
    t.cautions = r.strings("cautions");
    parse_technique_kind(r, t);
    kb.techniques.push_back(std::move(t));
  });
}

void parse_goals(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  for_each_entry(root, file, "goal", [&](TableReader& r) {
    Goal g;
    g.origin = r.origin();
    g.id = r.string("id");
    g.name = r.string("name");
    g.description = r.string("description");
    g.techniques = r.strings("techniques");
    if (g.techniques.empty()) fail_at(r, "techniques", "expected at least one technique");
    g.expect = r.string("expect");
    g.expect_partner = r.optional_string("expect_partner", g.expect);
    g.short_name = r.optional_string("short", g.name);
    g.claims = r.strings("claims");
    kb.goals.push_back(std::move(g));
  });
}

void parse_sources(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  for_each_entry(root, file, "source", [&](TableReader& r) {
    Source s;
    s.id = r.string("id");
    s.citation = r.string("citation");
    s.doi = r.optional_string("doi");
    s.pmid = r.optional_string("pmid");
    s.verified = r.boolean("verified", true);
    kb.sources.push_back(std::move(s));
  });
}

void parse_claims(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  for_each_entry(root, file, "claim", [&](TableReader& r) {
    Claim c;
    c.origin = r.origin();
    c.id = r.string("id");
    c.topic = r.string("topic");
    auto grade = r.string("grade");
    auto parsed = parse_grade(grade);
    if (!parsed)
      fail_at(r, "grade", "expected moderate, limited, insufficient or contradicted, got '" + grade + "'");
    c.grade = *parsed;
    c.say = r.string("say");
    c.sources = r.strings("sources");
    kb.claims.push_back(std::move(c));
  });
}

// Reads the fields of a rule that `r` gives, on top of `base`.
Rule read_rule(TableReader& r, Rule base, bool verdict_required) {
  Rule rule = std::move(base);
  auto verdict = verdict_required ? r.string("verdict") : r.optional_string("verdict");
  if (!verdict.empty()) rule.verdict = read_verdict(r, "verdict", verdict);
  rule.urgent = r.boolean("urgent", rule.urgent);
  rule.emergency = r.boolean("emergency", rule.emergency);
  auto message = verdict_required ? r.string("message") : r.optional_string("message");
  if (!message.empty()) rule.message = message;
  if (auto p = r.optional_int("max_pressure", 1, default_pressure_ceiling)) rule.max_pressure = p;
  if (auto p = r.optional_int("leg_max_pressure", 1, default_pressure_ceiling)) rule.leg_max_pressure = p;
  if (auto v = r.strings("avoid_techniques"); !v.empty()) rule.avoid_techniques = v;
  if (auto v = r.strings("avoid_tools"); !v.empty()) rule.avoid_tools = v;
  if (auto v = r.strings("avoid_default"); !v.empty()) {
    rule.avoid_default.clear();
    for (const auto& word : v) {
      auto place = parse_place(word);
      if (!place)
        fail_at(r, "avoid_default", "expected places like \"left:calf\" or \"right:*\", got '" + word + "'");
      rule.avoid_default.push_back(*place);
    }
  }
  if (auto word = r.optional_string("without_at"); !word.empty())
    rule.without_at = read_verdict(r, "without_at", word);
  if (auto v = r.strings("notes"); !v.empty()) rule.notes = v;
  if (auto v = r.strings("sources"); !v.empty()) rule.sources = v;
  return rule;
}

// Reads `[condition.NAME.KEY]` tables, each a rule on top of `base`; `read`
// may take extra keys first.
template <typename Extra>
void read_rule_tables(TableReader& r, const std::string& file, const char* name, const Rule& base,
                      std::map<std::string, Rule>& out, Extra extra) {
  const auto* table = r.subtable(name);
  if (table == nullptr) return;
  for (const auto& [key, node] : *table) {
    std::string id(key.str());
    const auto* inner_table = node.as_table();
    if (inner_table == nullptr) fail_at(r, name, "expected [condition." + std::string(name) + "." + id + "]");
    TableReader inner(*inner_table, file, "condition." + std::string(name) + "." + id);
    extra(inner, id);
    out[id] = read_rule(inner, base, false);
    inner.reject_unknown_keys();
  }
}

void parse_safety(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  for_each_entry(root, file, "condition", [&](TableReader& r) {
    Condition c;
    c.origin = r.origin();
    c.id = r.string("id");
    c.name = r.string("name");
    c.label = r.optional_string("label", c.name);
    c.question = r.string("question");
    c.signs = r.strings("signs");
    if (c.signs.empty()) fail_at(r, "signs", "expected at least one warning sign a person can recognise");
    c.local = r.boolean("local", false);
    c.severities = r.strings("severities");
    c.rule = read_rule(r, {}, true);
    if (c.rule.sources.empty()) fail_at(r, "sources", "expected at least one source");
    c.ask_triggers = r.strings("ask_triggers");
    read_rule_tables(r, file, "severity", c.rule, c.by_severity,
                     [&](TableReader& inner, const std::string& level) {
                       if (std::find(c.severities.begin(), c.severities.end(), level) == c.severities.end())
                         fail_at(r, "severity", "'" + level + "' is not listed in severities");
                       if (auto means = inner.optional_string("means"); !means.empty())
                         c.severity_means[level] = means;
                     });
    read_rule_tables(r, file, "with", c.rule, c.with, [](TableReader&, const std::string&) {});
    kb.conditions.push_back(std::move(c));
  });
  TableReader top(root, file, "safety");
  kb.pressure_scale = top.strings("pressure_scale");
  if (kb.pressure_scale.size() != static_cast<std::size_t>(default_pressure_ceiling + 1))
    fail_at(top, "pressure_scale", "expected 5 phrases, one for each pressure from 1 to 5");
  for_each_entry(root, file, "group", [&](TableReader& r) {
    ConditionGroup g;
    g.origin = r.origin();
    g.id = r.string("id");
    g.title = r.string("title");
    g.conditions = r.strings("conditions");
    if (g.conditions.empty()) fail_at(r, "conditions", "expected at least one condition id");
    kb.condition_groups.push_back(std::move(g));
  });
}

void parse_tips(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  for_each_entry(root, file, "tip", [&](TableReader& r) {
    Tip t;
    t.origin = r.origin();
    t.id = r.string("id");
    t.title = r.string("title");
    t.text = r.string("text");
    t.title_partner = r.optional_string("title_partner", t.title);
    t.text_partner = r.optional_string("text_partner", t.text);
    t.when = r.optional_string("when", "any");
    if (t.when != "before" && t.when != "after" && t.when != "any")
      fail_at(r, "when", "expected \"before\", \"after\" or \"any\"");
    t.goals = r.strings("goals");
    t.conditions = r.strings("conditions");
    kb.tips.push_back(std::move(t));
  });
}

void parse_zones(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  const auto* atlas = root["atlas"].as_table();
  if (atlas == nullptr) throw BadInput(file + ":1", "expected an [atlas] table with claim and note");
  TableReader r(*atlas, file, "atlas");
  kb.atlas.origin = r.origin();
  kb.atlas.claim = r.string("claim");
  kb.atlas.note = r.string("note");
  r.reject_unknown_keys();
  for_each_entry(root, file, "zone", [&](TableReader& z) {
    Zone zone;
    zone.origin = z.origin();
    zone.id = z.string("id");
    zone.name = z.string("name");
    zone.feet = parse_words<Foot>(z, "feet", parse_foot, "left or right");
    if (zone.feet.empty()) fail_at(z, "feet", "expected left, right or both");
    zone.region = read_region(z, "region");
    zone.outline = z.polygon("outline");
    zone.tradition = z.string("tradition");
    kb.atlas.zones.push_back(std::move(zone));
  });
}

void parse_faq(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  for_each_entry(root, file, "question", [&](TableReader& r) {
    Question q;
    q.origin = r.origin();
    q.id = r.string("id");
    q.question = r.string("question");
    q.also = r.strings("also");
    q.answer = r.string("answer");
    q.claims = r.strings("claims");
    q.conditions = r.strings("conditions");
    q.sources = r.strings("sources");
    kb.questions.push_back(std::move(q));
  });
}

void parse_synonyms(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  for (const auto& [key, node] : root)
    if (key.str() != "stop_words" && key.str() != "synonym")
      throw BadInput(file + ":" + std::to_string(TableReader::line_of(node)),
                     "unknown key '" + std::string(key.str()) + "' (expected stop_words or [[synonym]])");
  TableReader top(root, file, "synonyms");
  kb.stop_words = top.strings("stop_words");
  for_each_entry(root, file, "synonym", [&](TableReader& r) {
    Synonym s;
    s.origin = r.origin();
    s.phrases = r.strings("phrases");
    if (s.phrases.size() < 2) fail_at(r, "phrases", "expected at least two phrases that mean the same");
    kb.synonyms.push_back(std::move(s));
  });
}

// "shop=beauty+beauty~spa": tests joined by "+", each `key=value` or `key~word`.
std::vector<TagTest> read_tag_match(TableReader& reader, const std::string& text) {
  std::vector<TagTest> tests;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = std::min(text.find('+', start), text.size());
    auto part = text.substr(start, end - start);
    auto op = part.find_first_of("=~");
    if (op == std::string::npos || op == 0 || op + 1 == part.size())
      fail_at(reader, "match", "bad tag test '" + part + "' (expected key=value or key~word, joined by +)");
    tests.push_back({part.substr(0, op), part.substr(op + 1), part[op] == '~'});
    start = end + 1;
  }
  return tests;
}

void parse_places(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  for_each_entry(root, file, "place_kind", [&](TableReader& r) {
    PlaceKind kind{r.string("id"), r.string("name"), r.string("plural"), {}, r.origin()};
    for (const auto& text : r.strings("match")) kind.match.push_back(read_tag_match(r, text));
    if (kind.match.empty()) fail_at(r, "match", "expected at least one tag test");
    kb.places.kinds.push_back(std::move(kind));
  });
  const auto* named = root["named_places"].as_table();
  if (named == nullptr) throw BadInput(file + ":1", "expected a [named_places] table");
  TableReader reader(*named, file, "named_places");
  kb.places.named_places = reader.strings("place");
  kb.places.origin = reader.origin();
  reader.reject_unknown_keys();
}

int required_int(TableReader& r, std::string_view key, int lo, int hi) {
  auto value = r.optional_int(key, lo, hi);
  if (!value)
    r.fail(key, "is missing (expected a whole number from " + std::to_string(lo) + " to " +
                    std::to_string(hi) + ")");
  return *value;
}

void parse_cue_timing(TableReader& r, Cues& c) {
  c.intro_seconds = required_int(r, "intro_seconds", 5, 60);
  c.countdown = required_int(r, "countdown", 0, 5);
  c.outro_seconds = required_int(r, "outro_seconds", 5, 60);
  c.words_per_minute = required_int(r, "words_per_minute", 60, 300);
  c.chime_seconds = required_int(r, "chime_seconds", 1, 5);
  c.warning_seconds = required_int(r, "warning_seconds", 5, 30);
  c.gap_seconds = required_int(r, "gap_seconds", 0, 5);
}

void parse_cue_words(TableReader& r, Cues& c) {
  for (auto [key, field] : {std::pair{"welcome", &c.welcome},
                            {"welcome_partner", &c.welcome_partner},
                            {"announce", &c.announce},
                            {"announce_partner", &c.announce_partner},
                            {"foot_change", &c.foot_change},
                            {"foot_change_partner", &c.foot_change_partner},
                            {"ten_seconds_left", &c.ten_seconds_left},
                            {"closing", &c.closing},
                            {"closing_partner", &c.closing_partner},
                            {"after_tips", &c.after_tips},
                            {"stand_up", &c.stand_up},
                            {"stretch", &c.stretch},
                            {"movement", &c.movement}})
    *field = r.string(key);
  c.countdown_words = r.strings("countdown");
  c.pressure = r.strings("pressure");
  if (c.pressure.size() != static_cast<std::size_t>(max_pressure_level))
    r.fail("pressure", "expected one phrase for each pressure level, 1 to 5");
}

void parse_cues(const toml::table& root, const std::string& file, KnowledgeBase& kb) {
  Cues& c = kb.cues;
  for (const char* name : {"timing", "words", "areas"})
    if (root[name].as_table() == nullptr)
      throw BadInput(file + ":1", std::string("expected a [") + name + "] table");
  TableReader timing(*root["timing"].as_table(), file, "timing");
  c.origin = timing.origin();
  parse_cue_timing(timing, c);
  timing.reject_unknown_keys();
  TableReader words(*root["words"].as_table(), file, "words");
  parse_cue_words(words, c);
  if (c.countdown_words.size() != static_cast<std::size_t>(c.countdown))
    words.fail("countdown", "expected as many words as timing.countdown");
  words.reject_unknown_keys();
  TableReader areas(*root["areas"].as_table(), file, "areas");
  for (Region region : all_regions) c.areas[region] = areas.string(name(region));
  areas.reject_unknown_keys();
}

using Parser = std::function<void(const toml::table&, const std::string&, KnowledgeBase&)>;

// In the order they are parsed. Every file is required.
const std::vector<std::pair<std::string, Parser>>& parsers() {
  static const std::vector<std::pair<std::string, Parser>> list{{"sources.toml", parse_sources},
                                                                {"tools.toml", parse_tools},
                                                                {"regions.toml", parse_regions},
                                                                {"claims.toml", parse_claims},
                                                                {"techniques.toml", parse_techniques},
                                                                {"goals.toml", parse_goals},
                                                                {"safety.toml", parse_safety},
                                                                {"tips.toml", parse_tips},
                                                                {"zones.toml", parse_zones},
                                                                {"faq.toml", parse_faq},
                                                                {"synonyms.toml", parse_synonyms},
                                                                {"places.toml", parse_places},
                                                                {"cues.toml", parse_cues},
                                                                {"pictures.toml", parse_pictures}};
  return list;
}

// TOML forbids control characters; rejecting them first also keeps toml++'s
// header-only build (used by the fuzzer) away from inputs it mishandles.
void reject_control_characters(const SourceFile& file) {
  int line = 1;
  for (unsigned char c : file.text) {
    if (c == '\n')
      ++line;
    else if (c < 0x20 && c != '\t' && c != '\r')
      throw BadInput(file.name + ":" + std::to_string(line), "control character in the file");
    else if (c == 0x7f)
      throw BadInput(file.name + ":" + std::to_string(line), "control character in the file");
  }
}

// TOML allows non-ASCII text only inside strings and comments. toml++ 3.3
// (Debian 12) reaches __builtin_unreachable (undefined behaviour) on some
// non-ASCII characters where whitespace may stand, e.g. "key = é" (found by
// fuzz_kb_loader; fixed upstream in 3.4), so such text is refused first.
void reject_bare_non_ascii(const SourceFile& file) {
  enum class In { bare, comment, basic, literal, multi_basic, multi_literal } in = In::bare;
  const std::string& t = file.text;
  int line = 1;
  auto at = [&](std::size_t i, std::string_view s) { return t.compare(i, s.size(), s) == 0; };
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (c == '\n') {
      ++line;
      if (in == In::comment || in == In::basic || in == In::literal) in = In::bare;
      continue;
    }
    bool escape = c == '\\' && i + 1 < t.size() && t[i + 1] != '\n';
    if (in == In::bare) {
      if (c == '#')
        in = In::comment;
      else if (at(i, "\"\"\""))
        in = In::multi_basic, i += 2;
      else if (at(i, "'''"))
        in = In::multi_literal, i += 2;
      else if (c == '"')
        in = In::basic;
      else if (c == '\'')
        in = In::literal;
      else if (static_cast<unsigned char>(c) >= 0x80)
        throw BadInput(file.name + ":" + std::to_string(line), "non-ASCII text outside a string or comment");
    } else if (in == In::basic || in == In::multi_basic) {
      if (escape)
        ++i;
      else if (in == In::basic && c == '"')
        in = In::bare;
      else if (in == In::multi_basic && at(i, "\"\"\""))
        in = In::bare, i += 2;
    } else if ((in == In::literal && c == '\'') || (in == In::multi_literal && at(i, "'''"))) {
      if (in == In::multi_literal) i += 2;
      in = In::bare;
    }
  }
}

toml::table parse_toml(const SourceFile& file) {
  reject_control_characters(file);
  reject_bare_non_ascii(file);
  try {
    return toml::parse(std::string_view(file.text), std::string_view(file.name));
  } catch (const toml::parse_error& error) {
    throw BadInput(file.name + ":" + std::to_string(error.source().begin.line),
                   std::string(error.description()));
  }
}

}  // namespace

KnowledgeBase load(const std::vector<SourceFile>& files) {
  std::map<std::string, const SourceFile*> by_name;
  for (const auto& file : files) {
    bool known =
        std::any_of(parsers().begin(), parsers().end(), [&](const auto& p) { return p.first == file.name; });
    if (!known) throw BadInput(file.name, "unknown knowledge file (see docs/data-format.md)");
    by_name[file.name] = &file;
  }
  KnowledgeBase kb;
  for (const auto& [name, parse] : parsers()) {
    auto it = by_name.find(name);
    if (it == by_name.end()) throw BadInput(name, "knowledge file is missing");
    parse(parse_toml(*it->second), name, kb);
  }
  check_references(kb);
  return kb;
}

}  // namespace plantar::kb
