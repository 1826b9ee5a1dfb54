// Hosted mode (`plantar serve --store postgresql://...`): accounts, sign-in
// sessions and sharing in front of the API. Every per-person request is
// answered for the account of its session cookie, never for an account the
// request names; knowledge requests stay open. The server keeps no state
// between requests: sessions, login attempts and shares live in the store.
#pragma once

#include <string>
#include <vector>

#include "hosted_mode.h"
#include "plantar/accounts.h"
#include "plantar/pg_store.h"

namespace plantar::server {

class Hosted final : public HostedMode {
 public:
  /// Opens (and migrates) the store. Throws Failure when it cannot be used.
  Hosted(const store_pg::Options& options, bool secure_cookies);

  /// The CSRF token every server of this store hands out.
  std::string csrf_token() override { return accounts_.shared_secret("csrf"); }
  /// Answers an /api request (after the server's CSRF and type checks).
  Reply answer(const Api& sources, const HostedCall& call) override;

  store_pg::Database& database() { return db_; }

 private:
  Reply account_api(const HostedCall& call, const std::vector<std::string>& parts);
  Reply password_api(const HostedCall& call, const std::string& token);
  Reply share_api(const Api& sources, const HostedCall& call, std::int64_t me,
                  const std::vector<std::string>& parts);
  Reply client_api(const Api& sources, const HostedCall& call, std::int64_t me,
                   const std::vector<std::string>& parts);
  std::string cookie(const std::string& token, bool clear) const;
  Reply signed_in(int status, const accounts::Session& session);

  store_pg::Database db_;
  accounts::Accounts accounts_;
  bool secure_;
};

/// The name of hosted mode's session cookie.
inline constexpr const char* account_cookie = "plantar_account";

}  // namespace plantar::server
