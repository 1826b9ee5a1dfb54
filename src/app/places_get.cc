// The download of a region's OpenStreetMap extract, checked against its
// published MD5 and imported in one step (moved out of
// src/cli/cmd_places_get.cc, shared with /api/places/get).
#include <fmt/format.h>

#include <ctime>
#include <filesystem>

#include "plantar/app_places.h"
#include "plantar/errors.h"
#include "plantar/osm_regions.h"
#include "plantar/suggest.h"

namespace plantar::app {
namespace {

namespace fs = std::filesystem;

std::string local_time_now() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
                     local.tm_hour, local.tm_min);
}

// The file is removed however the import ends: a download is only a step.
struct RemoveLater {
  fs::path path;
  ~RemoveLater() {
    std::error_code ignored;
    fs::remove(path, ignored);
  }
};

// A 404 for the checksum means the source has no such region: say where to look.
[[noreturn]] void no_such_region(const std::string& source, const std::string& region,
                                 const std::string& where, const std::string& problem) {
  std::string hint;
  try {
    auto index = places::load_region_index(source, where);
    std::vector<std::string> paths;
    for (const auto& offered : index.regions) paths.push_back(offered.path);
    std::string close = closest(region, paths);
    if (!close.empty()) hint = " Did you mean '" + close + "'?";
  } catch (const std::exception&) {
    // no index to suggest from: the message below still says what to run
  }
  throw BadInput(where, source + " offers no region '" + region + "' (" + problem + ")." + hint +
                            " See 'plantar places regions NAME'.");
}

void import_download(const kb::KnowledgeBase& kb, const std::string& places_db, const fs::path& file,
                     const std::string& url, const std::string& md5, const GetFn& step, GotRegion& got) {
  places::Region region;
  region.name = places::region_name(file.string());
  region.source = recorded_source(url, md5);
  region.imported_at = local_time_now();
  GetStep importing{"import", {}, {}};
  auto imported = places::import_osm(file.string(), kb.places, [&](const places::ImportProgress& p) {
    importing.import = p;
    step(importing);
  });
  region.places = std::move(imported.places);
  region.named = std::move(imported.named);
  places::Store store(places_db, true);
  store.replace_region(region);
  got.region = {region.name, region.source, region.imported_at, static_cast<int>(region.places.size()),
                static_cast<int>(region.named.size())};
  got.objects = imported.objects;
}

}  // namespace

std::string checksum_of(const std::string& source, const std::string& region, const std::string& url,
                        const std::string& where) {
  try {
    return places::published_md5(places::http_text(url + ".md5", where), where);
  } catch (const BadInput& e) {
    std::string text = e.what();
    if (text.find("HTTP 404") != std::string::npos) no_such_region(source, region, where, "HTTP 404");
    throw;
  }
}

std::string recorded_source(const std::string& url, const std::string& md5) {
  return url + md5_mark + md5 + ")";
}

GotRegion get_region(const kb::KnowledgeBase& kb, const std::string& places_db, const std::string& source,
                     const std::string& region, const std::string& where, const GetFn& step) {
  places::check_region_path(region, where);
  GotRegion got;
  got.url = source + "/" + region + "-latest.osm.pbf";
  step({"checksum", {}, {}});
  std::string md5 = checksum_of(source, region, got.url, where);
  fs::path folder = fs::path(places::cache_dir()) / "downloads" / places::source_key(source);
  fs::path file = folder / (region + "-latest.osm.pbf");
  fs::path part = file.string() + ".part";
  std::error_code error;
  fs::create_directories(part.parent_path(), error);
  if (error) throw Failure("cannot make the folder " + part.parent_path().string() + ": " + error.message());
  GetStep downloading{"download", {}, {}};
  got.resumed = places::http_file(got.url, part.string(), where, [&](const places::DownloadProgress& p) {
    downloading.download = p;
    step(downloading);
  });
  got.bytes = fs::file_size(part, error);
  std::string found = places::file_md5(part.string());
  if (found != md5) {
    fs::remove(part, error);  // a damaged file must not be resumed
    throw BadInput(where,
                   fmt::format("the downloaded file is damaged or changed on the server while it came: "
                               "its MD5 checksum is {}, the published one is {}. Nothing was imported; "
                               "run the same command again",
                               found, md5));
  }
  fs::rename(part, file, error);
  if (error) throw Failure("cannot rename " + part.string() + ": " + error.message());
  RemoveLater cleanup{file};
  import_download(kb, places_db, file, got.url, md5, step, got);
  step({"done", {}, {}});
  return got;
}

}  // namespace plantar::app
