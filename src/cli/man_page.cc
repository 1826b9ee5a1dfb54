// Man pages in roff, written from the command line's own definition
// (command_doc.h): plantar(1) and one page per command.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "command_doc.h"
#include "plantar/errors.h"

namespace plantar::cli {
namespace {

// Text safe in roff: a backslash is \e, every '-' a real minus (so flags can
// be copied), and a line never starts with a control character.
std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  std::string safe;
  bool line_start = true;
  for (char c : out) {
    if (line_start && (c == '.' || c == '\'')) safe += "\\&";
    safe += c;
    line_start = c == '\n';
  }
  return safe;
}

std::string upper(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::toupper(c); });
  return text;
}

std::string join(const std::vector<std::string>& words, std::string_view between) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : std::string(between)) + word;
  return out;
}

const CommandDoc& command_at(const CommandDoc& program, const std::vector<std::string>& path) {
  const CommandDoc* command = &program;
  for (const auto& word : path) {
    auto found = std::find_if(command->commands.begin(), command->commands.end(),
                              [&](const CommandDoc& c) { return c.name == word; });
    if (found == command->commands.end()) throw BadInput("command", "no command '" + word + "'");
    command = &*found;
  }
  return *command;
}

std::string page_name(const std::vector<std::string>& path) {
  std::vector<std::string> words{"plantar"};
  words.insert(words.end(), path.begin(), path.end());
  return join(words, "-");
}

// One option as a tagged paragraph: "-o, --output FILE" then its words.
void write_option(std::ostream& out, const OptionDoc& option) {
  std::vector<std::string> names;
  for (const auto& name : option.names) names.push_back("\\fB" + roff(name) + "\\fR");
  out << ".TP\n" << join(names, ", ");
  if (!option.value.empty() && !option.positional) out << " \\fI" << roff(option.value) << "\\fR";
  out << "\n" << roff(option.description) << (option.required ? " (required)" : "") << "\n";
}

// The footer: its notes as one filled paragraph, each "Example:" line kept whole.
void write_footer(std::ostream& out, const std::string& footer) {
  std::istringstream lines(footer);
  std::string notes, examples;
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("Example: ", 0) == 0)
      examples += line.substr(9) + "\n";
    else if (!line.empty())
      notes += (notes.empty() ? "" : "\n") + line;
  }
  if (!notes.empty()) out << ".SH NOTES\n" << roff(notes) << "\n";
  if (!examples.empty()) out << ".SH EXAMPLES\n.nf\n" << roff(examples) << ".fi\n";
}

void write_options(std::ostream& out, const std::string& title, const std::vector<OptionDoc>& options,
                   bool positional) {
  bool any = std::any_of(options.begin(), options.end(), [&](auto& o) { return o.positional == positional; });
  if (!any) return;
  out << ".SH " << title << "\n";
  for (const auto& option : options)
    if (option.positional == positional) write_option(out, option);
}

// The program's flags that work with every command (--help is the command's
// own, and --version the program's alone).
std::vector<OptionDoc> global_options(const CommandDoc& program) {
  const std::vector<std::string> own{"--help", "--version"};
  std::vector<OptionDoc> global;
  for (const auto& option : program.options)
    if (std::find_first_of(option.names.begin(), option.names.end(), own.begin(), own.end()) ==
        option.names.end())
      global.push_back(option);
  return global;
}

std::string synopsis(const CommandDoc& command, const std::vector<std::string>& path) {
  std::string line = ".B plantar";
  for (const auto& word : path) line += " " + word;
  line += "\n[\\fIOPTIONS\\fR]";
  for (const auto& option : command.options)
    if (option.positional)
      line += option.required ? " \\fI" + roff(option.names[0]) + "\\fR"
                              : " [\\fI" + roff(option.names[0]) + "\\fR]";
  if (!command.commands.empty()) line += " \\fICOMMAND\\fR";
  return line + "\n";
}

void write_see_also(std::ostream& out, const CommandDoc& command, const std::vector<std::string>& path) {
  std::vector<std::string> pages;
  if (!path.empty()) pages.push_back("\\fBplantar\\fR(1)");
  for (const auto& sub : command.commands) {
    auto sub_path = path;
    sub_path.push_back(sub.name);
    pages.push_back("\\fB" + roff(page_name(sub_path)) + "\\fR(1)");
  }
  if (!pages.empty()) out << ".SH SEE ALSO\n" << join(pages, ",\n") << "\n";
}

// Where plantar keeps things and what it reads from the environment: in
// plantar(1) only. No flags here, so the page names exactly its --help's flags.
constexpr const char* files_and_environment = R"roff(.SH FILES
.TP
\fI$XDG_DATA_HOME/plantar\fR (\fI~/.local/share/plantar\fR when XDG_DATA_HOME is not set)
journal.db (your journal), places.db (the places you imported) and the web app's audio files
(audio\-cache). Only you can read them.
.TP
\fI$XDG_CACHE_HOME/plantar\fR (\fI~/.cache/plantar\fR)
Spoken sentences kept for the next session, and OpenStreetMap downloads.
.TP
\fIplantar.service\fR
The systemd user service: it runs plantar serve on 127.0.0.1:8080, and its log
(journalctl) shows the address to open.
.SH ENVIRONMENT
.TP
.B XDG_DATA_HOME, XDG_CACHE_HOME
Where the folders above are.
.TP
.B PLANTAR_AUDIO_CACHE_MB
How many megabytes of spoken sentences to keep (default 64).
.TP
.B PLANTAR_OSM_SOURCE
The download server of plantar places get (default https://download.geofabrik.de).
.TP
.B NO_COLOR
When set and not empty: no colours in the terminal.
)roff";

}  // namespace

std::string man_page(const CommandDoc& program, const std::vector<std::string>& path,
                     std::string_view version) {
  const CommandDoc& command = command_at(program, path);
  std::string name = page_name(path);
  std::string summary = path.empty() ? "a foot-massage companion" : command.description;
  std::ostringstream out;
  out << ".\\\" Written by 'plantar help --write-man-pages' from the command line's definition: do not "
         "edit.\n"
      << ".TH " << roff(upper(name)) << " 1 \"\" \"plantar " << roff(version) << "\" \"User Commands\"\n"
      << ".nh\n.ad l\n"
      << ".SH NAME\n"
      << roff(name) << " \\- " << roff(summary) << "\n"
      << ".SH SYNOPSIS\n"
      << synopsis(command, path) << ".SH DESCRIPTION\n"
      << roff(command.description) << "\n";
  write_options(out, "ARGUMENTS", command.options, true);
  write_options(out, "OPTIONS", command.options, false);
  if (!command.commands.empty()) {
    out << ".SH COMMANDS\n";
    for (const auto& sub : command.commands)
      out << ".TP\n\\fB" << roff(sub.name) << "\\fR\n" << roff(sub.description) << "\n";
  }
  if (!path.empty()) write_options(out, "GLOBAL OPTIONS", global_options(program), false);
  write_footer(out, command.footer);
  if (path.empty()) out << files_and_environment;
  write_see_also(out, command, path);
  return out.str();
}

void write_man_pages(const CommandDoc& program, std::string_view version, const std::string& dir) {
  std::vector<std::vector<std::string>> paths{{}};
  for (std::size_t i = 0; i < paths.size(); ++i)  // breadth first: every command and its commands
    for (const auto& sub : command_at(program, paths[i]).commands) {
      auto path = paths[i];
      path.push_back(sub.name);
      paths.push_back(path);
    }
  for (const auto& path : paths) {
    auto file = std::filesystem::path(dir) / (page_name(path) + ".1");
    std::ofstream out(file, std::ios::binary);
    out << man_page(program, path, version);
    out.close();
    if (!out) throw Failure("cannot write " + file.string());
  }
}

}  // namespace plantar::cli
