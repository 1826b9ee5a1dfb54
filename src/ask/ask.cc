// Index::ask: typo correction, synonyms and safety triggers (query.cc), then
// BM25 ranking (fts_index.cc) weighed by how much of the question an entry
// covers, so that a vague match on "massage" alone does not count as an answer.
#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "documents.h"
#include "fts_index.h"
#include "plantar/ask.h"
#include "plantar/errors.h"
#include "query.h"
#include "words.h"

namespace plantar::ask {
namespace {

// An entry must cover at least this share of the question's weight (rare
// words weigh more) to be given as an answer.
constexpr double min_coverage = 0.5;
// A weaker match is still offered as a close topic to ask about.
constexpr double suggest_coverage = 0.2;
// When nothing covers half the question, a curated question covering at
// least this share, this many times ahead of the next weak match, is
// clearly the one meant ("i have a cut on the bottom of my foot").
constexpr double clear_coverage = 0.3;
constexpr double clear_lead = 1.5;
constexpr int max_candidates = 40;
// Added to BM25 in proportion to how close the question is, word for word, to
// one way an entry is asked: BM25 gives words that most entries hold
// ("massage", "feet") almost no weight, yet "How do I massage my own feet?"
// is the answer to "how do i massage my own feet".
constexpr double likeness_bonus = 8.0;
constexpr double min_likeness = 0.5;
// Synonyms widen the search but count less than the words typed.
constexpr double synonym_share = 0.25;
constexpr std::size_t suggestion_count = 3;

// Curated questions answer best; zones only speak to reflexology maps.
double kind_prior(Kind kind) {
  switch (kind) {
    case Kind::question: return 1.5;
    case Kind::condition: return 1.0;
    case Kind::claim: return 1.0;
    case Kind::goal: return 0.9;
    case Kind::technique: return 0.9;
    case Kind::tip: return 0.8;
    case Kind::zone: return 0.6;
  }
  return 1.0;
}

struct WeighedTerm {
  Term term;
  std::set<std::size_t> documents;  // the documents that hold it
  double weight = 0;
};

// Shared words over all words (Jaccard) of two light-stem sets.
double overlap(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::size_t shared = 0;
  for (const auto& word : a) shared += b.count(word);
  std::size_t all = a.size() + b.size() - shared;
  return all == 0 ? 0 : static_cast<double>(shared) / static_cast<double>(all);
}

std::string any_of(const std::vector<std::string>& expressions) {
  std::string out;
  for (const auto& e : expressions) out += (out.empty() ? "" : " OR ") + e;
  return out;
}

using Rank = std::tuple<Verdict, bool, bool>;
Rank rank(const kb::Rule& r) { return {r.verdict, r.urgent, r.emergency}; }

// The triggered conditions, each with the rule that holds given the others
// named too (a blister and diabetes: the wound rule for diabetes), the most
// urgent first: an emergency before "today", "today" before a caution.
std::vector<std::pair<const kb::Condition*, const kb::Rule*>> most_urgent_first(
    const std::vector<const kb::Condition*>& triggered) {
  std::vector<std::pair<const kb::Condition*, const kb::Rule*>> out;
  for (const auto* condition : triggered) {
    const kb::Rule* rule = &condition->rule;
    for (const auto& [other, with] : condition->with) {
      bool named = std::any_of(triggered.begin(), triggered.end(),
                               [&](const kb::Condition* c) { return c->id == other; });
      bool with_rule = rule != &condition->rule;  // a `with` rule wins a tie with the plain one
      if (named && (with_rule ? rank(with) > rank(*rule) : rank(with) >= rank(*rule))) rule = &with;
    }
    out.emplace_back(condition, rule);
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return rank(*a.second) > rank(*b.second); });
  return out;
}

// A condition's answer with the message and sources of the rule that holds.
Answer with_rule(Answer answer, const kb::Condition& condition, const kb::Rule& rule) {
  if (&rule == &condition.rule) return answer;
  answer.text.replace(0, condition.rule.message.size(), rule.message);
  answer.sources = rule.sources;
  return answer;
}

}  // namespace

std::string_view name(Kind kind) {
  switch (kind) {
    case Kind::question: return "question";
    case Kind::technique: return "technique";
    case Kind::goal: return "goal";
    case Kind::claim: return "claim";
    case Kind::tip: return "tip";
    case Kind::condition: return "condition";
    case Kind::zone: return "zone";
  }
  return "";
}

struct Index::Impl {
  const kb::KnowledgeBase& kb;
  std::vector<Document> docs;
  FtsIndex fts;
  Vocabulary vocabulary;
  std::set<std::string> stop_words;
  std::vector<std::vector<std::set<std::string>>> asked_stems;  // per document, per way it is asked

  explicit Impl(const kb::KnowledgeBase& base)
      : kb(base),
        docs(documents(base)),
        fts(docs),
        stop_words(base.stop_words.begin(), base.stop_words.end()) {
    for (const auto& d : docs) vocabulary.add(d.title + " " + d.phrasing + " " + d.body);
    for (const auto& s : kb.synonyms)
      for (const auto& phrase : s.phrases) vocabulary.add(phrase);
    for (const auto& d : docs) {
      asked_stems.emplace_back();
      for (const auto& asked : d.asked_as) asked_stems.back().push_back(stem_set(question_words(asked)));
    }
  }

  // The question's words with typos corrected: a content word the index
  // does not hold is replaced by the closest word it does hold.
  std::vector<std::string> corrected(const std::vector<std::string>& words,
                                     std::vector<Correction>& corrections) const {
    std::vector<std::string> out;
    for (const auto& word : words) {
      if (word.size() >= 2 && stop_words.count(word) == 0 &&
          fts.matching(all_words_expression({word})).empty()) {
        if (auto fix = vocabulary.correct(word); !fix.empty() && fix != word) {
          corrections.push_back({word, fix});
          out.push_back(fix);
          continue;
        }
      }
      out.push_back(word);
    }
    return out;
  }

  std::vector<WeighedTerm> weigh(std::vector<Term> terms) const {
    std::vector<WeighedTerm> out;
    double n = static_cast<double>(docs.size());
    for (auto& term : terms) {
      auto found = fts.matching(any_of(term.expressions));
      WeighedTerm w{std::move(term), {found.begin(), found.end()}, 0};
      w.weight = std::log(1.0 + n / (static_cast<double>(w.documents.size()) + 1.0));
      out.push_back(std::move(w));
    }
    return out;
  }

  // The share of the question's weight that `document` holds.
  static double coverage(const std::vector<WeighedTerm>& terms, std::size_t document) {
    double total = 0, covered = 0;
    for (const auto& t : terms) {
      total += t.weight;
      if (t.documents.count(document) > 0) covered += t.weight;
    }
    return total > 0 ? covered / total : 0;
  }

  // How close the question, word for word (stop words too), is to the way
  // the document is asked: 1 for the very same words.
  double likeness(std::size_t document, const std::set<std::string>& question) const {
    double best = 0;
    for (const auto& asked : asked_stems[document]) best = std::max(best, overlap(asked, question));
    return best;
  }

  // The documents matching any term, scored by BM25 on the question's own
  // words, or a lesser share of BM25 on the synonyms they brought in when
  // that is higher (synonyms find entries; they do not count twice).
  std::vector<Hit> candidates(const std::vector<WeighedTerm>& terms,
                              const std::set<std::string>& question) const {
    std::vector<std::string> own, added;
    for (const auto& t : terms) {
      own.push_back(t.term.expressions.front());
      added.insert(added.end(), t.term.expressions.begin() + 1, t.term.expressions.end());
    }
    std::map<std::size_t, double> scores;
    if (!own.empty())
      for (const auto& hit : fts.ranked(any_of(own), max_candidates)) scores[hit.document] += hit.bm25;
    if (!added.empty())
      for (const auto& hit : fts.ranked(any_of(added), max_candidates))
        scores[hit.document] = std::max(scores[hit.document], synonym_share * hit.bm25);
    std::vector<Hit> out;
    for (std::size_t document = 0; document < docs.size(); ++document) {
      double like = likeness(document, question);
      auto it = scores.find(document);
      if (it != scores.end() || like >= min_likeness)
        out.push_back({document, (it == scores.end() ? 0.0 : it->second) + likeness_bonus * like});
    }
    return out;
  }

  // The one weak match that is clearly meant, if there is one: a curated
  // question, covering enough, far ahead of every other weak match.
  std::optional<Answer> clear_winner(const std::vector<Hit>& weak, const std::vector<double>& shares) const {
    std::size_t best = weak.size();
    double best_score = 0, second = 0;
    for (std::size_t i = 0; i < weak.size(); ++i) {
      double score = weak[i].bm25 * shares[i];
      if (score > best_score) {
        second = best_score;
        best_score = score;
        best = i;
      } else {
        second = std::max(second, score);
      }
    }
    if (best == weak.size() || shares[best] < clear_coverage || best_score < clear_lead * second)
      return std::nullopt;
    Answer a = docs[weak[best].document].answer;
    if (a.kind != Kind::question) return std::nullopt;
    a.score = best_score * kind_prior(a.kind);
    return a;
  }

  void suggest(std::vector<Hit> weak, Result& result) const {
    std::stable_sort(weak.begin(), weak.end(), [](const Hit& a, const Hit& b) { return a.bm25 > b.bm25; });
    for (const auto& hit : weak) {
      if (result.suggestions.size() >= suggestion_count) break;
      const auto& answer = docs[hit.document].answer;
      if (answer.kind == Kind::question) result.suggestions.push_back(answer.title);
    }
    for (const auto& q : kb.questions) {
      if (result.suggestions.size() >= suggestion_count) break;
      auto& list = result.suggestions;
      if (std::find(list.begin(), list.end(), q.question) == list.end()) list.push_back(q.question);
    }
  }
};

Index::Index(const kb::KnowledgeBase& kb) : impl_(std::make_unique<Impl>(kb)) {}

Index::~Index() = default;

Result Index::ask(std::string_view question, int limit) const {
  if (limit < 1 || limit > max_limit)
    throw BadInput("--limit", "expected a number from 1 to " + std::to_string(max_limit) + ", got " +
                                  std::to_string(limit));
  Result result;
  result.query = std::string(question);
  auto words = question_words(question);
  if (words.empty())
    throw BadInput("QUESTION", "expected a question in words, e.g. \"how hard should I press\"");

  auto fixed = impl_->corrected(words, result.corrections);
  auto stems = stem_set(fixed);
  auto terms = content_terms(fixed, impl_->stop_words);
  add_synonyms(impl_->kb.synonyms, stems, terms);
  auto weighed = impl_->weigh(std::move(terms));

  std::set<std::string> shown;
  for (const auto& [condition, rule] : most_urgent_first(triggered_conditions(impl_->kb, stems))) {
    for (const auto& d : impl_->docs)
      if (d.answer.kind == Kind::condition && d.answer.id == condition->id)
        result.answers.push_back(with_rule(d.answer, *condition, *rule));
    shown.insert("condition:" + condition->id);
  }

  std::vector<Answer> ranked;
  std::vector<Hit> weak;
  std::vector<double> weak_shares;
  for (const auto& hit : impl_->candidates(weighed, stem_set(words))) {
    const auto& answer = impl_->docs[hit.document].answer;
    double share = Impl::coverage(weighed, hit.document);
    if (share < min_coverage) {
      if (share >= suggest_coverage) {
        weak.push_back(hit);
        weak_shares.push_back(share);
      }
      continue;
    }
    if (shown.count(std::string(name(answer.kind)) + ":" + answer.id) > 0) continue;
    Answer a = answer;
    a.score = hit.bm25 * kind_prior(a.kind) * share;
    ranked.push_back(std::move(a));
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Answer& a, const Answer& b) { return a.score > b.score; });
  if (ranked.size() > static_cast<std::size_t>(limit)) ranked.resize(static_cast<std::size_t>(limit));
  for (auto& a : ranked) result.answers.push_back(std::move(a));
  if (result.answers.empty()) {
    if (auto clear = impl_->clear_winner(weak, weak_shares)) result.answers.push_back(*clear);
  }
  if (result.answers.empty()) impl_->suggest(weak, result);
  return result;
}

}  // namespace plantar::ask
