// See parse_errors.h. The patterns are CLI11 2.1's messages (CLI/Error.hpp);
// an unknown one is kept as it is, so nothing is ever hidden.
#include "parse_errors.h"

#include <regex>

#include "plantar/suggest.h"

namespace plantar::cli {
namespace {

std::string help_hint(const ParseProblem& p) { return "\nSee '" + p.command + " --help'."; }

// "--gaol=sleep" -> "--gaol".
std::string flag_part(const std::string& word) { return word.substr(0, word.find('=')); }

std::string unexpected(const ParseProblem& p, const std::string& list) {
  // CLI11 lists the words last first: the first flag typed is the last one here.
  std::vector<std::string> words;
  std::regex word(R"(\S+)");
  for (auto it = std::sregex_iterator(list.begin(), list.end(), word); it != std::sregex_iterator(); ++it)
    words.insert(words.begin(), it->str());
  for (const auto& w : words) {
    if (w.size() < 2 || w[0] != '-') continue;
    std::string flag = flag_part(w);
    std::string message = "unknown flag '" + flag + "' for '" + p.command + "'";
    std::string guess = closest(flag, p.flags);
    if (!guess.empty()) message += " (did you mean '" + guess + "'?)";
    return message + help_hint(p);
  }
  std::string joined;
  for (const auto& w : words) joined += (joined.empty() ? "" : " ") + w;
  return "did not expect '" + joined + "' after '" + p.command +
         "' (a value needs its flag in front, like --goal sleep)" + help_hint(p);
}

std::string value_words(const ParseProblem& p, const std::string& flag) {
  auto it = p.values.find(flag);
  std::string type = it == p.values.end() ? "" : it->second;
  if (type == "N") return "a whole number";
  if (type == "KM" || type == "R") return "a number";
  return "a value";
}

}  // namespace

std::string plain_parse_message(const ParseProblem& p) {
  const std::string& m = p.message;
  std::smatch match;
  // CLI11 names some errors after the command, not the error: match the words.
  if (std::regex_search(m, match,
                        std::regex(R"(^The following arguments? (?:was|were) not expected: (.*)$)")))
    return unexpected(p, match[1]);
  if (std::regex_search(m, match, std::regex(R"(^Could not convert: (\S+) = (.*)$)")))
    return match[1].str() + ": expected " + value_words(p, match[1]) + ", got '" + match[2].str() + "'" +
           help_hint(p);
  if (std::regex_search(m, match, std::regex(R"(^(\S+): At Most 1 required but received (\d+))")))
    return match[1].str() + ": give it once (it was given " + match[2].str() + " times)" + help_hint(p);
  if (std::regex_search(m, match, std::regex(R"(^(\S+): \d+ required (\S+) missing)")))
    return match[1].str() + ": give " + match[2].str() + " after it, like " + match[1].str() + " " +
           match[2].str() + help_hint(p);
  if (std::regex_search(m, match, std::regex(R"(^Expected exactly \d+ arguments? to (\S+))")))
    return match[1].str() + ": give one value after it" + help_hint(p);
  if (m == "A subcommand is required" || std::regex_search(m, std::regex("subcommand.*required"))) {
    std::string example = p.command == "plantar"           ? "check"
                          : p.command == "plantar account" ? "password --store URI --account EMAIL"
                                                           : "near Vaduz";
    return "say what to do, like '" + p.command + " " + example + "'" + help_hint(p);
  }
  if (std::regex_search(m, match, std::regex(R"(^(\S+) is required$)"))) {
    std::string what = match[1];
    if (what == "--output") what = "-o FILE";
    return "missing " + what + help_hint(p);
  }
  return m + help_hint(p);
}

std::string with_flag_names(const std::string& where, const std::string& message,
                            const std::vector<std::string>& words) {
  static const std::map<std::string, std::string> flags{
      {"goals", "--goal"},  {"tools", "--tool"},           {"minutes", "--minutes"},     {"feet", "--feet"},
      {"giver", "--giver"}, {"conditions", "--condition"}, {"techniques", "--technique"}};
  std::string field = where.substr(0, where.find_first_of("[."));
  auto flag = flags.find(field);
  if (flag == flags.end() || where.empty() || message.rfind(where + ": ", 0) != 0) return message;
  bool typed = false;
  for (const auto& word : words)
    typed = typed || word == flag->second || word.rfind(flag->second + "=", 0) == 0;
  if (!typed) return message;
  return flag->second + ": " + message.substr(where.size() + 2);
}

}  // namespace plantar::cli
