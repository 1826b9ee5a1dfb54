// Pictures: the SVG is well-formed XML and renders to PNG and PDF; the card's
// PDF text holds the cautions and the sore spots; the reminder is valid
// iCalendar.
#include <gtest/gtest.h>

#include <fstream>

#include "journal_test_support.h"
#include "plantar/errors.h"
#include "plantar/reminder.h"
#include "plantar/render.h"
#include "test_support.h"

namespace plantar {
namespace {

bool well_formed(const std::string& path) {
  std::string command =
      "python3 -c 'import sys, xml.etree.ElementTree as E; E.parse(sys.argv[1])' '" + path + "'";
  return std::system(command.c_str()) == 0;
}

std::string pdf_text(const std::string& path) {
  test::TempDir dir;
  std::string out = dir.file("text.txt");
  std::system(("pdftotext -layout '" + path + "' '" + out + "'").c_str());
  return test::file_bytes(out);
}

TEST(Render, MapAndChartAreWellFormedAndRender) {
  test::TempDir dir;
  const auto& kb = kb::embedded();
  render::MapOptions options;
  options.zones = true;
  options.sore = {{Foot::left, Region::arch, 0.5, 0.5, 7}, {Foot::right, Region::calf, 0.5, 0.3, 3}};
  std::string map = render::foot_map_svg(kb, options);
  render::write_image(map, dir.file("map.svg"));
  EXPECT_TRUE(well_formed(dir.file("map.svg")));
  EXPECT_NE(map.find("a tradition, not anatomy"), std::string::npos);
  render::write_image(map, dir.file("map.png"));
  EXPECT_EQ(test::file_bytes(dir.file("map.png")).substr(1, 3), "PNG");
  std::vector<journal::Session> sessions(2);
  sessions[0].start = *parse_timestamp("2026-11-16 21:00");
  sessions[0].before = {{"stress", 7}};
  sessions[0].after = {{"stress", 3}};
  sessions[1].start = *parse_timestamp("2026-11-24 21:00");
  sessions[1].before = {{"stress", 6}, {"pain", 4}};
  sessions[1].after = {{"stress", 2}, {"pain", 2}};
  std::string chart = render::stats_chart_svg(sessions, insights::compute(sessions, sessions[1].start));
  render::write_image(chart, dir.file("chart.svg"));
  EXPECT_TRUE(well_formed(dir.file("chart.svg")));
  EXPECT_THROW(render::write_image(chart, dir.file("chart.gif")), BadInput);
  EXPECT_FALSE(std::filesystem::exists(dir.file("chart.gif")));
}

TEST(Render, CardPdfHoldsCautionsAndSoreSpots) {
  test::TempDir dir;
  std::string db = dir.file("j.db");
  ASSERT_EQ(test::run_plantar({"log", "--db", db, "--before", "stress=7", "--after", "stress=3", "--sore",
                               "left:arch=6", "--sore", "right:heel=4", "--goal", "sleep"})
                .status,
            0);
  auto run = test::run_plantar({"card", "--db", db, "-o", dir.file("card.pdf"), "--condition", "diabetes",
                                "--condition", "bruise=mild@left:heel", "--name", "Sam"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::string text = pdf_text(dir.file("card.pdf"));
  for (const char* words : {"Health cautions", "Diabetes", "A bruise", "Please avoid: left heel",
                            "Left arch, 6 of 10", "the arch in the middle", "Right heel, 4 of 10", "heel pad",
                            "Sam", "Wind down for sleep", "Home routine", "Stress: 1 session,"})
    EXPECT_NE(text.find(words), std::string::npos) << words << " not in:\n" << text;
  run = test::run_plantar({"card", "--db", db, "-o", dir.file("card.html"), "--sections", "sore,goals"});
  ASSERT_EQ(run.status, 0) << run.err;
  std::string html = test::file_bytes(dir.file("card.html"));
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("Health cautions"), std::string::npos);
  run = test::run_plantar({"card", "--db", db, "-o", dir.file("c.pdf"), "--sections", "sore,gaols"});
  EXPECT_EQ(run.status, 2);
  EXPECT_NE(run.err.find("did you mean 'goals'"), std::string::npos);
}

TEST(Render, ReminderIsValidICalendar) {
  reminder::Reminder r;
  reminder::parse_time("21:30", r);
  r.text = "5-minute foot rub before bed, with a very long text that must be folded over more than one line";
  std::string ical =
      reminder::to_ical(r, *parse_timestamp("2026-11-22 22:00"), *parse_timestamp("2026-11-22 21:00"));
  EXPECT_EQ(ical.substr(0, 17), "BEGIN:VCALENDAR\r\n");
  EXPECT_NE(ical.find("DTSTART:20261123T213000\r\n"), std::string::npos);  // 21:30 already passed today
  EXPECT_NE(ical.find("RRULE:FREQ=DAILY\r\n"), std::string::npos);
  EXPECT_NE(ical.find("BEGIN:VALARM\r\n"), std::string::npos);
  EXPECT_NE(ical.find("DTSTAMP:20261122T210000Z\r\n"), std::string::npos);
  EXPECT_NE(ical.find("bed\\, with"), std::string::npos);
  std::size_t start = 0;
  while (start < ical.size()) {
    auto end = ical.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 75u);
    start = end + 2;
  }
  r.every = "mon,wed";
  EXPECT_NE(reminder::to_ical(r, *parse_timestamp("2026-11-22 10:00"), *parse_timestamp("2026-11-22 09:00"))
                .find("RRULE:FREQ=WEEKLY;BYDAY=MO,WE"),
            std::string::npos);
  r.every = "moon";
  EXPECT_THROW(reminder::validate(r), BadInput);
  auto run = test::run_plantar({"remind", "--at", "25:00", "-o", "-"});
  EXPECT_EQ(run.status, 2);
}

}  // namespace
}  // namespace plantar
