#include "input.h"

#include <fstream>
#include <iostream>
#include <sstream>

#include "plantar/errors.h"

namespace plantar::cli {

std::string read_input(const std::string& path, const std::string& flag) {
  std::ostringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw BadInput(flag, "cannot read '" + path + "' (does the file exist?)");
  text << in.rdbuf();
  return text.str();
}

}  // namespace plantar::cli
