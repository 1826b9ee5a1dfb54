// The kind of a place from its OSM tags, by the tests of places.toml.
#include <algorithm>

#include "plantar/places.h"

namespace plantar::places {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

bool holds(const kb::TagTest& test, const TagLookup& tag) {
  const char* value = tag(test.key.c_str());
  if (value == nullptr) return false;
  return test.in_list ? list_holds(value, test.value) : test.value == value;
}

}  // namespace

bool list_holds(std::string_view list, std::string_view word) {
  std::size_t start = 0;
  while (start <= list.size()) {
    auto end = std::min(list.find(';', start), list.size());
    if (trim(list.substr(start, end - start)) == word) return true;
    start = end + 1;
  }
  return false;
}

const kb::PlaceKind* classify(const kb::PlaceTagging& tagging, const TagLookup& tag) {
  for (const auto& kind : tagging.kinds)
    for (const auto& tests : kind.match)
      if (std::all_of(tests.begin(), tests.end(), [&](const auto& test) { return holds(test, tag); }))
        return &kind;
  return nullptr;
}

}  // namespace plantar::places
