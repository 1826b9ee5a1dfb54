// PostgreSQL array literals for the statements that carry many rows.
#include "arrays.h"

namespace plantar::store_pg {
namespace {

template <typename T, typename F>
std::string array(const std::vector<T>& items, F word) {
  std::string out = "{";
  for (const auto& item : items) {
    if (out.size() > 1) out += ',';
    out += word(item);
  }
  return out + "}";
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string text_array(const std::vector<std::optional<std::string>>& items) {
  return array(items, [](const auto& item) { return item ? quoted(*item) : std::string("NULL"); });
}

std::string text_array(const std::vector<std::string>& items) { return array(items, quoted); }

std::string number_array(const std::vector<std::optional<std::int64_t>>& items) {
  return array(items, [](const auto& item) { return item ? std::to_string(*item) : std::string("NULL"); });
}

std::string number_array(const std::vector<std::int64_t>& items) {
  return array(items, [](std::int64_t item) { return std::to_string(item); });
}

}  // namespace plantar::store_pg
