// Big digits for the countdown, readable from a metre away.
#include <array>

#include "screen.h"

namespace plantar::guide {
namespace {

// Five rows per glyph; '#' is drawn as a full block two columns wide.
constexpr std::array<std::array<const char*, 5>, 11> glyphs{{
    {"###", "# #", "# #", "# #", "###"},  // 0
    {" # ", "## ", " # ", " # ", "###"},  // 1
    {"###", "  #", "###", "#  ", "###"},  // 2
    {"###", "  #", " ##", "  #", "###"},  // 3
    {"# #", "# #", "###", "  #", "  #"},  // 4
    {"###", "#  ", "###", "  #", "###"},  // 5
    {"###", "#  ", "###", "# #", "###"},  // 6
    {"###", "  #", "  #", "  #", "  #"},  // 7
    {"###", "# #", "###", "# #", "###"},  // 8
    {"###", "# #", "###", "  #", "###"},  // 9
    {" ", "#", " ", "#", " "},            // :
}};

}  // namespace

std::vector<std::string> big_text(const std::string& text) {
  std::vector<std::string> rows(5);
  for (char c : text) {
    std::size_t glyph = c == ':' ? 10 : static_cast<std::size_t>(c >= '0' && c <= '9' ? c - '0' : 0);
    for (std::size_t row = 0; row < 5; ++row) {
      for (const char* p = glyphs[glyph][row]; *p != '\0'; ++p) rows[row] += *p == '#' ? "██" : "  ";
      rows[row] += "  ";
    }
  }
  return rows;
}

}  // namespace plantar::guide
