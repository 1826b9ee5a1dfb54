// Golden-file tests of the real `plantar` binary: each folder in
// tests/golden/ holds `args` (one argument a line), an optional `stdin`, and
// the expected `status`, `stdout` and `stderr`. Run the tests with
// PLANTAR_UPDATE_GOLDEN=1 to rewrite the expectations, then review the diff.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_support.h"

namespace plantar {
namespace {

namespace fs = std::filesystem;

fs::path golden_dir() { return fs::path(PLANTAR_SOURCE_DIR) / "tests" / "golden"; }

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> case_names() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(golden_dir()))
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

class Golden : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden, MatchesExpectedOutput) {
  fs::path dir = golden_dir() / GetParam();
  std::vector<std::string> args;
  std::istringstream lines(read(dir / "args"));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) args.push_back(line);
  std::string input = fs::exists(dir / "stdin") ? read(dir / "stdin") : "";
  auto result = test::run_plantar(args, input);
  if (std::getenv("PLANTAR_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(dir / "status") << result.status << "\n";
    std::ofstream(dir / "stdout", std::ios::binary) << result.out;
    std::ofstream(dir / "stderr", std::ios::binary) << result.err;
    return;
  }
  EXPECT_EQ(std::to_string(result.status) + "\n", read(dir / "status"));
  EXPECT_EQ(result.out, read(dir / "stdout"));
  EXPECT_EQ(result.err, read(dir / "stderr"));
}

INSTANTIATE_TEST_SUITE_P(Cli, Golden, ::testing::ValuesIn(case_names()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace plantar
