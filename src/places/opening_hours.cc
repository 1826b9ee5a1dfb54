// The one adapter to KOpeningHours (and so to Qt): every conversion to and
// from Qt types happens here. Times are wall-clock times at the place, so
// they are handed to KOpeningHours in UTC, which has no daylight-saving jumps.
#include "plantar/opening_hours.h"

#include <KOpeningHours/Interval>
#include <KOpeningHours/OpeningHours>
#include <QByteArray>
#include <QDateTime>
#include <QTimeZone>

namespace plantar::places {
namespace {

using KOpeningHours::Interval;
using KOpeningHours::OpeningHours;

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

}  // namespace

Hours evaluate_hours(const std::string& expression, double lat, double lon, const WallTime& now) {
  Hours result;
  result.raw = expression;
  if (expression.empty()) return result;
  result.state = HoursState::unknown;
  try {
    OpeningHours hours(QByteArray::fromStdString(expression));
    hours.setTimeZone(QTimeZone::utc());
    hours.setLocation(static_cast<float>(lat), static_cast<float>(lon));
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

}  // namespace plantar::places
