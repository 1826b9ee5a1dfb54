// See prompt.h.
#include "prompt.h"

#include <istream>
#include <ostream>

namespace plantar::cli {

EndOfInput::EndOfInput()
    : BadInput("",
               "the input ended (Ctrl-D?) before the last answer: nothing was decided, nothing was "
               "saved") {}

std::string read_answer(std::istream& in, std::ostream& out) {
  std::string line;
  if (!std::getline(in, line)) {
    out << "\n" << std::flush;
    throw EndOfInput();
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace plantar::cli
