#include "text.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <sstream>

#include "terminal_style.h"

namespace plantar::cli {

std::string wrap(const std::string& text, const std::string& indent, const std::string& first) {
  std::istringstream words(text);
  std::string word, out, line = first.empty() ? indent : first;
  std::size_t start = line.size();
  while (words >> word) {
    if (line.size() > start && line.size() + 1 + word.size() > style().width) {
      out += line + "\n";
      line = indent;
      start = line.size();
    }
    if (line.size() > start) line += ' ';
    line += word;
  }
  return out + line + "\n";
}

std::string printable(std::string_view text, bool keep_lines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (keep_lines && (c == '\n' || c == '\t')) {
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      out += '^';
      out += static_cast<char>(c ^ 0x40);
    } else if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
      // U+0080..U+009F, the C1 controls (CSI is U+009B).
      out += fmt::format("<U+{:04X}>", static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string citations(const kb::KnowledgeBase& kb, const std::vector<std::string>& ids,
                      const std::string& indent) {
  std::string out;
  for (const auto& id : ids) {
    const kb::Source* s = kb.source(id);
    if (s == nullptr) continue;
    std::string text = s->citation;
    if (!s->doi.empty()) text += " doi:" + s->doi;
    out += wrap(text, indent + "  ", indent + "- ");
  }
  return out;
}

std::string grade_words(Grade grade) {
  switch (grade) {
    case Grade::moderate: return "moderate evidence";
    case Grade::limited: return "limited evidence: it may help";
    case Grade::insufficient: return "not well studied";
    case Grade::contradicted: return "better studies found no effect";
  }
  return "";
}

namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out;
}

std::string headline(const safety::Screening& s) {
  switch (s.verdict) {
    case Verdict::go: return "GO: nothing in your answers rules out a foot massage.";
    case Verdict::caution: return "GO WITH CAUTION: a foot massage is fine with the limits below.";
    case Verdict::stop:
      if (s.emergency) return "STOP: DO NOT MASSAGE. GET HELP NOW.";
      return s.urgent ? "STOP: DO NOT MASSAGE. GET MEDICAL CARE TODAY."
                      : "STOP: do not massage now. Read why below.";
  }
  return "";
}

}  // namespace

void print_screening(std::ostream& out, const kb::KnowledgeBase& kb, const safety::Screening& s) {
  // Colour on a terminal only; the words say the same without it.
  std::string head = headline(s);
  out << (s.verdict == Verdict::stop      ? red(head)
          : s.verdict == Verdict::caution ? yellow(head)
                                          : head)
      << "\n";
  bool stop = s.verdict == Verdict::stop;
  if (stop) {
    // What to do comes first, the most urgent reason first of all, each once.
    std::vector<std::string> said;
    for (int level : {2, 1, 0})
      for (const auto& reason : s.reasons)
        if (reason.verdict == Verdict::stop && reason.emergency + reason.urgent == level &&
            std::find(said.begin(), said.end(), reason.message) == said.end()) {
          said.push_back(reason.message);
          out << wrap(reason.message, "  ", "  ");
        }
  } else {
    if (!s.pressure_words.empty())
      out << "  Pressure: up to " << s.pressure_words << ".\n";
    else  // a verdict read back from a routine file carries only the number
      out << fmt::format("  Pressure: up to {} of 5 ({}).\n", s.max_pressure, pressure_words(s.max_pressure));
    for (const auto& limit : s.limits)
      if (limit.max_pressure < s.max_pressure)
        out << fmt::format("  On the {}: up to {} of 5.\n", plain_place(limit.place), limit.max_pressure);
    std::vector<std::string> places, techniques, tools;
    for (const auto& place : s.avoid) places.push_back(plain_place(place));
    for (const auto& id : s.avoid_techniques) techniques.push_back(technique_name(kb, id));
    for (const auto& id : s.avoid_tools) tools.push_back(kb.tool(id) ? kb.tool(id)->name : id);
    if (!places.empty()) out << wrap("Keep off: " + joined(places) + ".", "    ", "  ");
    if (!techniques.empty()) out << wrap("Skip: " + joined(techniques) + ".", "    ", "  ");
    if (!tools.empty()) out << wrap("Do not use: " + joined(tools) + ".", "    ", "  ");
  }
  // After a stop, only the reasons for it: advice on how to massage would
  // contradict "do not massage".
  if (!s.reasons.empty()) out << "\nWhy:\n";
  for (const auto& reason : s.reasons) {
    if (stop && reason.verdict != Verdict::stop) continue;
    const kb::Condition* c = kb.condition(reason.condition);
    out << wrap(stop ? c->name + "." : c->name + ": " + reason.message, "    ", "  * ");
    out << citations(kb, reason.sources, "    ");
  }
  if (stop) return;
  if (!s.notes.empty()) out << "\nRemember:\n";
  for (const auto& note : s.notes) out << wrap(note, "    ", "  * ");
}

}  // namespace plantar::cli
