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

TEST(OpeningHours, PublicHolidaysOfTheCountryAndState) {
  const std::string rule = "Mo-Fr 09:00-18:00; PH off";
  auto christmas = evaluate_hours(rule, 48.14, 11.58, {2026, 12, 25, 12, 0}, "DE");  // a Friday
  EXPECT_EQ(christmas.state, HoursState::closed);
  EXPECT_EQ(change_of(christmas), "2026-12-28 09:00");  // the 26th is a holiday too, then the weekend
  EXPECT_TRUE(christmas.note.empty());
  EXPECT_EQ(evaluate_hours(rule, 48.14, 11.58, {2026, 12, 23, 12, 0}, "DE").state, HoursState::open);
  // Epiphany is a holiday in Bavaria, not in all of Germany.
  EXPECT_EQ(evaluate_hours(rule, 48.14, 11.58, {2026, 1, 6, 12, 0}, "DE-BY").state, HoursState::closed);
  EXPECT_EQ(evaluate_hours(rule, 48.14, 11.58, {2026, 1, 6, 12, 0}, "DE").state, HoursState::open);
  EXPECT_EQ(evaluate_hours(rule, 40.7, -74.0, {2026, 11, 26, 12, 0}, "US").state, HoursState::closed);
}

TEST(OpeningHours, HolidaysWithoutACalendarAreUnknownWithANote) {
  const std::string rule = "Mo-Fr 09:00-18:00; PH off";
  auto liechtenstein = evaluate_hours(rule, 47.14, 9.52, {2026, 12, 25, 12, 0}, "LI");
  EXPECT_EQ(liechtenstein.state, HoursState::unknown);
  EXPECT_EQ(liechtenstein.raw, rule);
  EXPECT_NE(liechtenstein.note.find("LI"), std::string::npos) << liechtenstein.note;
  auto nowhere = evaluate_hours(rule, 47.14, 9.52, {2026, 12, 25, 12, 0});
  EXPECT_EQ(nowhere.state, HoursState::unknown);
  EXPECT_NE(nowhere.note.find("country is not known"), std::string::npos) << nowhere.note;
  // Without PH the country's calendar does not matter.
  auto plain = evaluate_hours("Mo-Fr 09:00-18:00", 47.14, 9.52, {2026, 12, 25, 12, 0}, "LI");
  EXPECT_EQ(plain.state, HoursState::open);
  EXPECT_TRUE(plain.note.empty());
}

TEST(OpeningHours, PlaceOnChristmasDayInMunich) {
  Place munich;
  munich.at = {48.137, 11.575};
  munich.country = "DE";
  munich.opening_hours = "Mo-Fr 09:00-18:00; PH off";
  auto hours = hours_at_place(munich, 1798196400);  // 2026-12-25 11:00 UTC, 12:00 in Munich
  EXPECT_EQ(hours.time_zone, "Europe/Berlin");
  EXPECT_EQ(format_wall_time(*hours.local), "2026-12-25 12:00");
  EXPECT_EQ(hours.state, HoursState::closed);
  auto given = hours_at_place(munich, WallTime{2026, 12, 23, 12, 0});
  EXPECT_EQ(given.state, HoursState::open);
  EXPECT_TRUE(given.time_zone.empty());
}

}  // namespace
}  // namespace plantar::places
