// plantar remind: an iCalendar file with a repeating foot-rub reminder.
#include <ctime>
#include <ostream>

#include "commands.h"
#include "confirm.h"
#include "journal_place.h"
#include "plantar/errors.h"
#include "plantar/reminder.h"
#include "plantar/render.h"

namespace plantar::cli {
namespace {

Timestamp now_utc() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return {utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec};
}

}  // namespace

int run_remind(const Context& context, const RemindOptions& options) {
  reminder::Reminder r;
  reminder::parse_time(options.at, r);
  r.every = options.every;
  r.text = options.text;
  r.minutes = options.minutes;
  reminder::validate(r);
  render::check_output_path(options.output);
  std::string ical = reminder::to_ical(r, now_local(), now_utc());
  if (!write_output(context, ical, options.output)) return 0;
  confirm_written(context, options.output,
                  "Reminder written to " + options.output +
                      ". Open it with your calendar app (or import it) " + "to get \"" + r.text + "\" at " +
                      options.at + ", every " + r.every + ".",
                  {{"at", options.at}, {"every", r.every}});
  return 0;
}

}  // namespace plantar::cli
