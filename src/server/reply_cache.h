// Remembered answers: check, plan and learn are pure functions of the request
// and of the knowledge base, which does not change while the server runs, so
// an answer computed once can be sent again. Bounded; thread-safe. Answers
// are shared, not copied: the one in the cache is the one being sent.
#pragma once

#include <deque>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "api.h"

namespace plantar::server {

class ReplyCache {
 public:
  explicit ReplyCache(std::size_t capacity = 512) : capacity_(capacity) {}

  /// The reply stored for `key`, if any.
  std::shared_ptr<const Reply> find(const std::string& key) const {
    std::shared_lock lock(mutex_);
    auto found = replies_.find(key);
    return found == replies_.end() ? nullptr : found->second;
  }

  /// Stores a successful reply; when full, forgets the oldest one (one at a
  /// time: emptying the whole cache at once held the lock, and every thread
  /// waiting on it, for the time of freeing 512 answers).
  void store(const std::string& key, std::shared_ptr<const Reply> reply) {
    if (reply->status != 200 || capacity_ == 0) return;
    std::unique_lock lock(mutex_);
    if (!replies_.emplace(key, std::move(reply)).second) return;
    order_.push_back(key);
    if (order_.size() > capacity_) {
      replies_.erase(order_.front());
      order_.pop_front();
    }
  }

  std::size_t size() const {
    std::shared_lock lock(mutex_);
    return replies_.size();
  }

 private:
  std::size_t capacity_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Reply>> replies_;
  std::deque<std::string> order_;  // keys, oldest first
};

}  // namespace plantar::server
