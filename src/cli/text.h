// Plain-text output helpers for the terminal: wrapped paragraphs, headings
// and readable names of places, techniques and verdicts.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "plantar/kb.h"
#include "plantar/safety.h"

namespace plantar::cli {

inline constexpr std::size_t text_width = 78;

/// `text` wrapped at text_width, every line starting with `indent`, the first
/// line with `first` instead when given (for bullets).
std::string wrap(const std::string& text, const std::string& indent, const std::string& first = "");

/// "inner edge".
std::string plain_region(Region region);
/// "left heel", "the whole right foot and leg".
std::string plain_place(const Place& place);
/// "Tennis ball roll under the arch" or the id when unknown.
std::string technique_name(const kb::KnowledgeBase& kb, const std::string& id);
/// "Ernst 2003, ..." citations of source ids, one per line, indented.
std::string citations(const kb::KnowledgeBase& kb, const std::vector<std::string>& ids,
                      const std::string& indent);

/// "limited evidence: it may help": what an evidence grade means, in words.
std::string grade_words(Grade grade);

/// The human-readable verdict of a screening (what to do, why, sources).
void print_screening(std::ostream& out, const kb::KnowledgeBase& kb, const safety::Screening& s);

}  // namespace plantar::cli
