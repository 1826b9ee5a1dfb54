// The web app's files (web/dist), embedded in the binary at build time by
// web/scripts/embed.mjs, each with its gzip form and an ETag.
#pragma once

#include <span>
#include <string_view>

namespace plantar::server {

struct Asset {
  std::string_view path;  // "/index.html", "/assets/index-3f2a.js"
  std::string_view type;  // Content-Type
  std::string_view body;
  std::string_view gzip;  // the same bytes gzip-compressed
  std::string_view etag;  // quoted, from a hash of the body
  bool immutable;         // hashed name: cache for a year
};

/// Every embedded file (generated source).
std::span<const Asset> embedded_assets();

/// The asset served at `path` ("/" is /index.html); nullptr for anything
/// else. Only exact embedded names match, so no path can reach a file.
const Asset* find_asset(std::string_view path);

}  // namespace plantar::server
