// Reading rendered sound back in the audio tests: a file's samples through
// libsndfile (WAV, FLAC and Ogg Opus alike), and the short sleep routine
// the audio tests render.
#pragma once

#include <sndfile.h>

#include <filesystem>
#include <vector>

#include "plantar/kb.h"
#include "plantar/planner.h"
#include "plantar/session.h"

namespace plantar::test {

/// The samples of a sound file (mono), or none when it cannot be read; its
/// sample rate goes to `rate` when given.
inline std::vector<float> read_sound(const std::filesystem::path& path, int* rate = nullptr) {
  SF_INFO info{};
  SNDFILE* file = sf_open(path.c_str(), SFM_READ, &info);
  if (file == nullptr) return {};
  std::vector<float> samples(static_cast<std::size_t>(info.frames));
  samples.resize(static_cast<std::size_t>(sf_readf_float(file, samples.data(), info.frames)));
  sf_close(file);
  if (rate != nullptr) *rate = info.samplerate;
  return samples;
}

/// A 3-minute sleep routine's timeline, given by oneself.
inline session::Timeline sleep_timeline() {
  planner::Request request;
  request.goals = {"sleep"};
  request.minutes = 3;
  return session::timeline(kb::embedded(), planner::plan(kb::embedded(), request), Giver::self);
}

}  // namespace plantar::test
