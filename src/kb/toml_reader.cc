#include "toml_reader.h"

#include <fmt/format.h>

namespace plantar::kb {

TableReader::TableReader(const toml::table& table, std::string file, std::string what)
    : table_(table), file_(std::move(file)), what_(std::move(what)) {}

void TableReader::fail(std::string_view key, const std::string& message) const {
  const toml::node* node = table_.get(key);
  int line = node != nullptr ? line_of(*node) : line_of(table_);
  std::string where = file_ + ":" + std::to_string(line);
  std::string field = key.empty() ? what_ : what_ + "." + std::string(key);
  throw BadInput(where, field + ": " + message);
}

const toml::node* TableReader::find(std::string_view key) {
  seen_.emplace(key);
  return table_.get(key);
}

std::string TableReader::string(std::string_view key) {
  const toml::node* node = find(key);
  if (node == nullptr) fail(key, "is missing (expected a string)");
  auto value = node->value<std::string>();
  if (!value) fail(key, "expected a string");
  if (value->empty()) fail(key, "must not be empty");
  return *value;
}

std::string TableReader::optional_string(std::string_view key, std::string fallback) {
  const toml::node* node = find(key);
  if (node == nullptr) return fallback;
  auto value = node->value<std::string>();
  if (!value) fail(key, "expected a string");
  return *value;
}

std::vector<std::string> TableReader::strings(std::string_view key) {
  std::vector<std::string> out;
  const toml::node* node = find(key);
  if (node == nullptr) return out;
  const auto* array = node->as_array();
  if (array == nullptr) fail(key, "expected an array of strings");
  for (const auto& item : *array) {
    auto value = item.value<std::string>();
    if (!value || value->empty()) fail(key, "expected an array of non-empty strings");
    out.push_back(*value);
  }
  return out;
}

bool TableReader::boolean(std::string_view key, bool fallback) {
  const toml::node* node = find(key);
  if (node == nullptr) return fallback;
  auto value = node->value<bool>();
  if (!value) fail(key, "expected true or false");
  return *value;
}

std::optional<int> TableReader::optional_int(std::string_view key, int lo, int hi) {
  const toml::node* node = find(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_integer()) fail(key, "expected a whole number");
  auto value = node->value<int64_t>().value_or(0);
  if (value < lo || value > hi)
    fail(key, "expected a number from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got " +
                  std::to_string(value));
  return static_cast<int>(value);
}

Range TableReader::range(std::string_view key, int lo, int hi) {
  const toml::node* node = find(key);
  if (node == nullptr) fail(key, "is missing (expected { min = ..., default = ..., max = ... })");
  const auto* table = node->as_table();
  if (table == nullptr) fail(key, "expected { min = ..., default = ..., max = ... }");
  TableReader inner(*table, file_, what_ + "." + std::string(key));
  Range range;
  range.min = inner.optional_int("min", lo, hi).value_or(-1);
  range.preferred = inner.optional_int("default", lo, hi).value_or(-1);
  range.max = inner.optional_int("max", lo, hi).value_or(-1);
  inner.reject_unknown_keys();
  if (range.min < 0 || range.preferred < 0 || range.max < 0)
    fail(key, "expected all of min, default and max");
  if (!(range.min <= range.preferred && range.preferred <= range.max))
    fail(key, "expected min <= default <= max");
  return range;
}

Polygon TableReader::polygon(std::string_view key) { return points(key, 3); }

Point TableReader::point(std::string_view key) {
  const toml::node* node = find(key);
  if (node == nullptr) fail(key, "is missing (expected [x, y])");
  const auto* pair = node->as_array();
  if (pair == nullptr || pair->size() != 2) fail(key, "expected [x, y]");
  double xy[2];
  for (std::size_t i = 0; i < 2; ++i) {
    auto value = (*pair)[i].value<double>();
    if (!value || *value < 0.0 || *value > 1.0) fail(key, "expected coordinates from 0 to 1 (normalized)");
    xy[i] = *value;
  }
  return {xy[0], xy[1]};
}

Polygon TableReader::points(std::string_view key, std::size_t min_points) {
  const toml::node* node = find(key);
  if (node == nullptr && min_points == 0) return {};
  if (node == nullptr) fail(key, "is missing (expected [[x, y], ...])");
  const auto* array = node->as_array();
  if (array == nullptr || array->size() < min_points)
    fail(key, "expected at least " + std::to_string(min_points) + " [x, y] points");
  Polygon polygon;
  for (const auto& item : *array) {
    const auto* pair = item.as_array();
    if (pair == nullptr || pair->size() != 2) fail(key, "expected [x, y] points");
    double xy[2];
    for (std::size_t i = 0; i < 2; ++i) {
      auto value = (*pair)[i].value<double>();  // integers convert too
      if (!value || *value < 0.0 || *value > 1.0) fail(key, "expected coordinates from 0 to 1 (normalized)");
      xy[i] = *value;
    }
    polygon.push_back({xy[0], xy[1]});
  }
  return polygon;
}

double TableReader::number(std::string_view key, double lo, double hi, double fallback) {
  const toml::node* node = find(key);
  if (node == nullptr) return fallback;
  auto value = node->value<double>();  // integers convert too
  if (!value || *value < lo || *value > hi)
    fail(key, fmt::format("expected a number from {:g} to {:g}", lo, hi));
  return *value;
}

const toml::array* TableReader::array(std::string_view key) {
  const toml::node* node = find(key);
  if (node == nullptr) return nullptr;
  const auto* array = node->as_array();
  if (array == nullptr) fail(key, "expected a list");
  return array;
}

const toml::table* TableReader::subtable(std::string_view key) {
  const toml::node* node = find(key);
  if (node == nullptr) return nullptr;
  const auto* table = node->as_table();
  if (table == nullptr) fail(key, "expected a table");
  return table;
}

void TableReader::reject_unknown_keys() const {
  for (const auto& [key, node] : table_) {
    if (seen_.find(key.str()) == seen_.end()) {
      throw BadInput(file_ + ":" + std::to_string(line_of(node)),
                     what_ + ": unknown key '" + std::string(key.str()) + "'");
    }
  }
}

}  // namespace plantar::kb
