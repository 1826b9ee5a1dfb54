#include "pretty_writer.h"

#include <algorithm>
#include <cassert>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>

namespace plantar::json_io {

namespace {

// Sixteen bytes at a time (GCC's vector extensions: SSE2 on amd64, and
// portable): true when one of them needs escaping in JSON, below 0x20, '"'
// or '\\'. A routine's JSON is mostly long cues, nearly all clean.
using Bytes16 = unsigned char __attribute__((vector_size(16)));
using Mask16 = std::uint64_t __attribute__((vector_size(16)));

bool may_need_escape(const char* at) {
  Bytes16 bytes;
  std::memcpy(&bytes, at, sizeof bytes);
  Bytes16 hits = (bytes < 0x20) | (bytes == '"') | (bytes == '\\');
  Mask16 lanes;
  std::memcpy(&lanes, &hits, sizeof lanes);
  return (lanes[0] | lanes[1]) != 0;
}

// True when no byte of `text` needs escaping: whole blocks of 16, then the
// rest padded with clean bytes (short strings, and the ends of long ones,
// are most of a routine's strings).
bool clean(std::string_view text) {
  std::size_t i = 0;
  for (; i + 16 <= text.size(); i += 16)
    if (may_need_escape(text.data() + i)) return false;
  if (i == text.size()) return true;
  char rest[16];
  std::memset(rest, 'a', sizeof rest);
  std::memcpy(rest, text.data() + i, text.size() - i);
  return !may_need_escape(rest);
}

// Keys are the program's own snake_case names.
[[maybe_unused]] bool plain_key(std::string_view name) {
  for (char c : name)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

}  // namespace

void PrettyWriter::grow(std::size_t more) {
  std::size_t used = static_cast<std::size_t>(at_ - buffer_.get());
  std::size_t size = static_cast<std::size_t>(end_ - buffer_.get());
  std::size_t wanted = std::max(2 * size, used + more);
  auto bigger = std::make_unique_for_overwrite<char[]>(wanted);
  if (used > 0) std::memcpy(bigger.get(), buffer_.get(), used);
  buffer_ = std::move(bigger);
  at_ = buffer_.get() + used;
  end_ = buffer_.get() + wanted;
}

// A new line and the indent of the current level at `out`, the spaces eight
// at a time: the room must reach line_room() bytes past `out`.
char* PrettyWriter::line_break(char* out) const {
  constexpr std::uint64_t eight = 0x2020202020202020;
  std::size_t width = 2 * counts_.size();
  *out++ = '\n';
  for (std::size_t done = 0; done < width; done += 8) std::memcpy(out + done, &eight, 8);
  return out + width;
}

void PrettyWriter::newline_indent() { at_ = line_break(room(line_room())); }

void PrettyWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (counts_.empty()) return;  // the top-level value
  if (counts_.back()++ > 0) put(',');
  newline_indent();
}

void PrettyWriter::open(char bracket) {
  before_value();
  put(bracket);
  counts_.push_back(0);
}

void PrettyWriter::close(char bracket) {
  bool empty = counts_.back() == 0;
  counts_.pop_back();
  if (!empty) newline_indent();
  put(bracket);
}

void PrettyWriter::key(std::string_view name) {
  assert(plain_key(name));  // the program's own names: nothing to escape
  // The comma, the new line and its indent, and "name": in one go.
  char* out = room(1 + line_room() + name.size() + 4);
  if (counts_.back()++ > 0) *out++ = ',';
  out = line_break(out);
  *out++ = '"';
  std::memcpy(out, name.data(), name.size());
  std::memcpy(out + name.size(), "\": ", 3);
  at_ = out + name.size() + 3;
  after_key_ = true;
}

void PrettyWriter::quoted(std::string_view text) {
  if (clean(text)) {  // nearly always: copied in one go
    char* out = room(text.size() + 2);
    *out++ = '"';
    std::memcpy(out, text.data(), text.size());
    out[text.size()] = '"';
    at_ = out + text.size() + 1;
    return;
  }
  put('"');
  std::size_t plain = 0;  // start of the characters not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i + 16 <= text.size() && !may_need_escape(text.data() + i)) {
      i += 15;
      continue;
    }
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    put(text.substr(plain, i - plain));
    plain = i + 1;
    switch (c) {
      case '"': put("\\\""); break;
      case '\\': put("\\\\"); break;
      case '\b': put("\\b"); break;
      case '\f': put("\\f"); break;
      case '\n': put("\\n"); break;
      case '\r': put("\\r"); break;
      case '\t': put("\\t"); break;
      default: {
        char escaped[8];
        int n = std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
        put(std::string_view(escaped, static_cast<std::size_t>(n)));
      }
    }
  }
  put(text.substr(plain));
  put('"');
}

void PrettyWriter::string(std::string_view text) {
  before_value();
  quoted(text);
}

void PrettyWriter::number(long long value) {
  before_value();
  char* out = room(24);  // the longest long long, with its sign
  at_ = std::to_chars(out, out + 24, value).ptr;
}

void PrettyWriter::boolean(bool value) {
  before_value();
  put(value ? "true" : "false");
}

void PrettyWriter::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const auto& item : list) string(item);
  end_array();
}

std::string PrettyWriter::finish() && {
  put('\n');
  return std::string(buffer_.get(), at_);
}

}  // namespace plantar::json_io
