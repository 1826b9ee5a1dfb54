// The background bed: brown noise (white noise integrated, with a gentle
// leak so it never drifts) or a slow tone bed (a low open chord whose notes
// swell and fade at different slow rates). Both from fixed seeds and
// formulas, so the same request makes the same file.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

#include "plantar/audio.h"
#include "plantar/voice.h"

namespace plantar::audio {
namespace {

constexpr double fade_seconds = 2.0;

// A small, fast generator (xorshift32): uniform noise from -1 to 1.
class Noise {
 public:
  float next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 17;
    state_ ^= state_ << 5;
    return static_cast<float>(state_) / 2147483648.0f - 1.0f;
  }

 private:
  std::uint32_t state_ = 20261202;
};

std::vector<float> brown(std::size_t n) {
  Noise white;
  std::vector<float> out(n);
  float level = 0, slow = 0;
  for (auto& v : out) {
    level = 0.995f * level + 0.05f * white.next();  // leaky integration: about 6 dB less per octave
    slow = 0.9995f * slow + 0.0005f * level;        // and the slowest drift taken out
    v = level - slow;
  }
  return out;
}

// A sine by rotation (two multiplications a sample, no sin()).
class Oscillator {
 public:
  explicit Oscillator(double frequency)
      : step_cos_(std::cos(2 * std::numbers::pi * frequency / sample_rate)),
        step_sin_(std::sin(2 * std::numbers::pi * frequency / sample_rate)) {}
  double next() {
    double c = c_ * step_cos_ - s_ * step_sin_;
    s_ = s_ * step_cos_ + c_ * step_sin_;
    c_ = c;
    if (++count_ % 4096 == 0) {  // keep it on the unit circle
      double r = std::sqrt(c_ * c_ + s_ * s_);
      c_ /= r;
      s_ /= r;
    }
    return s_;
  }

 private:
  double step_cos_, step_sin_, c_ = 1, s_ = 0;
  std::size_t count_ = 0;
};

std::vector<float> tone(std::size_t n) {
  // A, E and A an octave up (110, 165, 220 Hz), each swelling on its own slow cycle.
  const double notes[][2] = {{110.0, 1.0 / 11}, {164.8, 1.0 / 7}, {220.0, 1.0 / 13}};
  std::vector<Oscillator> sound, swell;
  for (const auto& [frequency, rate] : notes) {
    sound.emplace_back(frequency);
    swell.emplace_back(rate);
  }
  std::vector<float> out(n);
  for (auto& v : out) {
    double sum = 0;
    for (std::size_t k = 0; k < sound.size(); ++k) sum += (0.6 + 0.4 * swell[k].next()) * sound[k].next();
    v = static_cast<float>(sum);
  }
  return out;
}

void scale_to_rms(std::vector<float>& samples, double rms) {
  double sum = 0;
  for (float v : samples) sum += static_cast<double>(v) * v;
  double now = samples.empty() ? 0 : std::sqrt(sum / static_cast<double>(samples.size()));
  if (now <= 0) return;
  auto gain = static_cast<float>(rms / now);
  for (float& v : samples) v *= gain;
}

void fade_ends(std::vector<float>& samples) {
  std::size_t n = std::min(samples.size() / 2, static_cast<std::size_t>(fade_seconds * sample_rate));
  for (std::size_t i = 0; i < n; ++i) {
    auto gain = static_cast<float>(0.5 - 0.5 * std::cos(std::numbers::pi * static_cast<double>(i) / n));
    samples[i] *= gain;
    samples[samples.size() - 1 - i] *= gain;
  }
}

}  // namespace

std::optional<Bed> bed_named(std::string_view name) {
  if (name == "none") return Bed::none;
  if (name == "brown") return Bed::brown;
  if (name == "tone") return Bed::tone;
  return std::nullopt;
}

std::string_view name(Bed bed) {
  switch (bed) {
    case Bed::none: return "none";
    case Bed::brown: return "brown";
    case Bed::tone: return "tone";
  }
  return "none";
}

std::vector<float> background_bed(const Background& background, std::size_t samples) {
  if (background.bed == Bed::none || background.volume <= 0) return std::vector<float>(samples, 0.0f);
  auto out = background.bed == Bed::brown ? brown(samples) : tone(samples);
  scale_to_rms(out, std::clamp(background.volume, 0.0, 1.0) / 10);
  fade_ends(out);
  return out;
}

}  // namespace plantar::audio
