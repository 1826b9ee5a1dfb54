// A bounded pool of libpqxx connections, each set up with the statement
// timeout, and the one way the store runs a transaction: `in_transaction`,
// which repeats a transaction that failed on a serialization conflict or a
// deadlock (safe: nothing of it was committed) and turns libpqxx errors
// into Failure.
#pragma once

#include <pqxx/pqxx>

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "plantar/errors.h"
#include "plantar/pg_store.h"

namespace plantar::store_pg {

class Pool {
 public:
  explicit Pool(const Options& options);

  /// A connection lent for one scope; given back (or dropped when broken)
  /// at destruction.
  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<pqxx::connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&&) = default;
    ~Lease();
    pqxx::connection& operator*() { return *connection_; }
    pqxx::connection* operator->() { return connection_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<pqxx::connection> connection_;
  };

  /// A free connection, a new one while under the bound, or waits for one;
  /// throws Failure after options.wait_ms.
  Lease acquire();
  /// A new connection outside the pool (migrations hold theirs).
  std::unique_ptr<pqxx::connection> connect() const;
  /// How many connections are open now (lent or idle).
  int open_count();
  const Options& options() const { return options_; }

 private:
  void give_back(std::unique_ptr<pqxx::connection> connection);

  Options options_;
  std::mutex mutex_;
  std::condition_variable freed_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  int open_ = 0;
};

/// Runs `work` in a transaction at `level` and commits it; repeats it up to
/// three times on a serialization failure or deadlock. libpqxx errors
/// become Failure; BadInput and Failure pass through.
template <pqxx::isolation_level level = pqxx::read_committed, typename F>
auto in_transaction(Pool& pool, F work) -> decltype(work(std::declval<pqxx::transaction_base&>()));

/// The URI with any password replaced by "***", for messages.
std::string shown_uri(const std::string& uri);

[[noreturn]] void fail(const std::exception& e);

template <pqxx::isolation_level level, typename F>
auto in_transaction(Pool& pool, F work) -> decltype(work(std::declval<pqxx::transaction_base&>())) {
  constexpr int attempts = 4;
  for (int attempt = 1;; ++attempt) {
    try {
      auto lease = pool.acquire();
      pqxx::transaction<level> tx(*lease);
      if constexpr (std::is_void_v<decltype(work(tx))>) {
        work(tx);
        tx.commit();
        return;
      } else {
        auto result = work(tx);
        tx.commit();
        return result;
      }
    } catch (const pqxx::transaction_rollback& e) {
      // serialization_failure, deadlock_detected: nothing was committed.
      if (attempt >= attempts || dynamic_cast<const pqxx::statement_completion_unknown*>(&e)) fail(e);
    } catch (const pqxx::failure& e) {
      fail(e);
    } catch (const pqxx::usage_error& e) {
      fail(e);
    }
  }
}

}  // namespace plantar::store_pg
