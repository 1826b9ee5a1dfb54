// Raw mode and its restoration, including from signal handlers.
#include "terminal.h"

#include <poll.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <string>

namespace plantar::guide {
namespace {

termios saved_mode, raw_mode;
volatile sig_atomic_t raw_active = 0;
volatile sig_atomic_t resize_seen = 0;
// Lock-free, so usable in a signal handler.
std::atomic<long long> stopped_for_ms{-1};
static_assert(std::atomic<long long>::is_always_lock_free);

constexpr char enter_sequence[] = "\x1b[?1049h\x1b[?25l\x1b[2J";
constexpr char leave_sequence[] = "\x1b[0m\x1b[?25h\x1b[?1049l";

void restore() {
  if (!raw_active) return;
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_mode);
  ssize_t ignored = ::write(STDOUT_FILENO, leave_sequence, sizeof leave_sequence - 1);
  (void)ignored;
  raw_active = 0;
}

// Ctrl-C, SIGTERM, SIGHUP: put the terminal back, then die of the signal.
void on_fatal_signal(int signal) {
  restore();
  std::signal(signal, SIG_DFL);
  raise(signal);
}

void on_resize(int) { resize_seen = 1; }

long long steady_ms() {  // clock_gettime(CLOCK_MONOTONIC): async-signal-safe
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

void write_all(const char* text, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(STDOUT_FILENO, text, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    text += n;
    size -= static_cast<std::size_t>(n);
  }
}

// Ctrl-Z: put the terminal back, stop for real (the default action), and on
// `fg` enter the guide's mode again; the guide then redraws (resize_seen).
void on_stop(int signal) {
  int saved_errno = errno;
  bool was_raw = raw_active != 0;
  long long stopped_at = steady_ms();
  restore();
  std::signal(signal, SIG_DFL);
  sigset_t tstp;
  sigemptyset(&tstp);
  sigaddset(&tstp, signal);
  sigprocmask(SIG_UNBLOCK, &tstp, nullptr);
  raise(signal);  // stops here until SIGCONT
  std::signal(signal, on_stop);
  if (was_raw) {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw_mode);
    write_all(enter_sequence, sizeof enter_sequence - 1);
    raw_active = 1;
  }
  stopped_for_ms = steady_ms() - stopped_at;
  resize_seen = 1;
  errno = saved_errno;
}

// Continued after a SIGSTOP sent by someone else: the screen may be stale.
void on_continue(int) { resize_seen = 1; }

}  // namespace

RawTerminal::RawTerminal() {
  tcgetattr(STDIN_FILENO, &saved_mode);
  raw_mode = saved_mode;
  raw_mode.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));  // keep ISIG: Ctrl-C still interrupts
  raw_mode.c_cc[VMIN] = 0;
  raw_mode.c_cc[VTIME] = 0;
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw_mode);
  raw_active = 1;
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) std::signal(s, on_fatal_signal);
  std::signal(SIGWINCH, on_resize);
  std::signal(SIGTSTP, on_stop);
  std::signal(SIGCONT, on_continue);
  write(enter_sequence);
}

RawTerminal::~RawTerminal() {
  restore();
  for (int s : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGWINCH, SIGTSTP, SIGCONT}) std::signal(s, SIG_DFL);
}

RawTerminal::Size RawTerminal::size() {
  winsize ws{};
  if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0) return {};
  return {ws.ws_col, ws.ws_row};
}

bool RawTerminal::resized() {
  bool was = resize_seen != 0;
  resize_seen = 0;
  return was;
}

std::optional<long long> RawTerminal::continued() {
  long long ms = stopped_for_ms.exchange(-1);
  if (ms < 0) return std::nullopt;
  return ms;
}

std::optional<char> RawTerminal::read_key(int timeout_ms) {
  pollfd fd{STDIN_FILENO, POLLIN, 0};
  if (poll(&fd, 1, timeout_ms < 0 ? 0 : timeout_ms) <= 0) return std::nullopt;
  char c = 0;
  if (::read(STDIN_FILENO, &c, 1) != 1) return std::nullopt;
  return c;
}

namespace {

// The locale's character set: UTF-8, or ASCII when LC_ALL, LC_CTYPE or LANG
// (the first one set) does not say UTF-8.
bool utf8_locale() {
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    std::string v = value;
    for (auto& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return v.find("utf-8") != std::string::npos || v.find("utf8") != std::string::npos;
  }
  return false;
}

// One ASCII character for each UTF-8 one, so the screen's columns stay put.
std::string ascii_screen(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += text[i++];
      continue;
    }
    std::size_t n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    std::string ch = text.substr(i, n);
    out += ch == "█" ? '#' : ch == "░" ? '.' : ch == "·" ? '-' : ch == "▶" ? '>' : '?';
    i += n;
  }
  return out;
}

}  // namespace

void RawTerminal::write(const std::string& screen) {
  static const bool utf8 = utf8_locale();
  const std::string& text = utf8 ? screen : ascii_screen(screen);  // binds a temporary: lives to the end
  const char* p = text.data();
  std::size_t left = text.size();
  while (left > 0) {
    ssize_t n = ::write(STDOUT_FILENO, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
}

}  // namespace plantar::guide
