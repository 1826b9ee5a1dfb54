// Accounts, sign-in sessions and sharing with a therapist, in hosted mode:
// everything lives in the PostgreSQL store, so any app server answers any
// request. Passwords are hashed with Argon2id (libsodium); session tokens
// and share codes are random and stored only as hashes; login attempts are
// counted in the store, per account and per client address. Time is the
// database's clock (now()), the same for every server.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plantar/pg_store.h"

namespace plantar::accounts {

inline constexpr int min_password = 10;   // characters
inline constexpr int max_password = 256;  // bytes: Argon2 takes longer inputs, we need not
inline constexpr int session_days = 30;
inline constexpr int share_days = 7;  // an unaccepted share code expires after this
inline constexpr int attempt_minutes = 15;
inline constexpr int max_account_failures = 5;  // failed logins per account in attempt_minutes
inline constexpr int max_client_failures = 20;  // failed logins per client address in attempt_minutes

/// A new sign-in session: the token goes into the cookie; only its hash is stored.
struct Session {
  std::int64_t account = 0;
  std::string token;
};

enum class LoginResult { ok, wrong, too_many };

struct Login {
  LoginResult result = LoginResult::wrong;
  Session session;  // when ok
};

/// One share code as its owner sees it.
struct Share {
  std::int64_t id = 0;
  std::string created, expires;  // ISO dates and times (UTC)
  std::string therapist;         // email once accepted, else ""
  std::string status;            // "waiting", "accepted", "expired", "revoked"
};

/// A client a therapist may see (the id is the share's).
struct Client {
  std::int64_t id = 0;
  std::string email;
  std::string since;
};

enum class AcceptResult { ok, unknown, expired, revoked, used, own };

class Accounts {
 public:
  explicit Accounts(store_pg::Database& db) : db_(db) {}

  /// Makes an account and signs it in. Throws BadInput naming "email" (bad
  /// or taken) or "password" (too short or long).
  Session sign_up(const std::string& email, const std::string& password);
  /// Checks the password, counting failures per account and per client.
  Login log_in(const std::string& email, const std::string& password, const std::string& client);
  /// The account of a live session token, or 0.
  std::int64_t account_of(const std::string& token);
  /// Ends the session (unknown tokens are ignored).
  void log_out(const std::string& token);
  /// The account's email ("" when there is none).
  std::string email_of(std::int64_t account);
  /// Deletes the account and every row of it (journal, sessions, shares) in one transaction.
  void delete_account(std::int64_t account);

  /// Sets a new password (the sign-up rules; BadInput names `field`) and ends
  /// every sign-in session of the account except `keep` (a token; "" ends
  /// them all). Returns how many sessions ended; -1 when there is no such account.
  int set_password(std::int64_t account, const std::string& password, const std::string& keep = "",
                   const std::string& field = "password");
  /// The signed-in person's change of password: `current` is checked like a
  /// login (a wrong one counts as a failure, per account and per client), then
  /// set_password keeps the session `keep`. BadInput names "new" when the new
  /// password breaks the sign-up rules.
  LoginResult change_password(std::int64_t account, const std::string& current, const std::string& next,
                              const std::string& client, const std::string& keep);

  /// A new share code for `client` (shown once: only its hash is stored).
  std::pair<Share, std::string> create_share(std::int64_t client);
  std::vector<Share> shares(std::int64_t client);
  /// Revokes one of the client's shares; false when the client has no such share.
  bool revoke_share(std::int64_t client, std::int64_t share);
  AcceptResult accept_share(std::int64_t therapist, const std::string& code);
  /// The clients whose accepted, unrevoked shares name this therapist.
  std::vector<Client> clients(std::int64_t therapist);
  /// The client account behind one of the therapist's live shares, or 0.
  std::int64_t client_of(std::int64_t therapist, std::int64_t share);

  /// The secret all servers share for the CSRF token (made once per store).
  std::string shared_secret(const std::string& name);

 private:
  store_pg::Database& db_;
};

/// A share code as people type it: letters and digits only, upper case.
std::string normalize_code(const std::string& code);

}  // namespace plantar::accounts
