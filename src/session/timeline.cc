// Placing every cue of a routine on the session clock.
#include <algorithm>
#include <optional>
#include <sstream>

#include "cue_words.h"
#include "plantar/session.h"

namespace plantar::session {
namespace {

constexpr int second = 1000;

int round_up_to_second(int ms) { return (ms + second - 1) / second * second; }

// The cues of one step from `start` to `end`: the foot change, the
// announcement, the start chime, the halfway cue, "ten seconds left" and the
// end chime. Optional cues are left out when they do not fit.
void place_step(const CueWords& words, const planner::Step& step, const std::optional<Foot>& previous_foot,
                int index, int start, int end, std::vector<Cue>& cues) {
  const kb::Cues& c = words.kb.cues;
  const int gap = c.gap_seconds * second, chime = c.chime_seconds * second;
  int cursor = start;
  auto add = [&](int at, CueKind kind, std::string text) {
    cues.push_back({at, kind, std::move(text), index});
  };
  if (previous_foot && *previous_foot != step.foot) {
    auto text = words.foot_change(step.foot);
    add(cursor, CueKind::foot_change, text);
    cursor += speaking_ms(c, text) + gap;
  }
  auto announcement = words.announce(step);
  add(cursor, CueKind::announce, announcement);
  cursor += speaking_ms(c, announcement) + gap;
  const int end_chime = end - chime;
  const int start_chime = std::min(cursor, start + (end - start) / 2);
  add(start_chime, CueKind::start_chime, "");
  cursor = start_chime + chime + gap;

  const int warning_at = end - c.warning_seconds * second;
  const bool warning =
      warning_at >= cursor && warning_at + speaking_ms(c, c.ten_seconds_left) + gap <= end_chime;
  const int limit = warning ? warning_at : end_chime;
  const kb::Technique* technique = words.kb.technique(step.technique);
  if (technique != nullptr && !technique->halfway.empty()) {
    int at = std::max(cursor, start + (end - start) / 2);
    if (at + speaking_ms(c, technique->halfway) + gap <= limit) add(at, CueKind::halfway, technique->halfway);
  }
  if (warning) add(warning_at, CueKind::warning, c.ten_seconds_left);
  add(end_chime, CueKind::end_chime, "");
}

}  // namespace

int speaking_ms(const kb::Cues& cues, const std::string& text) {
  std::istringstream in(text);
  int words = 0;
  for (std::string word; in >> word;) ++words;
  return (words + 1) * 60 * second / cues.words_per_minute;  // + 1: a breath before and after
}

Timeline timeline(const kb::KnowledgeBase& kb, const planner::Routine& routine, Giver giver) {
  const kb::Cues& c = kb.cues;
  CueWords words{kb, giver};
  Timeline out;
  auto welcome = words.welcome();
  out.intro_ms = round_up_to_second(
      std::max(c.intro_seconds * second, speaking_ms(c, welcome) + (c.gap_seconds + c.countdown) * second));
  out.cues.push_back({0, CueKind::welcome, welcome, -1});
  for (int i = 0; i < c.countdown; ++i)
    out.cues.push_back({out.intro_ms - (c.countdown - i) * second, CueKind::countdown,
                        c.countdown_words[static_cast<std::size_t>(i)], -1});

  int clock = out.intro_ms;
  std::optional<Foot> previous;
  for (std::size_t i = 0; i < routine.steps.size(); ++i) {
    const auto& step = routine.steps[i];
    int end = clock + step.seconds * second;
    const kb::Technique* technique = kb.technique(step.technique);
    out.steps.push_back({clock, end, technique != nullptr ? technique->name : step.technique, step.foot,
                         step.region, kb.region(step.region).name, step.pressure, step.cue});
    place_step(words, step, previous, static_cast<int>(i), clock, end, out.cues);
    previous = step.foot;
    clock = end;
  }

  auto closing = words.closing(routine);
  out.outro_ms = round_up_to_second(std::max(c.outro_seconds * second, speaking_ms(c, closing) + 2 * second));
  out.cues.push_back({clock, CueKind::closing, closing, -1});
  out.total_ms = clock + out.outro_ms;
  std::stable_sort(out.cues.begin(), out.cues.end(),
                   [](const Cue& a, const Cue& b) { return a.at_ms < b.at_ms; });
  return out;
}

int step_at(const Timeline& timeline, int ms) {
  for (std::size_t i = 0; i < timeline.steps.size(); ++i)
    if (ms >= timeline.steps[i].start_ms && ms < timeline.steps[i].end_ms) return static_cast<int>(i);
  return -1;
}

std::string_view name(CueKind kind) {
  switch (kind) {
    case CueKind::welcome: return "welcome";
    case CueKind::countdown: return "countdown";
    case CueKind::foot_change: return "foot_change";
    case CueKind::announce: return "announce";
    case CueKind::start_chime: return "start_chime";
    case CueKind::halfway: return "halfway";
    case CueKind::warning: return "warning";
    case CueKind::end_chime: return "end_chime";
    case CueKind::closing: return "closing";
  }
  return "unknown";
}

}  // namespace plantar::session
