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

struct ServeOptions {
  std::string host;  // empty: 127.0.0.1, or 0.0.0.0 with --lan
  int port = 8080;
  bool lan = false;
};

int run_check(const Context& context, const CheckOptions& options);
int run_plan(const Context& context, const PlanOptions& options);
int run_learn(const Context& context, const LearnOptions& options);
int run_serve(const Context& context, const ServeOptions& options);

}  // namespace plantar::cli
