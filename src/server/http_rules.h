// The HTTP rules of `plantar serve` that need no HTTP library: UTF-8 checks,
// cookies, secrets and Range headers. server.cc applies them to each request.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plantar::server {

/// True when `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool valid_utf8(std::string_view text);

/// The value of cookie `name` in a Cookie header ("" when absent).
std::string cookie_value(std::string_view header, std::string_view name);

/// Compares two secrets in a time that does not depend on where they differ.
bool same_secret(std::string_view a, std::string_view b);

/// What a Range header asks of a body of `size` bytes.
struct RangeAnswer {
  enum Kind { whole, part, refused } kind = whole;
  std::size_t first = 0, last = 0;  // inclusive, for `part`
};

/// One range ("bytes=100-199", "bytes=100-", "bytes=-10") is served as a
/// part; several ranges or one past the end are refused (416); a header in
/// another unit or malformed is ignored (the whole body, as RFC 9110 allows).
RangeAnswer parse_range(std::string_view header, std::size_t size);

}  // namespace plantar::server
