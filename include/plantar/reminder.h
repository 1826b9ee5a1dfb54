// A calendar reminder to massage one's feet, as iCalendar text (RFC 5545)
// that any calendar accepts: one repeating event with an alarm. Pure.
#pragma once

#include <string>
#include <vector>

#include "plantar/timestamp.h"

namespace plantar::reminder {

struct Reminder {
  int hour = 21, minute = 30;
  std::string every = "day";  // day, weekday, week, or days like mon,wed,fri
  std::string text;
  int minutes = 5;
};

/// Parses "21:30"; throws BadInput naming --at.
void parse_time(const std::string& text, Reminder& reminder);
/// Checks `every`; throws BadInput naming --every.
void validate(const Reminder& reminder);

/// The VCALENDAR text with CRLF line ends and folded long lines. The first
/// event is the next one after the local time `now`; `now_utc` is the same
/// moment in UTC, for DTSTAMP.
std::string to_ical(const Reminder& reminder, const Timestamp& now, const Timestamp& now_utc);

}  // namespace plantar::reminder
