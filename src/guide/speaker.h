// Live sound for the terminal guide: spoken cues and chimes played through
// `paplay` or `aplay` when an audio device is present. Without one (or
// without those players) it stays silent and the guide runs on.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

#include "plantar/session.h"
#include "plantar/voice.h"

namespace plantar::guide {

enum class VoiceMode { words, chime_only, off };

class Speaker {
 public:
  Speaker(VoiceMode mode, int chime_ms);
  ~Speaker();
  Speaker(const Speaker&) = delete;
  Speaker& operator=(const Speaker&) = delete;

  /// True when sound will really be played.
  bool live() const { return !player_.empty(); }
  /// Queues the cue's sound; returns at once. Speech is made and played on
  /// a single worker thread (flite is not called from two threads at once).
  void play(const session::Cue& cue);
  /// Drops what is queued but not yet playing (after a skip).
  void clear();

 private:
  void work();

  VoiceMode mode_;
  int chime_ms_;
  std::string player_;  // "paplay" or "aplay", empty when silent
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<session::Cue> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace plantar::guide
