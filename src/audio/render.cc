// Mixing a timeline's speech and chimes into one track, and rendering it.
#include <algorithm>
#include <cmath>

#include "levels.h"
#include "plantar/audio.h"
#include "plantar/errors.h"

namespace plantar::audio {
namespace {

std::size_t sample_at(int ms) { return static_cast<std::size_t>(ms) * sample_rate / 1000; }

void add_at(std::vector<float>& track, std::size_t offset, const std::vector<float>& clip) {
  for (std::size_t i = 0; i < clip.size() && offset + i < track.size(); ++i) track[offset + i] += clip[i];
}

}  // namespace

std::vector<float> mixdown(const session::Timeline& timeline, const std::vector<Clip>& speech, int chime_ms) {
  std::vector<float> track(sample_at(timeline.total_ms), 0.0f);
  const auto rising = chime(sample_rate, chime_ms, true), falling = chime(sample_rate, chime_ms, false);
  for (std::size_t i = 0; i < timeline.cues.size(); ++i) {
    const auto& cue = timeline.cues[i];
    std::size_t offset = sample_at(cue.at_ms);
    if (cue.chime())
      add_at(track, offset, cue.kind == session::CueKind::start_chime ? rising : falling);
    else if (i < speech.size())
      add_at(track, offset, speech[i].samples);
  }
  // Overlapping sounds must not clip.
  float loudest = 0;
  for (float s : track) loudest = std::max(loudest, std::abs(s));
  if (loudest > 0.95f) normalize(track, 0.95f);
  return track;
}

Clip chime_clip(int ms, bool rising) { return {sample_rate, chime(sample_rate, ms, rising)}; }

RenderSummary render(const session::Timeline& timeline, int chime_ms, const std::string& path,
                     const VoiceSettings& settings, int workers, const Progress& progress,
                     const Progress& writing) {
  auto format = format_for(path);
  if (!format)
    throw BadInput("-o", "expected a file name ending in .wav, .flac, .ogg or .opus, got '" + path + "'");
  if (*format == Format::opus)
    return render_opus(timeline, chime_ms, path, settings, workers, progress, default_cache());
  std::vector<std::string> texts;
  std::vector<std::size_t> spoken;  // cue index of each text
  for (std::size_t i = 0; i < timeline.cues.size(); ++i) {
    if (timeline.cues[i].chime() || timeline.cues[i].text.empty()) continue;
    texts.push_back(timeline.cues[i].text);
    spoken.push_back(i);
  }
  auto clips = speak_all(texts, settings, workers, progress);
  std::vector<Clip> speech(timeline.cues.size());
  for (std::size_t k = 0; k < spoken.size(); ++k) speech[spoken[k]] = std::move(clips[k]);
  auto track = mixdown(timeline, speech, chime_ms);
  RenderSummary summary;
  summary.format = *format;
  summary.cues = static_cast<int>(timeline.cues.size());
  summary.seconds = static_cast<double>(track.size()) / sample_rate;
  summary.bytes = write_sound_file(path, *format, track, writing);
  summary.synthesized = static_cast<int>(texts.size());
  return summary;
}

}  // namespace plantar::audio
