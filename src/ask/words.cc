#include "words.h"

#include <algorithm>
#include <array>

namespace plantar::ask {
namespace {

constexpr std::size_t max_word = 48;  // longer words are never typos of ours

bool is_word_char(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

char lower(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
}

bool ends_with(std::string_view word, std::string_view tail) {
  return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
}

std::vector<std::string> split(std::string_view text, bool keep_apostrophes_inside) {
  std::vector<std::string> out;
  std::string word;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = lower(static_cast<unsigned char>(text[i]));
    if (is_word_char(static_cast<unsigned char>(c))) {
      word += c;
      continue;
    }
    bool apostrophe =
        c == '\'' || (static_cast<unsigned char>(c) == 0xe2 && text.substr(i, 3) == "\xe2\x80\x99");
    if (keep_apostrophes_inside && apostrophe && !word.empty()) {
      if (static_cast<unsigned char>(c) == 0xe2) i += 2;  // the curly apostrophe is 3 bytes
      continue;
    }
    if (!word.empty()) out.push_back(std::move(word));
    word.clear();
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

}  // namespace

std::vector<std::string> question_words(std::string_view text) { return split(text, true); }

std::vector<std::string> index_tokens(std::string_view text) { return split(text, false); }

std::string light_stem(std::string_view word) {
  std::string w(word);
  if (w.size() > 4 && ends_with(w, "ves")) return w.substr(0, w.size() - 3) + "f";
  if (w.size() > 4 && ends_with(w, "ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 5 && ends_with(w, "ing"))
    w.resize(w.size() - 3);
  else if (w.size() > 4 && ends_with(w, "ed"))
    w.resize(w.size() - 2);
  else if (w.size() > 3 && ends_with(w, "s") && !ends_with(w, "ss") && !ends_with(w, "us") &&
           !ends_with(w, "is"))
    w.resize(w.size() - 1);
  if (w.size() > 3 && w[w.size() - 1] == w[w.size() - 2] && w.back() != 'l' && w.back() != 's')
    w.resize(w.size() - 1);  // "rubbing" -> "rubb" -> "rub"
  return w;
}

std::set<std::string> stem_set(const std::vector<std::string>& words) {
  std::set<std::string> out;
  for (const auto& w : words) out.insert(light_stem(w));
  return out;
}

bool holds_phrase(const std::set<std::string>& stems, std::string_view phrase) {
  auto words = question_words(phrase);
  return !words.empty() && std::all_of(words.begin(), words.end(),
                                       [&](const std::string& w) { return stems.count(light_stem(w)) > 0; });
}

std::size_t typo_distance(std::string_view a, std::string_view b, std::size_t limit) {
  std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit || b.size() >= max_word) return limit + 1;
  // Three rolling rows (the one before last is needed for swaps): no allocation.
  std::array<std::size_t, max_word + 1> before{}, last{}, row{};
  for (std::size_t j = 0; j <= b.size(); ++j) last[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    row[0] = i;
    std::size_t row_best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({last[j] + 1, row[j - 1] + 1, last[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        row[j] = std::min(row[j], before[j - 2] + 1);
      row_best = std::min(row_best, row[j]);
    }
    if (row_best > limit) return limit + 1;
    before = last;
    last = row;
  }
  return std::min(last[b.size()], limit + 1);
}

std::size_t typo_allowance(std::size_t length) {
  if (length <= 3) return 0;
  if (length <= 9) return 1;  // "direction" is not a typo of "digestion"
  return 2;
}

}  // namespace plantar::ask
