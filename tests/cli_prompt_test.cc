// The questions asked on a terminal, fed through a pipe (an input stream that
// ends): the end of input is never an answer.
#include <gtest/gtest.h>

#include <sstream>

#include "cli/prompt.h"
#include "cli/questionnaire.h"
#include "plantar/kb.h"

namespace plantar::cli {
namespace {

TEST(Prompt, EndOfInputInTheScreeningThrowsInsteadOfAVerdict) {
  // (A first "y" would be a stop answer: the screening ends there, rightly.)
  for (std::string typed : {"", "n\n", "n\nn\n", "n\nn\nn\n"}) {
    std::istringstream in(typed);
    std::ostringstream out;
    EXPECT_THROW(ask_conditions(kb::embedded(), in, out), EndOfInput) << typed;
  }
}

TEST(Prompt, EndOfInputIsBadInputThatSaysNothingWasDone) {
  std::istringstream in("yes\r\n");
  std::ostringstream out;
  EXPECT_EQ(read_answer(in, out), "yes");
  try {
    read_answer(in, out);
    FAIL() << "no exception";
  } catch (const BadInput& e) {
    EXPECT_NE(std::string(e.what()).find("nothing was saved"), std::string::npos) << e.what();
  }
  EXPECT_EQ(out.str(), "\n");  // the prompt's line is ended first
}

}  // namespace
}  // namespace plantar::cli
