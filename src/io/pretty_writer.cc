#include "pretty_writer.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace plantar::json_io {

void PrettyWriter::newline_indent() {
  out_ += '\n';
  out_.append(2 * levels_.size(), ' ');
}

void PrettyWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) return;  // the top-level value
  if (levels_.back().count++ > 0) out_ += ',';
  newline_indent();
}

void PrettyWriter::open(char bracket) {
  before_value();
  out_ += bracket;
  levels_.push_back({});
}

void PrettyWriter::close(char bracket) {
  bool empty = levels_.back().count == 0;
  levels_.pop_back();
  if (!empty) newline_indent();
  out_ += bracket;
}

void PrettyWriter::key(std::string_view name) {
  if (levels_.back().count++ > 0) out_ += ',';
  newline_indent();
  quoted(name);
  out_ += ": ";
  after_key_ = true;
}

namespace {

// True when one of the 8 bytes of `word` may need escaping in JSON (below
// 0x20, '"' or '\\'): the "has a byte less than n / equal to n" tests of Bit
// Twiddling Hacks. It never misses one, so clean text is skipped 8 bytes at
// a time (a routine's JSON is mostly long cues).
bool may_need_escape(std::uint64_t word) {
  constexpr std::uint64_t ones = 0x0101010101010101, highs = 0x8080808080808080;
  auto has_zero = [](std::uint64_t x) { return ((x - ones) & ~x & highs) != 0; };
  bool below_space = ((word - ones * 0x20) & ~word & highs) != 0;
  return below_space || has_zero(word ^ (ones * '"')) || has_zero(word ^ (ones * '\\'));
}

}  // namespace

void PrettyWriter::quoted(std::string_view text) {
  out_ += '"';
  std::size_t plain = 0;  // start of the characters not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (std::uint64_t word; i + 8 <= text.size()) {
      std::memcpy(&word, text.data() + i, 8);
      if (!may_need_escape(word)) {
        i += 7;
        continue;
      }
    }
    auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out_.append(text, plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default: {
        char escaped[8];
        std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
        out_ += escaped;
      }
    }
  }
  out_.append(text, plain);
  out_ += '"';
}

void PrettyWriter::string(std::string_view text) {
  before_value();
  quoted(text);
}

void PrettyWriter::number(long long value) {
  before_value();
  out_ += std::to_string(value);
}

void PrettyWriter::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
}

void PrettyWriter::strings(const std::vector<std::string>& list) {
  begin_array();
  for (const auto& item : list) string(item);
  end_array();
}

std::string PrettyWriter::finish() && {
  out_ += '\n';
  return std::move(out_);
}

}  // namespace plantar::json_io
