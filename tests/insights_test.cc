// The journal's statistics against examples worked out by hand, and the
// calendar arithmetic under them.
#include <gtest/gtest.h>

#include "plantar/errors.h"
#include "plantar/insights.h"
#include "plantar/render.h"

namespace plantar {
namespace {

journal::Session at(const char* when, journal::Ratings before, journal::Ratings after,
                    std::vector<std::string> goals = {}) {
  journal::Session s;
  s.start = *parse_timestamp(when);
  s.before = std::move(before);
  s.after = std::move(after);
  s.goals = std::move(goals);
  return s;
}

TEST(Timestamps, ParseFormatAndIsoWeeks) {
  EXPECT_EQ(format_timestamp(*parse_timestamp("2026-11-20 21:30")), "2026-11-20T21:30:00");
  EXPECT_FALSE(parse_timestamp("2026-02-29 10:00"));
  EXPECT_TRUE(parse_timestamp("2028-02-29T10:00:59"));
  EXPECT_FALSE(parse_timestamp("2026-11-20 24:00"));
  EXPECT_FALSE(parse_timestamp("2026-11-20"));
  EXPECT_EQ(iso_week(*parse_timestamp("2026-11-16 00:00")), "2026-W47");  // a Monday
  EXPECT_EQ(iso_week(*parse_timestamp("2026-11-22 23:59")), "2026-W47");  // the Sunday after
  EXPECT_EQ(iso_week(*parse_timestamp("2027-01-01 12:00")), "2026-W53");  // a Friday: 2026 has 53 weeks
  EXPECT_EQ(iso_week(*parse_timestamp("2024-12-30 12:00")), "2025-W01");
  EXPECT_EQ(weekday(*parse_timestamp("2026-11-22 12:00")), 6);
  EXPECT_EQ(format_timestamp(add_minutes(*parse_timestamp("2026-12-31 23:50"), 15)), "2027-01-01T00:05:00");
}

TEST(Insights, MeansSpreadsAndWeeksByHand) {
  // Stress changes: 7→3 (-4), 8→6 (-2), 6→6 (0): mean -2, sample sd 2.
  // Pain only in the first two: 5→3 (-2), 4→4 (0): mean -1, sd sqrt(2).
  std::vector<journal::Session> sessions{
      at("2026-11-16 21:00", {{"stress", 7}, {"pain", 5}}, {{"stress", 3}, {"pain", 3}}, {"relax"}),
      at("2026-11-17 21:00", {{"stress", 8}, {"pain", 4}}, {{"stress", 6}, {"pain", 4}}, {"sleep"}),
      at("2026-11-24 21:00", {{"stress", 6}}, {{"stress", 6}, {"pain", 1}}, {"relax"}),
  };
  auto stats = insights::compute(sessions, *parse_timestamp("2026-11-25 08:00"));
  EXPECT_EQ(stats.sessions, 3);
  const auto& stress = stats.measures[0];
  ASSERT_EQ(stress.measure, "stress");
  EXPECT_EQ(stress.change.count, 3);
  EXPECT_DOUBLE_EQ(stress.change.mean, -2.0);
  EXPECT_DOUBLE_EQ(*stress.change.sd, 2.0);
  EXPECT_DOUBLE_EQ(stress.before.mean, 7.0);
  EXPECT_DOUBLE_EQ(stress.after.mean, 5.0);
  ASSERT_EQ(stress.weeks.size(), 2u);
  EXPECT_EQ(stress.weeks[0].week, "2026-W47");
  EXPECT_DOUBLE_EQ(stress.weeks[0].value.mean, -3.0);
  EXPECT_EQ(stress.weeks[1].week, "2026-W48");
  EXPECT_DOUBLE_EQ(stress.weeks[1].value.mean, 0.0);
  const auto& pain = stats.measures[1];
  EXPECT_EQ(pain.change.count, 2);
  EXPECT_DOUBLE_EQ(pain.change.mean, -1.0);
  EXPECT_NEAR(*pain.change.sd, 1.41421356, 1e-6);
  EXPECT_EQ(stats.measures[2].change.count, 0);
  EXPECT_FALSE(stats.measures[2].change.sd);
  // Session changes: (-4 + -2) / 2 = -3, (-2 + 0) / 2 = -1, 0. relax: -3 and 0 → -1.5; sleep -1.
  ASSERT_EQ(stats.goals.size(), 2u);
  EXPECT_EQ(stats.goals[0].id, "relax");
  EXPECT_DOUBLE_EQ(stats.goals[0].change.mean, -1.5);
  EXPECT_EQ(stats.goals[1].id, "sleep");
  // Days 16, 17, 24: longest run 2; today the 25th, so the 24th counts: current 1.
  EXPECT_EQ(stats.streaks.longest, 2);
  EXPECT_EQ(stats.streaks.current, 1);
  EXPECT_EQ(stats.streaks.days, 3);
  EXPECT_EQ(insights::compute(sessions, *parse_timestamp("2026-11-27 08:00")).streaks.current, 0);
}

TEST(Insights, RecentSoreSpotsKeepTheLatestOfEachPlace) {
  auto old = at("2026-10-01 21:00", {}, {});
  old.sore = {{Foot::left, Region::toes, 0.5, 0.5, 9}};
  auto first = at("2026-11-20 21:00", {}, {});
  first.sore = {{Foot::left, Region::arch, 0.5, 0.5, 6}};
  auto second = at("2026-11-21 21:00", {}, {});
  second.sore = {{Foot::left, Region::arch, 0.2, 0.2, 3}, {Foot::right, Region::heel, 0.5, 0.5, 4}};
  auto spots = insights::recent_sore_spots({old, first, second}, *parse_timestamp("2026-11-22 08:00"), 30);
  ASSERT_EQ(spots.size(), 2u);
  EXPECT_EQ(spots[0].intensity, 3);
  EXPECT_EQ(spots[1].region, Region::heel);
}

// Whole-number sums give the mean and spread that the values give, also in
// 60ths (the scale of a session's change) and whatever their order.
TEST(Insights, SummaryFromSumsMatchesTheValues) {
  std::vector<double> values;
  journal::Moments sums, sixtieths;
  for (int i = 0; i < 997; ++i) {
    int v = (i * 7919) % 21 - 10;  // -10..10, uneven
    values.push_back(v);
    sums.add(v);
    sixtieths.add(v * 20);  // v/3 in 60ths
  }
  auto expected = insights::summarize(values);
  auto from_sums = insights::summarize(sums);
  EXPECT_EQ(from_sums.count, expected.count);
  EXPECT_EQ(from_sums.mean, expected.mean);  // a whole sum over a count: the same division
  EXPECT_NEAR(*from_sums.sd, *expected.sd, 1e-12);
  auto thirds = insights::summarize(sixtieths, journal::change_scale);
  EXPECT_NEAR(thirds.mean, expected.mean / 3, 1e-12);
  EXPECT_NEAR(*thirds.sd, *expected.sd / 3, 1e-12);
  EXPECT_FALSE(insights::summarize(journal::Moments{1, 5, 25}).sd);
  EXPECT_EQ(insights::summarize(journal::Moments{}).count, 0);
  EXPECT_THROW(journal::change_factor(7), Failure);  // 7 measures would not divide 60
}

// The current streak counts when the latest run ends today or yesterday.
TEST(Insights, StreaksFromRuns) {
  journal::Totals totals;
  totals.days = 9;
  totals.longest_run = 5;
  totals.last_run = 3;
  totals.last_day = days_since_epoch(*parse_timestamp("2026-11-21 08:00"));
  EXPECT_EQ(insights::from_totals(totals, *parse_timestamp("2026-11-22 07:00")).streaks.current, 3);
  EXPECT_EQ(insights::from_totals(totals, *parse_timestamp("2026-11-21 23:00")).streaks.current, 3);
  EXPECT_EQ(insights::from_totals(totals, *parse_timestamp("2026-11-23 07:00")).streaks.current, 0);
  EXPECT_EQ(insights::from_totals(totals, *parse_timestamp("2026-11-20 07:00")).streaks.current, 0);
  EXPECT_EQ(insights::from_totals(totals, *parse_timestamp("2026-11-23 07:00")).streaks.longest, 5);
}

TEST(Insights, SparklineSpansTheRange) {
  EXPECT_EQ(render::sparkline({0, 5, 10}, 0, 10), "▁▅█");
  EXPECT_EQ(render::sparkline({}, 0, 10), "");
}

}  // namespace
}  // namespace plantar
