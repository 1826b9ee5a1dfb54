// The guided session in the terminal: full screen with keys when stdout is a
// terminal, plain timed lines otherwise. Both follow one session timeline.
#pragma once

#include <iosfwd>
#include <string>

#include "plantar/session.h"
#include "speaker.h"

namespace plantar::guide {

struct Settings {
  std::string heading;  // "Sleep · 5 minutes"
  double speed = 1.0;   // > 1 runs the clock faster (tests, demos)
  VoiceMode voice = VoiceMode::words;
  int chime_ms = 2000;
};

enum class Outcome { finished, quit };

struct Result {
  Outcome outcome = Outcome::finished;
  int position_ms = 0;  // where the session ended
};

/// The full-screen session: big countdown, step, bars, what is next, foot
/// diagram. Keys: space pause/resume, n next, b back, q quit (asks first).
/// The terminal is restored on return, on Ctrl-C and on SIGTERM.
Result run_full_screen(const session::Timeline& timeline, const Settings& settings);

/// The session as plain lines on `out`, each printed when its cue is due.
Result run_plain(const session::Timeline& timeline, const Settings& settings, std::ostream& out);

}  // namespace plantar::guide
