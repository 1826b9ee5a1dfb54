// The subcommands of the `plantar` program. Each has a plain options struct,
// filled by the CLI11 set-up in app.cc (the only file that includes CLI11,
// which is slow to compile), and a run function that returns the exit status:
// 0 done, 1 failed, 2 bad input, 3 the safety verdict is stop.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "plantar/kb.h"
#include "plantar/planner.h"

namespace plantar::cli {

/// What every command gets: the knowledge base and where to write.
struct Context {
  const kb::KnowledgeBase& kb;
  std::ostream& out;
  std::ostream& err;
  bool json = false;
  bool interactive = false;  // stdin and stdout are terminals
  std::istream* in = nullptr;
};

struct CheckOptions {
  std::string input;                    // FILE or "-"; empty: ask or use --condition
  std::vector<std::string> conditions;  // --condition ID[=SEVERITY][@PLACE,...]
};

struct PlanOptions {
  std::string input;
  std::vector<std::string> goals;
  std::optional<int> minutes;
  std::string feet;
  std::string giver;
  std::vector<std::string> tools;
  std::vector<std::string> conditions;
};

struct LearnOptions {
  std::string kind;  // techniques, goals, ... or an id
  std::string id;
};

/// The session commands take the plan flags, or a routine saved by
/// `plantar plan --json`.
struct SessionOptions {
  PlanOptions plan;
  std::string routine;  // FILE or "-"; empty: plan from the flags
};

struct GuideOptions {
  SessionOptions session;
  bool no_voice = false;
  bool chime_only = false;
  double speed = 1.0;  // runs the session clock faster (tests, demos)
};

struct AudioOptions {
  SessionOptions session;
  std::string output;
  double rate = 1.0;
};

/// The request of `plantar plan` from its flags and --input.
planner::Request build_request(const PlanOptions& options);

int run_check(const Context& context, const CheckOptions& options);
int run_plan(const Context& context, const PlanOptions& options);
int run_learn(const Context& context, const LearnOptions& options);
int run_guide(const Context& context, const GuideOptions& options);
int run_audio(const Context& context, const AudioOptions& options);

}  // namespace plantar::cli
