// The fixed words of plantar's contracts (DESIGN.md "Vocabulary"): feet,
// regions, places on the body, who gives the massage, verdicts and evidence
// grades. Parsing returns std::nullopt for an unknown word; callers turn that
// into an error that names the word.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace plantar {

enum class Foot { left, right };
inline constexpr std::array<Foot, 2> all_feet{Foot::left, Foot::right};

enum class Region { toes, ball, arch, heel, inner_edge, outer_edge, top, ankle, achilles, calf };
inline constexpr std::array<Region, 10> all_regions{
    Region::toes,       Region::ball, Region::arch,  Region::heel,     Region::inner_edge,
    Region::outer_edge, Region::top,  Region::ankle, Region::achilles, Region::calf};

enum class Giver { self, partner };
enum class Verdict { go, caution, stop };
enum class Grade { moderate, limited, insufficient, contradicted };

/// A place on the body: one region of one foot, or the whole foot and lower
/// leg (`left:*`) when region is empty.
struct Place {
  Foot foot = Foot::left;
  std::optional<Region> region;

  bool whole_foot() const { return !region.has_value(); }
  /// True when this place includes `other` (a whole foot covers its regions).
  bool covers(const Place& other) const;
  auto operator<=>(const Place&) const = default;
};

std::string_view name(Foot foot);
std::string_view name(Region region);
std::string_view name(Giver giver);
std::string_view name(Verdict verdict);
std::string_view name(Grade grade);
std::string name(const Place& place);

std::optional<Foot> parse_foot(std::string_view word);
std::optional<Region> parse_region(std::string_view word);
std::optional<Giver> parse_giver(std::string_view word);
std::optional<Verdict> parse_verdict(std::string_view word);
std::optional<Grade> parse_grade(std::string_view word);
/// Parses `FOOT:REGION` or `FOOT:*`.
std::optional<Place> parse_place(std::string_view text);

/// Pressure levels 1..5 (DESIGN.md): 1 feather ... 5 deep.
inline constexpr int min_pressure = 1;
inline constexpr int max_pressure_level = 5;
/// The ceiling when no condition lowers it.
inline constexpr int default_pressure_ceiling = 4;
std::string_view pressure_words(int pressure);

}  // namespace plantar
