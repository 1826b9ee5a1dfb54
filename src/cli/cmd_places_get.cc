// plantar places get REGION / places regions [FILTER] / places update.
#include <fmt/format.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>

#include "data_dir.h"
#include "places_get.h"
#include "places_text.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/osm_regions.h"
#include "plantar/places_json.h"
#include "plantar/suggest.h"

namespace plantar::cli {
namespace {

namespace fs = std::filesystem;
using json_io::Json;

using app::md5_mark;

std::string megabytes(std::uint64_t bytes) {
  double mb = static_cast<double>(bytes) / 1e6;
  return mb < 10 ? fmt::format("{:.1f} MB", mb) : fmt::format("{:.0f} MB", mb);
}

// "[#####-------]  42%  1.2 MB of 2.9 MB  850 kB/s", at most ten times a second.
class DownloadBar {
 public:
  explicit DownloadBar(std::ostream& err) : err_(err) {}
  void update(const places::DownloadProgress& p) {
    auto now = std::chrono::steady_clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    double share =
        p.total > 0 ? std::min(1.0, static_cast<double>(p.done) / static_cast<double>(p.total)) : 0;
    double speed = p.seconds > 0 ? static_cast<double>(p.done - p.resumed) / p.seconds : 0;
    int filled = static_cast<int>(share * 24);
    err_ << fmt::format(
                "\r[{}{}] {:3.0f}%  {} of {}  {}/s ", std::string(static_cast<std::size_t>(filled), '#'),
                std::string(static_cast<std::size_t>(24 - filled), '-'), share * 100, megabytes(p.done),
                p.total > 0 ? megabytes(p.total) : "?",
                speed >= 1e6 ? fmt::format("{:.1f} MB", speed / 1e6) : fmt::format("{:.0f} kB", speed / 1e3))
         << std::flush;
    drawn_ = true;
  }
  void clear() {
    if (drawn_) err_ << "\r" << std::string(78, ' ') << "\r" << std::flush;
    drawn_ = false;
  }

 private:
  std::ostream& err_;
  std::chrono::steady_clock::time_point last_{};
  bool drawn_ = false;
};

// The address and recorded checksum of a downloaded region ("" when it came from a file).
std::pair<std::string, std::string> recorded(const std::string& source) {
  std::size_t mark = source.find(md5_mark);
  if (mark == std::string::npos || source.rfind("http", 0) != 0) return {"", ""};
  return {source.substr(0, mark), source.substr(mark + std::string(md5_mark).size(), 32)};
}

// "https://download.geofabrik.de/europe/liechtenstein-latest.osm.pbf" is
// the source "https://download.geofabrik.de" and the region "europe/liechtenstein".
std::pair<std::string, std::string> split_url(const std::string& url) {
  std::size_t host = url.find("://");
  std::size_t path = url.find('/', host == std::string::npos ? 0 : host + 3);
  const std::string suffix = "-latest.osm.pbf";
  if (path == std::string::npos || url.size() < path + suffix.size() + 1) return {"", ""};
  return {url.substr(0, path), url.substr(path + 1, url.size() - suffix.size() - path - 1)};
}

// The download bar, then the import bar, on a terminal (not with --json).
class TerminalSteps {
 public:
  explicit TerminalSteps(const Context& context)
      : download_(context.err), import_(context.err), show_(isatty(2) != 0 && !context.json) {}
  GetFn callback() {
    return [this](const GetStep& step) {
      if (!show_) return;
      if (step.stage == "download") download_.update(step.download);
      if (step.stage != "import") return;
      download_.clear();
      importing_ = true;
      last_ = step.import;
      import_.update(step.import);
    };
  }
  /// Clears the bars; after a good import, says how much was read.
  void end(bool imported) {
    download_.clear();
    if (show_ && importing_ && imported) import_.finish(last_);
  }

 private:
  DownloadBar download_;
  ProgressBar import_;
  bool show_;
  bool importing_ = false;
  places::ImportProgress last_;
};

// get_region with the bars; they are cleared however it ends.
GotRegion get_on_terminal(const Context& context, const std::string& source, const std::string& region,
                          const std::string& where) {
  TerminalSteps steps(context);
  try {
    GotRegion got =
        get_region(context.kb, data_file(context, "places.db"), source, region, where, steps.callback());
    steps.end(true);
    return got;
  } catch (...) {
    steps.end(false);
    throw;
  }
}

void print_got(const Context& context, const GotRegion& got, const std::string& db) {
  if (got.resumed > 0)
    context.out << fmt::format("Went on with an interrupted download ({} were already here).\n",
                               megabytes(got.resumed));
  context.out << fmt::format(
      "Downloaded {} ({}), checksum OK.\nImported region '{}':\n  {} places for massage or foot care\n"
      "  {} named places (towns, villages, suburbs) to search near\n",
      got.url, megabytes(got.bytes), got.region.name, got.region.places, got.region.named);
  if (got.region.places == 0)
    context.out
        << "OpenStreetMap lists no massage, reflexology, podiatry, physiotherapy, spa or sauna places "
           "in this region yet.\n";
  context.out << "Saved in " << db << ". Data " << places::attribution << "\n";
}

}  // namespace

int run_places_get(const Context& context, const PlacesGetOptions& options) {
  std::string source = places::osm_source(options.source, "--source");
  places::check_region_path(options.region, "REGION");  // before anything is printed
  std::string db = data_file(context, "places.db");
  if (!context.json) context.out << "Getting " << options.region << " from " << source << "\n" << std::flush;
  GotRegion got = get_on_terminal(context, source, options.region, "REGION");
  if (!context.json) {
    print_got(context, got, db);
    return 0;
  }
  Json out = {
      {"region", got.region.name}, {"source", got.region.source},  {"url", got.url},
      {"bytes", got.bytes},        {"resumed_bytes", got.resumed}, {"places", got.region.places},
      {"named", got.region.named}, {"objects", got.objects},       {"attribution", places::attribution}};
  context.out << json_io::dump(out);
  return 0;
}

int run_places_regions(const Context& context, const PlacesRegionsOptions& options) {
  std::string source = places::osm_source(options.source, "--source");
  auto index = places::load_region_index(source, "--source");
  auto found = places::matching_regions(index.regions, options.filter);
  if (context.json) {
    Json list = Json::array();
    for (const auto* region : found)
      list.push_back({{"path", region->path}, {"name", region->name}, {"parent", region->parent}});
    context.out << json_io::dump(Json{{"source", source}, {"offline", index.offline}, {"regions", list}});
    return 0;
  }
  if (index.offline)
    context.out << "Could not reach " << source << ": this list is from the copy kept on this computer.\n";
  if (found.empty()) {
    context.out << "No region of " << source << " has '" << options.filter
                << "' in its name. Try a shorter part of the name, or no FILTER for all regions.\n";
    return 0;
  }
  std::size_t width = 0;
  for (const auto* region : found) width = std::max(width, region->path.size());
  context.out << fmt::format("{} of the {} regions of {}:\n", found.size(), index.regions.size(), source);
  for (const auto* region : found)
    context.out << fmt::format("  {:<{}}  {}\n", region->path, width, region->name);
  context.out << "Get one with: plantar places get " << found.front()->path << "\n";
  return 0;
}

// What `places update` did with one region: "up_to_date", "updated",
// "from_file" (left alone) or "failed".
struct Updated {
  std::string region, state, detail;
};

Updated update_region(const Context& context, const places::RegionSummary& region) {
  auto [url, md5] = recorded(region.source);
  auto [source, path] = split_url(url);
  if (url.empty() || source.empty())
    return {region.name, "from_file",
            fmt::format("imported from a file ({}); import a newer file with 'plantar places import'",
                        region.source)};
  try {
    if (app::checksum_of(source, path, url, path) == md5)
      return {region.name, "up_to_date", "up to date (imported " + region.imported_at + ")"};
    GotRegion got = get_on_terminal(context, source, path, path);
    return {region.name, "updated",
            fmt::format("a newer file, imported: {} places, {} named places", got.region.places,
                        got.region.named)};
  } catch (const BadInput& e) {
    return {region.name, "failed", e.what()};
  }
}

int run_places_update(const Context& context) {
  std::vector<places::RegionSummary> regions;
  {
    places::Store store(data_file(context, "places.db"), false);
    regions = store.regions();
  }
  int status = 0;
  Json list = Json::array();
  for (const auto& region : regions) {
    Updated done = update_region(context, region);
    if (done.state == "failed") {
      status = 2;
      if (!context.json) context.err << "plantar: " << done.detail << "\n";
    } else if (!context.json) {
      context.out << done.region << ": " << done.detail << ".\n";
    }
    list.push_back({{"region", done.region}, {"state", done.state}, {"detail", done.detail}});
  }
  if (context.json)
    context.out << json_io::dump(Json{{"regions", list}});
  else if (regions.empty())
    context.out << "No regions imported yet: run 'plantar places get REGION'.\n";
  return status;
}

}  // namespace plantar::cli
