// The machine-checkable conventions of docs/cli.md, for every command that
// `plantar help` lists: an example and the global flags in its help, --json
// on every command that answers, and the parser's messages in plain words.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "journal_test_support.h"
#include "test_support.h"

namespace plantar {
namespace {

using test::run_plantar;

bool has(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// The subcommands a help text lists under "Subcommands:".
std::vector<std::string> subcommands(const std::string& help) {
  std::vector<std::string> names;
  std::istringstream lines(
      help.substr(help.find("Subcommands:") == std::string::npos ? help.size() : help.find("Subcommands:")));
  std::regex entry(R"(^  ([a-z]+)\s)");
  std::smatch m;
  for (std::string line; std::getline(lines, line);)
    if (std::regex_search(line, m, entry)) names.push_back(m[1]);
  return names;
}

// Every command, "places near" included: from the help, not from a list here,
// so a new command cannot be forgotten.
std::vector<std::vector<std::string>> every_command() {
  std::vector<std::vector<std::string>> commands;
  for (const auto& name : subcommands(run_plantar({"--help"}).out)) {
    commands.push_back({name});
    for (const auto& sub : subcommands(run_plantar({"help", name}).out)) commands.push_back({name, sub});
  }
  return commands;
}

TEST(CliConventions, EveryCommandsHelpHasAnExampleAndTheGlobalFlags) {
  auto commands = every_command();
  ASSERT_GE(commands.size(), 20u);
  for (const auto& command : commands) {
    std::vector<std::string> args{"help"};
    args.insert(args.end(), command.begin(), command.end());
    auto help = run_plantar(args);
    std::string name = command.size() > 1 ? command[0] + " " + command[1] : command[0];
    EXPECT_EQ(help.status, 0) << name << help.err;
    EXPECT_TRUE(has(help.out, "Example: plantar " + command[0])) << name << "\n" << help.out;
    for (const char* flag : {"--json", "--quiet", "--db PATH", "--data DIR"})
      EXPECT_TRUE(has(help.out, flag)) << name << " lacks " << flag << "\n" << help.out;
    if (name == "help") continue;  // 'plantar help --help' is the main help
    std::vector<std::string> dash_help(command);
    dash_help.push_back("--help");
    EXPECT_EQ(run_plantar(dash_help).out, help.out) << name;
  }
}

// What each command needs to answer; the commands that need no more than
// their name are run as they are. serve runs until stopped and places import
// needs an OpenStreetMap file: their JSON is tested in their own tests.
std::vector<std::string> json_invocation(const std::vector<std::string>& command, const std::string& db,
                                         const std::string& dir) {
  std::string name = command.size() > 1 ? command[0] + " " + command[1] : command[0];
  if (name == "check") return {"check", "--condition", "diabetes"};
  if (name == "plan") return {"plan", "--goal", "sleep"};
  if (name == "learn") return {"learn", "goals"};
  if (name == "log") return {"log", "--after", "stress=2"};
  if (name == "edit") return {"edit", "1", "--note", "changed"};
  if (name == "delete") return {"delete", "2", "--yes"};
  if (name == "import") return {"import", dir + "/export.json"};
  if (name == "remind") return {"remind", "-o", dir + "/r.ics"};
  if (name == "map") return {"map", "-o", dir + "/m.svg"};
  if (name == "card") return {"card", "-o", dir + "/c.html"};
  if (name == "ask") return {"ask", "sleep"};
  if (name == "places near") return {"places", "near", "47.14,9.52"};
  if (name == "guide") return {"guide", "--goal", "sleep", "--minutes", "3"};
  if (name == "audio") return {"audio", "--goal", "sleep", "--minutes", "3", "-o", dir + "/a.wav"};
  (void)db;
  return command;
}

TEST(CliConventions, EveryCommandAnswersInJson) {
  test::TempDir dir;
  auto db = dir.file("journal.db");
  for (const char* at : {"2026-11-20 21:30", "2026-11-21 21:30"})
    ASSERT_EQ(run_plantar({"--db", db, "log", "--before", "stress=6", "--at", at}).status, 0);
  ASSERT_EQ(run_plantar({"--db", db, "export", "-o", dir.file("export.json")}).status, 0);
  for (const auto& command : every_command()) {
    std::string name = command.size() > 1 ? command[0] + " " + command[1] : command[0];
    // serve runs until stopped; the downloads reach a server (places_get_test
    // runs them against its own on 127.0.0.1, --json included); migrate
    // and account password need a PostgreSQL server (pg_cli_test and
    // pg_hosted_password_test run them, --json included).
    if (name == "serve" || name == "help" || name == "places import" || name == "places" ||
        name == "places get" || name == "places regions" || name == "places update" || name == "migrate" ||
        name == "account" || name == "account password")
      continue;
    auto args = json_invocation(command, db, dir.path.string());
    args.insert(args.begin(), {"--db", db});
    args.push_back("--json");
    auto run = run_plantar(args);
    if (name == "places near") {  // no places imported: a clear error, not JSON
      EXPECT_EQ(run.status, 2) << run.err;
      continue;
    }
    EXPECT_TRUE(run.status == 0 || run.status == 1) << name << ": " << run.err;
    auto json = nlohmann::json::parse(run.out, nullptr, false);
    EXPECT_FALSE(json.is_discarded()) << name << " --json printed:\n" << run.out << run.err;
  }
}

TEST(CliConventions, ParserMessagesNameTheFlagInPlainWords) {
  struct Case {
    std::vector<std::string> args;
    std::string said;
  };
  std::vector<Case> cases{
      {{"plan", "--gaol", "sleep"}, "unknown flag '--gaol' for 'plantar plan' (did you mean '--goal'?)"},
      {{"plan", "--minutes", "abc"}, "--minutes: expected a whole number, got 'abc'"},
      {{"plan", "--minutes", "5", "--minutes", "6"}, "--minutes: give it once (it was given 2 times)"},
      {{"plan", "--goal"}, "--goal: give GOAL after it"},
      {{"plan", "--goal", "slep"}, "--goal: unknown goal 'slep' (did you mean 'sleep'?)"},
      {{"guide", "--routine", "nope.json"}, "--routine: cannot read 'nope.json'"},
      {{"hlep"}, "unknown command 'hlep' (did you mean 'help'?)"},
      {{"help", "paln"}, "unknown command 'paln' (did you mean 'plan'?)"},
      {{"map"}, "missing -o FILE"},
  };
  for (const auto& c : cases) {
    auto run = run_plantar(c.args);
    EXPECT_EQ(run.status, 2) << c.args[0] << run.err;
    EXPECT_TRUE(has(run.err, c.said)) << "expected: " << c.said << "\ngot: " << run.err;
    EXPECT_FALSE(has(run.err, "required but received")) << run.err;
    EXPECT_FALSE(has(run.err, "Could not convert")) << run.err;
  }
  EXPECT_EQ(run_plantar({"-V"}).out, run_plantar({"--version"}).out);
  EXPECT_TRUE(has(run_plantar({"-V"}).out, "plantar "));
  // Comma lists wherever a flag repeats.
  EXPECT_EQ(run_plantar({"plan", "--goal", "sleep,relax", "--json"}).out,
            run_plantar({"plan", "--goal", "sleep", "--goal", "relax", "--json"}).out);
}

}  // namespace
}  // namespace plantar
