// The command line's definition as plain data (names, flags, help texts),
// taken from CLI11 in app.cc, so the man pages and the shell completions are
// written from the same source as --help and cannot drift from it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "plantar/kb.h"

namespace plantar::cli {

struct OptionDoc {
  std::vector<std::string> names;  // "-o", "--output"; a positional's name ("WHERE")
  std::string value;               // the value's name ("FILE"); empty for a flag
  std::string description;
  bool positional = false;
  bool required = false;
  bool comma_list = false;  // --goal sleep,relax is --goal sleep --goal relax
};

struct CommandDoc {
  std::string name;         // "near"; "plantar" for the program itself
  std::string description;  // one line for a command; the program's is several
  std::string footer;       // notes and the example, as --help ends with them
  std::vector<OptionDoc> options;
  std::vector<CommandDoc> commands;
};

/// Writes plantar.1 and one page per command (plantar-plan.1,
/// plantar-places-near.1, ...) into `dir`, which must exist. Throws Failure.
void write_man_pages(const CommandDoc& program, std::string_view version, const std::string& dir);

/// The roff page of the command at `path` ({} for the program, {"places", "near"}).
std::string man_page(const CommandDoc& program, const std::vector<std::string>& path,
                     std::string_view version);

/// The completion script for `shell` (bash, zsh or fish): commands, flags and
/// the ids of the knowledge base. Throws BadInput for another shell.
std::string completion_script(const CommandDoc& program, const kb::KnowledgeBase& kb, std::string_view shell);

}  // namespace plantar::cli
