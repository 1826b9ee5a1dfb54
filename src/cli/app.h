// The `plantar` command line, as a function so tests can drive it.
#pragma once

namespace plantar::cli {

/// Parses the arguments, runs the subcommand and returns the exit status.
int run(int argc, char** argv);

/// Flushes standard output and checks every write to it succeeded: `status`,
/// or 1 with a message when it failed (a full disk, a closed pipe).
int finish_output(int status);

}  // namespace plantar::cli
