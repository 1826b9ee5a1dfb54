// The guide's loops. Every wait is until a deadline computed from one anchor
// on the monotonic clock (SessionClock), so nothing drifts.
#include "guide.h"

#include <chrono>
#include <ostream>
#include <thread>

#include "screen.h"
#include "session_clock.h"
#include "terminal.h"

namespace plantar::guide {
namespace {

std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

void sleep_until_ms(std::int64_t deadline) {
  std::this_thread::sleep_until(std::chrono::steady_clock::time_point(std::chrono::milliseconds(deadline)));
}

std::size_t first_cue_from(const session::Timeline& t, int position) {
  std::size_t i = 0;
  while (i < t.cues.size() && t.cues[i].at_ms < position) ++i;
  return i;
}

// Where `n` (next) and `b` (back) jump to.
int next_position(const session::Timeline& t, int at) {
  if (at < t.intro_ms) return t.intro_ms;
  int step = session::step_at(t, at);
  return step < 0 ? t.total_ms : t.steps[static_cast<std::size_t>(step)].end_ms;
}

int back_position(const session::Timeline& t, int at) {
  constexpr int grace_ms = 3000;  // pressed just after a start: go one further back
  int step = session::step_at(t, at);
  if (step < 0) return at < t.intro_ms ? 0 : t.steps.empty() ? 0 : t.steps.back().start_ms;
  int start = t.steps[static_cast<std::size_t>(step)].start_ms;
  if (at - start > grace_ms) return start;
  return step == 0 ? 0 : t.steps[static_cast<std::size_t>(step - 1)].start_ms;
}

class FullScreen {
 public:
  FullScreen(const session::Timeline& t, const Settings& s)
      : t_(t), settings_(s), clock_(t.total_ms, s.speed, now_ms()), speaker_(s.voice, s.chime_ms) {}

  Result run() {
    for (;;) {
      std::int64_t now = now_ms();
      if (auto stopped_ms = RawTerminal::continued()) {
        // Back from Ctrl-Z and fg: paused where it was stopped, not further on.
        if (!clock_.paused()) clock_.pause(now - *stopped_ms);
        speaker_.clear();
      }
      fire_due_cues(clock_.position(now));
      if (RawTerminal::resized()) last_frame_.clear();
      draw(now);
      if (clock_.finished(now)) return {Outcome::finished, t_.total_ms};
      std::int64_t deadline = now + 250;
      if (next_cue_ < t_.cues.size()) deadline = std::min(deadline, clock_.when(t_.cues[next_cue_].at_ms));
      deadline = std::min(deadline, clock_.when(t_.total_ms));
      auto key = terminal_.read_key(static_cast<int>(std::max<std::int64_t>(0, deadline - now_ms())));
      if (key && handle(*key)) return {Outcome::quit, clock_.position(now_ms())};
    }
  }

 private:
  void fire_due_cues(int position) {
    while (next_cue_ < t_.cues.size() && t_.cues[next_cue_].at_ms <= position) {
      const auto& cue = t_.cues[next_cue_++];
      speaker_.play(cue);
      if (!cue.text.empty()) said_ = cue.text;
    }
  }

  void draw(std::int64_t now) {
    auto size = RawTerminal::size();
    Frame frame{t_,    clock_.position(now), clock_.paused(), asking_, settings_.heading,
                said_, size.columns,         size.rows};
    std::string text = guide::draw(frame);
    if (text != last_frame_) terminal_.write(text);
    last_frame_ = text;
  }

  void jump(int position) {
    clock_.seek(position, now_ms());
    next_cue_ = first_cue_from(t_, position);
    speaker_.clear();
  }

  // Returns true when the person confirmed quitting.
  bool handle(char key) {
    std::int64_t now = now_ms();
    if (asking_) {
      asking_ = false;
      if (key == 'y' || key == 'Y') return true;
      if (!was_paused_) clock_.resume(now);
      return false;
    }
    if (key == ' ') {
      clock_.paused() ? clock_.resume(now) : clock_.pause(now);
    } else if (key == 'n' || key == 'N') {
      jump(next_position(t_, clock_.position(now)));
    } else if (key == 'b' || key == 'B') {
      jump(back_position(t_, clock_.position(now)));
    } else if (key == 'q' || key == 'Q') {
      was_paused_ = clock_.paused();
      clock_.pause(now);
      asking_ = true;
    }
    return false;
  }

  const session::Timeline& t_;
  const Settings& settings_;
  RawTerminal terminal_;
  SessionClock clock_;
  Speaker speaker_;
  std::size_t next_cue_ = 0;
  std::string said_, last_frame_;
  bool asking_ = false, was_paused_ = false;
};

}  // namespace

Result run_full_screen(const session::Timeline& timeline, const Settings& settings) {
  FullScreen screen(timeline, settings);
  return screen.run();
}

Result run_plain(const session::Timeline& timeline, const Settings& settings, std::ostream& out) {
  Speaker speaker(settings.voice, settings.chime_ms);
  SessionClock clock(timeline.total_ms, settings.speed, now_ms());
  out << "plantar guide: " << settings.heading << ", " << clock_text(timeline.total_ms) << "\n" << std::flush;
  for (const auto& cue : timeline.cues) {
    sleep_until_ms(clock.when(cue.at_ms));
    speaker.play(cue);
    out << "[" << clock_text(cue.at_ms / 1000 * 1000) << "] " << (cue.chime() ? "(chime)" : cue.text) << "\n"
        << std::flush;
  }
  sleep_until_ms(clock.when(timeline.total_ms));
  out << "[" << clock_text(timeline.total_ms) << "] Session complete.\n" << std::flush;
  return {Outcome::finished, timeline.total_ms};
}

}  // namespace plantar::guide
