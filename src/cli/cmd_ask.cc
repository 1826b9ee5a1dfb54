// plantar ask QUESTION: answers from the knowledge base, safety first.
#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <ostream>

#include "commands.h"
#include "plantar/ask.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "text.h"

namespace plantar::cli {
namespace {

std::string question_of(const AskOptions& options) {
  std::string out;
  for (const auto& word : options.words) out += (out.empty() ? "" : " ") + word;
  return out;
}

void print_answer(const Context& context, const ask::Answer& a, std::size_t number) {
  auto& out = context.out;
  // Guidance put first because the question named a warning sign has no score.
  std::string heading = !a.safety ? a.title : (a.score > 0 ? "Safety: " : "SAFETY FIRST: ") + a.title;
  out << wrap(heading, "   ", fmt::format("{}. ", number));
  out << wrap(a.text, "   ", "   ");
  for (const auto& c : a.claims)
    out << wrap(fmt::format("Evidence that it \"{}\": {} ({}).", c.topic, name(c.grade), grade_words(c.grade)),
                "     ", "   ");
  if (!a.sources.empty()) out << "   Sources:\n" << citations(context.kb, a.sources, "   ");
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
  out << "plantar gives general information, not a diagnosis. When in doubt, see a professional.\n";
}

}  // namespace

int run_ask(const Context& context, const AskOptions& options) {
  std::string question = question_of(options);
  if (question.empty())
    throw BadInput("QUESTION", "expected a question, e.g. plantar ask \"how hard should I press\"");
  if (options.limit < 1 || options.limit > ask::max_limit)
    throw BadInput("--limit", fmt::format("expected a number from 1 to {}, got {}", ask::max_limit, options.limit));
  ask::Index index(context.kb);
  auto result = index.ask(question, options.limit);
  if (context.json)
    context.out << json_io::dump(json_io::to_json(result));
  else
    print_text(context, result);
  return 0;
}

}  // namespace plantar::cli
