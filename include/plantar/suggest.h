// "Did you mean ...?" for unknown words in requests and flags.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plantar {

/// The candidate closest to `word` by edit distance, or "" when none is
/// close enough to be a likely typo.
std::string closest(std::string_view word, const std::vector<std::string>& candidates);

/// "unknown goal 'sleap' (did you mean 'sleep'?)", or with the list of
/// choices when nothing is close.
std::string unknown_word_message(std::string_view kind, std::string_view word,
                                 const std::vector<std::string>& candidates);

}  // namespace plantar
