// Sharing with a therapist: a client makes a code, a therapist account
// accepts it once, and sees that client read-only until the client revokes
// it. Every check reads the store, so a revoke holds on every server at once.
#include <sodium.h>

#include "plantar/accounts.h"
#include "pool.h"

namespace plantar::accounts {

std::string token_hash(const std::string& token);

namespace {

// No 0/O, 1/I/L or U: easy to read aloud and to type.
constexpr std::string_view code_letters = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
constexpr int code_length = 12;  // 30^12: about 59 bits

std::string new_code() {
  std::string code;
  for (int i = 0; i < code_length; ++i) {
    if (i > 0 && i % 4 == 0) code += '-';
    code += code_letters[randombytes_uniform(static_cast<std::uint32_t>(code_letters.size()))];
  }
  return code;
}

constexpr const char* utc_text = "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'";

std::string as_text(const std::string& column) {
  return "to_char(" + column + " AT TIME ZONE 'UTC', " + utc_text + ")";
}

}  // namespace

std::string normalize_code(const std::string& code) {
  std::string out;
  for (char c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

std::pair<Share, std::string> Accounts::create_share(std::int64_t client) {
  std::string code = new_code();
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    auto row = tx.exec_params1(
        "INSERT INTO shares (client_id, code_hash, expires) "
        "VALUES ($1, $2, now() + make_interval(days => $3)) RETURNING id, " +
            as_text("created") + ", " + as_text("expires"),
        client, token_hash(normalize_code(code)), share_days);
    Share share{row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(), "", "waiting"};
    return std::pair{share, code};
  });
}

std::vector<Share> Accounts::shares(std::int64_t client) {
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    std::vector<Share> out;
    for (const auto& row : tx.exec_params(
             "SELECT s.id, " + as_text("s.created") + ", " + as_text("s.expires") +
                 ", coalesce(a.email, ''), CASE WHEN s.revoked IS NOT NULL THEN 'revoked' "
                 "WHEN s.therapist_id IS NOT NULL THEN 'accepted' WHEN s.expires <= now() THEN 'expired' "
                 "ELSE 'waiting' END FROM shares s LEFT JOIN accounts a ON a.id = s.therapist_id "
                 "WHERE s.client_id = $1 ORDER BY s.id",
             client))
      out.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>(),
                     row[3].as<std::string>(), row[4].as<std::string>()});
    return out;
  });
}

bool Accounts::revoke_share(std::int64_t client, std::int64_t share) {
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    return tx.exec_params(
                 "UPDATE shares SET revoked = coalesce(revoked, now()) WHERE id = $1 AND client_id = $2",
                 share, client)
               .affected_rows() > 0;
  });
}

AcceptResult Accounts::accept_share(std::int64_t therapist, const std::string& code) {
  std::string typed = normalize_code(code);
  if (typed.size() != static_cast<std::size_t>(code_length)) return AcceptResult::unknown;
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    auto found = tx.exec_params(
        "SELECT id, client_id, revoked IS NOT NULL, therapist_id IS NOT NULL, expires <= now() "
        "FROM shares WHERE code_hash = $1 FOR UPDATE",
        token_hash(typed));
    if (found.empty()) return AcceptResult::unknown;
    const auto& row = found[0];
    if (row[2].as<bool>()) return AcceptResult::revoked;
    if (row[3].as<bool>()) return AcceptResult::used;
    if (row[4].as<bool>()) return AcceptResult::expired;
    if (row[1].as<std::int64_t>() == therapist) return AcceptResult::own;
    tx.exec_params("UPDATE shares SET therapist_id = $1, accepted = now() WHERE id = $2", therapist,
                   row[0].as<std::int64_t>());
    return AcceptResult::ok;
  });
}

std::vector<Client> Accounts::clients(std::int64_t therapist) {
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) {
    std::vector<Client> out;
    for (const auto& row :
         tx.exec_params("SELECT s.id, a.email, " + as_text("s.accepted") +
                            " FROM shares s JOIN accounts a ON a.id = s.client_id "
                            "WHERE s.therapist_id = $1 AND s.revoked IS NULL ORDER BY a.email, s.id",
                        therapist))
      out.push_back({row[0].as<std::int64_t>(), row[1].as<std::string>(), row[2].as<std::string>()});
    return out;
  });
}

std::int64_t Accounts::client_of(std::int64_t therapist, std::int64_t share) {
  return store_pg::in_transaction(db_.pool(), [&](pqxx::transaction_base& tx) -> std::int64_t {
    auto found =
        tx.exec_params("SELECT client_id FROM shares WHERE id = $1 AND therapist_id = $2 AND revoked IS NULL",
                       share, therapist);
    return found.empty() ? 0 : found[0][0].as<std::int64_t>();
  });
}

}  // namespace plantar::accounts
