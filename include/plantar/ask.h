// Answers to everyday questions ("heel hurts in the morning", "is it ok with
// diabetes") from the knowledge base. An Index is built once in memory from
// the questions and answers, techniques, goals, claims, tips, zones and safety
// conditions; asking it ranks entries by their words (field-weighted BM25,
// stemming, synonyms from synonyms.toml, typo tolerance). A question that
// names a warning sign puts the matching safety guidance first, and when
// nothing matches well enough the result says so and suggests close topics.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "plantar/kb.h"

namespace plantar::ask {

enum class Kind { question, technique, goal, claim, tip, condition, zone };

/// "question", "technique", ... (the `kind` of the JSON answer).
std::string_view name(Kind kind);

/// A claim an answer relies on, with its evidence grade.
struct ClaimNote {
  std::string id, topic;
  Grade grade = Grade::insufficient;
};

struct Answer {
  Kind kind = Kind::question;
  std::string id, title, text;
  std::optional<Grade> grade;        // the grade of its main (first) claim, if any
  std::vector<ClaimNote> claims;     // every claim it relies on
  std::vector<std::string> sources;  // source ids
  double score = 0;                  // higher is better; 0 for safety guidance put first
  bool safety = false;               // safety guidance (a condition)
};

/// A word read as another because it looked like a typo ("diabtes").
struct Correction {
  std::string typed, read_as;
};

struct Result {
  std::string query;
  std::vector<Correction> corrections;
  std::vector<Answer> answers;           // safety guidance first; empty when nothing matched well
  std::vector<std::string> suggestions;  // close topics (questions to ask) when nothing matched
};

inline constexpr int default_limit = 3;
inline constexpr int max_limit = 20;

/// The search index over one knowledge base. Building it takes a few
/// milliseconds; asking takes well under one. The knowledge base must outlive
/// the index. Not thread-safe: one index per thread.
class Index {
 public:
  explicit Index(const kb::KnowledgeBase& kb);
  ~Index();
  Index(const Index&) = delete;
  Index& operator=(const Index&) = delete;

  /// The best answers to `question`, at most `limit` ranked ones (1 to
  /// max_limit) after any safety guidance the question triggers. Throws
  /// BadInput for a limit out of range or an empty question.
  Result ask(std::string_view question, int limit = default_limit) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plantar::ask
