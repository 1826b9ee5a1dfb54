// The tests' PostgreSQL: the throwaway server that scripts/with-postgres
// starts (ctest's `postgres` fixture, or `scripts/with-postgres CMD`), and a
// fresh database in it for each test.
#pragma once

#include <optional>
#include <string>

namespace plantar::test {

/// The URI of the tests' PostgreSQL server: $PLANTAR_TEST_PG, else the file
/// $PLANTAR_TEST_PG_FILE names, else build/.../pg-test.uri (written by the
/// ctest fixture while the postgres tests run); nullopt when
/// there is none (the PostgreSQL binaries are missing, or the tests run
/// outside ctest and scripts/with-postgres).
std::optional<std::string> pg_server_uri();

/// Why a PostgreSQL test skips, said in the skip message.
inline constexpr const char* no_pg_reason =
    "no PostgreSQL for the tests: run them through ctest (the postgres fixture) or scripts/with-postgres";

/// A new, empty database on the tests' server, dropped at destruction.
class PgScratch {
 public:
  PgScratch();
  ~PgScratch();
  PgScratch(const PgScratch&) = delete;
  PgScratch& operator=(const PgScratch&) = delete;
  /// Its URI (libpq form), or "" when there is no server.
  const std::string& uri() const { return uri_; }
  /// Runs SQL on the database and returns the first column of the first row ("" when none).
  std::string query(const std::string& sql) const;

 private:
  std::string server_, name_, uri_;
};

/// `uri` with its database name replaced by `name`.
std::string with_database(const std::string& uri, const std::string& name);

}  // namespace plantar::test
