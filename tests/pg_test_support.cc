#include "pg_test_support.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <pqxx/pqxx>

namespace plantar::test {

std::optional<std::string> pg_server_uri() {
  if (const char* uri = std::getenv("PLANTAR_TEST_PG"); uri != nullptr && *uri != '\0') return uri;
  const char* file = std::getenv("PLANTAR_TEST_PG_FILE");
  if (file == nullptr) file = PLANTAR_PG_URI_FILE;  // written by ctest's postgres fixture
  std::ifstream in(file);
  std::string uri;
  if (!std::getline(in, uri) || uri.empty()) return std::nullopt;
  return uri;
}

std::string with_database(const std::string& uri, const std::string& name) {
  std::size_t query = uri.find('?');
  std::size_t slash = uri.rfind('/', query);
  return uri.substr(0, slash + 1) + name + (query == std::string::npos ? "" : uri.substr(query));
}

PgScratch::PgScratch() {
  auto server = pg_server_uri();
  if (!server) return;
  static std::atomic<int> counter = 0;
  server_ = *server;
  name_ = "plantar_t" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  pqxx::connection admin(server_);
  pqxx::nontransaction(admin).exec("CREATE DATABASE " + name_);
  uri_ = with_database(server_, name_);
}

PgScratch::~PgScratch() {
  if (name_.empty()) return;
  try {
    pqxx::connection admin(server_);
    pqxx::nontransaction(admin).exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (const std::exception&) {
    // The server is going away with its folder anyway.
  }
}

std::string PgScratch::query(const std::string& sql) const {
  pqxx::connection connection(uri_);
  auto result = pqxx::nontransaction(connection).exec(sql);
  return result.empty() || result[0][0].is_null() ? "" : result[0][0].as<std::string>();
}

}  // namespace plantar::test
