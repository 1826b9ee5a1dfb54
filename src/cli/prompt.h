// Reading one answer to a question asked on a terminal. End of input
// (Ctrl-D, or a closed standard input) is never an answer: it is never
// taken as "no", so it can never lead to a safety verdict or a saved entry.
#pragma once

#include <iosfwd>
#include <string>

#include "plantar/errors.h"

namespace plantar::cli {

/// Thrown when the input ends in the middle of the questions: exit status 2,
/// nothing decided, nothing saved.
class EndOfInput : public BadInput {
 public:
  EndOfInput();
};

/// The next line typed (without its line ending). Throws EndOfInput at the end
/// of input, after ending the prompt's line on `out` so the message starts on
/// a line of its own.
std::string read_answer(std::istream& in, std::ostream& out);

}  // namespace plantar::cli
