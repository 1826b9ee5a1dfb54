// plantar audio: the guided session rendered into one audio file.
#include <fmt/format.h>
#include <unistd.h>

#include <nlohmann/json.hpp>
#include <ostream>
#include <thread>

#include "plantar/audio.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "session_input.h"

namespace plantar::cli {
namespace {

// A progress bar on stderr, redrawn in place; only on a terminal.
audio::Progress progress_bar(const Context& context, bool show, const std::string& output) {
  if (!show) return {};
  return [&err = context.err, output](int done, int total) {
    constexpr int width = 30;
    int filled = total > 0 ? done * width / total : width;
    err << fmt::format("\rspeaking the cues [{}{}] {}/{}", std::string(static_cast<std::size_t>(filled), '#'),
                       std::string(static_cast<std::size_t>(width - filled), '.'), done, total)
        << (done == total ? "\nwriting " + output + " ...\n" : "") << std::flush;
  };
}

std::string format_name(audio::Format format) {
  switch (format) {
    case audio::Format::wav: return "WAV";
    case audio::Format::flac: return "FLAC";
    case audio::Format::opus: return "Ogg Opus";
  }
  return "";
}

}  // namespace

int run_audio(const Context& context, const AudioOptions& options) {
  if (options.output.empty()) throw BadInput("-o", "give the file to write, e.g. -o session.ogg");
  if (!audio::format_for(options.output))
    throw BadInput("-o",
                   "expected a file name ending in .wav, .flac, .ogg or .opus, got '" + options.output + "'");
  if (!(options.rate >= 0.5 && options.rate <= 2.0))
    throw BadInput("--rate", "expected a number from 0.5 to 2");
  auto input = session_input(context, options.session);
  if (!input) return 3;
  auto timeline = session::timeline(context.kb, input->routine, input->giver);
  int workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  constexpr int long_session_ms = 3 * 60 * 1000;
  bool show = isatty(STDERR_FILENO) && timeline.total_ms >= long_session_ms;
  auto summary = audio::render(timeline, context.kb.cues.chime_seconds * 1000, options.output,
                               {options.rate, 1.0}, workers, progress_bar(context, show, options.output));
  if (context.json) {
    json_io::Json json = {{"file", options.output},
                          {"format", std::string(audio::name(summary.format))},
                          {"seconds", summary.seconds},
                          {"cues", summary.cues},
                          {"bytes", summary.bytes},
                          {"sample_rate", audio::sample_rate},
                          {"synthesized", summary.synthesized},
                          {"cached", summary.cached}};
    context.out << json_io::dump(json);
  } else {
    int seconds = static_cast<int>(summary.seconds + 0.5);
    context.out << fmt::format("Wrote {}: {}:{:02}, {} cues, {}, {:.1f} MB.\n", options.output, seconds / 60,
                               seconds % 60, summary.cues, format_name(summary.format),
                               static_cast<double>(summary.bytes) / 1e6);
  }
  return 0;
}

}  // namespace plantar::cli
