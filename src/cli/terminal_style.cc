// See terminal_style.h.
#include "terminal_style.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <map>

namespace plantar::cli {
namespace {

TerminalStyle current;

bool set_and_not_empty(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0';
}

// The locale's character set as the C library would choose it: the first of
// LC_ALL, LC_CTYPE and LANG that is set decides.
bool utf8_locale() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    if (!set_and_not_empty(name)) continue;
    std::string value = std::getenv(name);
    std::transform(value.begin(), value.end(), value.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    return value.find("utf-8") != std::string::npos || value.find("utf8") != std::string::npos;
  }
  return false;  // no locale at all is the C locale: ASCII
}

std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

}  // namespace

TerminalStyle style_from_environment() {
  TerminalStyle s;
  bool terminal = isatty(STDOUT_FILENO) != 0;
  const char* term = std::getenv("TERM");
  s.colour = terminal && !set_and_not_empty("NO_COLOR") && !(term != nullptr && std::string(term) == "dumb");
  s.utf8 = utf8_locale();
  winsize size{};
  if (terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0)
    s.width = std::clamp<std::size_t>(size.ws_col - 2, 40, 120);  // a margin, and not too long to read
  return s;
}

const TerminalStyle& style() { return current; }
void set_style(const TerminalStyle& style) { current = style; }

std::string red(std::string_view text) {
  return current.colour ? "\x1b[1;31m" + std::string(text) + "\x1b[0m" : std::string(text);
}

std::string yellow(std::string_view text) {
  return current.colour ? "\x1b[1;33m" + std::string(text) + "\x1b[0m" : std::string(text);
}

std::string ascii_for(std::string_view c) {
  static const std::map<std::string, std::string, std::less<>> table{
      {"→", "->"},  {"←", "<-"}, {"±", "+/-"}, {"©", "(c)"}, {"·", "-"}, {"—", "-"}, {"–", "-"},
      {"…", "..."}, {"“", "\""}, {"”", "\""},  {"‘", "'"},   {"’", "'"}, {"×", "x"}, {"°", " deg"},
      {"▁", "_"},   {"▂", "_"},  {"▃", "-"},   {"▄", "-"},   {"▅", "="}, {"▆", "="}, {"▇", "#"},
      {"█", "#"},   {"░", "."},  {"▶", ">"},   {"✓", "v"},   {"•", "*"}, {"é", "e"}, {"è", "e"},
      {"ä", "ae"},  {"ö", "oe"}, {"ü", "ue"},  {"ß", "ss"},  {"à", "a"}, {"ç", "c"}, {"ñ", "n"}};
  auto it = table.find(c);
  return it != table.end() ? it->second : "?";
}

int AsciiText::overflow(int c) {
  if (c == traits_type::eof()) return traits_type::not_eof(c);
  auto byte = static_cast<unsigned char>(c);
  if (pending_.empty() && byte < 0x80) return target_->sputc(static_cast<char>(byte));
  if (pending_.empty() || (byte & 0xc0) != 0x80) {
    if (!pending_.empty()) target_->sputn("?", 1);  // a sequence cut short
    pending_.assign(1, static_cast<char>(byte));
    expected_ = sequence_length(byte);
  } else {
    pending_ += static_cast<char>(byte);
  }
  if (pending_.size() >= expected_) {
    std::string ascii = ascii_for(pending_);
    target_->sputn(ascii.data(), static_cast<std::streamsize>(ascii.size()));
    pending_.clear();
  }
  return c;
}

int AsciiText::sync() { return target_->pubsync(); }

}  // namespace plantar::cli
