// Files that must not outlive an interrupted command: while a RemoveOnSignal
// is alive, Ctrl-C (SIGINT), SIGTERM and SIGHUP remove them before the
// process dies of the signal (unlink() is async-signal-safe).
#pragma once

#include <string>
#include <vector>

namespace plantar::cli {

class RemoveOnSignal {
 public:
  /// At most 4 paths, each shorter than 4096 bytes (longer ones are ignored).
  explicit RemoveOnSignal(const std::vector<std::string>& paths);
  ~RemoveOnSignal();
  RemoveOnSignal(const RemoveOnSignal&) = delete;
  RemoveOnSignal& operator=(const RemoveOnSignal&) = delete;
};

}  // namespace plantar::cli
