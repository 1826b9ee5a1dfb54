// /api/places/get and /api/places/regions: the web app's "Get places for
// your area". The server downloads and imports a region in the background
// (one at a time) with the CLI's get_region(); the page polls the progress.
// The download server is $PLANTAR_OSM_SOURCE, else Geofabrik.
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

#include "plantar/app_places.h"
#include "plantar/errors.h"
#include "plantar/json_io.h"
#include "plantar/osm_regions.h"
#include "query_params.h"
#include "routes.h"

namespace plantar::server {
namespace {

using json_io::Json;

struct Cancelled {};

// The one download of this process. The worker uses only its own copies
// (knowledge, paths), so it never outlives what it reads.
class Job {
 public:
  ~Job() {
    cancel_ = true;
    if (worker_.joinable()) worker_.join();
  }

  // False when another download is still running.
  bool start(const kb::KnowledgeBase& kb, const std::string& db, const std::string& source,
             const std::string& region) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (busy()) return false;
    if (worker_.joinable()) worker_.join();
    state_ = {};
    state_["state"] = "checksum";
    state_["region"] = region;
    kb_ = std::make_unique<kb::KnowledgeBase>(kb);
    worker_ = std::thread([this, db, source, region] { run(db, source, region); });
    return true;
  }

  Json state() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return state_.is_null() ? Json{{"state", "idle"}} : state_;
  }

 private:
  bool busy() const {
    std::string now = state_.is_null() ? "idle" : state_["state"].get<std::string>();
    return now == "checksum" || now == "download" || now == "import";
  }

  void step(const app::GetStep& step) {
    if (cancel_) throw Cancelled{};
    std::lock_guard<std::mutex> lock(mutex_);
    if (step.stage == "done") return;
    state_["state"] = step.stage;
    if (step.stage == "download") {
      state_["done"] = step.download.done;
      state_["total"] = step.download.total;
    } else if (step.stage == "import") {
      state_["read"] = step.import.bytes;
      state_["size"] = step.import.file_bytes;
    }
  }

  void finish(Json result) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& [key, value] : result.items()) state_[key] = value;
  }

  void run(const std::string& db, const std::string& source, const std::string& region) {
    try {
      auto got =
          app::get_region(*kb_, db, source, region, "region", [this](const app::GetStep& s) { step(s); });
      finish({{"state", "done"},
              {"name", got.region.name},
              {"places", got.region.places},
              {"named", got.region.named},
              {"bytes", got.bytes}});
    } catch (const Cancelled&) {
      finish({{"state", "failed"}, {"error", "the server was stopped during the download"}});
    } catch (const BadInput& e) {
      finish({{"state", "failed"}, {"error", e.what()}, {"field", "region"}});
    } catch (const std::exception& e) {
      finish({{"state", "failed"}, {"error", std::string("unexpected error: ") + e.what()}});
    }
  }

  mutable std::mutex mutex_;
  Json state_;
  std::thread worker_;
  std::atomic<bool> cancel_{false};
  std::unique_ptr<kb::KnowledgeBase> kb_;
};

Job& job() {
  static Job one;
  return one;
}

std::string source() { return places::osm_source("", "source"); }

// POST /api/places/get {"region": "europe/liechtenstein"}: 202, then poll GET.
Reply start(const Api& api, const Request& request) {
  Json body = json_io::parse(request.body, "body");
  if (!body.is_object() || !body.contains("region") || !body["region"].is_string())
    throw BadInput("region", "expected {\"region\": \"europe/liechtenstein\"}");
  std::string region = body["region"].get<std::string>();
  places::check_region_path(region, "region");
  if (api.places.empty()) return error_reply(409, "this server was started without a places database");
  if (!job().start(api.kb, api.places, source(), region))
    return error_reply(409, "a download is already running: wait for it to end", "region");
  return {202, json_io::dump(job().state()), "application/json"};
}

Json region_json(const places::OfferedRegion& region) {
  return {{"path", region.path}, {"name", region.name}, {"parent", region.parent}};
}

// GET /api/places/regions?at=LAT,LON&q=TEXT: the region around a position
// and the regions whose name holds TEXT (at most 20).
Reply offered(const Request& request) {
  std::string at = param(request, "at");
  std::string text = param(request, "q");
  std::optional<places::LatLon> position;
  if (!at.empty()) position = places::parse_lat_lon(at, "at");
  if (!at.empty() && !position) throw BadInput("at", "expected LAT,LON, e.g. 47.14,9.52");
  std::string from = source();
  places::RegionIndex index;
  try {
    index = places::load_region_index(from, "source");
  } catch (const BadInput& e) {
    return error_reply(503, e.what(), "source");
  }
  Json suggested = nullptr;
  if (position)
    if (const auto* around = places::region_containing(index.regions, *position))
      suggested = region_json(*around);
  Json list = Json::array();
  if (!text.empty())
    for (const auto* region : places::matching_regions(index.regions, text))
      if (list.size() < 20) list.push_back(region_json(*region));
  Json out = {{"source", from}, {"offline", index.offline}, {"suggested", suggested}, {"regions", list}};
  return {200, json_io::dump(out), "application/json"};
}

}  // namespace

Reply places_get_api(const Api& api, const Request& request) {
  if (request.parts.size() != 2) return not_found(request);
  if (request.parts[1] == "regions") {
    if (!request.get()) return error_reply(405, "use GET for /api/places/regions");
    return offered(request);
  }
  if (request.method == "POST") return start(api, request);
  if (!request.get()) return error_reply(405, "use GET or POST for /api/places/get");
  return {200, json_io::dump(job().state()), "application/json"};
}

}  // namespace plantar::server
