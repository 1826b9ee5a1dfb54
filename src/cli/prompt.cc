// See prompt.h.
#include "prompt.h"

#include <istream>
#include <ostream>

namespace plantar::cli {

EndOfInput::EndOfInput()
    : BadInput("",
               "the input ended before the last question (Ctrl-D?): stopped, nothing was decided "
               "and nothing was saved. Run the command again to answer every question") {}

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
