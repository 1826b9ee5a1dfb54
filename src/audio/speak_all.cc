// Speaking many sentences at once in worker processes. flite is not
// documented as thread-safe and its voice object is shared and changed
// without locks (reference counts, features), so each worker is a forked
// process with its own copy of flite. The workers share one counter (in
// shared memory) and each takes the next sentence, longest first, when it
// finishes one, so neither core waits for the other at the end; a worker can
// also encode what it spoke. Results come back through a pipe.
#include <poll.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <map>
#include <numeric>

#include "opus_piece.h"
#include "plantar/errors.h"
#include "speech_parts.h"

namespace plantar::audio {
namespace {

constexpr std::size_t edge_fade = sample_rate / 200;  // 5 ms

// One message on a worker's pipe: the text's index, the sample count, the
// packet count, then the samples as floats, then each packet's size (u16)
// and bytes.
struct Header {
  std::uint32_t index;
  std::uint32_t count;
  std::uint32_t packets;
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

std::string message(std::uint32_t index, const Spoken& s) {
  Header header{index, static_cast<std::uint32_t>(s.samples.size()),
                static_cast<std::uint32_t>(s.piece.packets.size())};
  std::string out(reinterpret_cast<const char*>(&header), sizeof header);
  out.append(reinterpret_cast<const char*>(s.samples.data()), s.samples.size() * sizeof(float));
  for (const auto& p : s.piece.packets) {
    auto size = static_cast<std::uint16_t>(p.size());
    out.append(reinterpret_cast<const char*>(&size), sizeof size);
    out += p;
  }
  return out;
}

// The work list all workers share: which text is next, in `order`.
struct Shared {
  std::atomic<std::uint32_t> next{0};
};
static_assert(std::atomic<std::uint32_t>::is_always_lock_free, "the counter is shared between processes");

struct Job {
  const std::vector<std::string>& texts;
  std::vector<std::size_t> order;  // longest first
  VoiceSettings settings;
  bool encode;
  Shared* shared;
};

[[noreturn]] void run_worker(int fd, const Job& job) {
  try {
    auto voice = flite_voice(job.settings);
    for (std::uint32_t k; (k = job.shared->next++) < job.order.size();) {
      auto i = static_cast<std::uint32_t>(job.order[k]);
      Spoken s{voice->speak(job.texts[i]).samples, {}};
      if (job.encode) {
        fade_edges(s.samples, edge_fade);
        s.piece = encode_piece(s.samples);
      }
      std::string bytes = message(i, s);
      if (!write_all(fd, bytes.data(), bytes.size())) _exit(1);
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

// Takes every complete message out of a worker's buffer; false if one is bad.
bool take_messages(Worker& worker, std::vector<Spoken>& out, int& done) {
  std::string_view in = worker.buffer;
  std::size_t used = 0;
  while (in.size() - used >= sizeof(Header)) {
    Header header;
    std::memcpy(&header, in.data() + used, sizeof header);
    std::size_t at = used + sizeof header, floats = header.count * sizeof(float);
    if (in.size() - at < floats) break;
    std::vector<float> samples(header.count);
    std::memcpy(samples.data(), in.data() + at, floats);
    at += floats;
    Piece piece;
    bool whole = true;
    for (std::uint32_t p = 0; p < header.packets && whole; ++p) {
      std::uint16_t size = 0;
      whole = in.size() - at >= sizeof size;
      if (!whole) break;
      std::memcpy(&size, in.data() + at, sizeof size);
      at += sizeof size;
      whole = in.size() - at >= size;
      if (whole) piece.packets.emplace_back(in.substr(at, size));
      at += size;
    }
    if (!whole) break;
    if (header.index >= out.size()) return false;
    out[header.index] = {std::move(samples), std::move(piece)};
    used = at;
    ++done;
  }
  worker.buffer.erase(0, used);
  return true;
}

std::vector<Worker> start_workers(const Job& job, int count) {
  std::vector<Worker> workers;
  for (int w = 0; w < count; ++w) {
    int fds[2];
    if (pipe(fds) != 0) throw Failure(std::string("cannot start a speech worker: ") + std::strerror(errno));
    pid_t pid = fork();
    if (pid < 0) throw Failure(std::string("cannot start a speech worker: ") + std::strerror(errno));
    if (pid == 0) {
      close(fds[0]);
      for (const auto& other : workers) close(other.fd);
      run_worker(fds[1], job);
    }
    close(fds[1]);
    workers.push_back({pid, fds[0], {}});
  }
  return workers;
}

// Reads from every worker until all have finished; returns false if one failed.
bool collect(std::vector<Worker>& workers, std::vector<Spoken>& out, const Progress& progress) {
  int done = 0, total = static_cast<int>(out.size());
  std::size_t open = workers.size();
  std::vector<char> chunk(1 << 16);
  bool ok = true;
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
      int before = done;
      ok = take_messages(w, out, done) && ok;
      if (progress && done != before) progress(done, total);
    }
  }
  ok = ok && done == total;
  for (auto& w : workers) {
    int status = 0;
    while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
    ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  }
  return ok;
}

}  // namespace

std::vector<Spoken> speak_parts(const std::vector<std::string>& texts, const VoiceSettings& settings,
                                int workers, const Progress& progress, bool encode) {
  std::vector<Spoken> out(texts.size());
  if (texts.empty()) return out;
  void* memory = mmap(nullptr, sizeof(Shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (memory == MAP_FAILED)
    throw Failure(std::string("cannot share work with the speech workers: ") + std::strerror(errno));
  Job job{texts, std::vector<std::size_t>(texts.size()), settings, encode, new (memory) Shared};
  std::iota(job.order.begin(), job.order.end(), std::size_t{0});
  // Longest first: the last sentence taken is a short one, so the workers end together.
  std::stable_sort(job.order.begin(), job.order.end(),
                   [&](std::size_t a, std::size_t b) { return texts[a].size() > texts[b].size(); });
  bool ok = false;
  try {
    auto running = start_workers(job, std::clamp(workers, 1, static_cast<int>(texts.size())));
    ok = collect(running, out, progress);
  } catch (...) {
    munmap(memory, sizeof(Shared));
    throw;
  }
  munmap(memory, sizeof(Shared));
  if (!ok) throw Failure("speech synthesis failed in a worker process");
  return out;
}

std::vector<Clip> speak_all(const std::vector<std::string>& texts, const VoiceSettings& settings, int workers,
                            const Progress& progress) {
  std::vector<std::string> unique;
  std::map<std::string, std::size_t> index_of;
  for (const auto& text : texts)
    if (index_of.emplace(text, unique.size()).second) unique.push_back(text);
  auto spoken = speak_parts(unique, settings, workers, progress, false);
  std::vector<Clip> out;
  out.reserve(texts.size());
  for (const auto& text : texts) out.push_back({sample_rate, spoken[index_of.at(text)].samples});
  return out;
}

}  // namespace plantar::audio
