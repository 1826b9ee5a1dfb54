// The parts a cue's speech is made of: its sentences, each spoken (and
// cached) once however many cues say it, joined again at whole 20 ms frames
// so the Ogg Opus file (packets) and WAV/FLAC (samples) place them alike.
// Private to the audio layer.
#pragma once

#include <string>
#include <vector>

#include "plantar/audio.h"
#include "plantar/audio_cache.h"

namespace plantar::audio {

/// `text` cut after each ".", "!" or "?" that a space and a capital letter
/// or digit follow; the pieces keep their punctuation. Empty for blank text.
std::vector<std::string> sentences_of(const std::string& text);

/// The sentences joined one after the other: each (16 kHz) starts at a whole
/// frame, after the frames_for() of the one before, as their pieces do.
std::vector<float> join_sentences(const std::vector<const std::vector<float>*>& parts);

/// Fades the first and last `n` samples in and out (a raised cosine), so a
/// sound that is cut out of silence starts and ends without a click.
void fade_edges(std::vector<float>& samples, std::size_t n);

/// A sentence spoken by a worker: its samples at 16 kHz, and (when asked)
/// those samples, edges faded, encoded as Opus.
struct Spoken {
  std::vector<float> samples;
  Piece piece;
};

/// Speaks each of `texts` (expected distinct) in `workers` forked processes
/// that take the next text as they finish one, longest first, and (when
/// `encode`) encode it there too, so both cores stay busy to the end.
/// Throws Failure if a worker fails.
std::vector<Spoken> speak_parts(const std::vector<std::string>& texts, const VoiceSettings& settings,
                                int workers, const Progress& progress, bool encode);

}  // namespace plantar::audio
