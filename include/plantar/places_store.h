// The places database (SQLite, places.db): places with an R*Tree index on
// their positions, named places for "near Vaduz", and the regions they came
// from. A region is replaced whole, in one transaction. SQLiteCpp stays in
// src/places/store.cc.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "plantar/places.h"
#include "plantar/places_query.h"

namespace plantar::places {

/// Everything one import brings: a region's places and named places.
struct Region {
  std::string name;         // e.g. "liechtenstein"
  std::string source;       // the file it came from
  std::string imported_at;  // "2024-05-06 14:30"
  std::vector<Place> places;
  std::vector<NamedPlace> named;
};

/// What the database holds of one region.
struct RegionSummary {
  std::string name, source, imported_at;
  int places = 0, named = 0;
};

class Store {
 public:
  /// Opens the database at `path`; with `create`, creates it (and its
  /// folder) when missing. Throws Failure when it cannot, BadInput when
  /// `create` is false and there is no database yet.
  Store(const std::string& path, bool create);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  /// Replaces every place and named place of region.name in one transaction:
  /// on failure the old data stays. Throws Failure.
  void replace_region(const Region& region);
  /// The places in `box` whose kind is one of `kinds` (all when empty).
  std::vector<Place> in_box(const Box& box, const std::vector<std::string>& kinds) const;
  /// Named places called `name` (ignoring ASCII case).
  std::vector<NamedPlace> named(const std::string& name) const;
  /// Named places whose name starts with `prefix` (ignoring ASCII case).
  std::vector<NamedPlace> named_starting(const std::string& prefix) const;
  /// Every distinct name of a named place, for "did you mean".
  std::vector<std::string> names() const;
  std::vector<RegionSummary> regions() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace plantar::places
