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

// The flags of `plantar plan`, shared by the commands that run a routine.
void add_plan_options(CLI::App* command, PlanOptions& plan) {
  command->add_option("--input", plan.input, "Read the request as JSON from FILE, or - for stdin")
      ->type_name("FILE|-");
  command
      ->add_option("--goal", plan.goals,
                   "relax, sleep, circulation, desk_stiffness, plantar_fasciitis, runner_recovery "
                   "or general (repeatable)")
      ->type_name("GOAL")
      ->take_all();
  command->add_option("--minutes", plan.minutes, "How long, from 3 to 60 (default 10)")->type_name("N");
  command->add_option("--feet", plan.feet, "left, right or both (default both)")->type_name("FEET");
  command->add_option("--giver", plan.giver, "self (default) or partner: who gives the massage")
      ->type_name("WHO");
  command->add_option("--tool", plan.tools, "A tool you have: tennis_ball, lotion, oil, towel (repeatable)")
      ->type_name("TOOL")
      ->take_all();
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

  GuideOptions guide;
  auto* guide_cmd = app.add_subcommand("guide", "A hands-free guided session in the terminal");
  add_session_options(guide_cmd, guide.session);
  guide_cmd->add_flag("--no-voice", guide.no_voice, "No sound at all");
  guide_cmd->add_flag("--chime-only", guide.chime_only, "Chimes at the start and end of each step, no words");
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
  audio_cmd->add_option("-o,--output", audio.output, "The file to write: .wav, .flac, .ogg or .opus")
      ->type_name("FILE");
  audio_cmd->add_option("--rate", audio.rate, "Speaking rate, 0.5 to 2 (default 1)")->type_name("R");
  audio_cmd->footer(
      "Speech for every cue, a soft chime at the start and end of each step, silence between.\n"
      "The file is exactly as long as the session; play it on any phone or speaker.\n"
      "Example: plantar audio --goal plantar_fasciitis --minutes 10 -o pf.ogg");

  if (argc > 1 && argv[1][0] != '-') {
    std::string command = argv[1];
    std::vector<std::string> commands{"check", "plan", "learn", "guide", "audio"};
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
    if (guide_cmd->parsed()) return run_guide(context, guide);
    if (audio_cmd->parsed()) return run_audio(context, audio);
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
