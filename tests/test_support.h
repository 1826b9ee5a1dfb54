// Helpers shared by the tests: running the real `plantar` binary and
// reading the source tree's files.
#pragma once

#include <string>
#include <vector>

#include "plantar/kb.h"

namespace plantar::test {

struct RunResult {
  int status = -1;
  std::string out, err;
};

/// Runs the built `plantar` with `args`, feeding `input` on stdin.
RunResult run_plantar(const std::vector<std::string>& args, const std::string& input = "");

/// The text of a file below the source tree, e.g. "data/goals.toml".
std::string source_file(const std::string& relative);

/// The knowledge files of the source tree's data/ folder.
std::vector<kb::SourceFile> data_files();

}  // namespace plantar::test
