// The error kinds that cross layers. The CLI edge and the HTTP server map
// them to exit statuses (2 and 1) or HTTP statuses (400 and 500).
#pragma once

#include <stdexcept>
#include <string>

namespace plantar {

/// Input that cannot be used: a request field, a flag or a knowledge file
/// line. `where` names the field or `file:line`; the message says what was
/// expected and, where one is close, suggests a correction. Exit status 2.
class BadInput : public std::runtime_error {
 public:
  BadInput(std::string where, const std::string& message)
      : std::runtime_error(where.empty() ? message : where + ": " + message), where_(std::move(where)) {}
  const std::string& where() const { return where_; }

 private:
  std::string where_;
};

/// Something that should have worked did not (a file could not be written).
/// Exit status 1.
class Failure : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace plantar
