// plantar ask QUESTION: answers from the knowledge base, safety first.
#include <fmt/format.h>

#include <cctype>
#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "plantar/ask.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "text.h"

namespace plantar::cli {
namespace {

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

// "Ernst 2003", "Sutham et al. 2020", "NHS (Gout)": the authors (the
// citation up to its first full stop) and the first year, or for a web page
// the title; the full reference is in 'learn'.
std::string short_citation(const kb::Source& source) {
  const std::string& c = source.citation;
  std::size_t stop = c.find(". ");
  std::string who = c.substr(0, stop);
  if (who.size() >= 3 && who.compare(who.size() - 3, 3, " al") == 0) who += ".";
  for (std::size_t i = 0; i + 4 <= c.size(); ++i) {
    bool year = (c.compare(i, 2, "19") == 0 || c.compare(i, 2, "20") == 0) && std::isdigit(c[i + 2]) &&
                std::isdigit(c[i + 3]) && (i == 0 || !std::isdigit(c[i - 1])) &&
                (i + 4 == c.size() || !std::isdigit(c[i + 4]));
    if (year) return who + " " + c.substr(i, 4);
  }
  // A web page with no year ("NHS. Broken ankle. https://..."): the body and the page's title.
  if (stop != std::string::npos) {
    std::size_t end = c.find(". ", stop + 2);
    if (end != std::string::npos) return who + " (" + c.substr(stop + 2, end - stop - 2) + ")";
  }
  return who;
}

void print_answer(const Context& context, const ask::Answer& a, std::size_t number) {
  auto& out = context.out;
  // Guidance put first because the question named a warning sign has no score.
  std::string heading = !a.safety ? a.title : (a.score > 0 ? "Safety: " : "SAFETY FIRST: ") + a.title;
  out << wrap(heading, "   ", fmt::format("{}. ", number));
  out << wrap(a.text, "   ", "   ");
  for (const auto& c : a.claims)
    out << wrap(fmt::format("Evidence on \"{}\": {} ({}).", c.topic, name(c.grade), grade_words(c.grade)),
                "     ", "   ");
  std::vector<std::string> sources;
  for (const auto& id : a.sources)
    if (const kb::Source* s = context.kb.source(id)) sources.push_back(short_citation(*s));
  if (!sources.empty()) out << wrap("Sources: " + joined(sources, "; ") + ".", "     ", "   ");
  out << fmt::format("   More: plantar learn {}s {}\n\n", ask::name(a.kind), a.id);
}

void print_text(const Context& context, const ask::Result& result) {
  auto& out = context.out;
  for (const auto& c : result.corrections)
    out << fmt::format("(Reading \"{}\" as \"{}\".)\n", c.typed, c.read_as);
  if (!result.corrections.empty()) out << "\n";
  if (result.answers.empty()) {
    out << wrap("I have no good answer to \"" + result.query +
                    "\" in what plantar knows, and I will not guess. Close topics you could ask about:",
                "", "");
    for (const auto& s : result.suggestions) out << wrap(s, "    ", "  * ");
    out << "\nEvery question plantar answers: plantar learn questions\n"
           "For a health worry, ask a doctor, nurse, podiatrist or physiotherapist.\n";
    return;
  }
  std::size_t number = 1;
  for (const auto& a : result.answers) print_answer(context, a, number++);
  out << "Full references: plantar learn sources. This is general information, not a\n"
         "diagnosis: when in doubt, see a doctor, nurse, podiatrist or physiotherapist.\n";
}

}  // namespace

int run_ask(const Context& context, const AskOptions& options) {
  std::string question = joined(options.words, " ");
  if (question.empty())
    throw BadInput("QUESTION", "expected a question, e.g. plantar ask \"how hard should I press\"");
  if (options.limit < 1 || options.limit > ask::max_limit)
    throw BadInput("--limit",
                   fmt::format("expected a number from 1 to {}, got {}", ask::max_limit, options.limit));
  ask::Index index(context.kb);
  auto result = index.ask(question, options.limit);
  if (context.json)
    context.out << json_io::dump(json_io::to_json(result));
  else
    print_text(context, result);
  return result.answers.empty() ? 1 : 0;  // like grep: 1 when nothing was found (docs/cli.md)
}

}  // namespace plantar::cli
