// Getting OpenStreetMap extracts from a Geofabrik-style download server:
// files over HTTP(S) with libcurl (certificates verified, resume by Range),
// their published MD5, and where plantar keeps downloads and the region
// index. libcurl and OpenSSL stay in src/places/download.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace plantar::places {

inline constexpr const char* default_osm_source = "https://download.geofabrik.de";

/// The download server: `flag` when given, else $PLANTAR_OSM_SOURCE, else
/// Geofabrik; without a trailing '/'. Throws BadInput(where) unless it
/// starts with http:// or https://.
std::string osm_source(const std::string& flag, const std::string& where);

/// $XDG_CACHE_HOME/plantar, else ~/.cache/plantar. Throws Failure when
/// neither variable is set.
std::string cache_dir();

/// A folder name for `source` inside the cache ("download.geofabrik.de",
/// "127.0.0.1_8123").
std::string source_key(const std::string& source);

/// Checks a Geofabrik-style region path such as "europe/liechtenstein":
/// lower-case letters, digits and '-' in parts joined by '/'. Throws
/// BadInput(where).
void check_region_path(const std::string& region, const std::string& where);

/// The body of `url` (a small text such as an .md5 or index-v1.json).
/// Throws BadInput(where) when the server cannot be reached or does not
/// answer 200.
std::string http_text(const std::string& url, const std::string& where);

struct DownloadProgress {
  std::uint64_t done = 0;     // bytes in the file so far (with a resumed start)
  std::uint64_t total = 0;    // the whole file's size, 0 while unknown
  std::uint64_t resumed = 0;  // bytes that were there before this download
  double seconds = 0;         // since this download started
};
using DownloadFn = std::function<void(const DownloadProgress&)>;

/// Downloads `url` into `path`. When `path` already holds the start of the
/// file (an interrupted download), asks only for the rest (HTTP Range) and
/// appends it. Throws BadInput(where) on a failed or cut-off transfer; the
/// bytes received so far stay in `path` for the next try. An exception
/// thrown by `progress` ends the transfer and is thrown on. Returns the bytes
/// that were already there (0: a fresh download).
std::uint64_t http_file(const std::string& url, const std::string& path, const std::string& where,
                        const DownloadFn& progress);

/// The MD5 of a file as 32 lower-case hex digits (OpenSSL EVP).
std::string file_md5(const std::string& path);

/// The checksum in a published .md5 file ("<32 hex>  name"), lower-case.
/// Throws BadInput(where) when the text holds none.
std::string published_md5(const std::string& text, const std::string& where);

}  // namespace plantar::places
