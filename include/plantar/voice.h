// Speech: a small interface in front of the text-to-speech engine (flite's
// cmu_us_slt voice), so another engine (espeak-ng for other languages) can
// join behind it, and tests can use a fake.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace plantar::audio {

struct VoiceSettings {
  double rate = 1.0;    // 1 normal, 0.8 slower, 1.2 faster (0.5..2)
  double volume = 1.0;  // 0..1, applied after normalization
};

/// Mono audio: samples from -1 to 1 at `sample_rate` per second.
struct Clip {
  int sample_rate = 16000;
  std::vector<float> samples;
  double seconds() const { return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0; }
};

class Voice {
 public:
  virtual ~Voice() = default;
  /// Speaks `text`, trimmed of leading and trailing silence and normalized
  /// to a comfortable level with no clipping. Throws Failure if it cannot.
  virtual Clip speak(const std::string& text) = 0;
};

/// flite's cmu_us_slt voice, 16 kHz. Not safe to use from several threads
/// at once (flite keeps shared, unlocked state); use one per process.
std::unique_ptr<Voice> flite_voice(const VoiceSettings& settings);

/// The sample rate of every clip and file plantar makes (flite's own rate,
/// and one that Ogg Opus accepts).
inline constexpr int sample_rate = 16000;

}  // namespace plantar::audio
