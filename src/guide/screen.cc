// One frame of the full-screen guide.
#include "screen.h"

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace plantar::guide {
namespace {

constexpr const char* bold = "\x1b[1m";
constexpr const char* dim = "\x1b[2m";
constexpr const char* inverse = "\x1b[7m";
constexpr const char* reset = "\x1b[0m";

// Visible columns of a line holding ANSI escapes and UTF-8 (every character
// drawn here is one column wide).
int visible_width(const std::string& line) {
  int width = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\x1b') {
      while (i < line.size() && line[i] != 'm') ++i;
      continue;
    }
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++width;
  }
  return width;
}

// Cuts a line to `columns` visible characters, keeping escapes intact.
std::string fit(const std::string& line, int columns) {
  std::string out;
  int width = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\x1b') {
      auto end = line.find('m', i);
      out += line.substr(i, end - i + 1);
      i = end;
      continue;
    }
    bool starts = (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
    if (starts && width >= columns) continue;
    if (starts) ++width;
    out += line[i];
  }
  return out;
}

std::string centered(const std::string& line, int columns) {
  int pad = std::max(0, (columns - visible_width(line)) / 2);
  return std::string(static_cast<std::size_t>(pad), ' ') + line;
}

std::string bar(int done, int total, int width) {
  int filled = total > 0 ? static_cast<int>(static_cast<long long>(done) * width / total) : 0;
  filled = std::clamp(filled, 0, width);
  std::string out = bold;
  for (int i = 0; i < width; ++i) out += i < filled ? "█" : "░";
  return out + reset;
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string place_words(const session::StepSpan& step) {
  std::string area = step.area;
  if (!area.empty()) area[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(area[0])));
  return fmt::format("{} foot, {}", name(step.foot), area);
}

// The lines of text: countdown, step, bars and what comes next.
std::vector<std::string> main_column(const Frame& f, int width) {
  const auto& t = f.timeline;
  int at = f.position_ms;
  int step = session::step_at(t, at);
  bool intro = at < t.intro_ms, outro = step < 0 && !intro;
  int phase_end = intro ? t.intro_ms : outro ? t.total_ms : t.steps[static_cast<std::size_t>(step)].end_ms;
  std::vector<std::string> lines;
  for (const auto& line : big_text(clock_text(phase_end - at))) lines.push_back(centered(line, width));
  lines.push_back("");
  if (intro) {
    lines.push_back(std::string(bold) + "GET READY" + reset);
    lines.push_back("Sit comfortably. The first step starts when the countdown ends.");
  } else if (outro) {
    lines.push_back(std::string(bold) + "FINISHED" + reset);
    lines.push_back("Rest for a moment before you get up.");
  } else {
    const auto& s = t.steps[static_cast<std::size_t>(step)];
    lines.push_back(std::string(bold) + upper(s.title) + reset);
    lines.push_back(fmt::format("{}  ·  pressure {} of 5", place_words(s), s.pressure));
    for (const auto& line : wrap_lines(s.cue, width)) lines.push_back(line);
  }
  lines.push_back("");
  int bar_width = std::max(10, width - 24);
  if (step >= 0) {
    const auto& s = t.steps[static_cast<std::size_t>(step)];
    lines.push_back(fmt::format("step     {} {:>5}/{}",
                                bar(at - s.start_ms, s.end_ms - s.start_ms, bar_width),
                                clock_text(at - s.start_ms), clock_text(s.end_ms - s.start_ms)));
  } else {
    lines.push_back("");
  }
  lines.push_back(fmt::format("session  {} {:>5}/{}", bar(at, t.total_ms, bar_width), clock_text(at),
                              clock_text(t.total_ms)));
  lines.push_back("");
  std::size_t next = step < 0 ? (intro ? 0 : t.steps.size()) : static_cast<std::size_t>(step) + 1;
  if (next < t.steps.size())
    lines.push_back(fmt::format("Next: {} ({})", t.steps[next].title, place_words(t.steps[next])));
  else
    lines.push_back(outro ? "Next: nothing, you are done." : "Next: rest and finish.");
  return lines;
}

std::string status_line(const Frame& f) {
  const auto& t = f.timeline;
  int step = session::step_at(t, f.position_ms);
  std::string where = step >= 0                    ? fmt::format("Step {} of {}", step + 1, t.steps.size())
                      : f.position_ms < t.intro_ms ? "Get ready"
                                                   : "Done";
  std::string paused = f.paused && !f.asking_to_quit ? std::string("  ") + inverse + " PAUSED " + reset : "";
  return fmt::format("{}plantar guide{}  {}   {}{}", bold, reset, f.heading, where, paused);
}

}  // namespace

std::string clock_text(int ms) {
  int seconds = (std::max(ms, 0) + 999) / 1000;
  return fmt::format("{}:{:02}", seconds / 60, seconds % 60);
}

std::vector<std::string> wrap_lines(const std::string& text, int width) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  for (std::string word; in >> word;) {
    if (!line.empty() && static_cast<int>(line.size() + 1 + word.size()) > width) {
      lines.push_back(line);
      line.clear();
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) lines.push_back(line);
  return lines;
}

std::string draw(const Frame& f) {
  const int columns = std::max(f.columns, 20);
  // Side by side with a full-size diagram on wide screens, a compact one on
  // 80 columns; below the text on narrow screens.
  const int cell_width = columns >= 100 ? 2 : 1;
  const int diagram_width = cell_width == 2 ? 42 : 28;
  const bool side_by_side = columns >= 76;
  const int width = side_by_side ? columns - diagram_width - 6 : columns - 2;
  std::vector<std::string> lines{status_line(f), ""};
  auto text = main_column(f, width);
  int step = session::step_at(f.timeline, f.position_ms);
  std::vector<std::string> diagram;
  if (step >= 0) {
    const auto& s = f.timeline.steps[static_cast<std::size_t>(step)];
    diagram = foot_diagram(s.foot, s.region, true, side_by_side ? cell_width : 2);
    diagram.insert(diagram.begin(),
                   fmt::format("{}{} foot{}", bold, upper(std::string(name(s.foot))), reset));
  }
  if (side_by_side) {
    for (std::size_t i = 0; i < std::max(text.size(), diagram.size()); ++i) {
      std::string left = i < text.size() ? fit(text[i], i < diagram.size() ? width : columns) : "";
      std::string pad(static_cast<std::size_t>(std::max(0, width + 4 - visible_width(left))), ' ');
      lines.push_back(left + pad + (i < diagram.size() ? diagram[i] : ""));
    }
  } else {
    lines.insert(lines.end(), text.begin(), text.end());
    if (static_cast<int>(lines.size() + diagram.size()) + 4 <= f.rows) {
      lines.push_back("");
      lines.insert(lines.end(), diagram.begin(), diagram.end());
    }
  }
  auto said = f.said.empty() ? std::vector<std::string>{} : wrap_lines(f.said, columns - 8);
  if (said.size() > 3) said.resize(3);
  const int body_rows = std::max(1, f.rows - 1 - static_cast<int>(said.size()));
  if (static_cast<int>(lines.size()) > body_rows) lines.resize(static_cast<std::size_t>(body_rows));
  while (static_cast<int>(lines.size()) < body_rows) lines.push_back("");
  for (std::size_t i = 0; i < said.size(); ++i)
    lines.push_back(std::string(dim) + (i == 0 ? "said: " : "      ") + reset + said[i]);
  lines.push_back(f.asking_to_quit
                      ? std::string(inverse) + " Quit the session? y = yes, any other key = no " + reset
                      : std::string(dim) + "space pause · n next · b back · q quit" + reset);
  std::string out = "\x1b[H";
  for (std::size_t i = 0; i < lines.size(); ++i)
    out += " " + fit(lines[i], columns - 1) + "\x1b[K" + (i + 1 < lines.size() ? "\r\n" : "");
  return out + "\x1b[J";
}

}  // namespace plantar::guide
