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
  std::string db_dir;
  app.add_option("--db", db_dir,
                 "The folder that holds plantar's databases (places.db, journal.db); "
                 "default $XDG_DATA_HOME/plantar or ~/.local/share/plantar")
      ->type_name("DIR");

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

  PlacesImportOptions places_import;
  PlacesNearOptions places_near;
  auto* places_cmd =
      app.add_subcommand("places", "Find massage, reflexology and foot care near you (OpenStreetMap)");
  places_cmd->require_subcommand(1);
  places_cmd->footer(
      "Download an extract of your region (e.g. from download.geofabrik.de), import it once,\n"
      "then search offline. Data (c) OpenStreetMap contributors, ODbL.");
  auto* import_cmd =
      places_cmd->add_subcommand("import", "Read an OpenStreetMap file into the places database");
  import_cmd->add_option("FILE", places_import.file, "An extract: .osm.pbf, .osm or .osm.bz2")->required();
  import_cmd
      ->add_option("--region", places_import.region,
                   "The region's name (default: the file name without -latest or a date); "
                   "importing a region again replaces it")
      ->type_name("NAME");
  auto* near_cmd = places_cmd->add_subcommand("near", "Places near a town or a position, nearest first");
  near_cmd->add_option("WHERE", places_near.where, "A place name (e.g. Vaduz) or LAT,LON (e.g. 47.14,9.52)")
      ->required();
  near_cmd
      ->add_option("--kind", places_near.kinds,
                   "reflexology, podiatrist, massage, physiotherapist, spa or sauna (repeatable)")
      ->type_name("KIND")
      ->take_all();
  near_cmd->add_flag("--open-now", places_near.open_now, "Only places whose opening hours say open now");
  near_cmd->add_option("--radius", places_near.radius_km, "How far to look, in km (default 25)")
      ->type_name("KM");
  near_cmd->add_option("--limit", places_near.limit, "How many places at most (default 10)")->type_name("N");
  near_cmd->add_option("--at", places_near.at, "Check opening hours at this local time instead of now")
      ->type_name("\"YYYY-MM-DD HH:MM\"");
  near_cmd->footer(
      "Opening hours are read at the places' local time (your computer's clock).\n"
      "Example: plantar places near Vaduz --kind reflexology --open-now");

  if (argc > 1 && argv[1][0] != '-') {
    std::string command = argv[1];
    std::vector<std::string> commands{"check", "plan", "learn", "places"};
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
    Context context{*base, std::cout, std::cerr, json, isatty(0) && isatty(1), &std::cin, db_dir};
    if (import_cmd->parsed()) return run_places_import(context, places_import);
    if (near_cmd->parsed()) return run_places_near(context, places_near);
    if (check_cmd->parsed()) return run_check(context, check);
    if (plan_cmd->parsed()) return run_plan(context, plan);
    if (learn_cmd->parsed()) return run_learn(context, learn);
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
