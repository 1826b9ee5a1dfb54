// The guide's session clock: where in the timeline we are, given a reading
// of a monotonic clock. Pure (the time comes in as an argument), so a
// 20-minute session ends on time however often the screen redraws: every
// position is computed from one anchor, never by adding up sleeps.
#pragma once

#include <algorithm>
#include <cstdint>

namespace plantar::guide {

class SessionClock {
 public:
  /// `speed` runs the session faster (tests and demos); 1 is real time.
  SessionClock(int total_ms, double speed, std::int64_t now_ms)
      : total_(total_ms), speed_(speed), anchor_(now_ms) {}

  /// The position in the session, in session milliseconds.
  int position(std::int64_t now_ms) const {
    if (paused_) return position_;
    double moved = static_cast<double>(now_ms - anchor_) * speed_;
    return static_cast<int>(std::clamp<double>(position_ + moved, 0, total_));
  }
  bool paused() const { return paused_; }
  bool finished(std::int64_t now_ms) const { return position(now_ms) >= total_; }

  void pause(std::int64_t now_ms) {
    if (!paused_) rebase(position(now_ms), now_ms);
    paused_ = true;
  }
  void resume(std::int64_t now_ms) {
    if (paused_) rebase(position_, now_ms);
    paused_ = false;
  }
  void seek(int position_ms, std::int64_t now_ms) { rebase(std::clamp(position_ms, 0, total_), now_ms); }

  /// The monotonic time at which the session reaches `position_ms` (a
  /// deadline to wait for); far away while paused.
  std::int64_t when(int position_ms) const {
    if (paused_) return anchor_ + 3'600'000;
    return anchor_ + static_cast<std::int64_t>((position_ms - position_) / speed_ + 0.999);
  }

 private:
  void rebase(int position_ms, std::int64_t now_ms) {
    position_ = position_ms;
    anchor_ = now_ms;
  }

  int total_;
  double speed_;
  std::int64_t anchor_;
  int position_ = 0;
  bool paused_ = false;
};

}  // namespace plantar::guide
