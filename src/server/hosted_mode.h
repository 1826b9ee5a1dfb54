// What the server asks of hosted mode (`plantar serve --store URI`), kept
// apart from hosted.h so that server.cc needs neither libpqxx nor libsodium:
// hosted.cc implements it, and the HTTP fuzzer, which never runs hosted,
// links none of it.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "api.h"

namespace plantar::server {

/// One API request with what hosted mode needs from its headers.
struct HostedCall {
  std::string method, path, body;
  std::map<std::string, std::string> query;
  std::string cookie;           // the Cookie header
  std::string client;           // the client's address (for login limits)
  std::string idempotency_key;  // the Idempotency-Key header
};

class HostedMode {
 public:
  virtual ~HostedMode() = default;
  /// The CSRF token every server of this store hands out.
  virtual std::string csrf_token() = 0;
  /// Answers an /api request (after the server's CSRF and type checks).
  virtual Reply answer(const Api& sources, const HostedCall& call) = 0;
};

/// Opens (and migrates) the store at `store_uri` (a libpq URI). Throws
/// Failure when it cannot be used.
std::unique_ptr<HostedMode> open_hosted(const std::string& store_uri, bool secure_cookies);

}  // namespace plantar::server
