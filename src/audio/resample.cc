// A polyphase windowed-sinc interpolator for the factor 3 from 16 to 48 kHz.
#include "resample.h"

#include <array>
#include <cmath>
#include <numbers>

namespace plantar::audio {
namespace {

constexpr int factor = 3;
constexpr int taps = 121;  // odd, so the delay is a whole number of samples
constexpr int center = taps / 2;

// Cut-off at 7.6 kHz of 48 kHz, a Blackman window; gain 3 for the stuffed zeros.
const std::array<float, taps>& filter() {
  static const std::array<float, taps> h = [] {
    std::array<float, taps> out{};
    const double cutoff = 2.0 * 7600.0 / 48000.0;
    for (int m = 0; m < taps; ++m) {
      double x = m - center;
      double sinc = x == 0 ? 1.0 : std::sin(std::numbers::pi * cutoff * x) / (std::numbers::pi * cutoff * x);
      double w = 0.42 - 0.5 * std::cos(2 * std::numbers::pi * m / (taps - 1)) +
                 0.08 * std::cos(4 * std::numbers::pi * m / (taps - 1));
      out[static_cast<std::size_t>(m)] = static_cast<float>(factor * cutoff * sinc * w);
    }
    return out;
  }();
  return h;
}

}  // namespace

std::vector<float> upsample_3x(const std::vector<float>& samples) {
  const auto& h = filter();
  const long n = static_cast<long>(samples.size());
  std::vector<float> out(samples.size() * factor, 0.0f);
  for (long j = 0; j < static_cast<long>(out.size()); ++j) {
    // Output j (after the delay) is the filter at j + center over the stuffed input.
    long at = j + center;
    float sum = 0;
    for (long m = at % factor; m < taps; m += factor) {
      long i = (at - m) / factor;
      if (i >= 0 && i < n) sum += h[static_cast<std::size_t>(m)] * samples[static_cast<std::size_t>(i)];
    }
    out[static_cast<std::size_t>(j)] = static_cast<float>(sum);
  }
  return out;
}

void fade_edges(std::vector<float>& samples, std::size_t n) {
  n = std::min(n, samples.size() / 2);
  for (std::size_t i = 0; i < n; ++i) {
    auto gain = static_cast<float>(0.5 - 0.5 * std::cos(std::numbers::pi * static_cast<double>(i) / n));
    samples[i] *= gain;
    samples[samples.size() - 1 - i] *= gain;
  }
}

}  // namespace plantar::audio
