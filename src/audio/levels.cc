// Normalization, silence trimming and the chime.
#include "levels.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace plantar::audio {

void normalize(std::vector<float>& samples, float peak) {
  float loudest = 0;
  for (float s : samples) loudest = std::max(loudest, std::abs(s));
  if (loudest < 1e-4f) return;
  float gain = peak / loudest;
  for (float& s : samples) s *= gain;
}

void trim_silence(std::vector<float>& samples) {
  constexpr float threshold = 0.01f;
  constexpr std::size_t keep = 800;  // 50 ms at 16 kHz
  auto loud = [](float s) { return std::abs(s) > threshold; };
  auto first = std::find_if(samples.begin(), samples.end(), loud);
  if (first == samples.end()) return samples.clear();
  auto last = std::find_if(samples.rbegin(), samples.rend(), loud).base();
  auto begin = static_cast<std::size_t>(first - samples.begin());
  auto end = static_cast<std::size_t>(last - samples.begin());
  begin = begin > keep ? begin - keep : 0;
  end = std::min(samples.size(), end + keep);
  samples = std::vector<float>(samples.begin() + static_cast<long>(begin),
                               samples.begin() + static_cast<long>(end));
}

namespace {

// One bell-like note: a fundamental and two soft harmonics, a 15 ms attack
// and an exponential decay, added into `out` from `offset`.
void add_note(std::vector<float>& out, int sample_rate, std::size_t offset, double frequency) {
  constexpr double attack = 0.015, decay = 3.5;
  const double partials[][2] = {{1.0, 1.0}, {2.0, 0.35}, {3.0, 0.12}};
  for (std::size_t i = offset; i < out.size(); ++i) {
    double t = static_cast<double>(i - offset) / sample_rate;
    double envelope = std::min(1.0, t / attack) * std::exp(-decay * t);
    double value = 0;
    for (const auto& [ratio, gain] : partials)
      value += gain * std::sin(2 * std::numbers::pi * frequency * ratio * t);
    out[i] += static_cast<float>(envelope * value);
  }
}

}  // namespace

std::vector<float> chime(int sample_rate, int ms, bool rising) {
  std::vector<float> out(static_cast<std::size_t>(sample_rate) * static_cast<std::size_t>(ms) / 1000, 0.0f);
  const double low = 523.25, high = 659.25;  // C5 and E5
  add_note(out, sample_rate, 0, rising ? low : high);
  add_note(out, sample_rate, static_cast<std::size_t>(sample_rate) / 4, rising ? high : low);
  // Fade the last 100 ms to silence so the chime never ends with a click.
  std::size_t fade = std::min(out.size(), static_cast<std::size_t>(sample_rate) / 10);
  for (std::size_t i = 0; i < fade; ++i)
    out[out.size() - 1 - i] *= static_cast<float>(i) / static_cast<float>(fade);
  normalize(out, chime_peak);
  return out;
}

}  // namespace plantar::audio
