// The flite cmu_us_slt voice behind the Voice interface.
#include <flite/flite.h>

#include <algorithm>
#include <cmath>

#include "levels.h"
#include "plantar/errors.h"
#include "plantar/voice.h"

// Declared in no installed header (BUILD-NOTES.md).
extern "C" cst_voice* register_cmu_us_slt(const char* voxdir);

namespace plantar::audio {
namespace {

cst_voice* slt() {
  static cst_voice* voice = [] {
    flite_init();
    return register_cmu_us_slt(nullptr);
  }();
  return voice;
}

class FliteVoice : public Voice {
 public:
  explicit FliteVoice(const VoiceSettings& settings) : settings_(settings) {
    voice_ = slt();
    if (voice_ == nullptr) throw Failure("the flite voice cmu_us_slt could not be loaded");
    feat_set_float(voice_->features, "duration_stretch",
                   static_cast<float>(1.0 / std::clamp(settings.rate, 0.5, 2.0)));
  }

  Clip speak(const std::string& text) override {
    cst_wave* wave = flite_text_to_wave(text.c_str(), voice_);
    if (wave == nullptr) throw Failure("flite could not speak: " + text);
    Clip clip;
    clip.sample_rate = wave->sample_rate;
    clip.samples.reserve(static_cast<std::size_t>(wave->num_samples));
    for (int i = 0; i < wave->num_samples; ++i)
      clip.samples.push_back(static_cast<float>(wave->samples[i]) / 32768.0f);
    delete_wave(wave);
    if (clip.sample_rate != sample_rate) throw Failure("flite spoke at an unexpected sample rate");
    trim_silence(clip.samples);
    normalize(clip.samples, speech_peak * static_cast<float>(std::clamp(settings_.volume, 0.0, 1.0)));
    return clip;
  }

 private:
  VoiceSettings settings_;
  cst_voice* voice_ = nullptr;
};

}  // namespace

std::unique_ptr<Voice> flite_voice(const VoiceSettings& settings) {
  return std::make_unique<FliteVoice>(settings);
}

}  // namespace plantar::audio
