// Mixing a timeline's speech and chimes into one track, and rendering it.
#include <algorithm>
#include <cmath>
#include <map>

#include "levels.h"
#include "plantar/audio.h"
#include "plantar/errors.h"
#include "speech_parts.h"

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
                     const Progress& writing, const RenderExtras& extras) {
  auto format = format_for(path);
  if (!format)
    throw BadInput("-o", "expected a file name ending in .wav, .flac, .ogg or .opus, got '" + path + "'");
  if (*format == Format::opus)
    return render_opus(timeline, chime_ms, path, settings, workers, progress, default_cache(), extras);
  if (!extras.first_part.empty())
    throw BadInput("--first-part", "needs an Ogg Opus file (-o ending in .ogg or .opus)");
  // Each distinct sentence spoken once, then each cue's sentences joined.
  std::vector<std::string> sentences;
  std::map<std::string, std::size_t> index_of;
  std::vector<std::vector<std::size_t>> said(timeline.cues.size());
  for (std::size_t i = 0; i < timeline.cues.size(); ++i) {
    if (timeline.cues[i].chime()) continue;
    for (const auto& sentence : sentences_of(timeline.cues[i].text)) {
      auto [it, fresh] = index_of.emplace(sentence, sentences.size());
      if (fresh) sentences.push_back(sentence);
      said[i].push_back(it->second);
    }
  }
  auto spoken = speak_parts(sentences, settings, workers, progress, false);
  std::vector<Clip> speech(timeline.cues.size());
  for (std::size_t i = 0; i < said.size(); ++i) {
    if (said[i].empty()) continue;
    std::vector<const std::vector<float>*> parts;
    for (auto k : said[i]) parts.push_back(&spoken[k].samples);
    speech[i] = {sample_rate, join_sentences(parts)};
  }
  auto track = mixdown(timeline, speech, chime_ms);
  if (extras.background.bed != Bed::none) {
    auto bed = background_bed(extras.background, track.size());
    for (std::size_t i = 0; i < track.size(); ++i) track[i] = std::clamp(track[i] + bed[i], -1.0f, 1.0f);
  }
  RenderSummary summary;
  summary.format = *format;
  summary.cues = static_cast<int>(timeline.cues.size());
  summary.seconds = static_cast<double>(track.size()) / sample_rate;
  summary.bytes = write_sound_file(path, *format, track, writing);
  summary.synthesized = static_cast<int>(sentences.size());
  return summary;
}

}  // namespace plantar::audio
