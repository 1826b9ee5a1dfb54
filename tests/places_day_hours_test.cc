// Opening hours in words for today and tomorrow (add_day_hours), as each
// place of `places near --json` and the web app's results show them.
#include <gtest/gtest.h>

#include "plantar/opening_hours.h"

namespace plantar {
namespace {

places::Hours day_hours(const std::string& expression, const std::string& when) {
  places::Place place;
  place.at = {47.14, 9.52};
  place.country = "LI";
  place.opening_hours = expression;
  auto hours = places::hours_at_place(place, places::parse_wall_time(when, "when"));
  places::add_day_hours(place, hours);
  return hours;
}

TEST(DayHours, TodayAndTomorrowInWords) {
  auto monday = day_hours("Mo-Fr 09:00-12:00,14:00-18:00", "2024-05-06 10:00");
  EXPECT_EQ(monday.today, "09:00-12:00, 14:00-18:00");
  EXPECT_EQ(monday.tomorrow, "09:00-12:00, 14:00-18:00");
  auto friday = day_hours("Mo-Fr 09:00-12:00,14:00-18:00", "2024-05-10 19:00");
  EXPECT_EQ(friday.today, "09:00-12:00, 14:00-18:00");
  EXPECT_EQ(friday.tomorrow, "closed");
  auto late = day_hours("Mo-Su 18:00-02:00", "2024-05-06 20:00");
  EXPECT_EQ(late.today, "00:00-02:00, 18:00-24:00");
  EXPECT_EQ(day_hours("24/7", "2024-05-06 10:00").today, "open all day");
}

TEST(DayHours, NothingWhenTheHoursDoNotSay) {
  EXPECT_EQ(day_hours("", "2024-05-06 10:00").today, "");
  EXPECT_EQ(day_hours("by appointment", "2024-05-06 10:00").today, "");
  EXPECT_EQ(day_hours("by appointment", "2024-05-06 10:00").tomorrow, "");
}

}  // namespace
}  // namespace plantar
