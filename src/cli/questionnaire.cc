// The screening asked in plain words on a terminal: first one grouped list
// (the same groups as the web Check screen), then follow-ups only for what
// was ticked.
#include "questionnaire.h"

#include <algorithm>
#include <cctype>
#include <istream>
#include <ostream>
#include <sstream>

#include "prompt.h"
#include "text.h"

namespace plantar::cli {
namespace {

std::string lowercase_trimmed(std::string text) {
  text.erase(0, text.find_first_not_of(" \t\r"));
  text.erase(text.find_last_not_of(" \t\r") + 1);
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// The conditions in the order the list shows them, numbered from 1.
std::vector<const kb::Condition*> listed(const kb::KnowledgeBase& kb) {
  std::vector<const kb::Condition*> out;
  for (const auto& group : kb.condition_groups)
    for (const auto& id : group.conditions) out.push_back(kb.condition(id));
  return out;
}

void print_list(const kb::KnowledgeBase& kb, std::ostream& out) {
  out << "Does any of these apply to you today?\n";
  std::size_t number = 1;
  for (const auto& group : kb.condition_groups) {
    out << "\n" << group.title << "\n";
    for (const auto& id : group.conditions) {
      std::string label = std::to_string(number++);
      label.insert(0, 4 - std::min<std::size_t>(label.size(), 3), ' ');
      out << wrap(kb.condition(id)->label, "        ", label + "  ");
    }
  }
  out << "\n   0  None of these\n";
}

// Reads the ticked numbers; the end of input throws EndOfInput. An unknown
// number is said, and the list asked again.
bool read_ticks(std::istream& in, std::ostream& out, std::size_t count, std::vector<std::size_t>& ticks) {
  for (;;) {
    out << "\nType the numbers that apply, like 3 12, or 0 for none of these: > " << std::flush;
    std::string line = read_answer(in, out);
    if (lowercase_trimmed(line).empty()) {  // Enter alone is not "none of these"
      out << "  Type 0 if none of these apply.\n";
      continue;
    }
    std::replace(line.begin(), line.end(), ',', ' ');
    std::istringstream words(lowercase_trimmed(line));
    ticks.clear();
    std::string word, bad;
    while (words >> word) {
      if (word == "0" || word == "none") continue;
      std::size_t n = 0;
      bool digits = std::all_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); });
      if (digits && word.size() < 4) n = std::stoul(word);
      if (n < 1 || n > count) {
        bad = word;
        break;
      }
      if (std::find(ticks.begin(), ticks.end(), n - 1) == ticks.end()) ticks.push_back(n - 1);
    }
    if (bad.empty()) return true;
    out << "  '" << bad << "' is not on the list. Use numbers from 1 to " << count << ", or 0.\n";
  }
}

// How bad, in plain words; "not sure" counts as the most severe, and says so.
std::string ask_severity(const kb::Condition& c, std::istream& in, std::ostream& out) {
  out << "\n" << c.label << ": which fits best?\n";
  const auto& levels = c.severities;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    auto means = c.severity_means.count(levels[i]) ? c.severity_means.at(levels[i]) : levels[i];
    out << wrap(means, "     ", "  " + std::to_string(i + 1) + "  ");
  }
  out << "  " << levels.size() + 1 << "  Not sure\n";
  for (;;) {
    out << "  > " << std::flush;
    std::string line = read_answer(in, out);
    auto answer = lowercase_trimmed(line);
    for (std::size_t i = 0; i < levels.size(); ++i)
      if (answer == std::to_string(i + 1) || answer == levels[i]) return levels[i];
    if (answer == std::to_string(levels.size() + 1) || answer.rfind("not", 0) == 0) {
      out << "  Not sure counts as the more serious answer, to keep you safe.\n";
      return "";
    }
    out << "  Please answer a number from 1 to " << levels.size() + 1 << ".\n";
  }
}

std::vector<Place> ask_places(const kb::Condition& c, std::istream& in, std::ostream& out) {
  out << "\n" << c.label << ": where is it?\n";
  for (;;) {
    out << "  Type places like left:heel right:arch, or left:* for a whole foot.\n"
           "  Press Enter if you are not sure: > "
        << std::flush;
    std::istringstream words(lowercase_trimmed(read_answer(in, out)));
    std::vector<Place> places;
    std::string word;
    bool ok = true;
    while (words >> word) {
      auto place = parse_place(word);
      if (!place) {
        out << "  I do not know the place '" << word << "'. Regions: toes ball arch heel inner_edge"
            << " outer_edge top ankle achilles calf.\n";
        ok = false;
        break;
      }
      places.push_back(*place);
    }
    if (ok) return places;
  }
}

}  // namespace

std::vector<safety::ConditionReport> ask_conditions(const kb::KnowledgeBase& kb, std::istream& in,
                                                    std::ostream& out) {
  out << "A quick safety check first.\n\n";
  auto conditions = listed(kb);
  print_list(kb, out);
  std::vector<std::size_t> ticks;
  read_ticks(in, out, conditions.size(), ticks);
  // Follow-ups in safety.toml's order: the urgent ones first.
  std::vector<safety::ConditionReport> reports;
  for (const auto& condition : kb.conditions) {
    bool ticked = std::any_of(ticks.begin(), ticks.end(),
                              [&](std::size_t i) { return conditions[i]->id == condition.id; });
    if (!ticked) continue;
    safety::ConditionReport report{condition.id, "", {}};
    if (!condition.severities.empty()) report.severity = ask_severity(condition, in, out);
    if (condition.local) report.at = ask_places(condition, in, out);
    reports.push_back(report);
  }
  out << "\n";
  return reports;
}

}  // namespace plantar::cli
