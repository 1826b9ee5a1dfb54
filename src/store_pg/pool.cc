// The connection pool: at most pool_size connections per process, each
// with the statement timeout set once when it opens.
#include "pool.h"

#include <fmt/format.h>

#include <chrono>
#include <regex>

namespace plantar::store_pg {

bool is_postgres_uri(const std::string& text) {
  return text.rfind("postgresql://", 0) == 0 || text.rfind("postgres://", 0) == 0;
}

std::string shown_uri(const std::string& uri) {
  static const std::regex password(R"((://[^:/@?]*:)[^@/?]*@)");
  return std::regex_replace(uri, password, "$1***@");
}

// libpq's messages run over several lines: one line for ours.
static std::string one_line(std::string text) {
  for (auto& c : text)
    if (c == '\n' || c == '\t') c = ' ';
  while (!text.empty() && text.back() == ' ') text.pop_back();
  std::string out;
  for (char c : text)
    if (c != ' ' || out.empty() || out.back() != ' ') out += c;
  return out;
}

void fail(const std::exception& e) {
  std::string message = one_line(e.what());
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  throw Failure("the PostgreSQL store could not be used: " + message);
}

Pool::Pool(const Options& options) : options_(options) {
  if (options_.pool_size < 1) throw BadInput("pool_size", "expected at least 1 connection");
}

std::unique_ptr<pqxx::connection> Pool::connect() const {
  try {
    auto connection = std::make_unique<pqxx::connection>(options_.uri);
    pqxx::nontransaction setup(*connection);
    setup.exec(fmt::format("SET statement_timeout = {}", options_.statement_timeout_ms));
    setup.exec("SET lock_timeout = " + std::to_string(options_.statement_timeout_ms));
    return connection;
  } catch (const pqxx::broken_connection& e) {
    throw Failure(
        fmt::format("cannot reach PostgreSQL at {}: {}", shown_uri(options_.uri), one_line(e.what())));
  } catch (const pqxx::failure& e) {
    fail(e);
  }
}

Pool::Lease Pool::acquire() {
  std::unique_lock lock(mutex_);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(options_.wait_ms);
  while (idle_.empty() && open_ >= options_.pool_size)
    if (freed_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= options_.pool_size)
      throw Failure("the PostgreSQL store is busy: no free connection after " +
                    std::to_string(options_.wait_ms) + " ms");
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  ++open_;  // counted before connecting, so the bound holds while we wait
  lock.unlock();
  try {
    return Lease(*this, connect());
  } catch (...) {
    lock.lock();
    --open_;
    freed_.notify_one();
    throw;
  }
}

void Pool::give_back(std::unique_ptr<pqxx::connection> connection) {
  std::lock_guard lock(mutex_);
  if (connection && connection->is_open())
    idle_.push_back(std::move(connection));
  else
    --open_;  // broken: the next acquire opens a new one
  freed_.notify_one();
}

int Pool::open_count() {
  std::lock_guard lock(mutex_);
  return open_;
}

Pool::Lease::~Lease() {
  if (pool_ != nullptr && connection_) pool_->give_back(std::move(connection_));
}

}  // namespace plantar::store_pg
