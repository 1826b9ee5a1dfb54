// Safety screening: from the conditions a person reports to a verdict (go,
// caution, stop), a pressure ceiling, and the places, techniques and tools
// to avoid. Pure: the rules come from the knowledge base (safety.toml),
// which may be stricter than DESIGN.md's table, never looser.
#pragma once

#include <string>
#include <vector>

#include "plantar/kb.h"
#include "plantar/vocabulary.h"

namespace plantar::safety {

/// One reported condition: `{"id": ..., "severity": ..., "at": [...]}`.
struct ConditionReport {
  std::string id;
  std::string severity;   // empty: not said (counts as the most severe)
  std::vector<Place> at;  // empty: not said
};

struct Reason {
  std::string condition;
  std::string message;
  std::vector<std::string> sources;
  Verdict verdict = Verdict::go;  // what this condition leads to
  bool urgent = false;
  bool emergency = false;  // get help now: the emergency number, midwife or helpline
};

/// A lower pressure ceiling on one place (e.g. the calves with varicose veins).
struct PlaceLimit {
  Place place;
  int max_pressure = default_pressure_ceiling;
};

struct Screening {
  Verdict verdict = Verdict::go;
  bool urgent = false;
  bool emergency = false;  // some reason says: get help now
  int max_pressure = default_pressure_ceiling;
  std::string pressure_words;                 // the ceiling in words, from safety.toml's scale
  std::vector<Place> avoid;                   // sorted, no place covered by another
  std::vector<std::string> avoid_techniques;  // sorted
  std::vector<std::string> avoid_tools;       // sorted
  std::vector<PlaceLimit> limits;             // sorted by place
  std::vector<Reason> reasons;                // in the order reported
  std::vector<std::string> notes;             // advice for the session, deduplicated

  bool avoids(const Place& place) const;
  bool avoids_technique(const std::string& id) const;
  /// The pressure ceiling at one place: the global one or a lower limit.
  int ceiling_at(const Place& place) const;
};

/// Checks that every report names a known condition, severity and place.
/// Throws BadInput naming the field (`conditions[1].severity`) and, where
/// one is close, the word that was probably meant.
void validate(const kb::KnowledgeBase& kb, const std::vector<ConditionReport>& reports);

/// Screens validated reports: the strictest verdict, the lowest ceiling, the
/// union of everything to avoid, every reason listed. A condition reported
/// with another it has a `with` rule for (a wound with diabetes) takes that
/// rule, the strictest one when several apply.
Screening screen(const kb::KnowledgeBase& kb, const std::vector<ConditionReport>& reports);

}  // namespace plantar::safety
