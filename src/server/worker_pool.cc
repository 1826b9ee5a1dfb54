#include "worker_pool.h"

namespace plantar::server {

WorkerPool::WorkerPool(int threads) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

WorkerPool::~WorkerPool() { finish(); }

bool WorkerPool::post(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    if (closing_) return false;
    jobs_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

void WorkerPool::finish() {
  {
    std::lock_guard lock(mutex_);
    closing_ = true;
  }
  ready_.notify_all();
  for (auto& thread : threads_)
    if (thread.joinable()) thread.join();
}

void WorkerPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [this] { return closing_ || !jobs_.empty(); });
      if (jobs_.empty()) return;  // closing, and nothing left to do
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();  // a job catches its own exceptions (see server.cc)
  }
}

}  // namespace plantar::server
