// Distances, bearings and the parsing of "LAT,LON".
#include <array>
#include <cmath>
#include <cstdlib>
#include <numbers>
#include <string>

#include "plantar/errors.h"
#include "plantar/places.h"

namespace plantar::places {
namespace {

constexpr double earth_radius_km = 6371.0088;

double radians(double degrees) { return degrees * std::numbers::pi / 180.0; }

std::optional<double> number(std::string_view text) {
  std::string copy(text);
  while (!copy.empty() && copy.back() == ' ') copy.pop_back();
  std::size_t first = copy.find_first_not_of(' ');
  if (first == std::string::npos) return std::nullopt;
  copy = copy.substr(first);
  char* end = nullptr;
  double value = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

}  // namespace

double distance_km(LatLon from, LatLon to) {
  double dlat = radians(to.lat - from.lat);
  double dlon = radians(to.lon - from.lon);
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(radians(from.lat)) *
                                                           std::cos(radians(to.lat)) * std::sin(dlon / 2) *
                                                           std::sin(dlon / 2);
  return 2 * earth_radius_km * std::asin(std::min(1.0, std::sqrt(a)));
}

double bearing_degrees(LatLon from, LatLon to) {
  double phi1 = radians(from.lat), phi2 = radians(to.lat);
  double dlon = radians(to.lon - from.lon);
  double y = std::sin(dlon) * std::cos(phi2);
  double x = std::cos(phi1) * std::sin(phi2) - std::sin(phi1) * std::cos(phi2) * std::cos(dlon);
  double degrees = std::atan2(y, x) * 180.0 / std::numbers::pi;
  return std::fmod(degrees + 360.0, 360.0);
}

std::string_view compass(double bearing) {
  static constexpr std::array<std::string_view, 8> points{"N", "NE", "E", "SE", "S", "SW", "W", "NW"};
  auto index = static_cast<std::size_t>(std::floor(std::fmod(bearing + 22.5, 360.0) / 45.0));
  return points[index % points.size()];
}

std::optional<LatLon> parse_lat_lon(std::string_view text, const std::string& where) {
  auto comma = text.find_first_of(",;");
  if (comma == std::string_view::npos) return std::nullopt;
  auto lat = number(text.substr(0, comma));
  auto lon = number(text.substr(comma + 1));
  if (!lat || !lon) return std::nullopt;
  if (*lat < -90 || *lat > 90)
    throw BadInput(where, "latitude " + std::string(text.substr(0, comma)) + " is out of range (-90 to 90)");
  if (*lon < -180 || *lon > 180)
    throw BadInput(where,
                   "longitude " + std::string(text.substr(comma + 1)) + " is out of range (-180 to 180)");
  return LatLon{*lat, *lon};
}

}  // namespace plantar::places
