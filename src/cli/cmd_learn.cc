// plantar learn [KIND [ID]]: browse the knowledge base.
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "learn_pictures.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/render.h"
#include "plantar/suggest.h"
#include "plantar/technique_picture.h"
#include "text.h"

namespace plantar::cli {
namespace {

using json_io::Json;

struct Entry {
  std::string id, title, detail;
  Json json;
};

struct Kind {
  std::string name, about;
  std::vector<Entry> entries;
};

std::string joined(const std::vector<std::string>& items, const std::string& separator = ", ") {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? separator : "") + items[i];
  return out;
}

std::string technique_detail(const kb::KnowledgeBase& kb, const kb::Technique& t) {
  std::vector<std::string> regions, tools, givers, goals;
  for (Region r : t.regions) regions.push_back(plain_region(r));
  for (const auto& id : t.tools) tools.push_back(kb.tool(id)->name);
  for (Giver g : t.givers) givers.push_back(g == Giver::self ? "yourself" : "a partner");
  for (const auto& id : t.goals) goals.push_back(kb.goal(id)->name);
  std::string out = t.name + "\n";
  out += wrap("Works: " + joined(regions), "    ", "  ");
  out += fmt::format("  Pressure: {} to {} of 5, usually {} ({}).\n", t.pressure.min, t.pressure.max,
                     t.pressure.preferred, pressure_words(t.pressure.preferred));
  out += fmt::format("  Time: about {} s ({} to {} s).\n", t.seconds.preferred, t.seconds.min, t.seconds.max);
  out += "  Needs: " + (tools.empty() ? std::string("just your hands") : joined(tools)) + ".\n";
  out += "  Given by: " + joined(givers, " or ") + ".\n";
  if (!goals.empty()) out += wrap("Good for: " + joined(goals) + ".", "    ", "  ");
  out += "\nHow to do it:\n";
  for (std::size_t i = 0; i < t.steps.size(); ++i)
    out += wrap(t.steps[i], "     ", fmt::format("  {}. ", i + 1));
  out += "\nWhat you will hear:\n" + wrap(t.cue, "    ", "    ");
  if (!t.cautions.empty()) out += "\nTake care:\n";
  for (const auto& c : t.cautions) out += wrap(c, "    ", "  * ");
  return out;
}

std::string claim_detail(const kb::KnowledgeBase& kb, const kb::Claim& c) {
  return c.topic + "\n" + fmt::format("  Evidence: {} ({}).\n", name(c.grade), grade_words(c.grade)) +
         wrap(c.say, "  ", "  ") +
         (c.sources.empty() ? "  Sources: none yet.\n" : "  Sources:\n" + citations(kb, c.sources, "    "));
}

std::string goal_detail(const kb::KnowledgeBase& kb, const kb::Goal& g) {
  std::string out = g.name + "\n" + wrap(g.description, "  ", "  ") + "\n  Techniques, best first:\n";
  for (const auto& id : g.techniques) out += "    * " + kb.technique(id)->name + " (" + id + ")\n";
  out += "\n" + wrap("What to expect: " + g.expect, "  ", "  ");
  if (!g.claims.empty()) out += "\n  What the research says:\n";
  for (const auto& id : g.claims) {
    const kb::Claim* c = kb.claim(id);
    out += wrap(c->topic + " [" + std::string(name(c->grade)) + "]: " + c->say, "      ", "    * ");
  }
  return out;
}

std::string condition_detail(const kb::KnowledgeBase& kb, const kb::Condition& c) {
  std::string out = c.name + "\n" + wrap("Asked as: " + c.question, "    ", "  ") + "  Signs:\n";
  for (const auto& sign : c.signs) out += wrap(sign, "      ", "    * ");
  out += fmt::format("  Verdict: {}{}.\n", name(c.rule.verdict), c.rule.urgent ? ", urgent" : "");
  out += wrap(c.rule.message, "  ", "  ");
  for (const auto& [level, rule] : c.by_severity)
    out += wrap(fmt::format("If {}: {}. {}", level, name(rule.verdict), rule.message), "    ", "  ");
  return out + "  Sources:\n" + citations(kb, c.rule.sources, "    ");
}

std::string question_detail(const kb::KnowledgeBase& kb, const kb::Question& q) {
  std::string out = q.question + "\n" + wrap(q.answer, "  ", "  ");
  for (const auto& id : q.claims) {
    const kb::Claim* c = kb.claim(id);
    out += wrap(fmt::format("Evidence on \"{}\": {} ({}).", c->topic, name(c->grade), grade_words(c->grade)),
                "    ", "  ");
  }
  if (!q.sources.empty()) out += "  Sources:\n" + citations(kb, q.sources, "    ");
  return out;
}

std::vector<Kind> catalogue(const kb::KnowledgeBase& kb) {
  std::vector<Kind> kinds;
  Kind techniques{"techniques", "how to do each massage step", {}};
  for (const auto& t : kb.techniques)
    techniques.entries.push_back({t.id, t.name, technique_detail(kb, t), json_io::to_json(t)});
  kinds.push_back(std::move(techniques));
  Kind goals{"goals", "what a routine can aim at, and what to expect", {}};
  for (const auto& g : kb.goals)
    goals.entries.push_back({g.id, g.name, goal_detail(kb, g), json_io::to_json(g)});
  kinds.push_back(std::move(goals));
  Kind regions{"regions", "the areas of the foot and lower leg", {}};
  for (const auto& r : kb.regions)
    regions.entries.push_back({std::string(name(r.id)), r.name,
                               r.name + "\n" + wrap(r.plain, "  ", "  ") + wrap(r.description, "  ", "  "),
                               json_io::to_json(r)});
  kinds.push_back(std::move(regions));
  Kind zones{"zones", "the reflexology map of the soles: a tradition, not anatomy", {}};
  const kb::Claim* atlas = kb.claim(kb.atlas.claim);
  for (const auto& z : kb.atlas.zones) {
    std::vector<std::string> feet;
    for (Foot f : z.feet) feet.emplace_back(name(f));
    zones.entries.push_back(
        {z.id, z.name,
         z.name + " (" + joined(feet, " and ") + " foot, " + plain_region(z.region) + ")\n" +
             wrap(z.tradition, "  ", "  ") + wrap(kb.atlas.note, "  ", "  ") +
             fmt::format("  Evidence: {} ({}).\n", name(atlas->grade), grade_words(atlas->grade)),
         json_io::to_json(kb, z)});
  }
  kinds.push_back(std::move(zones));
  Kind claims{"claims", "what massage is said to do, with honest evidence grades", {}};
  for (const auto& c : kb.claims)
    claims.entries.push_back(
        {c.id, c.topic + " [" + std::string(name(c.grade)) + "]", claim_detail(kb, c), json_io::to_json(c)});
  kinds.push_back(std::move(claims));
  Kind sources{"sources", "the studies and reviews behind the claims", {}};
  for (const auto& s : kb.sources)
    sources.entries.push_back({s.id, s.citation,
                               wrap(s.citation, "  ", "") + (s.doi.empty() ? "" : "  doi:" + s.doi + "\n"),
                               json_io::to_json(s)});
  kinds.push_back(std::move(sources));
  Kind conditions{"conditions", "the safety questions and what each answer means", {}};
  for (const auto& c : kb.conditions)
    conditions.entries.push_back({c.id, c.name, condition_detail(kb, c), json_io::to_json(kb, c)});
  kinds.push_back(std::move(conditions));
  Kind tips{"tips", "small things that make a massage better and safer", {}};
  for (const auto& t : kb.tips)
    tips.entries.push_back({t.id, t.title, t.title + "\n" + wrap(t.text, "  ", "  "), json_io::to_json(t)});
  kinds.push_back(std::move(tips));
  Kind questions{"questions", "everyday questions with honest answers", {}};
  for (const auto& q : kb.questions)
    questions.entries.push_back({q.id, q.question, question_detail(kb, q), json_io::to_json(q)});
  kinds.push_back(std::move(questions));
  Kind tools{"tools", "things a routine can use", {}};
  for (const auto& t : kb.tools)
    tools.entries.push_back(
        {t.id, t.name, t.name + "\n" + wrap(t.description, "  ", "  "), json_io::to_json(t)});
  kinds.push_back(std::move(tools));
  return kinds;
}

const Kind* find_kind(const std::vector<Kind>& kinds, std::string word) {
  for (const auto& kind : kinds)
    if (kind.name == word || kind.name == word + "s") return &kind;
  return nullptr;
}

const Entry* find_entry(const Kind& kind, const std::string& id) {
  for (const auto& entry : kind.entries)
    if (entry.id == id) return &entry;
  return nullptr;
}

void show_kinds(const Context& context, const std::vector<Kind>& kinds) {
  if (context.json) {
    Json out = Json::array();
    for (const auto& k : kinds)
      out.push_back({{"kind", k.name}, {"count", k.entries.size()}, {"about", k.about}});
    context.out << json_io::dump(out);
    return;
  }
  context.out << "What plantar knows. Try 'plantar learn KIND' or 'plantar learn KIND ID'.\n\n";
  for (const auto& k : kinds)
    context.out << fmt::format("  {:<11} {:>3}  {}\n", k.name, k.entries.size(), k.about);
}

void show_list(const Context& context, const Kind& kind) {
  if (context.json) {
    Json out = Json::array();
    for (const auto& e : kind.entries) out.push_back(e.json);
    context.out << json_io::dump(out);
    return;
  }
  context.out << kind.name << ": " << kind.about << "\n\n";
  for (const auto& e : kind.entries)
    context.out << wrap(e.title, std::string(28, ' '), fmt::format("  {:<25} ", e.id));
  context.out << "\nMore on one: plantar learn " << kind.name << " ID\n";
}

void show_entry(const Context& context, const Entry& entry) {
  context.out << (context.json ? json_io::dump(entry.json) : entry.detail);
}

std::vector<std::string> all_ids(const std::vector<Kind>& kinds) {
  std::vector<std::string> ids;
  for (const auto& k : kinds)
    for (const auto& e : k.entries) ids.push_back(e.id);
  return ids;
}

Foot picture_foot(const std::string& word) {
  if (word != "left" && word != "right")
    throw BadInput("--foot", "expected left or right, got '" + word + "'");
  return word == "left" ? Foot::left : Foot::right;
}

// --picture FILE: one technique's picture (.svg, .png, or - for SVG on stdout).
int write_picture(const Context& context, const PictureArgs& options, const kb::Technique& t) {
  render::PictureOptions picture{picture_foot(options.foot)};
  std::string svg = render::technique_picture_svg(context.kb, t, picture);
  if (options.picture == "-") {
    context.out << svg;
    return 0;
  }
  std::string ext = std::filesystem::path(options.picture).extension().string();
  if (ext != ".svg" && ext != ".png")
    throw BadInput("--picture", "expected a file name ending in .svg or .png, got '" + options.picture + "'");
  render::write_image(svg, options.picture);
  if (!context.json) context.out << "Wrote the picture of " << t.name << " to " << options.picture << ".\n";
  return 0;
}

// --pictures DIR: every technique as ID.svg and ID.png, and contact-sheet.png.
int write_pictures(const Context& context, const PictureArgs& options) {
  namespace fs = std::filesystem;
  Foot foot = picture_foot(options.foot);
  std::error_code error;
  fs::create_directories(options.pictures, error);
  if (error || !fs::is_directory(options.pictures))
    throw BadInput("--pictures", "cannot make the folder '" + options.pictures + "'");
  for (const auto& t : context.kb.techniques) {
    std::string svg = render::technique_picture_svg(context.kb, t, {foot});
    render::write_image(svg, (fs::path(options.pictures) / (t.id + ".svg")).string());
    render::write_image(svg, (fs::path(options.pictures) / (t.id + ".png")).string());
  }
  render::write_image(render::contact_sheet_svg(context.kb),
                      (fs::path(options.pictures) / "contact-sheet.png").string());
  if (!context.json)
    context.out << fmt::format("Wrote {} pictures (SVG and PNG) and contact-sheet.png to {}.\n",
                               context.kb.techniques.size(), options.pictures);
  return 0;
}

}  // namespace

int run_learn_pictures(const Context& context, const LearnOptions& learn, const PictureArgs& options) {
  if (!options.picture.empty() && !options.pictures.empty())
    throw BadInput("--picture", "use either --picture FILE or --pictures DIR, not both");
  if (options.picture.empty() && options.pictures.empty())
    throw BadInput("--foot", "goes with --picture FILE or --pictures DIR");
  bool techniques = learn.kind == "techniques";
  if (!options.pictures.empty()) {
    if (!techniques || !learn.id.empty())
      throw BadInput("--pictures", "use it as: plantar learn techniques --pictures DIR");
    return write_pictures(context, options);
  }
  std::string id = techniques ? learn.id : learn.kind;
  if (id.empty())
    throw BadInput("ID", "--picture needs a technique: plantar learn techniques ID --picture FILE");
  const kb::Technique* t = context.kb.technique(id);
  if (t == nullptr) {
    std::vector<std::string> ids;
    for (const auto& x : context.kb.techniques) ids.push_back(x.id);
    throw BadInput("ID", unknown_word_message("technique", id, ids));
  }
  return write_picture(context, options, *t);
}

int run_learn(const Context& context, const LearnOptions& options) {
  auto kinds = catalogue(context.kb);
  if (options.kind.empty()) {
    show_kinds(context, kinds);
    return 0;
  }
  const Kind* kind = find_kind(kinds, options.kind);
  if (kind == nullptr) {
    if (!options.id.empty()) {
      std::vector<std::string> names;
      for (const auto& k : kinds) names.push_back(k.name);
      throw BadInput("KIND", unknown_word_message("kind", options.kind, names));
    }
    for (const auto& k : kinds)  // plantar learn ID
      if (const Entry* entry = find_entry(k, options.kind)) {
        show_entry(context, *entry);
        return 0;
      }
    std::vector<std::string> words;
    for (const auto& k : kinds) words.push_back(k.name);
    for (const auto& id : all_ids(kinds)) words.push_back(id);
    throw BadInput("KIND", unknown_word_message("kind or id", options.kind, words));
  }
  if (options.id.empty()) {
    show_list(context, *kind);
    return 0;
  }
  const Entry* entry = find_entry(*kind, options.id);
  if (entry == nullptr) {
    std::vector<std::string> ids;
    for (const auto& e : kind->entries) ids.push_back(e.id);
    throw BadInput("ID", unknown_word_message(kind->name.substr(0, kind->name.size() - 1), options.id, ids));
  }
  show_entry(context, *entry);
  return 0;
}

}  // namespace plantar::cli
