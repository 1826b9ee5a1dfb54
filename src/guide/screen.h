// Drawing one frame of the full-screen guide as ANSI text: a big countdown,
// the step's name and cue, a bar for the step and one for the session, what
// comes next, and the foot diagram with the current area lit.
#pragma once

#include <string>
#include <vector>

#include "plantar/session.h"

namespace plantar::guide {

struct Frame {
  const session::Timeline& timeline;
  int position_ms = 0;
  bool paused = false;
  bool asking_to_quit = false;
  std::string heading;  // "Sleep · 5 minutes"
  std::string said;     // the last cue spoken
  int columns = 80, rows = 24;
};

/// The whole screen for `frame`, starting from the top-left corner.
std::string draw(const Frame& frame);

/// "12:05" for a number of milliseconds, rounded up to whole seconds.
std::string clock_text(int ms);
/// Big digits: five lines of block characters for "12:05".
std::vector<std::string> big_text(const std::string& text);
/// The foot diagram, one string per line, the region lit when `lit`; each
/// cell `cell_width` columns wide (1 or 2).
std::vector<std::string> foot_diagram(Foot foot, Region region, bool lit, int cell_width = 2);
/// `text` wrapped to lines of at most `width` columns.
std::vector<std::string> wrap_lines(const std::string& text, int width);

}  // namespace plantar::guide
