// Looking up embedded web files by exact name.
#include "assets.h"

namespace plantar::server {

const Asset* find_asset(std::string_view path) {
  if (path == "/") path = "/index.html";
  for (const Asset& asset : embedded_assets())
    if (asset.path == path) return &asset;
  return nullptr;
}

}  // namespace plantar::server
