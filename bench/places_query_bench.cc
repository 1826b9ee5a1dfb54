// Nearest-10 query latency over 1 million places in places.db (SQLite R*Tree),
// as `plantar places near` runs it: the widening box search, then the opening
// hours of the hits at each place's local time (zone by position, holidays by
// country). Prints percentiles and the machine's load. Usage:
// places_query_bench [PLACES]
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <thread>

#include "plantar/opening_hours.h"
#include "plantar/places_store.h"

namespace {

using plantar::places::Place;

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

void report(const std::string& what, const std::vector<double>& micros) {
  std::cout << what << ": p50 " << percentile(micros, 0.5) << " us, p90 " << percentile(micros, 0.9)
            << " us, p99 " << percentile(micros, 0.99) << " us, max " << percentile(micros, 1.0) << " us ("
            << micros.size() << " queries)" << std::endl;
}

// The CPU time of this thread: on a busy machine a query can wait for a core
// for milliseconds; this says what the query itself costs.
double thread_cpu_micros() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) / 1e3;
}

std::string load_average() {
  std::ifstream in("/proc/loadavg");
  std::string one, five;
  in >> one >> five;
  return one + " (1 min), " + five + " (5 min)";
}

}  // namespace

int main(int argc, char** argv) {
  namespace places = plantar::places;
  places::settle_local_time_zone();
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
    p.country = "DE";
    // Half the places have hours: 500 distinct expressions, as in a real region.
    if (i % 2 == 0)
      p.opening_hours = "Mo-Fr 09:00-" + std::to_string(12 + (i / 2) % 10) + ":" +
                        std::to_string(10 + (i / 20) % 50) + "; Sa 10:00-14:00; PH off";
    region.places.push_back(std::move(p));
  }
  std::cout << "load average before: " << load_average() << std::endl;
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
  const std::int64_t now = 1714998600;  // 2024-05-06 12:30 UTC, 14:30 in Germany
  auto no_hours = [](const Place&) { return places::Hours{}; };
  std::int64_t minute = now;  // each query a minute later: no answer comes from an earlier query
  auto real_hours = [&](const Place& p) { return places::hours_at_place(p, minute); };
  for (int warm = 0; warm < 200; ++warm)
    places::nearest({{lat(rng), lon(rng)}, 25, 10, {}, false}, search, no_hours);
  struct Variant {
    const char* name;
    std::vector<std::string> kinds;
    bool hours;
    int queries;
  };
  for (const auto& v :
       {Variant{"nearest 10, any kind, no hours", {}, false, 10000},
        Variant{"nearest 10, any kind, with opening hours (a new minute each query)", {}, true, 2000},
        Variant{"nearest 10 reflexology, with opening hours (a new minute each query)",
                {"reflexology"},
                true,
                2000}}) {
    std::vector<double> micros, cpu_micros;
    for (int i = 0; i < v.queries; ++i) {
      places::Query q{{lat(rng), lon(rng)}, 25, 10, v.kinds, false};
      minute += 60;
      double cpu0 = thread_cpu_micros();
      auto t0 = std::chrono::steady_clock::now();
      auto hits = v.hours ? places::nearest(q, search, real_hours) : places::nearest(q, search, no_hours);
      micros.push_back(
          std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
      cpu_micros.push_back(thread_cpu_micros() - cpu0);
      if (hits.size() != 10) std::cerr << "unexpected: " << hits.size() << " hits\n";
    }
    report(std::string(v.name) + ", wall", micros);
    report(std::string(v.name) + ", CPU", cpu_micros);
  }
  std::cout << "load average after: " << load_average() << " on " << std::thread::hardware_concurrency()
            << " cores\n";
  std::filesystem::remove_all(dir);
  return 0;
}
