// Remembered answers: check, plan and learn are pure functions of the request
// and of the knowledge base, which does not change while the server runs, so
// an answer computed once can be sent again. Bounded; thread-safe.
#pragma once

#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "api.h"

namespace plantar::server {

class ReplyCache {
 public:
  explicit ReplyCache(std::size_t capacity = 512) : capacity_(capacity) {}

  /// The reply stored for `key`, if any.
  std::optional<Reply> find(const std::string& key) const {
    std::shared_lock lock(mutex_);
    auto found = replies_.find(key);
    if (found == replies_.end()) return std::nullopt;
    return found->second;
  }

  /// Stores a successful reply; when full, starts afresh (cheap, and the
  /// answers people repeat come back at once).
  void store(const std::string& key, const Reply& reply) {
    if (reply.status != 200) return;
    std::unique_lock lock(mutex_);
    if (replies_.size() >= capacity_) replies_.clear();
    replies_.emplace(key, reply);
  }

 private:
  std::size_t capacity_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, Reply> replies_;
};

}  // namespace plantar::server
