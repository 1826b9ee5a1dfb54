// What the journal shows: per measure, how ratings changed from before to
// after a session, week by week; streaks; which goals and techniques went
// with the biggest changes. Pure. A personal record with small numbers,
// not proof: the text that presents it must say so.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "plantar/journal.h"

namespace plantar::insights {

/// Mean and sample standard deviation (unset below 2 values).
struct Summary {
  int count = 0;
  double mean = 0;
  std::optional<double> sd;
};

/// One ISO week ("2026-W47") of one measure.
struct WeekPoint {
  std::string week;
  Summary value;
};

/// A before/after measure (stress, pain, tension). Change is after - before:
/// below zero means it went down.
struct MeasureStats {
  std::string measure;
  Summary before, after, change;
  std::vector<WeekPoint> weeks;  // mean change by week, oldest first
};

/// A next-morning measure (sleep, heel_pain): the ratings themselves.
struct MorningStats {
  std::string measure;
  Summary value;
  std::vector<WeekPoint> weeks;
};

struct Streaks {
  int current = 0;  // days in a row with a session, up to today or yesterday
  int longest = 0;
  int days = 0;  // distinct days with a session
};

/// A goal or technique and the mean change of the sessions that had it
/// (each session's change is the mean over its before/after measures).
struct Association {
  std::string id;
  Summary change;
};

struct Stats {
  int sessions = 0;
  int finished = 0;
  std::optional<Timestamp> first, last;
  std::vector<MeasureStats> measures;
  std::vector<MorningStats> mornings;
  Streaks streaks;
  std::vector<Association> goals, techniques;  // biggest drop first
};

/// Summarises numbers: count, mean and sample standard deviation.
Summary summarize(const std::vector<double>& values);
/// The same from whole-number sums of values in units of 1/scale, exactly:
/// the spread comes from count * squares - sum * sum, so it does not depend
/// on the order in which a store added the values up.
Summary summarize(const journal::Moments& moments, std::int64_t scale = 1);

/// The statistics from a store's totals (journal::Journal::totals) as of
/// `today` (for the current streak).
Stats from_totals(const journal::Totals& totals, const Timestamp& today);

/// The statistics of `sessions` as of `today`: from_totals(totals_of(sessions)).
Stats compute(const std::vector<journal::Session>& sessions, const Timestamp& today);

/// The latest sore spot of each place in sessions less than `days` days
/// before `today`, most recent first.
std::vector<journal::SoreSpot> recent_sore_spots(const std::vector<journal::Session>& sessions,
                                                 const Timestamp& today, int days);

/// The same from a store, which reads only the sessions of those days.
std::vector<journal::SoreSpot> recent_sore_spots(const journal::Journal& store, const Timestamp& today,
                                                 int days);

/// A session's change: the mean of after - before over the measures rated
/// both times, or unset when none was.
std::optional<double> session_change(const journal::Session& session);

}  // namespace plantar::insights
