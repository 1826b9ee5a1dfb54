// Nearest-10 query latency over 1 million places in places.db (SQLite R*Tree),
// as `plantar places near` runs it: the widening box search, then the opening
// hours of the hits. Prints percentiles. Usage: places_query_bench [PLACES]
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <random>

#include "plantar/places_store.h"

namespace {

using plantar::places::Place;

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

void report(const char* what, const std::vector<double>& micros) {
  std::cout << what << ": p50 " << percentile(micros, 0.5) << " us, p90 " << percentile(micros, 0.9)
            << " us, p99 " << percentile(micros, 0.99) << " us, max " << percentile(micros, 1.0) << " us\n";
}

}  // namespace

int main(int argc, char** argv) {
  namespace places = plantar::places;
  const int count = argc > 1 ? std::atoi(argv[1]) : 1'000'000;
  auto dir = std::filesystem::temp_directory_path() / ("plantar_query_bench_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  std::mt19937 rng(1);
  std::uniform_real_distribution<double> lat(47.3, 55.0), lon(5.9, 15.0);
  const std::vector<std::string> kinds{"massage",         "reflexology", "podiatrist",
                                       "physiotherapist", "spa",         "sauna"};
  places::Region region{"bench", "random", "2024-05-06 14:30", {}, {}};
  for (int i = 0; i < count; ++i) {
    Place p;
    p.osm_type = "node";
    p.osm_id = i + 1;
    p.kind = kinds[static_cast<std::size_t>(i) % kinds.size()];
    p.name = "Place " + std::to_string(i);
    p.at = {lat(rng), lon(rng)};
    if (i % 2 == 0) p.opening_hours = "Mo-Fr 09:00-18:00; Sa 10:00-14:00";
    region.places.push_back(std::move(p));
  }
  auto start = std::chrono::steady_clock::now();
  {
    places::Store store((dir / "places.db").string(), true);
    store.replace_region(region);
  }
  double store_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "stored " << count << " places in " << store_s << " s (one transaction)\n";
  places::Store store((dir / "places.db").string(), false);
  auto search = [&](const places::Box& box, const std::vector<std::string>& k) {
    return store.in_box(box, k);
  };
  const places::WallTime now{2024, 5, 6, 14, 30};
  auto no_hours = [](const Place&) { return places::Hours{}; };
  auto real_hours = [&](const Place& p) {
    return places::evaluate_hours(p.opening_hours, p.at.lat, p.at.lon, now);
  };
  for (int warm = 0; warm < 200; ++warm)
    places::nearest({{lat(rng), lon(rng)}, 25, 10, {}, false}, search, no_hours);
  struct Variant {
    const char* name;
    std::vector<std::string> kinds;
    bool hours;
  };
  for (const auto& v : {Variant{"nearest 10, any kind, no hours", {}, false},
                        Variant{"nearest 10, any kind, with opening hours", {}, true},
                        Variant{"nearest 10 reflexology, with opening hours", {"reflexology"}, true}}) {
    std::vector<double> micros;
    for (int i = 0; i < 10000; ++i) {
      places::Query q{{lat(rng), lon(rng)}, 25, 10, v.kinds, false};
      auto t0 = std::chrono::steady_clock::now();
      auto hits = v.hours ? places::nearest(q, search, real_hours) : places::nearest(q, search, no_hours);
      micros.push_back(
          std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
      if (hits.size() != 10) std::cerr << "unexpected: " << hits.size() << " hits\n";
    }
    report(v.name, micros);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
