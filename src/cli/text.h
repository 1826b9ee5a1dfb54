// Plain-text output helpers for the terminal: wrapped paragraphs, headings
// and readable names of places, techniques and verdicts.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "plantar/app_words.h"
#include "plantar/kb.h"
#include "plantar/safety.h"

namespace plantar::cli {

/// `text` wrapped at the terminal's width (terminal_style.h; 78 off a terminal), every line starting with
/// `indent`, the first line with `first` instead when given (for bullets).
std::string wrap(const std::string& text, const std::string& indent, const std::string& first = "");

/// `text` safe to print on a terminal: control characters (ESC, BEL, CR,
/// DEL, the C1 range...) are shown in caret notation like `cat -v` ("^[" for
/// ESC) so a note or a place name cannot move the cursor, change colours or
/// the window title. Newlines and tabs stay when `keep_lines`.
std::string printable(std::string_view text, bool keep_lines = true);

// Plain names, shared with the server (plantar/app_words.h).
using app::plain_place;
using app::plain_region;
using app::technique_name;
/// "Ernst 2003, ..." citations of source ids, one per line, indented.
std::string citations(const kb::KnowledgeBase& kb, const std::vector<std::string>& ids,
                      const std::string& indent);

/// "limited evidence: it may help": what an evidence grade means, in words.
std::string grade_words(Grade grade);

/// The human-readable verdict of a screening (what to do, why, sources).
void print_screening(std::ostream& out, const kb::KnowledgeBase& kb, const safety::Screening& s);

}  // namespace plantar::cli
