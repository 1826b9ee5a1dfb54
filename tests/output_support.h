// Running the real `plantar` with its standard output going to a file such
// as /dev/full (test_support.h captures it through a file of its own).
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace plantar::test {

/// Runs the built `plantar` with `args`, standard input empty, standard
/// output to `stdout_to`, errors into `*err`; returns the exit status.
inline int run_plantar_to(const std::vector<std::string>& args, const std::string& stdout_to,
                          std::string* err = nullptr) {
  auto quoted = [](const std::string& arg) {
    std::string out = "'";
    for (char c : arg) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  };
  auto errors = std::filesystem::temp_directory_path() /
                ("plantar_err_" + std::to_string(getpid()) + "_" + std::to_string(std::rand()));
  std::string command = quoted(PLANTAR_BINARY);
  for (const auto& arg : args) command += " " + quoted(arg);
  command += " </dev/null >" + quoted(stdout_to) + " 2>" + quoted(errors.string());
  int raw = std::system(command.c_str());
  if (err != nullptr) {
    std::ifstream in(errors, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    *err = text.str();
  }
  std::filesystem::remove(errors);
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : 128 + WTERMSIG(raw);
}

}  // namespace plantar::test
