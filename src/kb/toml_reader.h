// Typed reading of one TOML table with errors that carry `file:line` and say
// what was expected. Private to the knowledge-base loader.
#pragma once

#include <toml++/toml.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "plantar/errors.h"
#include "plantar/kb.h"

namespace plantar::kb {

class TableReader {
 public:
  TableReader(const toml::table& table, std::string file, std::string what);

  std::string string(std::string_view key);
  std::string optional_string(std::string_view key, std::string fallback = "");
  std::vector<std::string> strings(std::string_view key);  // absent = empty
  bool boolean(std::string_view key, bool fallback);
  std::optional<int> optional_int(std::string_view key, int lo, int hi);
  Range range(std::string_view key, int lo, int hi);
  Polygon polygon(std::string_view key);
  /// [[x, y], ...] with at least `min_points` points (absent = empty when min_points is 0).
  Polygon points(std::string_view key, std::size_t min_points);
  /// One [x, y] point, both from 0 to 1.
  Point point(std::string_view key);
  /// A number from lo to hi; `fallback` when absent.
  double number(std::string_view key, double lo, double hi, double fallback);
  /// An array of inline tables; nullptr when absent.
  const toml::array* array(std::string_view key);
  const toml::table* subtable(std::string_view key);

  /// Fails on any key that was never asked for: a typo must not pass silently.
  void reject_unknown_keys() const;

  Origin origin() const { return {file_, line_of(table_)}; }
  [[noreturn]] void fail(std::string_view key, const std::string& message) const;
  const std::string& file() const { return file_; }

  static int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

 private:
  const toml::node* find(std::string_view key);

  const toml::table& table_;
  std::string file_;
  std::string what_;
  std::set<std::string, std::less<>> seen_;
};

/// Reads each `[[name]]` entry of `root` with `read`; fails if absent.
template <typename Read>
void for_each_entry(const toml::table& root, const std::string& file, std::string_view name, Read read) {
  const auto* array = root[name].as_array();
  if (array == nullptr || array->empty())
    throw BadInput(file + ":1", "expected at least one [[" + std::string(name) + "]] entry");
  for (const auto& node : *array) {
    const auto* table = node.as_table();
    if (table == nullptr)
      throw BadInput(file + ":" + std::to_string(TableReader::line_of(node)),
                     "expected [[" + std::string(name) + "]] to be a table");
    TableReader reader(*table, file, std::string(name));
    read(reader);
    reader.reject_unknown_keys();
  }
}

}  // namespace plantar::kb
