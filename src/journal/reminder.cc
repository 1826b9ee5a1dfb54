// The foot-rub reminder as iCalendar (RFC 5545).
#include "plantar/reminder.h"

#include <fmt/format.h>

#include <algorithm>

#include "plantar/errors.h"
#include "plantar/split.h"
#include "plantar/suggest.h"

namespace plantar::reminder {
namespace {

const std::vector<std::string> day_names{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
const std::vector<std::string> ical_days{"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

std::string rrule(const Reminder& r, const Timestamp& first) {
  if (r.every == "day") return "FREQ=DAILY";
  if (r.every == "weekday") return "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
  if (r.every == "week") return "FREQ=WEEKLY;BYDAY=" + ical_days[static_cast<std::size_t>(weekday(first))];
  std::string days;
  for (const auto& d : split(r.every, ',')) {
    auto at = std::find(day_names.begin(), day_names.end(), d) - day_names.begin();
    days += (days.empty() ? "" : ",") + ical_days[static_cast<std::size_t>(at)];
  }
  return "FREQ=WEEKLY;BYDAY=" + days;
}

// Escapes TEXT values (RFC 5545 3.3.11).
std::string escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ';' || c == ',') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

// Folds a content line at 75 octets, not inside a UTF-8 sequence.
std::string fold(const std::string& line) {
  std::string out;
  std::size_t start = 0, limit = 75;
  while (line.size() - start > limit) {
    std::size_t cut = start + limit;
    while (cut > start && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(start, cut - start) + "\r\n ";
    start = cut;
    limit = 74;
  }
  return out + line.substr(start) + "\r\n";
}

std::string local(const Timestamp& t) {
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}", t.year, t.month, t.day, t.hour, t.minute, t.second);
}

}  // namespace

void parse_time(const std::string& text, Reminder& r) {
  auto t = parse_timestamp("2000-01-01 " + text);
  if (!t || text.size() != 5) throw BadInput("--at", "expected a time like 21:30, got '" + text + "'");
  r.hour = t->hour;
  r.minute = t->minute;
}

void validate(const Reminder& r) {
  if (r.minutes < 1 || r.minutes > 120) throw BadInput("--minutes", "expected 1 to 120");
  if (r.text.empty()) throw BadInput("--text", "the reminder needs a text");
  if (r.every == "day" || r.every == "weekday" || r.every == "week") return;
  if (r.every.empty()) throw BadInput("--every", "expected day, weekday, week or days like mon,wed,fri");
  std::vector<std::string> words = day_names;
  words.insert(words.begin(), {"day", "weekday", "week"});
  for (const auto& d : split(r.every, ','))
    if (std::find(day_names.begin(), day_names.end(), d) == day_names.end())
      throw BadInput("--every", unknown_word_message("day", d, words) + "; or a list like mon,wed,fri");
}

std::string to_ical(const Reminder& r, const Timestamp& now, const Timestamp& now_utc) {
  Timestamp first = now;
  first.hour = r.hour;
  first.minute = r.minute;
  first.second = 0;
  if (first <= now) first = add_minutes(first, 24 * 60);
  std::string out;
  for (const std::string& line : std::vector<std::string>{
           "BEGIN:VCALENDAR",
           "VERSION:2.0",
           "PRODID:-//plantar//foot massage reminder//EN",
           "CALSCALE:GREGORIAN",
           "METHOD:PUBLISH",
           "BEGIN:VEVENT",
           fmt::format("UID:plantar-reminder-{}-{:02}{:02}@plantar.local", local(now), r.hour, r.minute),
           "DTSTAMP:" + local(now_utc) + "Z",
           "DTSTART:" + local(first),
           fmt::format("DURATION:PT{}M", r.minutes),
           "RRULE:" + rrule(r, first),
           "SUMMARY:" + escape(r.text),
           "DESCRIPTION:" + escape("Time for your foot rub. Run 'plantar plan' for a routine, then "
                                   "'plantar log' to note how it went."),
           "TRANSP:TRANSPARENT",
           "BEGIN:VALARM",
           "ACTION:DISPLAY",
           "DESCRIPTION:" + escape(r.text),
           "TRIGGER:PT0M",
           "END:VALARM",
           "END:VEVENT",
           "END:VCALENDAR"})
    out += fold(line);
  return out;
}

}  // namespace plantar::reminder
