// Speaking many cues at once in worker processes. flite is not documented as
// thread-safe and its voice object is shared and changed without locks
// (reference counts, features), so each worker is a forked process with its
// own copy of flite; the samples come back through a pipe.
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>

#include "plantar/audio.h"
#include "plantar/errors.h"

namespace plantar::audio {
namespace {

// One message on a worker's pipe: the text's index, the sample count, then
// the samples as floats.
struct Header {
  std::uint32_t index;
  std::uint32_t count;
};

bool write_all(int fd, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

[[noreturn]] void run_worker(int fd, const std::vector<std::string>& texts, std::size_t first,
                             std::size_t step, const VoiceSettings& settings) {
  try {
    auto voice = flite_voice(settings);
    for (std::size_t i = first; i < texts.size(); i += step) {
      Clip clip = voice->speak(texts[i]);
      Header header{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(clip.samples.size())};
      if (!write_all(fd, &header, sizeof header) ||
          !write_all(fd, clip.samples.data(), clip.samples.size() * sizeof(float)))
        _exit(1);
    }
  } catch (...) {
    _exit(1);
  }
  _exit(0);
}

struct Worker {
  pid_t pid = -1;
  int fd = -1;
  std::string buffer;
};

// Takes every complete message out of a worker's buffer.
int take_messages(Worker& worker, std::vector<Clip>& out) {
  int done = 0;
  while (worker.buffer.size() >= sizeof(Header)) {
    Header header;
    std::memcpy(&header, worker.buffer.data(), sizeof header);
    std::size_t size = sizeof header + header.count * sizeof(float);
    if (worker.buffer.size() < size) break;
    Clip& clip = out.at(header.index);
    clip.samples.resize(header.count);
    std::memcpy(clip.samples.data(), worker.buffer.data() + sizeof header, header.count * sizeof(float));
    worker.buffer.erase(0, size);
    ++done;
  }
  return done;
}

std::vector<Worker> start_workers(const std::vector<std::string>& texts, const VoiceSettings& settings,
                                  int count) {
  std::vector<Worker> workers;
  for (int w = 0; w < count; ++w) {
    int fds[2];
    if (pipe(fds) != 0) throw Failure(std::string("cannot start a speech worker: ") + std::strerror(errno));
    pid_t pid = fork();
    if (pid < 0) throw Failure(std::string("cannot start a speech worker: ") + std::strerror(errno));
    if (pid == 0) {
      close(fds[0]);
      for (const auto& other : workers) close(other.fd);
      run_worker(fds[1], texts, static_cast<std::size_t>(w), static_cast<std::size_t>(count), settings);
    }
    close(fds[1]);
    workers.push_back({pid, fds[0], {}});
  }
  return workers;
}

// Reads from every worker until all have finished; returns false if one failed.
bool collect(std::vector<Worker>& workers, std::vector<Clip>& out, const Progress& progress) {
  int done = 0, total = static_cast<int>(out.size());
  std::size_t open = workers.size();
  std::vector<char> chunk(1 << 16);
  while (open > 0) {
    std::vector<pollfd> fds;
    for (const auto& w : workers)
      if (w.fd >= 0) fds.push_back({w.fd, POLLIN, 0});
    if (poll(fds.data(), fds.size(), -1) < 0 && errno != EINTR) return false;
    for (auto& w : workers) {
      if (w.fd < 0) continue;
      auto it = std::find_if(fds.begin(), fds.end(), [&](const pollfd& p) { return p.fd == w.fd; });
      if (it == fds.end() || it->revents == 0) continue;
      ssize_t n = read(w.fd, chunk.data(), chunk.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        close(w.fd);
        w.fd = -1;
        --open;
        continue;
      }
      w.buffer.append(chunk.data(), static_cast<std::size_t>(n));
      done += take_messages(w, out);
      if (progress) progress(done, total);
    }
  }
  bool ok = done == total;
  for (auto& w : workers) {
    int status = 0;
    while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  return ok;
}

}  // namespace

std::vector<Clip> speak_all(const std::vector<std::string>& texts, const VoiceSettings& settings, int workers,
                            const Progress& progress) {
  std::vector<std::string> unique;
  std::map<std::string, std::size_t> index_of;
  for (const auto& text : texts)
    if (index_of.emplace(text, unique.size()).second) unique.push_back(text);
  std::vector<Clip> spoken(unique.size());
  if (!unique.empty()) {
    int count = std::clamp(workers, 1, static_cast<int>(unique.size()));
    auto running = start_workers(unique, settings, count);
    if (!collect(running, spoken, progress)) throw Failure("speech synthesis failed in a worker process");
  }
  std::vector<Clip> out;
  out.reserve(texts.size());
  for (const auto& text : texts) out.push_back(spoken[index_of.at(text)]);
  return out;
}

}  // namespace plantar::audio
