// LAN pairing: a one-time code shown as a URL and a QR code in the terminal;
// the client that opens it gets a session; every other client is refused.
#pragma once

#include <mutex>
#include <set>
#include <string>

namespace plantar::server {

/// `bytes` random bytes from the system's random device, as hex.
std::string random_hex(std::size_t bytes);

/// The one-time code and the paired sessions. Thread-safe.
class Pairing {
 public:
  Pairing();
  /// The code that pairs the next client.
  std::string code() const;
  /// Pairs the client that presents `code`: returns a new session id and
  /// makes a new code, or "" when the code is wrong.
  std::string pair(const std::string& code);
  /// A new session without a code: local mode, for the holder of the secret
  /// printed at launch.
  std::string open_session();
  /// True for a session made by pair() or open_session().
  bool paired(const std::string& session) const;

 private:
  mutable std::mutex mutex_;
  std::string code_;
  std::set<std::string> sessions_;
};
}  // namespace plantar::server
