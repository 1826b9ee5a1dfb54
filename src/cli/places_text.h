// Plain-text output of `plantar places`: distances, opening hours in words,
// the list of places near a point, and the import progress bar.
#pragma once

#include <chrono>
#include <iosfwd>
#include <string>
#include <vector>

#include "plantar/app_places.h"
#include "plantar/kb.h"
#include "plantar/osm_import.h"
#include "plantar/places_query.h"

namespace plantar::places {
class Store;
}

namespace plantar::cli {

/// The distinct named places `where` may mean (plantar/app_places.h).
using app::place_choices;

/// "350 m", "1.2 km", "12 km".
std::string plain_distance(double km);
/// "open now, closes at 18:00", "closed now, opens tomorrow at 09:00",
/// "hours unknown: \"Mo-Fr by appointment\"", ... relative to the place's own
/// local time (hours.local) when known, else to `now`.
std::string plain_hours(const places::Hours& hours, const places::WallTime& now);

/// The places, nearest first, numbered, with the attribution.
void print_hits(std::ostream& out, const std::vector<places::Hit>& hits, const kb::PlaceTagging& tagging,
                const places::WallTime& now);

/// Draws a progress bar on a terminal, at most ten times a second.
class ProgressBar {
 public:
  explicit ProgressBar(std::ostream& err);
  void update(const places::ImportProgress& progress);
  /// Clears the bar and prints "read N objects (X MB) in S s".
  void finish(const places::ImportProgress& progress);

 private:
  std::string line(const places::ImportProgress& progress) const;
  std::ostream& err_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace plantar::cli
