#include "places_text.h"

#include <fmt/format.h>

#include <array>
#include <ostream>
#include <sstream>

#include "plantar/places.h"
#include "text.h"

namespace plantar::cli {
namespace {

constexpr std::array<const char*, 7> day_names{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

int days_between(const places::WallTime& from, const places::WallTime& to) {
  return places::day_number(to) - places::day_number(from);
}

// "18:00", "tomorrow at 09:00", "Wed at 09:00", "on 2024-06-01 at 09:00".
std::string when(const places::WallTime& change, const places::WallTime& now) {
  std::string clock = fmt::format("{:02}:{:02}", change.hour, change.minute);
  int days = days_between(now, change);
  if (days == 0) return clock;
  if (days == 1) return "tomorrow at " + clock;
  if (days < 7)
    return fmt::format("{} at {}", day_names[static_cast<std::size_t>(places::weekday(change))], clock);
  return fmt::format("on {:04}-{:02}-{:02} at {}", change.year, change.month, change.day, clock);
}

std::string kind_name(const kb::PlaceTagging& tagging, const std::string& id) {
  const kb::PlaceKind* kind = tagging.kind(id);
  return kind != nullptr ? kind->name : id;
}

std::string human_bytes(double bytes) {
  if (bytes >= 1e9) return fmt::format("{:.1f} GB", bytes / 1e9);
  return fmt::format("{:.1f} MB", bytes / 1e6);
}

std::string human_count(double count) {
  if (count >= 1e6) return fmt::format("{:.1f} M", count / 1e6);
  if (count >= 1e3) return fmt::format("{:.0f} k", count / 1e3);
  return fmt::format("{:.0f}", count);
}

}  // namespace

std::string plain_distance(double km) {
  if (km < 1) return fmt::format("{:.0f} m", std::max(10.0, std::round(km * 100) * 10));
  if (km < 10) return fmt::format("{:.1f} km", km);
  return fmt::format("{:.0f} km", km);
}

std::string plain_hours(const places::Hours& hours, const places::WallTime& query_time) {
  const places::WallTime& now = hours.local.value_or(query_time);  // the place's own clock when known
  auto at = [&](const places::WallTime& change) {
    int days = days_between(now, change);
    if (days == 1 && change.hour == 0 && change.minute == 0) return std::string("at midnight");
    return (days == 0 ? "at " : "") + when(change, now);
  };
  switch (hours.state) {
    case places::HoursState::open: return hours.change ? "open now, closes " + at(*hours.change) : "open now";
    case places::HoursState::closed:
      return hours.change ? "closed now, opens " + at(*hours.change) : "closed now";
    case places::HoursState::unknown: return "hours unknown: \"" + hours.raw + "\"";
    case places::HoursState::not_given: break;
  }
  return "no opening hours given";
}

// Names, addresses and hours come from OpenStreetMap, written by anyone:
// everything goes through printable() so no terminal escape is obeyed.
void print_hits(std::ostream& terminal, const std::vector<places::Hit>& hits, const kb::PlaceTagging& tagging,
                const places::WallTime& now) {
  std::ostringstream out;
  int number = 0;
  for (const auto& hit : hits) {
    const auto& p = hit.place;
    if (p.name.empty())
      out << fmt::format("{:2}. A {} (no name given)\n", ++number, kind_name(tagging, p.kind));
    else
      out << fmt::format("{:2}. {} - {}\n", ++number, p.name, kind_name(tagging, p.kind));
    std::string where = fmt::format("{} {}", plain_distance(hit.distance_km), places::compass(hit.bearing));
    if (!p.address.empty()) where += ", " + p.address;
    out << "    " << where << "\n";
    std::string hours = plain_hours(hit.hours, now);
    if (!hit.hours.note.empty()) hours += " (" + hit.hours.note + ")";
    if (!p.wheelchair.empty()) hours += "; wheelchair access: " + p.wheelchair;
    out << wrap(hours, "    ");
    std::string contact;
    if (!p.phone.empty()) contact = p.phone;
    if (!p.website.empty()) contact += (contact.empty() ? "" : "  ") + p.website;
    if (!contact.empty()) out << "    " << contact << "\n";
  }
  terminal << printable(out.str());
}

ProgressBar::ProgressBar(std::ostream& err)
    : err_(err), start_(std::chrono::steady_clock::now()), last_(start_) {}

std::string ProgressBar::line(const places::ImportProgress& progress) const {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  double rate = seconds > 0 ? 1 / seconds : 0;
  double share = progress.file_bytes > 0
                     ? static_cast<double>(progress.bytes) / static_cast<double>(progress.file_bytes)
                     : 0;
  share = std::min(1.0, share);
  constexpr int width = 24;
  int filled = static_cast<int>(share * width);
  return fmt::format(
      "[{}{}] {:3.0f}%  {} of {}  {}/s  {} objects/s", std::string(static_cast<std::size_t>(filled), '#'),
      std::string(static_cast<std::size_t>(width - filled), '-'), share * 100,
      human_bytes(static_cast<double>(progress.bytes)), human_bytes(static_cast<double>(progress.file_bytes)),
      human_bytes(static_cast<double>(progress.bytes) * rate),
      human_count(static_cast<double>(progress.objects) * rate));
}

void ProgressBar::update(const places::ImportProgress& progress) {
  auto now = std::chrono::steady_clock::now();
  if (now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  err_ << "\r" << line(progress) << std::flush;
}

void ProgressBar::finish(const places::ImportProgress& progress) {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  err_ << "\r" << std::string(78, ' ') << "\r"
       << fmt::format("Read {} objects ({}) in {:.1f} s.\n",
                      human_count(static_cast<double>(progress.objects)),
                      human_bytes(static_cast<double>(progress.file_bytes)), seconds);
}

}  // namespace plantar::cli
