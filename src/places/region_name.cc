// The region a file holds, from its name.
#include <cctype>
#include <filesystem>

#include "plantar/osm_import.h"

namespace plantar::places {
namespace {

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// "-latest", "-230101", "-2013-08-03" at the end.
std::size_t version_suffix(const std::string& name) {
  if (ends_with(name, "-latest")) return name.size() - 7;
  std::size_t end = name.size();
  while (end > 0 && (std::isdigit(static_cast<unsigned char>(name[end - 1])) || name[end - 1] == '-')) --end;
  bool has_digit = end < name.size();
  if (!has_digit || end == 0 || name[end] != '-') return name.size();
  return end;
}

}  // namespace

std::string region_name(const std::string& path) {
  std::string name = std::filesystem::path(path).filename().string();
  for (const char* suffix : {".bz2", ".gz", ".pbf", ".osm", ".xml", ".opl"})
    if (ends_with(name, suffix)) name.resize(name.size() - std::string(suffix).size());
  name.resize(version_suffix(name));
  return name.empty() ? "region" : name;
}

}  // namespace plantar::places
