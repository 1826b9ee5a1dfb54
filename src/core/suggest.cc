#include "plantar/suggest.h"

#include <algorithm>

namespace plantar {
namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = word.size() / 3 + 1;  // a typo, not another word
  for (const auto& candidate : candidates) {
    if (candidate.find(word) == 0 && word.size() >= 3) return candidate;  // a prefix
    std::size_t d = edit_distance(word, candidate);
    if (d <= best_distance && (best.empty() || d < edit_distance(word, best))) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

std::string unknown_word_message(std::string_view kind, std::string_view word,
                                 const std::vector<std::string>& candidates) {
  std::string message = "unknown " + std::string(kind) + " '" + std::string(word) + "'";
  std::string guess = closest(word, candidates);
  if (!guess.empty()) return message + " (did you mean '" + guess + "'?)";
  message += " (expected one of: ";
  for (std::size_t i = 0; i < candidates.size(); ++i) message += (i ? ", " : "") + candidates[i];
  return message + ")";
}

}  // namespace plantar
