// The one adapter to KOpeningHours (and so to Qt): every conversion to and
// from Qt types happens here. Times are wall-clock times at the place, so
// they are handed to KOpeningHours in UTC, which has no daylight-saving jumps.
#include "plantar/opening_hours.h"

#include <KOpeningHours/Interval>
#include <KOpeningHours/OpeningHours>
#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>
#include <cstdlib>
#include <unordered_map>

#include "plantar/time_zones.h"

namespace plantar::places {
namespace {

using KOpeningHours::Interval;
using KOpeningHours::OpeningHours;

// Parsing takes about as long as one evaluation, and a region's few
// distinct expressions ("Mo-Fr 09:00-18:00") come back again and again.
// Parsed expressions and answers are kept per thread, this many at most.
constexpr std::size_t max_parsed = 4096;

QDateTime to_qt(const WallTime& t) {
  return QDateTime(QDate(t.year, t.month, t.day), QTime(t.hour, t.minute), QTimeZone::utc());
}

WallTime from_qt(const QDateTime& dt) {
  QDate d = dt.date();
  QTime t = dt.time();
  return {d.year(), d.month(), d.day(), t.hour(), t.minute()};
}

HoursState state_of(const Interval& interval) {
  switch (interval.state()) {
    case Interval::Open: return HoursState::open;
    case Interval::Closed: return HoursState::closed;
    default: return HoursState::unknown;
  }
}

// When the state at `now` changes: the end of the interval, skipping
// following intervals of the same state (at most a week of them).
std::optional<WallTime> next_change(const OpeningHours& hours, Interval interval, HoursState state) {
  for (int step = 0; step < 64; ++step) {
    if (interval.hasOpenEnd() || !interval.end().isValid()) return std::nullopt;
    Interval next = hours.nextInterval(interval);
    if (!next.isValid() || next.begin() != interval.end()) return from_qt(interval.end());
    if (state_of(next) != state) return from_qt(interval.end());
    interval = next;
  }
  return std::nullopt;
}

// The parsed expression for a holiday region, kept per thread.
OpeningHours& parsed(const std::string& expression, const std::string& region) {
  thread_local std::unordered_map<std::string, OpeningHours> cache;
  std::string key = region + '\n' + expression;
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  if (cache.size() >= max_parsed) cache.clear();
  OpeningHours hours(QByteArray::fromStdString(expression));
  hours.setTimeZone(QTimeZone::utc());
  if (!region.empty()) hours.setRegion(QString::fromStdString(region));
  return cache.emplace(std::move(key), std::move(hours)).first->second;
}

std::string holiday_note(const std::string& region) {
  if (region.empty())
    return "these hours depend on public holidays (PH), and the place's country is not known";
  return "these hours depend on public holidays (PH), and plantar has no holiday calendar for " + region;
}

QTimeZone zone_named(const std::string& name) {
  thread_local std::unordered_map<std::string, QTimeZone> zones;
  auto it = zones.find(name);
  if (it == zones.end()) it = zones.emplace(name, QTimeZone(QByteArray::fromStdString(name))).first;
  return it->second;
}

// The answer depends on the place's position only through sunrise, sunset,
// dawn and dusk; other answers are the same for every place.
bool depends_on_position(const std::string& expression) {
  for (const char* word : {"sun", "dawn", "dusk"})
    if (expression.find(word) != std::string::npos) return true;
  return false;
}

Hours evaluate_uncached(const std::string& expression, double lat, double lon, const WallTime& now,
                        const std::string& holiday_region);

}  // namespace

Hours evaluate_hours(const std::string& expression, double lat, double lon, const WallTime& now,
                     const std::string& holiday_region) {
  // Places of a region share a few expressions ("Mo-Fr 09:00-18:00"), and a
  // query's places are read at the same minute: one evaluation for them all.
  thread_local std::unordered_map<std::string, Hours> answers;
  std::string key = holiday_region + '\n' + format_wall_time(now) + '\n' + expression;
  if (depends_on_position(expression)) key += '\n' + std::to_string(lat) + ',' + std::to_string(lon);
  if (auto it = answers.find(key); it != answers.end()) return it->second;
  if (answers.size() >= max_parsed) answers.clear();
  return answers.emplace(std::move(key), evaluate_uncached(expression, lat, lon, now, holiday_region))
      .first->second;
}

namespace {

Hours evaluate_uncached(const std::string& expression, double lat, double lon, const WallTime& now,
                        const std::string& holiday_region) {
  Hours result;
  result.raw = expression;
  if (expression.empty()) return result;
  result.state = HoursState::unknown;
  try {
    OpeningHours& hours = parsed(expression, holiday_region);
    hours.setLocation(static_cast<float>(lat), static_cast<float>(lon));
    if (hours.error() == OpeningHours::MissingRegion) result.note = holiday_note(holiday_region);
    if (hours.error() != OpeningHours::NoError) return result;
    Interval interval = hours.interval(to_qt(now));
    if (hours.error() != OpeningHours::NoError || !interval.isValid()) return result;
    result.state = state_of(interval);
    if (result.state != HoursState::unknown) result.change = next_change(hours, interval, result.state);
  } catch (...) {
    result.state = HoursState::unknown;
    result.change.reset();
  }
  return result;
}

}  // namespace

std::optional<WallTime> wall_time_in(const std::string& zone, std::int64_t unix_seconds) {
  QTimeZone tz = zone_named(zone);
  if (!tz.isValid()) return std::nullopt;
  return from_qt(QDateTime::fromSecsSinceEpoch(unix_seconds, tz));
}

Hours hours_at_place(const Place& place, std::int64_t unix_seconds) {
  ZoneChoice zone = TimeZones::system().choose(place.at, place.country);
  std::optional<WallTime> local = wall_time_in(zone.zone, unix_seconds);
  if (!local) {
    zone.zone = "UTC";
    local = wall_time_in(zone.zone, unix_seconds);
  }
  Hours hours = evaluate_hours(place.opening_hours, place.at.lat, place.at.lon, *local,
                               zone.country_guessed ? "" : zone.country);
  hours.local = local;
  hours.time_zone = zone.zone;
  return hours;
}

Hours hours_at_place(const Place& place, const WallTime& local) {
  std::string country = country_code(place.country);
  Hours hours = evaluate_hours(place.opening_hours, place.at.lat, place.at.lon, local, country);
  hours.local = local;
  return hours;
}

namespace {

std::string clock_text(const QDateTime& at, const QDateTime& day_end) {
  return at >= day_end ? "24:00" : at.time().toString("HH:mm").toStdString();
}

// The open intervals of one day, in words; "" when some part is unknown.
std::string day_words(OpeningHours& hours, const QDate& date) {
  QDateTime begin(date, QTime(0, 0), QTimeZone::utc());
  QDateTime end = begin.addDays(1);
  Interval interval = hours.interval(begin);
  std::string out;
  for (int step = 0; step < 48 && interval.isValid() && hours.error() == OpeningHours::NoError; ++step) {
    if (state_of(interval) == HoursState::unknown) return "";
    if (state_of(interval) == HoursState::open) {
      QDateTime from = interval.begin().isValid() && interval.begin() > begin ? interval.begin() : begin;
      QDateTime to =
          interval.hasOpenEnd() || !interval.end().isValid() || interval.end() > end ? end : interval.end();
      if (from == begin && to == end) return "open all day";
      out += (out.empty() ? "" : ", ") + clock_text(from, end) + "-" + clock_text(to, end);
    }
    if (interval.hasOpenEnd() || !interval.end().isValid() || interval.end() >= end) break;
    interval = hours.nextInterval(interval);
  }
  if (hours.error() != OpeningHours::NoError) return "";
  return out.empty() ? "closed" : out;
}

}  // namespace

void add_day_hours(const Place& place, Hours& hours) {
  if (!hours.local || place.opening_hours.empty() ||
      (hours.state != HoursState::open && hours.state != HoursState::closed))
    return;
  try {
    std::string country = country_code(place.country);
    OpeningHours& parsed_hours = parsed(place.opening_hours, country);
    parsed_hours.setLocation(static_cast<float>(place.at.lat), static_cast<float>(place.at.lon));
    if (parsed_hours.error() != OpeningHours::NoError) return;
    QDate date(hours.local->year, hours.local->month, hours.local->day);
    hours.today = day_words(parsed_hours, date);
    hours.tomorrow = day_words(parsed_hours, date.addDays(1));
  } catch (...) {
    hours.today.clear();
    hours.tomorrow.clear();
  }
}

void settle_local_time_zone() {
  if (std::getenv("TZ") == nullptr) setenv("TZ", ":/etc/localtime", 0);
}

}  // namespace plantar::places
