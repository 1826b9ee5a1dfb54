// Threads for the answers that may wait on something (a journal write that
// syncs to disk, a places query, an audio render, PostgreSQL in hosted
// mode), so that the event loops, one a core, only ever compute. A loop
// hands such a request over and goes on serving its other connections.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace plantar::server {

class WorkerPool {
 public:
  explicit WorkerPool(int threads);
  ~WorkerPool();  // finish()
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Queues `job`; false (and `job` not run) once finish() has begun.
  bool post(std::function<void()> job);
  /// Takes no more jobs, runs every job already queued, and joins.
  void finish();

 private:
  void work();

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool closing_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace plantar::server
