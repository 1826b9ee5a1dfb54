#include "plantar/vocabulary.h"

#include <algorithm>

namespace plantar {
namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> find_word(std::string_view word, const std::array<std::string_view, N>& words) {
  auto it = std::find(words.begin(), words.end(), word);
  if (it == words.end()) return std::nullopt;
  return static_cast<Enum>(it - words.begin());
}

constexpr std::array<std::string_view, 2> foot_words{"left", "right"};
constexpr std::array<std::string_view, 10> region_words{
    "toes", "ball", "arch", "heel", "inner_edge", "outer_edge", "top", "ankle", "achilles", "calf"};
constexpr std::array<std::string_view, 2> giver_words{"self", "partner"};
constexpr std::array<std::string_view, 3> verdict_words{"go", "caution", "stop"};
constexpr std::array<std::string_view, 4> grade_words{"moderate", "limited", "insufficient", "contradicted"};

}  // namespace

bool Place::covers(const Place& other) const {
  return foot == other.foot && (whole_foot() || region == other.region);
}

std::string_view name(Foot foot) { return foot_words[static_cast<std::size_t>(foot)]; }
std::string_view name(Region region) { return region_words[static_cast<std::size_t>(region)]; }
std::string_view name(Giver giver) { return giver_words[static_cast<std::size_t>(giver)]; }
std::string_view name(Verdict verdict) { return verdict_words[static_cast<std::size_t>(verdict)]; }
std::string_view name(Grade grade) { return grade_words[static_cast<std::size_t>(grade)]; }

std::string name(const Place& place) {
  std::string text(name(place.foot));
  text += ':';
  text += place.region ? name(*place.region) : "*";
  return text;
}

std::optional<Foot> parse_foot(std::string_view word) { return find_word<Foot>(word, foot_words); }
std::optional<Region> parse_region(std::string_view word) { return find_word<Region>(word, region_words); }
std::optional<Giver> parse_giver(std::string_view word) { return find_word<Giver>(word, giver_words); }
std::optional<Verdict> parse_verdict(std::string_view word) {
  return find_word<Verdict>(word, verdict_words);
}
std::optional<Grade> parse_grade(std::string_view word) { return find_word<Grade>(word, grade_words); }

std::optional<Place> parse_place(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  auto foot = parse_foot(text.substr(0, colon));
  if (!foot) return std::nullopt;
  auto rest = text.substr(colon + 1);
  if (rest == "*") return Place{*foot, std::nullopt};
  auto region = parse_region(rest);
  if (!region) return std::nullopt;
  return Place{*foot, *region};
}

std::string_view pressure_words(int pressure) {
  switch (pressure) {
    case 1: return "feather-light";
    case 2: return "light";
    case 3: return "moderate";
    case 4: return "firm: a good ache, not pain";
    case 5: return "deep";
    default: return "unknown";
  }
}

}  // namespace plantar
