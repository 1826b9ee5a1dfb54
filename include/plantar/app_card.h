// The therapist card's content, shared by `plantar card` and /api/card.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plantar/journal.h"
#include "plantar/kb.h"
#include "plantar/render.h"

namespace plantar::app {

/// What the card is made from (the flags of `plantar card`, the parameters of /api/card).
struct CardOptions {
  std::string input;  // where the plan request came from, for errors ("plan", "-", a file)
  std::vector<std::string> conditions, goals, tools;
  std::optional<int> minutes;
  std::string name;
  std::string sections;  // comma list; empty: all
  int days = 30;         // sore spots of the last `days` days
};

/// What `plantar card` shows, and the screening's verdict.
struct CardContent {
  render::Card card;
  Verdict verdict = Verdict::go;
};

/// The card for the options, a plan request as JSON (options.input names it
/// in errors; empty: none; without goals, the journal's most frequent ones)
/// and the journal (nullptr: none). It reads the journal's totals and the
/// sessions of the last options.days days only.
CardContent card_content(const kb::KnowledgeBase& kb, const CardOptions& options,
                         const std::string& plan_json, const journal::Journal* store);

}  // namespace plantar::app
