// The small foot diagram: a sole seen from below with the area of the step
// lit, and the leg areas (top, ankle, Achilles, calf) as labels beside it.
#include <algorithm>
#include <cstdlib>

#include "screen.h"

namespace plantar::guide {
namespace {

// The left sole from below (big toe on the right). Letters mark regions:
// t toes, b ball, a arch, h heel, i inner edge, o outer edge.
constexpr const char* left_sole[] = {
    " t t tt ttt ",  //
    "obbbbbbbbbbi",  //
    "obbbbbbbbbbi",  //
    " oaaaaaaaai ",  //
    "  oaaaaaai  ",  //
    "  oaaaaaai  ",  //
    "  ohhhhhhi  ",  //
    "   hhhhhh   ",  //
    "    hhhh    ",
};

char code_of(Region region) {
  switch (region) {
    case Region::toes: return 't';
    case Region::ball: return 'b';
    case Region::arch: return 'a';
    case Region::heel: return 'h';
    case Region::inner_edge: return 'i';
    case Region::outer_edge: return 'o';
    default: return '?';
  }
}

// Yellow for the lit region; bold alone with NO_COLOR (no-color.org).
const char* const bright =
    std::getenv("NO_COLOR") != nullptr && *std::getenv("NO_COLOR") != '\0' ? "\x1b[1m" : "\x1b[1;33m";
constexpr const char* dim = "\x1b[2m";
constexpr const char* plain = "\x1b[0m";

std::string leg_label(Region region, Region lit_region, bool lit) {
  bool on = lit && region == lit_region;
  std::string text(name(region));
  std::replace(text.begin(), text.end(), '_', ' ');
  return std::string(on ? bright : dim) + (on ? "▶ " : "  ") + text + plain;
}

}  // namespace

std::vector<std::string> foot_diagram(Foot foot, Region region, bool lit, int cell_width) {
  const bool wide = cell_width > 1;
  std::vector<std::string> out;
  const char lit_code = code_of(region);
  const Region legs[] = {Region::calf, Region::achilles, Region::ankle, Region::top};
  for (std::size_t row = 0; row < std::size(left_sole); ++row) {
    std::string cells = left_sole[row];
    if (foot == Foot::right) std::reverse(cells.begin(), cells.end());
    std::string line;
    for (char c : cells) {
      if (c == ' ')
        line += wide ? "  " : " ";
      else if (lit && c == lit_code)
        line += std::string(bright) + (wide ? "██" : "█") + plain;
      else
        line += std::string(dim) + (wide ? "░░" : "░") + plain;
    }
    if (row < std::size(legs)) line += "   " + leg_label(legs[row], region, lit);
    out.push_back(line);
  }
  return out;
}

}  // namespace plantar::guide
