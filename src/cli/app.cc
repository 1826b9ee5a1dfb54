// The command line: flags, help and the mapping of errors to exit statuses.
// The only file that includes CLI11 (slow to compile).
#include "app.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "commands.h"
#include "plantar/errors.h"
#include "plantar/suggest.h"
#include "plantar/version.h"

namespace plantar::cli {
namespace {

constexpr const char* description =
    "plantar: a foot-massage companion.\n"
    "Check it is safe, plan a routine for your goals, and learn how to do each step.\n"
    "\n"
    "Exit status: 0 done, 1 failed, 2 bad input (the message names what is wrong),\n"
    "3 the safety verdict is stop.";

void add_condition_option(CLI::App* command, std::vector<std::string>& conditions) {
  command
      ->add_option("--condition", conditions,
                   "A health condition: ID[=SEVERITY][@PLACE,...], e.g. diabetes, "
                   "neuropathy=mild, open_wound@left:heel (see 'plantar learn conditions')")
      ->type_name("SPEC")
      ->take_all();
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{description, "plantar"};
  app.fallthrough();  // global options work after the subcommand too
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("plantar ") + version);
  std::string data_dir;
  bool json = false;
  app.add_option("--data", data_dir, "Load the knowledge files from DIR instead of the built-in ones")
      ->type_name("DIR");
  app.add_flag("--json", json, "Print JSON instead of text");

  CheckOptions check;
  auto* check_cmd = app.add_subcommand("check", "Safety check: is a foot massage OK for you today?");
  check_cmd->add_option("--input", check.input, "Read {\"conditions\": [...]} from FILE, or - for stdin")
      ->type_name("FILE|-");
  add_condition_option(check_cmd, check.conditions);
  check_cmd->footer(
      "Without --input or --condition, on a terminal, it asks the questions in plain words.\n"
      "Example: plantar check --condition diabetes --condition bruise=mild@left:heel");

  PlanOptions plan;
  auto* plan_cmd = app.add_subcommand("plan", "A timed routine for your goals, time, feet and tools");
  plan_cmd->add_option("--input", plan.input, "Read the request as JSON from FILE, or - for stdin")
      ->type_name("FILE|-");
  plan_cmd
      ->add_option("--goal", plan.goals,
                   "relax, sleep, circulation, desk_stiffness, plantar_fasciitis, runner_recovery "
                   "or general (repeatable)")
      ->type_name("GOAL")
      ->take_all();
  plan_cmd->add_option("--minutes", plan.minutes, "How long, from 3 to 60 (default 10)")->type_name("N");
  plan_cmd->add_option("--feet", plan.feet, "left, right or both (default both)")->type_name("FEET");
  plan_cmd->add_option("--giver", plan.giver, "self (default) or partner: who gives the massage")
      ->type_name("WHO");
  plan_cmd->add_option("--tool", plan.tools, "A tool you have: tennis_ball, lotion, oil, towel (repeatable)")
      ->type_name("TOOL")
      ->take_all();
  add_condition_option(plan_cmd, plan.conditions);
  plan_cmd->footer(
      "Flags override the fields of --input.\n"
      "Example: plantar plan --goal plantar_fasciitis --minutes 10 --tool tennis_ball");

  LearnOptions learn;
  auto* learn_cmd = app.add_subcommand("learn", "Techniques, goals, evidence, safety, tips and questions");
  learn_cmd->add_option("kind", learn.kind,
                        "techniques, goals, regions, zones, claims, sources, conditions, tips, questions, "
                        "tools, or an id");
  learn_cmd->add_option("id", learn.id, "The entry to show");

  ServeOptions serve;
  auto* serve_cmd = app.add_subcommand("serve", "The web app: check, plan and learn in your browser");
  serve_cmd->add_option("--port", serve.port, "The port to listen on (default 8080; 0 picks a free one)")
      ->type_name("N");
  serve_cmd->add_option("--host", serve.host, "The address to listen on (default 127.0.0.1)")
      ->type_name("ADDR");
  serve_cmd->add_flag("--lan", serve.lan,
                      "Listen on every network interface (a phone on the same Wi-Fi) and require "
                      "pairing: open the printed address or scan its QR code");
  serve_cmd->footer(
      "Without --lan only this computer can reach it. Press Ctrl-C to stop.\n"
      "Example: plantar serve --lan");

  if (argc > 1 && argv[1][0] != '-') {
    std::string command = argv[1];
    std::vector<std::string> commands{"check", "plan", "learn", "serve"};
    if (std::find(commands.begin(), commands.end(), command) == commands.end()) {
      std::cerr << "plantar: " << unknown_word_message("command", command, commands)
                << "\nRun 'plantar --help' for usage.\n";
      return 2;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::cerr << "plantar: " << e.what()
              << "\nRun 'plantar --help' (or 'plantar COMMAND --help') for usage.\n";
    return 2;
  }

  try {
    const kb::KnowledgeBase* base = nullptr;
    kb::KnowledgeBase loaded;
    if (data_dir.empty()) {
      base = &kb::embedded();
    } else {
      loaded = kb::load(kb::read_files(data_dir));
      base = &loaded;
    }
    Context context{*base, std::cout, std::cerr, json, isatty(0) && isatty(1), &std::cin};
    if (check_cmd->parsed()) return run_check(context, check);
    if (plan_cmd->parsed()) return run_plan(context, plan);
    if (learn_cmd->parsed()) return run_learn(context, learn);
    if (serve_cmd->parsed()) return run_serve(context, serve);
  } catch (const BadInput& e) {
    std::cerr << "plantar: " << e.what() << "\n";
    return 2;
  } catch (const Failure& e) {
    std::cerr << "plantar: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "plantar: unexpected error: " << e.what() << "\n";
    return 1;
  }
  return 2;
}

}  // namespace plantar::cli
