// Opening hours (the OSM `opening_hours` tag) at a given local time: open
// now and until when, or closed and when it opens. The evaluation goes
// through KOpeningHours behind one adapter (src/places/opening_hours.cc);
// the types here are plain so the core and the CLI need no Qt.
#pragma once

#include <optional>
#include <string>

namespace plantar::places {

/// A wall-clock time at the place (its local time), to the minute.
struct WallTime {
  int year = 2000, month = 1, day = 1, hour = 0, minute = 0;
  auto operator<=>(const WallTime&) const = default;
};

enum class HoursState { open, closed, unknown, not_given };

/// The state at one moment. `change` is when it closes (open) or opens
/// (closed), when known; `raw` is the tag's text.
struct Hours {
  HoursState state = HoursState::not_given;
  std::optional<WallTime> change;
  std::string raw;
};

/// "2024-05-06 14:30" as a time; throws BadInput naming `where` otherwise.
WallTime parse_wall_time(const std::string& text, const std::string& where);
/// "2024-05-06 14:30".
std::string format_wall_time(const WallTime& time);
/// Day of the week of a date, 0 = Monday.
int weekday(const WallTime& time);
/// Days since 1970-01-01 of the date, for counting days between dates.
int day_number(const WallTime& time);

/// Evaluates `expression` at `now` (the place's local time) for a place at
/// lat/lon (for sunrise and sunset). An empty expression is not_given; one
/// that cannot be parsed or evaluated is unknown. Never throws.
Hours evaluate_hours(const std::string& expression, double lat, double lon, const WallTime& now);

}  // namespace plantar::places
