// Raising flite's 16 kHz speech to Opus's 48 kHz. Private to the audio layer.
#pragma once

#include <vector>

namespace plantar::audio {

/// `samples` at 16 kHz as 48 kHz (three times as many): zeros stuffed
/// between samples, then a windowed-sinc low-pass below 8 kHz, with its
/// delay removed so sample i lands at 3 * i.
std::vector<float> upsample_3x(const std::vector<float>& samples);

/// Fades the first and last `n` samples in and out (a raised cosine), so a
/// sound that is cut out of silence starts and ends without a click.
void fade_edges(std::vector<float>& samples, std::size_t n);

}  // namespace plantar::audio
