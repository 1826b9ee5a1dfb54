// Accounts and sign-in sessions in the PostgreSQL store (libsodium for the
// password hashes, the random tokens and their hashes).
#include "plantar/accounts.h"

#include <sodium.h>

#include "plantar/errors.h"
#include "pool.h"

namespace plantar::accounts {
namespace {

void start_sodium() {
  static const int ready = sodium_init();  // thread-safe, once
  if (ready < 0) throw Failure("libsodium could not start");
}

std::string hex(const unsigned char* bytes, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes, size);
  out.pop_back();
  return out;
}

// A 256-bit random token, in hex.
std::string random_token() {
  start_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  return hex(bytes, sizeof bytes);
}

std::string password_hash(const std::string& password) {
  start_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw Failure("out of memory while hashing the password");
  return out;
}

bool password_matches(const std::string& hash, const std::string& password) {
  start_sodium();
  return !hash.empty() && crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void check_password(const std::string& password, const std::string& field = "password") {
  if (password.size() < static_cast<std::size_t>(min_password))
    throw BadInput(field, "use at least " + std::to_string(min_password) + " characters");
  if (password.size() > static_cast<std::size_t>(max_password))
    throw BadInput(field, "use at most " + std::to_string(max_password) + " characters");
}

std::string account_key(const std::string& email) { return "account:" + email; }
std::string client_key(const std::string& client) { return "client:" + client; }

// True when the account or the client failed too often lately (login and
// change of password count the same failures).
bool too_many_failures(pqxx::transaction_base& tx, const std::string& email, const std::string& client) {
  auto row = tx.exec_params1(
      "SELECT (SELECT count(*) FROM login_attempts WHERE key = $1 AND at > now() - make_interval(mins => "
      "$3)), "
      "(SELECT count(*) FROM login_attempts WHERE key = $2 AND at > now() - make_interval(mins => $3))",
      account_key(email), client_key(client), attempt_minutes);
  return row[0].as<int>() >= max_account_failures || row[1].as<int>() >= max_client_failures;
}

void record_failure(pqxx::transaction_base& tx, const std::string& email, const std::string& client) {
  tx.exec_params("INSERT INTO login_attempts (key) VALUES ($1), ($2)", account_key(email),
                 client_key(client));
  tx.exec("DELETE FROM login_attempts WHERE at < now() - interval '1 day'");
}

}  // namespace

std::string token_hash(const std::string& token) {
  start_sodium();
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                     nullptr, 0);
  return hex(out, sizeof out);
}

namespace {

Session new_session(pqxx::transaction_base& tx, std::int64_t account) {
  Session session{account, random_token()};
  tx.exec_params(
      "INSERT INTO login_sessions (token_hash, account_id, expires) "
      "VALUES ($1, $2, now() + make_interval(days => $3))",
      token_hash(session.token), account, session_days);
  return session;
}

}  // namespace

Session Accounts::sign_up(const std::string& email_text, const std::string& password) {
  std::string email = store_pg::checked_email(email_text, "email");
  check_password(password);
  std::string hash = password_hash(password);  // slow: before a connection is taken
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    auto made = tx.exec_params(
        "INSERT INTO accounts (email, password_hash) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING "
        "RETURNING id",
        email, hash);
    if (made.empty()) throw BadInput("email", "there is already an account for this email: log in instead");
    return new_session(tx, made[0][0].as<std::int64_t>());
  });
}

Login Accounts::log_in(const std::string& email_text, const std::string& password,
                       const std::string& client) {
  std::string email = store_pg::checked_email(email_text, "email");
  auto [account, hash, blocked] = store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    auto row = tx.exec_params("SELECT id, password_hash FROM accounts WHERE email = $1", email);
    bool found = !row.empty();
    return std::tuple{found ? row[0][0].as<std::int64_t>() : std::int64_t{0},
                      found && !row[0][1].is_null() ? row[0][1].as<std::string>() : std::string(),
                      too_many_failures(tx, email, client)};
  });
  if (blocked) return {LoginResult::too_many, {}};
  // An unknown email costs the same time as a wrong password.
  static const std::string decoy = password_hash("not anyone's password");
  bool ok = password_matches(hash.empty() ? decoy : hash, password) && account != 0;
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) -> Login {
    if (!ok) {
      record_failure(tx, email, client);
      return {LoginResult::wrong, {}};
    }
    tx.exec_params("DELETE FROM login_attempts WHERE key = $1", account_key(email));
    tx.exec("DELETE FROM login_sessions WHERE expires < now()");
    return {LoginResult::ok, new_session(tx, account)};
  });
}

int Accounts::set_password(std::int64_t account, const std::string& password, const std::string& keep,
                           const std::string& field) {
  check_password(password, field);
  std::string hash = password_hash(password);  // slow: before a connection is taken
  std::string kept = keep.empty() ? std::string() : token_hash(keep);
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) -> int {
    auto email =
        tx.exec_params("UPDATE accounts SET password_hash = $2 WHERE id = $1 RETURNING email", account, hash);
    if (email.empty()) return -1;
    // Whoever knew the old password is signed out everywhere; the new one works at once.
    auto ended = tx.exec_params("DELETE FROM login_sessions WHERE account_id = $1 AND token_hash <> $2",
                                account, kept);
    tx.exec_params("DELETE FROM login_attempts WHERE key = $1", account_key(email[0][0].as<std::string>()));
    return static_cast<int>(ended.affected_rows());
  });
}

LoginResult Accounts::change_password(std::int64_t account, const std::string& current,
                                      const std::string& next, const std::string& client,
                                      const std::string& keep) {
  check_password(next, "new");
  auto [email, hash, blocked] = store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    auto row = tx.exec_params("SELECT email, password_hash FROM accounts WHERE id = $1", account);
    if (row.empty()) return std::tuple{std::string(), std::string(), false};
    std::string email = row[0][0].as<std::string>();
    return std::tuple{email, row[0][1].is_null() ? std::string() : row[0][1].as<std::string>(),
                      too_many_failures(tx, email, client)};
  });
  if (email.empty()) return LoginResult::wrong;
  if (blocked) return LoginResult::too_many;
  if (!password_matches(hash, current)) {
    store_pg::in_transaction(db_.pool(),
                             [&](pqxx::transaction_base& tx) { record_failure(tx, email, client); });
    return LoginResult::wrong;
  }
  set_password(account, next, keep, "new");
  return LoginResult::ok;
}

std::int64_t Accounts::account_of(const std::string& token) {
  if (token.size() != 64) return 0;
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) -> std::int64_t {
    auto found = tx.exec_params(
        "SELECT account_id FROM login_sessions WHERE token_hash = $1 AND expires > now()", token_hash(token));
    return found.empty() ? 0 : found[0][0].as<std::int64_t>();
  });
}

void Accounts::log_out(const std::string& token) {
  store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    tx.exec_params("DELETE FROM login_sessions WHERE token_hash = $1", token_hash(token));
  });
}

std::string Accounts::email_of(std::int64_t account) {
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    auto found = tx.exec_params("SELECT email FROM accounts WHERE id = $1", account);
    return found.empty() ? std::string() : found[0][0].as<std::string>();
  });
}

void Accounts::delete_account(std::int64_t account) {
  store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    // Every table names the account with ON DELETE CASCADE: sessions (with
    // their ratings and sore spots), sign-in sessions, shares both ways.
    auto email = tx.exec_params("DELETE FROM accounts WHERE id = $1 RETURNING email", account);
    if (!email.empty())
      tx.exec_params("DELETE FROM login_attempts WHERE key = $1", account_key(email[0][0].as<std::string>()));
  });
}

std::string Accounts::shared_secret(const std::string& name) {
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    tx.exec_params("INSERT INTO server_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                   name, random_token());
    return tx.exec_params1("SELECT value FROM server_secrets WHERE name = $1", name)[0].as<std::string>();
  });
}

}  // namespace plantar::accounts
