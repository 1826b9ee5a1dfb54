#include "pretty_writer.h"

#include <cstdio>

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

void PrettyWriter::quoted(std::string_view text) {
  out_ += '"';
  std::size_t plain = 0;  // start of the characters not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
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
