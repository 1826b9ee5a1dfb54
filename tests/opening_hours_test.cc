// The KOpeningHours adapter: open now and until when, closed and when it
// opens, and values it cannot read.
#include <gtest/gtest.h>

#include "plantar/opening_hours.h"

namespace plantar::places {
namespace {

const WallTime monday_1430{2024, 5, 6, 14, 30};

std::string change_of(const Hours& hours) { return hours.change ? format_wall_time(*hours.change) : "-"; }

TEST(OpeningHours, OpenNowAndClosesAt) {
  auto hours = evaluate_hours("Mo-Fr 09:00-18:00", 47.14, 9.52, monday_1430);
  EXPECT_EQ(hours.state, HoursState::open);
  EXPECT_EQ(change_of(hours), "2024-05-06 18:00");
}

TEST(OpeningHours, ClosedAndOpensAt) {
  auto evening = evaluate_hours("Mo-Fr 09:00-18:00", 47.14, 9.52, {2024, 5, 6, 19, 0});
  EXPECT_EQ(evening.state, HoursState::closed);
  EXPECT_EQ(change_of(evening), "2024-05-07 09:00");
  auto saturday = evaluate_hours("Mo-Fr 09:00-18:00", 47.14, 9.52, {2024, 5, 11, 10, 0});
  EXPECT_EQ(saturday.state, HoursState::closed);
  EXPECT_EQ(change_of(saturday), "2024-05-13 09:00");
}

TEST(OpeningHours, LunchBreakAndAlwaysOpen) {
  auto lunch = evaluate_hours("Mo-Fr 08:00-12:00,13:30-17:00", 47.14, 9.52, {2024, 5, 6, 12, 15});
  EXPECT_EQ(lunch.state, HoursState::closed);
  EXPECT_EQ(change_of(lunch), "2024-05-06 13:30");
  auto always = evaluate_hours("24/7", 47.14, 9.52, monday_1430);
  EXPECT_EQ(always.state, HoursState::open);
  EXPECT_FALSE(always.change);
}

TEST(OpeningHours, UnreadableValuesAreUnknownWithTheRawText) {
  auto hours = evaluate_hours("by appointment, call first", 47.14, 9.52, monday_1430);
  EXPECT_EQ(hours.state, HoursState::unknown);
  EXPECT_EQ(hours.raw, "by appointment, call first");
  EXPECT_EQ(evaluate_hours("", 47.14, 9.52, monday_1430).state, HoursState::not_given);
  for (const char* odd : {"Mo-Fr 25:00-26:00", ";;;", "Mo-Fr 09:00-", "\xff\xfe", "PH off"})
    EXPECT_NE(evaluate_hours(odd, 47.14, 9.52, monday_1430).state, HoursState::not_given) << odd;
}

}  // namespace
}  // namespace plantar::places
