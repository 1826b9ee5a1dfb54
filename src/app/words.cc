// Plain names for people, and the --condition words.
#include "plantar/app_words.h"

#include <fmt/format.h>

#include <cctype>
#include <sstream>

#include "plantar/errors.h"

namespace plantar::app {

std::string plain_region(Region region) {
  std::string text(name(region));
  for (auto& c : text)
    if (c == '_') c = ' ';
  return text;
}

std::string plain_place(const Place& place) {
  if (place.whole_foot()) return fmt::format("the whole {} foot and leg", name(place.foot));
  return fmt::format("{} {}", name(place.foot), plain_region(*place.region));
}

std::string technique_name(const kb::KnowledgeBase& kb, const std::string& id) {
  const kb::Technique* t = kb.technique(id);
  return t != nullptr ? t->name : id;
}

std::string measure_word(const std::string& measure) {
  std::string out = measure;
  for (auto& c : out)
    if (c == '_') c = ' ';
  if (!out.empty()) out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0])));
  return out;
}

std::vector<safety::ConditionReport> parse_condition_flags(const std::vector<std::string>& flags) {
  std::vector<safety::ConditionReport> reports;
  for (const auto& flag : flags) {
    safety::ConditionReport report;
    std::string head = flag;
    if (auto at = flag.find('@'); at != std::string::npos) {
      head = flag.substr(0, at);
      std::stringstream places(flag.substr(at + 1));
      std::string word;
      while (std::getline(places, word, ',')) {
        auto place = parse_place(word);
        if (!place)
          throw BadInput("--condition " + flag,
                         "unknown place '" + word + "' (expected FOOT:REGION like left:heel, or right:*)");
        report.at.push_back(*place);
      }
    }
    if (auto eq = head.find('='); eq != std::string::npos) {
      report.severity = head.substr(eq + 1);
      head = head.substr(0, eq);
    }
    report.id = head;
    reports.push_back(report);
  }
  return reports;
}

}  // namespace plantar::app
