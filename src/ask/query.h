// Turning a question into search terms: stop words dropped, typos corrected
// against the index vocabulary, synonyms added, and the safety conditions
// whose trigger phrases the question holds. Pure.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "plantar/kb.h"

namespace plantar::ask {

/// One content word of the question and the FTS5 expressions that cover it
/// (the word itself, then synonym phrases).
struct Term {
  std::string word;
  std::vector<std::string> expressions;
};

/// The words the index holds, with how often, for typo correction.
class Vocabulary {
 public:
  void add(const std::string& text);
  /// The known word closest to `word` within its typo allowance (the more
  /// frequent on a tie), or "" when none is close.
  std::string correct(const std::string& word) const;

 private:
  std::map<std::string, int> counts_;
};

/// The content words of `words` (no stop words, no single letters) as terms.
std::vector<Term> content_terms(const std::vector<std::string>& words,
                                const std::set<std::string>& stop_words);

/// Adds the phrases of every synonym group the question (`stems`, light
/// stems of all its words) holds a phrase of, to the terms that phrase uses.
void add_synonyms(const std::vector<kb::Synonym>& synonyms, const std::set<std::string>& stems,
                  std::vector<Term>& terms);

/// The conditions with a trigger phrase the question holds, in data order.
std::vector<const kb::Condition*> triggered_conditions(const kb::KnowledgeBase& kb,
                                                       const std::set<std::string>& stems);

}  // namespace plantar::ask
