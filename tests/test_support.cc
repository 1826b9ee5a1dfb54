#include "test_support.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace plantar::test {
namespace {

std::string quoted(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

RunResult run_plantar(const std::vector<std::string>& args, const std::string& input) {
  auto dir = std::filesystem::temp_directory_path() /
             ("plantar_run_" + std::to_string(getpid()) + "_" + std::to_string(std::rand()));
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "in", std::ios::binary) << input;
  std::string command = quoted(PLANTAR_BINARY);
  for (const auto& arg : args) command += " " + quoted(arg);
  command += " <" + quoted((dir / "in").string()) + " >" + quoted((dir / "out").string()) + " 2>" +
             quoted((dir / "err").string());
  int raw = std::system(command.c_str());
  RunResult result;
  result.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
  result.out = slurp(dir / "out");
  result.err = slurp(dir / "err");
  std::filesystem::remove_all(dir);
  return result;
}

std::string source_file(const std::string& relative) {
  return slurp(std::filesystem::path(PLANTAR_SOURCE_DIR) / relative);
}

std::vector<kb::SourceFile> data_files() { return kb::read_files(std::string(PLANTAR_SOURCE_DIR) + "/data"); }

}  // namespace plantar::test
