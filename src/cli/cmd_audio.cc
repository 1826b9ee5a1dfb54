// plantar audio: the guided session rendered into one audio file.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <thread>

#include "plantar/audio.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/render.h"
#include "remove_on_signal.h"
#include "session_input.h"

namespace plantar::cli {
namespace {

// A progress bar on stderr, redrawn in place; only on a terminal. `what`
// names the phase and `unit` what is counted ("spoken cues", "seconds").
audio::Progress progress_bar(const Context& context, bool show, const std::string& what,
                             const std::string& unit) {
  if (!show) return {};
  return [&err = context.err, what, unit](int done, int total) {
    constexpr int width = 30;
    int filled = total > 0 ? done * width / total : width;
    err << fmt::format("\r{} [{}{}] {}/{} {}", what, std::string(static_cast<std::size_t>(filled), '#'),
                       std::string(static_cast<std::size_t>(width - filled), '.'), done, total, unit)
        << (done == total ? "\n" : "") << std::flush;
  };
}

// `-o -`: the file is made beside nothing the person owns, then copied to
// standard output and removed.
std::string stdout_temporary() {
  return (std::filesystem::temp_directory_path() / fmt::format("plantar-audio-{}.wav", getpid())).string();
}

void copy_to(std::ostream& out, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  out << in.rdbuf();
  out.flush();
}

int spoken_cues(const session::Timeline& timeline) {
  int n = 0;
  for (const auto& cue : timeline.cues) n += !cue.chime() && !cue.text.empty();
  return n;
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
  bool to_stdout = options.output == "-";
  if (!to_stdout && !audio::format_for(options.output))
    throw BadInput("-o",
                   "expected a file name ending in .wav, .flac, .ogg or .opus, got '" + options.output + "'");
  if (!(options.rate >= 0.5 && options.rate <= 2.0))
    throw BadInput("--rate", "expected a number from 0.5 to 2");
  auto bed = audio::bed_named(options.background);
  if (!bed) throw BadInput("--background", "expected brown, tone or none, got '" + options.background + "'");
  if (!(options.background_volume >= 0 && options.background_volume <= 1))
    throw BadInput("--background-volume", "expected a number from 0 to 1");
  if (!options.first_part.empty()) {
    auto first = audio::format_for(options.first_part);
    if (to_stdout || audio::format_for(options.output) != audio::Format::opus)
      throw BadInput("--first-part", "needs an Ogg Opus file: -o ending in .ogg or .opus");
    if (first != audio::Format::opus)
      throw BadInput("--first-part",
                     "expected a file name ending in .ogg or .opus, got '" + options.first_part + "'");
    render::check_output_path(options.first_part);
  }
  render::check_output_path(options.output);  // before minutes of work
  auto input = session_input(context, options.session);
  if (!input) return 3;
  auto timeline = session::timeline(context.kb, input->routine, input->giver);
  int workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  constexpr int long_session_ms = 3 * 60 * 1000;
  bool show = isatty(STDERR_FILENO) && timeline.total_ms >= long_session_ms;
  std::string file = to_stdout ? stdout_temporary() : options.output;
  // Ctrl-C or SIGTERM leave nothing half-written behind.
  RemoveOnSignal cleanup({file + ".partial", to_stdout ? file : std::string(),
                          options.first_part.empty() ? std::string() : options.first_part + ".partial"});
  auto summary = audio::render(timeline, context.kb.cues.chime_seconds * 1000, file, {options.rate, 1.0},
                               workers, progress_bar(context, show, "speaking", "spoken cues"),
                               progress_bar(context, show, "writing ", "seconds"),
                               {options.first_part, {*bed, options.background_volume}});
  if (to_stdout) {
    copy_to(context.raw != nullptr ? *context.raw : context.out, file);
    std::filesystem::remove(file);
    return 0;
  }
  int spoken = spoken_cues(timeline);
  if (context.json) {
    json_io::Json json = {{"file", options.output},
                          {"format", std::string(audio::name(summary.format))},
                          {"seconds", summary.seconds},
                          {"cues", summary.cues},
                          {"spoken_cues", spoken},
                          {"chimes", summary.cues - spoken},
                          {"bytes", summary.bytes},
                          {"sample_rate", audio::sample_rate},
                          {"synthesized", summary.synthesized},
                          {"cached", summary.cached}};
    if (*bed != audio::Bed::none)
      json["background"] = {{"sound", options.background}, {"volume", options.background_volume}};
    if (!options.first_part.empty())
      json["first_part"] = {{"file", options.first_part}, {"seconds", summary.first_part_seconds}};
    context.out << json_io::dump(json);
  } else if (!context.quiet) {
    int seconds = static_cast<int>(summary.seconds + 0.5);
    context.err << fmt::format("Wrote {}: {}:{:02}, {} spoken cues and {} chimes, {}, {:.1f} MB.\n",
                               options.output, seconds / 60, seconds % 60, spoken, summary.cues - spoken,
                               format_name(summary.format), static_cast<double>(summary.bytes) / 1e6);
  }
  return 0;
}

}  // namespace plantar::cli
