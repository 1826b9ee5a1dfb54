// Levels and sounds made by the program: normalization, silence trimming and
// the soft chime. Private to the audio layer.
#pragma once

#include <vector>

namespace plantar::audio {

/// Speech peaks here (about -3 dBFS): loud enough, never clipping.
inline constexpr float speech_peak = 0.7f;
/// The chime is softer than the speech.
inline constexpr float chime_peak = 0.3f;

/// Scales `samples` so the loudest one is `peak` (silence stays silent).
void normalize(std::vector<float>& samples, float peak);
/// Drops near-silence at both ends, keeping a short breath of it.
void trim_silence(std::vector<float>& samples);
/// A soft bell: sines with harmonics and a smooth envelope, `ms` long. A
/// rising pair of notes for a start, a falling one for an end.
std::vector<float> chime(int sample_rate, int ms, bool rising);

}  // namespace plantar::audio
