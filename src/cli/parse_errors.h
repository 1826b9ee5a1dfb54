// CLI11's parse errors rewritten in plantar's plain words, naming the flag the
// person typed and suggesting the closest one. No CLI11 here: app.cc hands
// over the error's kind and text and the command's flags as plain strings.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace plantar::cli {

struct ParseProblem {
  std::string kind;                           // CLI11's error name: "ExtrasError", "ConversionError", ...
  std::string message;                        // CLI11's own message
  std::string command;                        // "plantar plan", "plantar places near", or "plantar"
  std::vector<std::string> flags;             // the flags the command takes: "--goal", "-o", ...
  std::map<std::string, std::string> values;  // flag -> its value's name ("N", "FILE")
};

/// The message to print after "plantar: ", ending with where to find help.
std::string plain_parse_message(const ParseProblem& problem);

/// A BadInput message whose `where` is a request's JSON path ("goals[0]")
/// with the flag the person typed instead ("--goal"), when that flag is
/// among the command-line `words`; else `message` unchanged. The API keeps
/// the JSON path: only the command line calls this.
std::string with_flag_names(const std::string& where, const std::string& message,
                            const std::vector<std::string>& words);

}  // namespace plantar::cli
