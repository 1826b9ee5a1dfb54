// plantar learn [KIND [ID]]: browse the knowledge base.
#include <fmt/format.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "learn_pictures.h"
#include "plantar/app_learn.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/render.h"
#include "plantar/suggest.h"
#include "plantar/technique_picture.h"
#include "text.h"

namespace plantar::cli {
namespace {

using json_io::Json;

using app::LearnKind;

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

// One entry's text for the terminal (the catalogue itself, with the JSON,
// is shared with the server: plantar/app_learn.h).
std::string region_detail(const kb::RegionInfo& r) {
  return r.name + "\n" + wrap(r.plain, "  ", "  ") + wrap(r.description, "  ", "  ");
}

std::string zone_detail(const kb::KnowledgeBase& kb, const kb::Zone& z) {
  const kb::Claim* atlas = kb.claim(kb.atlas.claim);
  std::vector<std::string> feet;
  for (Foot f : z.feet) feet.emplace_back(name(f));
  return z.name + " (" + joined(feet, " and ") + " foot, " + plain_region(z.region) + ")\n" +
         wrap(z.tradition, "  ", "  ") + wrap(kb.atlas.note, "  ", "  ") +
         fmt::format("  Evidence: {} ({}).\n", name(atlas->grade), grade_words(atlas->grade));
}

template <typename Item>
const Item& by_id(const std::vector<Item>& items, const std::string& id) {
  for (const auto& item : items)
    if (item.id == id) return item;
  throw Failure("internal: no " + id + " in the knowledge base");
}

std::string detail(const kb::KnowledgeBase& kb, const std::string& kind, const std::string& id) {
  if (kind == "techniques") return technique_detail(kb, *kb.technique(id));
  if (kind == "goals") return goal_detail(kb, *kb.goal(id));
  if (kind == "regions") return region_detail(kb.region(*parse_region(id)));
  if (kind == "zones") return zone_detail(kb, by_id(kb.atlas.zones, id));
  if (kind == "claims") return claim_detail(kb, *kb.claim(id));
  if (kind == "sources") {
    const kb::Source& s = *kb.source(id);
    return wrap(s.citation, "  ", "") + (s.doi.empty() ? "" : "  doi:" + s.doi + "\n");
  }
  if (kind == "conditions") return condition_detail(kb, *kb.condition(id));
  if (kind == "tips") {
    const auto& t = by_id(kb.tips, id);
    return t.title + "\n" + wrap(t.text, "  ", "  ");
  }
  if (kind == "questions") return question_detail(kb, by_id(kb.questions, id));
  const kb::Tool& t = *kb.tool(id);
  return t.name + "\n" + wrap(t.description, "  ", "  ");
}

void show_kinds(const Context& context, const std::vector<LearnKind>& kinds) {
  context.out << "What plantar knows. Try 'plantar learn KIND' or 'plantar learn KIND ID'.\n\n";
  for (const auto& k : kinds)
    context.out << fmt::format("  {:<11} {:>3}  {}\n", k.name, k.entries.size(), k.about);
}

void show_list(const Context& context, const LearnKind& kind) {
  context.out << kind.name << ": " << kind.about << "\n\n";
  for (const auto& e : kind.entries)
    context.out << wrap(e.title, std::string(28, ' '), fmt::format("  {:<25} ", e.id));
  context.out << "\nMore on one: plantar learn " << kind.name << " ID\n";
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
  auto kinds = app::learn_catalogue(context.kb);
  auto found = app::learn_find(kinds, options.kind, options.id);
  if (context.json)
    context.out << json_io::dump(app::learn_json(kinds, found));
  else if (found.entry != nullptr)
    context.out << detail(context.kb, found.kind->name, found.entry->id);
  else if (found.kind != nullptr)
    show_list(context, *found.kind);
  else
    show_kinds(context, kinds);
  return 0;
}

}  // namespace plantar::cli
