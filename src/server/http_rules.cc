// UTF-8, cookies, secrets and Range headers for server.cc.
#include "http_rules.h"

#include <charconv>

namespace plantar::server {

bool valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
    if (byte < 0xc2 || byte > 0xf4 || i + length > text.size()) return false;
    unsigned code = byte & (0x3fu >> (length - 1));
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return false;
      code = (code << 6) | (next & 0x3fu);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((length == 3 && code < 0x800) || (length == 4 && code < 0x10000) ||
        (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff)
      return false;
    i += length;
  }
  return true;
}

std::string cookie_value(std::string_view header, std::string_view name) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    std::size_t end = header.find(';', pos);
    if (end == std::string_view::npos) end = header.size();
    std::string_view pair = header.substr(pos, end - pos);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > name.size() && pair.substr(0, name.size()) == name && pair[name.size()] == '=')
      return std::string(pair.substr(name.size() + 1));
    pos = end + 1;
  }
  return "";
}

bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

namespace {

// A whole number of up to 18 digits (no sign, no overflow); false otherwise.
bool read_position(std::string_view text, std::size_t& out) {
  if (text.empty() || text.size() > 18) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), out);
  return error == std::errc() && end == text.data() + text.size();
}

}  // namespace

RangeAnswer parse_range(std::string_view header, std::size_t size) {
  constexpr std::string_view unit = "bytes=";
  if (header.substr(0, unit.size()) != unit) return {};
  std::string_view spec = header.substr(unit.size());
  if (spec.find(',') != std::string_view::npos) return {RangeAnswer::refused};
  std::size_t dash = spec.find('-');
  if (dash == std::string_view::npos) return {};
  std::string_view from = spec.substr(0, dash), to = spec.substr(dash + 1);
  std::size_t first = 0, last = 0;
  if (from.empty()) {  // the last N bytes
    if (!read_position(to, last)) return {};
    if (last == 0 || size == 0) return {RangeAnswer::refused};
    return {RangeAnswer::part, size - std::min(last, size), size - 1};
  }
  if (!read_position(from, first)) return {};
  if (to.empty()) {
    last = size == 0 ? 0 : size - 1;
  } else if (!read_position(to, last) || last < first) {
    return {};
  }
  if (first >= size) return {RangeAnswer::refused};
  return {RangeAnswer::part, first, std::min(last, size - 1)};
}

}  // namespace plantar::server
