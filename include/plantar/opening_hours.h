// Opening hours (the OSM `opening_hours` tag) at a given local time: open
// now and until when, or closed and when it opens. The evaluation goes
// through KOpeningHours behind one adapter (src/places/opening_hours.cc);
// the types here are plain so the core and the CLI need no Qt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "plantar/places.h"

namespace plantar::places {

/// A wall-clock time at the place (its local time), to the minute.
struct WallTime {
  int year = 2000, month = 1, day = 1, hour = 0, minute = 0;
  auto operator<=>(const WallTime&) const = default;
};

enum class HoursState { open, closed, unknown, not_given };

/// The state at one moment. `change` is when it closes (open) or opens
/// (closed), when known; `raw` is the tag's text. `local` is the moment as
/// the place's wall-clock time and `time_zone` the zone it was read in ("" when
/// given as a local time); `note` says what the answer could not take into
/// account (public holidays of a country without holiday data).
struct Hours {
  HoursState state = HoursState::not_given;
  std::optional<WallTime> change;
  std::string raw;
  std::optional<WallTime> local;
  std::string time_zone;
  std::string note;
  /// The opening times on the local date and the next one, in words:
  /// "09:00-12:00, 14:00-18:00", "closed", "open all day", or "" when the
  /// expression does not say (filled by add_day_hours).
  std::string today, tomorrow;
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
/// lat/lon (for sunrise and sunset), with the public holidays ("PH") of
/// `holiday_region` (ISO 3166-1 "DE" or 3166-2 "DE-BY"; "" when unknown).
/// An empty expression is not_given; one that cannot be parsed or evaluated
/// is unknown, and so is one naming public holidays that KHolidays does not
/// know for the region (with a note). Parsed expressions are kept per thread
/// for the next call. Never throws.
Hours evaluate_hours(const std::string& expression, double lat, double lon, const WallTime& now,
                     const std::string& holiday_region = "");

/// The wall-clock time in `zone` ("Europe/Berlin") at `unix_seconds`, by the
/// rules of the system's tz database (through Qt's QTimeZone, thread-safe);
/// nullopt when the zone is unknown.
std::optional<WallTime> wall_time_in(const std::string& zone, std::int64_t unix_seconds);

/// The hours of `place` at `unix_seconds`: at the wall-clock time of the zone
/// chosen for its position and country (plantar/time_zones.h), with its
/// country's public holidays. Falls back to UTC when no zone is known.
Hours hours_at_place(const Place& place, std::int64_t unix_seconds);
/// The hours of `place` at a wall-clock time given at the place (`--at`).
Hours hours_at_place(const Place& place, const WallTime& local);

/// Fills hours.today and hours.tomorrow for `place`, on the dates of
/// hours.local (nothing when it is not known). Never throws.
void add_day_hours(const Place& place, Hours& hours);

/// glibc reads /etc/localtime again at every local-time conversion while TZ
/// is unset, and Qt converts often: this sets TZ=":/etc/localtime" (the same
/// zone) when TZ is unset. Call once at start, before any thread.
void settle_local_time_zone();

}  // namespace plantar::places
