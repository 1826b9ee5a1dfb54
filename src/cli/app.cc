// The command line: flags, help and the mapping of errors to exit statuses.
// The only file that includes CLI11 (slow to compile).
#include "app.h"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "build_info.h"
#include "command_doc.h"
#include "commands.h"
#include "learn_pictures.h"
#include "parse_errors.h"
#include "places_get.h"
#include "plantar/errors.h"
#include "plantar/suggest.h"
#include "plantar/version.h"
#include "terminal_style.h"
#include "text.h"

namespace plantar::cli {

// The journal's subcommands and their options (issue 4).
struct JournalCommands {
  CLI::App *log, *history, *stats, *exporter, *importer, *remind, *map, *card, *edit, *remove, *migrate;
  LogOptions log_options;
  EditOptions edit_options;
  DeleteOptions delete_options;
  HistoryOptions history_options;
  StatsOptions stats_options;
  ExportOptions export_options;
  ImportOptions import_options;
  MigrateOptions migrate_options;
  RemindOptions remind_options;
  MapOptions map_options;
  CardOptions card_options;
};
void add_journal_commands(CLI::App& app, JournalCommands& j);
int run_journal_commands(const Context& context, const JournalCommands& j);

namespace {

constexpr const char* description =
    "plantar: a foot-massage companion.\n"
    "Check it is safe, plan a routine for your goals, and learn how to do each step.\n"
    "Keep a journal of how each session went, see what helps you, and make a card for your therapist.\n"
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

void add_journal_options(CLI::App* cmd, LogOptions& log) {
  cmd->add_option("--before", log.before, "Ratings before the session, 0 to 10: stress=7,pain=4,tension=5")
      ->type_name("M=N,...");
  cmd->add_option("--after", log.after, "Ratings after the session, 0 to 10: stress=3")->type_name("M=N,...");
  cmd->add_option("--morning", log.morning,
                  "The next morning, 0 to 10: sleep=7 (sleep quality), heel_pain=3 (first steps). "
                  "Alone, it is added to the latest session (or --session ID, or the last one before --at)")
      ->type_name("M=N,...");
  cmd->add_option("--sore", log.sore,
                  "A sore spot FOOT:REGION[@X,Y]=N, e.g. left:arch=6 or right:heel@0.5,0.8=4 "
                  "(X,Y from 0 to 1 within the region; repeatable)")
      ->type_name("SPOT")
      ->take_all();
  cmd->add_option("--note", log.note, "A free note")->type_name("TEXT");
  cmd->add_option("--goal", log.goals, "The session's goal, e.g. sleep (repeatable, or a comma list)")
      ->type_name("GOAL")
      ->take_all()
      ->delimiter(',');
  cmd->add_option("--technique", log.techniques,
                  "A technique used, e.g. thumb_heel_press (repeatable, or a comma list)")
      ->type_name("ID")
      ->take_all()
      ->delimiter(',');
  cmd->add_option("--minutes", log.minutes, "How long it lasted")->type_name("N");
  cmd->add_option("--at", log.at, "When it started, \"YYYY-MM-DD HH:MM\" (default now)")->type_name("TIME");
  cmd->add_option("--routine", log.routine,
                  "The routine done: a file with the output of 'plantar plan --json'")
      ->type_name("FILE");
  cmd->add_option("--stopped", log.stopped, "The session stopped early, and why")->type_name("REASON");
}

void add_edit_commands(CLI::App& app, JournalCommands& j) {
  j.edit =
      app.add_subcommand("edit", "Correct a session of your journal: the flags of 'log' replace its values");
  j.edit->add_option("ID", j.edit_options.id, "The session's number, as 'plantar history' shows it")
      ->required()
      ->type_name("ID");
  add_journal_options(j.edit, j.edit_options.log);
  j.edit->footer(
      "Only the flags given change: ratings are changed measure by measure; --goal, --technique\n"
      "and --sore replace the whole list.\n"
      "Example: plantar edit 12 --after stress=3 --note \"better than I wrote\"");
  j.remove = app.add_subcommand("delete", "Delete a session from your journal (it asks first)");
  j.remove->add_option("ID", j.delete_options.id, "The session's number, as 'plantar history' shows it")
      ->required()
      ->type_name("ID");
  j.remove->add_flag("--yes", j.delete_options.yes, "Do not ask (for scripts)");
  j.remove->footer("Example: plantar delete 12");
}

// The flags of `plantar plan`, shared by the commands that run a routine.
void add_plan_options(CLI::App* command, PlanOptions& plan) {
  command->add_option("--input", plan.input, "Read the request as JSON from FILE, or - for stdin")
      ->type_name("FILE|-");
  command
      ->add_option("--goal", plan.goals,
                   "relax, sleep, circulation, desk_stiffness, plantar_fasciitis, runner_recovery "
                   "or general (repeatable, or a comma list: --goal sleep,relax)")
      ->type_name("GOAL")
      ->take_all()
      ->delimiter(',');
  command->add_option("--minutes", plan.minutes, "How long, from 3 to 60 (default 10)")->type_name("N");
  command->add_option("--feet", plan.feet, "left, right or both (default both)")->type_name("FEET");
  command->add_option("--giver", plan.giver, "self (default) or partner: who gives the massage")
      ->type_name("WHO");
  command
      ->add_option("--tool", plan.tools,
                   "A tool you have: tennis_ball, lotion, oil, towel (repeatable, or a comma list)")
      ->type_name("TOOL")
      ->take_all()
      ->delimiter(',');
  add_condition_option(command, plan.conditions);
}

// The plan flags, or --routine with a routine saved by `plantar plan --json`.
void add_session_options(CLI::App* command, SessionOptions& session) {
  add_plan_options(command, session.plan);
  command
      ->add_option("--routine", session.routine,
                   "Follow a routine saved by 'plantar plan --json' (FILE, or - for stdin) "
                   "instead of planning one")
      ->type_name("FILE|-");
}

// Every command's help ends with the flags that work with every command
// (before or after its name): CLI11 shows them only in the main help.
constexpr const char* global_flags_help =
    "Global flags (before or after the command):\n"
    "  --json       Print JSON instead of text\n"
    "  --quiet      No confirmations on standard error\n"
    "  --db PATH    Where plantar keeps its databases (a folder, or the journal's .db file)\n"
    "  --data DIR   Load the knowledge files from DIR instead of the built-in ones\n"
    "  -h,--help    Print the help of the command and exit";

void add_global_flags_to_help(CLI::App& command) {
  for (auto* sub : command.get_subcommands([](CLI::App*) { return true; })) {
    std::string footer = sub->get_footer();
    sub->footer(footer + (footer.empty() ? "" : "\n\n") + global_flags_help);
    add_global_flags_to_help(*sub);
  }
}

CLI::App* subcommand_named(CLI::App& command, const std::string& name) {
  for (auto* sub : command.get_subcommands([](CLI::App*) { return true; }))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

// The command the words name ("places near"), and its full name.
CLI::App* command_of(CLI::App& app, const std::vector<std::string>& words, std::string& full_name) {
  CLI::App* command = &app;
  full_name = "plantar";
  for (const auto& word : words) {
    if (word.empty() || word[0] == '-') continue;
    if (auto* sub = subcommand_named(*command, word)) {
      command = sub;
      full_name += " " + word;
    }
  }
  return command;
}

// What parse_errors.cc needs to speak plainly: the flags of the command typed
// and of its parents (the global flags), with their values' names.
ParseProblem problem_for(CLI::App& app, const CLI::ParseError& error, const std::vector<std::string>& words) {
  ParseProblem problem{error.get_name(), error.what(), "", {}, {}};
  for (CLI::App* command = command_of(app, words, problem.command); command != nullptr;
       command = command->get_parent())
    for (const auto* option : command->get_options()) {
      std::vector<std::string> names;
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
      for (const auto& name : option->get_snames()) names.push_back("-" + name);
      for (const auto& name : names) {
        problem.flags.push_back(name);
        problem.values[name] = option->get_type_name();
      }
    }
  return problem;
}

// `plantar help [COMMAND...]`: the help of the command named.
int print_help(CLI::App& app, const std::vector<std::string>& words) {
  CLI::App* command = &app;
  std::string parents;  // "plantar places" for near: the usage line names the whole command
  for (const auto& word : words) {
    if (word.empty() || word[0] == '-') continue;  // plantar help --help, plantar help plan --json
    auto* sub = subcommand_named(*command, word);
    if (sub == nullptr) {
      std::vector<std::string> names;
      for (auto* s : command->get_subcommands([](CLI::App*) { return true; })) names.push_back(s->get_name());
      std::cerr << "plantar: " << unknown_word_message("command", word, names)
                << "\nRun 'plantar help' for the list.\n";
      return 2;
    }
    parents += (parents.empty() ? "" : " ") + command->get_name();
    command = sub;
  }
  std::cout << command->help(parents);
  return 0;
}

// The command and its commands as plain data (command_doc.h); hidden options
// (CLI11's empty group) are left out as --help leaves them out.
CommandDoc describe(CLI::App& command) {
  CommandDoc doc{command.get_name(), command.get_description(), command.get_footer(), {}, {}};
  if (doc.name.empty()) doc.name = "plantar";
  for (const auto* option : command.get_options()) {
    if (option->get_group().empty()) continue;
    OptionDoc o;
    o.positional = !option->nonpositional();
    if (o.positional) o.names.push_back(option->get_name(true));
    for (const auto& name : option->get_snames()) o.names.push_back("-" + name);
    for (const auto& name : option->get_lnames()) o.names.push_back("--" + name);
    if (option->get_type_size_max() > 0) o.value = option->get_type_name();
    o.description = option->get_description();
    o.required = option->get_required();
    o.comma_list = option->get_delimiter() == ',';
    doc.options.push_back(o);
  }
  for (auto* sub : command.get_subcommands([](CLI::App*) { return true; }))
    doc.commands.push_back(describe(*sub));
  return doc;
}

// The hidden `plantar help --write-man-pages DIR` and `plantar help
// --completion SHELL`: the build writes the man pages and completion scripts
// with them (a long name, so that no one writes 27 files by mistake). -1
// when the words ask for neither.
int write_docs(CLI::App& app, const std::vector<std::string>& words) {
  if (words.size() != 3 || words[0] != "help" ||
      (words[1] != "--write-man-pages" && words[1] != "--completion"))
    return -1;
  try {
    if (words[1] == "--write-man-pages")
      write_man_pages(describe(app), version, words[2]);
    else
      std::cout << completion_script(describe(app), kb::embedded(), words[2]);
    return 0;
  } catch (const BadInput& e) {
    std::cerr << "plantar: " << e.what() << "\n";
    return 2;
  } catch (const Failure& e) {
    std::cerr << "plantar: " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

// Binds the options to `j`'s members: `j` must outlive the parse.
void add_journal_commands(CLI::App& app, JournalCommands& j) {
  j.log =
      app.add_subcommand("log", "Record how a session went: ratings before and after, sore spots, a note");
  add_journal_options(j.log, j.log_options);
  j.log
      ->add_option("--session", j.log_options.session,
                   "With --morning alone: the session the morning belongs to (see 'plantar history')")
      ->type_name("ID");
  j.log->footer(
      "Without flags, on a terminal, it asks the questions.\n"
      "Example: plantar log --before stress=7,pain=4 --after stress=3,pain=2 --sore left:arch=6 --goal "
      "relax");
  add_edit_commands(app, j);
  j.history = app.add_subcommand("history", "The sessions in your journal");
  j.history->add_option("--last", j.history_options.last, "How many of the latest sessions (default 20)")
      ->type_name("N");
  j.history->footer("Example: plantar history --last 5");
  j.stats =
      app.add_subcommand("stats", "How your ratings changed: per measure, by week, streaks, what helped");
  j.stats
      ->add_option("--chart", j.stats_options.chart,
                   "Also draw the charts to FILE (.svg, .png or .pdf; - prints the SVG alone)")
      ->type_name("FILE");
  j.stats->footer("Example: plantar stats --chart progress.svg");
  j.exporter = app.add_subcommand("export", "The whole journal as JSON or CSV");
  j.exporter->add_option("--format", j.export_options.format, "json (default) or csv")->type_name("FORMAT");
  j.exporter->add_option("-o,--output", j.export_options.output, "Write to FILE (default: standard output)")
      ->type_name("FILE");
  j.exporter->add_option("--store", j.export_options.store, "Export from a hosted PostgreSQL store instead")
      ->type_name("URI");
  j.exporter->add_option("--account", j.export_options.account, "With --store: whose journal")
      ->type_name("EMAIL");
  j.exporter->footer(
      "The CSV has one row per session; the routine each session followed is in the JSON export.\n"
      "Example: plantar export --format csv -o journal.csv\n"
      "Example: plantar export --store postgresql:///plantar --account sam@example.org -o sam.json");
  j.importer = app.add_subcommand("import", "Add the sessions of an export (JSON or CSV): all or nothing");
  j.importer->add_option("file", j.import_options.file, "The file written by 'plantar export'")->required();
  j.importer->add_option("--store", j.import_options.store, "Import into a hosted PostgreSQL store instead")
      ->type_name("URI");
  j.importer->add_option("--account", j.import_options.account, "With --store: whose journal (made if new)")
      ->type_name("EMAIL");
  j.importer->footer(
      "Example: plantar import journal.json\n"
      "Example: plantar import journal.json --store postgresql:///plantar --account sam@example.org");
  j.migrate = app.add_subcommand("migrate", "Bring a hosted PostgreSQL store's tables up to date");
  j.migrate->add_option("--store", j.migrate_options.store, "The store: a PostgreSQL URI")
      ->type_name("URI")
      ->required();
  j.migrate->footer("Example: plantar migrate --store 'postgresql:///plantar?host=/run/postgresql'");
  j.remind = app.add_subcommand("remind", "A calendar file (.ics) that reminds you to rub your feet");
  j.remind->add_option("--at", j.remind_options.at, "The time, HH:MM (default 21:30)")->type_name("TIME");
  j.remind
      ->add_option("--every", j.remind_options.every,
                   "day (default), weekday, week, or days like mon,wed,fri")
      ->type_name("WHEN");
  j.remind
      ->add_option("-o,--output", j.remind_options.output,
                   "The file to write (default plantar.ics; - to print)")
      ->type_name("FILE");
  j.remind->add_option("--text", j.remind_options.text, "What the reminder says")->type_name("TEXT");
  j.remind->add_option("--minutes", j.remind_options.minutes, "How long the event is (default 5)")
      ->type_name("N");
  j.remind->footer("Example: plantar remind --at 21:30 --every mon,wed,fri -o feet.ics");
  j.map = app.add_subcommand("map", "Draw the foot map with your sore spots (SVG, PNG or PDF)");
  j.map->add_option("-o,--output", j.map_options.output, "The file: .svg, .png or .pdf (- prints SVG)")
      ->type_name("FILE")
      ->required();
  j.map->add_flag("--zones", j.map_options.zones, "Show the reflexology zones (a tradition, not anatomy)");
  j.map
      ->add_option("--sore", j.map_options.sore, "Also draw this sore spot: FOOT:REGION[@X,Y]=N (repeatable)")
      ->type_name("SPOT")
      ->take_all();
  j.map->add_option("--days", j.map_options.days, "Sore spots from the journal's last N days (default 30)")
      ->type_name("N");
  j.map->footer("Example: plantar map --zones -o map.pdf");
  j.card = app.add_subcommand("card", "A one-page card for your massage therapist (PDF or HTML)");
  j.card
      ->add_option("-o,--output", j.card_options.output,
                   "The file: .pdf, .html, .svg or .png (- prints the HTML)")
      ->type_name("FILE")
      ->required();
  j.card
      ->add_option("--input", j.card_options.input, "A plan request as JSON (goals, minutes, conditions...)")
      ->type_name("FILE|-");
  add_condition_option(j.card, j.card_options.conditions);
  j.card
      ->add_option("--goal", j.card_options.goals,
                   "A goal, or a comma list (default: your journal's most frequent ones)")
      ->type_name("GOAL")
      ->take_all()
      ->delimiter(',');
  j.card
      ->add_option("--tool", j.card_options.tools, "A tool you have, for the home routine (or a comma list)")
      ->type_name("TOOL")
      ->take_all()
      ->delimiter(',');
  j.card->add_option("--minutes", j.card_options.minutes, "The home routine's length (default 10)")
      ->type_name("N");
  j.card->add_option("--name", j.card_options.name, "Your name on the card")->type_name("NAME");
  j.card
      ->add_option("--sections", j.card_options.sections,
                   "What to share, in order: cautions,sore,goals,routine,trend (default all)")
      ->type_name("LIST");
  j.card->add_option("--days", j.card_options.days, "Sore spots from the last N days (default 30)")
      ->type_name("N");
  j.card->footer("Example: plantar card --name Sam --goal plantar_fasciitis -o card.pdf");
}

int run_journal_commands(const Context& context, const JournalCommands& j) {
  if (j.log->parsed()) return run_log(context, j.log_options);
  if (j.history->parsed()) return run_history(context, j.history_options);
  if (j.edit->parsed()) return run_edit(context, j.edit_options);
  if (j.remove->parsed()) return run_delete(context, j.delete_options);
  if (j.stats->parsed()) return run_stats(context, j.stats_options);
  if (j.exporter->parsed())
    return j.export_options.store.empty() && j.export_options.account.empty()
               ? run_export(context, j.export_options)
               : run_store_export(context, j.export_options);
  if (j.importer->parsed())
    return j.import_options.store.empty() && j.import_options.account.empty()
               ? run_import(context, j.import_options)
               : run_store_import(context, j.import_options);
  if (j.migrate->parsed()) return run_migrate(context, j.migrate_options);
  if (j.remind->parsed()) return run_remind(context, j.remind_options);
  if (j.map->parsed()) return run_map(context, j.map_options);
  if (j.card->parsed()) return run_card(context, j.card_options);
  return -1;
}

int run(int argc, char** argv) {
  CLI::App app{description, "plantar"};
  app.fallthrough();  // global options work after the subcommand too
  app.require_subcommand(1);
  app.set_version_flag("-V,--version", std::string("plantar ") + version + " (commit " + git_commit() + ")");
  std::string data_dir;
  bool json = false;
  app.add_option("--data", data_dir, "Load the knowledge files from DIR instead of the built-in ones")
      ->type_name("DIR");
  app.add_flag("--json", json, "Print JSON instead of text");
  bool quiet = false;
  app.add_flag("--quiet", quiet, "No confirmations on standard error (what was written where)");
  std::string db_path;
  app.add_option("--db", db_path,
                 "Where plantar keeps its databases: a folder holding journal.db and places.db, or a "
                 "PATH ending in .db for the journal file itself (places.db then sits beside it). Default "
                 "$XDG_DATA_HOME/plantar, or ~/.local/share/plantar")
      ->type_name("PATH");

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
  add_plan_options(plan_cmd, plan);
  plan_cmd->footer(
      "Flags override the fields of --input.\n"
      "Example: plantar plan --goal plantar_fasciitis --minutes 10 --tool tennis_ball");

  LearnOptions learn;
  auto* learn_cmd = app.add_subcommand("learn", "Techniques, goals, evidence, safety, tips and questions");
  learn_cmd->add_option("kind", learn.kind,
                        "techniques, goals, regions, zones, claims, sources, conditions, tips, questions, "
                        "tools, or an id");
  learn_cmd->add_option("id", learn.id, "The entry to show");
  PictureArgs pictures;
  learn_cmd->add_option("--picture", pictures.picture,
                        "Write the technique's picture to FILE (.svg or .png; - for SVG on stdout)");
  learn_cmd->add_option("--pictures", pictures.pictures,
                        "Write every technique's picture (SVG and PNG) and contact-sheet.png into DIR");
  learn_cmd->add_option("--foot", pictures.foot, "The foot the pictures show: left or right (default left)");
  learn_cmd->footer("Example: plantar learn technique thumb_heel_press");

  JournalCommands journal_cmds;
  add_journal_commands(app, journal_cmds);

  AccountPasswordOptions account_password;
  auto* account_cmd = app.add_subcommand("account", "Hosted mode: people's accounts in a PostgreSQL store");
  account_cmd->require_subcommand(1);
  account_cmd->footer(
      "For the operator of a hosted plantar (plantar serve --store URI); people sign up in the web app.\n"
      "Example: plantar account password --store 'postgresql:///plantar?host=/run/postgresql' --account "
      "sam@example.org");
  auto* password_cmd = account_cmd->add_subcommand(
      "password", "Set a person's password, for example when they forgot it; their sign-ins end");
  password_cmd->add_option("--store", account_password.store, "The store: a PostgreSQL URI")
      ->type_name("URI")
      ->required();
  password_cmd->add_option("--account", account_password.account, "Whose password: their email")
      ->type_name("EMAIL")
      ->required();
  password_cmd->footer(
      "On a terminal it asks for the new password twice and does not show it; otherwise it reads one\n"
      "line from standard input. At least 10 characters, as at sign-up.\n"
      "Example: plantar account password --store 'postgresql:///plantar?host=/run/postgresql' --account "
      "sam@example.org");

  AskOptions ask;
  auto* ask_cmd =
      app.add_subcommand("ask", "Answers to everyday questions, with evidence grades and sources");
  ask_cmd->add_option("question", ask.words, "Your question, in your own words (quotes are optional)")
      ->required()
      ->type_name("QUESTION");
  ask_cmd
      ->add_option("--limit", ask.limit,
                   "How many ranked answers, from 1 to 20 (default 3); safety guidance comes on top")
      ->type_name("N");
  ask_cmd->footer(
      "Warning signs in the question (a swollen warm calf, chest pain, a cut you cannot feel, fever,\n"
      "spreading redness) put the safety guidance first. When nothing matches well, it says so.\n"
      "Example: plantar ask \"is it ok to rub my feet with diabetes\"");

  PlacesImportOptions places_import;
  PlacesNearOptions places_near;
  auto* places_cmd =
      app.add_subcommand("places", "Find massage, reflexology and foot care near you (OpenStreetMap)");
  places_cmd->require_subcommand(1);
  places_cmd->footer(
      "Get your region's data once (plantar places get europe/liechtenstein; find its name with\n"
      "plantar places regions NAME), then search offline. Data (c) OpenStreetMap contributors, ODbL.\n"
      "Example: plantar places near Vaduz --kind reflexology");
  auto* import_cmd =
      places_cmd->add_subcommand("import", "Read an OpenStreetMap file into the places database");
  import_cmd->add_option("FILE", places_import.file, "An extract: .osm.pbf, .osm or .osm.bz2")->required();
  import_cmd
      ->add_option("--region", places_import.region,
                   "The region's name (default: the file name without -latest or a date); "
                   "importing a region again replaces it")
      ->type_name("NAME");
  import_cmd->footer("Example: plantar places import liechtenstein-latest.osm.pbf");
  auto* list_cmd = places_cmd->add_subcommand("list", "The imported regions, with their date and counts");
  list_cmd->footer("Example: plantar places list");
  auto* near_cmd = places_cmd->add_subcommand("near", "Places near a town or a position, nearest first");
  near_cmd->add_option("WHERE", places_near.where, "A place name (e.g. Vaduz) or LAT,LON (e.g. 47.14,9.52)")
      ->required();
  near_cmd
      ->add_option("--kind", places_near.kinds,
                   "reflexology, podiatrist, massage, physiotherapist, spa or sauna (repeatable, or a "
                   "comma list)")
      ->type_name("KIND")
      ->take_all()
      ->delimiter(',');
  near_cmd->add_flag("--open-now", places_near.open_now, "Only places whose opening hours say open now");
  near_cmd->add_option("--radius", places_near.radius_km, "How far to look, in km (default 25)")
      ->type_name("KM");
  near_cmd->add_option("--limit", places_near.limit, "How many places at most (default 10)")->type_name("N");
  near_cmd->add_option("--at", places_near.at, "Check opening hours at this time (the places' local time)")
      ->type_name("\"YYYY-MM-DD HH:MM\"");
  near_cmd->footer(
      "Opening hours are read at each place's local time: its time zone is the zone of the\n"
      "nearest principal city among its country's zones in the system's tz database (an\n"
      "approximation near zone borders in large countries), public holidays (PH) those of\n"
      "its country (KHolidays; without a calendar such hours show as unknown, with a note).\n"
      "Example: plantar places near Vaduz --kind reflexology --open-now");
  PlacesGetOptions places_get;
  PlacesRegionsOptions places_regions;
  auto* get_cmd = places_cmd->add_subcommand(
      "get", "Download a region's OpenStreetMap extract, check its checksum and import it");
  get_cmd
      ->add_option("REGION", places_get.region,
                   "A region path, e.g. europe/liechtenstein (see 'places regions')")
      ->required();
  get_cmd
      ->add_option("--source", places_get.source,
                   "The download server (default: $PLANTAR_OSM_SOURCE, else https://download.geofabrik.de)")
      ->type_name("URL");
  get_cmd->footer(
      "An interrupted download goes on where it stopped when you run the same command again.\n"
      "Example: plantar places get europe/liechtenstein");
  auto* regions_cmd = places_cmd->add_subcommand("regions", "The regions the download server offers");
  regions_cmd->add_option("FILTER", places_regions.filter, "Part of a region's name, e.g. liecht");
  regions_cmd->add_option("--source", places_regions.source, "The download server (as for 'places get')")
      ->type_name("URL");
  auto* update_cmd =
      places_cmd->add_subcommand("update", "Download again every region whose server has a newer file");

  GuideOptions guide;
  auto* guide_cmd = app.add_subcommand("guide", "A hands-free guided session in the terminal");
  add_session_options(guide_cmd, guide.session);
  guide_cmd->add_flag("--no-voice", guide.no_voice, "No sound at all");
  guide_cmd->add_flag("--chime-only", guide.chime_only, "Chimes at the start and end of each step, no words");
  guide_cmd->add_flag("--no-journal", guide.no_journal,
                      "Do not ask how you feel before and after (for the journal)");
  guide_cmd->add_option("--speed", guide.speed, "Run the session clock N times faster (for trying it out)")
      ->type_name("N");
  guide_cmd->footer(
      "Full screen with a big countdown, the step, what comes next and the foot map.\n"
      "Keys: space pause/resume, n next step, b back, q quit (asks first).\n"
      "Spoken cues play when a sound device is present. Without a terminal it prints\n"
      "each cue as a line when it is due. --json prints the session's timeline instead.\n"
      "Example: plantar guide --goal sleep --minutes 5");

  AudioOptions audio;
  auto* audio_cmd =
      app.add_subcommand("audio", "The guided session as an audio file (WAV, FLAC or Ogg Opus)");
  add_session_options(audio_cmd, audio.session);
  audio_cmd
      ->add_option("-o,--output", audio.output,
                   "The file to write: .wav, .flac, .ogg or .opus (- writes WAV to standard output)")
      ->type_name("FILE");
  audio_cmd->add_option("--rate", audio.rate, "Speaking rate, 0.5 to 2 (default 1)")->type_name("R");
  audio_cmd
      ->add_option("--first-part", audio.first_part,
                   "Ogg Opus only: write the opening, up to a quiet moment, to this file first")
      ->type_name("FILE");
  audio_cmd
      ->add_option("--background", audio.background,
                   "A soft sound under the voice: brown (noise), tone (a slow chord) or none (default)")
      ->type_name("NAME");
  audio_cmd->add_option("--background-volume", audio.background_volume, "Its volume, 0 to 1 (default 0.2)")
      ->type_name("V");
  audio_cmd->footer(
      "Speech for every cue, a soft chime at the start and end of each step, silence between.\n"
      "The file is exactly as long as the session; play it on any phone or speaker.\n"
      "Example: plantar audio --goal plantar_fasciitis --minutes 10 -o pf.ogg\n"
      "         plantar audio --goal sleep --background brown --background-volume 0.2 -o bed.ogg");

  ServeOptions serve;
  auto* serve_cmd = app.add_subcommand(
      "serve", "The web app: safety check, routines, guided sessions, journal and places in your browser");
  serve_cmd->add_option("--port", serve.port, "The port to listen on (default 8080; 0 picks a free one)")
      ->type_name("N");
  serve_cmd->add_option("--host", serve.host, "The address to listen on (default 127.0.0.1)")
      ->type_name("ADDR");
  serve_cmd->add_flag("--lan", serve.lan,
                      "Listen on every network interface (a phone on the same Wi-Fi) and require "
                      "pairing: open the printed address or scan its QR code");
  serve_cmd->add_flag("--no-auth", serve.no_auth,
                      "For tests only: without --lan, let every program and user on this computer "
                      "use the API with no secret address");
  serve_cmd->add_flag("--no-warm-up", serve.no_warm_up,
                      "Do not prepare the built-in routines' spoken audio in the background at start "
                      "(their first session then waits for the voice)");
  serve_cmd
      ->add_option("--store", serve.store,
                   "Hosted mode: many people with accounts, in this PostgreSQL store (a libpq URI)")
      ->type_name("URI");
  serve_cmd->add_flag("--https-proxy", serve.https_proxy,
                      "Hosted mode behind a proxy that ends HTTPS: session cookies are Secure, and the "
                      "client's address comes from X-Real-IP");
  serve_cmd->footer(
      "Without --lan only this computer can reach it. Press Ctrl-C to stop.\n"
      "Example: plantar serve --lan\n"
      "Example: plantar serve --store 'postgresql:///plantar?host=/run/postgresql' --port 8081");

  app.add_subcommand("help", "The help of a command: plantar help COMMAND")
      ->footer("Example: plantar help plan");
  std::vector<std::string> words(argv + 1, argv + argc);
  if (int status = write_docs(app, words); status >= 0) return status;
  add_global_flags_to_help(app);
  if (!words.empty() && words[0] == "help") return print_help(app, {words.begin() + 1, words.end()});

  if (argc > 1 && argv[1][0] != '-') {
    std::string command = argv[1];
    std::vector<std::string> commands;
    for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) commands.push_back(sub->get_name());
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
    std::cerr << "plantar: " << printable(plain_parse_message(problem_for(app, e, words))) << "\n";
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
    set_style(style_from_environment());
    // People's text in ASCII when the locale is not UTF-8; JSON and file
    // contents (-o -) stay as they are.
    AsciiText ascii(std::cout.rdbuf());
    std::ostream ascii_out(&ascii);
    bool plain = !json && !style().utf8;
    Context context{*base,
                    plain ? ascii_out : std::cout,
                    std::cerr,
                    json,
                    isatty(0) && isatty(1),
                    &std::cin,
                    db_path,
                    quiet,
                    &std::cout};
    if (import_cmd->parsed()) return run_places_import(context, places_import);
    if (near_cmd->parsed()) return run_places_near(context, places_near);
    if (list_cmd->parsed()) return run_places_list(context);
    if (get_cmd->parsed()) return run_places_get(context, places_get);
    if (regions_cmd->parsed()) return run_places_regions(context, places_regions);
    if (update_cmd->parsed()) return run_places_update(context);
    if (password_cmd->parsed()) return run_account_password(context, account_password);
    if (int status = run_journal_commands(context, journal_cmds); status >= 0) return status;
    if (check_cmd->parsed()) return run_check(context, check);
    if (plan_cmd->parsed()) return run_plan(context, plan);
    if (learn_cmd->parsed())
      return pictures.wanted() ? run_learn_pictures(context, learn, pictures) : run_learn(context, learn);
    if (ask_cmd->parsed()) return run_ask(context, ask);
    if (guide_cmd->parsed()) return run_guide(context, guide);
    if (audio_cmd->parsed()) return run_audio(context, audio);
    if (serve_cmd->parsed()) {
      serve.data = data_dir;
      return run_serve(context, serve);
    }
  } catch (const BadInput& e) {  // messages quote files and OSM data: printable()
    std::cerr << "plantar: " << printable(with_flag_names(e.where(), e.what(), words)) << "\n";
    return 2;
  } catch (const Failure& e) {
    std::cerr << "plantar: " << printable(e.what()) << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "plantar: unexpected error: " << printable(e.what()) << "\n";
    return 1;
  }
  return 2;
}

}  // namespace plantar::cli
