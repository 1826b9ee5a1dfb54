// The screening asked in plain words on a terminal, one condition at a time,
// most urgent first. It stops asking at the first answer that means stop.
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

// Asks until the answer starts with one of `choices`; returns that letter.
// The end of input throws EndOfInput: it is never a "no".
char ask_choice(std::istream& in, std::ostream& out, const std::string& prompt, const std::string& choices) {
  for (;;) {
    out << prompt << std::flush;
    auto answer = lowercase_trimmed(read_answer(in, out));
    if (!answer.empty() && choices.find(answer[0]) != std::string::npos) return answer[0];
    out << "  Please answer " << choices.substr(0, 1) << " or " << choices.substr(1, 1) << ".\n";
  }
}

std::vector<Place> ask_places(std::istream& in, std::ostream& out) {
  for (;;) {
    out << "  Where? Type places like left:heel right:arch, or left:* for a whole foot.\n"
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
  out << "A few safety questions first. Answer y (yes) or n (no).\n\n";
  std::vector<safety::ConditionReport> reports;
  for (const auto& condition : kb.conditions) {
    out << wrap(condition.question, "  ", "");
    char yes_no = ask_choice(in, out, "  [y/n] > ", "yn");
    if (yes_no == 'n') continue;
    safety::ConditionReport report{condition.id, "", {}};
    if (condition.severities.size() == 2) {
      auto prompt = "  Is it " + condition.severities[0] + " or " + condition.severities[1] + "? [" +
                    condition.severities[0].substr(0, 1) + "/" + condition.severities[1].substr(0, 1) +
                    "] > ";
      char level = ask_choice(in, out, prompt,
                              condition.severities[0].substr(0, 1) + condition.severities[1].substr(0, 1));
      report.severity =
          level == condition.severities[0][0] ? condition.severities[0] : condition.severities[1];
    }
    if (condition.local) report.at = ask_places(in, out);
    reports.push_back(report);
    if (safety::screen(kb, {report}).verdict == Verdict::stop) break;  // say so now
    out << "\n";
  }
  out << "\n";
  return reports;
}

}  // namespace plantar::cli
