// Warming the audio at server start: the built-in routines (Home's bedtime
// routine and each goal's 10-minute routine) are rendered in the background,
// so their first guided session starts at once and every other routine finds
// most of its sentences in the sentence cache. The server holds one beside
// its Api, made after it (`AudioWarmup warmup{sources};` in server.cc's Impl),
// for `plantar serve` only: tests that start many servers should not.
#pragma once

#include <atomic>
#include <thread>

#include "api.h"

namespace plantar::server {

class AudioWarmup {
 public:
  /// Starts rendering in a background thread, one routine at a time (a
  /// request for audio waits for at most the routine being rendered).
  explicit AudioWarmup(const Api& api);
  /// Stops after the routine being rendered and waits for the thread.
  ~AudioWarmup();
  AudioWarmup(const AudioWarmup&) = delete;
  AudioWarmup& operator=(const AudioWarmup&) = delete;
  /// True once every built-in routine has been rendered (or failed).
  bool done() const { return done_; }

 private:
  std::atomic<bool> stop_{false}, done_{false};
  std::thread thread_;
};

}  // namespace plantar::server
