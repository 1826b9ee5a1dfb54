// Shell completions for bash, zsh and fish, written from the command line's
// definition (command_doc.h) and the knowledge base's ids: nothing here lists
// a command or a flag by hand.
#include <algorithm>
#include <cctype>
#include <set>
#include <sstream>

#include "command_doc.h"
#include "plantar/errors.h"
#include "plantar/vocabulary.h"

namespace plantar::cli {
namespace {

std::string join(const std::vector<std::string>& words, std::string_view between = " ") {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : std::string(between)) + word;
  return out;
}

std::string trim(std::string text) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), not_space));
  text.erase(std::find_if(text.rbegin(), text.rend(), not_space).base(), text.end());
  return text;
}

bool is_word(const std::string& text) {
  return !text.empty() && std::islower(static_cast<unsigned char>(text[0])) &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::islower(c) || c == '_'; });
}

// The choices a description lists, as in "left, right or both (default both)"
// or "json (default) or csv": asides in brackets and what follows a colon are
// left out; at least two single words, and at most one longer item ("or an id").
std::vector<std::string> listed_words(const std::string& description) {
  std::string text;
  int depth = 0;
  for (char c : description.substr(0, description.find(':'))) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (depth == 0 && c != ')') text += c;
  }
  for (std::size_t at; (at = text.find(" or ")) != std::string::npos;) text.replace(at, 4, ",");
  std::vector<std::string> words;
  int others = 0;
  std::istringstream items(text);
  for (std::string item; std::getline(items, item, ',');) {
    item = trim(item);
    if (item.rfind("or ", 0) == 0) item = item.substr(3);
    if (item.empty()) continue;
    if (is_word(item))
      words.push_back(item);
    else
      ++others;
  }
  if (words.size() < 2 || others > 1) return {};
  return words;
}

std::vector<std::string> sore_spots() {
  std::vector<std::string> spots;
  for (Foot foot : all_feet)
    for (Region region : all_regions)
      spots.push_back(std::string(name(foot)) + ":" + std::string(name(region)));
  return spots;
}

template <typename T>
std::vector<std::string> ids_of(const std::vector<T>& items) {
  std::vector<std::string> ids;
  for (const auto& item : items) ids.push_back(item.id);
  return ids;
}

std::vector<std::string> every_id(const kb::KnowledgeBase& kb) {
  std::set<std::string> ids;
  for (const auto& list : {ids_of(kb.techniques), ids_of(kb.goals), ids_of(kb.conditions), ids_of(kb.tools)})
    ids.insert(list.begin(), list.end());
  for (Region region : all_regions) ids.insert(std::string(name(region)));
  return {ids.begin(), ids.end()};
}

// How an option's value completes: "" (a flag), "file", "dir", "any",
// "words ID ID ..." or, when it takes a comma list, "list ID ID ...".
std::string value_kind(const OptionDoc& option, const kb::KnowledgeBase& kb) {
  if (option.value.empty()) return "";
  const std::string& name = option.names.back();
  std::vector<std::string> words;
  if (name == "--goal") words = ids_of(kb.goals);
  if (name == "--condition") words = ids_of(kb.conditions);
  if (name == "--technique") words = ids_of(kb.techniques);
  if (name == "--tool") words = ids_of(kb.tools);
  if (name == "--sore") words = sore_spots();
  if (words.empty()) words = listed_words(option.description);
  if (!words.empty()) return (option.comma_list ? "list " : "words ") + join(words);
  if (option.value.find("FILE") != std::string::npos || option.value == "PATH") return "file";
  if (option.value == "DIR") return "dir";
  return "any";
}

// The words a command takes besides its flags and commands: its positionals'
// listed choices (with every id when it says "an id"), or, for help, the commands.
std::vector<std::string> argument_words(const CommandDoc& command, const CommandDoc& program,
                                        const kb::KnowledgeBase& kb) {
  std::vector<std::string> words;
  if (command.name == "help")
    for (const auto& sub : program.commands) words.push_back(sub.name);
  for (const auto& option : command.options) {
    if (!option.positional) continue;
    auto listed = listed_words(option.description);
    words.insert(words.end(), listed.begin(), listed.end());
    if (!listed.empty() && option.description.find("an id") != std::string::npos) {
      auto ids = every_id(kb);
      words.insert(words.end(), ids.begin(), ids.end());
    }
  }
  return words;
}

struct Walk {
  std::string path;  // "places near"; "" for the program
  const CommandDoc* command;
};

std::vector<Walk> every_command(const CommandDoc& program) {
  std::vector<Walk> all{{"", &program}};
  for (std::size_t i = 0; i < all.size(); ++i)
    for (const auto& sub : all[i].command->commands)
      all.push_back({all[i].path + (all[i].path.empty() ? "" : " ") + sub.name, &sub});
  return all;
}

std::vector<std::string> flag_names(const std::vector<OptionDoc>& options) {
  std::vector<std::string> names;
  for (const auto& option : options)
    if (!option.positional) names.insert(names.end(), option.names.begin(), option.names.end());
  return names;
}

// The shell function both bash and zsh read: `_plantar_list KEY` prints the
// words of "commands:PATH", "flags:PATH", "args:PATH" or "value:PATH FLAG".
std::string list_function(const CommandDoc& program, const kb::KnowledgeBase& kb) {
  std::ostringstream out;
  out << "_plantar_list() {\n  case \"$1\" in\n";
  std::vector<OptionDoc> global;
  for (const auto& option : program.options)
    if (!option.positional) global.push_back(option);
  auto global_flags = flag_names(global);
  for (const auto& [path, command] : every_command(program)) {
    std::vector<std::string> subs;
    for (const auto& sub : command->commands) subs.push_back(sub.name);
    auto flags = flag_names(command->options);
    if (!path.empty()) flags.insert(flags.end(), global_flags.begin(), global_flags.end());
    out << "    \"commands:" << path << "\") echo \"" << join(subs) << "\" ;;\n"
        << "    \"flags:" << path << "\") echo \"" << join(flags) << "\" ;;\n"
        << "    \"args:" << path << "\") echo \"" << join(argument_words(*command, program, kb)) << "\" ;;\n";
    if (path.empty()) continue;
    for (const auto& option : command->options)
      if (auto kind = value_kind(option, kb); !kind.empty() && !option.positional)
        for (const auto& name : option.names)
          out << "    \"value:" << path << " " << name << "\") echo \"" << kind << "\" ;;\n";
  }
  for (const auto& option : global)  // the program's flags work after any command
    if (auto kind = value_kind(option, kb); !kind.empty())
      for (const auto& name : option.names)
        out << "    \"value:\"*\" " << name << "\") echo \"" << kind << "\" ;;\n";
  out << "  esac\n}\n";
  return out.str();
}

constexpr const char* bash_main = R"sh(
# The words typed so far, split at spaces only (bash also splits at ':' and '=').
_plantar() {
  local line=${COMP_LINE:0:COMP_POINT} cur="" cmdpath="" skip="" opt="" kind w i pre head
  local -a words
  read -ra words <<< "$line"
  local n=${#words[@]}
  if [[ $n -eq 0 || $line == *[[:space:]] ]]; then cur=""; else cur=${words[n-1]}; n=$((n - 1)); fi
  for ((i = 1; i < n; i++)); do
    w=${words[i]}
    if [[ -n $skip ]]; then skip=""; continue; fi
    case $w in
      --*=*) continue ;;
      -*) [[ -n $(_plantar_list "value:$cmdpath $w") ]] && skip=1; continue ;;
    esac
    [[ " $(_plantar_list "commands:$cmdpath") " == *" $w "* ]] && cmdpath=${cmdpath:+$cmdpath }$w
  done
  [[ -n $skip ]] && opt=${words[n-1]}
  if [[ $cur == --*=* ]]; then opt=${cur%%=*}; cur=${cur#*=}; fi
  COMPREPLY=()
  if [[ -n $opt ]]; then
    kind=$(_plantar_list "value:$cmdpath $opt")
    case $kind in
      file) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
      dir) compopt -o filenames 2>/dev/null; mapfile -t COMPREPLY < <(compgen -d -- "$cur") ;;
      words\ *) mapfile -t COMPREPLY < <(compgen -W "${kind#words }" -- "$cur") ;;
      list\ *)
        pre=""; [[ $cur == *,* ]] && pre=${cur%,*},
        mapfile -t COMPREPLY < <(compgen -P "$pre" -W "${kind#list }" -- "${cur##*,}") ;;
    esac
  elif [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_plantar_list "flags:$cmdpath")" -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -W "$(_plantar_list "commands:$cmdpath") $(_plantar_list "args:$cmdpath")" -- "$cur")
  fi
  if [[ $cur == *[:=]* ]]; then head=${cur%"${cur##*[:=]}"}; COMPREPLY=("${COMPREPLY[@]#"$head"}"); fi
}
complete -F _plantar plantar
)sh";

constexpr const char* zsh_main = R"sh(
_plantar() {
  local cmdpath="" skip="" opt="" kind w i cur=${words[CURRENT]}
  for ((i = 2; i < CURRENT; i++)); do
    w=${words[i]}
    if [[ -n $skip ]]; then skip=""; continue; fi
    case $w in
      --*=*) continue ;;
      -*) [[ -n $(_plantar_list "value:$cmdpath $w") ]] && skip=1; continue ;;
    esac
    [[ " $(_plantar_list "commands:$cmdpath") " == *" $w "* ]] && cmdpath=${cmdpath:+$cmdpath }$w
  done
  [[ -n $skip ]] && opt=${words[CURRENT-1]}
  if [[ $cur == --*=* ]]; then opt=${cur%%=*}; compset -P '*='; fi
  if [[ -n $opt ]]; then
    kind=$(_plantar_list "value:$cmdpath $opt")
    case $kind in
      file) _files ;;
      dir) _files -/ ;;
      words\ *) compadd -- ${=kind#words } ;;
      list\ *) compset -P '*,'; compadd -- ${=kind#list } ;;
    esac
    return
  fi
  if [[ $cur == -* ]]; then
    compadd -- ${=$(_plantar_list "flags:$cmdpath")}
  else
    compadd -- ${=$(_plantar_list "commands:$cmdpath")} ${=$(_plantar_list "args:$cmdpath")}
  fi
}

_plantar "$@"
)sh";

// A fish string in single quotes.
std::string fish_quote(std::string text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

// The first sentence (fish shows one short line beside each choice).
std::string short_description(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  auto stop = line.find(": ");
  return stop == std::string::npos ? line : line.substr(0, stop);
}

// fish's helper: the command typed so far ("", "plan", "places near"), the
// values of flags skipped, as the bash and zsh scripts find it.
std::string fish_path_function(const CommandDoc& program) {
  std::set<std::string> value_flags;
  std::vector<std::string> paths;
  for (const auto& [path, command] : every_command(program)) {
    if (!path.empty()) paths.push_back(fish_quote(path));
    for (const auto& option : command->options)
      if (!option.positional && !option.value.empty())
        value_flags.insert(option.names.begin(), option.names.end());
  }
  std::ostringstream out;
  out << "function __plantar_path\n"
      << "    set -l path ''\n    set -l skip 0\n"
      << "    for w in (commandline -opc)[2..-1]\n"
      << "        if test $skip = 1\n            set skip 0\n            continue\n        end\n"
      << "        switch $w\n"
      << "            case '--*=*'\n"
      << "            case '-*'\n"
      << "                contains -- $w " << join({value_flags.begin(), value_flags.end()})
      << "; and set skip 1\n"
      << "            case '*'\n"
      << "                set -l next (string trim -- \"$path $w\")\n"
      << "                contains -- $next " << join(paths) << "; and set path $next\n"
      << "        end\n    end\n    echo $path\nend\n"
      << "function __plantar_at\n    set -l path (__plantar_path)\n    test \"$path\" = \"$argv[1]\"\nend\n";
  return out.str();
}

std::string fish_script(const CommandDoc& program, const kb::KnowledgeBase& kb) {
  std::ostringstream out;
  out << "# fish completion for plantar. Written by 'plantar help --completion fish': do not edit.\n"
      << "complete -c plantar -f\n"
      << fish_path_function(program);
  for (const auto& [path, command] : every_command(program)) {
    // True when the command typed so far is exactly this one.
    std::string here = "__plantar_at " + fish_quote(path);
    for (const auto& sub : command->commands)
      out << "complete -c plantar -n " << fish_quote(here) << " -a " << sub.name << " -d "
          << fish_quote(short_description(sub.description)) << "\n";
    if (auto args = argument_words(*command, program, kb); !args.empty())
      out << "complete -c plantar -n " << fish_quote(here) << " -a " << fish_quote(join(args)) << "\n";
    for (const auto& option : command->options) {
      if (option.positional) continue;
      out << "complete -c plantar";
      if (!path.empty()) out << " -n " << fish_quote(here);
      for (const auto& name : option.names)
        out << (name.rfind("--", 0) == 0 ? " -l " + name.substr(2) : " -s " + name.substr(1));
      std::string kind = value_kind(option, kb);
      if (kind == "file") out << " -r -F";
      if (kind == "dir") out << " -x -a '(__fish_complete_directories)'";
      if (kind == "any") out << " -x";
      if (auto space = kind.find(' '); space != std::string::npos)
        out << " -x -a " << fish_quote(kind.substr(space + 1));
      out << " -d " << fish_quote(short_description(option.description)) << "\n";
    }
  }
  return out.str();
}

}  // namespace

std::string completion_script(const CommandDoc& program, const kb::KnowledgeBase& kb,
                              std::string_view shell) {
  if (shell == "bash")
    return "# bash completion for plantar. Written by 'plantar help --completion bash': do not edit.\n" +
           list_function(program, kb) + bash_main;
  if (shell == "zsh")
    return "#compdef plantar\n# zsh completion for plantar. Written by 'plantar help --completion zsh': do "
           "not "
           "edit.\n\n" +
           list_function(program, kb) + zsh_main;
  if (shell == "fish") return fish_script(program, kb);
  throw BadInput("--completion", "expected bash, zsh or fish, got '" + std::string(shell) + "'");
}

}  // namespace plantar::cli
