// The `plantar` command line, as a function so tests can drive it.
#pragma once

namespace plantar::cli {

/// Parses the arguments, runs the subcommand and returns the exit status.
int run(int argc, char** argv);

}  // namespace plantar::cli
