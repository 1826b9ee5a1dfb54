// Wall-clock times at a place: reading "YYYY-MM-DD HH:MM" and the weekday.
#include <chrono>
#include <cstdio>

#include "plantar/errors.h"
#include "plantar/opening_hours.h"

namespace plantar::places {

WallTime parse_wall_time(const std::string& text, const std::string& where) {
  WallTime t;
  char extra = 0;
  int fields = std::sscanf(text.c_str(), "%4d-%2d-%2d %2d:%2d%c", &t.year, &t.month, &t.day, &t.hour,
                           &t.minute, &extra);
  auto date = std::chrono::year{t.year} / std::chrono::month{static_cast<unsigned>(t.month)} /
              std::chrono::day{static_cast<unsigned>(t.day)};
  if (fields != 5 || !date.ok() || t.month < 1 || t.day < 1 || t.hour < 0 || t.hour > 23 || t.minute < 0 ||
      t.minute > 59)
    throw BadInput(where, "expected a local time like \"2024-05-06 14:30\", got \"" + text + "\"");
  return t;
}

std::string format_wall_time(const WallTime& t) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d", t.year, t.month, t.day, t.hour, t.minute);
  return text;
}

int day_number(const WallTime& t) {
  std::chrono::sys_days days{std::chrono::year{t.year} / std::chrono::month{static_cast<unsigned>(t.month)} /
                             std::chrono::day{static_cast<unsigned>(t.day)}};
  return static_cast<int>(days.time_since_epoch().count());
}

int weekday(const WallTime& t) {
  std::chrono::sys_days days{std::chrono::days{day_number(t)}};
  return static_cast<int>(std::chrono::weekday{days}.iso_encoding()) - 1;
}

}  // namespace plantar::places
