// Local date and time as the journal stores them ("2026-11-20T21:30:00"),
// with the calendar arithmetic the statistics need (days, ISO weeks). Pure:
// the current time always comes in as an argument.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace plantar {

struct Timestamp {
  int year = 1970, month = 1, day = 1;
  int hour = 0, minute = 0, second = 0;

  auto operator<=>(const Timestamp&) const = default;
};

/// Parses "YYYY-MM-DD HH:MM[:SS]" (or with a T between); nullopt when it is
/// not a real date and time.
std::optional<Timestamp> parse_timestamp(std::string_view text);
/// "YYYY-MM-DDTHH:MM:SS".
std::string format_timestamp(const Timestamp& t);
/// "YYYY-MM-DD".
std::string format_date(const Timestamp& t);

/// Days since 1970-01-01 of the date part.
long days_since_epoch(const Timestamp& t);
/// 0 Monday ... 6 Sunday.
int weekday(const Timestamp& t);
/// The ISO 8601 week, e.g. "2026-W47".
std::string iso_week(const Timestamp& t);
/// The timestamp `minutes` later (may cross days, months and years).
Timestamp add_minutes(const Timestamp& t, long minutes);

}  // namespace plantar
