#include "query.h"

#include <algorithm>

#include "fts_index.h"
#include "words.h"

namespace plantar::ask {

void Vocabulary::add(const std::string& text) {
  for (const auto& word : index_tokens(text))
    if (word.size() >= 4) ++counts_[word];
}

std::string Vocabulary::correct(const std::string& word) const {
  std::size_t allowance = typo_allowance(word.size());
  if (allowance == 0) return "";
  std::string best;
  std::size_t best_distance = allowance + 1;
  int best_count = 0;
  for (const auto& [candidate, count] : counts_) {
    if (candidate[0] != word[0]) continue;  // people rarely miss the first letter: "town" is not "down"
    std::size_t d = typo_distance(word, candidate, allowance);
    if (d < best_distance || (d == best_distance && count > best_count)) {
      best = candidate;
      best_distance = d;
      best_count = count;
    }
  }
  return best_distance <= allowance ? best : "";
}

std::vector<Term> content_terms(const std::vector<std::string>& words,
                                const std::set<std::string>& stop_words) {
  std::vector<Term> terms;
  for (const auto& word : words) {
    if (word.size() < 2 || stop_words.count(word) > 0) continue;
    bool seen = std::any_of(terms.begin(), terms.end(), [&](const Term& t) { return t.word == word; });
    if (!seen) terms.push_back({word, {all_words_expression({word})}});
  }
  return terms;
}

void add_synonyms(const std::vector<kb::Synonym>& synonyms, const std::set<std::string>& stems,
                  std::vector<Term>& terms) {
  for (const auto& group : synonyms) {
    for (const auto& phrase : group.phrases) {
      if (!holds_phrase(stems, phrase)) continue;
      auto phrase_stems = stem_set(question_words(phrase));
      for (auto& term : terms) {
        if (phrase_stems.count(light_stem(term.word)) == 0) continue;
        for (const auto& other : group.phrases) {
          auto expression = all_words_expression(question_words(other));
          auto& list = term.expressions;
          if (std::find(list.begin(), list.end(), expression) == list.end()) list.push_back(expression);
        }
      }
    }
  }
}

std::vector<const kb::Condition*> triggered_conditions(const kb::KnowledgeBase& kb,
                                                       const std::set<std::string>& stems) {
  std::vector<const kb::Condition*> out;
  for (const auto& condition : kb.conditions)
    for (const auto& phrase : condition.ask_triggers)
      if (holds_phrase(stems, phrase)) {
        out.push_back(&condition);
        break;
      }
  return out;
}

}  // namespace plantar::ask
