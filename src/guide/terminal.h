// The terminal for the full-screen guide: raw keys, the alternate screen, its
// size, and putting everything back on exit, on Ctrl-C and on SIGTERM. Job
// control works: Ctrl-Z (SIGTSTP) puts the terminal back before stopping,
// and `fg` (SIGCONT) enters the guide's mode again.
#pragma once

#include <optional>
#include <string>

namespace plantar::guide {

/// While alive, the terminal is in the guide's mode (no echo, keys one by
/// one, alternate screen, hidden cursor). The destructor and the signal
/// handlers restore it.
class RawTerminal {
 public:
  RawTerminal();
  ~RawTerminal();
  RawTerminal(const RawTerminal&) = delete;
  RawTerminal& operator=(const RawTerminal&) = delete;

  struct Size {
    int columns = 80;
    int rows = 24;
  };
  static Size size();
  /// True once after the terminal was resized.
  static bool resized();
  /// After the guide was stopped (Ctrl-Z) and continued (fg): how long it was
  /// stopped, in milliseconds of the steady clock; nullopt otherwise. Once.
  static std::optional<long long> continued();

  /// Waits up to `timeout_ms` for a key; nullopt when none came.
  std::optional<char> read_key(int timeout_ms);
  void write(const std::string& text);
};

}  // namespace plantar::guide
