// See remove_on_signal.h. The paths are copied into fixed buffers before the
// handlers are installed, so the handler touches no allocator.
#include "remove_on_signal.h"

#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstring>

namespace plantar::cli {
namespace {

constexpr std::size_t max_paths = 4;
constexpr std::size_t max_path = 4096;
char paths_to_remove[max_paths][max_path];
volatile sig_atomic_t armed = 0;
constexpr int signals[] = {SIGINT, SIGTERM, SIGHUP};

void on_signal(int signal) {
  if (armed)
    for (auto& path : paths_to_remove)
      if (path[0] != '\0') ::unlink(path);
  std::signal(signal, SIG_DFL);
  raise(signal);
}

}  // namespace

RemoveOnSignal::RemoveOnSignal(const std::vector<std::string>& paths) {
  std::size_t i = 0;
  for (const auto& path : paths)
    if (i < max_paths && path.size() < max_path)
      std::memcpy(paths_to_remove[i++], path.c_str(), path.size() + 1);
  armed = 1;
  for (int s : signals) std::signal(s, on_signal);
}

RemoveOnSignal::~RemoveOnSignal() {
  for (int s : signals) std::signal(s, SIG_DFL);
  armed = 0;
  for (auto& path : paths_to_remove) path[0] = '\0';
}

}  // namespace plantar::cli
