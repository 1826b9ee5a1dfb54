// Rendering a session timeline into one audio file (WAV, FLAC or Ogg Opus):
// speech for every cue, a soft chime at the start and end of each step, and
// silence between. The file is exactly as long as the timeline.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plantar/audio_cache.h"
#include "plantar/session.h"
#include "plantar/voice.h"

namespace plantar::audio {

enum class Format { wav, flac, opus };

/// The format for a file name's extension (.wav, .flac, .ogg or .opus).
std::optional<Format> format_for(const std::string& path);
std::string_view name(Format format);

/// Called with the number of cues done and the total.
using Progress = std::function<void(int done, int total)>;

/// Speaks every text in `workers` worker processes at once (flite keeps
/// shared, unlocked state, so it is not called from several threads).
/// Repeated texts are spoken once. Throws Failure if a worker fails.
std::vector<Clip> speak_all(const std::vector<std::string>& texts, const VoiceSettings& settings, int workers,
                            const Progress& progress);

/// The whole session as one mono track at sample_rate, exactly
/// `timeline.total_ms` long: `speech[i]` at cue i (empty for chimes, or for
/// no words), a chime `chime_ms` long at each chime cue.
std::vector<float> mixdown(const session::Timeline& timeline, const std::vector<Clip>& speech, int chime_ms);

/// The soft chime alone, `ms` long: rising notes for a start, falling for an end.
Clip chime_clip(int ms, bool rising);

/// Writes mono samples to `path` through a temporary file and a rename, so
/// nothing half-written is left behind. Returns the file's size in bytes.
/// Throws Failure if it cannot.
/// `progress` is told the seconds written and the total, as it goes.
std::uintmax_t write_sound_file(const std::string& path, Format format, const std::vector<float>& samples,
                                const Progress& progress = {});

/// A soft sound under the voice, generated (never downloaded) and mixed into
/// the file, so it plays on with the screen locked.
enum class Bed { none, brown, tone };

struct Background {
  Bed bed = Bed::none;
  double volume = 0.2;  // 0..1: at 1 the bed's level is 20 dB under full scale (RMS)
};

/// The bed for a name: "none", "brown" (brown noise) or "tone" (a slow,
/// low chord that swells and fades); nothing for any other name.
std::optional<Bed> bed_named(std::string_view name);
std::string_view name(Bed bed);

/// `samples` of the bed at sample_rate, the same every time: its RMS is
/// volume / 10, it fades in over the first and out over the last 2 seconds,
/// and it moves smoothly (no clicks).
std::vector<float> background_bed(const Background& background, std::size_t samples);

/// What else a render can make besides the whole file.
struct RenderExtras {
  /// Ogg Opus only: the session's opening, up to a quiet moment, written here
  /// first (speaking only its own sentences), so a player can start at once
  /// and go on with the whole file from where this one ends.
  std::string first_part;
  /// Mixed under the whole session. In Ogg Opus the stitched packets are
  /// then decoded, mixed and encoded once more, in one pass.
  Background background;
};

struct RenderSummary {
  double seconds = 0;
  int cues = 0;
  std::uintmax_t bytes = 0;
  Format format = Format::wav;
  int synthesized = 0;            // sentences the voice spoke for this file
  int cached = 0;                 // sounds taken from the sentence cache (Ogg Opus only)
  double first_part_seconds = 0;  // the length of the first part, if one was written
};

/// Renders `timeline` into `path`, the format chosen by its extension. An
/// Ogg Opus file is assembled through the sentence cache of default_cache().
/// `progress` counts the spoken cues, `writing` the seconds written.
RenderSummary render(const session::Timeline& timeline, int chime_ms, const std::string& path,
                     const VoiceSettings& settings, int workers, const Progress& progress,
                     const Progress& writing = {}, const RenderExtras& extras = {});

/// The Ogg Opus file assembled from `cache`'s packets: only sounds missing
/// from the cache are spoken and encoded (and then stored). Cues are placed
/// to the nearest 20 ms; the file is exactly `timeline.total_ms` long.
RenderSummary render_opus(const session::Timeline& timeline, int chime_ms, const std::string& path,
                          const VoiceSettings& settings, int workers, const Progress& progress,
                          const CacheSettings& cache, const RenderExtras& extras = {});

/// The length in seconds of an Ogg Opus file (its last granule position less
/// the pre-skip), or -1 if it cannot be read as one.
double ogg_opus_seconds(const std::string& path);

}  // namespace plantar::audio
