// Calendar arithmetic for the journal: parsing, days, ISO weeks.
#include "plantar/timestamp.h"

#include <fmt/format.h>

#include <charconv>

namespace plantar {
namespace {

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

// Howard Hinnant's days_from_civil.
long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

Timestamp civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  Timestamp t;
  t.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  t.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  t.year = static_cast<int>(static_cast<long>(yoe) + era * 400 + (t.month <= 2));
  return t;
}

bool number(std::string_view text, std::size_t at, std::size_t width, int& out) {
  if (at + width > text.size()) return false;
  for (std::size_t i = at; i < at + width; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  std::from_chars(text.data() + at, text.data() + at + width, out);
  return true;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  Timestamp t;
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  if (!number(text, 0, 4, t.year) || text[4] != '-' || !number(text, 5, 2, t.month) || text[7] != '-' ||
      !number(text, 8, 2, t.day) || (text[10] != ' ' && text[10] != 'T') || !number(text, 11, 2, t.hour) ||
      text[13] != ':' || !number(text, 14, 2, t.minute))
    return std::nullopt;
  if (text.size() == 19 && (text[16] != ':' || !number(text, 17, 2, t.second))) return std::nullopt;
  if (t.year < 1970 || t.year > 9999 || t.month < 1 || t.month > 12 || t.day < 1 ||
      t.day > days_in_month(t.year, t.month) || t.hour > 23 || t.minute > 59 || t.second > 59)
    return std::nullopt;
  return t;
}

std::string format_timestamp(const Timestamp& t) {
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", t.year, t.month, t.day, t.hour, t.minute,
                     t.second);
}

std::string format_date(const Timestamp& t) {
  return fmt::format("{:04}-{:02}-{:02}", t.year, t.month, t.day);
}

long days_since_epoch(const Timestamp& t) {
  return days_from_civil(t.year, static_cast<unsigned>(t.month), static_cast<unsigned>(t.day));
}

int weekday(const Timestamp& t) {
  long days = days_since_epoch(t);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

std::string iso_week(const Timestamp& t) {
  // The ISO year is the year of this week's Thursday.
  long thursday = days_since_epoch(t) - weekday(t) + 3;
  Timestamp th = civil_from_days(thursday);
  long jan1 = days_from_civil(th.year, 1, 1);
  long week = (thursday - jan1) / 7 + 1;
  return fmt::format("{:04}-W{:02}", th.year, week);
}

Timestamp add_minutes(const Timestamp& t, long minutes) {
  long total = days_since_epoch(t) * 1440 + t.hour * 60 + t.minute + minutes;
  long days = total >= 0 ? total / 1440 : (total - 1439) / 1440;
  long rest = total - days * 1440;
  Timestamp out = civil_from_days(days);
  out.hour = static_cast<int>(rest / 60);
  out.minute = static_cast<int>(rest % 60);
  out.second = t.second;
  return out;
}

}  // namespace plantar
