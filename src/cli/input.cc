#include "input.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "plantar/errors.h"

namespace plantar::cli {

std::string read_input(const std::string& path, const std::string& flag) {
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw BadInput(flag, "cannot read '" + path + "' (does the file exist?)");
  text << in.rdbuf();
  return text.str();
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

}  // namespace plantar::cli
