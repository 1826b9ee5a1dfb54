// The guided session's timeline: every spoken cue and chime of a routine with
// its time in milliseconds. The one source of truth that the terminal guide,
// the web guide and the audio renderer all read. Pure: the words and timings
// come from the knowledge base (cues.toml, techniques.toml, tips.toml).
#pragma once

#include <string>
#include <vector>

#include "plantar/kb.h"
#include "plantar/planner.h"

namespace plantar::session {

enum class CueKind {
  welcome,
  countdown,
  foot_change,
  announce,
  start_chime,
  halfway,
  warning,
  end_chime,
  closing
};

/// One thing to say or play. A chime has no text.
struct Cue {
  int at_ms = 0;
  CueKind kind = CueKind::welcome;
  std::string text;
  int step = -1;  // the routine step it belongs to, -1 for the intro and outro
  bool chime() const { return kind == CueKind::start_chime || kind == CueKind::end_chime; }
};

/// A step of the routine placed on the session clock.
struct StepSpan {
  int start_ms = 0;
  int end_ms = 0;
  std::string title;  // the technique's name
  Foot foot = Foot::left;
  Region region = Region::toes;
  std::string area;  // the region's name, "Top of the foot"
  int pressure = 1;
  std::string cue;  // what to do, as in the routine
};

struct Timeline {
  int intro_ms = 0;  // the first step starts here
  int outro_ms = 0;  // after the last step
  int total_ms = 0;  // intro + routine + outro
  std::vector<StepSpan> steps;
  std::vector<Cue> cues;  // sorted by time
};

/// Builds the timeline of a routine given by `giver` (partner mode speaks to
/// the giver). The closing tips follow the routine's goals and the conditions
/// of its verdict (a diabetic person is reminded to check their feet).
Timeline timeline(const kb::KnowledgeBase& kb, const planner::Routine& routine, Giver giver);

/// How long `text` takes to say at the knowledge base's words per minute.
int speaking_ms(const kb::Cues& cues, const std::string& text);

/// The index of the step playing at `ms`, or -1 in the intro and outro.
int step_at(const Timeline& timeline, int ms);

std::string_view name(CueKind kind);

}  // namespace plantar::session
