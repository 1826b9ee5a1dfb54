// How text reaches the person's terminal (docs/cli.md): colour only on a
// terminal and never with NO_COLOR, ASCII in place of symbols when the locale
// is not UTF-8, and paragraphs wrapped to the terminal's width. Decided once
// at start from the environment, then read by the text helpers.
#pragma once

#include <cstddef>
#include <ostream>
#include <streambuf>
#include <string>
#include <string_view>

namespace plantar::cli {

struct TerminalStyle {
  bool colour = false;     // ANSI colours allowed on standard output
  bool utf8 = true;        // the locale's character set is UTF-8
  std::size_t width = 78;  // wrap paragraphs at this column
};

/// The style read from the environment: NO_COLOR, TERM, the locale
/// (LC_ALL, LC_CTYPE, LANG) and standard output's terminal size.
TerminalStyle style_from_environment();

/// The style in use (the default until set_style is called).
const TerminalStyle& style();
void set_style(const TerminalStyle& style);

/// `text` in red (stop) or yellow (caution) when colour is allowed; the words
/// always say it too.
std::string red(std::string_view text);
std::string yellow(std::string_view text);

/// The ASCII stand-in for the UTF-8 character at the start of `text`
/// ("→" -> "->", "©" -> "(c)", "▅" -> "#"), "?" for one it does not know.
std::string ascii_for(std::string_view utf8_character);

/// A stream buffer that passes text on to `target`, with each non-ASCII
/// character replaced by ascii_for(): for a terminal whose locale is not
/// UTF-8. Only people's text goes through it, never file contents.
class AsciiText : public std::streambuf {
 public:
  explicit AsciiText(std::streambuf* target) : target_(target) {}

 protected:
  int overflow(int c) override;
  int sync() override;

 private:
  std::streambuf* target_;
  std::string pending_;  // an unfinished UTF-8 sequence
  std::size_t expected_ = 0;
};

}  // namespace plantar::cli
