// Zones by position: the nearest principal city of zone.tab among the zones
// of the place's country. zone1970.tab says which zone a country's people
// mostly live in when zone.tab lists small exceptions too (Germany: Berlin,
// and Busingen, an exclave that keeps Zurich's time).
#include "plantar/time_zones.h"

#include <cstdlib>
#include <fstream>
#include <limits>

namespace plantar::places {
namespace {

std::vector<std::string> split_fields(const std::string& line, char separator) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    auto end = line.find(separator, start);
    out.push_back(line.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) return out;
    start = end + 1;
  }
}

// Rows "CC[,CC...]<TAB>coordinates<TAB>zone[<TAB>comment]".
std::vector<ZoneCity> read_table(const std::string& path) {
  std::vector<ZoneCity> out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    auto fields = split_fields(line, '\t');
    ZoneCity city;
    if (fields.size() < 3 || !parse_iso6709(fields[1], city.at)) continue;
    for (const auto& code : split_fields(fields[0], ','))
      if (auto country = country_code(code); !country.empty()) city.countries.push_back(country);
    if (city.countries.empty()) continue;
    city.zone = fields[2];
    out.push_back(std::move(city));
  }
  return out;
}

// Degrees from "DDMM", "DDMMSS" (latitude) or "DDDMM", "DDDMMSS" (longitude).
bool parse_angle(std::string_view digits, int degree_digits, double& out) {
  if (digits.size() != static_cast<std::size_t>(degree_digits + 2) &&
      digits.size() != static_cast<std::size_t>(degree_digits + 4))
    return false;
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  auto number = [&](std::size_t from, std::size_t count) {
    return std::atoi(std::string(digits.substr(from, count)).c_str());
  };
  auto degree_count = static_cast<std::size_t>(degree_digits);
  double minutes = number(degree_count, 2);
  double seconds = digits.size() > degree_count + 2 ? number(degree_count + 2, 2) : 0;
  out = number(0, degree_count) + minutes / 60.0 + seconds / 3600.0;
  return true;
}

const ZoneCity* nearest_of(const std::vector<const ZoneCity*>& cities, LatLon at) {
  const ZoneCity* best = nullptr;
  double best_km = std::numeric_limits<double>::infinity();
  for (const ZoneCity* city : cities)
    if (double km = distance_km(at, city->at); km < best_km) {
      best_km = km;
      best = city;
    }
  return best;
}

}  // namespace

bool parse_iso6709(std::string_view text, LatLon& at) {
  if (text.size() < 10 || (text[0] != '+' && text[0] != '-')) return false;
  auto split = text.find_first_of("+-", 1);
  if (split == std::string_view::npos) return false;
  double lat = 0, lon = 0;
  if (!parse_angle(text.substr(1, split - 1), 2, lat) || !parse_angle(text.substr(split + 1), 3, lon))
    return false;
  at = {text[0] == '-' ? -lat : lat, text[split] == '-' ? -lon : lon};
  return at.lat <= 90 && at.lon <= 180;
}

std::string country_code(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text.size() != 2) return "";
  std::string out;
  for (char c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c < 'A' || c > 'Z') return "";
    out += c;
  }
  return out;
}

TimeZones::TimeZones(const std::string& folder)
    : by_country_(read_table(folder + "/zone.tab")), canonical_(read_table(folder + "/zone1970.tab")) {}

const TimeZones& TimeZones::system() {
  static const TimeZones zones([] {
    const char* dir = std::getenv("TZDIR");
    return std::string(dir != nullptr && *dir != '\0' ? dir : "/usr/share/zoneinfo");
  }());
  return zones;
}

ZoneChoice TimeZones::choose(LatLon at, std::string_view country_text) const {
  std::string country = country_code(country_text);
  std::vector<const ZoneCity*> own;
  for (const auto& city : by_country_)
    if (!country.empty() && city.countries.front() == country) own.push_back(&city);
  if (own.size() == 1) return {own.front()->zone, country, false};
  if (own.size() > 1) {
    // The zones zone1970.tab gives first to this country: not the exclaves.
    std::vector<const ZoneCity*> home;
    for (const auto* city : own)
      for (const auto& main : canonical_)
        if (main.zone == city->zone && main.countries.front() == country) home.push_back(city);
    return {nearest_of(home.empty() ? own : home, at)->zone, country, false};
  }
  std::vector<const ZoneCity*> all;
  for (const auto& city : by_country_) all.push_back(&city);
  const ZoneCity* best = nearest_of(all, at);
  if (best == nullptr) return {"", country, country.empty()};
  if (!country.empty()) return {best->zone, country, false};  // a country the tz database does not list
  return {best->zone, best->countries.front(), true};
}

}  // namespace plantar::places
