// plantar guide: the hands-free guided session in the terminal.
#include <unistd.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "guide/guide.h"
#include "guide/screen.h"
#include "journal_place.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "session_hooks.h"
#include "session_input.h"

namespace plantar::cli {

int run_guide(const Context& context, const GuideOptions& options) {
  if (!(options.speed >= 0.1 && options.speed <= 1000))
    throw BadInput("--speed", "expected a number from 0.1 to 1000");
  if (options.no_voice && options.chime_only)
    throw BadInput("--chime-only", "give --no-voice or --chime-only, not both");
  auto input = session_input(context, options.session);
  if (!input) return 3;
  auto timeline = session::timeline(context.kb, input->routine, input->giver);
  if (context.json) {
    context.out << json_io::dump(json_io::to_json(timeline));
    return 0;
  }
  guide::Settings settings;
  settings.heading = input->heading;
  settings.speed = options.speed;
  settings.voice = options.no_voice     ? guide::VoiceMode::off
                   : options.chime_only ? guide::VoiceMode::chime_only
                                        : guide::VoiceMode::words;
  settings.chime_ms = context.kb.cues.chime_seconds * 1000;
  bool terminal = &context.out == &std::cout && isatty(STDOUT_FILENO) && isatty(STDIN_FILENO);
  auto before = terminal && !options.no_journal ? journal_before_session_hook(context) : std::nullopt;
  Timestamp start = now_local();
  guide::Result result;
  if (terminal) {
    result = guide::run_full_screen(timeline, settings);
    context.out << (result.outcome == guide::Outcome::finished
                        ? "Session finished: " + guide::clock_text(timeline.total_ms) + ". Well done.\n"
                        : "Session stopped at " + guide::clock_text(result.position_ms) + " of " +
                              guide::clock_text(timeline.total_ms) + ".\n");
  } else {
    result = guide::run_plain(timeline, settings, context.out);
  }
  journal_after_session_hook(context, input->routine, timeline, result.outcome == guide::Outcome::finished,
                             result.position_ms, before, start);
  return 0;
}

}  // namespace plantar::cli
