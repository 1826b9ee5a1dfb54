// Text helpers of `plantar ask`: splitting a question into words the way the
// index does, a light stem for matching phrases, and typo distance. Pure.
#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace plantar::ask {

/// Lower-case ASCII words and numbers of `text`; apostrophes inside a word
/// are dropped ("can't" -> "cant", "athlete's" -> "athletes").
std::vector<std::string> question_words(std::string_view text);

/// Lower-case tokens as SQLite's unicode61 tokenizer splits `text` (an
/// apostrophe separates), for the index vocabulary.
std::vector<std::string> index_tokens(std::string_view text);

/// "swellings" -> "swell", "calves" -> "calf": strips plural s and -ing/-ed
/// so that phrases match the forms people type. Not a real stemmer.
std::string light_stem(std::string_view word);

/// The light stems of `words`.
std::set<std::string> stem_set(const std::vector<std::string>& words);

/// True when every word of `phrase` is in `stems` (light stems, any order).
bool holds_phrase(const std::set<std::string>& stems, std::string_view phrase);

/// Edit distance counting a swap of two neighbouring letters as one edit;
/// stops early and returns `limit + 1` once it is sure to exceed `limit`.
std::size_t typo_distance(std::string_view a, std::string_view b, std::size_t limit);

/// The most edits a word of this length may have and still count as a typo.
std::size_t typo_allowance(std::size_t length);

}  // namespace plantar::ask
